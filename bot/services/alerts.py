"""Alerts to practitioners, held back during quiet hours (safety alerts: ``crisis``)."""

from __future__ import annotations

from collections.abc import Callable

import aiosqlite

from bot.clock import Clock
from bot.i18n import I18n, Translator
from bot.services.digests import DigestService, quiet_until
from bot.services.outbox import Button, OutgoingMessage, enqueue
from bot.storage import Database
from bot.text import esc

__all__ = ["AlertService"]

Rows = tuple[tuple[Button, ...], ...]


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
        self.on_call_chat_id = on_call_chat_id

    async def notify_practitioner(
        self,
        conn: aiosqlite.Connection,
        practitioner_id: int,
        build: Callable[[Translator], tuple[str, Rows]],
        *,
        kind: str = "alert",
        dedupe_key: str | None = None,
    ) -> int | None:
        """Queue a message built in the practitioner's language.

        Returns when it will be sent if it waits for the end of quiet hours, else ``None``.
        """
        settings = await self._digests.settings(practitioner_id)
        now = self._clock.now()
        wait = quiet_until(settings.quiet_start, settings.quiet_end, settings.timezone, now)
        text, rows = build(self._i18n.get(settings.locale))
        await enqueue(
            conn,
            chat_id=settings.chat_id,
            kind=kind,
            message=OutgoingMessage(text, rows),
            now=now,
            not_before=wait,
            dedupe_key=dedupe_key,
        )
        return wait

    async def rating_drop(self, client_id: int, goal_text: str, before: int, after: int) -> bool:
        """Alert the practitioner about a drop of 2+ points if they asked for such alerts."""
        row = await self._db.fetchone(
            "SELECT c.practitioner_id, COALESCE(c.alias, p.display_name) AS name,"
            " pr.alert_on_drop FROM clients c JOIN people p ON p.id = c.person_id"
            " JOIN practitioners pr ON pr.person_id = c.practitioner_id WHERE c.person_id = ?",
            (client_id,),
        )
        if row is None or not row["alert_on_drop"] or before - after < 2:
            return False

        def build(t: Translator) -> tuple[str, Rows]:
            return t._(
                "📉 {name}'s rating for “{goal}” went from {before} to {after}. It will also be "
                "in your next digest.",
                name=esc(row["name"]),
                goal=esc(goal_text),
                before=before,
                after=after,
            ), ()

        async with self._db.transaction() as conn:
            await self.notify_practitioner(conn, row["practitioner_id"], build, kind="alert")
        return True
