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
    "why_not_lower",
    "what_would_help",
    "reflections_shared",
    "stage",
    "gas_weight",
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
    why_not_lower: str | None = None  # "What makes it {n} and not 0?", in their words
    what_would_help: str | None = None  # "What would help it move to {n+1}?"
    reflections_shared: bool = False
    stage: str | None = None  # thinking, ready, doing, keeping, slip
    gas_weight: int = 1


def goal_from_row(row: Row) -> Goal:
    """Build a goal from a row that selected :data:`GOAL_COLUMNS`."""
    values = {name: row[f"goal_{name}"] for name in _NAMES}
    values["reflections_shared"] = bool(values["reflections_shared"])
    return Goal(**values)


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
        rows = list(
            await conn.execute_fetchall(
                "INSERT INTO goals (client_id, text, created_at, updated_at) VALUES (?, ?, ?, ?)"
                " RETURNING id",
                (client_id, text, now, now),
            )
        )
        return int(rows[0][0])

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

    async def set_reflection(
        self, client_id: int, goal_id: int, which: str, text: str | None
    ) -> bool:
        """Keep the client's answer to an MI follow-up (``None``: cleared)."""
        column = {"why": "why_not_lower", "help": "what_would_help"}[which]
        changed = await self._db.execute(
            f"UPDATE goals SET {column} = ? WHERE client_id = ? AND id = ?",
            (text, client_id, goal_id),
        )
        return changed > 0

    async def share_reflections(self, client_id: int, goal_id: int, shared: bool) -> bool:
        """Let the practitioner see the goal's follow-up answers, or not."""
        changed = await self._db.execute(
            "UPDATE goals SET reflections_shared = ? WHERE client_id = ? AND id = ?",
            (1 if shared else 0, client_id, goal_id),
        )
        return changed > 0

    async def set_stage(self, client_id: int, goal_id: int, stage: str | None) -> bool:
        """Where the client is with the goal, in plain words (``None``: not said)."""
        changed = await self._db.execute(
            "UPDATE goals SET stage = ? WHERE client_id = ? AND id = ?",
            (stage, client_id, goal_id),
        )
        return changed > 0

    async def levels(self, goal_ids: Sequence[int]) -> dict[int, dict[int, str]]:
        """The GAS levels written for these goals: ``{goal: {level: text}}``."""
        if not goal_ids:
            return {}
        marks = ", ".join("?" for _ in goal_ids)
        rows = await self._db.fetchall(
            f"SELECT goal_id, level, text FROM goal_levels WHERE goal_id IN ({marks})",
            list(goal_ids),
        )
        found: dict[int, dict[int, str]] = {}
        for row in rows:
            found.setdefault(int(row["goal_id"]), {})[int(row["level"])] = str(row["text"])
        return found

    async def set_level(self, client_id: int, goal_id: int, level: int, text: str | None) -> bool:
        """Write (or with ``None`` clear) one GAS level of the client's own goal."""
        async with self._db.transaction() as conn:
            owned = await conn.execute_fetchall(
                "SELECT 1 FROM goals WHERE id = ? AND client_id = ?", (goal_id, client_id)
            )
            if not list(owned):
                return False
            if text is None:
                await conn.execute(
                    "DELETE FROM goal_levels WHERE goal_id = ? AND level = ?", (goal_id, level)
                )
            else:
                await conn.execute(
                    "INSERT INTO goal_levels (goal_id, level, text) VALUES (?, ?, ?)"
                    " ON CONFLICT (goal_id, level) DO UPDATE SET text = excluded.text",
                    (goal_id, level, text),
                )
        return True

    async def gas_history(self, client_id: int) -> list[tuple[int, int, int, int]]:
        """``(goal id, weight, level, check-in started)`` of every GAS level a client chose."""
        rows = await self._db.fetchall(
            "SELECT r.goal_id, g.gas_weight, r.level, c.started_at FROM ratings r"
            " JOIN checkins c ON c.id = r.checkin_id JOIN goals g ON g.id = r.goal_id"
            " WHERE c.client_id = ? AND r.level IS NOT NULL ORDER BY c.started_at, c.id",
            (client_id,),
        )
        return [
            (int(r["goal_id"]), int(r["gas_weight"]), int(r["level"]), int(r["started_at"]))
            for r in rows
        ]

    async def set_weight(self, goal_id: int, practitioner_id: int, weight: int) -> bool:
        """The practitioner's weight for a goal of their own client in the T-score."""
        changed = await self._db.execute(
            "UPDATE goals SET gas_weight = ? WHERE id = ? AND client_id IN"
            " (SELECT person_id FROM clients WHERE practitioner_id = ?)",
            (weight, goal_id, practitioner_id),
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

    async def set_ruler_in(
        self, conn: Connection, client_id: int, goal_id: int, ruler: str, value: int | None
    ) -> None:
        """:meth:`set_ruler` inside the caller's transaction (an answer in a check-in)."""
        column = {"importance": "importance", "confidence": "confidence"}[ruler]
        await conn.execute(
            f"UPDATE goals SET {column} = ? WHERE client_id = ? AND id = ?",
            (value, client_id, goal_id),
        )

    async def set_stage_in(
        self, conn: Connection, client_id: int, goal_id: int, stage: str | None
    ) -> None:
        """:meth:`set_stage` inside the caller's transaction (a slip told in a check-in)."""
        await conn.execute(
            "UPDATE goals SET stage = ? WHERE client_id = ? AND id = ?",
            (stage, client_id, goal_id),
        )
