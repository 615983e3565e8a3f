"""Start-up time and memory, and one scheduler tick, as the number of clients grows.

Scheduling lives in the database (next-due instants behind an index, one repeating tick), so
start-up should stay flat as clients are added. This prints the figures for 0, 1,000,
10,000 and 100,000 clients (override with ``BENCH_SIZES=0,1000``).
"""

from __future__ import annotations

import asyncio
import os
import resource
import sqlite3
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bot.app import on_shutdown, on_startup
from bot.clock import ManualClock
from bot.sandbox.harness import Harness
from bot.settings import load_settings
from bot.storage import open_database

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


async def _prepare(path: Path, clients: int) -> None:
    """Create the schema and ``clients`` clients of one practitioner, 1% of them due now."""
    db = open_database(path)
    await db.open()
    await db.close()
    now = int(START.timestamp())
    con = sqlite3.connect(path)
    with con:
        con.execute(
            "INSERT INTO people (id, telegram_id, chat_id, display_name, locale, timezone,"
            " created_at) VALUES (1, 1, 1, 'Practitioner', 'en', 'UTC', ?)",
            (now,),
        )
        con.execute("INSERT INTO practitioners (person_id, created_at) VALUES (1, ?)", (now,))
        con.executemany(
            "INSERT INTO people (id, telegram_id, chat_id, display_name, locale, timezone,"
            " created_at) VALUES (?, ?, ?, ?, 'en', 'Europe/Berlin', ?)",
            ((i, i, i, f"Client {i}", now) for i in range(2, clients + 2)),
        )
        con.executemany(
            "INSERT INTO clients (person_id, practitioner_id, consented_at, created_at,"
            " reminder_days, reminder_time, next_prompt_at) VALUES (?, 1, ?, ?, '0,1,2,3,4,5,6',"
            " '18:00', ?)",
            (
                (i, now, now, now - 60 if i % 100 == 0 else now + 3600 + i)
                for i in range(2, clients + 2)
            ),
        )
    con.close()


async def _measure(clients: int) -> tuple[float, float, float, int]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        await _prepare(path, clients)
        settings = load_settings(None, database_path=path)
        started = time.perf_counter()
        harness = Harness(settings, ManualClock(START))
        await harness.app.initialize()
        await on_startup(harness.app)
        startup = time.perf_counter() - started
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        ticked = time.perf_counter()
        await harness.services.reminders.send_due()
        tick = time.perf_counter() - ticked
        sent = int(await harness.services.db.fetchval("SELECT COUNT(*) FROM outbox"))
        await on_shutdown(harness.app)
        await harness.app.shutdown()
        return startup, rss_mb, tick, sent


def main() -> None:
    """Print start-up time, peak memory and one reminder tick for each size."""
    sizes = [int(x) for x in os.environ.get("BENCH_SIZES", "0,1000,10000,100000").split(",")]
    asyncio.run(_measure(0))  # warm-up: imports and first-time caches are not start-up cost
    print(f"{'clients':>8} {'start-up s':>11} {'peak RSS MB':>12} {'tick s':>8} {'queued':>7}")
    for size in sizes:
        startup, rss, tick, queued = asyncio.run(_measure(size))
        print(f"{size:>8} {startup:>11.3f} {rss:>12.0f} {tick:>8.3f} {queued:>7}")
    print("start-up covers build_application + initialize + post_init (migrations, commands,")
    print("the one repeating tick); the tick queues the reminders due now (1% of clients,")
    print("at most 500 per tick). Peak RSS is the whole process so far, so it only grows.")
