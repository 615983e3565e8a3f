"""Client requests for help (with a resource or anything else) and their follow-up."""

from __future__ import annotations

from dataclasses import dataclass

from bot.clock import Clock
from bot.i18n import I18n, Translator
from bot.services.alerts import AlertService, Rows
from bot.services.outbox import OutgoingMessage, enqueue
from bot.storage import Database, Row
from bot.text import checked, clean_user_text, esc, shorten

__all__ = ["MAX_REQUEST_NOTE", "Request", "RequestService"]

MAX_REQUEST_NOTE = 1000
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


class RequestService:
    """Creates requests, lets clients withdraw them and practitioners mark them handled."""

    def __init__(self, db: Database, clock: Clock, i18n: I18n, alerts: AlertService) -> None:
        self._db = db
        self._clock = clock
        self._i18n = i18n
        self._alerts = alerts

    async def get(self, request_id: int) -> Request | None:
        """One request (callers check who may see it)."""
        row = await self._db.fetchone(f"SELECT {_COLUMNS}{_FROM} WHERE r.id = ?", (request_id,))
        return None if row is None else Request.from_row(row)

    async def create(
        self,
        client_id: int,
        resource_id: str | None,
        resource_title: str | None,
        raw_note: str | None,
    ) -> tuple[Request, int | None]:
        """Record a request and alert the practitioner (after quiet hours if in them).

        Returns the request and, if the alert waits for quiet hours to end, when it goes out.
        """
        note = checked(clean_user_text(raw_note), MAX_REQUEST_NOTE) if raw_note else None
        now = self._clock.now()
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                "INSERT INTO requests (client_id, resource_id, resource_title, note, created_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (client_id, resource_id, resource_title, note or None, now),
            )
            request_id = int(cursor.lastrowid or 0)
            rows = await conn.execute_fetchall(
                "SELECT c.practitioner_id, COALESCE(c.alias, p.display_name) FROM clients c"
                " JOIN people p ON p.id = c.person_id WHERE c.person_id = ?",
                (client_id,),
            )
            practitioner_id, name = next(iter(rows))

            def build(t: Translator) -> tuple[str, Rows]:
                what = esc(resource_title) if resource_title else t._("something not in the list")
                text = t._(
                    "📌 <b>{name}</b> asked for help with: {what}", name=esc(name), what=what
                )
                if note:
                    text += "\n" + t._("Their note: <i>{note}</i>", note=esc(shorten(note, 600)))
                return text, (((t._("✅ Mark handled"), f"rq:{request_id}:done"),),)

            wait = await self._alerts.notify_practitioner(
                conn, practitioner_id, build, kind="request", dedupe_key=f"request:{request_id}"
            )
        request = await self.get(request_id)
        assert request is not None
        return request, wait

    async def for_client(self, client_id: int, status: str = "open") -> list[Request]:
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

    async def withdraw(self, client_id: int, request_id: int) -> bool:
        """Withdraw one of the client's own open requests."""
        changed = await self._db.execute(
            "UPDATE requests SET status = 'withdrawn', withdrawn_at = ?"
            " WHERE id = ? AND client_id = ? AND status = 'open'",
            (self._clock.now(), request_id, client_id),
        )
        return bool(changed)

    async def handle(self, practitioner_id: int, request_id: int, raw_message: str | None) -> bool:
        """Mark a request of the practitioner's own client handled and tell the client."""
        request = await self.get(request_id)
        if request is None or request.practitioner_id != practitioner_id:
            return False
        message = checked(clean_user_text(raw_message), MAX_REQUEST_NOTE) if raw_message else None
        client = await self._db.fetchone(
            "SELECT chat_id, locale FROM people WHERE id = ?", (request.client_id,)
        )
        assert client is not None
        t = self._i18n.get(client["locale"])
        what = esc(request.resource_title) if request.resource_title else t._("your request")
        text = t._("✅ Your practitioner has followed up on: {what}", what=what)
        if message:
            text += "\n\n" + t._("Their message: <i>{message}</i>", message=esc(message))
        now = self._clock.now()
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                "UPDATE requests SET status = 'handled', handled_at = ?, handled_by = ?,"
                " handled_message = ? WHERE id = ? AND status = 'open'",
                (now, practitioner_id, message, request_id),
            )
            if cursor.rowcount != 1:
                return False
            await enqueue(
                conn,
                chat_id=client["chat_id"],
                kind="notice",
                message=OutgoingMessage(text),
                now=now,
                dedupe_key=f"handled:{request_id}",
            )
        return True
