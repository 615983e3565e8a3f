"""Telegram's call budget: at most 30 message calls in any second, people's replies first."""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Callable, Coroutine, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from telegram.ext import BaseRateLimiter

__all__ = ["CallBudget", "bulk_sending"]

# True while the outbox sender makes its calls: those give way to replies to people
_BULK: ContextVar[bool] = ContextVar("bulk_sending", default=False)
# calls that put, change or remove a message count; answering a button press does not
_NOT_COUNTED = frozenset({"deleteWebhook", "deleteMyCommands"})
_COUNTED_PREFIXES = ("send", "edit", "delete", "copy", "forward", "stop")


@contextmanager
def bulk_sending() -> Iterator[None]:
    """Mark the calls made inside as the outbox's (they use only what replies leave)."""
    token = _BULK.set(True)
    try:
        yield
    finally:
        _BULK.reset(token)


def _counted(endpoint: str) -> bool:
    return endpoint.startswith(_COUNTED_PREFIXES) and endpoint not in _NOT_COUNTED


class CallBudget(BaseRateLimiter[None]):
    """A sliding window over every message call: never more than ``per_second`` in any second.

    Unlike a leaky bucket (PTB's ``AIORateLimiter``), the window has no burst on top of the
    rate. Replies to people go first: the outbox waits while one is waiting, and keeps
    ``reserve`` calls of each second free for them, so a tap is not queued behind a backlog;
    while people are tapping (a reply in the last second) it keeps ``busy_reserve`` free, so
    a tap's few calls (the answer marked, the next question) all find a place at once.
    A group chat gets at most ``group_per_minute`` messages a minute. ``RetryAfter`` is
    raised to the caller, which knows when to try again (the outbox reschedules the row).
    """

    def __init__(
        self,
        per_second: int = 30,
        *,
        reserve: int = 1,
        busy_reserve: int = 3,
        margin: float = 0.01,
        group_per_minute: int = 20,
    ) -> None:
        self.per_second = per_second
        self.reserve = reserve
        self.busy_reserve = max(reserve, busy_reserve)
        self.window = 1.0 + margin  # a little over a second: the network's jitter
        self.group_per_minute = group_per_minute
        self._calls: deque[float] = deque()
        self._groups: dict[int | str, deque[float]] = {}
        self._replies_waiting = 0
        self._last_reply: float | None = None  # when a reply to a person last went

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        """Wait for a free place in the window if the call counts, then make it."""
        if _counted(endpoint):
            await self._take(data.get("chat_id"), bulk=_BULK.get())
        return await callback(*args, **kwargs)

    def _group(self, chat_id: Any) -> deque[float] | None:
        """The recent calls to a group chat (``None`` for a private chat)."""
        if chat_id is None or (isinstance(chat_id, int) and chat_id > 0):
            return None
        if isinstance(chat_id, str) and chat_id.lstrip("-").isdigit() and int(chat_id) > 0:
            return None
        return self._groups.setdefault(chat_id, deque())

    def _wait(self, now: float, bulk: bool, group: deque[float] | None) -> float:
        """Seconds until this call may go (0: now)."""
        calls = self._calls
        while calls and now - calls[0] >= self.window:
            calls.popleft()
        busy = self._last_reply is not None and now - self._last_reply < self.window
        limit = self.per_second - ((self.busy_reserve if busy else self.reserve) if bulk else 0)
        wait = 0.0
        if len(calls) >= limit:
            wait = calls[len(calls) - limit] + self.window - now
        if group is not None:
            while group and now - group[0] >= 60.0:
                group.popleft()
            if len(group) >= self.group_per_minute:
                wait = max(wait, group[len(group) - self.group_per_minute] + 60.0 - now)
        if bulk and self._replies_waiting and wait <= 0:
            wait = 0.002  # a reply is waiting for the next place: let it have it
        return wait

    async def _take(self, chat_id: Any, *, bulk: bool) -> None:
        group = self._group(chat_id)
        if not bulk:
            self._replies_waiting += 1
        try:
            while True:
                now = time.monotonic()
                wait = self._wait(now, bulk, group)
                if wait <= 0:
                    self._calls.append(now)
                    if not bulk:
                        self._last_reply = now
                    if group is not None:
                        group.append(now)
                    return
                await asyncio.sleep(wait)
        finally:
            if not bulk:
                self._replies_waiting -= 1
