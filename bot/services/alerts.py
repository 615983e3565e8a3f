"""Alerts to practitioners (and the on-call chat), held back during quiet hours."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import aiosqlite

from bot.clock import Clock
from bot.i18n import I18n, Translator
from bot.services.digests import DigestService, quiet_until
from bot.services.outbox import Button, OutgoingMessage, enqueue
from bot.storage import Database
from bot.text import esc

__all__ = ["AlertService", "SafetyRouting"]

Rows = tuple[tuple[Button, ...], ...]


@dataclass(frozen=True)
class SafetyRouting:
    """Who hears about a safety event, and when a person will see it."""

    practitioner_now: bool
    on_call: bool
    practitioner_after: int | None  # when quiet hours end, if the practitioner's alert waits


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

    async def safety_event(self, client_id: int, source: str) -> SafetyRouting:
        """Record that a client's text matched the crisis keywords and alert people."""
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                "INSERT INTO safety_events (client_id, source, created_at) VALUES (?, ?, ?)",
                (client_id, source, self._clock.now()),
            )
            event_id = int(cursor.lastrowid or 0)
            rows = await conn.execute_fetchall(
                "SELECT c.practitioner_id, COALESCE(c.alias, p.display_name) FROM clients c"
                " JOIN people p ON p.id = c.person_id WHERE c.person_id = ?",
                (client_id,),
            )
            practitioner_id, name = next(iter(rows))
            return await self.safety(conn, practitioner_id, name, event_id)

    async def safety(
        self, conn: aiosqlite.Connection, practitioner_id: int, client_name: str, event_id: int
    ) -> SafetyRouting:
        """Alert about a safety event.

        The practitioner is alerted now; during their quiet hours the on-call chat (if set)
        is alerted instead, and without one the practitioner's alert waits for the end of
        quiet hours. The on-call chat is alerted outside quiet hours too.
        """
        name = esc(client_name)
        settings = await self._digests.settings(practitioner_id)
        now = self._clock.now()
        wait = quiet_until(settings.quiet_start, settings.quiet_end, settings.timezone, now)
        on_call = self.on_call_chat_id is not None
        if wait is None or not on_call:
            t = self._i18n.get(settings.locale)
            await enqueue(
                conn,
                chat_id=settings.chat_id,
                kind="safety",
                message=OutgoingMessage(
                    t._(
                        "🚨 <b>Safety alert</b>: something {name} wrote matched the crisis "
                        "keywords. They were shown the crisis lines. Please reach out to them "
                        "as soon as you can.",
                        name=name,
                    )
                ),
                now=now,
                not_before=wait,
                dedupe_key=f"safety:{event_id}",
            )
        if self.on_call_chat_id is not None:
            t = self._i18n.get(self._i18n.default_locale)
            state = t._("in quiet hours") if wait else t._("alerted too")
            await enqueue(
                conn,
                chat_id=self.on_call_chat_id,
                kind="safety",
                message=OutgoingMessage(
                    t._(
                        "🚨 <b>Safety alert</b> (on call): something {name} wrote matched the "
                        "crisis keywords. Their practitioner is {state}.",
                        name=name,
                        state=state,
                    )
                ),
                now=now,
                dedupe_key=f"safety-on-call:{event_id}",
            )
        return SafetyRouting(
            practitioner_now=wait is None,
            on_call=on_call,
            practitioner_after=None if on_call else wait,
        )
