"""A client's progress: each goal's ratings over time, and a plain-language summary."""

from __future__ import annotations

from dataclasses import dataclass

from bot.services.goals import Goal, GoalService
from bot.storage import Database
from bot.storage.progress import ProgressRepository

__all__ = ["GoalProgress", "ProgressService"]


@dataclass(frozen=True)
class GoalProgress:
    """One goal with its non-skipped ratings, oldest first."""

    goal: Goal
    points: tuple[tuple[int, int], ...]

    @property
    def first(self) -> int | None:
        """The first rating."""
        return self.points[0][1] if self.points else None

    @property
    def latest(self) -> int | None:
        """The most recent rating."""
        return self.points[-1][1] if self.points else None


class ProgressService:
    """Reads ratings for charts, summaries and digests."""

    def __init__(self, db: Database, goals: GoalService) -> None:
        self._repo = ProgressRepository(db)
        self._goals = goals

    async def goals(self, client_id: int, include_archived: bool = False) -> list[GoalProgress]:
        """Every goal (active and achieved; archived if asked) with its ratings."""
        by_goal = await self._repo.ratings_by_goal(client_id)
        result = []
        for goal in await self._goals.history(client_id):
            if goal.status == "archived" and not include_archived:
                continue
            result.append(GoalProgress(goal, tuple(by_goal.get(goal.id, ()))))
        return result

    async def wellbeing(self, client_id: int) -> tuple[tuple[int, int], ...]:
        """The client's overall answers over time, for the chart's own line."""
        return tuple(await self._repo.wellbeing(client_id))

    async def checkin_count(self, client_id: int) -> int:
        """How many check-ins the client has finished."""
        return await self._repo.completed_checkins(client_id)
