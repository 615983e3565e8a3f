"""Benchmark 7: how many bytes the database grows by per client and year.

A practitioner and a caseload of 50 clients, three goals each, live through a year on the
real services and the real tick: a weekly reminder at 18:00 (queued by the tick, sent to
the pretend Telegram), a check-in ten minutes later (wellbeing, three goal ratings, a short
note, shared or not), the practitioner's digest every working morning, and everything the
tick forgets on its way (sent messages, old update ids). The growth is the space the
database uses at the end (pages in use, WAL checkpointed) less what the empty schema uses.
The baseline is the least a check-in bot can keep: one row per check-in (the three ratings
and the note in it) plus the goals, in a plain SQLite file.
"""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

from bench.common import DAY, NOW, START, Result
from bot.app import build_application, on_shutdown, on_startup, run_due
from bot.clock import ManualClock
from bot.context import Services
from bot.sandbox.fake_telegram import FakeTelegram
from bot.settings import load_settings
from bot.storage import open_database

__all__ = ["run"]

CLIENTS = 50
GOALS = 3
WEEKS = 52
_NOTES = (
    "A calmer week than the last one.",
    "Work was busy, slept badly.",
    "The walks help. Rain on Thursday.",
    "Talked to my sister, felt good.",
)


def _used(path: Path) -> int:
    """Bytes of the database file in use (WAL checkpointed, free pages left out)."""
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = con.execute("PRAGMA page_count").fetchone()[0]
    free = con.execute("PRAGMA freelist_count").fetchone()[0]
    size = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    return int((pages - free) * size)


def _people(path: Path) -> None:
    """One practitioner (digests at 08:30 UTC) and 50 clients, reminded on one weekday each."""
    con = sqlite3.connect(path)
    with con:
        con.execute(
            "INSERT INTO people (id, telegram_id, chat_id, display_name, locale, timezone,"
            " created_at) VALUES (1, 1, 1, 'Practitioner', 'en', 'UTC', ?)",
            (NOW,),
        )
        con.execute(
            "INSERT INTO practitioners (person_id, created_at, next_digest_at) VALUES (1, ?, ?)",
            (NOW, NOW - 9 * 3600 + DAY + 8 * 3600 + 1800),  # 08:30 tomorrow
        )
        for client in range(2, CLIENTS + 2):
            weekday = client % 7
            first = NOW - 9 * 3600 + weekday * DAY + 18 * 3600
            con.execute(
                "INSERT INTO people (id, telegram_id, chat_id, display_name, locale, timezone,"
                " created_at) VALUES (?, ?, ?, ?, 'en', 'UTC', ?)",
                (client, client, client, f"Client {client}", NOW),
            )
            con.execute(
                "INSERT INTO clients (person_id, practitioner_id, consented_at, created_at,"
                " reminder_days, reminder_time, next_prompt_at) VALUES (?, 1, ?, ?, ?, '18:00', ?)",
                (client, NOW, NOW, str(weekday), first if first > NOW else first + 7 * DAY),
            )
            con.executemany(
                "INSERT INTO goals (client_id, text, created_at, updated_at) VALUES (?, ?, ?, ?)",
                [(client, f"Goal {n + 1} of client {client}", NOW, NOW) for n in range(GOALS)],
            )
    con.close()


async def _checkin(services: Services, client: int, week: int) -> None:
    """Answer every question of a check-in with a value, a short note and a sharing choice."""
    checkins = services.checkins
    question = await checkins.start(client, "reminder")
    for _ in range(20):
        checkin = question.checkin
        if question.kind in ("done", "no_goals") or checkin is None:
            return
        if question.kind == "note":
            note = _NOTES[(client + week) % len(_NOTES)]
            found = await checkins.add_note(client, checkin.id, note)
            assert found is not None
            question = found
            continue
        value: int | None = (client + week) % 11
        if question.kind == "share":
            value = client % 2
        elif question.kind == "level":
            value = None
        answered = await checkins.answer(client, checkin.id, question.step, value)
        assert answered is not None
        question = answered[0]


async def _bot_year(folder: Path) -> tuple[int, int, int]:
    """Live a year; return (bytes of the empty schema, bytes at the end, check-ins)."""
    path = folder / "year.db"
    db = open_database(path)
    await db.open()
    await db.close()
    empty = _used(path)
    _people(path)
    clock = ManualClock(START)
    app = build_application(
        load_settings(None, database_path=path),
        request=FakeTelegram(clock).request(),
        clock=clock,
        rate_limit=False,
        background_delivery=False,
    )
    await app.initialize()
    await on_startup(app)
    services = app.bot_data.services
    services.outbox.chat_interval = 0
    done = 0
    try:
        day0 = START.replace(hour=0, minute=0) + timedelta(days=1)
        for day in range(WEEKS * 7):
            morning = day0 + timedelta(days=day, hours=8, minutes=31)
            clock.set(morning)
            await run_due(app, app.bot)  # digests
            clock.set(morning.replace(hour=18, minute=1))
            await run_due(app, app.bot)  # reminders
            clock.set(morning.replace(hour=18, minute=10))
            for client in range(2, CLIENTS + 2):
                if client % 7 == morning.weekday():
                    await _checkin(services, client, day // 7)
                    done += 1
        await run_due(app, app.bot)
    finally:
        await on_shutdown(app)
        await app.shutdown()
    return empty, _used(path), done


def _baseline_year(folder: Path, checkins: int) -> int:
    """One row per check-in plus the goals, in a plain SQLite file; return the bytes added."""
    path = folder / "baseline.db"
    path.unlink(missing_ok=True)
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute(
        "CREATE TABLE goals (id INTEGER PRIMARY KEY, client_id INTEGER NOT NULL,"
        " text TEXT NOT NULL, created_at INTEGER NOT NULL)"
    )
    con.execute(
        "CREATE TABLE checkins (id INTEGER PRIMARY KEY, client_id INTEGER NOT NULL,"
        " at INTEGER NOT NULL, wellbeing INTEGER, r1 INTEGER, r2 INTEGER, r3 INTEGER,"
        " note TEXT, shared INTEGER NOT NULL)"
    )
    con.execute("CREATE INDEX checkins_by_client ON checkins (client_id, at)")
    con.commit()
    empty = _used(path)
    con = sqlite3.connect(path)
    with con:
        for client in range(2, CLIENTS + 2):
            con.executemany(
                "INSERT INTO goals (client_id, text, created_at) VALUES (?, ?, ?)",
                [(client, f"Goal {n + 1} of client {client}", NOW) for n in range(GOALS)],
            )
        for number in range(checkins):
            client, week = 2 + number % CLIENTS, number // CLIENTS
            value = (client + week) % 11
            con.execute(
                "INSERT INTO checkins (client_id, at, wellbeing, r1, r2, r3, note, shared)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (client, NOW + week * 7 * DAY, value, value, value, value,
                 _NOTES[(client + week) % len(_NOTES)], client % 2),
            )  # fmt: skip
    con.close()
    return _used(path) - empty


async def run(seed: Path, folder: Path) -> list[Result]:
    """Return bytes per client-year for the bot and for the baseline."""
    empty, end, checkins = await _bot_year(folder)
    per_client = (end - empty) / CLIENTS / 1024
    baseline = _baseline_year(folder, checkins) / CLIENTS / 1024
    return [
        Result(
            "7", "database growth per client-year", "KB", per_client, per_client, per_client,
            baseline, "<= 15 KB", per_client <= 15, higher_is_better=False, samples=checkins,
            note=(
                f"{CLIENTS} clients x {WEEKS} weeks on the real services and tick ({checkins:,} "
                "check-ins, weekly reminders, a digest every working morning); pages in use after "
                "a WAL checkpoint, less the empty schema; baseline: one row per check-in + goals"
            ),
        ),
    ]  # fmt: skip
