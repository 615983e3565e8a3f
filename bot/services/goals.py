"""Goals in the client's own words: add, reword, achieve, archive, MI rulers."""

from __future__ import annotations

import enum
import unicodedata
from dataclasses import dataclass

from bot.clock import Clock
from bot.storage import Database, Row
from bot.text import clean_user_text

__all__ = ["MAX_GOAL_LENGTH", "Goal", "GoalProblem", "GoalService"]

MAX_GOAL_LENGTH = 200
_COLUMNS = "id, client_id, text, status, importance, confidence, created_at, achieved_at"


class GoalProblem(enum.Enum):
    """Why a goal change was not made."""

    EMPTY = "empty"
    TOO_LONG = "too_long"
    TOO_MANY = "too_many"
    NOT_FOUND = "not_found"


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

    @classmethod
    def from_row(cls, row: Row) -> Goal:
        """Build from a ``goals`` row."""
        return cls(*(row[name] for name in _COLUMNS.split(", ")))


def validate_goal_text(raw: str) -> str | GoalProblem:
    """Return the cleaned text, or why it cannot be a goal."""
    text = " ".join(clean_user_text(raw).split())
    if not any(unicodedata.category(char)[0] in "LNS" for char in text):
        return GoalProblem.EMPTY
    if len(text) > MAX_GOAL_LENGTH:
        return GoalProblem.TOO_LONG
    return text


class GoalService:
    """Reads and changes a client's goals; every call names the client, so ownership holds."""

    def __init__(self, db: Database, clock: Clock, max_active: int) -> None:
        self._db = db
        self._clock = clock
        self.max_active = max_active

    async def active(self, client_id: int) -> list[Goal]:
        """The client's active goals, oldest first."""
        rows = await self._db.fetchall(
            f"SELECT {_COLUMNS} FROM goals WHERE client_id = ? AND status = 'active' ORDER BY id",
            (client_id,),
        )
        return [Goal.from_row(row) for row in rows]

    async def history(self, client_id: int) -> list[Goal]:
        """Every goal the client has had, oldest first."""
        rows = await self._db.fetchall(
            f"SELECT {_COLUMNS} FROM goals WHERE client_id = ? ORDER BY id",
            (client_id,),
        )
        return [Goal.from_row(row) for row in rows]

    async def get(self, client_id: int, goal_id: int) -> Goal | None:
        """One goal, if it belongs to the client."""
        row = await self._db.fetchone(
            f"SELECT {_COLUMNS} FROM goals WHERE client_id = ? AND id = ?",
            (client_id, goal_id),
        )
        return None if row is None else Goal.from_row(row)

    async def add(self, client_id: int, raw_text: str) -> Goal | GoalProblem:
        """Add an active goal, unless the text is invalid or the limit is reached."""
        text = validate_goal_text(raw_text)
        if isinstance(text, GoalProblem):
            return text
        now = self._clock.now()
        async with self._db.transaction() as conn:
            rows = await conn.execute_fetchall(
                "SELECT COUNT(*) FROM goals WHERE client_id = ? AND status = 'active'",
                (client_id,),
            )
            if int(next(iter(rows))[0]) >= self.max_active:
                return GoalProblem.TOO_MANY
            cursor = await conn.execute(
                "INSERT INTO goals (client_id, text, created_at, updated_at) VALUES (?, ?, ?, ?)",
                (client_id, text, now, now),
            )
            goal_id = int(cursor.lastrowid or 0)
        goal = await self.get(client_id, goal_id)
        assert goal is not None
        return goal

    async def reword(self, client_id: int, goal_id: int, raw_text: str) -> Goal | GoalProblem:
        """Change an active goal's wording (its ratings stay with it)."""
        text = validate_goal_text(raw_text)
        if isinstance(text, GoalProblem):
            return text
        changed = await self._db.execute(
            "UPDATE goals SET text = ?, updated_at = ? WHERE client_id = ? AND id = ?"
            " AND status = 'active'",
            (text, self._clock.now(), client_id, goal_id),
        )
        if not changed:
            return GoalProblem.NOT_FOUND
        goal = await self.get(client_id, goal_id)
        assert goal is not None
        return goal

    async def set_status(self, client_id: int, goal_id: int, status: str) -> Goal | None:
        """Mark an active goal achieved or archived; ``None`` if it is not the client's."""
        if status not in ("achieved", "archived"):
            raise ValueError(status)
        column = "achieved_at" if status == "achieved" else "archived_at"
        now = self._clock.now()
        changed = await self._db.execute(
            f"UPDATE goals SET status = ?, {column} = ?, updated_at = ?"
            " WHERE client_id = ? AND id = ? AND status = 'active'",
            (status, now, now, client_id, goal_id),
        )
        return await self.get(client_id, goal_id) if changed else None

    async def set_ruler(self, client_id: int, goal_id: int, ruler: str, value: int | None) -> bool:
        """Store an importance or confidence answer (0-10, or ``None`` if skipped)."""
        if ruler not in ("importance", "confidence"):
            raise ValueError(ruler)
        if value is not None and not 0 <= value <= 10:
            return False
        changed = await self._db.execute(
            f"UPDATE goals SET {ruler} = ? WHERE client_id = ? AND id = ?",
            (value, client_id, goal_id),
        )
        return bool(changed)
