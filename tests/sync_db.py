"""Plain blocking queries on a test's database, from outside the bot (any backend)."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
import threading
from collections.abc import Sequence
from typing import Any

from bot.storage.database import sqlite_path
from bot.storage.postgres import translate

__all__ = ["query"]


def query(url: str, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    """Run one statement (``?`` placeholders) in its own transaction; return its rows."""
    if url.startswith("sqlite:"):
        with contextlib.closing(sqlite3.connect(sqlite_path(url))) as con, con:
            return [tuple(row) for row in con.execute(sql, params)]
    result: list[list[tuple[Any, ...]]] = []
    failure: list[BaseException] = []

    async def run() -> None:
        import asyncpg

        conn = await asyncpg.connect(url)
        try:
            result.append([tuple(row) for row in await conn.fetch(translate(sql), *params)])
        finally:
            await conn.close()

    def thread() -> None:  # the caller's event loop may be running in this thread
        try:
            asyncio.run(run())
        except BaseException as error:
            failure.append(error)

    worker = threading.Thread(target=thread)
    worker.start()
    worker.join()
    if failure:
        raise failure[0]
    return result[0]
