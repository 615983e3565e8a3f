"""The storage interface every backend implements, and the factory that picks one from a URL."""

from __future__ import annotations

import abc
from collections.abc import AsyncIterator, Awaitable, Iterable, Iterator, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import unquote, urlsplit, urlunsplit

__all__ = [
    "Connection",
    "Cursor",
    "Database",
    "Row",
    "describe_url",
    "is_postgres_url",
    "migration_files",
    "sqlite_path",
]


class Row(Protocol):
    """A result row: ``row["col"]``, ``row[0]``, ``row.keys()`` (sqlite3.Row, asyncpg.Record)."""

    def __getitem__(self, key: Any, /) -> Any: ...
    def __iter__(self) -> Iterator[Any]: ...
    def __len__(self) -> int: ...
    def keys(self) -> Any: ...


class Cursor(Protocol):
    """What a write returns: how many rows it changed."""

    @property
    def rowcount(self) -> int: ...


class Connection(Protocol):
    """A connection inside :meth:`Database.transaction` (``?`` placeholders on every backend)."""

    def execute(self, sql: str, parameters: Sequence[Any] = (), /) -> Awaitable[Cursor]: ...
    def execute_fetchall(
        self, sql: str, parameters: Sequence[Any] = (), /
    ) -> Awaitable[Iterable[Row]]: ...
    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> Awaitable[Any]: ...


def migration_files(package: str) -> list[tuple[int, str]]:
    """Return ``(number, sql)`` for every migration in ``package``, in order."""
    found: list[tuple[int, str]] = []
    for entry in resources.files(package).iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:4].isdigit():
            found.append((int(name[:4]), entry.read_text(encoding="utf-8")))
    found.sort()
    numbers = [number for number, _ in found]
    if numbers != list(range(1, len(numbers) + 1)):
        raise RuntimeError(f"migrations must be numbered 0001, 0002, ... without gaps: {numbers}")
    return found


class Database(abc.ABC):
    """One database: migrations at open, writes through :meth:`transaction`, reads anywhere."""

    backend: str = ""

    @property
    @abc.abstractmethod
    def conn(self) -> Connection:
        """A connection for reads outside a transaction."""

    @abc.abstractmethod
    async def open(self) -> None:
        """Connect and apply every pending migration."""

    @abc.abstractmethod
    async def close(self) -> None:
        """Disconnect if connected."""

    @abc.abstractmethod
    async def scrub(self) -> None:
        """Leave no copy of deleted text in the database's side files (a no-op where none)."""

    @abc.abstractmethod
    async def schema_version(self) -> int:
        """The number of the newest migration applied."""

    @abc.abstractmethod
    def transaction(self) -> AbstractAsyncContextManager[Connection]:
        """Run a group of writes atomically; commit on success, roll back on error."""

    @abc.abstractmethod
    async def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        """Run a query and return every row."""

    async def fetchone(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        """Run a query and return the first row or ``None``."""
        return next(iter(await self.fetchall(sql, params)), None)

    async def fetchval(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run a query and return the first column of the first row (or ``None``)."""
        row = await self.fetchone(sql, params)
        return None if row is None else row[0]

    async def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run one write in its own transaction; return the affected row count."""
        async with self.transaction() as conn:
            cursor = await conn.execute(sql, params)
            return cursor.rowcount

    async def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Run one statement for many rows in one transaction."""
        async with self.transaction() as conn:
            await conn.executemany(sql, rows)

    @asynccontextmanager
    async def exclusive(self, name: str) -> AsyncIterator[bool]:
        """Whether this process may do ``name`` now, alone among the processes sharing the
        database (SQLite: one process per file, so always)."""
        yield True

    async def tables(self) -> dict[str, list[str]]:
        """Every table of the application with its columns, in order (for checks and copies)."""
        raise NotImplementedError

    async def __aenter__(self) -> Database:
        await self.open()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()


def is_postgres_url(url: str) -> bool:
    """Whether ``url`` names a PostgreSQL database."""
    return url.split(":", 1)[0].lower() in {"postgres", "postgresql"}


def sqlite_path(url: str) -> Path:
    """The file named by ``sqlite:///relative/path`` or ``sqlite:////absolute/path``."""
    if not url.lower().startswith("sqlite:///"):
        raise ValueError("a SQLite URL looks like sqlite:///data/checkin.db")
    path = unquote(url[len("sqlite:///") :])
    if not path:
        raise ValueError("a SQLite URL names a file: sqlite:///data/checkin.db")
    return Path(path)


def describe_url(url: str) -> str:
    """The URL with any password replaced by ``***`` (for logs and ``check-settings``)."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)
    userinfo = (parts.username or "") + ":***"
    return urlunsplit(parts._replace(netloc=f"{userinfo}@{netloc[-1]}"))
