"""The crisis flow: what happens when a client's words match the crisis rules.

Everything here is queued in the outbox in the same transaction as the event, with the
highest priority, so an outage delays the crisis reply and the alerts but never drops them.
Alerts are rendered when they are sent, from the event, so a delayed alert says when it
happened and what the client answered since, and an update edits the same alert.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.clock import Clock
from bot.services.digests import DigestService, PractitionerSettings, off_until, recipient
from bot.services.outbox import PRIORITY_SAFETY, OutgoingMessage, enqueue
from bot.services.safety import SafetyMatcher
from bot.storage import Connection, Database
from bot.storage.safety import ClientContact, EventRow, SafetyRepository

__all__ = [
    "JOIN_WINDOW",
    "RESUMABLE",
    "AckResult",
    "CrisisService",
    "Routing",
    "source_of",
]

# Crisis words written again within this time join the same event (one event, one alert).
JOIN_WINDOW = 2 * 3600
# Routine prompts (reminders) wait while an event the client has not closed is this recent.
QUIET_AFTER_CRISIS = 12 * 3600
# Pending steps a crisis interrupts and the client can carry on with afterwards.
RESUMABLE = frozenset(
    {"goal_new", "goal_reword", "note", "request_note", "request_other", "loose_text"}
)
_SOURCES = {
    "goal_new": "goal",
    "goal_reword": "goal",
    "note": "note",
    "request_note": "request",
    "request_other": "request",
    "loose_text": "message",
}


def source_of(pending: dict[str, Any] | None) -> str:
    """Where the words were typed: ``goal``, ``note``, ``request`` or ``message``."""
    return _SOURCES.get(str((pending or {}).get("kind", "")), "message")


@dataclass(frozen=True)
class Routing:
    """Who hears about a safety event at once, and when the practitioner will see it."""

    practitioner_now: bool
    on_call: bool
    practitioner_after: int | None


@dataclass(frozen=True)
class AckResult:
    """The outcome of pressing "I'm on it"."""

    allowed: bool
    first: bool
    by: str | None = None  # who acknowledged first


class CrisisService:
    """Screens client text, records events, alerts people, escalates and re-sends."""

    def __init__(
        self,
        db: Database,
        clock: Clock,
        digests: DigestService,
        matcher: SafetyMatcher,
        on_call_chat_id: int | None,
        ack_seconds: int,
    ) -> None:
        self._db = db
        self._clock = clock
        self._digests = digests
        self._matcher = matcher
        self.on_call_chat_id = on_call_chat_id
        self.ack_seconds = ack_seconds
        self.repo = SafetyRepository(db)

    async def screen(
        self, client_id: int, text: str, pending: dict[str, Any] | None, locale: str = ""
    ) -> int | None:
        """If ``text`` is crisis language, take over: record, alert, reply; return the event id.

        The pending step is not asked and nothing is quoted back; a check-in note stays that
        check-in's note, private; the step is remembered so the client can carry on later.
        """
        rule = await self._matcher.assess(text, locale or None)
        if rule is None:
            return None
        now = self._clock.now()
        contact = await self.repo.contact(client_id)
        if contact is None:
            return None
        pending = dict(pending or {})
        if pending.get("kind") == "note" and not await self._note_asked(client_id, pending):
            pending = {}  # expected since the check-in's start, not asked yet: a message
        resume: dict[str, Any] | None = None
        if pending.get("kind") == "crisis":
            resume = None  # already in the flow; the event keeps the step it interrupted
        elif pending.get("kind") in RESUMABLE:
            resume = pending
        else:
            open_checkin = await self.repo.open_checkin(client_id, now - 12 * 3600)
            if open_checkin is not None:
                resume = {"kind": "checkin", "checkin_id": open_checkin[0]}
        async with self._db.transaction() as conn:
            event = await self.repo.open_event(conn, client_id, now - JOIN_WINDOW)
            if event is not None:
                event_id = event.id
                await self.repo.add_text(conn, event_id, text, now)
            else:
                event_id = await self.repo.insert_event(
                    conn, client_id, source_of(pending), text, rule, resume, now
                )
            if pending.get("kind") == "note":
                kept = await self.repo.keep_private_note(
                    conn, client_id, int(pending.get("checkin_id", 0)), text
                )
                if kept:
                    resume = {"kind": "checkin", "checkin_id": int(pending["checkin_id"])}
                    if event is None:
                        await self.repo.set_resume(conn, event_id, resume)
            await self.repo.set_pending(conn, client_id, {"kind": "crisis", "event_id": event_id})
            if event is None:
                routing = await self._alert(conn, contact, event_id, now)
            else:
                routing = await self._routing(contact, now)
                await self._update_alerts(conn, event_id, now)
            await self._to_client(
                conn,
                contact,
                "crisis",
                {
                    "event_id": event_id,
                    "practitioner_now": routing.practitioner_now,
                    "on_call": routing.on_call,
                    "after": routing.practitioner_after,
                },
                now,
            )
        return event_id

    async def wrote_during_crisis(self, client_id: int, event_id: int, text: str) -> bool:
        """Keep words written during an open crisis with its event; ``False`` if it is over."""
        now = self._clock.now()
        event = await self.repo.event(event_id)
        contact = await self.repo.contact(client_id)
        if (
            event is None
            or contact is None
            or event.client_id != client_id
            or event.closed_at is not None
            or (event.last_text_at or event.created_at) < now - JOIN_WINDOW
        ):
            return False
        async with self._db.transaction() as conn:
            await self.repo.add_text(conn, event_id, text, now)
            await self._update_alerts(conn, event_id, now)
            await self._to_client(conn, contact, "crisis_kept", {"event_id": event_id}, now)
        return True

    async def answer(self, client_id: int, event_id: int, choice: str) -> bool:
        """Record the client's answer to the crisis buttons and act on it.

        ``safe`` asks once more; ``sure`` closes the event and offers to carry on;
        ``unsure`` and ``help`` raise an urgent alert that reaches a person at once.
        """
        event = await self.repo.event(event_id)
        contact = await self.repo.contact(client_id)
        if event is None or contact is None or event.client_id != client_id:
            return False
        now = self._clock.now()
        async with self._db.transaction() as conn:
            await self.repo.add_answer(conn, event_id, choice, now)
            if choice == "safe":
                await self._to_client(conn, contact, "crisis_check", {"event_id": event_id}, now)
            elif choice == "sure":
                await self.repo.close(conn, event_id, now)
                await self.repo.set_pending(conn, client_id, None)
                await self._to_client(conn, contact, "crisis_glad", {"event_id": event_id}, now)
            else:
                told = await self._escalate(conn, contact, event_id, now)
                await self._to_client(
                    conn, contact, "crisis_help", {"event_id": event_id, "told": told}, now
                )
            await self._update_alerts(conn, event_id, now)
        return True

    async def _escalate(
        self, conn: Connection, contact: ClientContact, event_id: int, now: int
    ) -> str:
        """Reach a person now: the on-call chat if there is one, else the practitioner."""
        first = await self.repo.set_urgent(conn, event_id, now)
        alerts = {alert.role: alert for alert in await self.repo.alerts(event_id)}
        role = "on_call" if self.on_call_chat_id is not None else "practitioner"
        alert = alerts.get(role)
        if alert is None:
            chat_id = self.on_call_chat_id if role == "on_call" else None
            await self._queue_alert(conn, contact, event_id, role, now, None, chat_id)
        elif alert.status == "pending":
            await self.repo.release(conn, alert.id, now)
        elif first or now - (alert.sent_at or now) >= 300:
            await enqueue(
                conn,
                chat_id=alert.chat_id,
                kind="safety_ping",
                message=OutgoingMessage(
                    view="safety_ping", args={"event_id": event_id, "role": role}, reply_to=alert.id
                ),
                now=now,
                dedupe_key=f"safety-ping:{event_id}:{now // 300}",
                priority=PRIORITY_SAFETY,
                about=contact.client_id,
            )
        return role

    async def _reader(self, contact: ClientContact, now: int) -> PractitionerSettings:
        """Whoever reads the practitioner's alerts now: their cover while they are away."""
        own = await self._digests.settings(contact.practitioner_id)
        reader = recipient(own, now)
        return own if reader == own.person_id else await self._digests.settings(reader)

    async def _routing(self, contact: ClientContact, now: int) -> Routing:
        settings = await self._reader(contact, now)
        wait = off_until(settings, now)
        on_call = self.on_call_chat_id is not None
        return Routing(wait is None, on_call, None if on_call else wait)

    async def _alert(
        self, conn: Connection, contact: ClientContact, event_id: int, now: int
    ) -> Routing:
        """Alert the practitioner (after their quiet hours) and the on-call chat (now)."""
        settings = await self._reader(contact, now)
        wait = off_until(settings, now)
        await self._queue_alert(conn, contact, event_id, "practitioner", now, wait, None)
        if self.on_call_chat_id is not None:
            await self._queue_alert(conn, contact, event_id, "on_call", now, None, None)
        return await self._routing(contact, now)

    async def _queue_alert(
        self,
        conn: Connection,
        contact: ClientContact,
        event_id: int,
        role: str,
        now: int,
        not_before: int | None,
        chat_id: int | None,
    ) -> None:
        if chat_id is None:
            if role == "on_call" and self.on_call_chat_id is not None:
                chat_id = self.on_call_chat_id
            else:  # the practitioner, or whoever covers for them while they are away
                chat_id = (await self._reader(contact, now)).chat_id
        await enqueue(
            conn,
            chat_id=chat_id,
            kind="safety",
            message=OutgoingMessage(view="safety_alert", args={"event_id": event_id, "role": role}),
            now=now,
            not_before=not_before,
            dedupe_key=f"safety:{event_id}:{role}",
            priority=PRIORITY_SAFETY,
            about=contact.client_id,
        )

    async def _update_alerts(self, conn: Connection, event_id: int, now: int) -> None:
        """Edit every alert already sent about the event to show its latest state."""
        event = await self.repo.event(event_id)
        client_id = event.client_id if event else None
        for alert in await self.repo.alerts(event_id):
            if alert.status != "sent":
                continue  # a waiting alert is rendered with the latest state when it goes
            await enqueue(
                conn,
                chat_id=alert.chat_id,
                kind="safety_edit",
                message=OutgoingMessage(
                    view="safety_alert",
                    args={"event_id": event_id, "role": alert.role},
                    edit_of=alert.id,
                ),
                now=now,
                priority=PRIORITY_SAFETY,
                about=client_id,
            )

    async def _to_client(
        self,
        conn: Connection,
        contact: ClientContact,
        view: str,
        args: dict[str, Any],
        now: int,
    ) -> None:
        await enqueue(
            conn,
            chat_id=contact.chat_id,
            kind="crisis",
            message=OutgoingMessage(view=view, args=args),
            now=now,
            priority=PRIORITY_SAFETY,
            about=contact.client_id,
        )

    async def acknowledge(
        self, event_id: int, presser_id: int, presser_name: str, chat_id: int
    ) -> AckResult:
        """Record "I'm on it" from the client's practitioner or the on-call chat."""
        event = await self.repo.event(event_id)
        if event is None:
            return AckResult(False, False)
        contact = await self.repo.contact(event.client_id)
        role = await self._role_of(event, contact, presser_id, chat_id)
        if contact is None or role is None:
            return AckResult(False, False)
        now = self._clock.now()
        async with self._db.transaction() as conn:
            first = await self.repo.acknowledge(conn, event_id, presser_id, presser_name, role, now)
            if first:
                await self._update_alerts(conn, event_id, now)
                for alert in await self.repo.alerts(event_id):
                    if alert.chat_id == chat_id or alert.status != "sent":
                        continue
                    await enqueue(
                        conn,
                        chat_id=alert.chat_id,
                        kind="safety_ping",
                        message=OutgoingMessage(
                            view="safety_acked",
                            args={"event_id": event_id, "role": alert.role},
                            reply_to=alert.id,
                        ),
                        now=now,
                        dedupe_key=f"safety-acked:{event_id}:{alert.chat_id}",
                        priority=PRIORITY_SAFETY,
                        about=contact.client_id,
                    )
                await self._to_client(conn, contact, "crisis_seen", {"event_id": event_id}, now)
        latest = await self.repo.event(event_id)
        return AckResult(True, first, latest.acknowledged_name if latest else None)

    async def reveal(
        self, event_id: int, presser_id: int, presser_name: str, chat_id: int
    ) -> str | None:
        """The client's words for someone allowed to see them; the view is recorded."""
        event = await self.repo.event(event_id)
        if event is None or event.text is None:
            return None
        contact = await self.repo.contact(event.client_id)
        if await self._role_of(event, contact, presser_id, chat_id) is None:
            return None
        await self.repo.record_view(event_id, presser_id, presser_name, self._clock.now())
        return event.text

    async def _role_of(
        self, event: EventRow, contact: ClientContact | None, presser_id: int, chat_id: int
    ) -> str | None:
        """``practitioner`` or ``on_call`` if the presser may act on this event, else ``None``."""
        if contact is None:
            return None
        if self.on_call_chat_id is not None and chat_id == self.on_call_chat_id:
            return "on_call"
        if chat_id == presser_id and presser_id in (
            contact.practitioner_telegram_id,
            await self._telegram_id((await self._reader(contact, self._clock.now())).person_id),
        ):
            return "practitioner"
        return None

    async def _telegram_id(self, person_id: int) -> int | None:
        return await self.repo.telegram_id(person_id)

    async def resend_due(self) -> int:
        """Send once more every alert nobody acknowledged in time (to on-call if set)."""
        now = self._clock.now()
        count = 0
        for event in await self.repo.due_for_resend(now - self.ack_seconds):
            contact = await self.repo.contact(event.client_id)
            if contact is None:
                continue
            async with self._db.transaction() as conn:
                if not await self.repo.mark_resent(conn, event.id, now):
                    continue
                await self._queue_alert(
                    conn,
                    contact,
                    event.id,
                    "resend",
                    now,
                    None,
                    (self.on_call_chat_id if self.on_call_chat_id is not None else None),
                )
            count += 1
        return count

    async def routine_waits(self, client_id: int) -> bool:
        """Whether routine prompts should wait: a recent crisis the client has not closed."""
        return await self.repo.has_open_event(client_id, self._clock.now() - QUIET_AFTER_CRISIS)

    async def _note_asked(self, client_id: int, pending: dict[str, Any]) -> bool:
        """Whether the check-in whose note is expected has asked for it (or had it typed).

        A new check-in expects its note from its start (bot/services/checkins.py), so the
        last goal's tap has nothing to write; words typed while a rating is still asked, or
        long after a check-in was left before its note, are a message as they always were.
        """
        current = await self.repo.open_checkin(client_id, 0)
        return (
            current is not None
            and current[0] == int(pending.get("checkin_id", 0))
            and current[1] in ("note", "share")
        )

    async def resume_step(self, client_id: int, event_id: int) -> dict[str, Any] | None:
        """The step the crisis interrupted, to carry on with."""
        event = await self.repo.event(event_id)
        if event is None or event.client_id != client_id:
            return None
        return event.resume
