"""Benchmark 3: every practitioner's digest over 28 days, built and rendered as when it is sent.

2,000 practitioners with 50 clients each: the outbox's ``digest`` view (``DigestService.build``
and the rendering, in the practitioner's language) for each of them, timed one by one. The
baseline reads the same caseload in two queries (clients; their check-ins with ratings).
The two alternate practitioner by practitioner.
"""

from __future__ import annotations

import time
from pathlib import Path

from bench.backend import database
from bench.common import DAY, NOW, START, Result, percentile, summary
from bench.seed import PRACTITIONERS
from bot.app import build_application, on_shutdown, on_startup
from bot.clock import ManualClock
from bot.context import Services
from bot.sandbox.fake_telegram import FakeTelegram
from bot.settings import load_settings

__all__ = ["run"]

WINDOW = 28 * DAY
DUE_AT_ONCE = 20  # practitioners whose digest the tick queues (all 2,000 share 08:30)


async def _two_queries(services: Services, practitioner: int) -> int:
    """The baseline: the caseload, then its check-ins and ratings in the window."""
    clients = await services.db.fetchall(
        "SELECT c.person_id, COALESCE(c.alias, p.display_name) AS name FROM clients c"
        " JOIN people p ON p.id = c.person_id WHERE c.practitioner_id = ?",
        (practitioner,),
    )
    ratings = await services.db.fetchall(
        "SELECT ch.client_id, ch.started_at, ch.wellbeing, ch.note, r.goal_id, r.value"
        " FROM checkins ch JOIN clients c ON c.person_id = ch.client_id"
        " JOIN ratings r ON r.checkin_id = ch.id WHERE c.practitioner_id = ?"
        " AND ch.started_at >= ? AND ch.started_at < ?",
        (practitioner, NOW - WINDOW, NOW),
    )
    return len(clients) + len(ratings)


async def run(seed: Path, folder: Path) -> list[Result]:
    """Render every digest once; return the p50 and p99 of one digest."""
    clock = ManualClock(START)
    telegram = FakeTelegram(clock)
    app = build_application(
        load_settings(None, **database(seed, folder)), request=telegram.request(), clock=clock
    )
    await app.initialize()
    await on_startup(app)
    services = app.bot_data.services
    await services.outbox.stop()
    render = services.outbox.renderers["digest"]
    digests: list[float] = []
    baseline: list[float] = []
    sizes: list[int] = []
    try:
        for practitioner in range(1, PRACTITIONERS + 1):
            args = {"practitioner_id": practitioner, "since": NOW - WINDOW, "until": NOW}
            started = time.perf_counter()
            message = await render(practitioner, args)
            digests.append(time.perf_counter() - started)
            assert message is not None and message.text
            sizes.append(len(message.text))
            started = time.perf_counter()
            await _two_queries(services, practitioner)
            baseline.append(time.perf_counter() - started)
        await services.db.execute(
            f"UPDATE practitioners SET next_digest_at = ? WHERE person_id <= {DUE_AT_ONCE}",
            (NOW - 60,),
        )
        started = time.perf_counter()
        queued = await services.digests.send_due()
        per_due = (time.perf_counter() - started) / max(queued, 1)
    finally:
        await on_shutdown(app)
        await app.shutdown()
    ms = [s * 1000 for s in digests]
    base = [s * 1000 for s in baseline]
    _median, low, high = summary(ms)
    note = (
        f"{len(ms)} digests of 50 clients, 28 days (~{sum(sizes) // len(sizes):,} characters "
        f"each); baseline p50 {percentile(base, 0.5):.2f} ms, p99 {percentile(base, 0.99):.2f} ms"
    )
    p50, p99 = percentile(ms, 0.5), percentile(ms, 0.99)
    return [
        Result(
            "3", "digest build + render, p50", "ms", p50, low, high, percentile(base, 0.5),
            "< 5 ms", p50 < 5, higher_is_better=False, samples=len(ms), note=note,
        ),
        Result(
            "3", "digest build + render, p99", "ms", p99, low, high, percentile(base, 0.99),
            "< 20 ms", p99 < 20, higher_is_better=False, samples=len(ms),
        ),
        Result(
            "3", "digest queued by the tick, each", "ms", per_due * 1000, per_due * 1000,
            per_due * 1000, percentile(base, 0.5), "- (not a target)", None,
            higher_is_better=False, samples=queued,
            note=(
                f"DigestService.send_due with {queued} practitioners due at once, at 456,000 "
                "outbox rows (it also finds where each period starts); all 2,000 default to "
                "08:30, so one tick queues them all"
            ),
        ),
    ]  # fmt: skip
