"""Which database a benchmark runs on: a private copy of the SQLite seed, or of its PostgreSQL
twin (the same rows, copied once per run into a throwaway server with ``checkin-bot
migrate``'s copy, then cloned for each benchmark as a template database)."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

from bench.seed import copy_of

__all__ = ["PostgresSeed", "database", "postgres_available", "using"]

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


class PostgresSeed:
    """A throwaway PostgreSQL server holding a copy of the seeded database."""

    def __init__(self, seed: Path) -> None:
        from tests.pg_server import PostgresServer

        # more memory than the test server's 32 MB: the seed is ~240 MB
        self.server = PostgresServer({"shared_buffers": "512MB", "work_mem": "16MB"})
        self.seed = seed
        self.url = ""
        self.seconds = 0.0

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
