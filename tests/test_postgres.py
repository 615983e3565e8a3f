"""The PostgreSQL backend: URL settings, placeholders, migrations that match SQLite's."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import pytest
from telegram import Update
from telegram.ext import Application

from bot.cli import main
from bot.clock import ManualClock
from bot.delivery import RESENT_MARK
from bot.sandbox.harness import Harness
from bot.services.outbox import OutgoingMessage, enqueue
from bot.settings import SettingsError, load_settings
from bot.storage import describe_url, open_database
from bot.storage.database import migration_files
from bot.storage.outbox import OutboxRepository
from bot.storage.postgres import PostgresDatabase, translate
from bot.storage.sqlite import SqliteDatabase
from bot.updates import TelegramUnavailableError, UpdateGate
from tests.conftest import ADMIN, CLIENT
from tests.pg_server import PostgresServer
from tests.test_checkin import client_with_goals

if TYPE_CHECKING:
    from bot.context import BotApp

TOKEN = "123456:TEST-TOKEN-abcdefghijklmnopqrstuvwxyz"


def test_placeholders_become_numbered_outside_quotes() -> None:
    assert translate("SELECT a FROM t WHERE b = ? AND c IN (?, ?)") == (
        "SELECT a FROM t WHERE b = $1 AND c IN ($2, $3)"
    )
    assert translate("SELECT '?' || ? FROM \"odd?\"") == "SELECT '?' || $1 FROM \"odd?\""
    assert translate("SELECT 'it''s ?', ?") == "SELECT 'it''s ?', $1"


def test_the_url_picks_the_backend_and_hides_the_password(tmp_path: Path) -> None:
    assert isinstance(open_database(f"sqlite:///{tmp_path}/a.db"), SqliteDatabase)
    assert isinstance(open_database(tmp_path / "a.db"), SqliteDatabase)
    pg = open_database("postgresql://bot:s3cret@db.example:5432/checkin")
    assert isinstance(pg, PostgresDatabase)
    assert "s3cret" not in repr(pg)
    assert describe_url("postgresql://bot:s3cret@db.example:5432/checkin") == (
        "postgresql://bot:***@db.example:5432/checkin"
    )
    assert describe_url("postgresql://bot@/checkin?host=/run/pg") == (
        "postgresql://bot@/checkin?host=/run/pg"
    )


def test_database_url_setting(tmp_path: Path) -> None:
    default = load_settings(None, telegram_bot_token=TOKEN)
    assert default.database_backend == "sqlite"
    assert default.database_target == str(Path("data/checkin.db"))
    on_file = load_settings(None, database_url=f"sqlite:///{tmp_path}/x.db")
    assert on_file.database_backend == "sqlite"
    assert on_file.database_path == tmp_path / "x.db"
    pg = load_settings(None, database_url="postgresql://bot:s3cret@db.example/checkin")
    assert pg.database_backend == "postgresql"
    assert pg.database_target == "postgresql://bot:s3cret@db.example/checkin"
    assert "s3cret" not in repr(pg) and "s3cret" not in pg.database_shown
    assert load_settings(None, database_url="").database_backend == "sqlite"
    with pytest.raises(SettingsError) as caught:
        load_settings(None, database_url="mysql://x/y")
    assert caught.value.problems[0].startswith("DATABASE_URL: must start with sqlite:///")


def test_check_settings_shows_the_backend_not_the_password(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://bot:s3cret@db.example:5432/checkin")
    assert main(["check-settings"]) == 0
    out = capsys.readouterr().out
    assert "s3cret" not in out
    assert "DATABASE_URL=postgresql://bot:***@db.example:5432/checkin" in out
    assert "database backend: postgresql (postgresql://bot:***@db.example:5432/checkin)" in out
    monkeypatch.delenv("DATABASE_URL")
    assert main(["check-settings"]) == 0
    assert "database backend: sqlite (sqlite:///data/checkin.db)" in capsys.readouterr().out


def test_both_backends_have_the_same_migration_numbers() -> None:
    sqlite = [number for number, _ in migration_files("bot.storage.migrations")]
    postgres = [number for number, _ in migration_files("bot.storage.migrations.postgresql")]
    assert sqlite == postgres


@pytest.mark.postgres_only
async def test_both_backends_end_with_the_same_tables_and_columns(
    postgres_server: PostgresServer, tmp_path: Path
) -> None:
    url = postgres_server.create_empty_database()  # every migration from nothing
    async with open_database(tmp_path / "schema.db") as sqlite, open_database(url) as postgres:
        assert await postgres.schema_version() == await sqlite.schema_version()
        assert await postgres.tables() == await sqlite.tables()
        await postgres.migrate()  # a second start changes nothing
        assert await postgres.schema_version() == await sqlite.schema_version()
    postgres_server.drop_database(url)


@pytest.mark.postgres_only
async def test_reads_in_a_transaction_see_its_writes(postgres_server: PostgresServer) -> None:
    url = postgres_server.create_database()
    async with open_database(url) as db:
        async with db.transaction() as conn:
            await conn.execute(
                "INSERT INTO unreachable_chats (chat_id, reason, since) VALUES (?, ?, ?)",
                (7, "blocked", 1),
            )
            assert await db.fetchval("SELECT COUNT(*) FROM unreachable_chats") == 1
            rows = list(
                await conn.execute_fetchall("SELECT chat_id, reason FROM unreachable_chats")
            )
            assert rows[0]["reason"] == "blocked" and rows[0][0] == 7
            assert list(rows[0].keys()) == ["chat_id", "reason"]

        async def fail_midway() -> None:
            async with db.transaction() as conn:
                await conn.execute("DELETE FROM unreachable_chats")
                raise ZeroDivisionError

        with pytest.raises(ZeroDivisionError):
            await fail_midway()
        assert await db.fetchval("SELECT COUNT(*) FROM unreachable_chats") == 1
        assert await db.execute("UPDATE unreachable_chats SET since = 2") == 1
        assert await db.fetchval("SELECT SUM(since) FROM unreachable_chats") == 2
    postgres_server.drop_database(url)


@pytest.mark.postgres_only
async def test_migrate_copies_sqlite_into_an_empty_postgres_database(
    postgres_server: PostgresServer,
    tmp_path: Path,
    clock: ManualClock,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / "old.db"
    on_sqlite = load_settings(
        None, database_url=f"sqlite:///{path}", admin_ids=(ADMIN.id,), telegram_bot_token=TOKEN
    )
    async with Harness(on_sqlite, clock) as harness:
        await client_with_goals(harness, "Sleep by eleven", "Walk daily")
        await harness.send(CLIENT, "/checkin")
        await harness.press(CLIENT, "7")
        await harness.services.db.execute("UPDATE practitioners SET cover_id = person_id")
        expected = {
            table: await harness.services.db.fetchval(f"SELECT COUNT(*) FROM {table}")
            for table in await harness.services.db.tables()
        }
    assert expected["goals"] == 2 and expected["checkins"] == 1 and expected["ratings"] == 0
    url = postgres_server.create_empty_database()
    try:
        args = ["migrate", "--from", str(path), "--to", url]
        assert await asyncio.to_thread(main, args) == 0
        out = capsys.readouterr().out
        assert f"{sum(expected.values())} rows in {len(expected)} tables" in out
        assert "every count verified" in out
        on_postgres = load_settings(
            None, database_url=url, admin_ids=(ADMIN.id,), telegram_bot_token=TOKEN
        )
        async with Harness(on_postgres, clock) as harness:
            db = harness.services.db
            for table, count in expected.items():
                assert await db.fetchval(f"SELECT COUNT(*) FROM {table}") == count, table
            assert await db.fetchval("SELECT cover_id FROM practitioners") is not None
            # the bot carries on where it was, and new rows get new ids
            await harness.send(CLIENT, "/goals")
            assert "Sleep by eleven" in harness.telegram.last(CLIENT.id).text
            await harness.services.goals.add(
                int(await db.fetchval("SELECT person_id FROM clients")), "Read a page"
            )
            assert await db.fetchval("SELECT COUNT(*) FROM goals") == 3
        # a second copy into the same database is refused, and changes nothing
        assert await asyncio.to_thread(main, args) == 1
        assert "is not empty" in capsys.readouterr().err
    finally:
        postgres_server.drop_database(url)


@pytest.fixture
async def shared(
    postgres_server: PostgresServer, clock: ManualClock
) -> AsyncIterator[tuple[Harness, Harness]]:
    """Two bot applications (as two processes would be) on one PostgreSQL database."""
    url = postgres_server.create_database()
    settings = load_settings(
        None, database_url=url, admin_ids=(ADMIN.id,), telegram_bot_token=TOKEN
    )
    try:
        async with Harness(settings, clock) as one, Harness(settings, clock) as two:
            yield one, two
    finally:
        postgres_server.drop_database(url)


def _sent(harnesses: tuple[Harness, ...], chats: range) -> list[str]:
    return [
        message.text
        for harness in harnesses
        for chat in chats
        for message in harness.telegram.bot_messages(chat)
    ]


@pytest.mark.postgres_only
async def test_two_processes_draining_one_outbox_send_each_row_once(
    shared: tuple[Harness, Harness], clock: ManualClock
) -> None:
    one, two = shared
    chats = range(10_000, 10_100)
    async with one.services.db.transaction() as conn:
        for n in range(300):
            await enqueue(
                conn,
                chat_id=chats[n % len(chats)],
                kind="notice",
                message=OutgoingMessage(f"note {n}"),
                now=clock.now(),
            )
    await asyncio.gather(one.deliver(), two.deliver(), one.deliver(), two.deliver())
    texts = _sent(shared, chats)
    assert sorted(texts) == sorted(f"note {n}" for n in range(300))  # each exactly once
    # both took part: the rows were shared out, not drained by whichever came first
    assert _sent((one,), chats) and _sent((two,), chats), len(_sent((one,), chats))
    assert (
        await one.services.db.fetchval("SELECT COUNT(*) FROM outbox WHERE status = 'sent'") == 300
    )


@pytest.mark.postgres_only
async def test_a_live_lease_is_left_alone_and_an_expired_one_is_taken_over(
    shared: tuple[Harness, Harness], clock: ManualClock
) -> None:
    one, two = shared
    chats = range(20_000, 20_002)
    async with one.services.db.transaction() as conn:
        notice = await enqueue(
            conn, chat_id=chats[0], kind="notice", message=OutgoingMessage("hello"),
            now=clock.now(),
        )  # fmt: skip
        digest = await enqueue(
            conn, chat_id=chats[1], kind="digest", message=OutgoingMessage("digest"),
            now=clock.now(),
        )  # fmt: skip
    rows = OutboxRepository(one.services.db)
    lease = clock.now() + one.services.outbox.lease_seconds
    # process one took both rows and died before Telegram answered
    assert notice is not None and digest is not None
    assert await rows.claim(notice, lease) and await rows.claim(digest, lease)
    assert not await rows.claim(notice, lease)  # nobody else can take a row being sent
    await two.tick()  # the lease is live: process two leaves the rows alone
    assert _sent(shared, chats) == []
    statuses = "SELECT status FROM outbox ORDER BY id"
    assert [row[0] for row in await two.services.db.fetchall(statuses)] == ["sending"] * 2
    clock.advance(timedelta(seconds=one.services.outbox.lease_seconds + 1))
    await two.tick()  # expired: the notice once more (marked), the digest never twice
    assert _sent(shared, chats) == [RESENT_MARK + "hello"]
    assert [row[0] for row in await two.services.db.fetchall(statuses)] == ["sent"] * 2
    await two.tick()
    assert _sent(shared, chats) == [RESENT_MARK + "hello"]


@pytest.mark.postgres_only
async def test_the_tick_runs_in_one_process_at_a_time(shared: tuple[Harness, Harness]) -> None:
    one, two = shared
    async with one.services.db.exclusive("tick") as first:
        assert first
        async with two.services.db.exclusive("tick") as second:
            assert not second  # another process is ticking: this one only sends
    async with two.services.db.exclusive("tick") as again:
        assert again


@pytest.mark.postgres_only
async def test_two_processes_ticking_together_send_each_digest_once(
    shared: tuple[Harness, Harness], clock: ManualClock
) -> None:
    one, two = shared
    now = clock.now()
    async with one.services.db.transaction() as conn:
        for n in range(40):
            [(person,)] = await conn.execute_fetchall(
                "INSERT INTO people (telegram_id, chat_id, display_name, locale, timezone,"
                " created_at) VALUES (?, ?, ?, 'en', 'UTC', ?) RETURNING id",
                (30_000 + n, 30_000 + n, f"P{n}", now - 86400),
            )
            await conn.execute(
                "INSERT INTO practitioners (person_id, active, created_at, next_digest_at,"
                " send_empty_digest, work_days) VALUES (?, 1, ?, ?, 1, '0,1,2,3,4,5,6')",
                (person, now - 86400, now - 5),
            )
    for _ in range(3):
        await asyncio.gather(one.tick(), two.tick())
    per_chat = [
        len(one.telegram.bot_messages(30_000 + n)) + len(two.telegram.bot_messages(30_000 + n))
        for n in range(40)
    ]
    assert per_chat == [1] * 40  # every digest, none twice


class _Recording:
    """A bot application that notes when each update's application starts and ends."""

    def __init__(self, app: BotApp, events: list[tuple[str, int]]) -> None:
        self._app, self._events = app, events

    def __getattr__(self, name: str) -> Any:
        return getattr(self._app, name)

    async def process_update(self, update: object) -> None:
        assert isinstance(update, Update)
        self._events.append(("start", update.update_id))
        try:
            await self._app.process_update(update)
        finally:
            self._events.append(("end", update.update_id))


def _one_at_a_time(events: list[tuple[str, int]]) -> list[int]:
    """The update ids in the order they were applied; fails if two applications overlapped."""
    order = []
    for n in range(0, len(events), 2):
        (start, first), (end, second) = events[n], events[n + 1]
        assert (start, end) == ("start", "end") and first == second, events
        order.append(first)
    return order


async def _gates(shared: tuple[Harness, Harness]) -> tuple[list[UpdateGate], list[tuple[str, int]]]:
    events: list[tuple[str, int]] = []
    gates = [UpdateGate(cast("BotApp", _Recording(each.app, events))) for each in shared]
    for gate in gates:
        await gate.load()
    return gates, events


@pytest.mark.postgres_only
async def test_one_persons_updates_sent_in_turn_to_two_processes_apply_in_id_order(
    shared: tuple[Harness, Harness],
) -> None:
    """Telegram sends one person's twelve updates in order over several connections, each
    before the previous one was answered, and the proxy hands them to two processes in turn.

    Each is applied only after the one before it ended (never two at once), in update id order,
    and each process's request ends only after its update was applied: the replies come in the
    order the person wrote.
    """
    one, two = shared
    gates, events = await _gates(shared)
    texts = ["/help" if n % 2 == 0 else "/nope" for n in range(12)]
    updates = [one.telegram.text_update(ADMIN, text) for text in texts]
    db = one.services.db

    async def received(update_id: int) -> bool:
        """Its process has it: applying it, waiting for its turn, or done with it."""
        if ("start", update_id) in events:
            return True
        noted = await db.fetchval(
            "SELECT COUNT(*) FROM updates_in_progress WHERE update_id = ?", (update_id,)
        )
        done = await db.fetchval(
            "SELECT COUNT(*) FROM processed_updates WHERE update_id = ?", (update_id,)
        )
        return bool(noted or done)

    tasks = []
    for n, data in enumerate(updates):
        harness, gate = shared[n % 2], gates[n % 2]
        tasks.append(
            asyncio.create_task(gate.run(harness.telegram.to_update(data, harness.app.bot)))
        )
        for _ in range(1000):  # the next one is sent once this one reached its process
            if await received(data["update_id"]):
                break
            await asyncio.sleep(0.01)
    await asyncio.wait_for(asyncio.gather(*tasks), timeout=60)

    assert _one_at_a_time(events) == [data["update_id"] for data in updates]
    replies = [one.telegram.bot_messages(ADMIN.id), two.telegram.bot_messages(ADMIN.id)]
    assert [len(each) for each in replies] == [6, 6]  # each update answered once, by its process
    helps = {message.text for message in replies[0]}
    unknown = {message.text for message in replies[1]}
    assert len(helps) == len(unknown) == 1 and helps != unknown
    assert await db.fetchval("SELECT COUNT(*) FROM updates_in_progress") == 0
    assert await db.fetchval("SELECT COUNT(*) FROM processed_updates") == 12


@pytest.mark.postgres_only
async def test_one_persons_updates_racing_in_two_processes_never_overlap(
    shared: tuple[Harness, Harness],
) -> None:
    """Twenty updates of one person reach two processes at the same moment, ten each, and
    Telegram sends four of them again to the other process: every one is applied exactly once,
    never two of them at the same time; another person's four, sent meanwhile, are applied too."""
    one, two = shared
    gates, events = await _gates(shared)
    mine = [one.telegram.text_update(ADMIN, "/help") for _ in range(20)]
    other = [one.telegram.text_update(CLIENT, "/help") for _ in range(4)]
    runs = (
        [
            gates[n % 2].run(shared[n % 2].telegram.to_update(data, shared[n % 2].app.bot))
            for n, data in enumerate(mine)
        ]
        + [  # the same update, again, to the other process
            gates[1 - n % 2].run(
                shared[1 - n % 2].telegram.to_update(data, shared[1 - n % 2].app.bot)
            )
            for n, data in enumerate(mine[:4])
        ]
    )
    runs += [
        gates[n % 2].run(shared[n % 2].telegram.to_update(data, shared[n % 2].app.bot))
        for n, data in enumerate(other)
    ]
    await asyncio.wait_for(asyncio.gather(*runs), timeout=60)

    ids = {data["update_id"] for data in mine}
    applied = _one_at_a_time([event for event in events if event[1] in ids])
    assert sorted(applied) == sorted(ids)  # each exactly once, one at a time
    theirs = [update_id for kind, update_id in events if kind == "end" and update_id not in ids]
    assert sorted(theirs) == [data["update_id"] for data in other]
    sent = len(one.telegram.bot_messages(ADMIN.id)) + len(two.telegram.bot_messages(ADMIN.id))
    assert sent == 20
    assert await one.services.db.fetchval("SELECT COUNT(*) FROM updates_in_progress") == 0


class _Applications:
    """Records when each update's handlers start and end, in both processes, and can hold one."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.log: list[tuple[str, int]] = []
        self.held: dict[int, asyncio.Event] = {}
        original = Application.process_update

        async def recorded(app: Application, update: object) -> None:  # type: ignore[type-arg]
            number = update.update_id  # type: ignore[attr-defined]
            self.log.append(("start", number))
            try:
                if number in self.held:
                    await self.held[number].wait()
                await original(app, update)
            finally:
                self.log.append(("end", number))

        monkeypatch.setattr(Application, "process_update", recorded)

    async def until(self, condition: Callable[[], Awaitable[bool]]) -> None:
        for _ in range(1000):
            if await condition():
                return
            await asyncio.sleep(0.01)
        raise AssertionError("timed out")


async def _waiting(harness: Harness) -> list[int]:
    rows = await harness.services.db.fetchall(
        "SELECT update_id FROM updates_in_progress WHERE started_at IS NULL ORDER BY update_id"
    )
    return [int(row["update_id"]) for row in rows]


@pytest.mark.postgres_only
async def test_one_persons_updates_are_applied_in_id_order_across_processes(
    shared: tuple[Harness, Harness], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two processes (two applications, two pools, one database) receive one person's updates
    out of order and at once: they are applied one at a time, in update id order.

    Process one is applying update 1 when updates 6, 4, 2 reach process two and 5, 3 reach
    process one, all at once. Each is noted in the database and waits; once 1 is done, 2 to 6
    follow in id order, never two at a time, whichever process holds each. A copy of one of
    them sent again afterwards is skipped.
    """
    one, two = shared
    applications = _Applications(monkeypatch)
    gates = UpdateGate(one.app), UpdateGate(two.app)
    for gate in gates:
        await gate.load()
    data = [one.telegram.text_update(ADMIN, "/help") for _ in range(6)]
    ids = [update["update_id"] for update in data]
    assert ids == sorted(ids)
    applications.held[ids[0]] = asyncio.Event()
    harnesses = (one, two)

    def deliver(index: int, process: int) -> asyncio.Task[None]:
        update = harnesses[process].telegram.to_update(data[index], harnesses[process].app.bot)
        return asyncio.create_task(gates[process].run(update))

    first = deliver(0, 0)

    async def started() -> bool:
        return applications.log == [("start", ids[0])]

    await applications.until(started)
    rest = [deliver(5, 1), deliver(4, 0), deliver(3, 1), deliver(2, 0), deliver(1, 1)]

    async def all_waiting() -> bool:
        return await _waiting(one) == ids[1:]

    await applications.until(all_waiting)
    assert applications.log == [("start", ids[0])]  # nothing else began meanwhile
    applications.held[ids[0]].set()
    await asyncio.wait_for(asyncio.gather(first, *rest), timeout=60)
    # one at a time, in update id order: the state is that of applying them in order
    assert applications.log == [(edge, n) for n in ids for edge in ("start", "end")]
    replies = one.telegram.bot_messages(ADMIN.id) + two.telegram.bot_messages(ADMIN.id)
    assert len(replies) == 6

    await gates[0].run(one.telegram.to_update(data[3], one.app.bot))  # sent again: skipped
    assert len(applications.log) == 12
    assert await one.services.db.fetchval("SELECT COUNT(*) FROM updates_in_progress") == 0
    applied = await one.services.db.fetchall("SELECT update_id FROM processed_updates")
    assert sorted(int(row["update_id"]) for row in applied) == ids


@pytest.mark.postgres_only
async def test_an_update_sent_again_while_applied_elsewhere_waits_and_is_skipped(
    shared: tuple[Harness, Harness], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A copy of an update reaches process two while process one is still applying it (the
    proxy retried, or Telegram re-sent it): two waits, finds it applied, applies nothing."""
    one, two = shared
    applications = _Applications(monkeypatch)
    gates = UpdateGate(one.app), UpdateGate(two.app)
    data = one.telegram.text_update(ADMIN, "/help")
    number = int(data["update_id"])
    applications.held[number] = asyncio.Event()
    first = asyncio.create_task(gates[0].run(one.telegram.to_update(data, one.app.bot)))

    async def started() -> bool:
        return applications.log == [("start", number)]

    await applications.until(started)
    copy = asyncio.create_task(gates[1].run(two.telegram.to_update(data, two.app.bot)))

    async def copy_polled() -> bool:  # the copy renewed the note: it is waiting
        value = await one.services.db.fetchval(
            "SELECT received_at FROM updates_in_progress WHERE update_id = ?", (number,)
        )
        return value is not None and not copy.done()

    await applications.until(copy_polled)
    for _ in range(20):  # it keeps waiting while the first copy is applied
        await asyncio.sleep(0)
    assert not copy.done() and applications.log == [("start", number)]
    applications.held[number].set()
    await asyncio.wait_for(asyncio.gather(first, copy), timeout=30)
    assert applications.log == [("start", number), ("end", number)]  # applied once
    assert len(one.telegram.bot_messages(ADMIN.id)) == 1
    assert two.telegram.bot_messages(ADMIN.id) == []


@pytest.mark.postgres_only
async def test_an_unanswered_update_hands_the_turn_on_and_stays_unconfirmed(
    shared: tuple[Harness, Harness], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Telegram was unreachable while process one answered update 1: it is not recorded (the
    webhook answers 503 and Telegram sends it again), and process two's update 2 goes on."""
    one, two = shared
    applications = _Applications(monkeypatch)
    gates = UpdateGate(one.app), UpdateGate(two.app)
    data = [one.telegram.text_update(ADMIN, "/help") for _ in range(2)]
    ids = [int(update["update_id"]) for update in data]
    applications.held[ids[0]] = asyncio.Event()
    first = asyncio.create_task(gates[0].run(one.telegram.to_update(data[0], one.app.bot)))

    async def started() -> bool:
        return applications.log == [("start", ids[0])]

    await applications.until(started)
    second = asyncio.create_task(gates[1].run(two.telegram.to_update(data[1], two.app.bot)))

    async def waiting() -> bool:
        return await _waiting(one) == ids[1:]

    await applications.until(waiting)
    one.services.unanswered.add(ids[0])  # as the sender records a reply that did not go
    applications.held[ids[0]].set()
    with pytest.raises(TelegramUnavailableError):
        await asyncio.wait_for(first, timeout=30)
    await asyncio.wait_for(second, timeout=30)
    applied = await one.services.db.fetchall("SELECT update_id FROM processed_updates")
    assert [int(row["update_id"]) for row in applied] == [ids[1]]
    # Telegram sends update 1 again, to process two this time: applied now
    await gates[1].run(two.telegram.to_update(data[0], two.app.bot))
    assert applications.log[-2:] == [("start", ids[0]), ("end", ids[0])]
    assert await one.services.db.fetchval("SELECT COUNT(*) FROM updates_in_progress") == 0
