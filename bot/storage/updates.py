"""Which Telegram updates were applied, so a redelivered one is skipped; and, with several
processes on one PostgreSQL database, whose turn it is to apply one person's next update."""

from __future__ import annotations

from enum import Enum

from bot.storage.database import Database

__all__ = ["Turn", "UpdatesRepository"]

# The advisory-lock class of "one person's updates" (the named locks use 0x636B696E).
_PERSON_LOCK = 0x636B6970


class Turn(Enum):
    """What a process may do with an update it received."""

    GO = "go"  # apply it now: nothing of this person's is ahead of it or being applied
    WAIT = "wait"  # an earlier update of the same person is waiting or being applied
    APPLIED = "applied"  # another process applied it already (Telegram sent it again)


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
            # notes left by a process that died while an update waited or was applied
            await conn.execute("DELETE FROM updates_in_progress WHERE received_at < ?", (before,))
            return int(cursor.rowcount)

    async def take_turn(
        self, update_id: int, person: int, now: int, *, waiting_for: int, applying_for: int
    ) -> Turn:
        """Note the update as received (or still waiting) and say whether it may be applied.

        One short transaction under a per-person advisory lock, so two processes never both
        start one person's updates. Ahead of it: a lower id of the same person still waiting
        (renewed within ``waiting_for`` seconds) or any of theirs being applied (started within
        ``applying_for`` seconds); an older note belongs to a process that died, and Telegram
        delivers its update again. The same update being applied by another process (a copy sent
        again before the first was answered) also waits, and is then found applied.
        """
        async with self._db.transaction() as conn:
            await conn.execute(
                "SELECT pg_advisory_xact_lock(?, ?)", (_PERSON_LOCK, person & 0x7FFFFFFF)
            )
            done = await conn.execute_fetchall(
                "SELECT 1 FROM processed_updates WHERE update_id = ?", (update_id,)
            )
            if list(done):
                await conn.execute(
                    "DELETE FROM updates_in_progress WHERE update_id = ?", (update_id,)
                )
                return Turn.APPLIED
            [(started,)] = await conn.execute_fetchall(
                "INSERT INTO updates_in_progress (update_id, person, received_at) VALUES (?, ?, ?)"
                " ON CONFLICT (update_id) DO UPDATE SET received_at = excluded.received_at"
                " RETURNING started_at",
                (update_id, person, now),
            )
            if started is not None and int(started) >= now - applying_for:
                # the same update is being applied elsewhere (Telegram or the proxy sent it
                # again while the first copy was applied): wait, then it is APPLIED
                return Turn.WAIT
            ahead = await conn.execute_fetchall(
                "SELECT 1 FROM updates_in_progress WHERE person = ? AND update_id <> ? AND ("
                " (started_at IS NULL AND update_id < ? AND received_at >= ?)"
                " OR started_at >= ?) LIMIT 1",
                (person, update_id, update_id, now - waiting_for, now - applying_for),
            )
            if list(ahead):
                return Turn.WAIT
            await conn.execute(
                "UPDATE updates_in_progress SET started_at = ? WHERE update_id = ?",
                (now, update_id),
            )
            return Turn.GO

    async def finish(self, update_id: int, now: int, *, applied: bool) -> None:
        """The process is done with an update: applied (recorded) or to be sent again."""
        async with self._db.transaction() as conn:
            if applied:
                await conn.execute(
                    "INSERT INTO processed_updates (update_id, at) VALUES (?, ?)"
                    " ON CONFLICT (update_id) DO NOTHING",
                    (update_id, now),
                )
            await conn.execute("DELETE FROM updates_in_progress WHERE update_id = ?", (update_id,))
