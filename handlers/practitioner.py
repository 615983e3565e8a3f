"""Practitioners: /digest, /clients, /client, notes, /requests, and digest/alert settings."""

from __future__ import annotations

import asyncio
import io
import re

from telegram import InlineKeyboardMarkup, InputFile, Update

from bot.charts import ChartLabels, Series, progress_chart
from bot.context import BotContext
from bot.i18n import N_, Translator
from bot.services.caseload import CaseloadEntry
from bot.services.digests import PractitionerSettings
from bot.services.people import Actor
from bot.services.requests import Request
from bot.text import esc, shorten
from handlers.callbacks import (
    CLIENT,
    CLIENT_ACTION,
    CLIENT_ALIAS,
    DIGEST_FREQUENCY,
    DIGEST_TIME,
    DIGEST_WEEKDAY,
    OWN_MENU,
    PRACTICE_MENU,
    PREP_LEAD,
    QUIET_HOURS,
    REPLY_DAYS,
    REQUEST,
    WORK_DAY,
    WORK_HOURS,
)
from handlers.common import answer, audit, buttons, deliver, reply, require, show
from handlers.gas import client_gas_lines
from handlers.practice import away_button, messages_lines
from handlers.views.crisis import plan_text
from handlers.views.digests import render_digest

__all__ = [
    "NOTE_COMMAND",
    "REQUEST_COMMAND",
    "client_button",
    "client_command",
    "clients_command",
    "digest_command",
    "note_command",
    "request_button",
    "request_command",
    "requests_command",
    "settings_button",
    "typed_alias",
    "typed_handling_message",
]

# /note_<id> and /request_<id>, the links in a digest (with the bot's name in a group chat)
NOTE_COMMAND = re.compile(r"^/note_([0-9]{1,18})(@\w+)?$")
REQUEST_COMMAND = re.compile(r"^/request_([0-9]{1,18})(@\w+)?$")
QUICK_DIGEST_TIMES = ("07:30", "08:30", "12:00", "17:00")
QUIET_PRESETS = {
    "19-08": ("19:00", "08:00"),
    "20-07": ("20:00", "07:00"),
    "22-07": ("22:00", "07:00"),
}


async def digest_command(update: Update, context: BotContext) -> None:
    """Show the digest for the period since the last scheduled one."""
    actor = await require(update, context, "practitioner")
    if actor is None or actor.person_id is None:
        return
    services = context.services
    settings = await services.digests.settings(actor.person_id)
    since = await services.digests.period_start(settings)
    until = services.clock.now() + 1  # include what happened this very second
    digest = await services.digests.build(actor.person_id, since, until)
    await audit(context, actor, "practitioner", "viewed digest")
    await reply(update, context, render_digest(digest, context.t(actor), actor.timezone))


def _status(t: Translator, entry: CaseloadEntry, timezone: str) -> str:
    parts = []
    if entry.last_checkin is None:
        parts.append(t._("no check-ins yet"))
    else:
        parts.append(t._("last check-in {date}", date=t.day(entry.last_checkin, timezone)))
    if entry.attention.needs_attention:
        parts.append("⚠️ " + t._("may need attention"))
    if entry.paused:
        parts.append("⏸ " + t._("paused"))
    elif entry.inactive:
        parts.append(t._("inactive"))
    return " · ".join(parts)


async def clients_command(update: Update, context: BotContext) -> None:
    """List the practitioner's own clients with last check-in and status."""
    actor = await require(update, context, "practitioner")
    if actor is None or actor.person_id is None:
        return
    t = context.t(actor)
    entries = await context.services.caseload.entries(actor.person_id)
    if not entries:
        await reply(update, context, t._("You have no clients yet. Send /invite to create a link."))
        return
    lines = [t._("<b>Your clients</b>")]
    for entry in entries:
        lines.append(
            f"{entry.number}. <b>{esc(entry.name)}</b> — {_status(t, entry, actor.timezone)}"
        )
    lines += ["", t._("Tap a name, or send /client followed by a number.")]
    rows = [
        [(f"{e.number}. {shorten(e.name, 30)}", CLIENT.build(client=e.client_id))] for e in entries
    ]
    await reply(update, context, "\n".join(lines), buttons(rows))


async def client_command(update: Update, context: BotContext) -> None:
    """Show one client by their number in /clients."""
    actor = await require(update, context, "practitioner")
    if actor is None or actor.person_id is None:
        return
    t = context.t(actor)
    entries = await context.services.caseload.entries(actor.person_id)
    number = context.args[0] if context.args else ""
    valid = number.isascii() and number.isdigit() and len(number) <= 6
    entry = next((e for e in entries if valid and e.number == int(number)), None)
    if entry is None:
        await reply(
            update, context, t._("Please give a number from /clients, for example /client 1.")
        )
        return
    await _show_client(update, context, actor, entry)


async def client_button(update: Update, context: BotContext) -> None:
    """Open a client from the list, or start setting their alias."""
    query = update.callback_query
    assert query is not None
    alias = CLIENT_ALIAS.parse(query.data)
    pressed = alias or CLIENT.parse(query.data)
    assert pressed is not None
    actor = await require(update, context, "practitioner")
    if actor is None or actor.person_id is None:
        return
    await answer(update)
    t = context.t(actor)
    client_id = pressed["client"]
    entries = await context.services.caseload.entries(actor.person_id)
    entry = next((e for e in entries if e.client_id == client_id), None)
    if entry is None:  # not this practitioner's client: say nothing about them
        await reply(update, context, t._("That client is not in your caseload."))
        return
    if alias is not None:
        await context.services.people.expect_input(actor.person_id, "alias", client_id=client_id)
        await reply(
            update,
            context,
            t._(
                "What name would you like to use for {name}? Send a dash (-) "
                "to go back to their Telegram name.",
                name=esc(entry.name),
            ),
        )
        return
    await _show_client(update, context, actor, entry)


async def _show_client(
    update: Update, context: BotContext, actor: Actor, entry: CaseloadEntry
) -> None:
    await audit(context, actor, "practitioner", "viewed client", entry.client_id)
    t = context.t(actor)
    services = context.services
    goals = await services.progress.goals(entry.client_id)
    lines = [
        f"<b>{esc(entry.name)}</b> — {_status(t, entry, actor.timezone)}",
        "",
        t._("<b>Goals</b>"),
    ]
    for item in goals:
        goal = item.goal
        mark = "🏆 " if goal.status == "achieved" else ""
        latest = t._("no ratings yet") if item.latest is None else f"{item.latest}/10"
        lines.append(f"• {mark}{esc(goal.text)}: {latest}")
        rulers = []
        if goal.importance is not None:
            rulers.append(t._("importance {value}/10", value=goal.importance))
        if goal.confidence is not None:
            rulers.append(t._("confidence {value}/10", value=goal.confidence))
        if rulers:
            lines.append("   " + " · ".join(rulers))
        if goal.reflections_shared and goal.why_not_lower:
            lines.append("   " + t._("why not lower: “{words}”", words=esc(goal.why_not_lower)))
        if goal.reflections_shared and goal.what_would_help:
            lines.append("   " + t._("what would help: “{words}”", words=esc(goal.what_would_help)))
    if not goals:
        lines.append(t._("No goals yet."))
    # Goal Attainment Scaling over goals with levels (handlers/gas.py)
    lines += await client_gas_lines(context, t, entry.client_id, [i.goal for i in goals])
    lines += ["", t._("<b>Recent check-ins</b>")]
    recent = await services.caseload.recent_checkins(entry.client_id)
    for checkin in recent:
        at = int(str(checkin["at"]))
        parts = [t.day(at, actor.timezone)]
        if checkin["wellbeing"] is not None:
            parts.append(t._("overall {value}/10", value=checkin["wellbeing"]))
        ratings = checkin["ratings"]
        assert isinstance(ratings, list)
        for text, value in ratings:
            shown = "–" if value is None else str(value)
            parts.append(f"{esc(shorten(str(text), 25))} {shown}")
        lines.append("• " + " · ".join(parts))
        if checkin["note"]:
            lines.append(f"   💬 <i>{esc(shorten(str(checkin['note']), 200))}</i>")
    if not recent:
        lines.append(t._("No check-ins yet."))
    requests = await services.requests.for_client(entry.client_id)
    if requests:
        lines += ["", t._("<b>Open requests</b>")]
        for request in requests:
            what = request.resource_title or request.note or ""
            lines.append(
                f"• {esc(shorten(what, 80))} · {t.day(request.created_at, actor.timezone)}"
                f" /request_{request.id}"
            )
    message_lines, clear_rows = await messages_lines(context, t, entry.client_id, actor.timezone)
    lines += message_lines
    session = await services.practice.session(entry.client_id)
    if session is not None and session.at > services.clock.now():
        lines += ["", t._("Next session: {when}", when=t.moment(session.at, actor.timezone))]
    events = await services.crisis.repo.events_for_client(entry.client_id)
    if events:
        lines += ["", t._("<b>Safety events</b>")]
        for event in events[-5:]:
            state = (
                t._("acknowledged by {name}", name=esc(event.acknowledged_name or ""))
                if event.acknowledged_at is not None
                else t._("not acknowledged")
            )
            lines.append(f"• {t.moment(event.created_at, actor.timezone)} · {state}")
    plan = await services.safety_plans.get(entry.client_id)
    if plan.shared and not plan.is_empty:
        lines += [
            "",
            t._("<b>Safety plan</b> (shared by the client)"),
            plan_text(t, plan, heading=False),
        ]
    client_id = entry.client_id
    markup = buttons(
        [
            *clear_rows,
            [
                (t._("🗓 Next session"), CLIENT_ACTION.build(client=client_id, action="next")),
                (t._("📋 Session prep"), CLIENT_ACTION.build(client=client_id, action="prep")),
            ],
            [(t._("✏️ Set a name for this client"), CLIENT_ALIAS.build(client=client_id))],
        ]
    )
    await reply(update, context, "\n".join(lines), markup)
    series = [Series(i.goal.text, i.points, i.goal.achieved_at) for i in goals if i.points]
    if series:
        labels = ChartLabels(
            title=entry.name,
            y_axis=t._("0 = not started, 10 = where you want to be"),
            achieved=t._("achieved"),
            day=lambda moment: t.skeleton(int(moment.timestamp()), actor.timezone, "MMMd"),
            wellbeing=t._("Overall"),
            empty=t._("Nothing to draw yet"),
        )
        wellbeing = await services.progress.wellbeing(entry.client_id)
        png = await asyncio.to_thread(progress_chart, series, labels, actor.timezone, wellbeing)
        chat = update.effective_chat
        assert chat is not None
        await context.bot.send_photo(chat.id, InputFile(io.BytesIO(png), filename="client.png"))


async def typed_alias(update: Update, context: BotContext, actor: Actor, text: str) -> None:
    """Store the practitioner's name for a client."""
    t = context.t(actor)
    assert actor.person_id is not None and actor.pending_input is not None
    client_id = int(actor.pending_input["client_id"])
    alias = await context.services.caseload.set_alias(
        actor.person_id, client_id, "" if text.strip() == "-" else text
    )
    await context.services.people.clear_input(actor.person_id)
    if alias is None and text.strip() != "-":
        await reply(update, context, t._("That client is not in your caseload."))
    elif alias:
        await reply(update, context, t._("Saved. You'll see them as “{name}”.", name=esc(alias)))
    else:
        await reply(update, context, t._("Okay, back to their Telegram name."))


async def note_command(update: Update, context: BotContext) -> None:
    """Show a whole shared note (``/note_<id>``) from one of the practitioner's clients."""
    actor = await require(update, context, "practitioner")
    message = update.effective_message
    if actor is None or actor.person_id is None or message is None or message.text is None:
        return
    t = context.t(actor)
    match = NOTE_COMMAND.match(message.text)
    note = None
    if match:
        note = await context.services.caseload.shared_note(actor.person_id, int(match.group(1)))
    if note is None:
        await reply(update, context, t._("That note isn't available to you."))
        return
    await audit(context, actor, "practitioner", "viewed a shared note")
    await reply(update, context, f"💬 <i>{esc(note)}</i>")


def _request_view(
    t: Translator, request: Request, timezone: str
) -> tuple[str, InlineKeyboardMarkup]:
    what = (
        esc(request.resource_title) if request.resource_title else t._("something not in the list")
    )
    lines = [
        t._(
            "📌 <b>{name}</b> asked for help with: {what}", name=esc(request.client_name), what=what
        ),
        t._("Asked on {date}", date=t.moment(request.created_at, timezone)),
    ]
    if request.note:
        lines.append(t._("Their note: <i>{note}</i>", note=esc(request.note)))
    return "\n".join(lines), buttons(
        [[(t._("✅ Mark handled"), REQUEST.build(request=request.id, action="done"))]]
    )


async def requests_command(update: Update, context: BotContext) -> None:
    """List the open requests of the practitioner's clients, each with "Mark handled"."""
    actor = await require(update, context, "practitioner")
    if actor is None or actor.person_id is None:
        return
    t = context.t(actor)
    open_requests = await context.services.requests.open_for_practitioner(actor.person_id)
    if not open_requests:
        await reply(update, context, t._("No open requests. 🌤"))
        return
    for request in open_requests:
        text, markup = _request_view(t, request, actor.timezone)
        await reply(update, context, text, markup)


async def request_command(update: Update, context: BotContext) -> None:
    """Show one request (``/request_<id>``) if it is one of the practitioner's clients'."""
    actor = await require(update, context, "practitioner")
    message = update.effective_message
    if actor is None or actor.person_id is None or message is None or message.text is None:
        return
    t = context.t(actor)
    match = REQUEST_COMMAND.match(message.text)
    request = await context.services.requests.get(int(match.group(1))) if match else None
    if request is None or request.practitioner_id != actor.person_id:
        await reply(update, context, t._("That request isn't available to you."))
        return
    text, markup = _request_view(t, request, actor.timezone)
    await audit(context, actor, "practitioner", "viewed a request", request.client_id)
    await reply(update, context, text, markup if request.status == "open" else None)


async def request_button(update: Update, context: BotContext) -> None:
    """Mark a request handled, with or without a short message to the client."""
    query = update.callback_query
    assert query is not None
    pressed = REQUEST.parse(query.data)
    assert pressed is not None
    actor = await require(update, context, "practitioner")
    if actor is None or actor.person_id is None:
        return
    await answer(update)
    t = context.t(actor)
    action = pressed["action"]
    request = await context.services.requests.get(pressed["request"])
    if request is None or request.practitioner_id != actor.person_id:
        await reply(update, context, t._("That request isn't available to you."))
        return
    if request.status != "open":
        await show(update, context, t._("This request was already closed."))
        return
    if action == "done":
        await show(
            update,
            context,
            t._(
                "Marking handled: {name}'s request about {what}.\n"
                "Would you like to add a short message for them?",
                name=esc(request.client_name),
                what=esc(shorten(request.resource_title or request.note or "", 80)),
            ),
            buttons(
                [
                    [(t._("✍️ Write a message"), REQUEST.build(request=request.id, action="msg"))],
                    [
                        (
                            t._("Mark handled without a message"),
                            REQUEST.build(request=request.id, action="ok"),
                        )
                    ],
                ]
            ),
        )
    elif action == "msg":
        await context.services.people.expect_input(
            actor.person_id, "handle_request", request_id=request.id
        )
        await show(update, context, t._("Type your message for the client."))
    elif action == "ok":
        await context.services.requests.handle(actor.person_id, request.id, None)
        await show(update, context, t._("Marked handled. The client has been told."))
        await deliver(context)


async def typed_handling_message(
    update: Update, context: BotContext, actor: Actor, text: str
) -> None:
    """Mark the request handled with the practitioner's message to the client."""
    t = context.t(actor)
    assert actor.person_id is not None and actor.pending_input is not None
    done = await context.services.requests.handle(
        actor.person_id, int(actor.pending_input["request_id"]), text
    )
    await context.services.people.clear_input(actor.person_id)
    if done:
        await reply(update, context, t._("Marked handled. The client has been told."))
        await deliver(context)
    else:
        await reply(update, context, t._("This request was already closed."))


WORK_PRESETS = {
    "08-18": ("08:00", "18:00"),
    "09-17": ("09:00", "17:00"),
    "07-15": ("07:00", "15:00"),
    "10-19": ("10:00", "19:00"),
}


def _settings_view(
    t: Translator,
    settings: PractitionerSettings,
    cover_name: str | None = None,
    own_next: int | None = None,
) -> tuple[str, InlineKeyboardMarkup]:
    on, off = t._("on"), t._("off")
    if settings.frequency == "daily":
        when = t._("on your working days at {time}", time=settings.at)
    elif settings.frequency == "weekly":
        when = t._(
            "weekly on {day} at {time}",
            day=t.weekday_name(settings.weekday, "wide"),
            time=settings.at,
        )
    else:
        when = t._("off")
    work_days = ", ".join(t.weekday_name(day) for day in sorted(settings.work_days))
    if settings.quiet_start and settings.quiet_end:
        hours = t._("{start}–{end}", start=settings.quiet_end, end=settings.quiet_start)
    else:
        hours = t._("any time")
    lines = [
        t._("<b>Your working week</b>"),
        t._(
            "Working hours: {days}, {hours} ({zone})",
            days=work_days,
            hours=hours,
            zone=esc(settings.timezone),
        ),
        t._("Outside them only safety alerts reach you; everything else waits for your digest."),
        "",
        t._("Digest: {when}", when=when),
        t._(
            "Requests from clients: {choice}",
            choice=t._("an alert at once, in working hours")
            if settings.request_alerts == "now"
            else t._("in your digest"),
        ),
        t._(
            "Alert at once when a rating drops by 2 or more: {state}",
            state=on if settings.alert_on_drop else off,
        ),
        t._(
            "Send a one-line digest when nothing happened: {state}",
            state=on if settings.send_empty else off,
        ),
        t.n_(
            "Clients are told you usually reply within {count} working day.",
            "Clients are told you usually reply within {count} working days.",
            settings.reply_days,
        ),
        t.n_(
            "Session prep: {count} minute before a session (in working hours, else the "
            "evening before).",
            "Session prep: {count} minutes before a session (in working hours, else the "
            "evening before).",
            settings.prep_minutes,
        ),
    ]
    if settings.away_until is not None:
        lines.append(
            t._("Away until {day}", day=t.moment(settings.away_until, settings.timezone))
            + (" · " + t._("covered by {name}", name=esc(cover_name)) if cover_name else "")
        )
    if own_next is None:
        lines.append(t._("Your own check-in: off (optional, only for you)"))
    else:
        lines.append(
            t._(
                "Your own check-in: weekly, next {when} (only for you)",
                when=t.moment(own_next, settings.timezone),
            )
        )
    if settings.next_digest_at is not None:
        lines.append(
            t._(
                "Next digest: {when}",
                when=t.moment(settings.next_digest_at, settings.timezone),
            )
        )
    rows = [
        [
            (("✓" if settings.quiet_end == start and settings.quiet_start == end else "")
             + f"{start[:2]}–{end[:2]}", WORK_HOURS.build(hours=key))
            for key, (start, end) in WORK_PRESETS.items()
        ]
        + [(t._("Any time"), WORK_HOURS.build(hours="any"))],
        [
            (("✓" if day in settings.work_days else "") + t.weekday_name(day),
             WORK_DAY.build(day=day))
            for day in range(4)
        ],
        [
            (("✓" if day in settings.work_days else "") + t.weekday_name(day),
             WORK_DAY.build(day=day))
            for day in range(4, 7)
        ],
        [
            (("✓" if settings.frequency == key else "") + t._(label),
             DIGEST_FREQUENCY.build(frequency=key))
            for key, label in (("daily", N_("Daily")), ("weekly", N_("Weekly")), ("off", N_("Off")))
        ],
        [
            (("✓" if settings.at == at else "") + at, DIGEST_TIME.build(at=at))
            for at in QUICK_DIGEST_TIMES
        ],
    ]  # fmt: skip
    if settings.frequency == "weekly":
        rows.append(
            [
                (
                    ("✓" if settings.weekday == d else "") + t.weekday_name(d),
                    DIGEST_WEEKDAY.build(day=d),
                )
                for d in range(7)
            ]
        )
    rows.append([(t._("Requests: digest or alert"), PRACTICE_MENU.build(action="req"))])
    rows.append([(t._("Rating-drop alerts on/off"), PRACTICE_MENU.build(action="drop"))])
    rows.append([(t._("Quiet-period message on/off"), PRACTICE_MENU.build(action="empty"))])
    rows.append(
        [
            (
                ("✓" if str(settings.reply_days) == n else "") + t._("Reply within {n} d", n=n),
                REPLY_DAYS.build(days=n),
            )
            for n in ("1", "2", "3", "5")
        ]
    )
    rows.append(
        [
            (("✓" if str(settings.prep_minutes) == n else "") + t._("Prep {n} min", n=n),
             PREP_LEAD.build(minutes=n))
            for n in ("30", "60", "120")
        ]
    )  # fmt: skip
    rows.append([(t._("🌿 My own check-in"), OWN_MENU.build(action="menu"))])
    if settings.away_until is not None:
        rows.append([(t._("🏠 I'm back"), PRACTICE_MENU.build(action="back"))])
    else:
        rows.append([(t._("🧳 Away with cover…"), PRACTICE_MENU.build(action="away"))])
    return "\n".join(lines), buttons(rows)


async def settings_button(update: Update, context: BotContext) -> None:
    """Show or change digest frequency, time, weekday, quiet hours and alert options."""
    query = update.callback_query
    assert query is not None
    data = query.data
    actor = await require(update, context, "practitioner")
    if actor is None or actor.person_id is None:
        return
    await answer(update)
    digests = context.services.digests
    person_id = actor.person_id
    settings = await digests.settings(person_id)
    if (frequency := DIGEST_FREQUENCY.parse(data)) is not None:
        settings = await digests.update(person_id, frequency=frequency["frequency"])
    elif (time := DIGEST_TIME.parse(data)) is not None:
        settings = await digests.update(person_id, at=time["at"])
    elif (weekday := DIGEST_WEEKDAY.parse(data)) is not None:
        settings = await digests.update(person_id, weekday=weekday["day"])
    elif (quiet := QUIET_HOURS.parse(data)) is not None:
        start, end = QUIET_PRESETS.get(quiet["hours"], (None, None))
        settings = await digests.update(person_id, quiet_start=start, quiet_end=end)
    elif (work := WORK_HOURS.parse(data)) is not None:
        begin, finish = WORK_PRESETS.get(work["hours"], (None, None))
        # working hours are stored as the quiet hours between them
        settings = await digests.update(person_id, quiet_start=finish, quiet_end=begin)
        await context.services.own_checkins.reschedule(person_id)
    elif (day := WORK_DAY.parse(data)) is not None:
        chosen = settings.work_days ^ {day["day"]}
        if chosen:  # at least one working day: the digest needs a day to come
            settings = await digests.update(person_id, work_days=chosen)
            await context.services.own_checkins.reschedule(person_id)
    elif (reply_days := REPLY_DAYS.parse(data)) is not None:
        settings = await digests.update(person_id, reply_days=int(reply_days["days"]))
    elif (lead := PREP_LEAD.parse(data)) is not None:
        settings = await digests.update(person_id, prep_minutes=int(lead["minutes"]))
    elif (menu := PRACTICE_MENU.parse(data)) is not None and menu["action"] == "drop":
        settings = await digests.update(person_id, alert_on_drop=not settings.alert_on_drop)
    elif menu is not None and menu["action"] == "empty":
        settings = await digests.update(person_id, send_empty=not settings.send_empty)
    elif menu is not None and menu["action"] in ("away", "back"):
        await away_button(update, context)
        return
    elif menu is not None and menu["action"] == "req":
        choice = "digest" if settings.request_alerts == "now" else "now"
        settings = await digests.update(person_id, request_alerts=choice)
    cover = await context.services.practice.cover(person_id)
    own_next = await context.services.own_checkins.next_at(person_id)
    text, markup = _settings_view(
        context.t(actor), settings, cover.name if cover else None, own_next
    )
    await show(update, context, text, markup)
