"""Copy a SQLite database into an empty PostgreSQL database (``checkin-bot migrate --to``)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bot.storage.postgres import PostgresDatabase
from bot.storage.sqlite import SqliteDatabase

__all__ = ["CopyError", "CopyReport", "copy_database"]

_BATCH = 1000


class CopyError(Exception):
    """The copy cannot start or did not verify; nothing in the target was committed."""


@dataclass
class CopyReport:
    """Rows copied per table (verified equal on both sides) and how long it took."""

    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def total(self) -> int:
        """Rows copied in all."""
        return sum(self.rows.values())


async def _references(source: SqliteDatabase) -> dict[str, list[tuple[str, str]]]:
    """``table -> [(column, referenced table)]`` from SQLite's foreign keys."""
    found: dict[str, list[tuple[str, str]]] = {}
    for table in await source.tables():
        rows = await source.fetchall(f'PRAGMA foreign_key_list("{table}")')
        found[table] = [(str(row["from"]), str(row["table"])) for row in rows]
    return found


def _parents_first(references: dict[str, list[tuple[str, str]]]) -> list[str]:
    """Tables ordered so that every referenced table comes before those referring to it."""
    ordered: list[str] = []
    seen: set[str] = set()

    def visit(table: str, path: tuple[str, ...]) -> None:
        if table in seen:
            return
        if table in path:
            raise CopyError(f"foreign keys form a cycle through {table}")
        for _column, parent in references.get(table, []):
            if parent != table and parent in references:
                visit(parent, (*path, table))
        seen.add(table)
        ordered.append(table)

    for table in sorted(references):
        visit(table, ())
    return ordered


def _converter(data_type: str) -> Callable[[Any], Any]:
    """SQLite stores what it is given; PostgreSQL wants each column's own type."""
    if data_type in {"bigint", "integer", "smallint"}:
        return lambda value: value if value is None else int(value)
    if data_type == "text":
        return lambda value: value if value is None else str(value)
    return lambda value: value


async def copy_database(
    source: SqliteDatabase,
    target: PostgresDatabase,
    progress: Callable[[str, int], None] | None = None,
) -> CopyReport:
    """Copy every row of ``source`` into ``target`` (both open, same schema version) and verify.

    The target must be empty: every table is copied in one transaction, identities are moved
    past the highest id, and row counts are compared before the transaction commits.
    """
    started = time.monotonic()
    if await source.schema_version() != await target.schema_version():
        raise CopyError(
            f"schema versions differ: SQLite {await source.schema_version()}, PostgreSQL "
            f"{await target.schema_version()}; run this version of checkin-bot on both"
        )
    tables = await source.tables()
    if tables != await target.tables():
        raise CopyError("the two databases have different tables or columns")
    references = await _references(source)
    types = {
        (str(row[0]), str(row[1])): str(row[2])
        for row in await target.fetchall(
            "SELECT table_name, column_name, data_type FROM information_schema.columns"
            " WHERE table_schema = current_schema()"
        )
    }
    report = CopyReport()
    async with target.transaction() as conn:
        for table in tables:
            [(count,)] = await conn.execute_fetchall(f'SELECT COUNT(*) FROM "{table}"')
            if count:
                raise CopyError(
                    f"the PostgreSQL database is not empty ({table} has {count} rows); "
                    "copy into a new, empty database"
                )
        for table in _parents_first(references):
            columns = tables[table]
            convert = [_converter(types[(table, column)]) for column in columns]
            # a column referring to its own table is filled in afterwards (any row order works)
            own = [column for column, parent in references[table] if parent == table]
            names = ", ".join(f'"{column}"' for column in columns)
            marks = ", ".join("?" for _ in columns)
            insert = f'INSERT INTO "{table}" ({names}) VALUES ({marks})'
            rows = await source.fetchall(f'SELECT {names} FROM "{table}"')
            batch = [
                tuple(
                    None if column in own else fn(value)
                    for column, fn, value in zip(columns, convert, tuple(row), strict=True)
                )
                for row in rows
            ]
            for start in range(0, len(batch), _BATCH):
                await conn.executemany(insert, batch[start : start + _BATCH])
            if own:
                key = columns[0]
                for column in own:
                    await conn.executemany(
                        f'UPDATE "{table}" SET "{column}" = ? WHERE "{key}" = ?',
                        [(row[column], row[key]) for row in rows if row[column] is not None],
                    )
            if types.get((table, "id")) == "bigint":
                await conn.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                    f' COALESCE((SELECT MAX(id) FROM "{table}"), 0) + 1, false)'
                )
            [(copied,)] = await conn.execute_fetchall(f'SELECT COUNT(*) FROM "{table}"')
            if copied != len(rows):
                raise CopyError(f"{table}: {len(rows)} rows in SQLite but {copied} copied")
            report.rows[table] = int(copied)
            if progress is not None:
                progress(table, int(copied))
    # verified again after the commit, from a fresh connection
    for table, expected in report.rows.items():
        if await target.fetchval(f'SELECT COUNT(*) FROM "{table}"') != expected:
            raise CopyError(f"{table}: the count changed after the copy")
    report.seconds = time.monotonic() - started
    return report
