"""SQLite storage: one aiosqlite connection, migrations and transactions."""

from bot.storage.database import Database, Row

__all__ = ["Database", "Row"]
