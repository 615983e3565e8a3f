"""Ratings over time and finished check-ins, for progress charts and summaries."""

from __future__ import annotations

from bot.storage.database import Database

__all__ = ["ProgressRepository"]


class ProgressRepository:
    """All SQL of a client's progress."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def ratings_by_goal(self, client_id: int) -> dict[int, list[tuple[int, int]]]:
        """Each goal's ``(check-in started at, value)`` pairs, oldest first, skips left out."""
        rows = await self._db.fetchall(
            "SELECT r.goal_id, c.started_at, r.value FROM ratings r"
            " JOIN checkins c ON c.id = r.checkin_id"
            " WHERE c.client_id = ? AND r.value IS NOT NULL ORDER BY c.started_at, c.id",
            (client_id,),
        )
        by_goal: dict[int, list[tuple[int, int]]] = {}
        for row in rows:
            by_goal.setdefault(int(row["goal_id"]), []).append(
                (int(row["started_at"]), int(row["value"]))
            )
        return by_goal

    async def wellbeing(self, client_id: int) -> list[tuple[int, int]]:
        """The overall answers, ``(check-in started at, value)``, oldest first."""
        rows = await self._db.fetchall(
            "SELECT started_at, wellbeing FROM checkins WHERE client_id = ?"
            " AND wellbeing IS NOT NULL ORDER BY started_at, id",
            (client_id,),
        )
        return [(int(row["started_at"]), int(row["wellbeing"])) for row in rows]

    async def completed_checkins(self, client_id: int) -> int:
        """How many check-ins the client has finished."""
        value = await self._db.fetchval(
            "SELECT COUNT(*) FROM checkins WHERE client_id = ? AND completed_at IS NOT NULL",
            (client_id,),
        )
        return int(value or 0)
