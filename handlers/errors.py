"""The last line of defence: log the failure (never user text) and apologise."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import BadRequest, NetworkError, RetryAfter, TimedOut

from bot.context import BotContext
from bot.logs import where
from bot.text import TooLongError
from handlers.common import actor_of, answer, reply

__all__ = ["on_error"]

_log = logging.getLogger(__name__)


async def on_error(update: object, context: BotContext) -> None:
    """Log the error without user content and tell the person kindly."""
    error = context.error
    if isinstance(error, TooLongError) and isinstance(update, Update):
        await _too_long(update, context, error.limit)
        return
    if isinstance(update, Update) and _telegram_unreachable(error):
        # no apology can get through either: the update is applied again later
        _log.warning("Telegram unreachable while answering: %s", type(error).__name__)
        context.services.unanswered.add(update.update_id)
        return
    _log.error("a handler failed: %s", where(error) if error else "?")
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


def _telegram_unreachable(error: BaseException | None) -> bool:
    """Time-outs, flood waits and server or network failures (not our own bad requests)."""
    if isinstance(error, TimedOut | RetryAfter):
        return True
    return isinstance(error, NetworkError) and not isinstance(error, BadRequest)


async def _too_long(update: Update, context: BotContext, limit: int) -> None:
    """Refuse over-long text whole, name the limit; nothing was saved or changed."""
    actor = await actor_of(update, context)
    t = context.t(actor)
    await reply(
        update,
        context,
        t._(
            "That is longer than {limit} characters, so I haven't saved it and nothing was "
            "changed. Please send a shorter version.",
            limit=t.number(limit),
        ),
    )
