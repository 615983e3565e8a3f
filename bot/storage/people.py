"""People, their roles (practitioner, client) and their preferences."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from bot.storage.database import Connection, Database, Row

__all__ = ["NewPerson", "PeopleRepository", "PersonRecord"]

_PERSON_SQL = (
    "SELECT p.id, p.telegram_id, p.chat_id, p.display_name, p.locale, p.timezone,"
    " p.pending_input, pr.person_id IS NOT NULL AS is_practitioner,"
    " COALESCE(pr.active, 0) AS practitioner_active, c.practitioner_id, c.consent_version,"
    " EXISTS (SELECT 1 FROM unreachable_chats u WHERE u.chat_id = p.chat_id) AS was_unreachable"
    " FROM people p"
    " LEFT JOIN practitioners pr ON pr.person_id = p.id"
    " LEFT JOIN clients c ON c.person_id = p.id"
)


@dataclass(frozen=True)
class PersonRecord:
    """A stored person with their roles."""

    id: int
    telegram_id: int
    chat_id: int
    display_name: str
    locale: str
    timezone: str
    pending_input: dict[str, Any] | None
    is_practitioner: bool
    practitioner_active: bool
    practitioner_id: int | None  # set for clients: whose client they are
    consent_version: int | None
    was_unreachable: bool  # their chat is recorded as having blocked the bot

    @classmethod
    def from_row(cls, row: Row) -> PersonRecord:
        """Build from a row of the person query."""
        return cls(
            id=row["id"],
            telegram_id=row["telegram_id"],
            chat_id=row["chat_id"],
            display_name=row["display_name"],
            locale=row["locale"],
            timezone=row["timezone"],
            pending_input=json.loads(row["pending_input"]) if row["pending_input"] else None,
            is_practitioner=bool(row["is_practitioner"]),
            practitioner_active=bool(row["practitioner_active"]),
            practitioner_id=row["practitioner_id"],
            consent_version=row["consent_version"],
            was_unreachable=bool(row["was_unreachable"]),
        )


@dataclass(frozen=True)
class NewPerson:
    """What a new person record starts with."""

    telegram_id: int
    chat_id: int
    display_name: str
    locale: str
    timezone: str
    created_at: int


class PeopleRepository:
    """All SQL about people, their roles and preferences."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def by_telegram_id(self, telegram_id: int) -> PersonRecord | None:
        """The person with this Telegram id, or ``None``."""
        row = await self._db.fetchone(f"{_PERSON_SQL} WHERE p.telegram_id = ?", (telegram_id,))
        return None if row is None else PersonRecord.from_row(row)

    async def by_id(self, person_id: int) -> PersonRecord | None:
        """The person with this internal id, or ``None``."""
        row = await self._db.fetchone(f"{_PERSON_SQL} WHERE p.id = ?", (person_id,))
        return None if row is None else PersonRecord.from_row(row)

    async def roles(self, telegram_id: int) -> frozenset[str]:
        """The stored roles of a Telegram user: any of ``practitioner``, ``client``."""
        row = await self._db.fetchone(
            "SELECT pr.person_id IS NOT NULL AS practitioner, c.person_id IS NOT NULL AS client"
            " FROM people p LEFT JOIN practitioners pr ON pr.person_id = p.id"
            " LEFT JOIN clients c ON c.person_id = p.id WHERE p.telegram_id = ?",
            (telegram_id,),
        )
        if row is None:
            return frozenset()
        return frozenset(name for name in ("practitioner", "client") if row[name])

    async def insert(self, conn: Connection, person: NewPerson) -> int:
        """Insert a person inside the caller's transaction; return the new id."""
        rows = list(
            await conn.execute_fetchall(
                "INSERT INTO people (telegram_id, chat_id, display_name, locale, timezone,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                (
                    person.telegram_id,
                    person.chat_id,
                    person.display_name,
                    person.locale,
                    person.timezone,
                    person.created_at,
                ),
            )
        )
        return int(rows[0][0])

    async def ensure(self, conn: Connection, person: NewPerson) -> int:
        """The id of the person with this Telegram id, inserting them if they are new."""
        rows = await conn.execute_fetchall(
            "SELECT id FROM people WHERE telegram_id = ?", (person.telegram_id,)
        )
        existing = next(iter(rows), None)
        if existing is not None:
            return int(existing[0])
        return await self.insert(conn, person)

    async def update_contact(self, person_id: int, display_name: str, chat_id: int) -> None:
        """Store the name and chat Telegram reported last."""
        await self._db.execute(
            "UPDATE people SET display_name = ?, chat_id = ? WHERE id = ?",
            (display_name, chat_id, person_id),
        )

    async def forget_unreachable(self, chat_id: int) -> None:
        """The chat wrote to us again, so it no longer blocks the bot."""
        await self._db.execute("DELETE FROM unreachable_chats WHERE chat_id = ?", (chat_id,))

    async def set_locale(self, person_id: int, locale: str) -> None:
        """Store the person's language."""
        await self._db.execute("UPDATE people SET locale = ? WHERE id = ?", (locale, person_id))

    async def set_timezone(self, person_id: int, timezone: str) -> None:
        """Store the person's time zone."""
        await self._db.execute("UPDATE people SET timezone = ? WHERE id = ?", (timezone, person_id))

    async def set_pending(self, person_id: int, pending: dict[str, Any] | None) -> None:
        """Replace (or with ``None`` clear) what the person's next free text answers."""
        async with self._db.transaction() as conn:
            await self.set_pending_in(conn, person_id, pending)

    async def set_pending_in(
        self, conn: Connection, person_id: int, pending: dict[str, Any] | None
    ) -> None:
        """:meth:`set_pending` in the caller's transaction."""
        await conn.execute(
            "UPDATE people SET pending_input = ? WHERE id = ?",
            (None if pending is None else json.dumps(pending), person_id),
        )

    async def consent_seen(self, person_id: int, version: int) -> bool:
        """Raise a client's seen consent version; ``False`` if it was already that high."""
        changed = await self._db.execute(
            "UPDATE clients SET consent_version = ? WHERE person_id = ? AND consent_version < ?",
            (version, person_id, version),
        )
        return changed == 1

    async def make_practitioner(self, conn: Connection, person_id: int, now: int) -> None:
        """Make the person an active practitioner (again, if they were one)."""
        await conn.execute(  # a new practitioner starts with working hours 08:00-18:00
            "INSERT INTO practitioners (person_id, active, created_at, quiet_start, quiet_end)"
            " VALUES (?, 1, ?, '18:00', '08:00') ON CONFLICT (person_id) DO UPDATE SET active = 1",
            (person_id, now),
        )

    async def make_client(
        self, conn: Connection, person_id: int, practitioner_id: int, consent_version: int, now: int
    ) -> None:
        """Make the person a practitioner's client, consenting to ``consent_version`` now."""
        await conn.execute(
            "INSERT INTO clients (person_id, practitioner_id, consented_at, created_at,"
            " consent_version) VALUES (?, ?, ?, ?, ?)",
            (person_id, practitioner_id, now, now, consent_version),
        )
