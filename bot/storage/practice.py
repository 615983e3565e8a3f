"""Messages and topics from clients, sessions and their prep, cover while away."""

from __future__ import annotations

from dataclasses import dataclass

from bot.storage.database import Connection, Database, Row

__all__ = ["PracticeRepository", "Session", "StoredMessage"]


@dataclass(frozen=True)
class StoredMessage:
    """A message for the practitioner, or a topic for next time, in the client's words."""

    id: int
    client_id: int
    kind: str  # "message" or "topic"
    text: str
    created_at: int
    done_at: int | None


@dataclass(frozen=True)
class Session:
    """The next session with a client, and when its prep goes to the practitioner."""

    client_id: int
    practitioner_id: int
    at: int
    prep_at: int
    prep_sent: bool
    last_at: int | None


class PracticeRepository:
    """All SQL of the practice features."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def add_message(self, client_id: int, kind: str, text: str, now: int) -> int:
        """Keep a message or a topic from a client; return its id."""
        async with self._db.transaction() as conn:
            rows = list(
                await conn.execute_fetchall(
                    "INSERT INTO client_messages (client_id, kind, text, created_at)"
                    " VALUES (?, ?, ?, ?) RETURNING id",
                    (client_id, kind, text, now),
                )
            )
            return int(rows[0][0])

    async def open_messages(self, client_id: int) -> list[StoredMessage]:
        """A client's messages and topics the practitioner has not cleared, oldest first."""
        rows = await self._db.fetchall(
            "SELECT id, client_id, kind, text, created_at, done_at FROM client_messages"
            " WHERE client_id = ? AND done_at IS NULL ORDER BY id",
            (client_id,),
        )
        return [
            StoredMessage(*(row[key] for key in StoredMessage.__dataclass_fields__)) for row in rows
        ]

    async def clear_message(self, practitioner_id: int, message_id: int, now: int) -> bool:
        """Clear a message or topic of the practitioner's own client; ``False`` if not theirs."""
        changed = await self._db.execute(
            "UPDATE client_messages SET done_at = ? WHERE id = ? AND done_at IS NULL"
            " AND client_id IN (SELECT person_id FROM clients WHERE practitioner_id = ?)",
            (now, message_id, practitioner_id),
        )
        return changed == 1

    async def set_session(
        self, conn: Connection, client_id: int, at: int, prep_at: int, last_at: int | None
    ) -> None:
        """Set (or move) the next session with a client."""
        await conn.execute(
            "INSERT INTO sessions (client_id, at, prep_at, prep_sent, last_at)"
            " VALUES (?, ?, ?, 0, ?)"
            " ON CONFLICT (client_id) DO UPDATE SET at = excluded.at, prep_at = excluded.prep_at,"
            " prep_sent = 0, last_at = COALESCE(excluded.last_at, sessions.last_at)",
            (client_id, at, prep_at, last_at),
        )

    async def session(self, client_id: int) -> Session | None:
        """The next session with a client, if one is set."""
        row = await self._db.fetchone(
            "SELECT s.client_id, c.practitioner_id, s.at, s.prep_at, s.prep_sent, s.last_at"
            " FROM sessions s JOIN clients c ON c.person_id = s.client_id WHERE s.client_id = ?",
            (client_id,),
        )
        return None if row is None else _session(row)

    async def due_preps(self, now: int) -> list[Session]:
        """Sessions whose prep is due and not sent, earliest first."""
        rows = await self._db.fetchall(
            "SELECT s.client_id, c.practitioner_id, s.at, s.prep_at, s.prep_sent, s.last_at"
            " FROM sessions s JOIN clients c ON c.person_id = s.client_id"
            " WHERE s.prep_sent = 0 AND s.prep_at <= ? ORDER BY s.prep_at LIMIT 200",
            (now,),
        )
        return [_session(row) for row in rows]

    async def prep_sent(self, conn: Connection, client_id: int) -> bool:
        """Mark a prep sent; ``False`` if it already was."""
        cursor = await conn.execute(
            "UPDATE sessions SET prep_sent = 1 WHERE client_id = ? AND prep_sent = 0",
            (client_id,),
        )
        return cursor.rowcount == 1

    async def practitioner_names(self, ids: list[int]) -> dict[int, str]:
        """Display names of practitioners by id."""
        if not ids:
            return {}
        marks = ", ".join("?" for _ in ids)
        rows = await self._db.fetchall(
            f"SELECT id, display_name FROM people WHERE id IN ({marks})", ids
        )
        return {int(row["id"]): str(row["display_name"]) for row in rows}

    async def set_away(self, practitioner_id: int, until: int | None, cover_id: int | None) -> None:
        """Away until a moment with someone covering, or back (``None``)."""
        await self._db.execute(
            "UPDATE practitioners SET away_until = ?, cover_id = ? WHERE person_id = ?",
            (until, cover_id if until is not None else None, practitioner_id),
        )

    async def colleagues(self, practitioner_id: int) -> list[tuple[int, str]]:
        """Other active practitioners, by name (who could cover)."""
        rows = await self._db.fetchall(
            "SELECT p.id, p.display_name FROM practitioners pr JOIN people p"
            " ON p.id = pr.person_id WHERE pr.active = 1 AND p.id != ? ORDER BY p.display_name",
            (practitioner_id,),
        )
        return [(int(row["id"]), str(row["display_name"])) for row in rows]

    async def covered_for(self, cover_id: int, now: int) -> list[int]:
        """Practitioners away now whom ``cover_id`` covers."""
        rows = await self._db.fetchall(
            "SELECT person_id FROM practitioners WHERE cover_id = ? AND away_until > ?",
            (cover_id, now),
        )
        return [int(row["person_id"]) for row in rows]


def _session(row: Row) -> Session:
    return Session(
        int(row["client_id"]),
        int(row["practitioner_id"]),
        int(row["at"]),
        int(row["prep_at"]),
        bool(row["prep_sent"]),
        row["last_at"],
    )
