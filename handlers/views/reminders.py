"""Reminders, rendered when they are sent (in the client's language, unless they paused)."""

from __future__ import annotations

from typing import Any

from bot.context import Services
from bot.delivery import Renderer
from bot.i18n import Translator
from bot.services.outbox import OutgoingMessage

__all__ = ["reminder_message", "renderers"]


def reminder_message(t: Translator) -> OutgoingMessage:
    """The reminder: an invitation to check in, with "now", "later" and "not today"."""
    return OutgoingMessage(
        t._(
            "🌿 Hi! Would you like to check in? It takes about a minute, and every "
            "question can be skipped."
        ),
        (
            ((t._("✅ Check in now"), "rem:go"),),
            ((t._("⏰ Later"), "rem:later"), (t._("Not today"), "rem:skip")),
        ),
    )


def renderers(services: Services) -> dict[str, Renderer]:
    """Every view the outbox can render at send time."""

    async def reminder(chat_id: int, args: dict[str, Any]) -> OutgoingMessage | None:
        """A queued reminder; cancelled if the client is gone or paused reminders since."""
        locale = await services.reminders.reminder_locale(int(args["client_id"]))
        if locale is None:
            return None
        return reminder_message(services.i18n.get(locale))

    return {"reminder": reminder}
