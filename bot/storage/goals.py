"""Goals in the client's own words: one row per goal, its status and its MI rulers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.storage.database import Connection, Database, Row

__all__ = ["GOAL_COLUMNS", "Goal", "GoalRepository", "goal_from_row"]

_NAMES = (
    "id",
    "client_id",
    "text",
    "status",
    "importance",
    "confidence",
    "created_at",
    "achieved_at",
)
# the goal columns, qualified with ``g.`` and named ``goal_<column>`` (for joined reads)
GOAL_COLUMNS = ", ".join(f"g.{name} AS goal_{name}" for name in _NAMES)


@dataclass(frozen=True)
class Goal:
    """One goal of one client."""

    id: int
    client_id: int
    text: str
    status: str
    importance: int | None
    confidence: int | None
    created_at: int
    achieved_at: int | None


def goal_from_row(row: Row) -> Goal:
    """Build a goal from a row that selected :data:`GOAL_COLUMNS`."""
    return Goal(*(row[f"goal_{name}"] for name in _NAMES))


class GoalRepository:
    """All SQL of goals; every method names the client, so ownership holds."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def active(self, client_id: int) -> list[Goal]:
        """The client's active goals, oldest first."""
        rows = await self._db.fetchall(
            f"SELECT {GOAL_COLUMNS} FROM goals g WHERE g.client_id = ? AND g.status = 'active'"
            " ORDER BY g.id",
            (client_id,),
        )
        return [goal_from_row(row) for row in rows]

    async def history(self, client_id: int) -> list[Goal]:
        """Every goal the client has had, oldest first."""
        rows = await self._db.fetchall(
            f"SELECT {GOAL_COLUMNS} FROM goals g WHERE g.client_id = ? ORDER BY g.id",
            (client_id,),
        )
        return [goal_from_row(row) for row in rows]

    async def get(self, client_id: int, goal_id: int) -> Goal | None:
        """One goal, if it belongs to the client."""
        row = await self._db.fetchone(
            f"SELECT {GOAL_COLUMNS} FROM goals g WHERE g.client_id = ? AND g.id = ?",
            (client_id, goal_id),
        )
        return None if row is None else goal_from_row(row)

    async def by_ids(self, client_id: int, goal_ids: Sequence[int]) -> dict[int, Goal]:
        """The client's goals among ``goal_ids``, by id (one query)."""
        if not goal_ids:
            return {}
        marks = ", ".join("?" for _ in goal_ids)
        rows = await self._db.fetchall(
            f"SELECT {GOAL_COLUMNS} FROM goals g WHERE g.client_id = ? AND g.id IN ({marks})",
            (client_id, *goal_ids),
        )
        return {goal.id: goal for goal in map(goal_from_row, rows)}

    async def count_active(self, conn: Connection, client_id: int) -> int:
        """How many active goals the client has (inside the caller's transaction)."""
        rows = await conn.execute_fetchall(
            "SELECT COUNT(*) FROM goals WHERE client_id = ? AND status = 'active'", (client_id,)
        )
        return int(next(iter(rows))[0])

    async def insert(self, conn: Connection, client_id: int, text: str, now: int) -> int:
        """Add an active goal and return its id."""
        cursor = await conn.execute(
            "INSERT INTO goals (client_id, text, created_at, updated_at) VALUES (?, ?, ?, ?)",
            (client_id, text, now, now),
        )
        return int(cursor.lastrowid or 0)

    async def reword(self, client_id: int, goal_id: int, text: str, now: int) -> bool:
        """Change an active goal's wording; ``False`` if there is no such active goal."""
        changed = await self._db.execute(
            "UPDATE goals SET text = ?, updated_at = ? WHERE client_id = ? AND id = ?"
            " AND status = 'active'",
            (text, now, client_id, goal_id),
        )
        return changed > 0

    async def set_status(self, client_id: int, goal_id: int, status: str, now: int) -> bool:
        """Mark an active goal ``achieved`` or ``archived``; ``False`` if it is not active."""
        column = {"achieved": "achieved_at", "archived": "archived_at"}[status]
        changed = await self._db.execute(
            f"UPDATE goals SET status = ?, {column} = ?, updated_at = ?"
            " WHERE client_id = ? AND id = ? AND status = 'active'",
            (status, now, now, client_id, goal_id),
        )
        return changed > 0

    async def set_ruler(self, client_id: int, goal_id: int, ruler: str, value: int | None) -> bool:
        """Store ``importance`` or ``confidence`` (``None``: skipped); ``False`` if no such goal."""
        column = {"importance": "importance", "confidence": "confidence"}[ruler]
        changed = await self._db.execute(
            f"UPDATE goals SET {column} = ? WHERE client_id = ? AND id = ?",
            (value, client_id, goal_id),
        )
        return changed > 0
