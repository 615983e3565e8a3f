"""Drains the outbox to Telegram with retries, back-off and dead-lettering, in the background."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any

import httpx
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, ReplyParameters
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)

from bot.budget import bulk_sending
from bot.clock import Clock
from bot.logs import where
from bot.services.outbox import OutgoingMessage
from bot.storage import Database
from bot.storage.outbox import AT_MOST_ONCE_KINDS, REMOVAL_KIND, OutboxRepository, OutboxRow
from bot.text import split_message

__all__ = ["AT_MOST_ONCE_KINDS", "RESENT_MARK", "OutboxSender", "Renderer", "keyboard"]

_log = logging.getLogger(__name__)
_MAX_BACKOFF = 3600
# Shown on a message sent again after an attempt that may have arrived (at most once more).
RESENT_MARK = "🔁 "
# A view renders a message at send time: (chat id, args) -> the message, or None to cancel.
Renderer = Callable[[int, dict[str, Any]], Awaitable[OutgoingMessage | None]]


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
    """Sends due outbox rows, most urgent first; one drain at a time, from one background task."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._rows = OutboxRepository(db)
        self._clock = clock
        self._lock = asyncio.Lock()
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self.batch = 200
        # a row being sent is this process's for so long; another process resolves it only after
        self.lease_seconds = 120
        # at most one message a second to one chat (Telegram's limit), messages to other chats
        # go meanwhile; 0 turns the spacing off (the step-by-step harness)
        self.chat_interval = 1.0
        self._last_to: dict[int, float] = {}
        self._deferred = False
        self._removals = False  # this drain queued the removal of a replaced message
        self.renderers: dict[str, Renderer] = {}
        # called with (old chat id, new chat id) when a group became a supergroup
        self.on_chat_migrated: Callable[[int, int], Awaitable[None]] | None = None

    def wake(self) -> None:
        """Ask the background task to drain now (handlers call this after queueing)."""
        self._wake.set()

    def start(self, bot: Bot, idle_seconds: float) -> None:
        """Start draining in the background: at once when woken, else every ``idle_seconds``."""
        if self._task is None:
            self._task = asyncio.create_task(self._run(bot, idle_seconds), name="outbox")

    async def stop(self) -> None:
        """Stop the background task (a send in flight is left ``sending``, resolved at start)."""
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def _run(self, bot: Bot, idle_seconds: float) -> None:
        while True:
            self._wake.clear()
            try:
                handled = await self.drain(bot)
            except Exception as exc:
                _log.error("draining the outbox failed: %s", where(exc))
                handled = 0
            if handled >= self.batch or (handled and self._deferred):
                continue  # a long backlog: keep going, never starve it
            wait = min(idle_seconds, self.chat_interval / 10) if self._deferred else idle_seconds
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=wait)

    async def followed(self, chat_id: int) -> int:
        """The chat's current id, following any upgrade to a supergroup."""
        return await self._rows.followed(chat_id)

    async def due(self) -> int:
        """How many rows are due now and not yet resolved (for tests and monitoring)."""
        return await self._rows.due_count(self._clock.now())

    async def purge(self, before: int) -> int:
        """Forget sent and dead rows older than ``before`` (they hold no text already)."""
        return await self._rows.purge(before)

    async def recover(self, *, expired_only: bool = True) -> int:
        """Resolve rows a crash left ``sending``: at most once for digests, once more otherwise
        (only rows whose lease expired, unless ``expired_only`` is false)."""
        return await self._rows.recover(self._clock.now(), expired_only=expired_only)

    async def drain(self, bot: Bot, limit: int | None = None) -> int:
        """Send due messages (up to ``limit``, most urgent first); return how many were tried.

        Removals of replaced messages queued by this pass follow in the same call when the
        backlog is short, so a drained outbox leaves no old reminder behind.
        """
        limit = self.batch if limit is None else limit
        async with self._lock:
            with bulk_sending():  # replies to people go before these calls
                self._removals = False
                handled = await self._pass(bot, limit)
                if self._removals and handled < limit:
                    handled += await self._pass(bot, limit - handled)
            return handled

    async def _pass(self, bot: Bot, limit: int) -> int:
        rows = await self._rows.due(self._clock.now(), limit)
        handled = 0
        blocked: set[int] = set()
        self._deferred = False
        moment = time.monotonic()
        self._last_to = {
            chat: at for chat, at in self._last_to.items() if moment - at < self.chat_interval
        }
        for row in rows:
            if row.chat_id in blocked or (row.kind == REMOVAL_KIND and self._deferred):
                continue  # removals wait until no message is waiting for its chat either
            spaced = self.chat_interval and row.kind != REMOVAL_KIND
            if spaced and row.chat_id in self._last_to:
                since = time.monotonic() - self._last_to[row.chat_id]
                if since < self.chat_interval:
                    self._deferred = True  # this chat had a message just now: next pass
                    continue
            try:
                outcome = await self._send_one(bot, row)
            except Exception as exc:  # one bad row never blocks the others
                _log.error("outbox %s: unexpected error: %s", row.id, where(exc))
                await self._retry(row.id, row.attempts, "unexpected error")
                outcome = "retry"
            if spaced:  # from when the call was answered: it may have waited for the budget
                self._last_to[row.chat_id] = time.monotonic()
            if outcome == "blocked":
                blocked.add(row.chat_id)
            handled += 1
        return handled

    async def _send_one(self, bot: Bot, row: OutboxRow) -> str:
        row_id, chat_id, kind, attempts = row.id, row.chat_id, row.kind, row.attempts
        message: OutgoingMessage = OutgoingMessage.from_json(row.payload)
        if row.kind == REMOVAL_KIND:
            if not await self._rows.claim(row_id, self._clock.now() + self.lease_seconds):
                return "skipped"
            if message.replaces is not None:
                await _remove(bot, chat_id, message.replaces)
            await self._rows.sent(row_id, self._clock.now(), 0)
            return "sent"
        if message.view is not None:
            renderer = self.renderers.get(message.view)
            rendered = None if renderer is None else await renderer(chat_id, message.args)
            if rendered is None:  # nothing to say any more (e.g. the person erased their data)
                await self._rows.cancel(row_id)
                return "cancelled"
            message = replace(
                rendered,
                replaces=message.replaces,
                edit_of=message.edit_of,
                reply_to=message.reply_to,
            )
        if not await self._rows.claim(row_id, self._clock.now() + self.lease_seconds):
            return "skipped"
        now = self._clock.now()
        try:
            if row.resent and message.edit_of is None and row.parts_sent == 0:
                message = replace(message, text=RESENT_MARK + message.text)
            message_id = await self._call(bot, row_id, chat_id, message, row.parts_sent)
        except Forbidden:
            await self._rows.unreachable(row_id, chat_id, "forbidden", now)
            return "blocked"
        except ChatMigrated as exc:
            _log.warning("outbox %s: chat migrated to a supergroup; following it", row_id)
            new = int(exc.new_chat_id)
            await self._rows.migrated(row_id, chat_id, new, self._clock.now())
            if self.on_chat_migrated is not None:
                await self.on_chat_migrated(chat_id, new)
            return "retry"
        except RetryAfter as exc:
            delay = exc.retry_after
            seconds = int(delay.total_seconds()) if hasattr(delay, "total_seconds") else int(delay)
            await self._retry(row_id, attempts, "retry_after", now + max(seconds, 1))
            return "retry"
        except TimedOut as exc:
            ambiguous = not _surely_not_sent(exc)
            if ambiguous and (kind in AT_MOST_ONCE_KINDS or row.resent):
                # a digest never twice; anything else at most once more, marked as such
                _log.warning("outbox %s: time-out, delivery unconfirmed; not resent", row_id)
                await self._rows.unconfirmed(row_id, now, "timeout: delivery unconfirmed")
                return "sent"
            await self._retry(row_id, attempts, "timeout", resent=ambiguous)
            return "retry"
        except BadRequest as exc:
            # Our own bug (bad HTML, bad markup): keep the reason for inspection, do not loop.
            _log.error("outbox %s: rejected by Telegram: %s", row_id, exc.message)
            await self._rows.rejected(row_id, f"bad request: {exc.message}")
            return "dead"
        except NetworkError as exc:
            await self._retry(row_id, attempts, type(exc).__name__)
            return "retry"
        removal = None
        if message.replaces is not None and message.edit_of is None:
            removal = (chat_id, OutgoingMessage(replaces=message.replaces).to_json())
            self._removals = True
        await self._rows.sent(row_id, now, message_id, removal)
        _log.debug("outbox %s: %s sent", row_id, kind)  # the row and its kind, never its words
        return "sent"

    async def _target(self, row_id: int | None) -> tuple[int, int] | None:
        """The chat and message id an earlier row was delivered as, if it was."""
        return None if row_id is None else await self._rows.delivered_as(row_id)

    async def _call(
        self, bot: Bot, row_id: int, chat_id: int, message: OutgoingMessage, done: int
    ) -> int:
        """Make the Bot API call for one row; return the message id (0 for an edit)."""
        markup = keyboard(message.buttons)
        if message.edit_of is not None:
            target = await self._target(message.edit_of)
            if target is None:  # the original is not out yet: it will show the latest state
                return 0
            try:
                await bot.edit_message_text(
                    message.text, chat_id=target[0], message_id=target[1], reply_markup=markup
                )
            except BadRequest as exc:
                if "not modified" not in exc.message.lower():
                    raise
            return 0
        reply = await self._target(message.reply_to)
        parts = split_message(message.text)  # a view may render more than one message holds
        sent_id = 0
        for index in range(done, len(parts)):
            last = index == len(parts) - 1
            sent = await bot.send_message(
                chat_id,
                parts[index],
                reply_markup=markup if last else None,
                reply_parameters=(
                    ReplyParameters(reply[1], allow_sending_without_reply=True)
                    if reply is not None and reply[0] == chat_id and index == 0
                    else None
                ),
            )
            sent_id = int(sent.message_id)
            if not last:  # a retry continues after the parts already delivered
                await self._rows.parts_sent(row_id, index + 1)
        return sent_id

    async def _retry(
        self,
        row_id: int,
        attempts: int,
        reason: str,
        when: int | None = None,
        *,
        resent: bool = False,
    ) -> None:
        when = self._clock.now() + _backoff(attempts) if when is None else when
        _log.info("outbox %s: retry #%s at %s (%s)", row_id, attempts + 1, when, reason)
        await self._rows.retry(row_id, when, reason, resent)
