"""Helpers every handler module uses: who is writing, replying, keyboards."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.error import BadRequest

from bot.context import BotContext
from bot.i18n import N_, Translator
from bot.services.people import Actor, Profile
from bot.text import split_message

__all__ = [
    "actor_of",
    "answer",
    "audit",
    "buttons",
    "deliver",
    "profile_of",
    "refresh_actor",
    "reply",
    "require",
    "resolve_actor",
    "show",
    "stranger_text",
]

_log = logging.getLogger(__name__)


def stranger_text(t: Translator) -> str:
    """Explain the bot to someone without an invite."""
    return t._(
        "👋 Hello! This bot helps clients stay in touch with their practitioner between "
        "sessions: their own goals, short check-ins and useful resources.\n\n"
        "To use it you need a personal invite link from your practitioner (practitioners get "
        "theirs from the service's administrator). Nothing has been stored about you."
    )


_REFUSALS = {
    "client": N_("This is for clients. Send /help to see what you can do."),
    "practitioner": N_("This is for practitioners. Send /help to see what you can do."),
    "admin": N_("Sorry, only administrators can do that."),
}


async def require(update: Update, context: BotContext, role: str) -> Actor | None:
    """Return the person if they have ``role``; otherwise explain kindly and return ``None``.

    On refusal a pressed button is answered too; on success answering is the caller's job.
    """
    actor = await actor_of(update, context)
    if role in actor.roles and actor.person_id is not None:
        return actor
    await answer(update)
    t = context.t(actor)
    await reply(update, context, t._(_REFUSALS[role]) if actor.is_known else stranger_text(t))
    return None


def profile_of(update: Update) -> Profile:
    """What Telegram says about the sender of ``update``."""
    user = update.effective_user
    if user is None:
        raise ValueError("update without a user")
    name = user.full_name.strip() or (user.username or str(user.id))
    return Profile(
        telegram_id=user.id,
        # a person's private chat has their user id: a group never becomes "their chat"
        chat_id=user.id,
        display_name=name[:128],
        language_code=user.language_code,
    )


async def actor_of(update: Update, context: BotContext) -> Actor:
    """Return the person behind ``update`` and their roles, looked up once per update."""
    if context.cached_actor is None:
        context.cached_actor = await context.services.people.actor(profile_of(update))
    return context.cached_actor


async def refresh_actor(update: Update, context: BotContext) -> Actor:
    """Look the person up again after this update changed their roles, language or zone."""
    context.cached_actor = None
    return await actor_of(update, context)


async def resolve_actor(update: Update, context: BotContext) -> None:
    """Look up who is writing, once, for every handler that follows."""
    if update.effective_user is not None and update.effective_chat is not None:
        await actor_of(update, context)


def buttons(rows: Sequence[Sequence[tuple[str, str]]]) -> InlineKeyboardMarkup:
    """Build an inline keyboard from rows of ``(label, callback data)``."""
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=data) for label, data in row] for row in rows]
    )


async def reply(
    update: Update,
    context: BotContext,
    text: str,
    markup: InlineKeyboardMarkup | None = None,
) -> Message | None:
    """Send ``text`` (HTML) to the update's chat, split if long; buttons go on the last part."""
    chat = update.effective_chat
    if chat is None:
        return None
    parts = split_message(text)
    sent: Message | None = None
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        sent = await context.bot.send_message(chat.id, part, reply_markup=markup if last else None)
    return sent


async def show(
    update: Update,
    context: BotContext,
    text: str,
    markup: InlineKeyboardMarkup | None = None,
) -> None:
    """Replace the pressed message's text if this is a button press, else send a new one."""
    query = update.callback_query
    if query is not None and query.message is not None and len(text) < 4000:
        try:
            await query.edit_message_text(text, reply_markup=markup)
        except BadRequest as exc:
            if "not modified" not in exc.message.lower():
                await reply(update, context, text, markup)
        return
    await reply(update, context, text, markup)


async def answer(update: Update, text: str | None = None, *, alert: bool = False) -> None:
    """Answer a button press (always, so the client stops its spinner)."""
    if update.callback_query is not None:
        try:
            await update.callback_query.answer(text, show_alert=alert)
        except BadRequest:
            _log.debug("callback query too old to answer")


async def deliver(context: BotContext) -> None:
    """Ask the background sender to send what the last action queued (never inline)."""
    context.services.outbox.wake()


async def audit(
    context: BotContext, actor: Actor, role: str, action: str, subject: int | None = None
) -> None:
    """Record that ``actor`` viewed a client's data or changed something (ids only)."""
    services = context.services
    await services.audit.record(services.clock.now(), actor.person_id, role, action, subject)
