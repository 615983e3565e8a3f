"""Which Telegram updates were applied, so a redelivered one is skipped."""

from __future__ import annotations

from bot.storage.database import Database

__all__ = ["UpdatesRepository"]


class UpdatesRepository:
    """Records applied update ids."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def recent(self, since: int) -> list[int]:
        """Ids applied since ``since``."""
        rows = await self._db.fetchall(
            "SELECT update_id FROM processed_updates WHERE at >= ?", (since,)
        )
        return [int(row["update_id"]) for row in rows]

    async def applied(self, update_id: int, now: int) -> None:
        """Record one applied update."""
        async with self._db.transaction() as conn:
            await conn.execute(
                "INSERT INTO processed_updates (update_id, at) VALUES (?, ?)"
                " ON CONFLICT (update_id) DO NOTHING",
                (update_id, now),
            )

    async def forget_before(self, before: int) -> int:
        """Drop records older than ``before``; return how many."""
        async with self._db.transaction() as conn:
            cursor = await conn.execute("DELETE FROM processed_updates WHERE at < ?", (before,))
            return int(cursor.rowcount)
