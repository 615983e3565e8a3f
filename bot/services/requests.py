"""Client requests for help (with a resource or anything else) and their follow-up."""

from __future__ import annotations

from bot.clock import Clock
from bot.i18n import I18n
from bot.services.alerts import AlertService
from bot.services.outbox import OutgoingMessage, enqueue
from bot.storage import Database
from bot.storage.requests import Request, RequestRepository
from bot.text import checked, clean_user_text

__all__ = ["MAX_REQUEST_NOTE", "Request", "RequestService"]

MAX_REQUEST_NOTE = 1000


class RequestService:
    """Creates requests, lets clients withdraw them and practitioners mark them handled."""

    def __init__(self, db: Database, clock: Clock, i18n: I18n, alerts: AlertService) -> None:
        self._db = db
        self._repo = RequestRepository(db)
        self._clock = clock
        self._i18n = i18n
        self._alerts = alerts

    async def get(self, request_id: int) -> Request | None:
        """One request (callers check who may see it)."""
        return await self._repo.get(request_id)

    async def create(
        self,
        client_id: int,
        resource_id: str | None,
        resource_title: str | None,
        raw_note: str | None,
    ) -> tuple[Request, int | None]:
        """Record a request; the practitioner hears of it as they chose.

        By default a request waits for the practitioner's next digest (boundaries); a
        practitioner who opted in gets an alert in their working hours. Returns the request
        and when a person will see it (``None``: now).
        """
        note = checked(clean_user_text(raw_note), MAX_REQUEST_NOTE) if raw_note else None
        now = self._clock.now()
        async with self._db.transaction() as conn:
            request_id = await self._repo.insert(
                conn, client_id, resource_id, resource_title, note or None, now
            )
            practitioner_id = await self._repo.practitioner_of(conn, client_id)
            if practitioner_id is None:
                raise LookupError(client_id)
            settings = await self._alerts.practitioner_settings(practitioner_id)
            if settings.request_alerts == "digest":
                wait = settings.next_digest_at
            else:  # the alert shows the request as stored when it is sent ("request_alert")
                wait = await self._alerts.notify_practitioner(
                    conn,
                    practitioner_id,
                    "request_alert",
                    {"request_id": request_id, "practitioner_id": practitioner_id},
                    kind="request",
                    dedupe_key=f"request:{request_id}",
                    about=client_id,
                )
        request = await self.get(request_id)
        assert request is not None
        return request, wait

    async def for_client(self, client_id: int, status: str = "open") -> list[Request]:
        """A client's requests with ``status``, newest first."""
        return await self._repo.for_client(client_id, status)

    async def open_for_practitioner(self, practitioner_id: int) -> list[Request]:
        """Open requests of the practitioner's own clients, oldest first."""
        return await self._repo.open_for_practitioner(practitioner_id)

    async def withdraw(self, client_id: int, request_id: int) -> bool:
        """Withdraw one of the client's own open requests."""
        return await self._repo.withdraw(client_id, request_id, self._clock.now())

    async def handle(self, practitioner_id: int, request_id: int, raw_message: str | None) -> bool:
        """Mark a request of the practitioner's own client handled and tell the client."""
        request = await self.get(request_id)
        if request is None or request.practitioner_id != practitioner_id:
            return False
        message = checked(clean_user_text(raw_message), MAX_REQUEST_NOTE) if raw_message else None
        chat_id = await self._repo.chat_of(request.client_id)
        assert chat_id is not None
        now = self._clock.now()
        async with self._db.transaction() as conn:
            if not await self._repo.mark_handled(conn, request_id, practitioner_id, message, now):
                return False
            # rendered when sent, in the client's language, with the message stored here
            await enqueue(
                conn,
                chat_id=chat_id,
                kind="notice",
                message=OutgoingMessage(view="request_handled", args={"request_id": request_id}),
                now=now,
                dedupe_key=f"handled:{request_id}",
                about=request.client_id,
            )
        return True
