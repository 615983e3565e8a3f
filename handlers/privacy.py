"""/mydata (export) and /delete (erase) for clients."""

from __future__ import annotations

import io

from telegram import InputFile, Update
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot.app import BotApp, BotContext
from handlers.common import actor_of, answer, buttons, deliver, reply, show

__all__ = ["register"]


async def my_data(update: Update, context: BotContext) -> None:
    """Send the client a JSON file with everything stored about them."""
    actor = await actor_of(update, context)
    t = context.t(actor)
    if not actor.is_client or actor.person_id is None:
        await reply(update, context, t._("There is no client data stored about you here."))
        return
    content = await context.services.privacy.export_json(actor.person_id)
    chat = update.effective_chat
    assert chat is not None
    await context.bot.send_document(
        chat.id,
        InputFile(io.BytesIO(content), filename="my-checkin-data.json"),
        caption=t._("Here is everything stored about you, as a JSON file."),
    )


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
        buttons([[(t._("Yes, erase everything"), "erase:yes"), (t._("Keep my data"), "erase:no")]]),
    )


async def confirm_delete(update: Update, context: BotContext) -> None:
    """Erase the client's data after confirmation."""
    query = update.callback_query
    assert query is not None and query.data is not None
    actor = await actor_of(update, context)
    t = context.t(actor)
    await answer(update)
    if query.data == "erase:no" or not actor.is_client or actor.person_id is None:
        await show(update, context, t._("Nothing was erased."))
        return
    await context.services.privacy.erase(actor.person_id)
    await show(
        update,
        context,
        t._("Everything stored about you has been erased. Take good care of yourself. 💛"),
    )
    await deliver(context)


def register(application: BotApp) -> None:
    """Add this module's handlers."""
    application.add_handler(CommandHandler("mydata", my_data))
    application.add_handler(CommandHandler("delete", delete_command))
    application.add_handler(CallbackQueryHandler(confirm_delete, pattern=r"^erase:(yes|no)$"))
