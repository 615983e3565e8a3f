"""The callback codec: every button fits 64 bytes at its largest, and parse(build(x)) == x."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from handlers.callbacks import ACTIONS, CHECKIN_GOAL, GOAL_RULER, Callback, CallbackError


@pytest.mark.parametrize("name", sorted(ACTIONS))
def test_every_action_fits_64_bytes_at_its_largest(name: str) -> None:
    action = ACTIONS[name]
    largest = action.largest()
    assert len(largest.encode()) <= 64, (name, largest)
    assert action.parse(largest) is not None


def test_no_two_actions_read_the_same_data() -> None:
    for name, action in ACTIONS.items():
        data = action.largest()
        owners = [other for other, each in ACTIONS.items() if each.matches(data)]
        assert owners == [name], (data, owners)


def test_build_and_parse_are_inverse() -> None:
    data = GOAL_RULER.build(goal=42, ruler="imp", value=None)
    assert data == "g:42:imp:s"
    assert GOAL_RULER.parse(data) == {"goal": 42, "ruler": "imp", "value": None}
    assert CHECKIN_GOAL.parse(CHECKIN_GOAL.build(checkin=7, goal=3, value=10)) == {
        "checkin": 7,
        "goal": 3,
        "value": 10,
    }


@pytest.mark.parametrize(
    "values",
    [
        {"goal": 10**18, "ruler": "imp", "value": 3},  # 19 digits: over the id range
        {"goal": -1, "ruler": "imp", "value": 3},
        {"goal": 1, "ruler": "nope", "value": 3},
        {"goal": 1, "ruler": "imp", "value": 11},
    ],
)
def test_values_that_do_not_fit_are_refused(values: dict[str, object]) -> None:
    with pytest.raises(CallbackError):
        GOAL_RULER.build(**values)


@given(st.text(max_size=80))
def test_parse_never_raises_and_ids_stay_in_range(data: str) -> None:
    for action in ACTIONS.values():
        parsed = action.parse(data)
        if parsed is not None:
            for value in parsed.values():
                if isinstance(value, int):
                    assert 0 <= value < 2**63


def test_unicode_digits_are_not_ids() -> None:
    assert Callback("x:{n:id}").parse("x:١٢") is None
    assert Callback("x:{n:id}").parse("x:²") is None
