"""Which database a benchmark runs on: a private copy of the SQLite seed, or of its PostgreSQL
twin (the same rows, copied once per run into a throwaway server with ``checkin-bot
migrate``'s copy, then cloned for each benchmark as a template database)."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

from bench.seed import copy_of

__all__ = ["BACKENDS", "PostgresSeed", "choose", "database", "postgres_available", "using"]

BACKENDS = ("sqlite", "postgresql", "both")
_current: PostgresSeed | None = None


def postgres_available() -> str | None:
    """``None`` if PostgreSQL's server binaries are here, else why not."""
    try:
        from tests.pg_server import find_binaries

        find_binaries()
        import asyncpg  # noqa: F401
    except Exception as error:  # the server or the driver is missing: SQLite only
        return str(error) or type(error).__name__
    return None


def choose(args: list[str], missing: str | None) -> tuple[list[str], list[str], str]:
    """``--backend X`` (or ``--backend=X``, default both) out of the arguments.

    ``missing`` is why PostgreSQL cannot run here (``None``: it can). Returns the backends to
    run, the other arguments and a note to print ("" if none); raises ``ValueError`` for an
    unknown backend, or for ``--backend postgresql`` without PostgreSQL.
    """
    choice, rest = "both", []
    items = iter(args)
    for item in items:
        if item == "--backend":
            choice = next(items, "")
        elif item.startswith("--backend="):
            choice = item.split("=", 1)[1]
        else:
            rest.append(item)
    if choice not in BACKENDS:
        raise ValueError(f"--backend must be one of {', '.join(BACKENDS)}")
    wanted = ["sqlite", "postgresql"] if choice == "both" else [choice]
    if "postgresql" not in wanted or missing is None:
        return wanted, rest, ""
    if choice == "postgresql":
        raise ValueError(f"PostgreSQL is not available: {missing}")
    return ["sqlite"], rest, f"PostgreSQL rows left out (SQLite only): {missing}"


class PostgresSeed:
    """A throwaway PostgreSQL server holding a copy of the seeded database."""

    def __init__(self, seed: Path) -> None:
        from tests.pg_server import PostgresServer

        # more memory than the test server's 32 MB: the seed is ~240 MB
        self.server = PostgresServer({"shared_buffers": "512MB", "work_mem": "16MB"})
        self.seed = seed
        self.url = ""
        self.seconds = 0.0
        self.version = ""

    def start(self) -> None:
        """Start the server and copy the SQLite seed into it (every row, verified)."""
        started = time.perf_counter()
        self.server.start()
        self.url = self.server.create_empty_database()
        asyncio.run(self._copy())
        self.seconds = time.perf_counter() - started

    async def _copy(self) -> None:
        from bot.storage.copy import copy_database
        from bot.storage.postgres import PostgresDatabase
        from bot.storage.sqlite import SqliteDatabase

        source, target = SqliteDatabase(self.seed), PostgresDatabase(self.url, pool_size=2)
        await source.open()
        await target.open()
        try:
            await copy_database(source, target)
            async with target.pool.acquire() as raw:
                await raw.execute("VACUUM ANALYZE")
                self.version = str(await raw.fetchval("SHOW server_version"))
        finally:
            await source.close()
            await target.close()

    def clone(self) -> str:
        """A private copy for one benchmark (a template copy: seconds, not minutes)."""
        return self.server.copy_database(self.url)

    def stop(self) -> None:
        """Stop the server and remove its files."""
        self.server.stop()


class using:  # noqa: N801 - reads as a sentence: with using(postgres): ...
    """Within the block, benchmarks get PostgreSQL databases (``None``: SQLite)."""

    def __init__(self, postgres: PostgresSeed | None) -> None:
        self._postgres = postgres

    def __enter__(self) -> None:
        global _current
        _current = self._postgres

    def __exit__(self, *exc: object) -> None:
        global _current
        _current = None


def database(seed: Path, folder: Path) -> dict[str, Any]:
    """Settings that point a benchmark's bot at its own copy of the seeded database."""
    if _current is None:
        return {"database_path": copy_of(seed, folder)}
    return {"database_url": _current.clone()}
