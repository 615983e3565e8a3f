"""/admin (practitioners, deactivation with reassignment, moving a client) and /stats."""

from __future__ import annotations

from telegram import Update

from bot.context import BotContext
from bot.i18n import Translator
from bot.services.admin import PractitionerEntry
from bot.text import esc, shorten
from handlers.callbacks import (
    ADMIN_DEACTIVATE,
    ADMIN_DEACTIVATE_TO,
    ADMIN_MOVE,
    ADMIN_MOVE_CLIENT,
    ADMIN_MOVE_FROM,
    ADMIN_MOVE_TO,
)
from handlers.common import answer, audit, buttons, deliver, reply, require, show
from handlers.views.crisis import gap_text

__all__ = ["admin_button", "admin_command", "stats_command"]


def _line(t: Translator, number: int, entry: PractitionerEntry) -> str:
    state = "" if entry.active else " " + t._("(deactivated)")
    count = t.n_("{count} client", "{count} clients", entry.clients)
    return f"{number}. <b>{esc(entry.name)}</b>{state} — {count}"


async def admin_command(update: Update, context: BotContext) -> None:
    """List practitioners and unreachable chats, with actions."""
    actor = await require(update, context, "admin")
    if actor is None:
        return
    t = context.t(actor)
    admin = context.services.admin
    entries = await admin.practitioners()
    lines = [t._("<b>Practitioners</b>")]
    lines += [_line(t, n, e) for n, e in enumerate(entries, 1)] or [
        t._("None yet. /newpractitioner")
    ]
    unreachable = await admin.unreachable()
    if unreachable:
        lines += [
            "",
            t._("<b>Unreachable chats</b> (they blocked the bot; messages are not retried)"),
        ]
        for chat in unreachable:
            if chat.role == "client":  # admins never see clients' names
                who = t._("a client of {name}", name=esc(chat.name or "?"))
            elif chat.role == "practitioner":
                who = t._("{name} (practitioner)", name=esc(chat.name or "?"))
            else:
                who = t._("someone who has left")
            lines.append(
                t._("• {who}, since {date}", who=who, date=t.day(chat.since, actor.timezone))
            )
    gaps = await context.services.catalogue.safety_gaps()
    if gaps:
        lines += ["", t._("<b>Crisis information</b>"), gap_text(t, gaps)]
    rows = []
    active = [e for e in entries if e.active]
    for entry in active:
        rows.append(
            [
                (
                    t._("Deactivate {name}", name=shorten(entry.name, 24)),
                    ADMIN_DEACTIVATE.build(practitioner=entry.person_id),
                )
            ]
        )
    if len(active) > 1:
        rows.append([(t._("Move a client to another practitioner"), ADMIN_MOVE.build())])
    await reply(update, context, "\n".join(lines), buttons(rows) if rows else None)


async def admin_button(update: Update, context: BotContext) -> None:
    """Walk through deactivation (choose who takes the clients) and moving one client."""
    query = update.callback_query
    assert query is not None
    data = query.data
    actor = await require(update, context, "admin")
    if actor is None:
        return
    await answer(update)
    t = context.t(actor)
    admin = context.services.admin
    active = [e for e in await admin.practitioners() if e.active]
    names = {e.person_id: e.name for e in await admin.practitioners()}
    if (leaving := ADMIN_DEACTIVATE.parse(data)) is not None:
        practitioner = leaving["practitioner"]
        others = [e for e in active if e.person_id != practitioner]
        if not others:
            await show(
                update,
                context,
                t._("Invite another practitioner first: their clients need someone to move to."),
            )
            return
        await show(
            update,
            context,
            t._("Who should take over {name}'s clients?", name=esc(names.get(practitioner, "?"))),
            buttons(
                [
                    [
                        (
                            shorten(e.name, 30),
                            ADMIN_DEACTIVATE_TO.build(
                                practitioner=practitioner, target=e.person_id
                            ),
                        )
                    ]
                    for e in others
                ]
            ),
        )
    elif (deactivate := ADMIN_DEACTIVATE_TO.parse(data)) is not None:
        practitioner, target = deactivate["practitioner"], deactivate["target"]
        moved = await admin.deactivate(practitioner, target)
        if moved is not None:
            await audit(context, actor, "admin", "deactivated practitioner", practitioner)
        if moved is None:
            await show(
                update, context, t._("That didn't work: please choose another active practitioner.")
            )
            return
        await show(
            update,
            context,
            t.n_(
                "Done. {name} is deactivated and {count} client moved to {target}.",
                "Done. {name} is deactivated and {count} clients moved to {target}.",
                moved,
                name=esc(names.get(practitioner, "?")),
                target=esc(names.get(target, "?")),
            ),
        )
        await deliver(context)
    elif ADMIN_MOVE.matches(data):
        await show(
            update,
            context,
            t._("Whose client is it?"),
            buttons(
                [
                    [(shorten(e.name, 30), ADMIN_MOVE_FROM.build(practitioner=e.person_id))]
                    for e in active
                ]
            ),
        )
    elif (source := ADMIN_MOVE_FROM.parse(data)) is not None:
        clients = await admin.clients_of(source["practitioner"])
        if not clients:
            await show(update, context, t._("They have no clients."))
            return
        await show(
            update,
            context,
            t._(
                "Which client? They are numbered as in {name}'s /clients list (admins don't see "
                "clients' names), so ask {name} for the number.",
                name=esc(names.get(source["practitioner"], "?")),
            ),
            buttons(
                [
                    [
                        (
                            t._(
                                "No. {number}, joined {date}",
                                number=number,
                                date=t.day(joined, actor.timezone),
                            ),
                            ADMIN_MOVE_CLIENT.build(client=cid),
                        )
                    ]
                    for number, (cid, joined) in enumerate(clients, 1)
                ]
            ),
        )
    elif (moving := ADMIN_MOVE_CLIENT.parse(data)) is not None:
        await show(
            update,
            context,
            t._("Move them to whom?"),
            buttons(
                [
                    [
                        (
                            shorten(e.name, 30),
                            ADMIN_MOVE_TO.build(client=moving["client"], target=e.person_id),
                        )
                    ]
                    for e in active
                ]
            ),
        )
    elif (move := ADMIN_MOVE_TO.parse(data)) is not None:
        if await admin.reassign(move["client"], move["target"]):
            await audit(context, actor, "admin", "moved a client", move["client"])
            await show(
                update, context, t._("Moved. The client and both practitioners have been told.")
            )
            await deliver(context)
        else:
            await show(
                update, context, t._("Nothing changed: they are already with that practitioner.")
            )


async def stats_command(update: Update, context: BotContext) -> None:
    """Show aggregate figures only."""
    actor = await require(update, context, "admin")
    if actor is None:
        return
    t = context.t(actor)
    stats = await context.services.admin.stats()
    await reply(
        update,
        context,
        "\n".join(
            [
                t._("<b>Figures</b> (counts only)"),
                t._("Clients: {value}", value=t.number(stats.clients)),
                t._("Active in the last 7 days: {value}", value=t.number(stats.active_7d)),
                t._(
                    "Check-ins per week (last 4 weeks): {value}",
                    value=t.number(stats.checkins_per_week),
                ),
                t._("Open requests: {value}", value=t.number(stats.open_requests)),
                t._("Unreachable chats: {value}", value=t.number(stats.unreachable)),
                t._("Active practitioners: {value}", value=t.number(stats.practitioners)),
            ]
        ),
    )
