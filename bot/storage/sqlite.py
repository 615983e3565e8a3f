"""SQLite: the single owner of one aiosqlite connection (the embedded default)."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, cast

import aiosqlite

from bot.storage.database import Connection, Database, Row, migration_files

__all__ = ["SqliteDatabase"]

_log = logging.getLogger(__name__)
_MIGRATIONS_PACKAGE = "bot.storage.migrations"


class SqliteDatabase(Database):
    """Owns one connection; writes go through :meth:`transaction`."""

    backend = "sqlite"

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._conn: aiosqlite.Connection | None = None
        self._lock = asyncio.Lock()

    @property
    def raw(self) -> aiosqlite.Connection:
        """The open aiosqlite connection itself."""
        if self._conn is None:
            raise RuntimeError("the database is not open")
        return self._conn

    @property
    def conn(self) -> Connection:
        """The open connection."""
        return cast(Connection, self.raw)

    def __repr__(self) -> str:
        return f"SqliteDatabase({str(self.path)!r})"

    async def open(self) -> None:
        """Open the file (creating folders), set pragmas and migrate."""
        if str(self.path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._conn = await aiosqlite.connect(self.path, isolation_level=None)
        self._conn.row_factory = sqlite3.Row
        for pragma in (
            "PRAGMA journal_mode=WAL",
            "PRAGMA foreign_keys=ON",
            "PRAGMA synchronous=NORMAL",
            "PRAGMA busy_timeout=5000",
            "PRAGMA secure_delete=ON",  # deleted words are overwritten, not left in free pages
        ):
            await self._conn.execute(pragma)
        await self.migrate()

    async def close(self) -> None:
        """Close the connection if open."""
        if self._conn is not None:
            await self._conn.close()
            self._conn = None

    async def scrub(self) -> None:
        """Move the WAL into the database and truncate it, so no deleted text stays in it."""
        if str(self.path) == ":memory:":
            return
        async with self._lock:
            await self.raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    async def schema_version(self) -> int:
        """Return ``PRAGMA user_version``."""
        rows = await self.raw.execute_fetchall("PRAGMA user_version")
        return int(next(iter(rows))[0])

    async def migrate(self) -> None:
        """Apply every migration newer than ``PRAGMA user_version``, each in a transaction."""
        current = await self.schema_version()
        known = migration_files(_MIGRATIONS_PACKAGE)
        if known and current > known[-1][0]:
            raise RuntimeError(
                f"the database is at schema version {current}, newer than this program knows "
                f"({known[-1][0]}): run the newer version, or restore the backup made before "
                "the upgrade"
            )
        for number, sql in known:
            if number <= current:
                continue
            _log.info("applying migration %04d", number)
            async with self._lock:
                script = f"BEGIN;\n{sql}\nPRAGMA user_version = {number};\nCOMMIT;"
                try:
                    await self.raw.executescript(script)
                except Exception:
                    if self.raw.in_transaction:
                        await self.raw.rollback()
                    raise

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Connection]:
        """Run a group of writes atomically; commit on success, roll back on error."""
        async with self._lock:
            await self.raw.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                await self.raw.rollback()
                raise
            else:
                await self.raw.commit()

    async def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        """Run a query and return every row."""
        return list(await self.raw.execute_fetchall(sql, params))

    async def fetchone(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        """Run a query and return the first row or ``None``."""
        rows = await self.raw.execute_fetchall(sql, params)
        return next(iter(rows), None)

    async def tables(self) -> dict[str, list[str]]:
        """Every table with its columns, in order."""
        found: dict[str, list[str]] = {}
        for table in await self.fetchall(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
            " AND name NOT LIKE 'sqlite_%' ORDER BY name"
        ):
            columns = await self.fetchall(f'PRAGMA table_info("{table[0]}")')
            found[str(table[0])] = [str(column["name"]) for column in columns]
        return found
