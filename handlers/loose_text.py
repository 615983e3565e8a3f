"""Text a client typed when no question was waiting for it: keep it, and let them choose."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CallbackQueryHandler

from bot.context import BotApp, BotContext
from bot.services.checkins import MAX_NOTE_LENGTH, RESUME_WINDOW
from bot.services.goals import GoalProblem
from bot.services.people import Actor
from bot.text import checked, clean_user_text, esc, shorten
from handlers.checkin import ask
from handlers.common import actor_of, answer, buttons, expects, reply, show
from handlers.goals import problem_text, rating_rows
from handlers.text import TEXT_FALLBACKS

__all__ = ["hold", "keep_typed_text", "register"]


async def keep_typed_text(update: Update, context: BotContext, actor: Actor, text: str) -> bool:
    """Never drop a client's words: add them to the open check-in, or offer where to keep them."""
    if not actor.is_client or actor.person_id is None or not clean_user_text(text):
        return False
    services = context.services
    t = context.t(actor)
    current = await services.checkins.open_checkin(actor.person_id)
    if current is not None and services.clock.now() - current.started_at < RESUME_WINDOW:
        await services.checkins.keep_note(actor.person_id, current.id, text)
        await reply(update, context, t._("I've kept that as a note for this check-in. Now, the "
                                         "question it was in the middle of:"))  # fmt: skip
        await ask(update, context, actor, await services.checkins.question(current))
        return True
    await hold(update, context, actor, text)
    return True


async def hold(update: Update, context: BotContext, actor: Actor, text: str) -> None:
    assert actor.person_id is not None
    t = context.t(actor)
    held = str((actor.pending_input or {}).get("text", ""))
    words = checked(clean_user_text(f"{held}\n{text}" if held else text), MAX_NOTE_LENGTH)
    await context.services.people.expect_input(actor.person_id, "loose_text", text=words)
    await reply(
        update,
        context,
        t._("Would you like me to keep this?\n<i>{text}</i>", text=esc(shorten(words, 300))),
        buttons(
            [
                [(t._("📝 As a note in a check-in"), "lt:note")],
                [(t._("🎯 As a new goal"), "lt:goal")],
                [(t._("No, thanks"), "lt:no")],
            ]
        ),
    )


@expects("loose_text")
async def more_loose_text(update: Update, context: BotContext, actor: Actor, text: str) -> None:
    """More words while the choice is open: keep them together."""
    await hold(update, context, actor, text)


async def loose_text_button(update: Update, context: BotContext) -> None:
    """Keep the held words where the client chose, or let them go."""
    query = update.callback_query
    assert query is not None and query.data is not None
    actor = await actor_of(update, context)
    await answer(update)
    if not actor.is_client or actor.person_id is None:
        return
    t = context.t(actor)
    services = context.services
    pending = actor.pending_input or {}
    words = str(pending.get("text", "")) if pending.get("kind") == "loose_text" else ""
    if not words:
        await show(update, context, t._("There's nothing waiting to be kept."))
        return
    choice = query.data[3:]
    if choice == "no":
        await services.people.clear_input(actor.person_id)
        await show(update, context, t._("Okay, I haven't kept it."))
    elif choice == "goal":
        result = await services.goals.add(actor.person_id, words)
        if isinstance(result, GoalProblem):
            await show(update, context, problem_text(t, result, services.goals.max_active))
            return
        await services.people.clear_input(actor.person_id)
        await show(update, context, t._("Saved your goal:\n<b>{goal}</b>", goal=esc(result.text)),
                   buttons(rating_rows(f"g:{result.id}:imp:", t)))  # fmt: skip
    elif choice == "note":
        await services.people.clear_input(actor.person_id)
        question = await services.checkins.start(actor.person_id)
        if question.checkin is None:
            await show(update, context, t._("There is nothing to ask yet: you have no active "
                                            "goals and the overall question is switched off. Add "
                                            "a goal in /goals, or switch the overall question on "
                                            "in /settings."))  # fmt: skip
            return
        await services.checkins.keep_note(actor.person_id, question.checkin.id, words)
        await show(update, context, t._("Kept as the note of a new check-in. 🌿"))
        await ask(update, context, actor, await services.checkins.question(question.checkin))


TEXT_FALLBACKS.append(keep_typed_text)


def register(application: BotApp) -> None:
    """Add this module's handlers."""
    application.add_handler(CallbackQueryHandler(loose_text_button, pattern=r"^lt:(note|goal|no)$"))
