"""A fair share for each person: a token bucket per Telegram user, in memory."""

from __future__ import annotations

__all__ = ["FloodGuard"]


class FloodGuard:
    """A burst of ``capacity`` updates per person, then ``rate`` a second."""

    def __init__(self, capacity: float = 30.0, rate: float = 1.0) -> None:
        self.capacity, self.rate = capacity, rate
        self.enabled = True
        self._buckets: dict[int, tuple[float, float]] = {}
        self._warned: dict[int, float] = {}
        self._explained: dict[int, float] = {}

    def allow(self, key: int, now: float) -> bool:
        """Take one token for ``key``; ``False`` if the bucket is empty."""
        if not self.enabled:
            return True
        tokens, last = self._buckets.get(key, (self.capacity, now))
        tokens = min(self.capacity, tokens + (now - last) * self.rate)
        allowed = tokens >= 1.0
        self._buckets[key] = (tokens - 1.0 if allowed else tokens, now)
        if len(self._buckets) > 50_000:  # forget people whose bucket is full again
            full = [k for k, (t, at) in self._buckets.items() if t + (now - at) >= self.capacity]
            for each in full:
                del self._buckets[each]
        return allowed

    def should_warn(self, key: int, now: float) -> bool:
        """Say so once per flood (at most once a minute)."""
        if now - self._warned.get(key, -60.0) < 60:
            return False
        self._warned[key] = now
        return True

    def should_explain(self, chat_id: int, now: float) -> bool:
        """Explain "private chats only" to a group at most once a day."""
        if now - self._explained.get(chat_id, -86400.0) < 86400:
            return False
        self._explained[chat_id] = now
        return True
