"""The outbox table: queueing in the caller's transaction, and every state a row goes through."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.storage.database import Connection, Database

__all__ = [
    "AT_MOST_ONCE_KINDS",
    "REMOVAL_KIND",
    "REMOVAL_PRIORITY",
    "OutboxRepository",
    "OutboxRow",
    "insert_outbox",
    "insert_outbox_many",
]

# After an ambiguous outcome these kinds are never sent again (a digest never arrives twice,
# and the next one covers its period); every other kind, a reminder too, is sent at most once
# more, marked 🔁, so nothing is lost.
AT_MOST_ONCE_KINDS = ("digest",)
# Once sent, a row keeps no payload, except a digest's arguments (a practitioner id and its
# period): the next digest covers the period of one whose delivery was not confirmed.
_KEEP_VIEW_ARGS = "CASE WHEN kind = 'digest' THEN payload ELSE '{}' END"
# Removing a message a new one replaced (an old reminder) waits until nothing else is due:
# a delete costs one of Telegram's 30 calls a second, and messages come first.
REMOVAL_KIND = "removal"
REMOVAL_PRIORITY = 9


@dataclass(frozen=True)
class OutboxRow:
    """One message waiting to be sent."""

    id: int
    chat_id: int
    kind: str
    payload: str
    attempts: int
    resent: bool
    parts_sent: int


async def insert_outbox(
    conn: Connection,
    *,
    chat_id: int,
    kind: str,
    payload: str,
    dedupe_key: str | None,
    start: int,
    now: int,
    priority: int,
    about: int | None,
) -> int | None:
    """Queue one row in the caller's transaction; ``None`` if the dedupe key was used."""
    rows = list(
        await conn.execute_fetchall(
            "INSERT INTO outbox (chat_id, kind, payload, dedupe_key, not_before, next_attempt_at,"
            " created_at, priority, about_person) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (dedupe_key) DO NOTHING RETURNING id",
            (chat_id, kind, payload, dedupe_key, start, start, now, priority, about),
        )
    )
    return int(rows[0][0]) if rows else None


async def insert_outbox_many(
    conn: Connection,
    rows: Sequence[tuple[int, str, str, str | None, int, int, int | None]],
    now: int,
) -> None:
    """Queue many rows in the caller's transaction with one statement (set-based).

    Each row is ``(chat id, kind, payload, dedupe key, start, priority, about)``; a row whose
    dedupe key was used already is skipped, as :func:`insert_outbox` skips it.
    """
    await conn.executemany(
        "INSERT INTO outbox (chat_id, kind, payload, dedupe_key, not_before, next_attempt_at,"
        " created_at, priority, about_person) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (dedupe_key) DO NOTHING",
        [
            (chat_id, kind, payload, key, start, start, now, priority, about)
            for chat_id, kind, payload, key, start, priority, about in rows
        ],
    )


class OutboxRepository:
    """Reads and resolves outbox rows for the sender."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def due(self, now: int, limit: int) -> list[OutboxRow]:
        """Rows due now, most urgent first."""
        rows = await self._db.fetchall(
            "SELECT id, chat_id, kind, payload, attempts, resent, parts_sent FROM outbox"
            " WHERE status = 'pending' AND next_attempt_at <= ?"
            " ORDER BY priority, next_attempt_at, id LIMIT ?",
            (now, limit),
        )
        return [
            OutboxRow(
                int(r["id"]),
                int(r["chat_id"]),
                str(r["kind"]),
                str(r["payload"]),
                int(r["attempts"]),
                bool(r["resent"]),
                int(r["parts_sent"]),
            )
            for r in rows
        ]

    async def due_count(self, now: int) -> int:
        """How many rows are due and not resolved."""
        value = await self._db.fetchval(
            "SELECT COUNT(*) FROM outbox WHERE status IN ('pending', 'sending')"
            " AND next_attempt_at <= ?",
            (now,),
        )
        return int(value or 0)

    async def claim(self, row_id: int, lease_until: int) -> bool:
        """Mark a row ``sending`` (leased to this process until ``lease_until``) before the call;
        ``False`` if it is not pending any more, e.g. another process took it first.

        One conditional UPDATE is the claim: on PostgreSQL a second process's UPDATE waits for
        the row lock, sees ``sending`` and changes nothing, so exactly one process sends it.
        """
        changed = await self._db.execute(
            "UPDATE outbox SET status = 'sending', attempts = attempts + 1, lease_until = ?"
            " WHERE id = ? AND status = 'pending'",
            (lease_until, row_id),
        )
        return changed == 1

    async def cancel(self, row_id: int) -> None:
        """Drop a row whose view has nothing to say any more."""
        await self._db.execute("DELETE FROM outbox WHERE id = ?", (row_id,))

    async def sent(
        self, row_id: int, now: int, message_id: int, removal: tuple[int, str] | None = None
    ) -> None:
        """Delivered: keep no text (a digest keeps its period, for the next one).

        ``removal`` (chat id, payload) queues the removal of the message this one replaces,
        in the same transaction, after every other due message (:data:`REMOVAL_PRIORITY`).
        """
        sql = (
            f"UPDATE outbox SET status = 'sent', sent_at = ?, message_id = ?, last_error = NULL,"
            f" payload = {_KEEP_VIEW_ARGS} WHERE id = ?"
        )
        if removal is None:
            await self._db.execute(sql, (now, message_id, row_id))
            return
        async with self._db.transaction() as conn:
            await conn.execute(sql, (now, message_id, row_id))
            await insert_outbox(
                conn,
                chat_id=removal[0],
                kind=REMOVAL_KIND,
                payload=removal[1],
                dedupe_key=None,
                start=now,
                now=now,
                priority=REMOVAL_PRIORITY,
                about=None,
            )

    async def unconfirmed(self, row_id: int, now: int, reason: str) -> None:
        """Maybe delivered: taken as sent and never sent again."""
        await self._db.execute(
            f"UPDATE outbox SET status = 'sent', sent_at = ?, payload = {_KEEP_VIEW_ARGS},"
            " last_error = ? WHERE id = ?",
            (now, reason, row_id),
        )

    async def retry(self, row_id: int, when: int, reason: str, resent: bool) -> None:
        """Back to pending, to be tried at ``when``."""
        await self._db.execute(
            "UPDATE outbox SET status = 'pending', next_attempt_at = ?, last_error = ?,"
            " resent = CASE WHEN ? = 1 THEN 1 ELSE resent END WHERE id = ?",
            (when, reason, 1 if resent else 0, row_id),
        )

    async def parts_sent(self, row_id: int, count: int) -> None:
        """Remember how many parts of a long message went, so a retry continues after them."""
        await self._db.execute("UPDATE outbox SET parts_sent = ? WHERE id = ?", (count, row_id))

    async def rejected(self, row_id: int, reason: str) -> None:
        """Telegram refused this row for good: dead-letter it alone, reason kept, text not."""
        await self._db.execute(
            "UPDATE outbox SET status = 'dead', last_error = ?, payload = '{}' WHERE id = ?",
            (reason[:200], row_id),
        )

    async def unreachable(self, row_id: int, chat_id: int, reason: str, now: int) -> None:
        """The chat blocked the bot: dead-letter its rows and remember the chat."""
        async with self._db.transaction() as conn:
            await conn.execute(
                "UPDATE outbox SET status = 'dead', last_error = ?, payload = '{}' WHERE id = ?",
                (reason, row_id),
            )
            await conn.execute(
                "UPDATE outbox SET status = 'dead', last_error = 'chat unreachable',"
                " payload = '{}' WHERE chat_id = ? AND status = 'pending'",
                (chat_id,),
            )
            await conn.execute(
                "INSERT INTO unreachable_chats (chat_id, reason, since) VALUES (?, ?, ?)"
                " ON CONFLICT (chat_id) DO NOTHING",
                (chat_id, reason, now),
            )

    async def migrated(self, row_id: int, old: int, new: int, now: int) -> None:
        """A group became a supergroup: its rows follow the new id, and the move is kept."""
        async with self._db.transaction() as conn:
            await conn.execute(
                "UPDATE outbox SET chat_id = ? WHERE chat_id = ? AND status IN"
                " ('pending', 'sending')",
                (new, old),
            )
            await conn.execute(
                "UPDATE outbox SET status = 'pending', next_attempt_at = ? WHERE id = ?",
                (now, row_id),
            )
            await conn.execute(
                "INSERT INTO chat_migrations (old_chat_id, new_chat_id, at) VALUES (?, ?, ?)"
                " ON CONFLICT (old_chat_id) DO UPDATE SET new_chat_id = excluded.new_chat_id",
                (old, new, now),
            )

    async def followed(self, chat_id: int) -> int:
        """The chat's current id, following any upgrade to a supergroup."""
        for _ in range(5):  # a chain of upgrades, never a loop
            new = await self._db.fetchval(
                "SELECT new_chat_id FROM chat_migrations WHERE old_chat_id = ?", (chat_id,)
            )
            if new is None:
                break
            chat_id = int(new)
        return chat_id

    async def delivered_as(self, row_id: int) -> tuple[int, int] | None:
        """The chat and message id an earlier row was delivered as, if it was."""
        row = await self._db.fetchone(
            "SELECT chat_id, message_id FROM outbox WHERE id = ? AND status = 'sent'"
            " AND message_id IS NOT NULL",
            (row_id,),
        )
        return None if row is None else (int(row["chat_id"]), int(row["message_id"]))

    async def recover(self, now: int, *, expired_only: bool = True) -> int:
        """Resolve rows a crash left ``sending``: at most once for digests, else once more.

        Only rows whose lease has expired, unless ``expired_only`` is false (SQLite's start-up:
        one process per file, so every row left ``sending`` belongs to a dead process).
        """
        kinds = ", ".join("?" for _ in AT_MOST_ONCE_KINDS)
        lapsed = " AND COALESCE(lease_until, 0) <= ?" if expired_only else ""
        until = (now,) if expired_only else ()
        async with self._db.transaction() as conn:
            first = await conn.execute(
                f"UPDATE outbox SET status = 'sent', sent_at = ?, payload = {_KEEP_VIEW_ARGS},"
                " last_error = 'interrupted: delivery unconfirmed', lease_until = NULL"
                f" WHERE status = 'sending' AND kind IN ({kinds}){lapsed}",
                (now, *AT_MOST_ONCE_KINDS, *until),
            )
            second = await conn.execute(
                "UPDATE outbox SET status = 'pending', next_attempt_at = ?, resent = 1,"
                " last_error = 'interrupted: sent again', lease_until = NULL"
                f" WHERE status = 'sending' AND kind NOT IN ({kinds}) AND resent = 0{lapsed}",
                (now, *AT_MOST_ONCE_KINDS, *until),
            )
            third = await conn.execute(  # already sent once more: never a third time
                "UPDATE outbox SET status = 'sent', sent_at = ?, payload = '{}',"
                " last_error = 'interrupted twice: delivery unconfirmed', lease_until = NULL"
                f" WHERE status = 'sending' AND kind NOT IN ({kinds}) AND resent = 1{lapsed}",
                (now, *AT_MOST_ONCE_KINDS, *until),
            )
            return int(first.rowcount) + int(second.rowcount) + int(third.rowcount)

    async def purge(self, before: int) -> int:
        """Forget sent and dead rows created before ``before`` (they hold no text already)."""
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                "DELETE FROM outbox WHERE status IN ('sent', 'dead') AND created_at < ?",
                (before,),
            )
            return int(cursor.rowcount)
