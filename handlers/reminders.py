"""Reminder buttons, the client's schedule and check-in options in /settings, /pause, /resume."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update

from bot.clock import days
from bot.context import BotContext
from bot.i18n import Translator
from bot.services.people import Actor
from bot.services.reminders import ReminderSettings
from handlers.callbacks import (
    OPTIONS,
    PAUSE,
    REMINDER,
    REMINDER_DAY,
    REMINDER_DAYS,
    REMINDER_TIME,
    REMINDER_TIME_TYPE,
)
from handlers.checkin import start_checkin
from handlers.common import answer, buttons, reply, require, show

__all__ = [
    "options_button",
    "pause_button",
    "pause_command",
    "reminder_button",
    "resume_command",
    "schedule_button",
    "schedule_text",
    "typed_time",
]

QUICK_TIMES = ("08:00", "12:00", "18:00", "20:00")
_PAUSES: dict[str, int | None] = {"1d": days(1), "7d": days(7), "14d": days(14), "inf": None}


def schedule_text(t: Translator, settings: ReminderSettings) -> str:
    """Describe the client's reminder schedule."""
    lines = [t._("<b>Reminders</b>")]
    if not settings.days:
        lines.append(t._("Only when you choose: I won't send reminders."))
    else:
        names = ", ".join(t.weekday_name(day) for day in sorted(settings.days))
        lines.append(t._("Days: {days}", days=names))
        lines.append(t._("Time: {time} ({zone})", time=settings.at, zone=settings.timezone))
    if settings.paused:
        if settings.paused_until is None:
            lines.append(t._("⏸ Paused until you resume (/resume)."))
        else:
            when = t.moment(settings.paused_until, settings.timezone)
            lines.append(t._("⏸ Paused until {when}.", when=when))
    if settings.next_prompt_at is not None:
        when = t.moment(settings.next_prompt_at, settings.timezone)
        lines.append(t._("Next reminder: {when}", when=when))
    return "\n".join(lines)


def _schedule_markup(t: Translator, settings: ReminderSettings) -> InlineKeyboardMarkup:
    day_row = [
        (("✓" if day in settings.days else "") + t.weekday_name(day), REMINDER_DAY.build(day=day))
        for day in range(7)
    ]
    times = [
        (("✓" if at == settings.at else "") + at, REMINDER_TIME.build(at=at)) for at in QUICK_TIMES
    ]
    return buttons(
        [
            day_row[:4],
            day_row[4:],
            [
                (t._("Every day"), REMINDER_DAYS.build(days="all")),
                (t._("Only when I choose"), REMINDER_DAYS.build(days="none")),
            ],
            times,
            [(t._("⌨️ Other time"), REMINDER_TIME_TYPE.build())],
        ]
    )


async def schedule_button(update: Update, context: BotContext) -> None:
    """Show or change the reminder days and time."""
    query = update.callback_query
    assert query is not None
    data = query.data
    actor = await require(update, context, "client")
    if actor is None:
        return
    await answer(update)
    client_id = actor.person_id
    assert client_id is not None
    t = context.t(actor)
    reminders = context.services.reminders
    settings = await reminders.settings(client_id)
    if (day := REMINDER_DAY.parse(data)) is not None:
        settings = await reminders.set_days(client_id, settings.days ^ {day["day"]})
    elif (every := REMINDER_DAYS.parse(data)) is not None:
        chosen = frozenset(range(7)) if every["days"] == "all" else frozenset()
        settings = await reminders.set_days(client_id, chosen)
    elif REMINDER_TIME_TYPE.matches(data):
        await context.services.people.expect_input(client_id, "reminder_time")
        await show(
            update,
            context,
            t._(
                "Please type a time like <code>07:30</code>, <code>19:00</code> or "
                "<code>7pm</code>."
            ),
        )
        return
    elif (time := REMINDER_TIME.parse(data)) is not None:
        settings = await reminders.set_time(client_id, time["at"]) or settings
    await show(update, context, schedule_text(t, settings), _schedule_markup(t, settings))


async def typed_time(update: Update, context: BotContext, actor: Actor, text: str) -> None:
    """Store a typed reminder time, or explain the format."""
    t = context.t(actor)
    assert actor.person_id is not None
    settings = await context.services.reminders.set_time(actor.person_id, text)
    if settings is None:
        await reply(
            update,
            context,
            t._(
                "I couldn't read that as a time of day. Please write it like "
                "<code>07:30</code>, <code>19:00</code> or <code>7pm</code>."
            ),
        )
        return
    await context.services.people.clear_input(actor.person_id)
    await reply(update, context, schedule_text(t, settings), _schedule_markup(t, settings))


def _options_view(t: Translator, settings: ReminderSettings) -> tuple[str, InlineKeyboardMarkup]:
    on, off = t._("on"), t._("off")
    text = "\n".join(
        [
            t._("<b>Check-in options</b>"),
            t._("Ask how things are overall: {state}", state=on if settings.ask_wellbeing else off),
            t._(
                "Share notes with my practitioner by default: {state}",
                state=on if settings.share_notes_default else off,
            ),
        ]
    )
    markup = buttons(
        [
            [(t._("Switch the overall question"), OPTIONS.build(option="wb"))],
            [(t._("Switch note sharing default"), OPTIONS.build(option="share"))],
        ]
    )
    return text, markup


async def options_button(update: Update, context: BotContext) -> None:
    """Show or switch the check-in options."""
    query = update.callback_query
    assert query is not None
    pressed = OPTIONS.parse(query.data)
    assert pressed is not None
    actor = await require(update, context, "client")
    if actor is None:
        return
    await answer(update)
    client_id = actor.person_id
    assert client_id is not None
    reminders = context.services.reminders
    settings = await reminders.settings(client_id)
    if pressed["option"] == "wb":
        await reminders.set_option(client_id, "ask_wellbeing", not settings.ask_wellbeing)
    elif pressed["option"] == "share":
        await reminders.set_option(
            client_id, "share_notes_default", not settings.share_notes_default
        )
    text, markup = _options_view(context.t(actor), await reminders.settings(client_id))
    await show(update, context, text, markup)


async def reminder_button(update: Update, context: BotContext) -> None:
    """Handle a reminder's "Check in now", "Later" and "Not today"."""
    query = update.callback_query
    assert query is not None
    pressed = REMINDER.parse(query.data)
    assert pressed is not None
    actor = await require(update, context, "client")
    if actor is None:
        return
    await answer(update)
    client_id = actor.person_id
    assert client_id is not None
    t = context.t(actor)
    reminders = context.services.reminders
    action = pressed["action"]
    if action != "go":  # any answer counts; "go" counts when the check-in starts
        await reminders.answered(client_id)
    if action == "go":
        await show(update, context, t._("🌿 Let's check in."))
        await start_checkin(update, context, actor, "reminder")
    elif action == "later":
        when = await reminders.snooze(client_id)
        await show(
            update,
            context,
            t._("Okay, I'll ask again around {time}.", time=t.clock(when, actor.timezone)),
        )
    elif action == "skip":
        await reminders.not_today(client_id)
        await show(update, context, t._("No problem. Take care, and talk soon."))
    elif action == "keep":
        await show(update, context, t._("Good, the rhythm stays as it is. Talk soon."))
    elif action == "change":
        settings = await reminders.settings(client_id)
        await show(update, context, schedule_text(t, settings), _schedule_markup(t, settings))
    elif action == "pause":
        await pause_command(update, context)
    elif action == "none":
        await show(
            update,
            context,
            t._(
                "Okay: no reminders. Check in with /checkin whenever you "
                "like; /settings changes this any time."
            ),
        )


async def pause_command(update: Update, context: BotContext) -> None:
    """Offer pause lengths."""
    actor = await require(update, context, "client")
    if actor is None:
        return
    await answer(update)
    t = context.t(actor)
    await reply(
        update,
        context,
        t._("Take a break from reminders for how long?"),
        buttons(
            [
                [
                    (t._("1 day"), PAUSE.build(length="1d")),
                    (t._("1 week"), PAUSE.build(length="7d")),
                    (t._("2 weeks"), PAUSE.build(length="14d")),
                ],
                [(t._("Until I resume"), PAUSE.build(length="inf"))],
            ]
        ),
    )


async def pause_button(update: Update, context: BotContext) -> None:
    """Pause reminders for the chosen time."""
    query = update.callback_query
    assert query is not None
    pressed = PAUSE.parse(query.data)
    assert pressed is not None
    actor = await require(update, context, "client")
    if actor is None or actor.person_id is None:
        return
    await answer(update)
    t = context.t(actor)
    settings = await context.services.reminders.pause(actor.person_id, _PAUSES[pressed["length"]])
    text = t._("Paused. You can still check in whenever you like, and /resume ends the pause.")
    await show(update, context, text + "\n\n" + schedule_text(t, settings))


async def resume_command(update: Update, context: BotContext) -> None:
    """End a pause."""
    actor = await require(update, context, "client")
    if actor is None or actor.person_id is None:
        return
    await answer(update)
    t = context.t(actor)
    settings = await context.services.reminders.resume(actor.person_id)
    await reply(
        update,
        context,
        t._("Welcome back. Reminders are on again.") + "\n\n" + schedule_text(t, settings),
    )
