"""Shared fixtures: settings on a temporary database, a manual clock, the harness."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.clock import ManualClock
from bot.sandbox.fake_telegram import FakeUser
from bot.sandbox.harness import Harness
from bot.settings import Settings, load_settings
from bot.storage import Database, open_database
from tests.pg_server import PostgresServer, ServerNotFoundError, find_binaries

BACKENDS = ("sqlite", "postgresql")

ADMIN = FakeUser(1001, "Ada", "en")
PRACTITIONER = FakeUser(2002, "Pat", "en", last_name="Rivera")
CLIENT = FakeUser(3003, "Chris", "en")
STRANGER = FakeUser(4004, "Sam", "en")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--backend",
        choices=BACKENDS,
        default=os.environ.get("CHECKIN_TEST_BACKEND", "sqlite") or "sqlite",
        help="the database the suite runs on (default: $CHECKIN_TEST_BACKEND or sqlite); "
        "postgresql starts a throwaway server from the system's PostgreSQL binaries",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "sqlite_only(reason): the test is about SQLite itself (its file, WAL, PRAGMAs); "
        "it is skipped, with the reason, when the suite runs on PostgreSQL",
    )
    config.addinivalue_line(
        "markers",
        "postgres_only: the test is about PostgreSQL itself; it runs in the PostgreSQL suite",
    )
    backend = config.getoption("--backend")
    if backend not in BACKENDS:
        raise pytest.UsageError(f"CHECKIN_TEST_BACKEND must be one of {', '.join(BACKENDS)}")
    if backend == "postgresql":
        try:
            find_binaries()  # fail loudly now, never skip quietly later
        except ServerNotFoundError as error:
            raise pytest.UsageError(str(error)) from None


def pytest_report_header(config: pytest.Config) -> str:
    return f"database backend: {config.getoption('--backend')}"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--backend") != "postgresql":
        for item in items:
            if item.get_closest_marker("postgres_only") is not None:
                item.add_marker(
                    pytest.mark.skip(reason="PostgreSQL only: runs in make test-postgres")
                )
        return
    # A test that opens no database of the run's backend (parsing, wording, the crisis model,
    # the wheel, the sandbox's own SQLite file) would only repeat the SQLite half: it runs there.
    kept, repeated = [], []
    for item in items:
        if not _uses_the_backend(item):
            repeated.append(item)
            continue
        kept.append(item)
        marker = item.get_closest_marker("sqlite_only")
        if marker is not None:
            reason = marker.kwargs.get("reason") or (marker.args[0] if marker.args else "")
            item.add_marker(pytest.mark.skip(reason=f"SQLite only: {reason}"))
    if repeated:
        config.hook.pytest_deselected(items=repeated)
        items[:] = kept


_BACKEND_FIXTURES = frozenset({"database_url", "postgres_server", "backend"})


def _uses_the_backend(item: pytest.Item) -> bool:
    """Whether the test opens a database of the run's backend (or is about PostgreSQL)."""
    if item.get_closest_marker("postgres_only") is not None:
        return True
    return not _BACKEND_FIXTURES.isdisjoint(getattr(item, "fixturenames", ()))


@pytest.fixture(scope="session")
def backend(pytestconfig: pytest.Config) -> str:
    """``sqlite`` or ``postgresql``: what this run's databases are."""
    return str(pytestconfig.getoption("--backend"))


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A PostgreSQL server for the whole run (started on first use)."""
    server = PostgresServer()
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture
def database_url(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> Iterator[str]:
    """A fresh migrated database for one test: a PostgreSQL URL, or a SQLite file's URL."""
    if backend != "postgresql":
        yield f"sqlite:///{tmp_path / 'bot.db'}"
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    url = server.create_database()
    try:
        yield url
    finally:
        server.drop_database(url)


@pytest.fixture
def database_env(database_url: str) -> dict[str, str]:
    """The environment that points a ``checkin-bot`` process at this test's database."""
    return {"DATABASE_URL": database_url}


@pytest.fixture
async def database(database_url: str) -> AsyncIterator[Database]:
    """This test's database, open and migrated, on the run's backend."""
    db = open_database(database_url)
    await db.open()
    try:
        yield db
    finally:
        await db.close()


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Keep the developer's environment and .env out of tests."""
    for name in Settings.model_fields:
        monkeypatch.delenv(name.upper(), raising=False)
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    """Settings for one test: its own database (on the run's backend), one admin."""
    return load_settings(
        None,
        database_url=database_url,
        admin_ids=(ADMIN.id,),
        telegram_bot_token="123456:TEST-TOKEN-abcdefghijklmnopqrstuvwxyz",
        # the call budget is in the path as in production, but the pretend Telegram allows
        # more than 30 a second, so a test does not wait in real time for it
        # (tests/test_delivery_budget.py holds the budget to Telegram's 30)
        telegram_messages_per_second=1000,
    )


@pytest.fixture
def clock() -> ManualClock:
    """A clock at Monday 2026-03-02 09:00 UTC that moves only when told."""
    return ManualClock(datetime(2026, 3, 2, 9, 0, tzinfo=UTC))


@pytest.fixture
async def harness(settings: Settings, clock: ManualClock) -> AsyncIterator[Harness]:
    """The real application on the pretend Telegram."""
    async with Harness(settings, clock) as running:
        yield running


def invite_code(text: str) -> str:
    """Pull the start code out of a message containing an invite link."""
    marker = "?start="
    assert marker in text, text
    return text.split(marker, 1)[1].split()[0]


async def onboard_practitioner(harness: Harness, user: FakeUser = PRACTITIONER) -> None:
    """Admin invites ``user``, who opens the link."""
    [link] = await harness.send(ADMIN, "/newpractitioner")
    await harness.send(user, f"/start {invite_code(link.text)}")


async def always_on(harness: Harness, user: FakeUser = PRACTITIONER) -> int:
    """Opt ``user`` out of the protective defaults: every day, no quiet hours, request alerts
    at once (for tests about delivery itself, not about boundaries); return their id."""
    person_id = int(
        await harness.services.db.fetchval(
            "SELECT id FROM people WHERE telegram_id = ?", (user.id,)
        )
    )
    await harness.services.digests.update(
        person_id,
        quiet_start=None,
        quiet_end=None,
        work_days=frozenset(range(7)),
        request_alerts="now",
    )
    return person_id


async def onboard_client(
    harness: Harness, user: FakeUser = CLIENT, practitioner: FakeUser = PRACTITIONER
) -> None:
    """``practitioner`` invites ``user``, who agrees to the consent screen."""
    [link] = await harness.send(practitioner, "/invite")
    await harness.send(user, f"/start {invite_code(link.text)}")
    await harness.press(user, "✅")
