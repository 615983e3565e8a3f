"""/help, /language and /settings (language and time zone)."""

from __future__ import annotations

from telegram import Update

from bot.context import BotContext
from bot.i18n import N_, Translator
from bot.services.people import Actor
from bot.text import clean_user_text, esc
from handlers.callbacks import (
    LANGUAGE,
    OPTIONS,
    PRACTICE_MENU,
    REMINDER_SCHEDULE,
    SETTINGS,
    TIMEZONE,
)
from handlers.commands import commands_for_roles, register_person_commands
from handlers.common import (
    actor_of,
    answer,
    buttons,
    refresh_actor,
    reply,
    show,
    stranger_text,
)

__all__ = [
    "COMMON_TIMEZONES",
    "SETTINGS_SECTIONS",
    "choose_language",
    "choose_timezone",
    "help_command",
    "help_text",
    "language_command",
    "settings_button",
    "settings_command",
    "typed_timezone",
]

COMMON_TIMEZONES: tuple[str, ...] = (
    "UTC",
    "Europe/London",
    "Europe/Madrid",
    "Europe/Berlin",
    "Europe/Kyiv",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
    "America/Mexico_City",
    "America/Bogota",
    "Australia/Sydney",
)

# The journeys' own rows in /settings, after language and time zone:
# (label for the button, callback data, the roles that see it).
SETTINGS_SECTIONS: tuple[tuple[str, str, frozenset[str]], ...] = (
    (N_("⏰ Reminders"), REMINDER_SCHEDULE.build(), frozenset({"client"})),
    (N_("⚙️ Check-in options"), OPTIONS.build(option="menu"), frozenset({"client"})),
    (N_("📬 Digest and alerts"), PRACTICE_MENU.build(action="menu"), frozenset({"practitioner"})),
)


def help_text(t: Translator, actor: Actor) -> str:
    """List the commands of ``actor``'s roles in their language."""
    lines = [t._("<b>What you can do here</b>")]
    if "admin" in actor.roles:
        lines.append(t._("You are an administrator."))
    if "practitioner" in actor.roles:
        lines.append(t._("You are a practitioner."))
    lines.append("")
    for name, description in commands_for_roles(actor.roles):
        lines.append(f"/{name} — {esc(t._(description))}")
    if "client" in actor.roles:
        lines.append("")
        lines.append(
            t._(
                "Every question can be skipped, and nobody watches this chat in real time. "
                "If you are in danger, please call your local emergency number."
            )
        )
    return "\n".join(lines)


async def help_command(update: Update, context: BotContext) -> None:
    """Show the commands of the person's role(s)."""
    actor = await actor_of(update, context)
    t = context.t(actor)
    if not actor.roles:
        await reply(update, context, stranger_text(t))
        return
    await reply(update, context, help_text(t, actor))


def _language_markup(context: BotContext) -> list[list[tuple[str, str]]]:
    i18n = context.services.i18n
    names = [
        (i18n.get(code).language_name(code), LANGUAGE.build(code=code)) for code in i18n.locales
    ]
    return [names[i : i + 2] for i in range(0, len(names), 2)]


async def language_command(update: Update, context: BotContext) -> None:
    """Offer the supported languages as buttons."""
    actor = await actor_of(update, context)
    t = context.t(actor)
    if not actor.is_known:
        await reply(update, context, stranger_text(t))
        return
    await reply(
        update, context, t._("Which language would you like?"), buttons(_language_markup(context))
    )


async def choose_language(update: Update, context: BotContext) -> None:
    """Store the chosen language and answer in it."""
    query = update.callback_query
    assert query is not None
    pressed = LANGUAGE.parse(query.data)
    assert pressed is not None
    actor = await actor_of(update, context)
    code = pressed["code"]
    if not actor.is_known or actor.person_id is None or code not in context.services.i18n.locales:
        await answer(update)
        return
    await context.services.people.set_locale(actor.person_id, code)
    actor = await refresh_actor(update, context)
    t = context.t(actor)
    await answer(update)
    await register_person_commands(context.bot, actor, t)
    await show(
        update,
        context,
        t._("Done. I'll write to you in {language} from now on.", language=t.language_name(code)),
    )


def settings_text(t: Translator, actor: Actor, now: int) -> str:
    """Describe the person's current settings."""
    return "\n".join(
        [
            t._("<b>Your settings</b>"),
            t._("Language: {language}", language=t.language_name(actor.locale)),
            t._(
                "Time zone: {zone} (it is {time} there now)",
                zone=esc(actor.timezone),
                time=t.clock(now, actor.timezone),
            ),
        ]
    )


def _settings_markup(t: Translator, actor: Actor) -> list[list[tuple[str, str]]]:
    rows = [
        [
            (t._("🌐 Language"), SETTINGS.build(section="lang")),
            (t._("🕒 Time zone"), SETTINGS.build(section="tz")),
        ]
    ]
    for label, data, roles in SETTINGS_SECTIONS:
        if roles & actor.roles:
            rows.append([(t._(label), data)])
    return rows


async def settings_command(update: Update, context: BotContext) -> None:
    """Show the person's settings with buttons to change them."""
    actor = await actor_of(update, context)
    t = context.t(actor)
    if not actor.is_known:
        await reply(update, context, stranger_text(t))
        return
    now = context.services.clock.now()
    await reply(update, context, settings_text(t, actor, now), buttons(_settings_markup(t, actor)))


async def settings_button(update: Update, context: BotContext) -> None:
    """Open a settings section: language, time-zone list, or typing a zone."""
    query = update.callback_query
    assert query is not None
    pressed = SETTINGS.parse(query.data)
    assert pressed is not None
    actor = await actor_of(update, context)
    t = context.t(actor)
    await answer(update)
    if not actor.is_known or actor.person_id is None:
        return
    section = pressed["section"]
    if section == "lang":
        await show(
            update,
            context,
            t._("Which language would you like?"),
            buttons(_language_markup(context)),
        )
    elif section == "tz":
        rows = [
            [(zone, TIMEZONE.build(zone=zone)) for zone in COMMON_TIMEZONES[i : i + 2]]
            for i in range(0, len(COMMON_TIMEZONES), 2)
        ]
        rows.append([(t._("⌨️ Type another"), SETTINGS.build(section="tztype"))])
        await show(update, context, t._("Which time zone are you in?"), buttons(rows))
    elif section == "tztype":
        await context.services.people.expect_input(actor.person_id, "timezone")
        await show(
            update,
            context,
            t._(
                "Please type your time zone as a name like <code>Europe/Berlin</code> or "
                "<code>America/New_York</code>."
            ),
        )


async def choose_timezone(update: Update, context: BotContext) -> None:
    """Store a time zone picked from the list."""
    query = update.callback_query
    assert query is not None
    pressed = TIMEZONE.parse(query.data)
    assert pressed is not None
    actor = await actor_of(update, context)
    await answer(update)
    zone = pressed["zone"]
    if actor.person_id is None:
        return
    await _store_timezone(update, context, actor, zone)


async def typed_timezone(update: Update, context: BotContext, actor: Actor, text: str) -> None:
    """Store a typed time zone, or explain kindly what is expected."""
    await _store_timezone(update, context, actor, clean_user_text(text))


async def _store_timezone(update: Update, context: BotContext, actor: Actor, zone: str) -> None:
    t = context.t(actor)
    assert actor.person_id is not None
    if not await context.services.people.set_timezone(actor.person_id, zone):
        await reply(
            update,
            context,
            t._(
                "I don't know a time zone called “{zone}”. Please use a name like "
                "<code>Europe/Berlin</code>, <code>America/Mexico_City</code> or "
                "<code>UTC</code>, or pick one with /settings.",
                zone=esc(zone[:64]),
            ),
        )
        return
    await context.services.people.clear_input(actor.person_id)
    if actor.is_client:
        await context.services.reminders.reschedule(actor.person_id)
    if actor.is_active_practitioner:
        await context.services.digests.reschedule(actor.person_id)
    updated = await refresh_actor(update, context)
    await show(
        update,
        context,
        t._("Time zone saved: {zone}.", zone=esc(zone))
        + "\n\n"
        + settings_text(t, updated, context.services.clock.now()),
    )
