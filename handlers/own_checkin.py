"""The practitioner's own weekly check-in: how full their tank is and one thing for themselves.

Optional and off by default (offered in /settings). Only the practitioner reads it: no other
person, report or count does, and they can erase it whenever they like.
"""

from __future__ import annotations

import asyncio
import io

from telegram import InputFile, Update

from bot.charts import ChartLabels, Series, progress_chart
from bot.context import BotContext
from bot.i18n import Translator
from bot.services.digests import sparkline
from bot.services.own_checkins import MAX_ONE_THING, OwnCheckin
from bot.services.people import Actor
from bot.text import TooLongError, esc, shorten
from handlers.callbacks import OWN_MENU, OWN_TANK, OWN_THING_SKIP, PRACTICE_MENU
from handlers.common import answer, buttons, reply, require, show
from handlers.views.own_checkin import tank_question

__all__ = ["own_menu_button", "skip_thing_button", "tank_button", "typed_one_thing"]


def _menu_view(
    t: Translator, next_at: int | None, history: list[OwnCheckin], timezone: str
) -> tuple[str, list[list[tuple[str, str]]]]:
    lines = [
        t._("🌿 <b>Your own check-in</b>"),
        t._(
            "Once a week, two questions just for you: how full is your tank, and one thing "
            "you will do for yourself. Nobody else sees the answers, not admins and not any "
            "figures, and you can delete them any time."
        ),
        "",
    ]
    if next_at is None:
        lines.append(t._("It is off."))
    else:
        lines.append(t._("It is on: the next one comes {when}.", when=t.moment(next_at, timezone)))
    tanks = [c.tank for c in history if c.tank is not None]
    if tanks:
        lines += ["", t._("Your tank, week by week: {bars} (now {value}/10)",
                          bars=sparkline(tanks[-12:]), value=tanks[-1])]  # fmt: skip
    things = [c for c in history if c.one_thing]
    if things:
        latest = things[-1]
        lines.append(
            t._(
                "Last time you chose: “{thing}” ({day})",
                thing=esc(shorten(latest.one_thing or "", 200)),
                day=t.day(latest.asked_at, timezone),
            )
        )
    toggle = (
        (t._("Turn it on"), OWN_MENU.build(action="on"))
        if next_at is None
        else (t._("Turn it off"), OWN_MENU.build(action="off"))
    )
    rows = [[toggle], [(t._("Check in now"), OWN_MENU.build(action="now"))]]
    if tanks:
        rows.append([(t._("📈 My chart"), OWN_MENU.build(action="chart"))])
    if history:
        rows.append([(t._("🗑 Delete my own check-ins"), OWN_MENU.build(action="erase"))])
    rows.append([(t._("⬅️ Back"), PRACTICE_MENU.build(action="menu"))])
    return "\n".join(lines), rows


async def own_menu_button(update: Update, context: BotContext) -> None:
    """/settings → My own check-in: on or off, now, the chart, delete."""
    query = update.callback_query
    assert query is not None
    pressed = OWN_MENU.parse(query.data)
    assert pressed is not None
    actor = await require(update, context, "practitioner")
    if actor is None or actor.person_id is None:
        return
    await answer(update)
    t = context.t(actor)
    own = context.services.own_checkins
    person_id = actor.person_id
    action = pressed["action"]
    head = ""
    if action == "on":
        await own.turn_on(person_id)
    elif action == "off":
        await own.turn_off(person_id)
    elif action == "now":
        checkin_id = await own.start(person_id)
        question, choices = tank_question(t, checkin_id)
        await reply(update, context, question, buttons([list(row) for row in choices]))
        return
    elif action == "chart":
        await _send_chart(update, context, actor)
        return
    elif action == "erase":
        await show(
            update,
            context,
            t._("Delete all your own check-ins? This can't be undone."),
            buttons(
                [
                    [(t._("Yes, delete them"), OWN_MENU.build(action="erasey"))],
                    [(t._("Keep them"), OWN_MENU.build(action="menu"))],
                ]
            ),
        )
        return
    elif action == "erasey":
        count = await own.erase(person_id)
        head = t.n_("Deleted {count} check-in.", "Deleted {count} check-ins.", count) + "\n\n"
    text, rows = _menu_view(
        t, await own.next_at(person_id), await own.history(person_id), actor.timezone
    )
    await show(update, context, head + text, buttons(rows))


async def _send_chart(update: Update, context: BotContext, actor: Actor) -> None:
    assert actor.person_id is not None
    t = context.t(actor)
    history = await context.services.own_checkins.history(actor.person_id)
    points = tuple((c.asked_at, c.tank) for c in history if c.tank is not None)
    labels = ChartLabels(
        title=t._("My tank"),
        y_axis=t._("0 = empty, 10 = full"),
        achieved="",
        day=lambda moment: t.skeleton(int(moment.timestamp()), actor.timezone, "MMMd"),
        empty=t._("Nothing to draw yet"),
    )
    series = [Series(t._("How full my tank was"), points)]
    png = await asyncio.to_thread(progress_chart, series, labels, actor.timezone)
    chat = update.effective_chat
    assert chat is not None
    await context.bot.send_photo(chat.id, InputFile(io.BytesIO(png), filename="tank.png"))


async def tank_button(update: Update, context: BotContext) -> None:
    """How full the tank is: kept, then the second question."""
    query = update.callback_query
    assert query is not None
    pressed = OWN_TANK.parse(query.data)
    assert pressed is not None
    actor = await require(update, context, "practitioner")
    if actor is None or actor.person_id is None:
        return
    await answer(update)
    t = context.t(actor)
    own = context.services.own_checkins
    checkin_id, value = pressed["checkin"], pressed["value"]
    if not await own.answer_tank(actor.person_id, checkin_id, value):
        await show(update, context, t._("This check-in is no longer here."))
        return
    original = getattr(query.message, "text_html", None) or ""
    chosen = t._("Skipped") if value is None else f"{value}/10"
    if original:
        await show(update, context, f"{original}\n<i>→ {esc(chosen)}</i>")
    await context.services.people.expect_input(actor.person_id, "own_thing", checkin_id=checkin_id)
    lines = []
    if value is not None and value <= 3:
        lines.append(
            t._(
                "That sounds like a lot to carry. Is there someone you could talk to this "
                "week: a colleague, your supervisor, someone outside work?"
            )
        )
    lines.append(
        t._(
            "One thing you will do for yourself this week? A few words, or skip (up to {limit} "
            "characters).",
            limit=MAX_ONE_THING,
        )
    )
    await reply(
        update,
        context,
        "\n\n".join(lines),
        buttons([[(t._("Skip"), OWN_THING_SKIP.build(checkin=checkin_id))]]),
    )


async def skip_thing_button(update: Update, context: BotContext) -> None:
    """No "one thing" this week: that's fine too."""
    actor = await require(update, context, "practitioner")
    if actor is None or actor.person_id is None:
        return
    await answer(update)
    t = context.t(actor)
    if (actor.pending_input or {}).get("kind") == "own_thing":
        await context.services.people.clear_input(actor.person_id)
    await show(update, context, t._("That's fine. 🌿 Take care of yourself this week."))


async def typed_one_thing(update: Update, context: BotContext, actor: Actor, text: str) -> None:
    """Their one thing for themselves this week."""
    assert actor.person_id is not None and actor.pending_input is not None
    t = context.t(actor)
    checkin_id = int(actor.pending_input["checkin_id"])
    try:
        kept = await context.services.own_checkins.answer_thing(actor.person_id, checkin_id, text)
    except TooLongError as error:
        await reply(
            update,
            context,
            t._(
                "That's longer than {limit} characters. Nothing was saved: please write it a "
                "little shorter.",
                limit=error.limit,
            ),
        )
        return
    await context.services.people.clear_input(actor.person_id)
    if not kept:
        await reply(update, context, t._("This check-in is no longer here."))
        return
    await reply(
        update,
        context,
        t._("Noted, just for you. 🌿 Take care of yourself this week."),
    )
