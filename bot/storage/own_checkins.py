"""The practitioner's own weekly check-in: all its SQL."""

from __future__ import annotations

from dataclasses import dataclass

from bot.storage.database import Connection, Database

__all__ = ["OwnCheckin", "OwnCheckinRepository"]


@dataclass(frozen=True)
class OwnCheckin:
    """One week's answers (each may be skipped)."""

    id: int
    asked_at: int
    tank: int | None
    one_thing: str | None
    answered_at: int | None


_COLUMNS = "id, asked_at, tank, one_thing, answered_at"


class OwnCheckinRepository:
    """Reads and writes only the asking practitioner's own rows."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def next_at(self, practitioner_id: int) -> int | None:
        """When the next one is due (``None``: switched off)."""
        value = await self._db.fetchval(
            "SELECT own_checkin_at FROM practitioners WHERE person_id = ?", (practitioner_id,)
        )
        return None if value is None else int(value)

    async def set_next(
        self, practitioner_id: int, at: int | None, conn: Connection | None = None
    ) -> None:
        """Schedule the next one (``None``: off)."""
        sql = "UPDATE practitioners SET own_checkin_at = ? WHERE person_id = ?"
        if conn is not None:
            await conn.execute(sql, (at, practitioner_id))
        else:
            await self._db.execute(sql, (at, practitioner_id))

    async def due(self, now: int) -> list[int]:
        """Active practitioners whose own check-in is due."""
        rows = await self._db.fetchall(
            "SELECT person_id FROM practitioners WHERE own_checkin_at <= ? AND active = 1"
            " ORDER BY own_checkin_at LIMIT 500",
            (now,),
        )
        return [int(row[0]) for row in rows]

    async def start(self, conn: Connection, practitioner_id: int, now: int) -> int:
        """A new, unanswered check-in; its id."""
        rows = list(
            await conn.execute_fetchall(
                "INSERT INTO own_checkins (practitioner_id, asked_at) VALUES (?, ?) RETURNING id",
                (practitioner_id, now),
            )
        )
        return int(rows[0][0])

    async def get(self, practitioner_id: int, checkin_id: int) -> OwnCheckin | None:
        """One of the practitioner's own check-ins (never anyone else's)."""
        row = await self._db.fetchone(
            f"SELECT {_COLUMNS} FROM own_checkins WHERE id = ? AND practitioner_id = ?",
            (checkin_id, practitioner_id),
        )
        return None if row is None else OwnCheckin(*row)

    async def answer_tank(
        self, practitioner_id: int, checkin_id: int, now: int, tank: int | None
    ) -> bool:
        """How full the tank is (``None``: skipped); ``False`` if not theirs."""
        return await self._answer("tank", practitioner_id, checkin_id, now, tank)

    async def answer_thing(
        self, practitioner_id: int, checkin_id: int, now: int, one_thing: str
    ) -> bool:
        """One thing for themselves this week; ``False`` if not theirs."""
        return await self._answer("one_thing", practitioner_id, checkin_id, now, one_thing)

    async def _answer(
        self, column: str, practitioner_id: int, checkin_id: int, now: int, value: object
    ) -> bool:
        changed = await self._db.execute(
            f"UPDATE own_checkins SET {column} = ?, answered_at = ?"  # column: one of two names
            " WHERE id = ? AND practitioner_id = ?",
            (value, now, checkin_id, practitioner_id),
        )
        return changed == 1

    async def history(self, practitioner_id: int, limit: int = 52) -> list[OwnCheckin]:
        """Their answered check-ins, oldest first (the last ``limit``)."""
        rows = await self._db.fetchall(
            f"SELECT {_COLUMNS} FROM own_checkins WHERE practitioner_id = ?"
            " AND answered_at IS NOT NULL ORDER BY asked_at DESC, id DESC LIMIT ?",
            (practitioner_id, limit),
        )
        return [OwnCheckin(*row) for row in reversed(rows)]

    async def erase(self, practitioner_id: int) -> int:
        """Delete every own check-in of theirs; how many."""
        return await self._db.execute(
            "DELETE FROM own_checkins WHERE practitioner_id = ?", (practitioner_id,)
        )
