"""The hot paths stay lean: a rating tap reads once and writes once; a tick is set-based.

Statements are counted with SQLite's trace callback on the one connection (every statement
the engine runs, transaction control included), with nothing else running on it.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any

import pytest

from bot.clock import ManualClock
from bot.i18n import I18n
from bot.sandbox.harness import Harness
from bot.services.checkins import CheckinService
from bot.services.goals import Goal, GoalService
from bot.services.reminders import ReminderService
from bot.storage import Database
from bot.storage.sqlite import SqliteDatabase
from tests.conftest import CLIENT, onboard_client, onboard_practitioner

_CONTROL = ("BEGIN", "COMMIT", "ROLLBACK")


class Trace:
    """Every SQL statement the connection runs while it listens."""

    def __init__(self) -> None:
        self.statements: list[str] = []

    def __call__(self, statement: str) -> None:
        self.statements.append(" ".join(statement.split()))

    @property
    def queries(self) -> list[str]:
        """The statements that read or write (not transaction control)."""
        return [s for s in self.statements if not s.upper().startswith(_CONTROL)]

    @property
    def transactions(self) -> int:
        """How many transactions were begun."""
        return sum(s.upper().startswith("BEGIN") for s in self.statements)


def _ignore(statement: str) -> None:
    """Listen to nothing."""


@asynccontextmanager
async def traced(db: Database) -> AsyncIterator[Trace]:
    """Count the statements run on ``db``'s connection inside the block."""
    trace = Trace()
    assert isinstance(db, SqliteDatabase)
    await db.raw.set_trace_callback(trace)
    try:
        yield trace
    finally:
        await db.raw.set_trace_callback(_ignore)


@pytest.fixture
async def db(database: Database) -> Database:
    """A migrated database with a practitioner (id 1) and a client (id 2)."""
    async with database.transaction() as conn:
        for person_id, name in ((1, "Pat Rivera"), (2, "Chris")):
            await conn.execute(
                "INSERT INTO people (id, telegram_id, chat_id, display_name, locale, timezone,"
                " created_at) VALUES (?, ?, ?, ?, 'en', 'Europe/Berlin', 0)",
                (person_id, 100 + person_id, 100 + person_id, name),
            )
        await conn.execute("INSERT INTO practitioners (person_id, created_at) VALUES (1, 0)")
        await conn.execute(
            "INSERT INTO clients (person_id, practitioner_id, consented_at, created_at)"
            " VALUES (2, 1, 0, 0)"
        )
    return database


CLIENT_ID = 2


async def a_second_checkin(
    db: Database, clock: ManualClock
) -> tuple[GoalService, CheckinService, list[int], int]:
    """Three goals rated 8, 6 and 5 last time; a new check-in, its overall question answered."""
    goals = GoalService(db, clock, max_active=5)
    checkins = CheckinService(db, clock, goals)
    goal_ids = []
    for text in ("Sleep by eleven", "Walk daily", "Call my sister"):
        goal = await goals.add(CLIENT_ID, text)
        assert isinstance(goal, Goal)
        goal_ids.append(goal.id)
    first = await checkins.start(CLIENT_ID)
    assert first.checkin is not None
    for step, value in (("w", 7), (f"g{goal_ids[0]}", 8), (f"g{goal_ids[1]}", 6)):
        assert await checkins.answer(CLIENT_ID, first.checkin.id, step, value) is not None
    await checkins.answer(CLIENT_ID, first.checkin.id, f"g{goal_ids[2]}", 5)
    await checkins.answer(CLIENT_ID, first.checkin.id, "n", None)
    clock.advance(timedelta(days=1))
    second = await checkins.start(CLIENT_ID)
    assert second.checkin is not None and second.kind == "wellbeing"
    result = await checkins.answer(CLIENT_ID, second.checkin.id, "w", 6)
    assert result is not None and result[1]
    return goals, checkins, goal_ids, second.checkin.id


@pytest.mark.sqlite_only(reason="counts statements through SQLite's trace callback")
async def test_a_rating_tap_reads_once_and_writes_in_one_transaction(
    db: Database, clock: ManualClock
) -> None:
    _goals, checkins, goal_ids, checkin_id = await a_second_checkin(db, clock)
    async with traced(db) as trace:
        result = await checkins.answer(CLIENT_ID, checkin_id, f"g{goal_ids[0]}", 4)

    assert len(trace.queries) <= 3, trace.queries
    assert trace.transactions == 1
    assert len(trace.statements) <= 5  # with BEGIN and COMMIT: every aiosqlite call
    assert result is not None
    question, applied = result
    # everything the handler needs comes back: the next goal, and the answer with the last one
    assert applied and question.kind == "goal"
    assert question.goal is not None and question.goal.text == "Walk daily"
    assert question.answered is not None
    assert question.answered.goal.text == "Sleep by eleven"
    assert (question.answered.value, question.answered.previous) == (4, 8)
    # ... and it was stored
    lines = await checkins.ratings(CLIENT_ID, checkin_id)
    assert [(line.goal.text, line.value, line.previous) for line in lines] == [
        ("Sleep by eleven", 4, 8),
        ("Walk daily", None, 6),
        ("Call my sister", None, 5),
    ]


@pytest.mark.sqlite_only(reason="counts statements through SQLite's trace callback")
async def test_the_sharing_question_comes_with_its_options(
    db: Database, clock: ManualClock
) -> None:
    _goals, checkins, goal_ids, checkin_id = await a_second_checkin(db, clock)
    for goal_id in goal_ids:
        await checkins.answer(CLIENT_ID, checkin_id, f"g{goal_id}", 5)
    assert await checkins.keep_note(CLIENT_ID, checkin_id, "A quiet week")
    async with traced(db) as trace:
        result = await checkins.answer(CLIENT_ID, checkin_id, "n", None)  # Skip: a note is kept

    assert len(trace.queries) <= 2 and trace.transactions == 1, trace.statements
    assert result is not None
    question, applied = result
    assert applied and question.kind == "share"
    assert question.practitioner_name == "Pat Rivera"
    assert question.share_default is False
    assert question.answered is None


@pytest.mark.sqlite_only(reason="counts statements through SQLite's trace callback")
async def test_ratings_read_every_goal_in_two_queries(db: Database, clock: ManualClock) -> None:
    _goals, checkins, goal_ids, checkin_id = await a_second_checkin(db, clock)
    await checkins.answer(CLIENT_ID, checkin_id, f"g{goal_ids[0]}", 9)
    await checkins.answer(CLIENT_ID, checkin_id, f"g{goal_ids[1]}", None)
    async with traced(db) as trace:
        lines = await checkins.ratings(CLIENT_ID, checkin_id)

    assert len(trace.statements) <= 2, trace.statements
    assert [(line.value, line.previous, line.change) for line in lines] == [
        (9, 8, 1),
        (None, 6, None),
        (None, 5, None),
    ]


async def test_a_goal_archived_during_the_checkin_is_still_asked(
    db: Database, clock: ManualClock
) -> None:
    goals, checkins, goal_ids, checkin_id = await a_second_checkin(db, clock)
    assert await goals.set_status(CLIENT_ID, goal_ids[1], "archived") is not None
    assert await goals.set_status(CLIENT_ID, goal_ids[2], "achieved") is not None
    # as if a system clock had gone backwards: the one-query read misses it, a second finds it
    await db.execute("UPDATE goals SET updated_at = 0 WHERE id = ?", (goal_ids[2],))
    result = await checkins.answer(CLIENT_ID, checkin_id, f"g{goal_ids[0]}", 3)
    assert result is not None
    assert result[0].goal is not None and result[0].goal.text == "Walk daily"
    result = await checkins.answer(CLIENT_ID, checkin_id, f"g{goal_ids[1]}", 3)
    assert result is not None
    assert result[0].goal is not None and result[0].goal.text == "Call my sister"


async def test_a_stale_tap_changes_nothing(db: Database, clock: ManualClock) -> None:
    _goals, checkins, goal_ids, checkin_id = await a_second_checkin(db, clock)
    assert await checkins.answer(CLIENT_ID, checkin_id, f"g{goal_ids[0]}", 4) is not None
    result = await checkins.answer(CLIENT_ID, checkin_id, f"g{goal_ids[0]}", 0)  # again
    assert result is not None
    question, applied = result
    assert not applied and question.goal is not None and question.goal.id == goal_ids[1]
    [line, *_] = await checkins.ratings(CLIENT_ID, checkin_id)
    assert line.value == 4


def count_calls(monkeypatch: pytest.MonkeyPatch, conn: Any) -> list[str]:
    """Record every call into the aiosqlite connection (each one a hop to its thread)."""
    calls: list[str] = []

    def counted(name: str) -> Any:
        real = getattr(conn, name)

        async def call(*args: Any) -> Any:
            calls.append(name)
            return await real(*args)

        return call

    for name in ("execute", "executemany", "execute_fetchall", "execute_insert", "commit"):
        monkeypatch.setattr(conn, name, counted(name))
    return calls


@pytest.mark.sqlite_only(reason="counts statements through SQLite's trace callback")
async def test_due_reminders_are_queued_set_based_as_views(
    db: Database, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = clock.now()
    async with db.transaction() as conn:
        for person_id in range(3, 7):
            await conn.execute(
                "INSERT INTO people (id, telegram_id, chat_id, display_name, locale, timezone,"
                " created_at) VALUES (?, ?, ?, 'Someone', 'de', 'Europe/Berlin', 0)",
                (person_id, 100 + person_id, 100 + person_id),
            )
            await conn.execute(
                "INSERT INTO clients (person_id, practitioner_id, consented_at, created_at,"
                " reminder_days, next_prompt_at) VALUES (?, 1, 0, 0, '0,1,2,3,4,5,6', ?)",
                (person_id, now - 60),
            )
        await conn.execute("UPDATE clients SET paused = 1 WHERE person_id = 6")
        # client 3's reminder of yesterday stands unanswered, after older ones in the chat
        await conn.execute("UPDATE clients SET open_reminder_at = ? WHERE person_id = 3", (now,))
        for kind, status, message_id in (
            ("reminder", "sent", 40),
            ("reminder", "sent", 41),
            ("reminder", "sent", 42),  # the one to replace
            ("reminder", "dead", None),
            ("notice", "sent", 43),
        ):
            await conn.execute(
                "INSERT INTO outbox (chat_id, kind, payload, status, not_before, next_attempt_at,"
                " created_at, message_id) VALUES (103, ?, '{}', ?, 0, 0, 0, ?)",
                (kind, status, message_id),
            )
    reminders = ReminderService(db, clock, I18n(), snooze_hours=2)
    assert isinstance(db, SqliteDatabase)
    calls = count_calls(monkeypatch, db.raw)
    async with traced(db) as trace:
        assert await reminders.send_due() == 3

    # one transaction, nothing per reminder: BEGIN, the read, one statement for the paused
    # client, one for the three outbox rows, one for the three reminded, COMMIT
    assert trace.transactions == 1
    assert len(calls) <= 6, calls
    assert sum(s.startswith("INSERT INTO outbox") for s in trace.queries) == 3  # one executemany
    reads = [s for s in trace.queries if s.startswith("SELECT")]
    assert len(reads) == 1
    plan = await db.fetchall(f"EXPLAIN QUERY PLAN {reads[0]}")
    assert any("outbox_sent_reminders" in row["detail"] for row in plan), [
        row["detail"] for row in plan
    ]
    rows = await db.fetchall(
        "SELECT chat_id, payload, about_person FROM outbox WHERE status = 'pending' ORDER BY id"
    )
    payloads = {row["chat_id"]: json.loads(row["payload"]) for row in rows}
    assert payloads[103] == {
        "text": "",
        "buttons": [],
        "replaces": 42,
        "view": "reminder",
        "args": {"client_id": 3},
    }
    assert payloads[104] == {
        "text": "",
        "buttons": [],
        "view": "reminder",
        "args": {"client_id": 4},
    }
    assert [row["about_person"] for row in rows] == [3, 4, 5]
    open_at = await db.fetchall(
        "SELECT person_id, open_reminder_at, next_prompt_at > ? AS moved FROM clients"
        " WHERE person_id > 2 ORDER BY person_id",
        (now,),
    )
    assert [(r["open_reminder_at"], r["moved"]) for r in open_at] == [
        (now, 1),
        (now, 1),
        (now, 1),
        (None, None),  # paused until resumed: no next reminder
    ]


async def _due_clients(db: Database, now: int, count: int) -> list[int]:
    """``count`` more clients (ids 3, 4, ...) with a daily reminder due a minute ago."""
    ids = list(range(3, 3 + count))
    async with db.transaction() as conn:
        for person_id in ids:
            await conn.execute(
                "INSERT INTO people (id, telegram_id, chat_id, display_name, locale, timezone,"
                " created_at) VALUES (?, ?, ?, 'Someone', 'en', 'Europe/Berlin', 0)",
                (person_id, 100 + person_id, 100 + person_id),
            )
            await conn.execute(
                "INSERT INTO clients (person_id, practitioner_id, consented_at, created_at,"
                " reminder_days, next_prompt_at) VALUES (?, 1, 0, 0, '0,1,2,3,4,5,6', ?)",
                (person_id, now - 60),
            )
    return ids


async def _queued_for(db: Database) -> list[tuple[int, str]]:
    rows = await db.fetchall(
        "SELECT about_person, dedupe_key FROM outbox WHERE kind = 'reminder' ORDER BY id"
    )
    return [(row["about_person"], row["dedupe_key"]) for row in rows]


@pytest.mark.sqlite_only(reason="counts transactions through SQLite's trace callback")
async def test_the_tick_queues_reminders_in_chunks_each_one_transaction(
    db: Database, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A tap waits for one chunk at most; the rules hold across chunks."""
    monkeypatch.setattr("bot.services.reminders._CHUNK", 2)
    now = clock.now()
    ids = await _due_clients(db, now, 7)
    # client 5 was asked about the rhythm-to-be: two reminders in a row stand unanswered
    await db.execute(
        "UPDATE clients SET open_reminder_at = ?, unanswered = 2 WHERE person_id = 5", (now,)
    )
    # client 6 checked in earlier today: no reminder, just the next one scheduled
    await db.execute(
        "INSERT INTO checkins (client_id, source, step, goal_ids, started_at)"
        " VALUES (6, 'command', 'done', '[]', ?)",
        (now - 3600,),
    )
    reminders = ReminderService(db, clock, I18n(), snooze_hours=2)
    async with traced(db) as trace:
        assert await reminders.send_due() == 6

    assert trace.transactions == 4  # 2 + 2 + 2 + 1 clients
    queued = await _queued_for(db)
    assert sorted(about for about, _ in queued) == [3, 4, 5, 7, 8, 9]
    assert dict(queued)[5] == f"rhythm:{now - 60}:5"
    assert all(key.split(":")[1:] == [str(now - 60), str(about)] for about, key in queued)
    moved = await db.fetchall(
        "SELECT person_id FROM clients WHERE person_id >= 3 AND next_prompt_at > ?", (now,)
    )
    assert [row["person_id"] for row in moved] == ids
    assert await reminders.send_due() == 0  # exactly one per due instant
    assert len(await _queued_for(db)) == 6


async def test_a_crash_between_chunks_leaves_each_client_queued_or_untouched(
    db: Database, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.services import reminders as module

    monkeypatch.setattr(module, "_CHUNK", 2)
    now = clock.now()
    ids = await _due_clients(db, now, 5)
    real = module.enqueue_many
    calls = 0

    async def failing(*args: Any) -> None:
        nonlocal calls
        calls += 1
        await real(*args)
        if calls == 2:
            raise RuntimeError("the process died here")

    monkeypatch.setattr(module, "enqueue_many", failing)
    reminders = ReminderService(db, clock, I18n(), snooze_hours=2)
    with pytest.raises(RuntimeError):
        await reminders.send_due()

    queued = {about for about, _ in await _queued_for(db)}
    states = await db.fetchall(
        "SELECT person_id, next_prompt_at, open_reminder_at FROM clients WHERE person_id >= 3"
        " ORDER BY person_id"
    )
    done = {r["person_id"] for r in states if r["next_prompt_at"] > now}
    untouched = {
        r["person_id"]
        for r in states
        if r["next_prompt_at"] == now - 60 and r["open_reminder_at"] is None
    }
    assert queued == done and len(done) == 2  # the first chunk: queued and moved on
    assert untouched == set(ids) - done  # the second rolled back, the rest never started

    monkeypatch.setattr(module, "enqueue_many", real)
    assert await reminders.send_due() == 3  # the next tick finishes the rest, once each
    assert sorted(about for about, _ in await _queued_for(db)) == ids


async def test_a_reminder_is_rendered_when_sent_and_not_after_a_pause(
    harness: Harness,
) -> None:
    await onboard_practitioner(harness)
    await onboard_client(harness)
    await harness.press(CLIENT, "Skip for now")
    client_id = int(
        await harness.services.db.fetchval(
            "SELECT id FROM people WHERE telegram_id = ?", (CLIENT.id,)
        )
    )
    services = harness.services
    await services.people.set_locale(client_id, "de")
    await services.reminders.set_days(client_id, frozenset(range(7)))
    harness.clock.advance(timedelta(days=1))
    assert await services.reminders.send_due() == 1
    await harness.deliver()
    last = harness.telegram.last(CLIENT.id)
    de = services.i18n.get("de")
    assert last.text == de._(
        "🌿 Hi! Would you like to check in? It takes about a minute, and every "
        "question can be skipped."
    )
    assert [data for _, data in last.buttons] == ["rem:go", "rem:later", "rem:skip"]

    harness.clock.advance(timedelta(days=1))
    assert await services.reminders.send_due() == 1
    await services.reminders.pause(client_id, None)  # after it was queued, before it went
    await harness.deliver()
    assert harness.telegram.last(CLIENT.id).message_id == last.message_id
    assert await services.db.fetchval("SELECT COUNT(*) FROM outbox WHERE status = 'pending'") == 0


@pytest.mark.sqlite_only(reason="counts statements through SQLite's trace callback")
async def test_a_whole_rating_tap_makes_few_statements(harness: Harness) -> None:
    """Through the real application: the actor once, the check-in's read and its write."""
    await onboard_practitioner(harness)
    await onboard_client(harness)
    await harness.press(CLIENT, "Skip for now")
    services = harness.services
    client_id = int(
        await services.db.fetchval("SELECT id FROM people WHERE telegram_id = ?", (CLIENT.id,))
    )
    for text in ("Sleep by eleven", "Walk daily"):
        await services.goals.add(client_id, text)
    await harness.send(CLIENT, "/checkin")
    await harness.press(CLIENT, "7")  # the overall question
    question = harness.telegram.last(CLIENT.id)
    data = next(data for label, data in question.buttons if label == "4")
    update = harness.telegram.callback_update(CLIENT, question, data)
    async with traced(services.db) as trace:
        await harness.app.process_update(harness.telegram.to_update(update, harness.app.bot))

    # the person once, the check-in once, one transaction (7 before: the person was read twice)
    assert sum(" FROM people p " in s for s in trace.statements) == 1, trace.statements
    assert len(trace.statements) <= 6, trace.statements
    await harness.deliver()
    assert "Walk daily" in harness.telegram.last(CLIENT.id).text


async def _tap_counted(harness: Harness, label: str) -> Trace:
    """Press ``label`` on the client's latest question; the statements the tap ran."""
    question = harness.telegram.last(CLIENT.id)
    data = next(data for text, data in question.buttons if text == label)
    update = harness.telegram.callback_update(CLIENT, question, data)
    async with traced(harness.services.db) as trace:
        await harness.app.process_update(harness.telegram.to_update(update, harness.app.bot))
    await harness.deliver()
    return trace


@pytest.mark.sqlite_only(reason="counts statements through SQLite's trace callback")
@pytest.mark.parametrize("alerts", [False, True])
async def test_every_step_of_a_checkin_makes_few_statements(harness: Harness, alerts: bool) -> None:
    """The most statements any tap of a check-in runs: the overall question, the first goal
    after it (a drop: the alert setting comes with the tap's one read), the goals between,
    the last goal (the note's typed answer is expected in the same transaction) and Skip
    (the summary)."""
    await onboard_practitioner(harness)
    await onboard_client(harness)
    await harness.press(CLIENT, "Skip for now")
    services = harness.services
    client_id = int(
        await services.db.fetchval("SELECT id FROM people WHERE telegram_id = ?", (CLIENT.id,))
    )
    practitioner_id = int(
        await services.db.fetchval(
            "SELECT practitioner_id FROM clients WHERE person_id = ?", (client_id,)
        )
    )
    await services.digests.update(practitioner_id, alert_on_drop=alerts)
    for text in ("Sleep by eleven", "Walk daily", "Call my sister"):
        await services.goals.add(client_id, text)
    for label in ("/checkin", "7", "8", "6", "5", "Skip"):  # last time's ratings
        if label == "/checkin":
            await harness.send(CLIENT, label)
        else:
            await harness.press(CLIENT, label)
    harness.clock.advance(timedelta(days=1))
    await harness.send(CLIENT, "/checkin")

    counted = {step: await _tap_counted(harness, label) for step, label in (
        ("overall", "6"), ("first goal, a drop", "4"), ("second goal", "6"),
        ("last goal", "5"), ("skip the note", "Skip"),
    )}  # fmt: skip

    statements = {step: len(trace.statements) for step, trace in counted.items()}
    # a drop alert the practitioner asked for is queued after the answer (not yet folded into
    # its transaction): who they are, the goal, who covers (twice) and its own transaction
    drop_alert = 7 if alerts else 0
    for step in ("overall", "second goal"):
        assert statements[step] <= 6, counted[step].statements
    assert statements["first goal, a drop"] <= 6 + drop_alert, "\n".join(
        s[:150] for s in counted["first goal, a drop"].statements
    )
    # the last goal: the note's typed answer was expected from the check-in's start, so
    # nothing more to write (7 before); one transaction
    assert statements["last goal"] <= 6, counted["last goal"].statements
    assert counted["last goal"].transactions == 1
    # Skip finishes the check-in and reads what its summary shows: the ratings, the last
    # overall answer, the coping topics (a fall of 4 is a hard moment) and what moved up
    assert statements["skip the note"] <= 11, "\n".join(
        s[:150] for s in counted["skip the note"].statements
    )
    assert counted["skip the note"].transactions == 1
    practitioner_chat = await services.db.fetchval(
        "SELECT chat_id FROM people WHERE id = ?", (practitioner_id,)
    )
    alerted = await services.db.fetchval(
        "SELECT COUNT(*) FROM outbox WHERE kind = 'alert' AND chat_id = ?", (practitioner_chat,)
    )
    assert alerted == (1 if alerts else 0)  # one drop of 2+ points: Sleep by eleven, 8 -> 4
    pending = await services.db.fetchval(
        "SELECT pending_input FROM people WHERE id = ?", (client_id,)
    )
    assert pending is None
    summary = harness.telegram.last(CLIENT.id).text
    assert "Sleep by eleven: 4/10 (↓ 4 since last time)" in summary
