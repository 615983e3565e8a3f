"""The command line: ``checkin-bot run``, ``checkin-bot start`` and friends."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import sqlite3
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from bot.logs import clamp_libraries
from bot.settings import Settings, SettingsError, exit_on_error, load_settings, token_configured

if TYPE_CHECKING:
    from bot.services.catalogue import CatalogueService, ImportReport

__all__ = ["BackupError", "BackupResult", "backup_database", "main"]

_log = logging.getLogger("bot")
_T = TypeVar("_T")


class _RedactToken(logging.Filter):
    """Replace the bot token wherever it would appear in a log line."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self._token = token

    def filter(self, record: logging.LogRecord) -> bool:
        if self._token:
            message = record.getMessage()
            if self._token in message:
                record.msg = message.replace(self._token, "<token>")
                record.args = ()
        return True


def setup_logging(settings: Settings) -> None:
    """Log to stderr at ``LOG_LEVEL``; keep the token and HTTP noise out."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    token = settings.telegram_bot_token.get_secret_value() if settings.telegram_bot_token else ""
    handler.addFilter(_RedactToken(token))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(settings.log_level)
    # User text, names and ids are never logged, whatever LOG_LEVEL says (bot/logs.py).
    clamp_libraries(logging.getLevelName(settings.log_level))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="checkin-bot",
        description="A Telegram check-in bot for client-centred care. Settings come from the "
        "environment or a .env file (see .env.example).",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser(
        "run",
        help="run the bot against Telegram (long polling; webhook mode when WEBHOOK_URL is set)",
        description="Run the bot. Needs TELEGRAM_BOT_TOKEN. Uses long polling unless WEBHOOK_URL "
        "is set, in which case it listens on WEBHOOK_LISTEN:WEBHOOK_PORT.",
    )
    commands.add_parser(
        "start",
        help="what `make run` does: run the bot if TELEGRAM_BOT_TOKEN is set, else the sandbox",
        description="Run the bot when a token is configured; otherwise explain how to get one "
        "and start the local sandbox (see `checkin-bot sandbox --help`).",
    )
    sandbox = commands.add_parser(
        "sandbox",
        help="chat with the real bot in this terminal, on a pretend Telegram (no token needed)",
        description="Run the real bot on its own SQLite file, talking to a pretend Telegram, "
        "with example people and three weeks of history. Type as any of them; :help lists the "
        "sandbox commands (switch person, tap buttons, move the clock). Never touches "
        "DATABASE_PATH and needs no TELEGRAM_BOT_TOKEN.",
    )
    sandbox.add_argument(
        "--db", default="data/sandbox.db", metavar="PATH", help="the sandbox's database file"
    )
    sandbox.add_argument(
        "--fresh", action="store_true", help="start over: delete the sandbox's database first"
    )
    sandbox.add_argument(
        "--script",
        metavar="FILE",
        help="run the commands in FILE ('-' for standard input), print the transcript, exit",
    )
    sandbox.add_argument(
        "--start",
        metavar="ISO",
        help="the clock of a new sandbox, e.g. 2026-03-02T09:00Z (default: now)",
    )
    commands.add_parser("check-settings", help="validate the settings and print them (no secrets)")
    resources = commands.add_parser(
        "resources",
        help="import or export the resource catalogue and safety information (YAML)",
        description="Keep the resource catalogue and the safety information current. The file "
        "format is described in docs/resources.md. Needs no Telegram token.",
    )
    actions = resources.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser(
        "import",
        help="check FILE and, if it is sound, make it the catalogue (all or nothing)",
        description="Check FILE and list every problem; if there are none, import it in one "
        "transaction and report what was added, changed and removed. Exit status 1 if the "
        "file is rejected.",
    ).add_argument("file", metavar="FILE", help="the YAML file ('-' reads standard input)")
    actions.add_parser(
        "export",
        help="write the current catalogue and safety information to FILE",
        description="Write the visible catalogue and the safety information to FILE in the "
        "import format.",
    ).add_argument("file", metavar="FILE", help="where to write ('-' writes standard output)")
    backup = commands.add_parser(
        "backup",
        help="copy the database to PATH safely, even while the bot runs",
        description="Copy the database (DATABASE_PATH, or --db) to PATH with SQLite's online "
        "backup API: a consistent snapshot, taken while the bot keeps running and writing. The "
        "copy is written to a temporary file next to PATH, checked with PRAGMA integrity_check "
        "and only then renamed into place; missing folders are created. Never copy the live "
        ".db file with cp: recent changes live in its -wal file. Exit status 1 if the backup "
        "fails. Needs no Telegram token.",
    )
    backup.add_argument(
        "path", metavar="PATH", help="where to write the copy, e.g. backups/checkin-2026-03-02.db"
    )
    backup.add_argument(
        "--db", metavar="PATH", help="the database to copy (default: DATABASE_PATH)"
    )
    backup.add_argument("--force", action="store_true", help="replace PATH if it already exists")
    migrate = commands.add_parser(
        "migrate",
        help="copy the SQLite database into an empty PostgreSQL database",
        description="Copy every row of the SQLite database (DATABASE_PATH, or --from) into the "
        "empty PostgreSQL database at URL, in one transaction, and verify the row count of "
        "every table. Stop the bot first. Afterwards set DATABASE_URL=URL. Exit status 1 if "
        "the copy fails (nothing is kept in PostgreSQL then). Needs no Telegram token.",
    )
    migrate.add_argument(
        "--to", required=True, metavar="URL", help="postgresql://user:password@host/dbname"
    )
    migrate.add_argument(
        "--from", dest="source", metavar="PATH", help="the SQLite file (default: DATABASE_PATH)"
    )
    audit = commands.add_parser(
        "audit",
        help="print who viewed clients' data or changed something, and when",
        description="Print the audit trail, oldest first: one line per action with the time "
        "(UTC), who (a person id and role), what, and whom it concerned (a person id). It holds "
        "no content: never what anybody wrote.",
    )
    audit.add_argument(
        "--person", type=int, metavar="N", help="only actions by or about person id N"
    )
    audit.add_argument(
        "--since", metavar="DATE", help="only actions on or after DATE (YYYY-MM-DD, UTC)"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``checkin-bot`` and ``python -m bot``."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    if args.command == "sandbox":
        return _sandbox(args.db, fresh=args.fresh, script=args.script, start=args.start)
    try:
        settings = load_settings()
    except SettingsError as error:
        if args.command == "run" and not token_configured():
            error.problems.insert(0, _MISSING_TOKEN)
        exit_on_error(error)
        return 2
    if args.command == "check-settings":
        return _check_settings(settings)
    if args.command == "resources":
        return _resources(settings, args.action, args.file)
    if args.command == "audit":
        return _audit(settings, args.person, args.since)
    if args.command == "migrate":
        return _migrate(settings, args.to, args.source)
    if args.command == "backup":
        return _backup(settings, args.path, db=args.db, force=args.force)
    if args.command == "start" and settings.telegram_bot_token is None:
        print(_NO_TOKEN_HELP)
        return _sandbox("data/sandbox.db", fresh=False, script=None, start=None)
    if settings.telegram_bot_token is None:
        exit_on_error(SettingsError([_MISSING_TOKEN]))
        return 2
    setup_logging(settings)
    return _run(settings)


_MISSING_TOKEN = "TELEGRAM_BOT_TOKEN: missing; get one from @BotFather (see README.md)"  # noqa: S105

_NO_TOKEN_HELP = """\
No TELEGRAM_BOT_TOKEN is set, so this starts the local sandbox: the real bot with its own
database (data/sandbox.db), a pretend Telegram and a few example people, right here in the
terminal. Type :help to see what you can do there, Ctrl-D to leave. To run against Telegram,
create a bot with @BotFather, put TELEGRAM_BOT_TOKEN in .env (see .env.example) and run
make run again.
"""  # noqa: S105


def _sandbox(db: str, *, fresh: bool, script: str | None, start: str | None) -> int:
    """Run ``checkin-bot sandbox`` (imported late: the other commands do not need it)."""
    from bot.sandbox import run_from_cli

    return run_from_cli(db, fresh=fresh, script=script, start=start)


def _check_settings(settings: Settings) -> int:
    for name, value in settings.model_dump().items():
        shown = "<set>" if "token" in name and value is not None else value
        if name == "database_url" and value is not None:
            shown = settings.database_shown
        print(f"{name.upper()}={shown}")
    print(f"database backend: {settings.database_backend} ({settings.database_shown})")
    return 0


def _resources(settings: Settings, action: str, file: str) -> int:
    """Import or export the catalogue file; print the report; return the exit status."""
    from bot.services.catalogue import MAX_BYTES

    if action == "export":
        exported = asyncio.run(_with_catalogue(settings, lambda service: service.export_yaml()))
        if file == "-":
            sys.stdout.write(exported.decode("utf-8"))
        else:
            Path(file).write_bytes(exported)
            print(f"Exported the catalogue to {file}")
        return 0
    try:
        data = _read_limited(file, MAX_BYTES + 1)
    except OSError as error:
        print(f"{file}: cannot read: {error.strerror or error}", file=sys.stderr)
        return 1
    report = asyncio.run(_with_catalogue(settings, lambda service: service.import_bytes(data)))
    if not report.ok:
        print(f"{file}: rejected, nothing was changed. Problems:", file=sys.stderr)
        for problem in report.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print(f"Imported {file}:")
    for gap in report.safety_gaps:
        print(f"Warning: {gap.describe()}")
    for line in _report_lines(report):
        print(f"  {line}")
    return 0


def _audit(settings: Settings, person: int | None, since: str | None) -> int:
    """Print the audit trail; exit status 1 for a bad date."""
    from datetime import UTC, datetime

    from bot.storage import open_database
    from bot.storage.audit import AuditLog

    start = 0
    if since:
        try:
            start = int(datetime.strptime(since, "%Y-%m-%d").replace(tzinfo=UTC).timestamp())
        except ValueError:
            print(f"--since: not a date like 2026-03-02: {since!r}", file=sys.stderr)
            return 1

    async def read() -> list[str]:
        db = open_database(settings.database_target)
        await db.open()
        try:
            entries = await AuditLog(db).entries(person, start)
        finally:
            await db.close()
        return [
            f"{datetime.fromtimestamp(e.at, UTC).isoformat(timespec='seconds')}"
            f"  {e.role} {e.actor_id if e.actor_id is not None else '-'}  {e.action}"
            + (f"  person {e.subject_id}" if e.subject_id is not None else "")
            for e in entries
        ]

    lines = asyncio.run(read())
    for line in lines:
        print(line)
    if not lines:
        print("no entries", file=sys.stderr)
    return 0


async def _with_catalogue(
    settings: Settings, use: Callable[[CatalogueService], Awaitable[_T]]
) -> _T:
    """Open the database, run ``use`` with a catalogue service, and close the database."""
    from bot.clock import SystemClock
    from bot.services.catalogue import CatalogueService
    from bot.storage import open_database

    db = open_database(settings.database_target)
    await db.open()
    try:
        return await use(CatalogueService(db, SystemClock(), settings.default_locale))
    finally:
        await db.close()


def _read_limited(file: str, limit: int) -> bytes:
    """Read at most ``limit`` bytes of ``file`` (or standard input for '-')."""
    if file == "-":
        return sys.stdin.buffer.read(limit)
    with Path(file).open("rb") as stream:
        return stream.read(limit)


def _report_lines(report: ImportReport) -> list[str]:
    """Describe a successful import in plain English, one line per kind of change."""
    if not report.changed:
        return ["no changes"]
    lines = []
    for kind, added, changed, removed in (
        ("categories", report.categories_added, report.categories_changed,
         report.categories_removed),
        ("resources", report.resources_added, report.resources_changed,
         report.resources_removed),
    ):  # fmt: skip
        for verb, ids in (("added", added), ("changed", changed), ("removed (hidden)", removed)):
            if ids:
                lines.append(f"{kind} {verb}: {len(ids)} ({', '.join(ids)})")
    if report.tags_changed:
        lines.append("tags changed")
    if report.reordered:
        lines.append("order changed")
    if report.safety_changed:
        lines.append("safety information changed")
    return lines


class BackupError(Exception):
    """An expected reason a backup cannot be made, in one line for the operator."""


@dataclass(frozen=True)
class BackupResult:
    """A finished, checked backup."""

    path: Path
    size: int
    schema_version: int
    seconds: float


def _migrate(settings: Settings, url: str, source: str | None) -> int:
    """Run ``checkin-bot migrate --to URL``: copy SQLite into PostgreSQL, verified."""
    from bot.storage.database import describe_url, is_postgres_url
    from bot.storage.postgres import PostgresDatabase
    from bot.storage.sqlite import SqliteDatabase

    path = Path(source) if source else settings.database_path
    if not is_postgres_url(url):
        print(f"--to: not a PostgreSQL URL: {describe_url(url)}", file=sys.stderr)
        return 1
    if not path.is_file():
        print(f"migrate failed: {path}: no database there", file=sys.stderr)
        return 1

    async def copy() -> int:
        from bot.storage.copy import CopyError, copy_database

        sqlite, postgres = SqliteDatabase(path), PostgresDatabase(url)
        try:
            await sqlite.open()
            await postgres.open()
            report = await copy_database(
                sqlite, postgres, lambda table, rows: print(f"  {table}: {rows} rows")
            )
        except CopyError as error:
            print(f"migrate failed: {error}", file=sys.stderr)
            return 1
        except Exception as error:  # the driver's own errors: no password in them
            print(f"migrate failed: {describe_url(url)}: {error}", file=sys.stderr)
            return 1
        finally:
            await postgres.close()
            await sqlite.close()
        print(
            f"Copied {path} to {describe_url(url)}: {report.total} rows in "
            f"{len(report.rows)} tables, every count verified, {report.seconds:.2f} s. "
            "Now set DATABASE_URL to that URL."
        )
        return 0

    return asyncio.run(copy())


def _backup(settings: Settings, path: str, *, db: str | None, force: bool) -> int:
    """Run ``checkin-bot backup``: print one line, return the exit status."""
    if db is None and settings.database_backend == "postgresql":
        print(
            "backup copies a SQLite database; for PostgreSQL use pg_dump or your provider's "
            "backups (docs/operations.md)",
            file=sys.stderr,
        )
        return 1
    source = Path(db) if db else settings.database_path
    try:
        result = backup_database(source, Path(path), force=force)
    except BackupError as error:
        print(f"backup failed: {error}", file=sys.stderr)
        return 1
    print(
        f"Backed up {source} to {result.path}: {_human_size(result.size)}, "
        f"schema version {result.schema_version}, integrity ok, {result.seconds:.2f} s"
    )
    return 0


def backup_database(source: Path, target: Path, *, force: bool = False) -> BackupResult:
    """Copy ``source`` to ``target`` with SQLite's online backup, checked, then renamed in place.

    The copy is taken in one backup step, that is in one read transaction: a consistent snapshot
    of what was committed when it began. In WAL mode the bot keeps reading and writing meanwhile.
    """
    started = time.monotonic()
    try:
        live = _check_paths(source, target, force=force)
    except OSError as error:
        raise BackupError(f"{error.filename or source}: {error.strerror or error}") from None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
        )  # mode 0600: the copy holds personal data
    except (FileExistsError, NotADirectoryError):
        raise BackupError(f"{target.parent}: cannot be a folder, a file is in the way") from None
    except OSError as error:
        raise BackupError(
            f"{target.parent}: cannot write there: {error.strerror or error}"
        ) from None
    os.close(handle)
    temporary = Path(name)
    try:
        _copy_database(live, temporary)
        version = _check_copy(temporary, source)
        _fsync(temporary)
        if os.path.lexists(target) and not force:
            raise BackupError(f"{target}: appeared meanwhile; pass --force to replace it")
        os.replace(temporary, target)
        _fsync(target.parent)
        size = target.stat().st_size
    except sqlite3.Error as error:
        raise BackupError(f"{source}: cannot copy: {error}") from None
    except OSError as error:
        raise BackupError(f"{target}: cannot write the copy: {error.strerror or error}") from None
    finally:
        for leftover in (temporary, *(Path(f"{temporary}{end}") for end in ("-journal", "-wal"))):
            with contextlib.suppress(OSError):
                leftover.unlink()
    return BackupResult(target.resolve(), size, version, time.monotonic() - started)


def _check_paths(source: Path, target: Path, *, force: bool) -> Path:
    """Refuse a missing database, a folder or the live files as target, or an existing copy."""
    if not source.is_file():
        raise BackupError(f"{source}: no database there (check DATABASE_PATH or --db)")
    if target.is_dir():
        raise BackupError(f"{target}: is a folder; give the copy a file name")
    live = source.resolve()
    if target.resolve() in {live, *(Path(f"{live}{end}") for end in ("-wal", "-shm", "-journal"))}:
        raise BackupError(f"{target}: is the live database's own file; choose another path")
    if os.path.lexists(target) and not force:
        raise BackupError(f"{target}: already exists; pass --force to replace it")
    return live


def _copy_database(source: Path, copy: Path) -> None:
    """Copy every page of ``source`` into the empty file ``copy``, as a rollback-journal file."""
    # mode=rw: never create a missing database; a read-write connection also removes the -wal
    # and -shm files it had to create when it is the last one to close (the bot is stopped).
    uri = f"{source.as_uri()}?mode=rw"
    with (
        contextlib.closing(sqlite3.connect(uri, uri=True, timeout=30)) as reader,
        contextlib.closing(sqlite3.connect(copy)) as writer,
    ):
        reader.backup(writer)  # pages=-1: the whole database in one step
        # The copy inherits WAL mode from the header; make it one self-contained file.
        writer.execute("PRAGMA journal_mode=DELETE")


def _check_copy(copy: Path, source: Path) -> int:
    """Run ``PRAGMA integrity_check`` on ``copy`` (of ``source``); return its user_version."""
    with contextlib.closing(sqlite3.connect(f"{copy.resolve().as_uri()}?mode=ro", uri=True)) as db:
        problems = [str(row[0]) for row in db.execute("PRAGMA integrity_check")]
        if problems != ["ok"]:
            raise BackupError(
                f"{source}: its copy fails PRAGMA integrity_check ({problems[0]}); nothing was kept"
            )
        return int(db.execute("PRAGMA user_version").fetchone()[0])


def _fsync(path: Path) -> None:
    """Flush ``path`` (a file or a folder) to disk where the platform allows it."""
    with contextlib.suppress(OSError):
        handle = os.open(path, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def _human_size(size: int) -> str:
    """``size`` bytes in a short human form: 812 bytes, 240.0 KiB, 1.3 MiB."""
    if size < 1024:
        return f"{size} bytes"
    value = float(size)
    for unit in ("KiB", "MiB", "GiB"):
        value /= 1024
        if value < 1024 or unit == "GiB":
            break
    return f"{value:.1f} {unit}"


def _run(settings: Settings) -> int:
    from bot.app import build_application
    from bot.updates import serve

    return asyncio.run(serve(build_application(settings)))
