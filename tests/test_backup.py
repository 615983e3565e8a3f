"""``checkin-bot backup``: a consistent copy while the bot keeps writing, and restoring it."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from bot.cli import BackupError, backup_database, main
from bot.storage.sqlite import SqliteDatabase as Database

ROOT = Path(__file__).resolve().parent.parent
Run = Callable[..., tuple[int, str, str]]
TIMEOUT = 120  # a ceiling for a stuck process, never a pause

pytestmark = pytest.mark.sqlite_only(reason="the backup command copies the SQLite file")


class Writer:
    """Keeps inserting a person and their practitioner row, one transaction per pair."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.committed = 0
        self._changed = asyncio.Condition()
        self._stop = False
        self._done = False
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        """Start writing in the background."""
        self._task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        try:
            while not self._stop:
                number = self.committed + 1
                async with self.db.transaction() as conn:
                    await conn.execute(
                        "INSERT INTO people (id, telegram_id, chat_id, display_name, locale,"
                        " timezone, created_at) VALUES (?, ?, ?, ?, 'en', 'UTC', ?)",
                        (number, 10_000 + number, 10_000 + number, f"Person {number}", number),
                    )
                    await conn.execute(
                        "INSERT INTO practitioners (person_id, created_at) VALUES (?, ?)",
                        (number, number),
                    )
                async with self._changed:
                    self.committed = number
                    self._changed.notify_all()
        finally:
            async with self._changed:
                self._done = True
                self._changed.notify_all()

    async def reach(self, count: int) -> None:
        """Wait until at least ``count`` pairs are committed."""
        async with self._changed:
            await asyncio.wait_for(
                self._changed.wait_for(lambda: self.committed >= count or self._done), TIMEOUT
            )
        if self.committed < count:  # the writer failed: show why
            assert self._task is not None
            await self._task
            raise AssertionError("the writer stopped early")

    async def stop(self) -> None:
        """Finish the pair in progress and stop."""
        self._stop = True
        if self._task is not None:
            await asyncio.wait_for(self._task, TIMEOUT)


@pytest.fixture
async def live(tmp_path: Path) -> AsyncIterator[Database]:
    """The bot's database, open in WAL mode with every migration, with some bulk in it."""
    db = Database(tmp_path / "data" / "checkin.db")
    await db.open()
    await db.execute("CREATE TABLE bulk (id INTEGER PRIMARY KEY, filler BLOB NOT NULL)")
    await db.executemany(
        "INSERT INTO bulk (filler) VALUES (?)", [(bytes(4096),) for _ in range(1000)]
    )
    yield db
    await db.close()


def _rows(path: Path, sql: str) -> list[tuple[Any, ...]]:
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
        return list(conn.execute(sql))


def _count(path: Path, table: str) -> int:
    return int(_rows(path, f"SELECT COUNT(*) FROM {table}")[0][0])


async def test_backup_while_another_connection_keeps_writing(
    live: Database, tmp_path: Path
) -> None:
    writer = Writer(live)
    writer.start()
    try:
        await writer.reach(50)
        before = writer.committed
        copy = tmp_path / "backups" / "nested" / "copy.db"
        result = await asyncio.to_thread(backup_database, live.path, copy)
        after = writer.committed
        await writer.reach(after + 10)  # the bot was never held up, and keeps writing
    finally:
        await writer.stop()

    assert result.path == copy.resolve()
    assert result.size == copy.stat().st_size
    assert result.schema_version == await live.schema_version() > 0
    assert _rows(copy, "PRAGMA integrity_check") == [("ok",)]
    assert _rows(copy, "PRAGMA journal_mode") == [("delete",)]  # one self-contained file
    people = _count(copy, "people")
    assert before <= people <= after
    # A snapshot: each pair was one transaction, so the copy holds both rows or neither.
    assert _count(copy, "practitioners") == people
    assert _rows(copy, "SELECT MIN(id), MAX(id) FROM people") == [(1, people)]
    assert _count(copy, "bulk") == 1000
    assert sorted(os.listdir(copy.parent)) == ["copy.db"]  # no temporary file left behind
    assert copy.stat().st_mode & 0o077 == 0  # personal data: readable by its owner only


async def test_an_open_write_transaction_neither_blocks_the_backup_nor_gets_into_it(
    live: Database, tmp_path: Path
) -> None:
    await live.execute(
        "INSERT INTO people (telegram_id, chat_id, display_name, locale, timezone, created_at)"
        " VALUES (1, 1, 'Committed', 'en', 'UTC', 0)"
    )
    copy = tmp_path / "copy.db"
    async with live.transaction() as conn:
        await conn.execute(
            "INSERT INTO people (telegram_id, chat_id, display_name, locale, timezone,"
            " created_at) VALUES (2, 2, 'Uncommitted', 'en', 'UTC', 0)"
        )
        await asyncio.to_thread(backup_database, live.path, copy)
    assert _rows(copy, "SELECT display_name FROM people") == [("Committed",)]
    assert await live.fetchval("SELECT COUNT(*) FROM people") == 2


async def test_the_copy_restores_with_the_bots_own_storage(live: Database, tmp_path: Path) -> None:
    writer = Writer(live)
    writer.start()
    try:
        await writer.reach(20)
        copy = tmp_path / "copy.db"
        await asyncio.to_thread(backup_database, live.path, copy)
    finally:
        await writer.stop()

    restored = Database(copy)
    await restored.open()
    try:
        assert await restored.schema_version() == await live.schema_version()
        people = await restored.fetchval("SELECT COUNT(*) FROM people")
        assert people >= 20
        row = await restored.fetchone(
            "SELECT p.display_name FROM practitioners r JOIN people p ON p.id = r.person_id"
            " WHERE r.person_id = ?",
            (people,),
        )
        assert row is not None and row["display_name"] == f"Person {people}"
        assert await restored.fetchval("SELECT COUNT(*) FROM bulk") == 1000
        await restored.execute("DELETE FROM bulk")  # and it is writable like the original
    finally:
        await restored.close()


# ----- the real console script -----------------------------------------------------------------


async def _cli(cwd: Path, *args: str, **env: str) -> tuple[int, str, str]:
    """Run ``python -m bot`` in a subprocess; return its exit status, stdout and stderr."""
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", *args, cwd=cwd,
        env={"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(ROOT), **env},
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    out, err = await asyncio.wait_for(process.communicate(), TIMEOUT)
    assert process.returncode is not None
    return process.returncode, out.decode(), err.decode()


async def test_the_console_script_backs_up_the_running_bots_database(
    live: Database, tmp_path: Path
) -> None:
    database = str(live.path)
    copy = tmp_path / "backups" / "checkin.db"
    writer = Writer(live)
    writer.start()
    try:
        await writer.reach(10)
        status, out, err = await _cli(tmp_path, "backup", str(copy), DATABASE_PATH=database)
    finally:
        await writer.stop()
    assert (status, err) == (0, "")
    [line] = out.splitlines()
    version = await live.schema_version()
    assert line.startswith(f"Backed up {database} to {copy}: ")
    assert f"schema version {version}, integrity ok, " in line
    assert line.endswith(" s")
    assert _count(copy, "people") >= 10
    assert _rows(copy, "PRAGMA integrity_check") == [("ok",)]

    original = copy.read_bytes()
    status, out, err = await _cli(tmp_path, "backup", str(copy), DATABASE_PATH=database)
    assert (status, out) == (1, "")
    assert err.splitlines() == [
        f"backup failed: {copy}: already exists; pass --force to replace it"
    ]
    assert copy.read_bytes() == original

    status, out, err = await _cli(tmp_path, "backup", "--force", str(copy), DATABASE_PATH=database)
    assert (status, err) == (0, "")
    assert out.startswith("Backed up ")


async def test_the_console_script_explains_a_missing_database(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "checkin.db"
    copy = tmp_path / "copy.db"
    status, out, err = await _cli(tmp_path, "backup", str(copy), DATABASE_PATH=str(missing))
    assert (status, out) == (1, "")
    assert err.splitlines() == [
        f"backup failed: {missing}: no database there (check DATABASE_PATH or --db)"
    ]
    assert not missing.exists() and not missing.parent.exists()  # nothing was created
    assert not copy.exists()


async def test_db_overrides_database_path(live: Database, tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    status, out, err = await _cli(
        tmp_path, "backup", "--db", str(live.path), str(copy),
        DATABASE_PATH=str(tmp_path / "missing.db"),
    )  # fmt: skip
    assert (status, err) == (0, "")
    assert out.startswith(f"Backed up {live.path} to {copy}: ")


async def test_settings_problems_exit_2(tmp_path: Path) -> None:
    status, _, err = await _cli(tmp_path, "backup", "copy.db", ADMIN_IDS="x")
    assert status == 2
    assert err.splitlines() == [
        "Setting ADMIN_IDS: must be comma-separated Telegram user ids, e.g. 111,222"
    ]


# ----- refusals, in process ------------------------------------------------------------------


@pytest.fixture
def run(live: Database, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Run:
    """``main(["backup", ...])`` against ``live``; returns (status, stdout, stderr)."""
    monkeypatch.setenv("DATABASE_PATH", str(live.path))

    def call(*args: str) -> tuple[int, str, str]:
        status = main(["backup", *args])
        captured = capsys.readouterr()
        return status, captured.out, captured.err

    return call


async def test_refusals_are_one_clear_line(
    run: Run, live: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    in_the_way = tmp_path / "a-file"
    in_the_way.write_text("not a folder")
    own = "is the live database's own file; choose another path"
    cases = {
        str(tmp_path): f"{tmp_path}: is a folder; give the copy a file name",
        str(live.path): f"{live.path}: {own}",
        f"{live.path}-wal": f"{live.path}-wal: {own}",
        str(in_the_way / "copy.db"): f"{in_the_way}: cannot be a folder, a file is in the way",
    }
    for target, problem in cases.items():
        assert run(target, "--force") == (1, "", f"backup failed: {problem}\n")

    not_a_database = tmp_path / "notes.txt"
    not_a_database.write_text("hello")
    assert run("--db", str(not_a_database), str(tmp_path / "x.db")) == (
        1, "", f"backup failed: {not_a_database}: cannot copy: file is not a database\n",
    )  # fmt: skip

    def unwritable(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", unwritable)
    assert run(str(tmp_path / "locked" / "x.db")) == (
        1, "", f"backup failed: {tmp_path / 'locked'}: cannot write there: Permission denied\n",
    )  # fmt: skip
    assert sorted(os.listdir(tmp_path)) == sorted(["a-file", "data", "locked", "notes.txt"])
    assert await live.fetchval("SELECT COUNT(*) FROM bulk") == 1000  # the original is untouched


def test_a_copy_that_fails_the_integrity_check_is_not_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    damaged = tmp_path / "damaged.db"
    with closing(sqlite3.connect(damaged, isolation_level=None)) as conn:
        conn.execute("CREATE TABLE t (a INTEGER, b INTEGER)")
        conn.execute("CREATE INDEX t_a ON t (a)")
        conn.executemany("INSERT INTO t VALUES (?, ?)", [(n, -n) for n in range(100)])
        conn.execute("PRAGMA writable_schema = ON")  # the index no longer matches its table
        conn.execute(
            "UPDATE sqlite_master SET sql = 'CREATE INDEX t_a ON t (b)' WHERE name = 't_a'"
        )
    copy = tmp_path / "backups" / "copy.db"
    assert main(["backup", "--db", str(damaged), str(copy)]) == 1
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith(f"backup failed: {damaged}: its copy fails PRAGMA integrity_check (")
    assert line.endswith("); nothing was kept")
    assert os.listdir(copy.parent) == []


def test_backup_database_raises_backup_error_for_a_missing_source(tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="no database there"):
        backup_database(tmp_path / "missing.db", tmp_path / "copy.db")


def test_help_describes_backup(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["backup", "--help"])
    out = capsys.readouterr().out
    assert "online" in out and "--force" in out and "--db PATH" in out
