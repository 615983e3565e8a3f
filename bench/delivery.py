"""Benchmarks 4 and 5: draining a backlog at Telegram's rate, and a tap while it drains.

Both run the real application (``build_application`` with its rate limiter, the background
sender, the seeded 100,000-client database) against the pretend Telegram, whose every call
is time-stamped where it arrives.

4. 3,000 messages queued at once: 2,400 reminders to different clients (30% of them replace
   an earlier reminder, which is then deleted) and 600 notices to 200 practitioners, three
   each in a row. One wake of the sender, no tick: nothing but the sender moves them. The
   baseline is Telegram's own limit, 30 messages a second.
5. Rating taps one at a time (ten a second) on an idle bot, then the same taps while a
   3,000-message backlog drains and a tick queues 1,000 due reminders.
"""

from __future__ import annotations

import asyncio
import itertools
import time
from pathlib import Path
from typing import Any

from bench.common import NOW, START, Result, percentile, summary
from bench.seed import PRACTITIONERS, client_ids, copy_of
from bench.taps import _rating_data, _user, _value
from bot.app import build_application, on_shutdown, on_startup, run_due
from bot.clock import ManualClock
from bot.context import BotApp
from bot.sandbox.fake_telegram import FakeTelegram
from bot.services.outbox import OutgoingMessage, enqueue
from bot.settings import load_settings

__all__ = ["run_busy", "run_drain"]

BACKLOG = 3000
REMINDERS = 2400
REPLACING_SHARE = 0.3
NOTICE_CHATS = 200
NOTICES_EACH = 3
TELEGRAM_RATE = 30.0
DUE = 1000
TAP_GAP = 0.1  # seconds between taps in benchmark 5
TAP_CLIENTS = 75  # four timed taps each: 300 taps per phase
_COUNTED = ("send", "edit", "delete")


class _Recorder:
    """Time-stamps every Bot API call as the pretend Telegram receives it."""

    def __init__(self, telegram: FakeTelegram) -> None:
        self.calls: list[tuple[float, str, int]] = []
        real = telegram.handle

        def handle(method: str, params: dict[str, Any], files: dict[str, Any]) -> Any:
            self.calls.append((time.monotonic(), method, int(params.get("chat_id") or 0)))
            return real(method, params, files)

        telegram.handle = handle  # type: ignore[method-assign]


def _most_in_a_second(times: list[float]) -> int:
    """The most of ``times`` (sorted) that fall in any window of one second."""
    most, start = 0, 0
    for end, at in enumerate(times):
        while at - times[start] >= 1.0:
            start += 1
        most = max(most, end - start + 1)
    return most


async def _app(seed: Path, folder: Path) -> tuple[BotApp, FakeTelegram, _Recorder]:
    path = copy_of(seed, folder)
    clock = ManualClock(START)
    telegram = FakeTelegram(clock, first_id=10_000_000)
    recorder = _Recorder(telegram)
    app = build_application(
        load_settings(None, database_path=path), request=telegram.request(), clock=clock
    )
    await app.initialize()
    await on_startup(app)  # starts the background sender
    return app, telegram, recorder


async def _queue_backlog(app: BotApp, telegram: FakeTelegram, clients: list[int]) -> None:
    """3,000 rows: reminders (30% replacing a message in the chat) and practitioners' notices."""
    services = app.bot_data.services
    async with services.db.transaction() as conn:
        for index, client in enumerate(clients[:REMINDERS]):
            replaces = None
            if index % 10 < REPLACING_SHARE * 10:
                replaces = telegram._store(client, "An earlier reminder", {}).message_id
            await enqueue(
                conn,
                chat_id=client,
                kind="reminder",
                message=OutgoingMessage(
                    view="reminder", args={"client_id": client}, replaces=replaces
                ),
                now=NOW,
                about=client,
            )
        step = PRACTITIONERS // NOTICE_CHATS
        for practitioner in range(1, PRACTITIONERS + 1, step):
            for number in range(NOTICES_EACH):
                await enqueue(
                    conn,
                    chat_id=practitioner,
                    kind="notice",
                    message=OutgoingMessage(f"A client asked for a resource ({number + 1})."),
                    now=NOW,
                )
    services.outbox.wake()


async def _until_drained(app: BotApp, limit: float) -> float:
    """Wait until nothing is due; return the seconds it took."""
    started = time.monotonic()
    while time.monotonic() - started < limit:
        await asyncio.sleep(0.5)
        if not await app.bot_data.services.outbox.due():
            break
    return time.monotonic() - started


async def run_drain(seed: Path, folder: Path) -> list[Result]:
    """Drain 3,000 messages from one wake; return sends/s and the limits' worst cases."""
    app, telegram, recorder = await _app(seed, folder)
    clients = list(client_ids())[:: len(client_ids()) // REMINDERS][:REMINDERS]
    try:
        await _queue_backlog(app, telegram, clients)
        seconds = await _until_drained(app, limit=400)
    finally:
        await on_shutdown(app)
        await app.shutdown()
    calls = [(at, method, chat) for at, method, chat in recorder.calls if method != "getMe"]
    counted = [at for at, method, _ in calls if method.startswith(_COUNTED)]
    sends = [at for at, method, _ in calls if method == "sendMessage"]
    deletes = sum(1 for _, method, _ in calls if method == "deleteMessage")
    span = sends[-1] - sends[0]
    sustained = (len(sends) - 1) / span
    per_second = [
        sum(1 for at in sends if sends[0] + s <= at < sends[0] + s + 1) for s in range(int(span))
    ]
    per_chat: dict[int, list[float]] = {}
    for at, method, chat in calls:
        if method == "sendMessage" and chat > 0:
            per_chat.setdefault(chat, []).append(at)
    chat_most = max(_most_in_a_second(times) for times in per_chat.values())
    gaps = [b - a for a, b in itertools.pairwise(counted)]
    longest_gap = max(gaps) * 1000
    window = _most_in_a_second(counted)
    _median, low, high = summary([float(n) for n in per_second])
    return [
        Result(
            "4", "drain 3,000: sends/s sustained", "msg/s", sustained, low, high,
            TELEGRAM_RATE, ">= 28", sustained >= 28, samples=len(per_second),
            note=(
                f"{len(sends)} messages and {deletes} deletes in {seconds:.0f} s from one wake, "
                f"no tick; min/max: whole seconds of the drain; baseline: Telegram's limit"
            ),
            extra={"drain_seconds": seconds, "per_second": per_second},
        ),
        Result(
            "4", "most API calls in any 1 s", "calls", window, window, window, TELEGRAM_RATE,
            "<= 30", window <= 30, higher_is_better=False, samples=len(counted),
            note="sliding window over every send, edit and delete as Telegram received them",
        ),
        Result(
            "4", "most messages to one private chat in 1 s", "msgs", chat_most, chat_most,
            chat_most, 1.0, "<= 1", chat_most <= 1, higher_is_better=False,
            samples=len(per_chat),
            note=f"{NOTICE_CHATS} practitioners got {NOTICES_EACH} notices each, queued in a row",
        ),
        Result(
            "4", "longest pause between calls (backlog)", "ms", longest_gap, longest_gap,
            longest_gap, 1000 / TELEGRAM_RATE, "< 1,000 (no cap)", longest_gap < 1000,
            higher_is_better=False, samples=len(gaps),
            note="a per-tick cap would show as a pause until the next tick (30-60 s)",
        ),
    ]  # fmt: skip


async def _taps(app: BotApp, telegram: FakeTelegram, clients: list[int]) -> list[float]:
    """Each client starts a check-in, then taps four ratings, a tap every ``TAP_GAP``."""
    seconds: list[float] = []
    for client in clients:
        update = telegram.text_update(_user(client), "/checkin")
        await app.process_update(telegram.to_update(update, app.bot))
        await asyncio.sleep(TAP_GAP)
        for step in range(4):
            question, data = _rating_data(telegram, client, _value(client, step))
            tap = telegram.to_update(
                telegram.callback_update(_user(client), question, data), app.bot
            )
            started = time.perf_counter()
            await app.process_update(tap)
            seconds.append(time.perf_counter() - started)
            await asyncio.sleep(TAP_GAP)
    return seconds


async def run_busy(seed: Path, folder: Path) -> list[Result]:
    """Tap latency on an idle bot, then while a backlog drains and a 1,000-reminder tick runs."""
    app, telegram, recorder = await _app(seed, folder)
    everyone = [c for c in client_ids() if c % 100 != 0]
    tappers = everyone[7::97][: 2 * TAP_CLIENTS + 10]
    idle_clients, busy_clients = tappers[:TAP_CLIENTS], tappers[TAP_CLIENTS : 2 * TAP_CLIENTS]
    backlog = [c for c in everyone[3::31] if c not in set(tappers)][:REMINDERS]
    services = app.bot_data.services
    try:
        await _taps(app, telegram, tappers[-10:])  # warm-up
        idle = await _taps(app, telegram, idle_clients)
        due = [c for c in everyone[11::97] if c not in set(tappers)][:DUE]
        await services.db.execute(
            f"UPDATE clients SET next_prompt_at = ? WHERE person_id IN ({','.join(map(str, due))})",
            (NOW - 60,),
        )
        before = len(recorder.calls)
        await _queue_backlog(app, telegram, backlog)
        ticked = time.perf_counter()
        tick = asyncio.create_task(run_due(app, app.bot))
        tick.add_done_callback(lambda _t: setattr(tick, "seconds", time.perf_counter() - ticked))
        busy = await _taps(app, telegram, busy_clients)
        await tick
        pending = await services.outbox.due()
        sent_meanwhile = sum(1 for _, m, _ in recorder.calls[before:] if m == "sendMessage")
    finally:
        await on_shutdown(app)
        await app.shutdown()
    idle_ms = [s * 1000 for s in idle]
    busy_ms = [s * 1000 for s in busy]
    p99, idle_p99 = percentile(busy_ms, 0.99), percentile(idle_ms, 0.99)
    return [
        Result(
            "5", "tap p99 while draining + ticking", "ms", p99, min(busy_ms), max(busy_ms),
            idle_p99, "< 50 ms", p99 < 50, higher_is_better=False, samples=len(busy_ms),
            note=(
                f"{len(busy_ms)} rating taps, one every {TAP_GAP * 1000:.0f} ms; busy p50 "
                f"{percentile(busy_ms, 0.5):.1f} ms, idle p50 {percentile(idle_ms, 0.5):.1f} ms; "
                f"meanwhile {sent_meanwhile} messages went out and a tick queued {DUE:,} "
                f"reminders in {getattr(tick, 'seconds', 0) * 1000:.0f} ms; {pending:,} still "
                "due at the end; baseline: the same taps on the idle bot (p99)"
            ),
            extra={
                "idle_p50_ms": percentile(idle_ms, 0.5),
                "busy_p50_ms": percentile(busy_ms, 0.5),
            },
        ),
    ]  # fmt: skip
