"""Celebrate progress: a wins log the client can open, and a short word when a win happens.

Wins are read from what is stored, never kept separately: achieved goals, a goal's first time
at a new high, three check-ins in a row moving up, and the client's own words about what
helps. Never a decline, never a streak that could be "broken".
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.services.goals import Goal
from bot.storage import Database
from bot.storage.goals import GoalRepository
from bot.storage.progress import ProgressRepository

__all__ = ["RUN", "Win", "WinsService"]

RUN = 3  # check-ins in a row with a higher rating each time


@dataclass(frozen=True)
class Win:
    """One win: ``achieved``, ``new_high``, ``upward_run`` or ``what_helps``."""

    kind: str
    goal: Goal
    at: int
    value: int | None = None
    words: str | None = None  # the client's own words (what_helps)


def _rating_wins(goal: Goal, points: list[tuple[int, int]]) -> list[Win]:
    """New highs and upward runs in one goal's ratings (oldest first)."""
    wins = []
    best: int | None = None
    rising = 1
    for index, (at, value) in enumerate(points):
        if best is not None and value > best:
            wins.append(Win("new_high", goal, at, value))
        if index and value > points[index - 1][1]:
            rising += 1
            if rising == RUN:
                wins.append(Win("upward_run", goal, at, value))
        else:
            rising = 1
        best = value if best is None else max(best, value)
    return wins


class WinsService:
    """Reads a client's wins."""

    def __init__(self, db: Database) -> None:
        self._goals = GoalRepository(db)
        self._progress = ProgressRepository(db)

    async def wins(self, client_id: int) -> list[Win]:
        """Every win, newest first."""
        goals = {goal.id: goal for goal in await self._goals.history(client_id)}
        points = await self._progress.ratings_by_goal(client_id)
        found: list[Win] = []
        for goal in goals.values():
            if goal.status == "achieved" and goal.achieved_at is not None:
                found.append(Win("achieved", goal, goal.achieved_at))
            found += _rating_wins(goal, list(points.get(goal.id, ())))
            if goal.why_not_lower:
                found.append(Win("what_helps", goal, goal.created_at, words=goal.why_not_lower))
        return sorted(found, key=lambda win: win.at, reverse=True)

    async def since(self, client_id: int, moment: int) -> list[Win]:
        """Wins from ``moment`` on (the check-in just finished): for a short word of recognition."""
        return [
            win
            for win in await self.wins(client_id)
            if win.at >= moment and win.kind in ("new_high", "upward_run")
        ]
