"""Free text: routed to whatever question is pending, else a gentle pointer."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from telegram import Update
from telegram.ext import CallbackQueryHandler, MessageHandler, filters

from bot.context import BotApp, BotContext
from bot.services.people import Actor
from handlers.common import INPUT_HANDLERS, actor_of, answer, reply, stranger_text

__all__ = ["register", "route_text"]


async def on_text(update: Update, context: BotContext) -> None:
    """Pass the text to the pending question's handler, or explain what is possible."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    actor = await actor_of(update, context)
    t = context.t(actor)
    if not actor.is_known:
        await reply(update, context, stranger_text(t))
        return
    await route_text(update, context, actor, message.text)


async def route_text(update: Update, context: BotContext, actor: Actor, text: str) -> None:
    """Give text (already screened for crisis words) to the pending question or a fallback."""
    t = context.t(actor)
    pending = actor.pending_input or {}
    handler = INPUT_HANDLERS.get(str(pending.get("kind", "")))
    if handler is not None:
        await handler(update, context, actor, text)
        return
    for fallback in TEXT_FALLBACKS:
        if await fallback(update, context, actor, text):
            return
    await reply(
        update, context, t._("I'm not sure what to do with that. Send /help to see what I can do.")
    )


async def on_stale_button(update: Update, context: BotContext) -> None:
    """Answer any button nothing else handled (an old message, or one from another role)."""
    actor = await actor_of(update, context)
    t = context.t(actor)
    await answer(update, t._("This button is no longer active."), alert=False)


async def on_unknown_command(update: Update, context: BotContext) -> None:
    """Answer a command the bot does not know."""
    actor = await actor_of(update, context)
    t = context.t(actor)
    if not actor.is_known:
        await reply(update, context, stranger_text(t))
        return
    await reply(update, context, t._("I don't know that command. Send /help to see what I can do."))


# Tried in order when no question is pending; each returns True if it took the text.
TEXT_FALLBACKS: list[Callable[[Update, BotContext, Actor, str], Awaitable[bool]]] = []


def register(application: BotApp) -> None:
    """Add the catch-all text and button handlers (registered last)."""
    application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, on_text))
    application.add_handler(MessageHandler(filters.COMMAND, on_unknown_command))
    application.add_handler(CallbackQueryHandler(on_stale_button))
