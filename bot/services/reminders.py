"""Reminders on the client's own schedule: next-due instants in the database, DST-safe."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.clock import Clock
from bot.i18n import I18n
from bot.services.outbox import OutgoingMessage, enqueue
from bot.storage import Database

__all__ = [
    "ReminderService",
    "ReminderSettings",
    "next_occurrence",
    "parse_days",
    "parse_time",
]

_TIME = re.compile(r"^\s*([01]?[0-9]|2[0-3])[:.h]([0-5][0-9])\s*$")
_DUE_BATCH = 500


def parse_time(text: str) -> str | None:
    """Read ``HH:MM`` (also ``H:MM``, ``HH.MM``, ``HHhMM``); return ``HH:MM`` or ``None``."""
    match = _TIME.match(text)
    if match is None:
        return None
    return f"{int(match.group(1)):02d}:{match.group(2)}"


def parse_days(stored: str) -> frozenset[int]:
    """Read the stored weekday list (``'0,2,4'``, Monday = 0)."""
    return frozenset(int(part) for part in stored.split(",") if part.strip().isdigit())


def format_days(days: frozenset[int]) -> str:
    """Write a weekday set for storage."""
    return ",".join(str(day) for day in sorted(days))


def next_occurrence(days: frozenset[int], at: str, timezone: str, after: int) -> int | None:
    """Return the first instant after ``after`` that falls on ``days`` at local time ``at``.

    Local wall-clock times are turned into instants with the zone's rules for that date, so
    a 09:00 reminder stays at 09:00 across daylight-saving changes. A time that does not
    exist on the day the clocks go forward is sent at the equivalent moment just after.
    """
    if not days:
        return None
    zone = ZoneInfo(timezone)
    hours, minutes = (int(part) for part in at.split(":"))
    local_now = datetime.fromtimestamp(after, UTC).astimezone(zone)
    for offset in range(8):
        day = local_now.date() + timedelta(days=offset)
        if day.weekday() not in days:
            continue
        candidate = datetime.combine(day, time(hours, minutes), tzinfo=zone)
        instant = int(candidate.astimezone(UTC).timestamp())
        if instant > after:
            return instant
    return None


def start_of_next_day(epoch: int, timezone: str) -> int:
    """The instant local midnight begins the day after ``epoch``'s local day."""
    zone = ZoneInfo(timezone)
    local = datetime.fromtimestamp(epoch, UTC).astimezone(zone)
    midnight = datetime.combine(local.date() + timedelta(days=1), time(0, 0), tzinfo=zone)
    return int(midnight.astimezone(UTC).timestamp())


@dataclass(frozen=True)
class ReminderSettings:
    """A client's schedule and check-in preferences."""

    days: frozenset[int]
    at: str
    timezone: str
    paused: bool
    paused_until: int | None
    next_prompt_at: int | None
    ask_wellbeing: bool
    share_notes_default: bool


class ReminderService:
    """Keeps each client's next reminder instant and sends reminders when due."""

    def __init__(
        self,
        db: Database,
        clock: Clock,
        i18n: I18n,
        snooze_hours: int,
        quiet_after_crisis: int = 12 * 3600,
    ) -> None:
        self._db = db
        self._clock = clock
        self._i18n = i18n
        self.snooze_seconds = snooze_hours * 3600
        # reminders wait while a client's crisis (not closed by them) is this recent
        self.quiet_after_crisis = quiet_after_crisis

    async def settings(self, client_id: int) -> ReminderSettings:
        """The client's current schedule."""
        row = await self._db.fetchone(
            "SELECT c.reminder_days, c.reminder_time, p.timezone, c.paused, c.paused_until,"
            " c.next_prompt_at, c.ask_wellbeing, c.share_notes_default"
            " FROM clients c JOIN people p ON p.id = c.person_id WHERE c.person_id = ?",
            (client_id,),
        )
        if row is None:
            raise LookupError(client_id)
        return ReminderSettings(
            days=parse_days(row["reminder_days"]),
            at=row["reminder_time"],
            timezone=row["timezone"],
            paused=bool(row["paused"]),
            paused_until=row["paused_until"],
            next_prompt_at=row["next_prompt_at"],
            ask_wellbeing=bool(row["ask_wellbeing"]),
            share_notes_default=bool(row["share_notes_default"]),
        )

    async def reschedule(self, client_id: int) -> ReminderSettings:
        """Recompute the next reminder from the schedule (after any change to it)."""
        current = await self.settings(client_id)
        now = self._clock.now()
        after = now
        if current.paused:
            if current.paused_until is None:
                await self._set_next(client_id, None)
                return await self.settings(client_id)
            after = max(now, current.paused_until)
        await self._set_next(
            client_id, next_occurrence(current.days, current.at, current.timezone, after)
        )
        return await self.settings(client_id)

    async def _set_next(self, client_id: int, when: int | None) -> None:
        await self._db.execute(
            "UPDATE clients SET next_prompt_at = ? WHERE person_id = ?", (when, client_id)
        )

    async def set_days(self, client_id: int, days: frozenset[int]) -> ReminderSettings:
        """Choose the weekdays (empty: only when the client chooses)."""
        clean = frozenset(day for day in days if 0 <= day <= 6)
        await self._db.execute(
            "UPDATE clients SET reminder_days = ? WHERE person_id = ?",
            (format_days(clean), client_id),
        )
        return await self.reschedule(client_id)

    async def set_time(self, client_id: int, at: str) -> ReminderSettings | None:
        """Choose the local time of day; ``None`` if ``at`` is not a time."""
        parsed = parse_time(at)
        if parsed is None:
            return None
        await self._db.execute(
            "UPDATE clients SET reminder_time = ? WHERE person_id = ?", (parsed, client_id)
        )
        return await self.reschedule(client_id)

    async def set_option(self, client_id: int, option: str, value: bool) -> None:
        """Switch ``ask_wellbeing`` or ``share_notes_default``."""
        if option not in ("ask_wellbeing", "share_notes_default"):
            raise ValueError(option)
        await self._db.execute(
            f"UPDATE clients SET {option} = ? WHERE person_id = ?",
            (1 if value else 0, client_id),
        )

    async def pause(self, client_id: int, seconds: int | None) -> ReminderSettings:
        """Pause reminders for ``seconds`` (``None``: until resumed)."""
        until = None if seconds is None else self._clock.now() + seconds
        await self._db.execute(
            "UPDATE clients SET paused = 1, paused_until = ?, open_reminder_at = NULL"
            " WHERE person_id = ?",
            (until, client_id),
        )
        return await self.reschedule(client_id)

    async def resume(self, client_id: int) -> ReminderSettings:
        """End a pause now."""
        await self._db.execute(
            "UPDATE clients SET paused = 0, paused_until = NULL WHERE person_id = ?", (client_id,)
        )
        return await self.reschedule(client_id)

    async def snooze(self, client_id: int) -> int:
        """ "Later": ask again after the snooze time; return when."""
        when = self._clock.now() + self.snooze_seconds
        await self._db.execute(
            "UPDATE clients SET open_reminder_at = NULL, next_prompt_at ="
            " CASE WHEN next_prompt_at IS NULL OR next_prompt_at > ? THEN ? ELSE next_prompt_at END"
            " WHERE person_id = ?",
            (when, when, client_id),
        )
        return when

    async def not_today(self, client_id: int) -> None:
        """ "Not today": no more reminders before tomorrow's scheduled one."""
        current = await self.settings(client_id)
        tomorrow = start_of_next_day(self._clock.now(), current.timezone)
        following = next_occurrence(current.days, current.at, current.timezone, tomorrow - 1)
        await self._db.execute(
            "UPDATE clients SET open_reminder_at = NULL, next_prompt_at = ? WHERE person_id = ?",
            (None if current.paused and current.paused_until is None else following, client_id),
        )

    async def send_due(self) -> int:
        """Queue a reminder for every client whose time has come; return how many."""
        now = self._clock.now()
        rows = await self._db.fetchall(
            "SELECT c.person_id, c.reminder_days, c.reminder_time, c.paused, c.paused_until,"
            " c.open_reminder_at, c.next_prompt_at, p.chat_id, p.locale, p.timezone,"
            " EXISTS (SELECT 1 FROM safety_events e WHERE e.client_id = c.person_id"
            " AND e.closed_at IS NULL AND COALESCE(e.last_text_at, e.created_at) >= ?)"
            " AS in_crisis"
            " FROM clients c JOIN people p ON p.id = c.person_id"
            " WHERE c.next_prompt_at IS NOT NULL AND c.next_prompt_at <= ?"
            " ORDER BY c.next_prompt_at LIMIT ?",
            (now - self.quiet_after_crisis, now, _DUE_BATCH),
        )
        sent = 0
        for row in rows:
            days = parse_days(row["reminder_days"])
            following = next_occurrence(days, row["reminder_time"], row["timezone"], now)
            if row["paused"] and (row["paused_until"] is None or row["paused_until"] > now):
                after = row["paused_until"]
                later = (
                    None
                    if after is None
                    else next_occurrence(days, row["reminder_time"], row["timezone"], after)
                )
                await self._set_next(row["person_id"], later)
                continue
            if row["in_crisis"]:  # routine prompts wait while a crisis is open
                await self._set_next(row["person_id"], following)
                continue
            t = self._i18n.get(row["locale"])
            message = OutgoingMessage(
                t._(
                    "🌿 Hi! Would you like to check in? It takes about a minute, and every "
                    "question can be skipped."
                ),
                (
                    ((t._("✅ Check in now"), "rem:go"),),
                    ((t._("⏰ Later"), "rem:later"), (t._("Not today"), "rem:skip")),
                ),
                replaces=await self._standing_reminder(row["chat_id"])
                if row["open_reminder_at"]
                else None,
            )
            async with self._db.transaction() as conn:
                await enqueue(
                    conn,
                    chat_id=row["chat_id"],
                    kind="reminder",
                    message=message,
                    now=now,
                    dedupe_key=f"reminder:{row['person_id']}:{row['next_prompt_at']}",
                )
                await conn.execute(
                    "UPDATE clients SET paused = 0, paused_until = NULL, open_reminder_at = ?,"
                    " next_prompt_at = ? WHERE person_id = ?",
                    (now, following, row["person_id"]),
                )
            sent += 1
        return sent

    async def _standing_reminder(self, chat_id: int) -> int | None:
        """The message id of the unanswered reminder in a chat, to replace it."""
        value = await self._db.fetchval(
            "SELECT message_id FROM outbox WHERE chat_id = ? AND kind = 'reminder'"
            " AND status = 'sent' AND message_id IS NOT NULL ORDER BY id DESC LIMIT 1",
            (chat_id,),
        )
        return None if value is None else int(value)

    async def answered(self, client_id: int) -> None:
        """The client responded to the standing reminder."""
        await self._db.execute(
            "UPDATE clients SET open_reminder_at = NULL WHERE person_id = ?", (client_id,)
        )
