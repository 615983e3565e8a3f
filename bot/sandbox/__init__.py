"""``checkin-bot sandbox``: the real bot on a pretend Telegram, chatted with in the terminal.

The sandbox keeps its own SQLite file (``data/sandbox.db`` by default) and, beside it, a small
state file with its clock and people (``sandbox.json``), a log (``sandbox.log``) and the photos
and documents the bot sent (``sandbox-files/``). A new sandbox plays three weeks of history
through the bot first. Its clock moves only when told (``:advance``), never backwards, and
continues where it stopped when the sandbox is started again.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TextIO

from bot.clock import ManualClock
from bot.sandbox.clockwork import clock_text, parse_start
from bot.sandbox.harness import Harness
from bot.sandbox.personas import ADMIN_ID, SandboxState, StateError
from bot.sandbox.seed import history_start, seed
from bot.sandbox.session import Session
from bot.settings import Settings, SettingsError, load_settings

__all__ = [
    "DEFAULT_DB",
    "SETTINGS_ENV_PREFIX",
    "SandboxOptions",
    "SandboxPaths",
    "run_from_cli",
    "run_sandbox",
]

DEFAULT_DB = Path("data/sandbox.db")
SETTINGS_ENV_PREFIX = "CHECKIN_SANDBOX_"
_BOT_USERNAME = "checkin_sandbox_bot"
_NOT_A_SANDBOX = (
    "{db} exists but {state} does not, so it may not be a sandbox database and the sandbox "
    "leaves it alone (--fresh too). Choose another --db, or remove {db} yourself"
)


@dataclass(frozen=True)
class SandboxOptions:
    """How to run the sandbox: which database, start over, a script, a fixed start time."""

    db: Path = DEFAULT_DB
    fresh: bool = False
    script: Path | None = None  # "-" reads standard input
    start: datetime | None = None


@dataclass(frozen=True)
class SandboxPaths:
    """The database and the files that live beside it."""

    db: Path

    @property
    def state(self) -> Path:
        """The clock and the people: ``sandbox.json``."""
        return self.db.with_suffix(".json")

    @property
    def log(self) -> Path:
        """Where the bot's warnings and errors go, to keep the terminal for the chat."""
        return self.db.with_suffix(".log")

    @property
    def files(self) -> Path:
        """Where photos and documents the bot sends are saved."""
        return self.db.parent / "sandbox-files"

    def wipe(self) -> None:
        """Remove the sandbox's database and the files beside it (for ``--fresh``)."""
        for path in (
            self.db,
            Path(f"{self.db}-wal"),
            Path(f"{self.db}-shm"),
            Path(f"{self.db}-journal"),
            self.state,
            self.log,
        ):
            path.unlink(missing_ok=True)
        if self.files.is_dir():
            for saved in self.files.iterdir():
                if saved.is_file():
                    saved.unlink()
            if not any(self.files.iterdir()):
                self.files.rmdir()


def _settings(db: Path) -> Settings:
    """The sandbox's settings: its own database and admin, no token, the bot's defaults.

    Neither ``.env`` nor the bot's environment variables apply (so DATABASE_PATH and the token
    are never used, and transcripts do not depend on them); ``CHECKIN_SANDBOX_<SETTING>``
    variables can change a setting for the sandbox.
    """
    return load_settings(
        None,
        _env_prefix=SETTINGS_ENV_PREFIX,
        database_path=db,
        admin_ids=(ADMIN_ID,),
        telegram_bot_token=None,
    )


def _load_state(paths: SandboxPaths, start: datetime | None) -> tuple[SandboxState, bool]:
    """The saved state of an existing sandbox, or a new one (``True``) starting at ``start``."""
    if paths.db.exists():
        if not paths.state.exists():
            raise StateError(_NOT_A_SANDBOX.format(db=paths.db, state=paths.state))
        return SandboxState.load(paths.state), False
    present = int(start.timestamp()) if start is not None else int(time.time()) // 60 * 60
    return SandboxState(now=present), True


@contextmanager
def _log_to(path: Path) -> Iterator[None]:
    """Send warnings and errors to ``path`` while the sandbox runs (the terminal is the chat)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    saved = root.handlers[:]
    root.handlers[:] = [handler]
    try:
        yield
    finally:
        root.handlers[:] = saved
        handler.close()


def _read_script(script: Path) -> list[str]:
    """The commands in a script file: blank lines and ``#`` comments dropped."""
    text = sys.stdin.read() if str(script) == "-" else script.read_text("utf-8")
    stripped = (line.strip() for line in text.splitlines())
    return [line for line in stripped if line and not line.startswith("#")]


def _save(session: Session, paths: SandboxPaths) -> None:
    state = session.state
    state.now = session.harness.clock.now()
    ids = [m.message_id for chat in session.harness.telegram.messages.values() for m in chat]
    state.next_message_id = max([state.next_message_id, *(i + 1 for i in ids)])
    state.save(paths.state)


async def _banner(session: Session, seeded: list[str] | None, interactive: bool) -> None:
    session.print(
        "Check-in bot sandbox: the real bot on a pretend Telegram, with its own database."
    )
    for line in seeded or []:
        session.print(line)
    session.print(f"Clock: {clock_text(session.harness.clock.now())}. People:")
    for line in await session.who_lines():
        session.print(line)
    persona = session.state.persona
    session.print(
        f"You are {persona.name}. Type as them (try /checkin or /help), "
        "or :help for the sandbox's own commands."
    )
    if interactive:
        where = session.display_path(session.harness.settings.database_path)
        session.print(f"Database: {where} (start over with --fresh). Ctrl-D leaves.")


def _interactive(
    runner: asyncio.Runner, session: Session, paths: SandboxPaths, read: Callable[[str], str]
) -> int:
    while True:
        try:
            line = read(session.prompt())
        except EOFError:
            session.print()
            return 0
        except KeyboardInterrupt:
            session.print("\n(Ctrl-D or :quit leaves)")
            continue
        try:
            keep = runner.run(session.execute(line))
        except KeyboardInterrupt:
            session.print("(interrupted; the sandbox keeps everything up to this moment)")
            return 130
        except Exception as error:
            session.print(f"(sandbox: that did not work: {type(error).__name__}: {error})")
            keep = True
        _save(session, paths)
        if not keep:
            return 0
        session.print()


def _scripted(
    runner: asyncio.Runner, session: Session, paths: SandboxPaths, lines: list[str]
) -> int:
    for line in lines:
        session.print()
        session.print(f"> {session.state.persona.alias}: {line}")
        try:
            keep = runner.run(session.execute(line))
        except Exception as error:
            session.problems += 1
            session.print(f"(sandbox: that did not work: {type(error).__name__}: {error})")
            keep = True
        _save(session, paths)
        if not keep:
            break
    return 1 if session.problems else 0


def run_sandbox(
    options: SandboxOptions,
    *,
    out: TextIO | None = None,
    read_line: Callable[[str], str] | None = None,
) -> int:
    """Run the sandbox: interactively, or the commands of ``options.script``; return the status.

    A script's exit status is 1 if any command failed or the bot failed on one.
    """
    out = out or sys.stdout
    paths = SandboxPaths(options.db)
    try:
        lines = _read_script(options.script) if options.script is not None else None
    except OSError as error:
        print(f"{options.script}: cannot read: {error.strerror or error}", file=sys.stderr)
        return 2
    try:
        if options.fresh and not (paths.db.exists() and not paths.state.exists()):
            paths.wipe()
        state, new = _load_state(paths, options.start)
        settings = _settings(paths.db)
    except StateError as error:
        print(f"{error}.", file=sys.stderr)
        return 2
    except SettingsError as error:
        for problem in error.problems:
            print(f"Setting {problem}", file=sys.stderr)
        return 2
    if options.start is not None and not new:
        print("(--start only applies to a new sandbox; add --fresh to start over)", file=out)
    clock = ManualClock(history_start(state.now) if new else state.now)
    # Message ids must not repeat across runs: the database remembers some (a standing
    # reminder is deleted when the next one comes). The flood limiter is off: the sandbox's
    # pretend Telegram has no flood limits, and seeding sends a few hundred messages.
    harness = Harness(
        settings,
        clock,
        raise_errors=False,
        rate_limit=False,
        first_message_id=state.next_message_id,
    )
    harness.telegram.bot_username = _BOT_USERNAME
    ansi = out.isatty() and "NO_COLOR" not in os.environ
    session = Session(
        harness,
        state,
        files_dir=paths.files,
        log_file=paths.log,
        out=out,
        ansi=ansi,
        redact=lines is not None,
    )
    ready = False
    try:
        with _log_to(paths.log), asyncio.Runner() as runner:
            runner.run(harness.start())
            try:
                seeded = None
                if new:
                    harness.raise_errors = True  # a failure while seeding is a bug: be loud
                    seeded = runner.run(seed(harness, state.personas, state.now))
                    harness.raise_errors = False
                session.mark_all_seen()
                _save(session, paths)
                ready = True
                runner.run(_banner(session, seeded, lines is None))
                if lines is not None:
                    return _scripted(runner, session, paths, lines)
                if read_line is None:
                    read_line = input
                    with contextlib.suppress(ImportError):  # not on every platform
                        import readline  # noqa: F401 - line editing and history for input()
                return _interactive(runner, session, paths, read_line)
            finally:
                if ready:
                    _save(session, paths)
                runner.run(harness.stop())
    finally:
        if new and not ready:  # half a sandbox is no use: the next start begins again
            paths.wipe()


def run_from_cli(db: str, *, fresh: bool, script: str | None, start: str | None) -> int:
    """Run the sandbox from ``checkin-bot sandbox`` arguments; return the exit status."""
    try:
        moment = parse_start(start) if start else None
    except ValueError:
        print(f"--start: {start!r} is not an ISO 8601 time like 2026-03-02T09:00Z", file=sys.stderr)
        return 2
    options = SandboxOptions(Path(db), fresh, Path(script) if script else None, moment)
    return run_sandbox(options)
