"""Before everything else: private chats only, and a fair share for each person."""

from __future__ import annotations

import contextlib
import time

from telegram import Chat, Update
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop

from bot.context import BotContext
from handlers.callbacks import ALERT
from handlers.common import actor_of, answer

__all__ = ["fair_share", "private_only"]


async def private_only(update: Update, context: BotContext) -> None:
    """Act only in private chats; the on-call chat may press its alert buttons."""
    query = update.callback_query
    if query is not None and (not query.data or len(query.data.encode()) > 64):
        # python-telegram-bot gives a press without data to every button handler: refuse it
        await answer(update)
        raise ApplicationHandlerStop
    chat = update.effective_chat
    if chat is None or chat.type == Chat.PRIVATE:
        return
    services = context.services
    if query is not None:
        if chat.id == services.crisis.on_call_chat_id and ALERT.matches(query.data):
            return
        await answer(update)
        raise ApplicationHandlerStop
    message = update.effective_message
    text = (message.text or "") if message is not None else ""
    now = time.monotonic()
    if text.startswith("/") and services.flood.should_explain(chat.id, now):
        t = services.i18n.get(services.settings.default_locale)
        with contextlib.suppress(TelegramError):
            await context.bot.send_message(
                chat.id,
                t._(
                    "I only work in private chats, so that nothing personal is shared in a "
                    "group. Please write to me directly."
                ),
            )
    raise ApplicationHandlerStop


async def fair_share(update: Update, context: BotContext) -> None:
    """Drop a person's updates beyond a burst (never crisis words); tell them once."""
    user = update.effective_user
    if user is None:
        return
    guard = context.services.flood
    now = time.monotonic()
    if guard.allow(user.id, now):
        return
    message = update.effective_message
    text = (message.text or message.caption or "") if message is not None else ""
    if text and await context.services.safety.assess(text):
        return  # crisis words always get through
    await answer(update)
    if guard.should_warn(user.id, now):
        actor = await actor_of(update, context)
        t = context.t(actor)
        with contextlib.suppress(TelegramError):
            await context.bot.send_message(
                user.id,
                t._(
                    "You're sending messages faster than I can keep up with, so I skipped some. "
                    "Please wait a few seconds and send again what you need."
                ),
            )
    raise ApplicationHandlerStop
