"""Storage: SQLite (embedded default) or PostgreSQL, migrations and transactions."""

from bot.storage.backends import open_database
from bot.storage.database import Connection, Database, Row, describe_url

__all__ = ["Connection", "Database", "Row", "describe_url", "open_database"]
