"""Practitioners: /digest, /clients, /client, notes, /requests, and digest/alert settings."""

from __future__ import annotations

import asyncio
import io
import re

from telegram import InlineKeyboardMarkup, InputFile, Update
from telegram.ext import CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.charts import ChartLabels, Series, progress_chart
from bot.context import BotApp, BotContext
from bot.i18n import N_, Translator
from bot.services.caseload import CaseloadEntry
from bot.services.digests import PractitionerSettings
from bot.services.people import Actor
from bot.services.requests import Request
from bot.text import esc, shorten
from handlers.common import answer, audit, buttons, deliver, expects, reply, require, show
from handlers.menu import SETTINGS_SECTIONS
from handlers.views.digests import render_digest

__all__ = ["register"]

SETTINGS_SECTIONS.append((N_("📬 Digest and alerts"), "ps:menu", frozenset({"practitioner"})))
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
        parts.append(t._("last check-in {date}", date=t.date(entry.last_checkin, timezone)))
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
    rows = [[(f"{e.number}. {shorten(e.name, 30)}", f"cl:{e.client_id}")] for e in entries]
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
    assert query is not None and query.data is not None
    actor = await require(update, context, "practitioner")
    if actor is None or actor.person_id is None:
        return
    await answer(update)
    t = context.t(actor)
    parts = query.data.split(":")
    client_id = int(parts[1])
    entries = await context.services.caseload.entries(actor.person_id)
    entry = next((e for e in entries if e.client_id == client_id), None)
    if entry is None:  # not this practitioner's client: say nothing about them
        await reply(update, context, t._("That client is not in your caseload."))
        return
    if len(parts) == 3 and parts[2] == "alias":
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
        mark = "🏆 " if item.goal.status == "achieved" else ""
        latest = t._("no ratings yet") if item.latest is None else f"{item.latest}/10"
        lines.append(f"• {mark}{esc(item.goal.text)}: {latest}")
    if not goals:
        lines.append(t._("No goals yet."))
    lines += ["", t._("<b>Recent check-ins</b>")]
    recent = await services.caseload.recent_checkins(entry.client_id)
    for checkin in recent:
        at = int(str(checkin["at"]))
        parts = [t.date(at, actor.timezone)]
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
        from handlers.views.crisis import plan_text

        lines += [
            "",
            t._("<b>Safety plan</b> (shared by the client)"),
            plan_text(t, plan, heading=False),
        ]
    markup = buttons([[(t._("✏️ Set a name for this client"), f"cl:{entry.client_id}:alias")]])
    await reply(update, context, "\n".join(lines), markup)
    series = [Series(i.goal.text, i.points, i.goal.achieved_at) for i in goals if i.points]
    if series:
        labels = ChartLabels(
            title=entry.name,
            y_axis=t._("0 = not started, 10 = where you want to be"),
            achieved=t._("achieved"),
            day=lambda moment: t.skeleton(int(moment.timestamp()), actor.timezone, "MMMd"),
        )
        png = await asyncio.to_thread(progress_chart, series, labels, actor.timezone)
        chat = update.effective_chat
        assert chat is not None
        await context.bot.send_photo(chat.id, InputFile(io.BytesIO(png), filename="client.png"))


@expects("alias")
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
    match = re.match(r"^/note_([0-9]{1,18})", message.text)
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
        t._("Asked on {date}", date=t.datetime(request.created_at, timezone, "short")),
    ]
    if request.note:
        lines.append(t._("Their note: <i>{note}</i>", note=esc(request.note)))
    return "\n".join(lines), buttons([[(t._("✅ Mark handled"), f"rq:{request.id}:done")]])


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
    match = re.match(r"^/request_([0-9]{1,18})", message.text)
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
    assert query is not None and query.data is not None
    actor = await require(update, context, "practitioner")
    if actor is None or actor.person_id is None:
        return
    await answer(update)
    t = context.t(actor)
    _, raw_id, action = query.data.split(":")
    request = await context.services.requests.get(int(raw_id))
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
            t._("Would you like to add a short message for the client?"),
            buttons(
                [
                    [(t._("✍️ Write a message"), f"rq:{request.id}:msg")],
                    [(t._("Mark handled without a message"), f"rq:{request.id}:ok")],
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


@expects("handle_request")
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


def _settings_view(
    t: Translator, settings: PractitionerSettings
) -> tuple[str, InlineKeyboardMarkup]:
    on, off = t._("on"), t._("off")
    if settings.frequency == "daily":
        when = t._("daily at {time}", time=settings.at)
    elif settings.frequency == "weekly":
        when = t._(
            "weekly on {day} at {time}",
            day=t.weekday_name(settings.weekday, "wide"),
            time=settings.at,
        )
    else:
        when = t._("off")
    quiet = (
        t._("{start}–{end}", start=settings.quiet_start, end=settings.quiet_end)
        if settings.quiet_start and settings.quiet_end
        else t._("none")
    )
    lines = [
        t._("<b>Digest and alerts</b>"),
        t._("Digest: {when} ({zone})", when=when, zone=esc(settings.timezone)),
        t._("Quiet hours: {quiet}", quiet=quiet),
        t._(
            "Alert me at once when a rating drops by 2 or more: {state}",
            state=on if settings.alert_on_drop else off,
        ),
        t._(
            "Send a one-line digest when nothing happened: {state}",
            state=on if settings.send_empty else off,
        ),
    ]
    if settings.next_digest_at is not None:
        lines.append(
            t._(
                "Next digest: {when}",
                when=t.datetime(settings.next_digest_at, settings.timezone, "full"),
            )
        )
    rows = [
        [(t._("Daily"), "ps:f:daily"), (t._("Weekly"), "ps:f:weekly"), (t._("Off"), "ps:f:off")],
        [(("✓" if settings.at == at else "") + at, f"ps:t:{at}") for at in QUICK_DIGEST_TIMES],
    ]
    if settings.frequency == "weekly":
        rows.append(
            [
                (("✓" if settings.weekday == d else "") + t.weekday_name(d), f"ps:wd:{d}")
                for d in range(7)
            ]
        )
    rows.append(
        [
            (label, f"ps:q:{key}")
            for key, label in (("19-08", "19–08"), ("20-07", "20–07"), ("22-07", "22–07"))
        ]
        + [(t._("No quiet hours"), "ps:q:none")]
    )
    rows.append([(t._("Rating-drop alerts on/off"), "ps:drop")])
    rows.append([(t._("Quiet-period message on/off"), "ps:empty")])
    return "\n".join(lines), buttons(rows)


async def settings_button(update: Update, context: BotContext) -> None:
    """Show or change digest frequency, time, weekday, quiet hours and alert options."""
    query = update.callback_query
    assert query is not None and query.data is not None
    actor = await require(update, context, "practitioner")
    if actor is None or actor.person_id is None:
        return
    await answer(update)
    digests = context.services.digests
    settings = await digests.settings(actor.person_id)
    parts = query.data.split(":", 2)
    action = parts[1]
    if action == "f":
        settings = await digests.update(actor.person_id, frequency=parts[2])
    elif action == "t":
        settings = await digests.update(actor.person_id, at=parts[2])
    elif action == "wd":
        settings = await digests.update(actor.person_id, weekday=int(parts[2]))
    elif action == "q":
        start, end = QUIET_PRESETS.get(parts[2], (None, None))
        settings = await digests.update(actor.person_id, quiet_start=start, quiet_end=end)
    elif action == "drop":
        settings = await digests.update(actor.person_id, alert_on_drop=not settings.alert_on_drop)
    elif action == "empty":
        settings = await digests.update(actor.person_id, send_empty=not settings.send_empty)
    text, markup = _settings_view(context.t(actor), settings)
    await show(update, context, text, markup)


def register(application: BotApp) -> None:
    """Add this module's handlers."""
    application.add_handler(CommandHandler("digest", digest_command))
    application.add_handler(CommandHandler("clients", clients_command))
    application.add_handler(CommandHandler("client", client_command))
    application.add_handler(CommandHandler("requests", requests_command))
    application.add_handler(
        MessageHandler(filters.Regex(r"^/note_[0-9]{1,18}(@\w+)?$"), note_command)
    )
    application.add_handler(
        MessageHandler(filters.Regex(r"^/request_[0-9]{1,18}(@\w+)?$"), request_command)
    )
    application.add_handler(
        CallbackQueryHandler(client_button, pattern=r"^cl:[0-9]{1,18}(:alias)?$")
    )
    application.add_handler(
        CallbackQueryHandler(request_button, pattern=r"^rq:[0-9]{1,18}:(done|msg|ok)$")
    )
    application.add_handler(
        CallbackQueryHandler(
            settings_button,
            pattern=re.compile(
                r"^ps:(menu|f:(daily|weekly|off)|t:([01][0-9]|2[0-3]):[0-5][0-9]|wd:[0-6]|q:(19-08|20-07|22-07|none)|drop|empty)$"
            ),
        )
    )
