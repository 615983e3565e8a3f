"""Drains the outbox to Telegram with retries, back-off and dead-lettering."""

from __future__ import annotations

import asyncio
import logging

import httpx
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import (
    BadRequest,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)

from bot.clock import Clock
from bot.services.outbox import OutgoingMessage
from bot.storage import Database

__all__ = ["AT_MOST_ONCE_KINDS", "OutboxSender", "keyboard"]

_log = logging.getLogger(__name__)
# After an ambiguous time-out (the request may have reached Telegram) these kinds are not
# sent again, so a digest never arrives twice; every other kind is retried (a duplicate
# alert is better than a lost one).
AT_MOST_ONCE_KINDS = frozenset({"digest", "reminder"})
_MAX_BACKOFF = 3600


def keyboard(rows: tuple[tuple[tuple[str, str], ...], ...]) -> InlineKeyboardMarkup | None:
    """Build an inline keyboard from ``(label, callback data)`` rows."""
    if not rows:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=data) for label, data in row] for row in rows]
    )


def _backoff(attempts: int) -> int:
    return int(min(15 * 2**attempts, _MAX_BACKOFF))


def _surely_not_sent(error: TimedOut) -> bool:
    """A connect or pool time-out means the request never left this machine."""
    cause = error.__cause__
    return isinstance(cause, httpx.ConnectTimeout | httpx.PoolTimeout) or "Pool timeout" in str(
        error
    )


async def _remove(bot: Bot, chat_id: int, message_id: int) -> None:
    """Delete an earlier message, or at least its buttons; it may already be gone."""
    try:
        await bot.delete_message(chat_id, message_id)
    except TelegramError:
        try:
            await bot.edit_message_reply_markup(chat_id, message_id, reply_markup=None)
        except TelegramError:
            _log.debug("could not remove message %s", message_id)


class OutboxSender:
    """Sends due outbox rows; one drain at a time."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock
        self._lock = asyncio.Lock()

    async def drain(self, bot: Bot, limit: int = 500) -> int:
        """Send every due message (up to ``limit``); return how many were delivered."""
        async with self._lock:
            now = self._clock.now()
            rows = await self._db.fetchall(
                "SELECT id, chat_id, kind, payload, attempts FROM outbox"
                " WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY id LIMIT ?",
                (now, limit),
            )
            delivered = 0
            blocked: set[int] = set()
            for row in rows:
                if row["chat_id"] in blocked:
                    continue
                outcome = await self._send_one(
                    bot, row["id"], row["chat_id"], row["kind"], row["payload"], row["attempts"]
                )
                if outcome == "sent":
                    delivered += 1
                elif outcome == "blocked":
                    blocked.add(row["chat_id"])
            return delivered

    async def _send_one(
        self, bot: Bot, row_id: int, chat_id: int, kind: str, payload: str, attempts: int
    ) -> str:
        message = OutgoingMessage.from_json(payload)
        now = self._clock.now()
        if message.replaces is not None:
            await _remove(bot, chat_id, message.replaces)
        try:
            sent = await bot.send_message(
                chat_id, message.text, reply_markup=keyboard(message.buttons)
            )
            message_id = sent.message_id
        except Forbidden:
            await self._dead(row_id, chat_id, "forbidden", now)
            return "blocked"
        except RetryAfter as exc:
            delay = exc.retry_after
            seconds = int(delay.total_seconds()) if hasattr(delay, "total_seconds") else int(delay)
            await self._retry(row_id, attempts, now + max(seconds, 1), "retry_after")
            return "retry"
        except TimedOut as exc:
            if kind in AT_MOST_ONCE_KINDS and not _surely_not_sent(exc):
                _log.warning("outbox %s: time-out, delivery unconfirmed; not resent", row_id)
                await self._db.execute(
                    "UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1,"
                    " last_error = 'timeout: delivery unconfirmed' WHERE id = ?",
                    (now, row_id),
                )
                return "sent"
            await self._retry(row_id, attempts, now + _backoff(attempts), "timeout")
            return "retry"
        except BadRequest as exc:
            # Our own bug (bad HTML, bad markup): keep the row for inspection, do not loop.
            _log.error("outbox %s: rejected by Telegram: %s", row_id, exc.message)
            await self._db.execute(
                "UPDATE outbox SET status = 'dead', attempts = attempts + 1, last_error = ?"
                " WHERE id = ?",
                (f"bad request: {exc.message}"[:200], row_id),
            )
            return "dead"
        except NetworkError as exc:
            await self._retry(row_id, attempts, now + _backoff(attempts), type(exc).__name__)
            return "retry"
        await self._db.execute(
            "UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1,"
            " message_id = ?, last_error = NULL WHERE id = ?",
            (now, message_id, row_id),
        )
        return "sent"

    async def _retry(self, row_id: int, attempts: int, when: int, reason: str) -> None:
        _log.info("outbox %s: retry #%s at %s (%s)", row_id, attempts + 1, when, reason)
        await self._db.execute(
            "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?"
            " WHERE id = ?",
            (when, reason, row_id),
        )

    async def _dead(self, row_id: int, chat_id: int, reason: str, now: int) -> None:
        async with self._db.transaction() as conn:
            await conn.execute(
                "UPDATE outbox SET status = 'dead', last_error = ? WHERE id = ?",
                (reason, row_id),
            )
            await conn.execute(
                "UPDATE outbox SET status = 'dead', last_error = 'chat unreachable'"
                " WHERE chat_id = ? AND status = 'pending'",
                (chat_id,),
            )
            await conn.execute(
                "INSERT INTO unreachable_chats (chat_id, reason, since) VALUES (?, ?, ?)"
                " ON CONFLICT (chat_id) DO NOTHING",
                (chat_id, reason, now),
            )
