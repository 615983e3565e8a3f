"""Text a client typed when no question was waiting for it: keep it, and let them choose."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update

from bot.context import BotContext
from bot.services.checkins import MAX_NOTE_LENGTH, RESUME_WINDOW
from bot.services.goals import GoalProblem
from bot.services.people import Actor
from bot.services.smalltalk import mentions_slip, small_talk
from bot.text import checked, clean_user_text, esc, shorten
from handlers.callbacks import GOAL_RULER, LOOSE_SLIP, LOOSE_TEXT
from handlers.checkin import ask
from handlers.common import actor_of, answer, buttons, reply, show
from handlers.goals import coping_row, problem_text, rating_rows, slip_text
from handlers.practice import expectation_text

__all__ = ["hold", "keep_typed_text", "loose_text_button", "more_loose_text", "slip_button"]


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
    said = small_talk(text)
    if said is not None:
        await reply(update, context, _small_talk_reply(context, actor, said))
        return True
    await hold(update, context, actor, text)
    return True


def _small_talk_reply(context: BotContext, actor: Actor, said: str) -> str:
    t = context.t(actor)
    if said == "thanks":
        return t._("You're welcome. 🌿")
    if said == "bye":
        return t._("Take care. 🌿 Talk soon.")
    if said == "how":
        return t._(
            "Thanks for asking! 🌿 I'm a bot, so there isn't much to tell. How are you doing? "
            "You can /checkin, or just write something and I'll ask where to keep it."
        )
    if said == "hello":
        return t._(
            "Hi! 🌿 You can /checkin, look at your /goals or /progress, or just write "
            "something and I'll ask where to keep it."
        )
    return t._("Okay. 🌿")


async def hold(update: Update, context: BotContext, actor: Actor, text: str) -> None:
    """Hold the words (with any held before) and ask where to keep them."""
    assert actor.person_id is not None
    t = context.t(actor)
    held = str((actor.pending_input or {}).get("text", ""))
    words = checked(clean_user_text(f"{held}\n{text}" if held else text), MAX_NOTE_LENGTH)
    await context.services.people.expect_input(actor.person_id, "loose_text", text=words)
    if mentions_slip(text):  # the warm word once, for the message that told of the slip
        await reply(update, context, slip_text(t))
    question, markup = await _offer(context, actor, words, slip=mentions_slip(words))
    await reply(update, context, question, markup)


async def _offer(
    context: BotContext, actor: Actor, words: str, *, slip: bool, head: str | None = None
) -> tuple[str, InlineKeyboardMarkup]:
    """ "What would you like me to do with this?" and the places the words can go."""
    assert actor.person_id is not None
    t = context.t(actor)
    expectation = await context.services.practice.expectation(actor.person_id)
    rows: list[list[tuple[str, str]]] = []
    if slip:
        # a slip is a first-class answer: marking it on a goal (a neutral fact for the
        # practitioner) and resources come first, then the usual choices
        goals = await context.services.goals.active(actor.person_id)
        rows += [
            [
                (
                    t._("🌱 A slip with “{goal}”", goal=shorten(goal.text, 30)),
                    LOOSE_SLIP.build(goal=goal.id),
                )
            ]
            for goal in goals[:5]
        ]
        rows.append(coping_row(t))
    if expectation is not None:
        name = shorten(expectation.practitioner_name, 24)
        rows += [
            [(t._("✉️ Send to {name}", name=name), LOOSE_TEXT.build(choice="send"))],
            [(t._("🗣 To talk about next time"), LOOSE_TEXT.build(choice="topic"))],
        ]
    rows += [
        [(t._("📝 As a note in a check-in"), LOOSE_TEXT.build(choice="note"))],
        [(t._("🎯 As a new goal"), LOOSE_TEXT.build(choice="goal"))],
        [(t._("No, thanks"), LOOSE_TEXT.build(choice="no"))],
    ]
    question = t._(
        "What would you like me to do with this?\n<i>{text}</i>", text=esc(shorten(words, 300))
    )
    return (f"{head}\n\n{question}" if head else question), buttons(rows)


async def slip_button(update: Update, context: BotContext) -> None:
    """A slip marked on a goal from the held words; the words themselves still wait."""
    query = update.callback_query
    assert query is not None
    pressed = LOOSE_SLIP.parse(query.data)
    assert pressed is not None
    actor = await actor_of(update, context)
    await answer(update)
    if not actor.is_client or actor.person_id is None:
        return
    t = context.t(actor)
    services = context.services
    goal = await services.goals.get(actor.person_id, pressed["goal"])
    if goal is None or goal.status != "active":
        await show(
            update, context, problem_text(t, GoalProblem.NOT_FOUND, services.goals.max_active)
        )
        return
    await services.goals.set_stage(actor.person_id, goal.id, "slip")
    noted = t._(
        "Noted for “{goal}”: a slip, and starting again. 🌱 Starting again is what counts. "
        "You can change this any time in /goals.",
        goal=esc(goal.text),
    )
    pending = actor.pending_input or {}
    words = str(pending.get("text", "")) if pending.get("kind") == "loose_text" else ""
    if not words:
        await show(update, context, noted, buttons([coping_row(t)]))
        return
    text, markup = await _offer(context, actor, words, slip=False, head=noted)
    await show(update, context, text, markup)


async def more_loose_text(update: Update, context: BotContext, actor: Actor, text: str) -> None:
    """More words while the choice is open: keep them together."""
    await hold(update, context, actor, text)


async def loose_text_button(update: Update, context: BotContext) -> None:
    """Keep the held words where the client chose, or let them go."""
    query = update.callback_query
    assert query is not None
    pressed = LOOSE_TEXT.parse(query.data)
    assert pressed is not None
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
    choice = pressed["choice"]
    if choice in ("send", "topic"):
        kind = "message" if choice == "send" else "topic"
        expectation = await services.practice.send(actor.person_id, kind, words)
        await services.people.clear_input(actor.person_id)
        if expectation is None:
            await show(update, context, t._("There's nothing waiting to be kept."))
            return
        if kind == "message":
            head = t._("✉️ Kept for {name}:", name=esc(expectation.practitioner_name))
        else:
            head = t._(
                "🗣 Added to “To talk about next time”. {name} will see it before your next "
                "session.",
                name=esc(expectation.practitioner_name),
            )
        body = f"<i>{esc(shorten(words, 300))}</i>" if kind == "message" else ""
        parts = [head, body, expectation_text(t, expectation, actor.timezone)]
        await show(update, context, "\n".join(part for part in parts if part))
    elif choice == "no":
        await services.people.clear_input(actor.person_id)
        await show(update, context, t._("Okay, I haven't kept it."))
    elif choice == "goal":
        result = await services.goals.add(actor.person_id, words)
        if isinstance(result, GoalProblem):
            await show(update, context, problem_text(t, result, services.goals.max_active))
            return
        await services.people.clear_input(actor.person_id)
        await show(update, context, t._("Saved your goal:\n<b>{goal}</b>", goal=esc(result.text)),
                   buttons(rating_rows(t, GOAL_RULER, goal=result.id, ruler="imp")))  # fmt: skip
    elif choice == "note":
        await services.people.clear_input(actor.person_id)
        question = await services.checkins.start(actor.person_id, pending=None)
        if question.checkin is None:
            await show(update, context, t._("There is nothing to ask yet: you have no active "
                                            "goals and the overall question is switched off. Add "
                                            "a goal in /goals, or switch the overall question on "
                                            "in /settings."))  # fmt: skip
            return
        await services.checkins.keep_note(actor.person_id, question.checkin.id, words)
        await show(update, context, t._("Kept as the note of a new check-in. 🌿"))
        await ask(update, context, actor, await services.checkins.question(question.checkin))
