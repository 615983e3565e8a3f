"""PostgreSQL through asyncpg: a pool, ``?`` placeholders translated once per statement."""

from __future__ import annotations

import asyncio
import contextvars
import functools
import logging
import zlib
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, cast

from bot.storage.database import Connection, Database, Row, describe_url, migration_files

__all__ = ["PostgresDatabase", "translate"]

_log = logging.getLogger(__name__)
_MIGRATIONS_PACKAGE = "bot.storage.migrations.postgresql"
# any constant: processes starting together take turns at migrating
_MIGRATION_LOCK = 0x636B696E  # "ckin"
_CLASS = 0x636B696E  # the first key of this program's named advisory locks


@functools.lru_cache(maxsize=2048)
def translate(sql: str) -> str:
    """Replace each ``?`` placeholder outside quotes by ``$1``, ``$2``, ..."""
    out: list[str] = []
    number = 0
    quote: str | None = None
    for char in sql:
        if quote is not None:
            if char == quote:
                quote = None
        elif char in "'\"":
            quote = char
        elif char == "?":
            number += 1
            out.append(f"${number}")
            continue
        out.append(char)
    return "".join(out)


@dataclass(frozen=True, slots=True)
class _Status:
    """A write's outcome, read from PostgreSQL's command tag (``UPDATE 3``)."""

    rowcount: int


def _rowcount(tag: str) -> int:
    last = tag.rsplit(" ", 1)[-1]
    return int(last) if last.isdigit() else -1


def _numeric(text: str) -> int | float:
    """SUM of integers stays an integer and AVG a float, as in SQLite (not ``Decimal``)."""
    if "." in text or "e" in text.lower() or "n" in text.lower():
        return float(text)
    return int(text)


class _Adapter:
    """One pooled asyncpg connection seen through the :class:`Connection` interface."""

    __slots__ = ("_raw",)

    def __init__(self, raw: Any) -> None:
        self._raw = raw

    async def execute(self, sql: str, parameters: Sequence[Any] = ()) -> _Status:
        return _Status(_rowcount(await self._raw.execute(translate(sql), *parameters)))

    async def execute_fetchall(self, sql: str, parameters: Sequence[Any] = ()) -> list[Row]:
        return cast(list[Row], await self._raw.fetch(translate(sql), *parameters))

    async def executemany(self, sql: str, parameters: Iterable[Sequence[Any]]) -> None:
        rows = [tuple(row) for row in parameters]
        if rows:
            await self._raw.executemany(translate(sql), rows)


class _PoolReader:
    """Reads outside a transaction: each statement borrows a pooled connection."""

    def __init__(self, database: PostgresDatabase) -> None:
        self._db = database

    async def execute(self, sql: str, parameters: Sequence[Any] = ()) -> _Status:
        async with self._db.transaction() as conn:
            return cast(_Status, await conn.execute(sql, parameters))

    async def execute_fetchall(self, sql: str, parameters: Sequence[Any] = ()) -> list[Row]:
        return await self._db.fetchall(sql, parameters)

    async def executemany(self, sql: str, parameters: Iterable[Sequence[Any]]) -> None:
        await self._db.executemany(sql, parameters)


async def _init_connection(raw: Any) -> None:
    await raw.set_type_codec(
        "numeric", encoder=str, decoder=_numeric, schema="pg_catalog", format="text"
    )


class PostgresDatabase(Database):
    """A pool of asyncpg connections; this process's writes take turns, as with SQLite."""

    backend = "postgresql"

    def __init__(self, url: str, *, pool_size: int = 4) -> None:
        self.url = url
        self._pool_size = pool_size
        self._pool: Any = None
        self._lock = asyncio.Lock()
        # the connection of the transaction the current task is in, so its reads see its writes
        self._current: contextvars.ContextVar[tuple[asyncio.Task[Any] | None, _Adapter] | None]
        self._current = contextvars.ContextVar(f"pg-{id(self)}", default=None)

    def __repr__(self) -> str:
        return f"PostgresDatabase({describe_url(self.url)!r})"

    @property
    def pool(self) -> Any:
        """The open asyncpg pool."""
        if self._pool is None:
            raise RuntimeError("the database is not open")
        return self._pool

    @property
    def conn(self) -> Connection:
        """Reads outside a transaction (each borrows a pooled connection)."""
        self.pool  # noqa: B018 - fail early when closed
        return cast(Connection, _PoolReader(self))

    async def open(self) -> None:
        """Create the pool and migrate."""
        try:
            import asyncpg
        except ImportError:  # pragma: no cover - depends on the installation
            raise RuntimeError(
                "DATABASE_URL names PostgreSQL but asyncpg is not installed: "
                "pip install 'checkin-bot[postgres]'"
            ) from None
        self._pool = await asyncpg.create_pool(
            self.url,
            min_size=1,
            max_size=self._pool_size,
            init=_init_connection,
        )
        await self.migrate()

    async def close(self) -> None:
        """Close the pool if open."""
        if self._pool is not None:
            pool, self._pool = self._pool, None
            await pool.close()

    async def scrub(self) -> None:
        """Nothing to do: PostgreSQL keeps no side file we could truncate (see operations.md)."""

    async def schema_version(self) -> int:
        """The newest migration recorded in ``schema_version``."""
        async with self.pool.acquire() as raw:
            return await self._version(raw)

    @staticmethod
    async def _version(raw: Any) -> int:
        await raw.execute(
            "CREATE TABLE IF NOT EXISTS schema_version ("
            " version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
        )
        return int(await raw.fetchval("SELECT COALESCE(MAX(version), 0) FROM schema_version"))

    async def migrate(self) -> None:
        """Apply every migration newer than ``schema_version``, each in a transaction."""
        known = migration_files(_MIGRATIONS_PACKAGE)
        async with self.pool.acquire() as raw:
            await raw.execute("SELECT pg_advisory_lock($1)", _MIGRATION_LOCK)
            try:
                current = await self._version(raw)
                if known and current > known[-1][0]:
                    raise RuntimeError(
                        f"the database is at schema version {current}, newer than this program "
                        f"knows ({known[-1][0]}): run the newer version"
                    )
                for number, sql in known:
                    if number <= current:
                        continue
                    _log.info("applying migration %04d", number)
                    async with raw.transaction():
                        await raw.execute(sql)
                        await raw.execute(
                            "INSERT INTO schema_version (version) VALUES ($1)", number
                        )
            finally:
                await raw.execute("SELECT pg_advisory_unlock($1)", _MIGRATION_LOCK)

    @asynccontextmanager
    async def exclusive(self, name: str) -> AsyncIterator[bool]:
        """Whether this process holds ``name`` now (a session advisory lock, released at the
        end of the block, or by the server when the process dies)."""
        key = zlib.crc32(name.encode()) & 0x7FFFFFFF
        async with self.pool.acquire() as raw:
            got = bool(await raw.fetchval("SELECT pg_try_advisory_lock($1, $2)", _CLASS, key))
            try:
                yield got
            finally:
                if got:
                    await raw.execute("SELECT pg_advisory_unlock($1, $2)", _CLASS, key)

    def _joined(self) -> _Adapter | None:
        current = self._current.get()
        if current is not None and current[0] is asyncio.current_task():
            return current[1]
        return None

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Connection]:
        """Run a group of writes atomically on one pooled connection; commit or roll back."""
        async with self._lock, self.pool.acquire() as raw, raw.transaction():
            adapter = _Adapter(raw)
            token = self._current.set((asyncio.current_task(), adapter))
            try:
                yield cast(Connection, adapter)
            finally:
                self._current.reset(token)

    async def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        """Run a query and return every row (inside the task's transaction, if it is in one)."""
        joined = self._joined()
        if joined is not None:
            return await joined.execute_fetchall(sql, params)
        async with self.pool.acquire() as raw:
            return cast(list[Row], await raw.fetch(translate(sql), *params))

    async def tables(self) -> dict[str, list[str]]:
        """Every application table with its columns, in order."""
        rows = await self.fetchall(
            "SELECT table_name, column_name FROM information_schema.columns"
            " WHERE table_schema = current_schema() AND table_name <> 'schema_version'"
            " ORDER BY table_name, ordinal_position"
        )
        found: dict[str, list[str]] = {}
        for row in rows:
            found.setdefault(str(row[0]), []).append(str(row[1]))
        return found
