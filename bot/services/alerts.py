"""Alerts to practitioners, held back during quiet hours (safety alerts: ``crisis``)."""

from __future__ import annotations

from typing import Any

from bot.clock import Clock
from bot.i18n import I18n
from bot.services.digests import DigestService, PractitionerSettings, off_until, recipient
from bot.services.outbox import OutgoingMessage, enqueue
from bot.storage import Connection, Database
from bot.storage.alerts import AlertRepository

__all__ = ["AlertService"]


class AlertService:
    """Queues alerts in the caller's transaction, respecting the practitioner's quiet hours."""

    def __init__(
        self,
        db: Database,
        i18n: I18n,
        clock: Clock,
        digests: DigestService,
        on_call_chat_id: int | None,
    ) -> None:
        self._db = db
        self._i18n = i18n
        self._clock = clock
        self._digests = digests
        self.repo = AlertRepository(db)
        self.on_call_chat_id = on_call_chat_id

    async def practitioner_settings(self, practitioner_id: int) -> PractitionerSettings:
        """A practitioner's settings (how they want to hear about things)."""
        return await self._digests.settings(practitioner_id)

    async def notify_practitioner(
        self,
        conn: Connection,
        practitioner_id: int,
        view: str,
        args: dict[str, Any],
        *,
        kind: str = "alert",
        dedupe_key: str | None = None,
        about: int | None = None,
    ) -> int | None:
        """Queue a view, rendered in the practitioner's language when it is sent.

        ``args`` hold ids, times and flags only. Returns when the message will be sent if it
        waits for the end of quiet hours, else ``None``.
        """
        now = self._clock.now()
        # while the practitioner is away, whoever covers hears it, in their own hours
        settings = await self._digests.settings(
            recipient(await self._digests.settings(practitioner_id), now)
        )
        wait = off_until(settings, now)
        await enqueue(
            conn,
            chat_id=settings.chat_id,
            kind=kind,
            message=OutgoingMessage(view=view, args=args),
            now=now,
            not_before=wait,
            dedupe_key=dedupe_key,
            about=about,
        )
        return wait

    async def rating_drop(self, client_id: int, goal_text: str, before: int, after: int) -> bool:
        """Alert the practitioner about a drop of 2+ points if they asked for such alerts."""
        subject = await self.repo.subject(client_id)
        if subject is None or not subject.alert_on_drop or before - after < 2:
            return False
        goal_id = await self.repo.goal_id(client_id, goal_text)
        if goal_id is None:
            return False
        args = {
            "practitioner_id": subject.practitioner_id,
            "client_id": client_id,
            "goal_id": goal_id,
            "before": before,
            "after": after,
        }
        async with self._db.transaction() as conn:
            await self.notify_practitioner(
                conn, subject.practitioner_id, "rating_drop", args, kind="alert", about=client_id
            )
        return True

    async def drop_subject(self, client_id: int, goal_id: int) -> tuple[str, str] | None:
        """The client's name (as their practitioner knows them) and the goal's text."""
        subject = await self.repo.subject(client_id)
        text = await self.repo.goal_text(client_id, goal_id)
        return None if subject is None or text is None else (subject.name, text)
