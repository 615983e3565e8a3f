"""Injectable clocks: the real one and a manual one for tests and the sandbox."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Protocol

__all__ = ["Clock", "ManualClock", "SystemClock"]


class Clock(Protocol):
    """Something that tells the current time as UTC epoch seconds."""

    def now(self) -> int:
        """Return the current UTC time in whole epoch seconds."""
        ...


class SystemClock:
    """The wall clock."""

    def now(self) -> int:
        """Return the current UTC time in whole epoch seconds."""
        return int(time.time())


class ManualClock:
    """A clock that only moves when told to."""

    def __init__(self, start: datetime | int) -> None:
        if isinstance(start, datetime):
            start = int(start.astimezone(UTC).timestamp())
        self._now = start

    def now(self) -> int:
        """Return the current UTC time in whole epoch seconds."""
        return self._now

    def advance(self, delta: timedelta | int) -> None:
        """Move the clock forward by ``delta`` (a timedelta or seconds)."""
        seconds = int(delta.total_seconds()) if isinstance(delta, timedelta) else delta
        if seconds < 0:
            raise ValueError("the clock only moves forward")
        self._now += seconds

    def set(self, when: datetime) -> None:
        """Jump to ``when`` (must not be in the past)."""
        target = int(when.astimezone(UTC).timestamp())
        self.advance(target - self._now)

    @property
    def datetime(self) -> datetime:
        """The current time as an aware UTC datetime."""
        return datetime.fromtimestamp(self._now, UTC)


def as_datetime(epoch: int) -> datetime:
    """Turn epoch seconds into an aware UTC datetime."""
    return datetime.fromtimestamp(epoch, UTC)


def days(n: float) -> int:
    """Return ``n`` days in seconds."""
    return int(timedelta(days=n).total_seconds())
