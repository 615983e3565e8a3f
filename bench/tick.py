"""Benchmark 2: one tick with 1,000 reminders due at 100,000 clients, at two outbox sizes.

The tick is ``bot.app.run_due`` on the real services (the background sender is stopped, so
the tick only queues), once with an empty outbox and once with 500,000 rows (the seeded
four weeks plus more sent messages). 30% of the due clients have an unanswered reminder to
replace. The baseline does the same work as one bulk transaction on the same connection:
the product's own due query, one ``executemany`` of outbox rows, one of client updates.
Repetitions alternate between the tick and the baseline; state is reset between them.
"""

from __future__ import annotations

import json
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from bench.backend import database
from bench.common import DAY, NOW, START, Result, percentile, summary
from bench.seed import FIRST_CLIENT, client_ids
from bot.app import build_application, on_shutdown, on_startup, run_due
from bot.clock import ManualClock
from bot.context import Services
from bot.sandbox.fake_telegram import FakeTelegram
from bot.settings import load_settings

__all__ = ["run"]

DUE = 1000
REPEATS = 25
CRISIS_REPEATS = 8
OUTBOX_SIZES = (0, 500_000)


def _due_clients() -> list[int]:
    """1,000 clients spread over the whole population (every 100th)."""
    everyone = list(client_ids())
    return everyone[:: len(everyone) // DUE][:DUE]


async def _reset(services: Services, saved: list[Any]) -> None:
    """Put the due clients' rows back as they were and forget what the last run queued."""
    columns = [key for key in saved[0].keys() if key != "person_id"]  # noqa: SIM118
    assignments = ", ".join(f"{column} = ?" for column in columns)
    async with services.db.transaction() as conn:
        await conn.execute(
            "DELETE FROM outbox WHERE status = 'pending' AND created_at >= ?", (NOW - 60,)
        )
        await conn.executemany(
            f"UPDATE clients SET {assignments} WHERE person_id = ?",
            [(*(row[column] for column in columns), row["person_id"]) for row in saved],
        )


async def _sized(services: Services, rows: int) -> None:
    """Bring the outbox to ``rows`` rows: delete all, or add sent rows of the last 4 weeks."""
    have = int(await services.db.fetchval("SELECT COUNT(*) FROM outbox"))
    async with services.db.transaction() as conn:
        if rows == 0:
            await conn.execute("DELETE FROM outbox")
            return
        extra = rows - have
        clients = list(client_ids())
        await conn.executemany(
            "INSERT INTO outbox (chat_id, kind, payload, status, attempts, not_before,"
            " next_attempt_at, created_at, sent_at, message_id, about_person)"
            " VALUES (?, 'notice', '{}', 'sent', 1, ?, ?, ?, ?, ?, ?)",
            (
                (c, at, at, at, at, 5_000_000 + i, c)
                for i in range(extra)
                for c, at in ((clients[i % len(clients)], NOW - 27 * DAY + i * 40),)
            ),
        )


async def _bulk(services: Services) -> int:
    """The baseline: the same reminders queued as one bulk transaction (three statements)."""
    reminders = services.reminders
    now = NOW
    due = await reminders._repo.due(now, now - reminders.quiet_after_crisis, 10 * DUE)
    rows = []
    for row in due:
        payload: dict[str, Any] = {"text": "", "buttons": [], "view": "reminder"}
        if row.standing is not None:
            payload["replaces"] = row.standing
        payload["args"] = {"client_id": row.client_id}
        rows.append((row.chat_id, json.dumps(payload), f"reminder:{row.client_id}:{now}", row))
    async with services.db.transaction() as conn:
        await conn.executemany(
            "INSERT INTO outbox (chat_id, kind, payload, dedupe_key, not_before,"
            " next_attempt_at, created_at, about_person) VALUES (?, 'reminder', ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (dedupe_key) DO NOTHING",
            [
                (chat, payload, key, now, now, now, row.client_id)
                for chat, payload, key, row in rows
            ],
        )
        await conn.executemany(
            "UPDATE clients SET open_reminder_at = ?, next_prompt_at = ? WHERE person_id = ?",
            [(now, now + 7 * DAY, row.client_id) for *_, row in rows],
        )
    return len(rows)


async def _queued(services: Services) -> int:
    return int(
        await services.db.fetchval(
            "SELECT COUNT(*) FROM outbox WHERE status = 'pending' AND created_at >= ?",
            (NOW - 60,),
        )
    )


def _timed_jobs(services: Services, spent: dict[str, float]) -> None:
    """Record how long each of the tick's jobs takes (wrapping the services' methods)."""

    def wrap(owner: Any, name: str, label: str) -> None:
        real: Callable[..., Awaitable[Any]] = getattr(owner, name)

        async def timed(*args: Any) -> Any:
            started = time.perf_counter()
            try:
                return await real(*args)
            finally:
                spent[label] = spent.get(label, 0.0) + time.perf_counter() - started

        setattr(owner, name, timed)

    wrap(services.reminders, "send_due", "reminders")
    wrap(services.outbox, "purge", "purge sent")
    wrap(services.digests, "send_due", "digests")
    wrap(services.crisis, "resend_due", "safety re-sends")
    wrap(services.updates, "forget_before", "update ids")
    wrap(services.privacy, "forget_old", "retention")


async def _open_crisis(services: Services) -> None:
    """One client in a crisis now: their alert went out 5 minutes ago, not acknowledged yet."""
    async with services.db.transaction() as conn:
        [(event,)] = await conn.execute_fetchall(
            "INSERT INTO safety_events (client_id, source, created_at) VALUES (?, 'message', ?)"
            " RETURNING id",
            (FIRST_CLIENT + 7, NOW - 300),
        )
        await conn.execute(
            "INSERT INTO outbox (chat_id, kind, payload, dedupe_key, status, attempts,"
            " not_before, next_attempt_at, created_at, sent_at, message_id, priority)"
            " VALUES (1, 'safety', '{}', ?, 'sent', 1, ?, ?, ?, ?, 4999999, 0)",
            (f"safety:{event}:practitioner", NOW - 300, NOW - 300, NOW - 300, NOW - 299),
        )


async def _variant(
    seed: Path, folder: Path, rows: int, crisis: bool = False, repeats: int = REPEATS
) -> dict[str, Any]:
    clock = ManualClock(START)
    telegram = FakeTelegram(clock)
    app = build_application(
        load_settings(None, **database(seed, folder)), request=telegram.request(), clock=clock
    )
    await app.initialize()
    await on_startup(app)
    services = app.bot_data.services
    await services.outbox.stop()  # the tick only queues here; benchmark 4 drains
    try:
        await _sized(services, rows)
        if crisis:
            await _open_crisis(services)
        size = int(await services.db.fetchval("SELECT COUNT(*) FROM outbox"))
        due = ",".join(str(client) for client in _due_clients())
        await services.db.execute(
            f"UPDATE clients SET next_prompt_at = ? WHERE person_id IN ({due})", (NOW - 60,)
        )
        saved = await services.db.fetchall(f"SELECT * FROM clients WHERE person_id IN ({due})")
        spent: dict[str, float] = {}
        _timed_jobs(services, spent)
        ticks: list[float] = []
        bulks: list[float] = []
        queued: list[int] = []
        jobs: list[dict[str, float]] = []
        for _ in range(repeats):
            await _reset(services, saved)
            spent.clear()
            started = time.perf_counter()
            await run_due(app, app.bot)
            ticks.append(time.perf_counter() - started)
            jobs.append(dict(spent))
            queued.append(await _queued(services))
            await _reset(services, saved)
            started = time.perf_counter()
            await _bulk(services)
            bulks.append(time.perf_counter() - started)
    finally:
        await on_shutdown(app)
        await app.shutdown()
    by_job = {name: summary([j.get(name, 0.0) * 1000 for j in jobs])[0] for name in jobs[0]}
    return {
        "rows": size,
        "ticks": ticks,
        "bulks": bulks,
        "queued": min(queued),
        "jobs_ms": by_job,
    }


async def run(seed: Path, folder: Path) -> list[Result]:
    """Measure both outbox sizes; return queued count, p99s and growth."""
    found = {rows: await _variant(seed, folder, rows) for rows in OUTBOX_SIZES}
    results: list[Result] = []
    empty, full = found[OUTBOX_SIZES[0]], found[OUTBOX_SIZES[1]]
    queued = min(empty["queued"], full["queued"])
    results.append(
        Result(
            "2", "reminders queued by one tick", "of 1,000", queued, queued, queued, DUE,
            "all 1,000", queued >= DUE, samples=2 * REPEATS,
        )
    )  # fmt: skip
    for _rows, data in found.items():
        ms = [t * 1000 for t in data["ticks"]]
        bulk = [t * 1000 for t in data["bulks"]]
        p99, bulk_p99 = percentile(ms, 0.99), percentile(bulk, 0.99)
        jobs = ", ".join(f"{k} {v:.1f}" for k, v in data["jobs_ms"].items())
        results.append(
            Result(
                "2", f"tick p99, {data['rows']:,} outbox rows", "ms", p99, min(ms), max(ms),
                bulk_p99, "< 100 ms", p99 < 100, higher_is_better=False, samples=len(ms),
                note=f"tick median {summary(ms)[0]:.1f} ms; median ms per job: {jobs}",
                extra={"median_ms": summary(ms)[0], "jobs_ms": data["jobs_ms"]},
            )
        )  # fmt: skip
    growth = summary(full["ticks"])[0] / summary(empty["ticks"])[0]
    bulk_growth = summary(full["bulks"])[0] / summary(empty["bulks"])[0]
    results.append(
        Result(
            "2", "tick growth, 500,000 vs 0 outbox rows", "x", growth, growth, growth,
            bulk_growth, "<= 1.2x baseline's", growth <= 1.2 * bulk_growth,
            higher_is_better=False, samples=2 * REPEATS,
            note=(
                "ratio of medians; the baseline's own growth (bigger indexes, same work) is "
                "the baseline, so only growth beyond it counts"
            ),
        )
    )  # fmt: skip
    crisis = await _variant(seed, folder, OUTBOX_SIZES[1], crisis=True, repeats=CRISIS_REPEATS)
    ms = [t * 1000 for t in crisis["ticks"]]
    p99 = percentile(ms, 0.99)
    jobs = ", ".join(f"{k} {v:.1f}" for k, v in crisis["jobs_ms"].items())
    results.append(
        Result(
            "2", "tick p99, 500,000 rows + 1 open alert", "ms", p99, min(ms), max(ms),
            percentile([t * 1000 for t in crisis["bulks"]], 0.99), "< 100 ms", p99 < 100,
            higher_is_better=False, samples=len(ms),
            note=(
                "one client in a crisis, their alert sent 5 min ago and not yet acknowledged "
                f"(at 100,000 clients there usually is one); median ms per job: {jobs}"
            ),
            extra={"jobs_ms": crisis["jobs_ms"]},
        )
    )  # fmt: skip
    return results
