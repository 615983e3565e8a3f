"""Benchmark 1: rating taps through ``Application.process_update`` on the seeded database.

The real application (``build_application`` on the pretend Telegram, the real SQLite file)
against a PTB echo handler in the same process that does one aiosqlite insert and one reply
through the same pretend Telegram. Rounds alternate between the two so both see the same
machine. PTB's rate limiter is off on both sides: with it on, both would measure Telegram's
30 calls/s (benchmark 4), not the code. Every SQL statement the bot's connection runs during
a tap is counted with SQLite's trace callback (transaction control included).
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiosqlite
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import Application, ApplicationBuilder, CallbackQueryHandler, ContextTypes

from bench.backend import database
from bench.common import START, Result, percentile, summary
from bench.seed import client_ids
from bot.app import build_application, on_shutdown, on_startup
from bot.clock import ManualClock
from bot.context import BotApp
from bot.sandbox.fake_telegram import FakeTelegram, FakeUser
from bot.settings import load_settings

__all__ = ["run"]

ROUNDS = 5
CLIENTS_PER_ROUND = 50  # each answers the overall question and three goals: 200 taps a round


@dataclass
class _Trace:
    """Counts the statements SQLite runs (called on the connection's own thread)."""

    statements: list[str] = field(default_factory=list)

    def __call__(self, statement: str) -> None:
        self.statements.append(statement)


def _user(client_id: int) -> FakeUser:
    return FakeUser(client_id, f"Client {client_id}", "en")


def _value(client_id: int, step: int) -> int:
    """A deterministic spread of answers (some drops, some rises)."""
    return (client_id * 7 + step * 3) % 11


def _rating_data(telegram: FakeTelegram, chat_id: int, value: int) -> tuple[Any, str]:
    """The latest question in the chat and the callback data of its button ``value``."""
    question = telegram.last(chat_id)
    for _label, data in question.buttons:
        if data.startswith("ci:") and data.endswith(f":{value}"):
            return question, data
    raise AssertionError(f"no rating button in chat {chat_id}: {question.text!r}")


async def _timed(app: Application[Any, Any, Any, Any, Any, Any], update: Update) -> float:
    started = time.perf_counter()
    await app.process_update(update)
    return time.perf_counter() - started


async def _real_round(
    app: BotApp, telegram: FakeTelegram, clients: list[int], trace: _Trace
) -> tuple[list[float], list[int]]:
    """Each client starts a check-in (untimed), then taps four ratings (timed)."""
    for client in clients:
        update = telegram.text_update(_user(client), "/checkin")
        await app.process_update(telegram.to_update(update, app.bot))
    seconds: list[float] = []
    trips: list[int] = []
    for step in range(4):
        for client in clients:
            question, data = _rating_data(telegram, client, _value(client, step))
            update = telegram.to_update(
                telegram.callback_update(_user(client), question, data), app.bot
            )
            before = len(trace.statements)
            seconds.append(await _timed(app, update))
            trips.append(len(trace.statements) - before)
    return seconds, trips


Insert = Callable[[int, str, int], Awaitable[Any]]


async def _echo_store(folder: Path, url: str | None) -> tuple[Insert, Callable[[], Awaitable[Any]]]:
    """The echo's one insert, on the benchmark's backend: aiosqlite, or asyncpg at ``url``."""
    if url is None:
        db = await aiosqlite.connect(folder / "echo.db", isolation_level=None)
        for pragma in ("PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL"):
            await db.execute(pragma)
        await db.execute(
            "CREATE TABLE IF NOT EXISTS taps (id INTEGER PRIMARY KEY, user_id INTEGER,"
            " data TEXT, at INTEGER)"
        )

        async def insert(user: int, data: str, at: int) -> Any:
            return await db.execute(
                "INSERT INTO taps (user_id, data, at) VALUES (?, ?, ?)", (user, data, at)
            )

        return insert, db.close
    import asyncpg

    pg = await asyncpg.connect(url)
    await pg.execute(
        "CREATE TABLE IF NOT EXISTS taps (id BIGSERIAL PRIMARY KEY, user_id BIGINT, data TEXT,"
        " at BIGINT)"
    )

    async def insert_pg(user: int, data: str, at: int) -> Any:
        return await pg.execute(
            "INSERT INTO taps (user_id, data, at) VALUES ($1, $2, $3)", user, data, at
        )

    return insert_pg, pg.close


def _echo_app(telegram: FakeTelegram, insert: Insert) -> Application[Any, Any, Any, Any, Any, Any]:
    """The baseline: PTB, one insert and one reply per tap."""

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None and query.from_user is not None
        await insert(query.from_user.id, str(query.data), int(time.time()))
        await context.bot.send_message(query.from_user.id, f"Noted: {query.data}")

    app = (
        ApplicationBuilder()
        .token("0:bench")
        .request(telegram.request())
        .get_updates_request(telegram.request())
        .updater(None)
        .build()
    )
    app.add_handler(CallbackQueryHandler(echo))
    return app


def _calls_app(telegram: FakeTelegram, question: Any) -> Application[Any, Any, Any, Any, Any, Any]:
    """A second baseline: the Bot API calls a real tap makes, with nothing else.

    Answer the button press, mark the answer on the pressed question (an edit) and send the
    next question with its keyboard (built for each call, as the bot does), on the same PTB
    and the same pretend Telegram; no database, no handler logic.
    """
    rows = (question.reply_markup or {}).get("inline_keyboard", [])
    text = question.markup or question.text

    async def calls(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None and query.from_user is not None
        await query.answer()
        await query.edit_message_text(f"{text}\n<i>→ {query.data}</i>", parse_mode="HTML")
        keyboard = InlineKeyboardMarkup(
            [[InlineKeyboardButton(b["text"], callback_data=b["callback_data"]) for b in row]
             for row in rows]
        )  # fmt: skip
        await context.bot.send_message(
            query.from_user.id, text, reply_markup=keyboard, parse_mode="HTML"
        )

    app = (
        ApplicationBuilder()
        .token("0:bench")
        .request(telegram.request())
        .get_updates_request(telegram.request())
        .updater(None)
        .build()
    )
    app.add_handler(CallbackQueryHandler(calls))
    return app


async def _calls_round(
    app: Application[Any, Any, Any, Any, Any, Any], telegram: FakeTelegram, clients: list[int]
) -> list[float]:
    """Each client presses a button on their latest message four times (timed)."""
    seconds: list[float] = []
    for step in range(4):
        for client in clients:
            message = telegram.last(client)
            data = f"ci:1:w:{_value(client, step)}"
            update = telegram.to_update(
                telegram.callback_update(_user(client), message, data), app.bot
            )
            seconds.append(await _timed(app, update))
    return seconds


async def _echo_round(
    app: Application[Any, Any, Any, Any, Any, Any], telegram: FakeTelegram, clients: list[int]
) -> list[float]:
    seconds: list[float] = []
    for step in range(4):
        for client in clients:
            user = _user(client)
            if not telegram.bot_messages(client):
                telegram.messages.setdefault(client, [])
                telegram._store(client, "How are things?", {})
            message = telegram.last(client)
            data = f"ci:1:w:{_value(client, step)}"
            update = telegram.to_update(telegram.callback_update(user, message, data), app.bot)
            seconds.append(await _timed(app, update))
    return seconds


async def run(seed: Path, folder: Path) -> list[Result]:
    """Alternate rounds of real taps and baseline taps; return taps/s and round trips."""
    clock = ManualClock(START)
    telegram = FakeTelegram(clock, first_id=10_000_000)
    where = database(seed, folder)
    settings = load_settings(None, **where)
    app = build_application(
        settings, request=telegram.request(), clock=clock, rate_limit=False,
        background_delivery=False,
    )  # fmt: skip
    await app.initialize()
    await on_startup(app)
    services = app.bot_data.services
    trace = _Trace()
    sqlite = services.db.backend == "sqlite"
    if sqlite:  # statements are counted with SQLite's trace callback
        await services.db.raw.set_trace_callback(trace)  # the aiosqlite connection
    insert, close_echo = await _echo_store(folder, where.get("database_url"))
    echo = _echo_app(telegram, insert)
    await echo.initialize()

    everyone = [c for c in client_ids() if c % 100 != 0]  # all three goals still active
    # every 97th client: spread over practitioners, languages and reminder days
    chosen = everyone[:: len(everyone) // ((ROUNDS + 1) * CLIENTS_PER_ROUND)]
    warm, *rounds = (
        chosen[i * CLIENTS_PER_ROUND : (i + 1) * CLIENTS_PER_ROUND] for i in range(ROUNDS + 1)
    )
    await _real_round(app, telegram, warm[: CLIENTS_PER_ROUND // 2], trace)  # warm-up
    await _echo_round(echo, telegram, warm[CLIENTS_PER_ROUND // 2 :])
    # the calls-only baseline sends the question a real tap sends, with its keyboard
    question = telegram.last(warm[0])
    calls = _calls_app(telegram, question)
    await calls.initialize()
    await _calls_round(calls, telegram, warm[: CLIENTS_PER_ROUND // 2])
    real_rates: list[float] = []
    echo_rates: list[float] = []
    calls_rates: list[float] = []
    latencies: list[float] = []
    trips: list[int] = []
    for clients in rounds:
        echo_seconds = await _echo_round(echo, telegram, clients)
        echo_rates.append(len(echo_seconds) / sum(echo_seconds))
        seconds, counted = await _real_round(app, telegram, clients, trace)
        real_rates.append(len(seconds) / sum(seconds))
        calls_seconds = await _calls_round(calls, telegram, clients)
        calls_rates.append(len(calls_seconds) / sum(calls_seconds))
        latencies += seconds
        trips += counted
    if sqlite:
        await services.db.raw.set_trace_callback(None)
    await echo.shutdown()
    await calls.shutdown()
    await close_echo()
    await on_shutdown(app)
    await app.shutdown()

    median, low, high = summary(real_rates)
    echo_median = summary(echo_rates)[0]
    calls_median = summary(calls_rates)[0]
    trip_median, trip_low, trip_high = summary([float(t) for t in trips])
    latency_ms = [s * 1000 for s in latencies]
    results = [
        Result(
            "1", "rating taps/s (process_update)", "taps/s", median, low, high, echo_median,
            ">= 0.6x baseline", median >= 0.6 * echo_median, samples=len(real_rates),
            note=(
                f"{len(latencies)} taps by {len(latencies) // 4} clients at 100,000; tap latency "
                f"p50 {percentile(latency_ms, 0.5):.1f} ms, p99 {percentile(latency_ms, 0.99):.1f}"
                f" ms; baseline: PTB echo, one {'aiosqlite' if sqlite else 'asyncpg'} insert + one"
                " reply; rate limiter off"
            ),
        ),
        Result(
            "1", "rating taps/s vs its Bot API calls alone", "taps/s", median, low, high,
            calls_median, "- (not a target)", None, samples=len(real_rates),
            note=(
                "baseline: answerCallbackQuery, editMessageText, sendMessage with the real "
                "question's keyboard, on the same PTB and pretend Telegram, no database: "
                "what PTB costs for the calls a tap needs"
            ),
        ),
    ]  # fmt: skip
    if not sqlite:  # PostgreSQL has no trace callback here; the count is the same SQL
        return results
    return [
        *results,
        Result(
            "1", "DB round trips per tap", "stmts", trip_median, trip_low, trip_high, 1.0,
            "<= 6 (every tap)", trip_high <= 6, higher_is_better=False, samples=len(trips),
            note="SQLite trace callback on the bot's connection, BEGIN/COMMIT included",
            extra={"histogram": {str(k): trips.count(k) for k in sorted(set(trips))}},
        ),
    ]  # fmt: skip
