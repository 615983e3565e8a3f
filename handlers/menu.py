"""/help, /language and /settings (language and time zone)."""

from __future__ import annotations

from telegram import Update

from bot.context import BotContext
from bot.i18n import N_, Translator
from bot.services.people import Actor
from bot.text import clean_user_text, esc, shorten
from handlers.callbacks import (
    LANGUAGE,
    OPTIONS,
    PLACE_TYPE,
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
    "LIKELY_ZONES",
    "SETTINGS_SECTIONS",
    "ask_place",
    "ask_where",
    "choose_language",
    "choose_timezone",
    "help_command",
    "help_text",
    "language_command",
    "place_button",
    "settings_button",
    "settings_command",
    "typed_timezone",
    "where_markup",
    "where_text",
    "zone_label",
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

# The places people of each language most likely live in, offered as buttons first.
LIKELY_ZONES: dict[str, tuple[str, ...]] = {
    "en": ("Europe/London", "Europe/Dublin", "America/New_York", "America/Chicago",
           "America/Los_Angeles", "Australia/Sydney"),
    "es": ("Europe/Madrid", "America/Mexico_City", "America/Bogota",
           "America/Argentina/Buenos_Aires", "America/Lima", "America/Santiago"),
    "de": ("Europe/Berlin", "Europe/Vienna", "Europe/Zurich"),
    "uk": ("Europe/Kyiv", "Europe/Warsaw", "Europe/Berlin", "Europe/Prague"),
}  # fmt: skip


def zone_label(t: Translator, zone: str) -> str:
    """A zone as a place name in the reader's language ("Berlín", "Buenos Aires")."""
    from babel.dates import get_timezone_location

    if zone == "UTC":
        return "UTC"
    try:
        city = get_timezone_location(zone, locale=t.locale, return_city=True)
    except (LookupError, ValueError):
        city = zone.rsplit("/", 1)[-1].replace("_", " ")
    return str(city).rsplit("/", 1)[-1]


def _zone_shown(t: Translator, zone: str) -> str:
    """A zone as people know it, with its exact name: "London · Europe/London"."""
    label = zone_label(t, zone)
    return zone if label in ("", zone) else f"{label} · {zone}"


def where_markup(
    t: Translator, current: str, *, onboarding: bool = True
) -> list[list[tuple[str, str]]]:
    """Buttons for the likely places of the reader's language, and "type a city"."""
    zones = list(LIKELY_ZONES.get(t.locale, ()))
    if current not in zones and current != "UTC":
        zones.insert(0, current)
    rows = [
        [(zone_label(t, zone), TIMEZONE.build(zone=zone)) for zone in zones[i : i + 3]]
        for i in range(0, len(zones), 3)
    ]
    typed = PLACE_TYPE.build() if onboarding else SETTINGS.build(section="tztype")
    rows.append([(t._("⌨️ Type a city or country"), typed)])
    return rows


def where_text(t: Translator) -> str:
    return t._(
        "🌍 Where are you? Then reminders come at your local time. Tap your place, or type "
        "a city or country."
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
                zone=esc(_zone_shown(t, actor.timezone)),
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
        markup = where_markup(t, actor.timezone, onboarding=False)
        await show(update, context, where_text(t), buttons(markup))
    elif section == "tztype":
        await ask_place(update, context, actor)


async def ask_where(update: Update, context: BotContext, actor: Actor) -> None:
    """Right after consent: where the client is, so reminders come at their time. Buttons, or
    a typed city: while the first-goal question below is open, a typed place answers this one
    (``goals.typed_goal``), anything else is the goal."""
    t = context.t(actor)
    await reply(update, context, where_text(t), buttons(where_markup(t, actor.timezone)))


async def ask_place(
    update: Update, context: BotContext, actor: Actor, *, from_onboarding: bool = False
) -> None:
    """Ask the person to type where they are; under the onboarding question, the first-goal
    question that was open comes back once the place is known."""
    assert actor.person_id is not None
    t = context.t(actor)
    pending = actor.pending_input or {}
    onboarding = from_onboarding and pending.get("kind") == "goal_new"
    await context.services.people.expect_input(actor.person_id, "timezone", onboarding=onboarding)
    await show(
        update,
        context,
        t._(
            "Type the city or country you are in, in any language: for example "
            "<code>Buenos Aires</code>, <code>München</code> or <code>Київ</code>."
        ),
    )


async def place_button(update: Update, context: BotContext) -> None:
    """ "Type a city or country" under "Where are you?"."""
    actor = await actor_of(update, context)
    await answer(update)
    if not actor.is_known or actor.person_id is None:
        return
    await ask_place(update, context, actor, from_onboarding=True)


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
    await store_timezone(update, context, actor, zone)


async def typed_timezone(update: Update, context: BotContext, actor: Actor, text: str) -> None:
    """Find the typed city, country or zone; suggest near misses; explain kindly if none."""
    t = context.t(actor)
    typed = " ".join(clean_user_text(text).split())
    places = context.services.places
    found = places.find(typed) if len(typed) <= 100 else None
    if found is not None:
        await store_timezone(update, context, actor, found.zone)
        return
    suggestions = places.suggest(typed) if 0 < len(typed) <= 100 else []
    if suggestions:
        rows = [
            [(f"{place.name} ({zone_label(t, place.zone)})", TIMEZONE.build(zone=place.zone))]
            for place in suggestions
        ]
        await reply(
            update,
            context,
            t._("I don't know “{place}”. Did you mean one of these? Or type it again.",
                place=esc(shorten(typed, 64))),
            buttons(rows),
        )  # fmt: skip
        return
    await reply(
        update,
        context,
        t._(
            "I couldn't find a place called “{place}”. Please type a city or country, for "
            "example <code>Buenos Aires</code>, <code>Berlin</code> or <code>Київ</code>.",
            place=esc(shorten(typed, 64)),
        ),
    )


async def store_timezone(update: Update, context: BotContext, actor: Actor, zone: str) -> None:
    """Keep the zone, reschedule what depends on it and say so; an open first-goal question
    stays open (the onboarding "Where are you?" sits beside it)."""
    t = context.t(actor)
    assert actor.person_id is not None
    onboarding = bool((actor.pending_input or {}).get("onboarding"))
    if not await context.services.people.set_timezone(actor.person_id, zone):
        await reply(update, context, t._("That place's time zone isn't known here. Please "
                                         "try another nearby city."))  # fmt: skip
        return
    pending = actor.pending_input or {}
    if onboarding or pending.get("kind") == "goal_new":
        # back to the first goal, the open question beside "Where are you?"
        await context.services.people.expect_input(actor.person_id, "goal_new")
    elif pending.get("kind") == "timezone":
        await context.services.people.clear_input(actor.person_id)
    if actor.is_client:
        await context.services.reminders.reschedule(actor.person_id)
    if actor.is_active_practitioner:
        await context.services.digests.reschedule(actor.person_id)
    updated = await refresh_actor(update, context)
    now = context.services.clock.now()
    saved = t._(
        "Saved: {place} time (it's {time} there now).",
        place=esc(zone_label(t, zone)),
        time=t.clock(now, zone),
    )
    if onboarding or (update.callback_query is not None and _is_where_question(update)):
        await show(update, context, saved)
        return
    await show(update, context, saved + "\n\n" + settings_text(t, updated, now))


def _is_where_question(update: Update) -> bool:
    """Whether the pressed button sits under the onboarding "Where are you?" message."""
    message = update.effective_message
    return bool(message is not None and message.text and message.text.startswith("🌍"))
