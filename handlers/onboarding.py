"""First contact: /start with or without an invite code, consent, and strangers."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from telegram import Update

from bot.context import BotContext
from bot.i18n import Translator
from bot.services.invites import CONSENT_VERSION, InviteStatus, OpenedInvite
from bot.services.people import Actor
from bot.text import esc
from handlers.callbacks import CONSENT
from handlers.commands import register_person_commands
from handlers.common import (
    actor_of,
    answer,
    buttons,
    deliver,
    profile_of,
    refresh_actor,
    reply,
    show,
    stranger_text,
)
from handlers.goals import invite_first_goal
from handlers.menu import ask_where, help_text

__all__ = ["AFTER_CONSENT", "consent", "consent_update", "start"]

_log = logging.getLogger(__name__)


def consent_text(t: Translator, invite: OpenedInvite) -> str:
    """The consent screen shown before anything about a client is stored."""
    name = esc(invite.practitioner_name or "")
    return t._(
        "👋 Welcome! <b>{practitioner}</b> invited you to this check-in bot, for the time "
        "between your sessions.\n\n"
        "<b>Before anything is stored, please read this:</b>\n"
        "• <b>What is kept:</b> your Telegram name, language and time zone, the goals you write, "
        "your check-in ratings, the notes you add and the requests you make.\n"
        "• <b>What {practitioner} sees:</b> your goals and ratings, whether you have paused, "
        "when you haven't checked in for longer than your schedule suggests, your requests and "
        "their notes, and your notes only when you choose to share them. Administrators see "
        "only overall numbers, never your words.\n"
        "• <b>Cover:</b> when {practitioner} is away, the colleague covering for them sees the "
        "same and may reply.\n"
        "• <b>Limits of confidentiality:</b> if something you write sounds like a crisis, "
        "{practitioner} (or the on-call team) is alerted and may read what you wrote, even if "
        "you keep your notes private.\n"
        "• <b>Privacy:</b> chats with Telegram bots are <b>not end-to-end encrypted</b>.\n"
        "• <b>Not a crisis service:</b> nobody watches this chat in real time. If you are in "
        "danger, call your local emergency number or a crisis line.\n"
        "• <b>You are in control:</b> every question can be skipped. /mydata sends you a copy "
        "of everything stored about you, and /delete erases all of it.\n\n"
        "Do you agree to this?",
        practitioner=name,
    )


def consent_changes_text(t: Translator, since: int) -> str:
    """What changed since the consent version ``since`` an existing client agreed to."""
    cover = t._(
        "• When your practitioner is away, the colleague covering for them sees the same "
        "things and may reply."
    )
    if since >= 2:
        closing = t._(
            "Nothing else has changed. /mydata sends you a copy of your data, and /delete "
            "erases it."
        )
        return "\n".join((t._("📄 <b>An update on how this bot works</b>"), cover, closing))
    lines = t._(
        "📄 <b>An update on how this bot works</b>\n"
        "• If something you write sounds like a crisis, your practitioner (or the on-call team) "
        "is alerted and may read what you wrote, even if you keep your notes private.\n"
        "• Your practitioner sees your goals and ratings, whether you have paused, when you "
        "haven't checked in for longer than your schedule suggests, and your requests and their "
        "notes; your notes only when you choose to share them.\n"
        "• New: /safetyplan, a plan for hard moments in your own words, private unless you "
        "share it.\n"
        "Nothing else has changed. /mydata sends you a copy of your data, and /delete erases it."
    ).split("\n")
    return "\n".join((*lines[:-1], cover, lines[-1]))  # the new point before the closing line


async def consent_update(update: Update, context: BotContext) -> None:
    """Tell a client once, at their next contact, what changed in the consent text."""
    if update.effective_user is None or update.effective_chat is None:
        return
    if update.effective_chat.type != update.effective_chat.PRIVATE:
        return
    actor = await actor_of(update, context)
    if (
        not actor.is_client
        or actor.person_id is None
        or actor.consent_version is None
        or actor.consent_version >= CONSENT_VERSION
    ):
        return
    if await context.services.people.consent_seen(actor.person_id, CONSENT_VERSION):
        since = actor.consent_version
        await reply(update, context, consent_changes_text(context.t(actor), since))


def _status_text(t: Translator, status: InviteStatus, ttl_days: int) -> str:
    if status is InviteStatus.USED:
        return t._(
            "This invite link has already been used. Each link works only once, so please ask "
            "for a fresh one."
        )
    if status is InviteStatus.EXPIRED:
        return t.n_(
            "This invite link has expired (links last {count} day). Please ask for a new one; "
            "it only takes a moment.",
            "This invite link has expired (links last {count} days). Please ask for a new one; "
            "it only takes a moment.",
            ttl_days,
        )
    if status is InviteStatus.ALREADY_CLIENT:
        return t._(
            "You are already connected with a practitioner here, so this link was not used. "
            "If you should be with someone else, your practitioner or an administrator can "
            "arrange it."
        )
    if status is InviteStatus.ALREADY_PRACTITIONER:
        return t._(
            "You are already set up here as a practitioner, so this link was not used. Client "
            "invite links are meant for clients."
        )
    if status is InviteStatus.PRACTITIONER_INACTIVE:
        return t._(
            "The practitioner who made this link is no longer active here. Please ask for a new "
            "link."
        )
    return t._(
        "I don't recognise this invite link. Please check that you opened the whole link, or "
        "ask for a new one."
    )


async def start(update: Update, context: BotContext) -> None:
    """Open an invite link, or greet the person."""
    actor = await actor_of(update, context)
    t = context.t(actor)
    code = context.args[0] if context.args else ""
    if not code:
        if actor.roles:
            await register_person_commands(context.bot, actor, t)
            await reply(update, context, help_text(t, actor))
        else:
            await reply(update, context, stranger_text(t))
        return
    check = await context.services.invites.open(code, actor.telegram_id)
    ttl = context.services.settings.invite_ttl_days
    if check.status is not InviteStatus.OK or check.invite is None:
        await reply(update, context, _status_text(t, check.status, ttl))
        return
    if check.invite.role == "practitioner":
        await _become_practitioner(update, context, code, t)
        return
    invite, signature = check.invite.id, check.invite.signature
    markup = buttons(
        [
            [
                (
                    t._("✅ I agree"),
                    CONSENT.build(choice="yes", invite=invite, signature=signature),
                ),
                (t._("Not now"), CONSENT.build(choice="no", invite=invite, signature=signature)),
            ]
        ]
    )
    await reply(update, context, consent_text(t, check.invite), markup)


async def _become_practitioner(
    update: Update, context: BotContext, code: str, t: Translator
) -> None:
    """Make the person a practitioner and welcome them."""
    status = await context.services.invites.redeem_practitioner(code, profile_of(update))
    if status is not InviteStatus.OK:
        await reply(
            update, context, _status_text(t, status, context.services.settings.invite_ttl_days)
        )
        return
    actor = await refresh_actor(update, context)
    assert actor.person_id is not None
    await context.services.digests.reschedule(actor.person_id)
    await register_person_commands(context.bot, actor, t)
    welcome = t._(
        "🎉 Welcome, {name}! You are now set up as a practitioner.\n\n"
        "Send /invite to create a single-use link for a client. When they accept, I'll let you "
        "know.",
        name=esc(actor.display_name),
    )
    await reply(update, context, welcome + "\n\n" + help_text(t, actor))


async def consent(update: Update, context: BotContext) -> None:
    """Handle "I agree" / "Not now" on the consent screen."""
    query = update.callback_query
    assert query is not None
    pressed = CONSENT.parse(query.data)
    assert pressed is not None
    actor = await actor_of(update, context)
    t = context.t(actor)
    if pressed["choice"] == "no":  # nothing about them was stored, so there is nothing to undo
        await answer(update)
        await show(
            update,
            context,
            t._(
                "That's completely fine. Nothing about you has been stored. If you change your "
                "mind, open the same link again while it is still valid."
            ),
        )
        return
    status = await context.services.invites.accept_client(
        pressed["invite"], pressed["signature"], profile_of(update)
    )
    await answer(update)
    if status is not InviteStatus.OK:
        await show(
            update, context, _status_text(t, status, context.services.settings.invite_ttl_days)
        )
        return
    actor = await refresh_actor(update, context)
    await register_person_commands(context.bot, actor, t)
    await show(
        update,
        context,
        t._(
            "Thank you. You're now connected with your practitioner. 🌱\n\n"
            "You choose what to share and when. Send /help at any time to see what you can do."
        ),
    )
    await after_consent(update, context, actor)
    await deliver(context)


async def after_consent(update: Update, context: BotContext, actor: Actor) -> None:
    """Take the steps that follow consent, in order."""
    for step in AFTER_CONSENT:
        await step(update, context, actor)


# What a new client is offered right after agreeing, in order.
AFTER_CONSENT: tuple[Callable[[Update, BotContext, Actor], Awaitable[None]], ...] = (
    ask_where,  # buttons; a typed place answers it while the first-goal question is open
    invite_first_goal,
)
