"""Log lines that never carry what people typed, their names or their ids."""

from __future__ import annotations

import logging
import traceback

__all__ = ["LIBRARY_FLOORS", "clamp_libraries", "where"]

# Libraries that log content at low levels: aiosqlite logs SQL parameters (every typed text,
# names, ids) at DEBUG; python-telegram-bot logs whole updates and requests at DEBUG; httpx
# logs request URLs, which hold the bot token, at INFO; tornado logs request paths.
LIBRARY_FLOORS = {
    "aiosqlite": logging.INFO,
    "asyncpg": logging.INFO,  # quiet at DEBUG too; kept here in case a version starts talking
    "telegram": logging.INFO,
    "httpx": logging.WARNING,
    "httpcore": logging.WARNING,
    "tornado": logging.WARNING,
    "apscheduler": logging.WARNING,
    "asyncio": logging.INFO,
}


def clamp_libraries(level: int) -> None:
    """Keep each library at or above its floor, whatever ``LOG_LEVEL`` asks for."""
    for name, floor in LIBRARY_FLOORS.items():
        logging.getLogger(name).setLevel(max(floor, level))


def where(error: BaseException) -> str:
    """The error's type and where it happened, without its message (which may hold data)."""
    frames = traceback.extract_tb(error.__traceback__)[-4:]
    trail = " <- ".join(
        f"{frame.filename.rsplit('/', 1)[-1]}:{frame.lineno}" for frame in reversed(frames)
    )
    return f"{type(error).__name__} at {trail or '?'}"
