"""/mydata (export) and /delete (erase) for clients."""

from __future__ import annotations

import io
import json
from typing import Any

from telegram import InputFile, Update

from bot.context import BotContext
from bot.i18n import Translator
from bot.text import esc
from handlers.callbacks import ERASE
from handlers.common import actor_of, answer, buttons, deliver, reply, show

__all__ = ["confirm_delete", "delete_command", "my_data"]


async def my_data(update: Update, context: BotContext) -> None:
    """Send the client a JSON file with everything stored about them."""
    actor = await actor_of(update, context)
    t = context.t(actor)
    if not actor.is_client or actor.person_id is None:
        await reply(update, context, t._("There is no client data stored about you here."))
        return
    data = await context.services.privacy.export(actor.person_id)
    content = json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")
    chat = update.effective_chat
    assert chat is not None
    await context.bot.send_document(
        chat.id,
        InputFile(io.BytesIO(content), filename="my-checkin-data.json"),
        caption=t._("Here is everything stored about you, as a JSON file."),
    )
    await reply(update, context, _summary(t, data))


def _summary(t: Translator, data: dict[str, Any]) -> str:
    """A readable overview of the export, for people who don't open JSON files."""
    plan = data.get("safety_plan", [])
    lines = [
        t._("<b>In short, stored about you:</b>"),
        "• " + t.n_("{count} goal", "{count} goals", len(data.get("goals", []))),
        "• " + t.n_("{count} check-in", "{count} check-ins", len(data.get("checkins", []))),
        "• " + t.n_("{count} request", "{count} requests", len(data.get("requests", []))),
    ]
    events = len(data.get("safety_events", []))
    if events:
        lines.append(
            "• "
            + t.n_(
                "{count} time crisis words were recognised (what you wrote is in the file)",
                "{count} times crisis words were recognised (what you wrote is in the file)",
                events,
            )
        )
    if plan:
        shared = any(section.get("shared") for section in plan)
        lines.append(
            "• "
            + (
                t._("your safety plan (shared with your practitioner)")
                if shared
                else t._("your safety plan (private)")
            )
        )
    lines.append(
        t._(
            "Times in the file are in your time zone, {zone}. /delete erases all of it.",
            zone=esc(str(data.get("time_zone", ""))),
        )
    )
    return "\n".join(lines)


async def delete_command(update: Update, context: BotContext) -> None:
    """Ask the client to confirm erasing everything."""
    actor = await actor_of(update, context)
    t = context.t(actor)
    if not actor.is_client:
        await reply(update, context, t._("There is no client data stored about you here."))
        return
    await reply(
        update,
        context,
        t._(
            "This erases everything stored about you here: goals, check-ins, notes and "
            "requests. It cannot be undone, and your practitioner will be told that you left. "
            "Tip: /mydata first if you'd like a copy.\n\nErase everything?"
        ),
        buttons(
            [
                [
                    (t._("Yes, erase everything"), ERASE.build(choice="yes")),
                    (t._("Keep my data"), ERASE.build(choice="no")),
                ]
            ]
        ),
    )


async def confirm_delete(update: Update, context: BotContext) -> None:
    """Erase the client's data after confirmation."""
    query = update.callback_query
    assert query is not None
    pressed = ERASE.parse(query.data)
    assert pressed is not None
    actor = await actor_of(update, context)
    t = context.t(actor)
    await answer(update)
    if pressed["choice"] == "no" or not actor.is_client or actor.person_id is None:
        await show(update, context, t._("Nothing was erased."))
        return
    await context.services.privacy.erase(actor.person_id)
    await show(
        update,
        context,
        t._("Everything stored about you has been erased. Take good care of yourself. 💛"),
    )
    await deliver(context)
