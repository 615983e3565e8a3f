"""The practitioner's side of the week: clients' messages and topics, the next session and its
prep, away with cover, and the honest expectation a client reads after writing."""

from __future__ import annotations

from telegram import Update

from bot.context import BotContext
from bot.i18n import Translator
from bot.services.people import Actor
from bot.services.practice import Expectation
from bot.services.when import parse_moment
from bot.text import esc, shorten
from handlers.callbacks import AWAY_COVER, CLIENT_ACTION, MESSAGE_CLEAR, PRACTICE_MENU
from handlers.common import answer, buttons, reply, require, show
from handlers.views.practice import prep_text

__all__ = [
    "away_button",
    "client_action_button",
    "expectation_text",
    "message_clear_button",
    "messages_lines",
    "typed_away_until",
    "typed_session",
]


def expectation_text(t: Translator, expectation: Expectation, timezone: str) -> str:
    """Who reads what the client wrote, and when: never implies someone is watching."""
    if expectation.cover is not None:
        lines = [
            t._(
                "{name} is away until {day}. {cover} is covering and will see this in their "
                "next digest.",
                name=esc(expectation.practitioner_name),
                day=t.day(expectation.cover.until, timezone),
                cover=esc(expectation.cover.name),
            )
        ]
    else:
        lines = [
            t.n_(
                "{name} reads these on working days and usually replies within {count} "
                "working day.",
                "{name} reads these on working days and usually replies within {count} "
                "working days.",
                expectation.reply_days,
                name=esc(expectation.practitioner_name),
            )
        ]
    lines.append(
        t._(
            "Nobody watches this chat in real time. If you need someone now, /safetyplan "
            "shows who you can call."
        )
    )
    return "\n".join(lines)


async def messages_lines(
    context: BotContext, t: Translator, client_id: int, timezone: str
) -> tuple[list[str], list[list[tuple[str, str]]]]:
    """The client's open messages and topics for ``/client N``, with a "done" button each."""
    messages = await context.services.practice.open_messages(client_id)
    lines: list[str] = []
    rows: list[list[tuple[str, str]]] = []
    for kind, heading in (
        ("message", t._("<b>Messages from the client</b>")),
        ("topic", t._("<b>To talk about next time</b> (from the client)")),
    ):
        chosen = [m for m in messages if m.kind == kind]
        if not chosen:
            continue
        lines += ["", heading]
        for message in chosen:
            lines.append(f"• {t.day(message.created_at, timezone)}: {esc(message.text)}")
            rows.append(
                [
                    (
                        t._("✔️ Clear: {words}", words=shorten(message.text, 24)),
                        MESSAGE_CLEAR.build(message=message.id),
                    )
                ]
            )
    return lines, rows


async def message_clear_button(update: Update, context: BotContext) -> None:
    """Clear one message or topic of one's own client (kept ones stay in /client N)."""
    query = update.callback_query
    assert query is not None
    pressed = MESSAGE_CLEAR.parse(query.data)
    assert pressed is not None
    actor = await require(update, context, "practitioner")
    if actor is None or actor.person_id is None:
        return
    await answer(update)
    t = context.t(actor)
    if await context.services.practice.clear(actor.person_id, pressed["message"]):
        await reply(update, context, t._("Cleared. ✔️"))
    else:
        await reply(update, context, t._("That was already cleared, or it isn't yours to clear."))


async def client_action_button(update: Update, context: BotContext) -> None:
    """``/client N`` -> Next session (asks for a day and time) or Session prep (now)."""
    query = update.callback_query
    assert query is not None
    pressed = CLIENT_ACTION.parse(query.data)
    assert pressed is not None
    actor = await require(update, context, "practitioner")
    if actor is None or actor.person_id is None:
        return
    await answer(update)
    t = context.t(actor)
    client_id = pressed["client"]
    if pressed["action"] == "prep":
        text = await prep_text(context.services, t, actor.person_id, client_id, actor.timezone)
        if text is None:
            await reply(update, context, t._("That client is not in your caseload."))
            return
        await reply(update, context, text)
        return
    if not await context.services.caseload.owns(actor.person_id, client_id):
        await reply(update, context, t._("That client is not in your caseload."))
        return
    await context.services.people.expect_input(actor.person_id, "session", client_id=client_id)
    await reply(
        update,
        context,
        t._(
            "When is the next session? Type a day and a time, for example "
            "<code>Thursday 14:00</code>, <code>3.12. 9:30</code> or <code>tomorrow 4pm</code>."
        ),
    )


async def typed_session(update: Update, context: BotContext, actor: Actor, text: str) -> None:
    """Set the next session from the typed day and time; say when the prep will come."""
    t = context.t(actor)
    assert actor.person_id is not None and actor.pending_input is not None
    services = context.services
    client_id = int(actor.pending_input["client_id"])
    at = parse_moment(text, actor.locale, actor.timezone, services.clock.now())
    if at is None or at <= services.clock.now():
        await reply(
            update,
            context,
            t._(
                "I couldn't read a day and time still to come in that. Please try again, for "
                "example <code>Thursday 14:00</code> or <code>3.12. 9:30</code>."
            ),
        )
        return
    session = await services.practice.set_session(actor.person_id, client_id, at)
    await services.people.clear_input(actor.person_id)
    if session is None:
        await reply(update, context, t._("That client is not in your caseload."))
        return
    await reply(
        update,
        context,
        t._(
            "Next session: {when}. Your session prep will come {prep}.",
            when=t.moment(session.at, actor.timezone),
            prep=t.moment(session.prep_at, actor.timezone),
        ),
    )


async def away_button(update: Update, context: BotContext) -> None:
    """Away: ask until when; choose a cover; or be back now."""
    query = update.callback_query
    assert query is not None
    actor = await require(update, context, "practitioner")
    if actor is None or actor.person_id is None:
        return
    await answer(update)
    t = context.t(actor)
    services = context.services
    menu = PRACTICE_MENU.parse(query.data)
    if menu is not None and menu["action"] == "back":
        await services.practice.set_away(actor.person_id, None, None)
        await show(update, context, t._("Welcome back. Everything comes to you again."))
        return
    if menu is not None:  # "away"
        await services.people.expect_input(actor.person_id, "away_until")
        await reply(
            update,
            context,
            t._(
                "Until when are you away? Type the day you are back, for example "
                "<code>Monday 8:00</code> or <code>14.12. 8:00</code>."
            ),
        )
        return
    chosen = AWAY_COVER.parse(query.data)
    assert chosen is not None
    pending = actor.pending_input or {}
    until = pending.get("until") if pending.get("kind") == "away_cover" else None
    if until is None:
        await show(update, context, t._("That choice has expired. Open /settings to try again."))
        return
    cover_id = chosen["practitioner"] or None
    if not await services.practice.set_away(actor.person_id, int(until), cover_id):
        await show(
            update, context, t._("That colleague can't cover right now. Please choose again.")
        )
        return
    await services.people.clear_input(actor.person_id)
    cover = await services.practice.cover(actor.person_id)
    if cover is not None:
        text = t._(
            "Away until {day}. {name} covers: your clients' digest items and alerts go to them, "
            "and everything waits for your return digest too.",
            day=t.moment(int(until), actor.timezone),
            name=esc(cover.name),
        )
    else:
        text = t._(
            "Away until {day}. Digests wait for your return; safety alerts go to the on-call "
            "contact.",
            day=t.moment(int(until), actor.timezone),
        )
    await show(update, context, text)


async def typed_away_until(update: Update, context: BotContext, actor: Actor, text: str) -> None:
    """Read the day the practitioner is back, then offer colleagues who could cover."""
    t = context.t(actor)
    assert actor.person_id is not None
    services = context.services
    until = parse_moment(text, actor.locale, actor.timezone, services.clock.now())
    if until is None or until <= services.clock.now():
        await reply(
            update,
            context,
            t._(
                "I couldn't read a day and time still to come in that. Please try again, for "
                "example <code>Monday 8:00</code>."
            ),
        )
        return
    await services.people.expect_input(actor.person_id, "away_cover", until=until)
    colleagues = [
        (person_id, name) for person_id, name in await services.practice.colleagues(actor.person_id)
    ]
    rows = [
        [(shorten(name, 40), AWAY_COVER.build(practitioner=person_id))]
        for person_id, name in colleagues[:20]
    ]
    rows.append([(t._("No cover (safety alerts go to on-call)"), AWAY_COVER.build(practitioner=0))])
    await reply(
        update,
        context,
        t._("Away until {day}. Who covers for you?", day=t.moment(until, actor.timezone)),
        buttons(rows),
    )
