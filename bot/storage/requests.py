"""Clients' requests for help and their follow-up."""

from __future__ import annotations

from dataclasses import dataclass

from bot.storage.database import Connection, Database, Row

__all__ = ["Request", "RequestRepository"]

_COLUMNS = (
    "r.id, r.client_id, r.resource_id, r.resource_title, r.note, r.status, r.created_at,"
    " r.handled_at, r.handled_message, COALESCE(c.alias, p.display_name) AS client_name,"
    " c.practitioner_id"
)
_FROM = (
    " FROM requests r JOIN clients c ON c.person_id = r.client_id"
    " JOIN people p ON p.id = r.client_id"
)


@dataclass(frozen=True)
class Request:
    """One request and who made it."""

    id: int
    client_id: int
    resource_id: str | None
    resource_title: str | None
    note: str | None
    status: str
    created_at: int
    handled_at: int | None
    handled_message: str | None
    client_name: str
    practitioner_id: int

    @classmethod
    def from_row(cls, row: Row) -> Request:
        """Build from a joined ``requests`` row."""
        return cls(*(row[key] for key in cls.__dataclass_fields__))


class RequestRepository:
    """All SQL of requests."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def get(self, request_id: int) -> Request | None:
        """One request by id."""
        row = await self._db.fetchone(f"SELECT {_COLUMNS}{_FROM} WHERE r.id = ?", (request_id,))
        return None if row is None else Request.from_row(row)

    async def for_client(self, client_id: int, status: str) -> list[Request]:
        """A client's requests with ``status``, newest first."""
        rows = await self._db.fetchall(
            f"SELECT {_COLUMNS}{_FROM} WHERE r.client_id = ? AND r.status = ? ORDER BY r.id DESC",
            (client_id, status),
        )
        return [Request.from_row(row) for row in rows]

    async def open_for_practitioner(self, practitioner_id: int) -> list[Request]:
        """Open requests of the practitioner's own clients, oldest first."""
        rows = await self._db.fetchall(
            f"SELECT {_COLUMNS}{_FROM} WHERE c.practitioner_id = ? AND r.status = 'open'"
            " ORDER BY r.id",
            (practitioner_id,),
        )
        return [Request.from_row(row) for row in rows]

    async def insert(
        self,
        conn: Connection,
        client_id: int,
        resource_id: str | None,
        resource_title: str | None,
        note: str | None,
        now: int,
    ) -> int:
        """Record a new open request and return its id."""
        rows = list(
            await conn.execute_fetchall(
                "INSERT INTO requests (client_id, resource_id, resource_title, note, created_at)"
                " VALUES (?, ?, ?, ?, ?) RETURNING id",
                (client_id, resource_id, resource_title, note, now),
            )
        )
        return int(rows[0][0])

    async def practitioner_of(self, conn: Connection, client_id: int) -> int | None:
        """The client's practitioner, read in the caller's transaction."""
        rows = await conn.execute_fetchall(
            "SELECT practitioner_id FROM clients WHERE person_id = ?", (client_id,)
        )
        row = next(iter(rows), None)
        return None if row is None else int(row[0])

    async def chat_of(self, person_id: int) -> int | None:
        """The person's chat id."""
        value = await self._db.fetchval("SELECT chat_id FROM people WHERE id = ?", (person_id,))
        return None if value is None else int(value)

    async def withdraw(self, client_id: int, request_id: int, now: int) -> bool:
        """Withdraw one of the client's own open requests; ``False`` if there is none."""
        changed = await self._db.execute(
            "UPDATE requests SET status = 'withdrawn', withdrawn_at = ?"
            " WHERE id = ? AND client_id = ? AND status = 'open'",
            (now, request_id, client_id),
        )
        return bool(changed)

    async def mark_handled(
        self,
        conn: Connection,
        request_id: int,
        practitioner_id: int,
        message: str | None,
        now: int,
    ) -> bool:
        """Mark an open request handled, with the practitioner's message; ``False`` if not open."""
        cursor = await conn.execute(
            "UPDATE requests SET status = 'handled', handled_at = ?, handled_by = ?,"
            " handled_message = ? WHERE id = ? AND status = 'open'",
            (now, practitioner_id, message, request_id),
        )
        return cursor.rowcount == 1
