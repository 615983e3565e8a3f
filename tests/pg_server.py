"""A throwaway PostgreSQL server for the test run: initdb, pg_ctl, one database per test.

The system's PostgreSQL server binaries are used (PATH, ``PG_BIN``, or /usr/lib/postgresql/*/bin);
nothing is mocked. Databases are copied from a migrated template, which takes milliseconds.
"""

from __future__ import annotations

import asyncio
import contextlib
import glob
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Coroutine
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

__all__ = ["PostgresServer", "ServerNotFoundError", "find_binaries"]

_T = TypeVar("_T")
_TEMPLATE = "checkin_template"
_SETTINGS = {
    # a server for tests: nothing needs to survive a power cut
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "listen_addresses": "''",
    "max_connections": "300",
    "shared_buffers": "32MB",
    "log_min_messages": "warning",
}


class ServerNotFoundError(RuntimeError):
    """No PostgreSQL server binaries on this machine."""


def find_binaries() -> Path:
    """The folder holding ``initdb``, ``pg_ctl`` and ``postgres``."""
    candidates: list[str] = []
    if os.environ.get("PG_BIN"):
        candidates.append(os.environ["PG_BIN"])
    on_path = shutil.which("pg_ctl")
    if on_path:
        candidates.append(str(Path(on_path).resolve().parent))
    candidates += sorted(
        glob.glob("/usr/lib/postgresql/*/bin"),
        key=lambda path: int(Path(path).parent.name) if Path(path).parent.name.isdigit() else 0,
        reverse=True,
    )
    candidates += sorted(glob.glob("/usr/pgsql-*/bin"), reverse=True)  # Red Hat's layout
    for folder in candidates:
        if all((Path(folder) / name).is_file() for name in ("initdb", "pg_ctl", "postgres")):
            return Path(folder)
    raise ServerNotFoundError(
        "CHECKIN_TEST_BACKEND=postgresql needs the PostgreSQL server binaries (initdb, pg_ctl, "
        "postgres): install them (Debian/Ubuntu: apt-get install postgresql) or set PG_BIN to "
        "their folder; looked in " + (", ".join(candidates) or "PATH and /usr/lib/postgresql")
    )


class PostgresServer:
    """One server in a temporary folder, reached over a Unix socket, stopped at the end."""

    def __init__(self, settings: dict[str, str] | None = None) -> None:
        self.settings = {**_SETTINGS, **(settings or {})}
        self.bin = find_binaries()
        self.root = Path(tempfile.mkdtemp(prefix="checkin-pg-"))
        self.data = self.root / "data"
        self.socket = self.root  # short: Unix socket paths are limited to about 100 bytes
        self.port = 5432
        self._names = itertools.count(1)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._admin: Any = None
        self._user: tuple[int, int] | None = None
        if os.geteuid() == 0:  # initdb refuses to run as root: run the server as another user
            for name in ("postgres", "nobody"):
                with contextlib.suppress(KeyError):
                    entry = pwd.getpwnam(name)
                    self._user = (entry.pw_uid, entry.pw_gid)
                    break
            if self._user is None:
                shutil.rmtree(self.root, ignore_errors=True)
                raise ServerNotFoundError("running as root and no 'postgres' or 'nobody' user")
            os.chown(self.root, *self._user)

    def _run(self, *args: str) -> None:
        kwargs: dict[str, Any] = {}
        if self._user is not None:
            kwargs = {"user": self._user[0], "group": self._user[1], "extra_groups": []}
        result = subprocess.run(
            [str(self.bin / args[0]), *args[1:]],
            capture_output=True,
            text=True,
            cwd=self.root,
            check=False,
            **kwargs,
        )
        if result.returncode != 0:
            raise RuntimeError(f"{args[0]} failed:\n{result.stdout}\n{result.stderr}")

    def start(self) -> None:
        """initdb, start the server and build the migrated template database."""
        self._run(
            "initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
            "--locale=C", "--no-sync", "--no-instructions",
        )  # fmt: skip
        with (self.data / "postgresql.conf").open("a", encoding="utf-8") as conf:
            for name, value in self.settings.items():
                conf.write(f"{name} = {value}\n")
            conf.write(f"unix_socket_directories = '{self.socket}'\nport = {self.port}\n")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"), "-w",
                  "start")  # fmt: skip
        self._thread.start()
        self.call(self._prepare())

    def url(self, database: str) -> str:
        """The URL of ``database`` on this server (Unix socket, trust authentication)."""
        return f"postgresql://postgres@/{database}?host={self.socket}&port={self.port}"

    def call(self, coroutine: Coroutine[Any, Any, _T]) -> _T:
        """Run ``coroutine`` on the server's own event loop thread and wait for it."""
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout=120)

    async def _prepare(self) -> None:
        import asyncpg

        from bot.storage.postgres import PostgresDatabase

        self._admin = await asyncpg.connect(self.url("postgres"))
        await self._admin.execute(f"CREATE DATABASE {_TEMPLATE}")
        template = PostgresDatabase(self.url(_TEMPLATE), pool_size=1)
        await template.open()  # migrate once; every test's database is a copy
        await template.close()

    def create_database(self) -> str:
        """A fresh migrated database; return its URL."""
        name = f"test_{os.getpid()}_{next(self._names)}"
        self.call(self._admin.execute(f"CREATE DATABASE {name} TEMPLATE {_TEMPLATE}"))
        return self.url(name)

    def create_empty_database(self) -> str:
        """A fresh database with no tables; return its URL."""
        name = f"empty_{os.getpid()}_{next(self._names)}"
        self.call(self._admin.execute(f"CREATE DATABASE {name}"))
        return self.url(name)

    def copy_database(self, url: str) -> str:
        """A copy of the database at ``url`` (nobody may be connected to it); return its URL."""
        source = urlsplit(url).path.lstrip("/")
        name = f"copy_{os.getpid()}_{next(self._names)}"
        self.call(self._admin.execute(f"CREATE DATABASE {name} TEMPLATE {source}"))
        return self.url(name)

    def drop_database(self, url: str) -> None:
        """Drop the database named by ``url`` (closing any connection left to it)."""
        name = urlsplit(url).path.lstrip("/")
        self.call(self._admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))

    def stop(self) -> None:
        """Stop the server and remove its folder (also after a start that failed half-way)."""
        try:
            if self._admin is not None:
                self.call(self._admin.close())
            if self._thread.is_alive():
                self._loop.call_soon_threadsafe(self._loop.stop)
                self._thread.join(timeout=10)
            if (self.data / "postmaster.pid").exists():  # the server is running
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
