"""The sandbox clock: moving it forward while the scheduler runs, and showing it."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from bot.sandbox.harness import Harness
from bot.storage import Database

__all__ = [
    "MAX_ADVANCE",
    "SAFETY_STEP",
    "clock_text",
    "local_text",
    "parse_duration",
    "parse_start",
    "run_until",
]

# The real bot ticks every TICK_SECONDS (30 s by default). The sandbox jumps from one scheduled
# instant to the next instead: schedules live in the database in columns named ``next_*_at``
# (reminders, digests, outbox retries), so the tick runs exactly when something falls due. It
# also ticks at least every SAFETY_STEP of sandbox time, for any work not scheduled that way.
SAFETY_STEP = 900
MAX_ADVANCE = 31 * 86400
_UNITS = {"w": 7 * 86400, "d": 86400, "h": 3600, "m": 60}
_DURATION = re.compile(r"(\d+)\s*([wdhm])")


def parse_duration(text: str) -> int | None:
    """Read ``1d``, ``3h``, ``30m``, ``1w`` or combinations (``1d12h``); return seconds."""
    compact = text.strip().lower()
    if not compact or _DURATION.sub("", compact).strip():
        return None
    seconds = sum(int(n) * _UNITS[unit] for n, unit in _DURATION.findall(compact))
    return seconds if seconds > 0 else None


def parse_start(text: str) -> datetime:
    """Read an ISO 8601 instant (``2026-03-02T09:00Z``; naive means UTC), to the minute."""
    moment = datetime.fromisoformat(text.strip())
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).replace(second=0, microsecond=0)


async def _schedule_columns(db: Database) -> list[tuple[str, str]]:
    """Every ``(table, column)`` whose column is named ``next_*_at``: when work falls due."""
    return [
        (table, name)
        for table, columns in (await db.tables()).items()
        for name in columns
        if name.startswith("next_") and name.endswith("_at")
    ]


def _due_query(columns: list[tuple[str, str]]) -> str:
    """SQL for the earliest instant after ``?`` in any of ``columns`` (one ``?`` per column)."""
    union = " UNION ALL ".join(
        f'SELECT MIN("{column}") AS due FROM "{table}" WHERE "{column}" > ?'
        for table, column in columns
    )
    return f"SELECT MIN(due) FROM ({union}) AS due_times"


async def run_until(harness: Harness, target: int, safety_step: int = SAFETY_STEP) -> None:
    """Move the clock to ``target``, running the scheduler tick whenever something falls due.

    The tick runs now (for anything already due), at each scheduled instant, at least every
    ``safety_step`` seconds, and at ``target``; the clock never moves backwards.
    """
    clock, db = harness.clock, harness.services.db
    columns = await _schedule_columns(db)
    query = _due_query(columns) if columns else ""
    await harness.tick()
    while clock.now() < target:
        now = clock.now()
        stop = min(target, (now // safety_step + 1) * safety_step)
        if columns:
            due = await db.fetchval(query, (now,) * len(columns))
            if due is not None:
                stop = min(stop, int(due))
        clock.advance(stop - now)
        await harness.tick()


def clock_text(epoch: int) -> str:
    """``Mon 2 Mar 2026 09:00 UTC``."""
    moment = datetime.fromtimestamp(epoch, UTC)
    return f"{moment:%a} {moment.day} {moment:%b %Y %H:%M} UTC"


def local_text(epoch: int, timezone: str) -> str:
    """``Tue 3 Mar 18:00`` in ``timezone``."""
    try:
        zone = ZoneInfo(timezone)
    except (KeyError, ValueError):
        zone = ZoneInfo("UTC")
    moment = datetime.fromtimestamp(epoch, UTC).astimezone(zone)
    return f"{moment:%a} {moment.day} {moment:%b %H:%M}"
