"""Wins: new highs and upward runs from the ratings, never a decline."""

from __future__ import annotations

from bot.services.goals import Goal
from bot.services.wins import _rating_wins

GOAL = Goal(1, 1, "Walk", "active", None, None, 0, None)


def test_new_highs_and_a_run_of_three_rises_are_wins() -> None:
    points = [(1, 3), (2, 5), (3, 4), (4, 6), (5, 7), (6, 8), (7, 2), (8, 3)]
    wins = _rating_wins(GOAL, points)
    assert [(w.kind, w.value) for w in wins] == [
        ("new_high", 5),
        ("new_high", 6),
        ("new_high", 7),
        ("upward_run", 7),
        ("new_high", 8),
    ]


def test_no_win_for_a_first_rating_a_fall_or_a_repeat() -> None:
    assert _rating_wins(GOAL, [(1, 9)]) == []
    assert _rating_wins(GOAL, [(1, 9), (2, 4), (3, 4), (4, 9)]) == []
