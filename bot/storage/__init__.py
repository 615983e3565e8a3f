"""SQLite storage: one aiosqlite connection, migrations and transactions."""

from bot.storage.database import Connection, Database, Row

__all__ = ["Connection", "Database", "Row"]
