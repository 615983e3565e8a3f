"""The outbox: messages to send, written in the same transaction as their cause."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from bot.text import split_message

__all__ = ["Button", "OutgoingMessage", "enqueue"]

Button = tuple[str, str]  # (label, callback data)


@dataclass(frozen=True)
class OutgoingMessage:
    """A message rendered in the recipient's language, ready to send."""

    text: str
    buttons: tuple[tuple[Button, ...], ...] = ()
    replaces: int | None = None  # a message in the same chat to remove first

    def to_json(self) -> str:
        """Serialise for the outbox ``payload`` column."""
        data: dict[str, Any] = {"text": self.text, "buttons": [list(r) for r in self.buttons]}
        if self.replaces is not None:
            data["replaces"] = self.replaces
        return json.dumps(data)

    @classmethod
    def from_json(cls, payload: str) -> OutgoingMessage:
        """Read back what :meth:`to_json` wrote."""
        data = json.loads(payload)
        rows = tuple(tuple((str(b[0]), str(b[1])) for b in row) for row in data.get("buttons", []))
        replaces = data.get("replaces")
        return cls(str(data["text"]), rows, None if replaces is None else int(replaces))


async def enqueue(
    conn: Any,
    *,
    chat_id: int,
    kind: str,
    message: OutgoingMessage,
    now: int,
    not_before: int | None = None,
    dedupe_key: str | None = None,
) -> None:
    """Add a message to the outbox inside the caller's transaction (once per ``dedupe_key``).

    Text over Telegram's limit becomes several rows, so a retry resends only what failed;
    the buttons go with the last part.
    """
    start = now if not_before is None else max(now, not_before)
    parts = split_message(message.text)
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        row = OutgoingMessage(part, message.buttons if last else (), message.replaces)
        key = dedupe_key if dedupe_key is None or len(parts) == 1 else f"{dedupe_key}#{index}"
        await conn.execute(
            "INSERT INTO outbox (chat_id, kind, payload, dedupe_key, not_before, next_attempt_at,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING",
            (chat_id, kind, row.to_json(), key, start, start, now),
        )
