"""The command line: ``checkin-bot run``, ``checkin-bot start`` and friends."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from bot.settings import Settings, SettingsError, exit_on_error, load_settings, token_configured

if TYPE_CHECKING:
    from bot.services.catalogue import CatalogueService, ImportReport

__all__ = ["main"]

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
    # httpx logs every request URL, and Bot API URLs contain the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    # At DEBUG, python-telegram-bot logs whole updates and requests, which contain what people
    # typed; user text is never logged, whatever LOG_LEVEL says.
    logging.getLogger("telegram").setLevel(
        max(logging.INFO, logging.getLevelName(settings.log_level))
    )
    logging.getLogger("apscheduler").setLevel(logging.WARNING)


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
        print(f"{name.upper()}={shown}")
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


async def _with_catalogue(
    settings: Settings, use: Callable[[CatalogueService], Awaitable[_T]]
) -> _T:
    """Open the database, run ``use`` with a catalogue service, and close the database."""
    from bot.clock import SystemClock
    from bot.services.catalogue import CatalogueService
    from bot.storage import Database

    db = Database(settings.database_path)
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


def _run(settings: Settings) -> int:
    from bot.app import build_application
    from bot.updates import serve

    asyncio.run(serve(build_application(settings)))
    return 0
