"""The GAS T-score against hand-computed values."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.services.gas import t_score


@pytest.mark.parametrize(
    ("levels", "expected"),
    [
        ([(0, 1)], 50.0),
        ([(0, 1), (0, 1), (0, 1)], 50.0),  # everything as expected: 50
        ([(2, 1)], 70.0),  # one goal: sqrt(0.7 + 0.3) = 1, so +2 is 70
        ([(-2, 1)], 30.0),
        # three goals at +1: 50 + 10 * 3 / sqrt(0.7*3 + 0.3*9) = 50 + 30 / sqrt(4.8)
        ([(1, 1), (1, 1), (1, 1)], 50 + 30 / math.sqrt(4.8)),
        # four goals at +1 (Kiresuk and Sherman's worked case): 50 + 40 / sqrt(2.8 + 4.8)
        ([(1, 1)] * 4, 64.51),
        # weights 2 and 1, levels +1 and -1: 50 + 10 * (2 - 1) / sqrt(0.7*5 + 0.3*9) = 54.02
        ([(1, 2), (-1, 1)], 50 + 10 / math.sqrt(6.2)),
    ],
)
def test_hand_computed_cases(levels: list[tuple[int, float]], expected: float) -> None:
    score = t_score(levels)
    assert score is not None and score == pytest.approx(expected, abs=0.01)


def test_no_goals_no_score_and_bad_input_is_refused() -> None:
    assert t_score([]) is None
    with pytest.raises(ValueError, match="levels"):
        t_score([(3, 1)])
    with pytest.raises(ValueError, match="weights"):
        t_score([(1, 0)])


@given(st.lists(st.tuples(st.integers(-2, 2), st.integers(1, 5)), min_size=1, max_size=10))
def test_the_score_stays_between_its_bounds_and_is_symmetric(levels: list[tuple[int, int]]) -> None:
    score = t_score(levels)
    mirrored = t_score([(-level, weight) for level, weight in levels])
    assert score is not None and mirrored is not None
    assert 0 < score < 100
    assert score - 50 == pytest.approx(50 - mirrored)
