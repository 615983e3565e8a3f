"""The outbox: messages to send, written in the same transaction as their cause."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from bot.storage import Connection
from bot.storage.outbox import insert_outbox, insert_outbox_many
from bot.text import split_message

__all__ = [
    "PRIORITY_NORMAL",
    "PRIORITY_SAFETY",
    "Button",
    "OutgoingMessage",
    "Queued",
    "enqueue",
    "enqueue_many",
]

Button = tuple[str, str]  # (label, callback data)
PRIORITY_SAFETY = 0  # crisis replies and safety alerts go before everything else
PRIORITY_NORMAL = 5


@dataclass(frozen=True)
class OutgoingMessage:
    """A message to send: ready text, or a view rendered when it is sent.

    A message with ``view`` is rendered at send time from ``args`` (in the recipient's
    language, with the latest state); the view may also cancel it. ``edit_of`` names an
    earlier outbox row whose sent message is edited instead of sending a new one, and
    ``reply_to`` one whose message this one answers.
    """

    text: str = ""
    buttons: tuple[tuple[Button, ...], ...] = ()
    replaces: int | None = None  # a message in the same chat to remove first
    view: str | None = None
    args: dict[str, Any] = field(default_factory=dict)
    edit_of: int | None = None
    reply_to: int | None = None

    def to_json(self) -> str:
        """Serialise for the outbox ``payload`` column."""
        data: dict[str, Any] = {"text": self.text, "buttons": [list(r) for r in self.buttons]}
        for key in ("replaces", "view", "edit_of", "reply_to"):
            if getattr(self, key) is not None:
                data[key] = getattr(self, key)
        if self.args:
            data["args"] = self.args
        return json.dumps(data, ensure_ascii=False)

    @classmethod
    def from_json(cls, payload: str) -> OutgoingMessage:
        """Read back what :meth:`to_json` wrote."""
        data = json.loads(payload)
        rows = tuple(tuple((str(b[0]), str(b[1])) for b in row) for row in data.get("buttons", []))

        def optional_int(key: str) -> int | None:
            value = data.get(key)
            return None if value is None else int(value)

        return cls(
            str(data.get("text", "")),
            rows,
            optional_int("replaces"),
            data.get("view"),
            dict(data.get("args") or {}),
            optional_int("edit_of"),
            optional_int("reply_to"),
        )


async def enqueue(
    conn: Connection,
    *,
    chat_id: int,
    kind: str,
    message: OutgoingMessage,
    now: int,
    not_before: int | None = None,
    dedupe_key: str | None = None,
    priority: int = PRIORITY_NORMAL,
    about: int | None = None,
) -> int | None:
    """Add a message to the outbox inside the caller's transaction (once per ``dedupe_key``).

    Text over Telegram's limit becomes several rows, so a retry resends only what failed;
    the buttons go with the last part. ``about`` names the person the message is for or
    about, so erasing them cancels it. Returns the id of the (last) row, or ``None`` if the
    dedupe key was already used.
    """
    start = now if not_before is None else max(now, not_before)
    row_id: int | None = None
    for key, payload in _rows(message, dedupe_key):
        row_id = await insert_outbox(
            conn,
            chat_id=chat_id,
            kind=kind,
            payload=payload,
            dedupe_key=key,
            start=start,
            now=now,
            priority=priority,
            about=about,
        )
    return row_id


def _rows(message: OutgoingMessage, dedupe_key: str | None) -> Iterator[tuple[str | None, str]]:
    """The ``(dedupe key, payload)`` of each outbox row a message becomes, in order."""
    parts = [message.text] if message.view or message.edit_of else split_message(message.text)
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        row = OutgoingMessage(
            part,
            message.buttons if last else (),
            message.replaces,
            message.view,
            message.args,
            message.edit_of,
            message.reply_to if index == 0 else None,
        )
        key = dedupe_key if dedupe_key is None or len(parts) == 1 else f"{dedupe_key}#{index}"
        yield key, row.to_json()


@dataclass(frozen=True)
class Queued:
    """One message for :func:`enqueue_many` (the arguments :func:`enqueue` takes)."""

    chat_id: int
    kind: str
    message: OutgoingMessage
    dedupe_key: str | None = None
    not_before: int | None = None
    priority: int = PRIORITY_NORMAL
    about: int | None = None


async def enqueue_many(conn: Connection, messages: Sequence[Queued], now: int) -> None:
    """Add many messages to the outbox in the caller's transaction, with one statement.

    The same rows, in the same order, as :func:`enqueue` for each message in turn (a dedupe
    key already used is skipped); set-based, for the tick.
    """
    rows = [
        (
            queued.chat_id,
            queued.kind,
            payload,
            key,
            now if queued.not_before is None else max(now, queued.not_before),
            queued.priority,
            queued.about,
        )
        for queued in messages
        for key, payload in _rows(queued.message, queued.dedupe_key)
    ]
    if rows:
        await insert_outbox_many(conn, rows, now)
