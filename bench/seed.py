"""A 100,000-client database as four weeks of running leave it, built with bulk SQL and cached.

2,000 practitioners with 50 clients each; every client has three goals, a weekly reminder and
three or four weekly check-ins in the last 28 days (1,000,000 ratings in all), 30% of them an
unanswered reminder. The outbox holds what four weeks of sending leave behind: a sent reminder
per client per week and a daily digest per practitioner (456,000 rows; sent rows keep no text,
``payload = '{}'``, a digest only its period). The schema is the one the bot's migrations make.

The file is cached in ``bench/.cache/`` under a key of this module and the migrations, so it
is rebuilt only when either changes. Benchmarks work on copies (:func:`copy_of`).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from bench.common import DAY, NOW, Stopwatch
from bot.storage import open_database

__all__ = [
    "CACHE",
    "CLIENTS",
    "FIRST_CLIENT",
    "PRACTITIONERS",
    "Seeded",
    "client_ids",
    "copy_of",
    "goal_ids",
    "seeded",
]

CACHE = Path(__file__).resolve().parent / ".cache"
PRACTITIONERS = 2000
PER_PRACTITIONER = 50
CLIENTS = PRACTITIONERS * PER_PRACTITIONER
FIRST_CLIENT = PRACTITIONERS + 1  # person ids: practitioners 1..2000, clients after them
GOALS = 3
WEEKS = 4
STANDING_SHARE = 0.3  # clients whose last reminder stands unanswered
REMINDER_HOUR = 17 * 3600  # 18:00 in Berlin in winter, as UTC seconds after midnight
DIGEST_HOUR = 7 * 3600 + 1800  # 08:30 in Berlin
_LOCALES = ("en",) * 7 + ("de", "es", "uk")
_GOAL_TEXTS = (
    "Walk twenty minutes a day",
    "In bed by eleven",
    "Call my sister on Sundays",
    "Cook at home three times a week",
    "Apply for two jobs a week",
    "Drink less coffee after lunch",
)
_NOTES = (
    "A calmer week than the last one.",
    "Work was busy, slept badly.",
    "The walks help. Rain on Thursday.",
    "Talked to my sister, felt good.",
)


@dataclass(frozen=True)
class Seeded:
    """The cached database and how long it took to get it."""

    path: Path
    seconds: float
    built: bool  # False: it came from the cache


def client_ids() -> range:
    """Every client's person id (also their Telegram id and chat id)."""
    return range(FIRST_CLIENT, FIRST_CLIENT + CLIENTS)


def goal_ids(client_id: int) -> tuple[int, ...]:
    """The client's three goals."""
    first = (client_id - FIRST_CLIENT) * GOALS + 1
    return tuple(range(first, first + GOALS))


def practitioner_of(client_id: int) -> int:
    """The practitioner (person id) of a client."""
    return 1 + (client_id - FIRST_CLIENT) // PER_PRACTITIONER


def standing(client_id: int) -> bool:
    """Whether the client's latest reminder stands unanswered (30% of clients)."""
    return (client_id - FIRST_CLIENT) % 10 < round(STANDING_SHARE * 10)


def _weeks(client_id: int) -> range:
    """Which of the last four weeks the client checked in (a third of them every week)."""
    return range(WEEKS) if (client_id - FIRST_CLIENT) % 3 == 0 else range(1, WEEKS)


def _reminder_at(client_id: int, week: int) -> int:
    """The client's weekly reminder instant in week ``week`` of the 28 days (0 = oldest)."""
    weekday = (client_id - FIRST_CLIENT) % 7
    return NOW - 9 * 3600 - 28 * DAY + week * 7 * DAY + weekday * DAY + REMINDER_HOUR


def _key() -> str:
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for entry in sorted(resources.files("bot.storage.migrations").iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".sql"):
            digest.update(entry.name.encode())
            digest.update(entry.read_bytes())
    return digest.hexdigest()[:16]


def _people() -> Iterator[tuple[int, int, int, str, str, str, int]]:
    created = NOW - 60 * DAY
    for person in range(1, PRACTITIONERS + 1):
        yield person, person, person, f"Practitioner {person}", "en", "Europe/Berlin", created
    for client in client_ids():
        locale = _LOCALES[client % len(_LOCALES)]
        yield client, client, client, f"Client {client}", locale, "Europe/Berlin", created


def _clients() -> Iterator[tuple[object, ...]]:
    joined = NOW - 56 * DAY
    for client in client_ids():
        weekday = (client - FIRST_CLIENT) % 7
        last = _reminder_at(client, WEEKS - 1)
        following = last + 7 * DAY if last + 7 * DAY > NOW else last + 14 * DAY
        yield (
            client,
            practitioner_of(client),
            joined,
            joined,
            str(weekday),
            "18:00",
            following,
            last if standing(client) else None,
            1 if client % 4 == 0 else 0,
        )


def _goals() -> Iterator[tuple[object, ...]]:
    created = NOW - 56 * DAY
    for client in client_ids():
        for index, goal in enumerate(goal_ids(client)):
            text = _GOAL_TEXTS[(client + index) % len(_GOAL_TEXTS)]
            yield goal, client, text, created, created


def _checkins_and_ratings() -> tuple[list[tuple[object, ...]], list[tuple[int, int, int, int]]]:
    checkins: list[tuple[object, ...]] = []
    ratings: list[tuple[int, int, int, int]] = []
    checkin_id = 0
    for client in client_ids():
        goals = goal_ids(client)
        listed = json.dumps(list(goals))
        for week in _weeks(client):
            checkin_id += 1
            started = _reminder_at(client, week) + 600
            wellbeing = (client + week * 3) % 11
            note = _NOTES[(client + week) % len(_NOTES)] if (client + week) % 3 == 0 else None
            shared = 1 if note is not None and client % 2 == 0 else 0
            checkins.append(
                (checkin_id, client, "reminder", "done", listed, wellbeing, note, shared,
                 started, started + 90)
            )  # fmt: skip
            for index, goal in enumerate(goals):
                value = (client + week * 2 + index * 5) % 11
                ratings.append((checkin_id, goal, value, started + 20 + index * 10))
    return checkins, ratings


def _outbox() -> Iterator[tuple[object, ...]]:
    message_id = 1000
    for client in client_ids():
        for week in range(WEEKS):
            at = _reminder_at(client, week)
            message_id += 1
            yield (
                client, "reminder", "{}", f"reminder:{client}:{at}", "sent", 1, at, at, at,
                at + 1, message_id, 5, client,
            )  # fmt: skip
    for practitioner in range(1, PRACTITIONERS + 1):
        for day in range(28):
            at = NOW - 9 * 3600 - 28 * DAY + day * DAY + DIGEST_HOUR
            message_id += 1
            payload = json.dumps(
                {"text": "", "buttons": [], "view": "digest",
                 "args": {"practitioner_id": practitioner, "since": at - DAY, "until": at}}
            )  # fmt: skip
            yield (
                practitioner, "digest", payload, f"digest:{practitioner}:{at}", "sent", 1, at,
                at, at, at + 1, message_id, 5, None,
            )  # fmt: skip


def _fill(path: Path) -> None:
    """Insert everything with bulk SQL, in one transaction, without a journal."""
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA synchronous=OFF")
    con.execute("PRAGMA cache_size=-200000")
    con.execute("BEGIN")
    con.executemany(
        "INSERT INTO people (id, telegram_id, chat_id, display_name, locale, timezone,"
        " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        _people(),
    )
    next_digest = NOW - 9 * 3600 + DAY + DIGEST_HOUR
    last_digest = next_digest - DAY
    con.executemany(
        "INSERT INTO practitioners (person_id, created_at, next_digest_at, last_digest_at)"
        " VALUES (?, ?, ?, ?)",
        ((p, NOW - 60 * DAY, next_digest, last_digest) for p in range(1, PRACTITIONERS + 1)),
    )
    con.executemany(
        "INSERT INTO clients (person_id, practitioner_id, consented_at, created_at,"
        " reminder_days, reminder_time, next_prompt_at, open_reminder_at, share_notes_default)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        _clients(),
    )
    con.executemany(
        "INSERT INTO goals (id, client_id, text, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
        _goals(),
    )
    checkins, ratings = _checkins_and_ratings()
    con.executemany(
        "INSERT INTO checkins (id, client_id, source, step, goal_ids, wellbeing, note,"
        " note_shared, started_at, completed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        checkins,
    )
    del checkins
    con.executemany(
        "INSERT INTO ratings (checkin_id, goal_id, value, rated_at) VALUES (?, ?, ?, ?)", ratings
    )
    del ratings
    con.executemany(
        "INSERT INTO outbox (chat_id, kind, payload, dedupe_key, status, attempts, not_before,"
        " next_attempt_at, created_at, sent_at, message_id, priority, about_person)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        _outbox(),
    )
    # a little of everything else a digest reads: open requests, achieved goals, safety events
    con.executemany(
        "INSERT INTO requests (client_id, resource_title, status, created_at)"
        " VALUES (?, 'Housing advice', 'open', ?)",
        ((c, NOW - 5 * DAY) for c in client_ids() if c % 50 == 0),
    )
    con.executemany(
        "UPDATE goals SET status = 'achieved', achieved_at = ? WHERE id = ?",
        ((NOW - 3 * DAY, goal_ids(c)[2]) for c in client_ids() if c % 100 == 0),
    )
    con.executemany(
        "INSERT INTO safety_events (client_id, source, created_at, acknowledged_at, closed_at)"
        " VALUES (?, 'note', ?, ?, ?)",
        (
            (c, NOW - 10 * DAY, NOW - 10 * DAY + 300, NOW - 10 * DAY + 600)
            for c in client_ids()
            if c % 200 == 0
        ),
    )
    con.execute("COMMIT")
    con.execute("PRAGMA journal_mode=WAL")
    con.close()


def build(path: Path) -> None:
    """Create the schema with the bot's migrations, then fill it."""
    path.unlink(missing_ok=True)

    async def schema() -> None:
        db = open_database(path)
        await db.open()
        await db.close()

    asyncio.run(schema())
    _fill(path)


def seeded() -> Seeded:
    """The cached seeded database, built first if missing or out of date."""
    watch = Stopwatch()
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"seed-{CLIENTS}-{_key()}.db"
    if path.exists():
        return Seeded(path, watch.seconds, built=False)
    for old in CACHE.glob("seed-*.db"):
        old.unlink()
    partial = path.with_suffix(".partial")
    build(partial)
    partial.rename(path)
    return Seeded(path, watch.seconds, built=True)


def copy_of(source: Path, folder: Path, name: str = "bench.db") -> Path:
    """A private copy of a seeded database for one benchmark to change."""
    target = folder / name
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(source, target)
    return target
