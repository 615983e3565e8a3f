"""Pick the storage backend from a URL."""

from __future__ import annotations

from pathlib import Path

from bot.storage.database import Database, is_postgres_url, sqlite_path

__all__ = ["open_database"]


def open_database(target: str | Path) -> Database:
    """A database for a URL (``sqlite:///path``, ``postgresql://...``) or a SQLite file path."""
    text = str(target)
    if is_postgres_url(text):
        from bot.storage.postgres import PostgresDatabase

        return PostgresDatabase(text)
    from bot.storage.sqlite import SqliteDatabase

    if text.lower().startswith("sqlite:"):
        return SqliteDatabase(sqlite_path(text))
    return SqliteDatabase(Path(text))
