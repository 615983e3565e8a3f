"""A client's reminder schedule and check-in options (columns of ``clients``), due reminders."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.storage.database import Connection, Database

__all__ = ["DueReminder", "ReminderRecipient", "ReminderRepository", "ScheduleRow"]

_OPTIONS = frozenset({"ask_wellbeing", "share_notes_default"})


@dataclass(frozen=True)
class ScheduleRow:
    """A client's stored schedule and check-in options."""

    days: str  # weekday numbers, Monday = 0, e.g. '0,2,4'; '' means "only when I choose"
    at: str
    timezone: str
    paused: bool
    paused_until: int | None
    next_prompt_at: int | None
    ask_wellbeing: bool
    share_notes_default: bool


@dataclass(frozen=True)
class DueReminder:
    """A client whose next reminder instant has come."""

    client_id: int
    chat_id: int
    days: str
    at: str
    timezone: str
    paused: bool
    paused_until: int | None
    next_prompt_at: int
    in_crisis: bool  # a safety event they have not closed is recent
    standing: int | None  # the message id of their unanswered reminder, to replace it
    unanswered: int = 0  # reminders in a row without an answer, before this one
    open: bool = False  # the previous reminder is still unanswered
    rhythm_asked: bool = False  # "keep, change or pause?" was asked and not answered
    last_checkin: int | None = None  # when their latest check-in started


@dataclass(frozen=True)
class ReminderRecipient:
    """What a reminder needs when it is sent: the client's language and whether they paused."""

    locale: str
    paused: bool
    paused_until: int | None


# The latest reminder delivered to the chat, if the previous one stands unanswered. The
# partial index ``outbox_sent_reminders`` (migration 0008) makes this one index seek.
_STANDING = (
    "CASE WHEN c.open_reminder_at IS NOT NULL THEN (SELECT o.message_id FROM outbox o"
    " WHERE o.chat_id = p.chat_id AND o.kind = 'reminder' AND o.status = 'sent'"
    " AND o.message_id IS NOT NULL ORDER BY o.id DESC LIMIT 1) END"
)


class ReminderRepository:
    """All SQL of reminders and the client's check-in options."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def schedule(self, client_id: int) -> ScheduleRow | None:
        """The client's schedule and options, or ``None`` if there is no such client."""
        row = await self._db.fetchone(
            "SELECT c.reminder_days, c.reminder_time, p.timezone, c.paused, c.paused_until,"
            " c.next_prompt_at, c.ask_wellbeing, c.share_notes_default"
            " FROM clients c JOIN people p ON p.id = c.person_id WHERE c.person_id = ?",
            (client_id,),
        )
        if row is None:
            return None
        return ScheduleRow(
            days=row["reminder_days"],
            at=row["reminder_time"],
            timezone=row["timezone"],
            paused=bool(row["paused"]),
            paused_until=row["paused_until"],
            next_prompt_at=row["next_prompt_at"],
            ask_wellbeing=bool(row["ask_wellbeing"]),
            share_notes_default=bool(row["share_notes_default"]),
        )

    async def set_next(self, client_id: int, when: int | None) -> None:
        """Store the next reminder instant (``None``: none)."""
        await self._db.execute(
            "UPDATE clients SET next_prompt_at = ? WHERE person_id = ?", (when, client_id)
        )

    async def set_days(self, client_id: int, days: str) -> None:
        """Store the weekdays (as :class:`ScheduleRow` spells them)."""
        await self._db.execute(
            "UPDATE clients SET reminder_days = ? WHERE person_id = ?", (days, client_id)
        )

    async def set_time(self, client_id: int, at: str) -> None:
        """Store the local time of day (``HH:MM``)."""
        await self._db.execute(
            "UPDATE clients SET reminder_time = ? WHERE person_id = ?", (at, client_id)
        )

    async def set_option(self, client_id: int, option: str, value: bool) -> None:
        """Switch ``ask_wellbeing`` or ``share_notes_default``."""
        if option not in _OPTIONS:
            raise ValueError(option)
        await self._db.execute(
            f"UPDATE clients SET {option} = ? WHERE person_id = ?", (1 if value else 0, client_id)
        )

    async def pause(self, client_id: int, until: int | None) -> None:
        """Pause reminders until ``until`` (``None``: until resumed); the standing one is over."""
        await self._db.execute(
            "UPDATE clients SET paused = 1, paused_until = ?, open_reminder_at = NULL,"
            " unanswered = 0, rhythm_asked_at = NULL WHERE person_id = ?",
            (until, client_id),
        )

    async def resume(self, client_id: int, now: int) -> None:
        """End a pause (silence is counted again from now)."""
        await self._db.execute(
            "UPDATE clients SET paused = 0, paused_until = NULL, resumed_at = ?,"
            " unanswered = 0, rhythm_asked_at = NULL WHERE person_id = ?",
            (now, client_id),
        )

    async def snooze(self, client_id: int, when: int) -> None:
        """Answer the standing reminder and ask again at ``when`` at the latest."""
        await self._db.execute(
            "UPDATE clients SET open_reminder_at = NULL, next_prompt_at ="
            " CASE WHEN next_prompt_at IS NULL OR next_prompt_at > ? THEN ? ELSE next_prompt_at END"
            " WHERE person_id = ?",
            (when, when, client_id),
        )

    async def skip_to(self, client_id: int, when: int | None) -> None:
        """Answer the standing reminder and move the next one to ``when``."""
        await self._db.execute(
            "UPDATE clients SET open_reminder_at = NULL, next_prompt_at = ? WHERE person_id = ?",
            (when, client_id),
        )

    async def clear_open(self, conn: Connection, client_id: int) -> None:
        """The client responded to the standing reminder (in the caller's transaction)."""
        await conn.execute(
            "UPDATE clients SET open_reminder_at = NULL, unanswered = 0, rhythm_asked_at = NULL"
            " WHERE person_id = ?",
            (client_id,),
        )

    async def answered(self, client_id: int) -> None:
        """The client responded to the standing reminder."""
        async with self._db.transaction() as conn:
            await self.clear_open(conn, client_id)

    async def due(
        self, now: int, crisis_since: int, limit: int, conn: Connection | None = None
    ) -> list[DueReminder]:
        """Up to ``limit`` clients whose next reminder is due at ``now``, earliest first
        (read in the caller's transaction when ``conn`` is given)."""
        rows = await (conn or self._db.conn).execute_fetchall(
            "SELECT c.person_id, p.chat_id, c.reminder_days, c.reminder_time, p.timezone,"
            " c.paused, c.paused_until, c.next_prompt_at, c.unanswered,"
            " c.open_reminder_at IS NOT NULL AS open, c.rhythm_asked_at IS NOT NULL AS asked,"
            " (SELECT MAX(ch.started_at) FROM checkins ch WHERE ch.client_id = c.person_id)"
            " AS last_checkin,"
            " EXISTS (SELECT 1 FROM safety_events e WHERE e.client_id = c.person_id"
            " AND e.closed_at IS NULL AND COALESCE(e.last_text_at, e.created_at) >= ?)"
            f" AS in_crisis, {_STANDING} AS standing"
            " FROM clients c JOIN people p ON p.id = c.person_id"
            " WHERE c.next_prompt_at IS NOT NULL AND c.next_prompt_at <= ?"
            " ORDER BY c.next_prompt_at LIMIT ?",
            (crisis_since, now, limit),
        )
        return [
            DueReminder(
                client_id=row["person_id"],
                chat_id=row["chat_id"],
                days=row["reminder_days"],
                at=row["reminder_time"],
                timezone=row["timezone"],
                paused=bool(row["paused"]),
                paused_until=row["paused_until"],
                next_prompt_at=row["next_prompt_at"],
                in_crisis=bool(row["in_crisis"]),
                standing=row["standing"],
                unanswered=int(row["unanswered"]),
                open=bool(row["open"]),
                rhythm_asked=bool(row["asked"]),
                last_checkin=row["last_checkin"],
            )
            for row in rows
        ]

    async def set_next_many(
        self, conn: Connection, changes: Sequence[tuple[int, int | None]]
    ) -> None:
        """Store ``(client id, next instant)`` pairs without reminding (one statement)."""
        await conn.executemany(
            "UPDATE clients SET next_prompt_at = ? WHERE person_id = ?",
            [(when, client_id) for client_id, when in changes],
        )

    async def mark_reminded(
        self, conn: Connection, now: int, changes: Sequence[tuple[int, int | None, int]]
    ) -> None:
        """Record reminders queued at ``now``: ``(client id, next instant, unanswered so far)``."""
        await conn.executemany(
            "UPDATE clients SET paused = 0, paused_until = NULL, open_reminder_at = ?,"
            " next_prompt_at = ?, unanswered = ? WHERE person_id = ?",
            [(now, when, count, client_id) for client_id, when, count in changes],
        )

    async def mark_rhythm_asked(self, conn: Connection, now: int, client_ids: list[int]) -> None:
        """Record that "keep, change or pause?" was asked instead of another reminder."""
        await conn.executemany(
            "UPDATE clients SET rhythm_asked_at = ?, open_reminder_at = ? WHERE person_id = ?",
            [(now, now, client_id) for client_id in client_ids],
        )

    async def pause_silent(self, conn: Connection, client_ids: list[int]) -> None:
        """No answer to the rhythm question: pause until they come back (never a lapse)."""
        await conn.executemany(
            # rhythm_asked_at stays: reminders rest, but the practitioner's digest still
            # notices the silence (bot/services/digests.py), unlike a pause the client chose
            "UPDATE clients SET paused = 1, paused_until = NULL, next_prompt_at = NULL,"
            " open_reminder_at = NULL, unanswered = 0 WHERE person_id = ?",
            [(client_id,) for client_id in client_ids],
        )

    async def recipient(self, client_id: int) -> ReminderRecipient | None:
        """The client's language and schedule now, or ``None`` if they are gone."""
        row = await self._db.fetchone(
            "SELECT p.locale, c.paused, c.paused_until"
            " FROM clients c JOIN people p ON p.id = c.person_id WHERE c.person_id = ?",
            (client_id,),
        )
        if row is None:
            return None
        return ReminderRecipient(
            locale=row["locale"],
            paused=bool(row["paused"]),
            paused_until=row["paused_until"],
        )
