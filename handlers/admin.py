"""/admin (practitioners, deactivation with reassignment, moving a client) and /stats."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot.context import BotApp, BotContext
from bot.i18n import Translator
from bot.services.admin import PractitionerEntry
from bot.text import esc, shorten
from handlers.common import answer, audit, buttons, deliver, reply, require, show

__all__ = ["register"]


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
                t._("• {who}, since {date}", who=who, date=t.date(chat.since, actor.timezone))
            )
    gaps = await context.services.catalogue.safety_gaps()
    if gaps:
        from handlers.views.crisis import gap_text

        lines += ["", t._("<b>Crisis information</b>"), gap_text(t, gaps)]
    rows = []
    active = [e for e in entries if e.active]
    for entry in active:
        rows.append(
            [(t._("Deactivate {name}", name=shorten(entry.name, 24)), f"ad:off:{entry.person_id}")]
        )
    if len(active) > 1:
        rows.append([(t._("Move a client to another practitioner"), "ad:move")])
    await reply(update, context, "\n".join(lines), buttons(rows) if rows else None)


async def admin_button(update: Update, context: BotContext) -> None:
    """Walk through deactivation (choose who takes the clients) and moving one client."""
    query = update.callback_query
    assert query is not None and query.data is not None
    actor = await require(update, context, "admin")
    if actor is None:
        return
    await answer(update)
    t = context.t(actor)
    admin = context.services.admin
    parts = query.data.split(":")
    active = [e for e in await admin.practitioners() if e.active]
    names = {e.person_id: e.name for e in await admin.practitioners()}
    if parts[1] == "off" and len(parts) == 3:
        leaving = int(parts[2])
        others = [e for e in active if e.person_id != leaving]
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
            t._("Who should take over {name}'s clients?", name=esc(names.get(leaving, "?"))),
            buttons([[(shorten(e.name, 30), f"ad:off:{leaving}:{e.person_id}")] for e in others]),
        )
    elif parts[1] == "off" and len(parts) == 4:
        moved = await admin.deactivate(int(parts[2]), int(parts[3]))
        if moved is not None:
            await audit(context, actor, "admin", "deactivated practitioner", int(parts[2]))
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
                name=esc(names.get(int(parts[2]), "?")),
                target=esc(names.get(int(parts[3]), "?")),
            ),
        )
        await deliver(context)
    elif parts[1] == "move" and len(parts) == 2:
        await show(
            update,
            context,
            t._("Whose client is it?"),
            buttons([[(shorten(e.name, 30), f"ad:move:{e.person_id}")] for e in active]),
        )
    elif parts[1] == "move" and len(parts) == 3:
        clients = await admin.clients_of(int(parts[2]))
        if not clients:
            await show(update, context, t._("They have no clients."))
            return
        await show(
            update,
            context,
            t._(
                "Which client? They are numbered as in {name}'s /clients list (admins don't see "
                "clients' names), so ask {name} for the number.",
                name=esc(names.get(int(parts[2]), "?")),
            ),
            buttons(
                [
                    [
                        (
                            t._(
                                "No. {number}, joined {date}",
                                number=number,
                                date=t.date(joined, actor.timezone),
                            ),
                            f"ad:mv:{cid}",
                        )
                    ]
                    for number, (cid, joined) in enumerate(clients, 1)
                ]
            ),
        )
    elif parts[1] == "mv" and len(parts) == 3:
        await show(
            update,
            context,
            t._("Move them to whom?"),
            buttons([[(shorten(e.name, 30), f"ad:mv:{parts[2]}:{e.person_id}")] for e in active]),
        )
    elif parts[1] == "mv" and len(parts) == 4:
        if await admin.reassign(int(parts[2]), int(parts[3])):
            await audit(context, actor, "admin", "moved a client", int(parts[2]))
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


def register(application: BotApp) -> None:
    """Add this module's handlers."""
    application.add_handler(CommandHandler("admin", admin_command))
    application.add_handler(CommandHandler("stats", stats_command))
    application.add_handler(
        CallbackQueryHandler(
            admin_button,
            pattern=r"^ad:(off:[0-9]{1,18}(:[0-9]{1,18})?|move(:[0-9]{1,18})?|mv:[0-9]{1,18}(:[0-9]{1,18})?)$",
        )
    )
