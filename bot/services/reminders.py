"""Reminders on the client's own schedule: next-due instants in the database, DST-safe."""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.clock import Clock
from bot.i18n import I18n
from bot.services.outbox import OutgoingMessage, Queued, enqueue_many
from bot.services.places import parse_clock_time
from bot.storage import Connection, Database
from bot.storage.reminders import DueReminder, ReminderRepository, ScheduleRow

__all__ = [
    "ReminderService",
    "ReminderSettings",
    "next_occurrence",
    "parse_days",
    "parse_time",
]

_TIME = re.compile(r"^\s*([01]?[0-9]|2[0-3])[:.h]([0-5][0-9])\s*$")
_DUE_BATCH = 5000  # a tick queues every reminder due; a cap only bounds it
# reminders queued per transaction: the tick holds the one connection a few ms at a time, so a
# tap arriving meanwhile waits for one chunk, never for the whole tick
_CHUNK = 200


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


# after this many reminders in a row go unanswered the bot stops and asks once, kindly
NAG_LIMIT = 3


def _checked_in_today(row: DueReminder, now: int) -> bool:
    """Whether the client already checked in on the reminder's (local) day."""
    if row.last_checkin is None:
        return False
    zone = ZoneInfo(row.timezone)
    day = datetime.fromtimestamp(now, UTC).astimezone(zone).date()
    return datetime.fromtimestamp(row.last_checkin, UTC).astimezone(zone).date() == day


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
        self._repo = ReminderRepository(db)
        self._clock = clock
        self._i18n = i18n
        self.snooze_seconds = snooze_hours * 3600
        # reminders wait while a client's crisis (not closed by them) is this recent
        self.quiet_after_crisis = quiet_after_crisis

    async def settings(self, client_id: int) -> ReminderSettings:
        """The client's current schedule."""
        row = await self._repo.schedule(client_id)
        if row is None:
            raise LookupError(client_id)
        return _settings(row)

    async def reschedule(self, client_id: int) -> ReminderSettings:
        """Recompute the next reminder from the schedule (after any change to it)."""
        current = await self.settings(client_id)
        now = self._clock.now()
        after = now
        if current.paused:
            if current.paused_until is None:
                await self._repo.set_next(client_id, None)
                return await self.settings(client_id)
            after = max(now, current.paused_until)
        await self._repo.set_next(
            client_id, next_occurrence(current.days, current.at, current.timezone, after)
        )
        return await self.settings(client_id)

    async def set_days(self, client_id: int, days: frozenset[int]) -> ReminderSettings:
        """Choose the weekdays (empty: only when the client chooses)."""
        clean = frozenset(day for day in days if 0 <= day <= 6)
        await self._repo.set_days(client_id, format_days(clean))
        return await self.reschedule(client_id)

    async def set_time(self, client_id: int, at: str) -> ReminderSettings | None:
        """Choose the local time of day; ``None`` if ``at`` is not a time."""
        parsed = parse_time(at) or parse_clock_time(at)  # "19:00", and "7pm", "19.00", "7 Uhr"
        if parsed is None:
            return None
        await self._repo.set_time(client_id, parsed)
        return await self.reschedule(client_id)

    async def set_option(self, client_id: int, option: str, value: bool) -> None:
        """Switch ``ask_wellbeing`` or ``share_notes_default``."""
        if option not in ("ask_wellbeing", "share_notes_default"):
            raise ValueError(option)
        await self._repo.set_option(client_id, option, value)

    async def pause(self, client_id: int, seconds: int | None) -> ReminderSettings:
        """Pause reminders for ``seconds`` (``None``: until resumed)."""
        until = None if seconds is None else self._clock.now() + seconds
        await self._repo.pause(client_id, until)
        return await self.reschedule(client_id)

    async def resume(self, client_id: int) -> ReminderSettings:
        """End a pause now."""
        await self._repo.resume(client_id, self._clock.now())
        return await self.reschedule(client_id)

    async def snooze(self, client_id: int) -> int:
        """ "Later": ask again after the snooze time; return when."""
        when = self._clock.now() + self.snooze_seconds
        await self._repo.snooze(client_id, when)
        return when

    async def not_today(self, client_id: int) -> None:
        """ "Not today": no more reminders before tomorrow's scheduled one."""
        current = await self.settings(client_id)
        tomorrow = start_of_next_day(self._clock.now(), current.timezone)
        following = next_occurrence(current.days, current.at, current.timezone, tomorrow - 1)
        stopped = current.paused and current.paused_until is None
        await self._repo.skip_to(client_id, None if stopped else following)

    async def send_due(self) -> int:
        """Queue a reminder for every client whose time has come; return how many.

        In chunks of :data:`_CHUNK` clients, each one transaction: read the due clients
        (with the reminder each new one replaces), queue their reminders with one statement
        and move every one's next instant on with a few more. A crash between chunks leaves
        each client either queued and moved on, or untouched (due at the next tick). Between
        chunks the tick lets others use the connection.
        """
        now = self._clock.now()
        crisis_since = now - self.quiet_after_crisis
        queued = seen = 0
        while seen < _DUE_BATCH:
            limit = min(_CHUNK, _DUE_BATCH - seen)
            async with self._db.transaction() as conn:
                due = await self._repo.due(now, crisis_since, limit, conn)
                queued += await self._queue(conn, due, now)
            seen += len(due)
            if len(due) < limit:
                break
            await asyncio.sleep(0)  # a tap waiting for the connection goes first
        return queued

    async def _queue(self, conn: Connection, due: list[DueReminder], now: int) -> int:
        """Queue the reminders of ``due`` clients and move each one's next instant on (in the
        caller's transaction; every client leaves the due set); return how many were queued."""
        moved: list[tuple[int, int | None]] = []  # not reminded now: paused, or in a crisis
        reminded: list[tuple[DueReminder, int | None, int]] = []
        asked: list[DueReminder] = []  # "keep this rhythm, change it, or pause?" instead
        silent: list[int] = []  # no answer to that question either: paused until they return
        for row in due:
            days = parse_days(row.days)
            following = next_occurrence(days, row.at, row.timezone, now)
            if row.paused and (row.paused_until is None or row.paused_until > now):
                after = row.paused_until
                later = (
                    None if after is None else next_occurrence(days, row.at, row.timezone, after)
                )
                moved.append((row.client_id, later))
            elif row.in_crisis or _checked_in_today(row, now):
                # routine prompts wait while a crisis is open; no reminder on a day they
                # already checked in
                moved.append((row.client_id, following))
            elif row.rhythm_asked:
                silent.append(row.client_id)
            else:
                unanswered = row.unanswered + 1 if row.open else 0
                if unanswered >= NAG_LIMIT:
                    asked.append(row)
                    moved.append((row.client_id, following))
                else:
                    reminded.append((row, following, unanswered))
        messages = [
            Queued(
                chat_id=row.chat_id,
                kind="reminder",
                # rendered when sent (handlers/views/reminders.py), in the client's language
                message=OutgoingMessage(
                    view="reminder", args={"client_id": row.client_id}, replaces=row.standing
                ),
                # time first: one tick's keys sit together in the unique index
                dedupe_key=f"reminder:{row.next_prompt_at}:{row.client_id}",
                about=row.client_id,
            )
            for row, _following, _count in reminded
        ] + [
            Queued(
                chat_id=row.chat_id,
                kind="reminder",
                message=OutgoingMessage(
                    view="reminder_rhythm", args={"client_id": row.client_id}, replaces=row.standing
                ),
                dedupe_key=f"rhythm:{row.next_prompt_at}:{row.client_id}",
                about=row.client_id,
            )
            for row in asked
        ]
        if moved:
            await self._repo.set_next_many(conn, moved)
        if silent:
            await self._repo.pause_silent(conn, silent)
        await enqueue_many(conn, messages, now)
        if reminded:
            await self._repo.mark_reminded(
                conn,
                now,
                [(row.client_id, following, count) for row, following, count in reminded],
            )
        if asked:
            await self._repo.mark_rhythm_asked(conn, now, [row.client_id for row in asked])
        return len(messages)

    async def reminder_locale(self, client_id: int) -> str | None:
        """The language of a queued reminder; ``None`` if the client is gone or paused since."""
        found = await self._repo.recipient(client_id)
        if found is None:
            return None
        # queueing a reminder ends any pause, so a pause now was chosen after it was queued
        if found.paused and (found.paused_until is None or found.paused_until > self._clock.now()):
            return None
        return found.locale

    async def answered(self, client_id: int) -> None:
        """The client responded to the standing reminder."""
        await self._repo.answered(client_id)


def _settings(row: ScheduleRow) -> ReminderSettings:
    """Read a stored schedule."""
    return ReminderSettings(
        days=parse_days(row.days),
        at=row.at,
        timezone=row.timezone,
        paused=row.paused,
        paused_until=row.paused_until,
        next_prompt_at=row.next_prompt_at,
        ask_wellbeing=row.ask_wellbeing,
        share_notes_default=row.share_notes_default,
    )
