"""The last line of defence: log the failure (never user text) and apologise."""

from __future__ import annotations

import logging

from telegram import Update

from bot.app import BotApp, BotContext
from handlers.common import answer

__all__ = ["on_error", "register"]

_log = logging.getLogger(__name__)


async def on_error(update: object, context: BotContext) -> None:
    """Log the error without user content and tell the person kindly."""
    error = context.error
    _log.error(
        "handler failed for update %s: %s",
        getattr(update, "update_id", "?"),
        type(error).__name__,
        exc_info=error,
    )
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    try:
        user = update.effective_user
        locale = context.services.i18n.resolve(None, user.language_code if user else None)
        t = context.services.i18n.get(locale)
        await answer(update)
        await context.bot.send_message(
            update.effective_chat.id,
            t._("Sorry, something went wrong on my side. Please try again in a moment."),
        )
    except Exception:
        _log.warning("could not send the apology either")


def register(application: BotApp) -> None:
    """Add the error handler."""
    application.add_error_handler(on_error)
