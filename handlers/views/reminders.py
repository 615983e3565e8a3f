"""Reminders, rendered when they are sent (in the client's language, unless they paused)."""

from __future__ import annotations

from typing import Any

from bot.context import Services
from bot.delivery import Renderer
from bot.i18n import Translator
from bot.services.outbox import OutgoingMessage
from handlers.callbacks import REMINDER

__all__ = ["reminder_message", "renderers", "rhythm_message"]


def reminder_message(t: Translator) -> OutgoingMessage:
    """The reminder: an invitation to check in, with "now", "later" and "not today"."""
    return OutgoingMessage(
        t._(
            "🌿 Hi! Would you like to check in? It takes about a minute, and every "
            "question can be skipped."
        ),
        (
            ((t._("✅ Check in now"), REMINDER.build(action="go")),),
            (
                (t._("⏰ Later"), REMINDER.build(action="later")),
                (t._("Not today"), REMINDER.build(action="skip")),
            ),
        ),
    )


def rhythm_message(t: Translator) -> OutgoingMessage:
    """After a few unanswered reminders: keep the rhythm, change it, or take a break?"""
    return OutgoingMessage(
        t._(
            "🌿 The last few reminders went unanswered, and that is completely fine: life "
            "gets full. Would another rhythm suit you better?\n\n"
            "If I don't hear from you, I will stop reminding you until you come back: "
            "/checkin works any time and /resume starts reminders again."
        ),
        (
            ((t._("Keep this rhythm"), REMINDER.build(action="keep")),),
            ((t._("🗓 Change days or time"), REMINDER.build(action="change")),),
            ((t._("⏸ Take a break"), REMINDER.build(action="pause")),),
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

    async def rhythm(chat_id: int, args: dict[str, Any]) -> OutgoingMessage | None:
        """Asked instead of a fourth unanswered reminder."""
        locale = await services.reminders.reminder_locale(int(args["client_id"]))
        if locale is None:
            return None
        return rhythm_message(services.i18n.get(locale))

    return {"reminder": reminder, "reminder_rhythm": rhythm}
