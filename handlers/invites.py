"""/newpractitioner for admins and /invite for practitioners."""

from __future__ import annotations

from telegram import Update

from bot.context import BotContext
from handlers.common import actor_of, reply

__all__ = ["invite_client", "invite_link", "new_practitioner"]


def invite_link(bot_username: str, code: str) -> str:
    """Return the deep link that opens the bot with ``code``."""
    return f"https://t.me/{bot_username}?start={code}"


async def new_practitioner(update: Update, context: BotContext) -> None:
    """Give an admin a single-use practitioner invite link."""
    actor = await actor_of(update, context)
    t = context.t(actor)
    if not actor.is_admin:
        await reply(update, context, t._("Sorry, only administrators can do that."))
        return
    code, expires = await context.services.invites.create("practitioner", actor.telegram_id)
    await reply(
        update,
        context,
        t._(
            "Here is a single-use invite link for a new practitioner. It works once and "
            "expires on {date}. Please send it to them privately:\n\n{link}",
            date=t.day(expires, actor.timezone),
            link=invite_link(context.bot.username, code),
        ),
    )


async def invite_client(update: Update, context: BotContext) -> None:
    """Give a practitioner a single-use client invite link."""
    actor = await actor_of(update, context)
    t = context.t(actor)
    if not actor.is_active_practitioner or actor.person_id is None:
        await reply(update, context, t._("Sorry, only practitioners can invite clients."))
        return
    code, expires = await context.services.invites.create(
        "client", actor.telegram_id, practitioner_id=actor.person_id
    )
    await reply(
        update,
        context,
        t._(
            "Here is a single-use invite link for one client. It works once and expires on "
            "{date}. When they open it, they will see what is stored and who sees it, and can "
            "agree or decline:\n\n{link}",
            date=t.day(expires, actor.timezone),
            link=invite_link(context.bot.username, code),
        ),
    )
