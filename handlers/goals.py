"""/goals: the client's own goals — add, reword, achieve, archive — and the MI rulers."""

from __future__ import annotations

from typing import Any

from telegram import InlineKeyboardMarkup, Update

from bot.context import BotContext
from bot.i18n import N_, Translator
from bot.services.goals import MAX_GOAL_LENGTH, Goal, GoalProblem
from bot.services.people import Actor
from bot.text import clean_user_text, esc, shorten
from handlers.callbacks import (
    GAS,
    GOAL,
    GOAL_ACTION,
    GOAL_MENU,
    GOAL_REFLECT,
    GOAL_RULER,
    GOAL_STAGE,
    REMINDER,
    REMINDER_SCHEDULE,
    RESOURCE_MENU,
    Callback,
)
from handlers.common import answer, buttons, refresh_actor, reply, require, show
from handlers.menu import store_timezone

__all__ = [
    "STAGE_LABELS",
    "ask_new_goal",
    "ask_reword",
    "coping_row",
    "follow_up",
    "goal_button",
    "goals_button",
    "goals_command",
    "invite_first_goal",
    "problem_text",
    "rating_rows",
    "reflect_button",
    "slip_text",
    "stage_button",
    "typed_goal",
    "typed_reflection",
    "typed_reword",
]


def rating_rows(t: Translator, action: Callback, **fields: Any) -> list[list[tuple[str, str]]]:
    """0-10 buttons in two rows plus Skip: ``action`` with ``fields`` and each value."""
    return [
        [(str(v), action.build(value=v, **fields)) for v in range(0, 6)],
        [(str(v), action.build(value=v, **fields)) for v in range(6, 11)],
        [(t._("Skip"), action.build(value=None, **fields))],
    ]


def problem_text(t: Translator, problem: GoalProblem, max_active: int) -> str:
    """Explain kindly why a goal could not be saved."""
    if problem is GoalProblem.TOO_LONG:
        return t._(
            "That's a little long for a goal: please keep it to {limit} characters. Nothing was "
            "changed, so feel free to try a shorter version.",
            limit=MAX_GOAL_LENGTH,
        )
    if problem is GoalProblem.TOO_MANY:
        return t.n_(
            "You already have {count} active goal, the most at once. You could mark it "
            "achieved or archive it first, in /goals.",
            "You already have {count} active goals, the most at once. You could mark one "
            "achieved or archive one first, in /goals.",
            max_active,
        )
    if problem is GoalProblem.NOT_FOUND:
        return t._("I couldn't find that goal any more. Send /goals to see your current goals.")
    return t._("A goal needs at least one word. Please write it in your own words.")


def _list_view(t: Translator, goals: list[Goal]) -> tuple[str, InlineKeyboardMarkup]:
    if goals:
        lines = [t._("<b>Your goals</b>")]
        lines += [f"{n}. {esc(goal.text)}" for n, goal in enumerate(goals, 1)]
        lines += ["", t._("Tap a goal to reword it, mark it achieved or archive it.")]
        text = "\n".join(lines)
    else:
        text = t._(
            "You have no active goals right now. Goals here are yours, in your own words; add "
            "one whenever you like."
        )
    rows = [
        [(f"{n}. {shorten(goal.text, 40)}", GOAL.build(goal=goal.id))]
        for n, goal in enumerate(goals, 1)
    ]
    rows.append([(t._("➕ Add a goal"), GOAL_MENU.build(action="add"))])
    rows.append([(t._("📜 Achieved and archived"), GOAL_MENU.build(action="hist"))])
    return text, buttons(rows)


async def goals_command(update: Update, context: BotContext) -> None:
    """List the client's active goals with what they can do."""
    actor = await require(update, context, "client")
    if actor is None:
        return
    t = context.t(actor)
    assert actor.person_id is not None
    text, markup = _list_view(t, await context.services.goals.active(actor.person_id))
    await reply(update, context, text, markup)


async def goals_button(update: Update, context: BotContext) -> None:
    """Handle the /goals list's buttons: the list, adding, cancelling and the history."""
    query = update.callback_query
    assert query is not None
    pressed = GOAL_MENU.parse(query.data)
    assert pressed is not None
    actor = await require(update, context, "client")
    if actor is None:
        return
    t = context.t(actor)
    client_id = actor.person_id
    assert client_id is not None
    await answer(update)
    services = context.services
    action = pressed["action"]
    if action == "list":
        text, markup = _list_view(t, await services.goals.active(client_id))
        await show(update, context, text, markup)
    elif action == "add":
        if len(await services.goals.active(client_id)) >= services.goals.max_active:
            await show(
                update, context, problem_text(t, GoalProblem.TOO_MANY, services.goals.max_active)
            )
            return
        await ask_new_goal(update, context, actor)
    elif action == "cancel":
        await services.people.clear_input(client_id)
        await show(update, context, t._("Okay. You can add goals any time with /goals."))
    elif action == "hist":
        await show(
            update,
            context,
            _history_text(t, actor, await services.goals.history(client_id)),
            buttons([[(t._("⬅️ Back"), GOAL_MENU.build(action="list"))]]),
        )


async def goal_button(update: Update, context: BotContext) -> None:
    """Show, reword, achieve, archive or rate one goal; it must be the presser's own."""
    query = update.callback_query
    assert query is not None
    pressed = (
        GOAL.parse(query.data) or GOAL_ACTION.parse(query.data) or GOAL_RULER.parse(query.data)
    )
    assert pressed is not None
    actor = await require(update, context, "client")
    if actor is None:
        return
    t = context.t(actor)
    client_id = actor.person_id
    assert client_id is not None
    await answer(update)
    services = context.services
    goal = await services.goals.get(client_id, pressed["goal"])
    if goal is None:
        await show(
            update, context, problem_text(t, GoalProblem.NOT_FOUND, services.goals.max_active)
        )
        return
    action, ruler = pressed.get("action"), pressed.get("ruler")
    if action is None and ruler is None:
        await show(update, context, _goal_text(t, goal), _goal_markup(t, goal))
    elif action == "rw" and goal.status == "active":
        await ask_reword(update, context, actor, goal)
    elif action == "ach" and goal.status == "active":
        await services.goals.set_status(client_id, goal.id, "achieved")
        await show(
            update,
            context,
            t._(
                "🎉 Wonderful: “{goal}” is achieved! That is real progress, worth celebrating. "
                "Your practitioner will see it in their next digest.",
                goal=esc(goal.text),
            ),
        )
    elif action == "arc" and goal.status == "active":
        await services.goals.set_status(client_id, goal.id, "archived")
        await show(
            update,
            context,
            t._(
                "Archived “{goal}”. It stays in your history, and you can add new goals any time.",
                goal=esc(goal.text),
            ),
        )
    elif ruler is not None:
        which = "importance" if ruler == "imp" else "confidence"
        await services.goals.set_ruler(client_id, goal.id, which, pressed["value"])
        if which == "importance":
            await show(
                update,
                context,
                _ruler_question(t, goal, "conf"),
                buttons(rating_rows(t, GOAL_RULER, goal=goal.id, ruler="conf")),
            )
        else:
            await follow_up(update, context, actor, goal.id, "why")
    elif action == "mi" and goal.status == "active":
        await follow_up(update, context, actor, goal.id, "why", again=True)
    elif action == "stg" and goal.status == "active":
        await show(update, context, _stage_question(t, goal), _stage_markup(t, goal))
    else:
        await show(update, context, _goal_text(t, goal), _goal_markup(t, goal))


async def ask_new_goal(update: Update, context: BotContext, actor: Actor) -> None:
    """Ask the client to write a new goal in their own words."""
    assert actor.person_id is not None
    t = context.t(actor)
    await context.services.people.expect_input(actor.person_id, "goal_new")
    await show(
        update,
        context,
        t._(
            "What would you like to work on? Write your goal in your "
            "own words (up to {limit} characters).",
            limit=MAX_GOAL_LENGTH,
        ),
        buttons([[(t._("Cancel"), GOAL_MENU.build(action="cancel"))]]),
    )


async def ask_reword(update: Update, context: BotContext, actor: Actor, goal: Goal) -> None:
    """Ask the client for the new wording of one of their goals."""
    assert actor.person_id is not None
    t = context.t(actor)
    await context.services.people.expect_input(actor.person_id, "goal_reword", goal_id=goal.id)
    await show(
        update,
        context,
        t._(
            "How would you like to put it now? Write the new wording for:\n<b>{goal}</b>",
            goal=esc(goal.text),
        ),
        buttons([[(t._("Cancel"), GOAL_MENU.build(action="cancel"))]]),
    )


STAGE_LABELS = {
    "thinking": N_("🤔 Thinking about it"),
    "ready": N_("🧰 Getting ready"),
    "doing": N_("🚶 Doing it"),
    "keeping": N_("🌳 Keeping it up"),
    "slip": N_("🌱 Had a slip, starting again"),
}


def _goal_text(t: Translator, goal: Goal) -> str:
    lines = [f"<b>{esc(goal.text)}</b>"]
    if goal.stage is not None:
        lines.append(t._("Where you are with it: {stage}", stage=t._(STAGE_LABELS[goal.stage])))
    if goal.importance is not None:
        lines.append(t._("Importance: {value}/10", value=goal.importance))
    if goal.confidence is not None:
        lines.append(t._("Confidence: {value}/10", value=goal.confidence))
    if goal.why_not_lower:
        lines.append(
            t._("What makes it matter, you said: “{words}”", words=esc(goal.why_not_lower))
        )
    if goal.what_would_help:
        lines.append(t._("What would help, you said: “{words}”", words=esc(goal.what_would_help)))
    if goal.why_not_lower or goal.what_would_help:
        lines.append(
            t._("(shared with your practitioner)")
            if goal.reflections_shared
            else t._("(only you see these)")
        )
    return "\n".join(lines)


def _stage_question(t: Translator, goal: Goal) -> str:
    return t._(
        "Where are you with “{goal}” right now? There is no right answer, and you can change "
        "it any time.",
        goal=esc(goal.text),
    )


def _stage_markup(t: Translator, goal: Goal) -> InlineKeyboardMarkup:
    rows = [
        [
            (
                ("✓ " if goal.stage == stage else "") + t._(label),
                GOAL_STAGE.build(goal=goal.id, stage=stage),
            )
        ]
        for stage, label in STAGE_LABELS.items()
    ]
    rows.append([(t._("Rather not say"), GOAL_STAGE.build(goal=goal.id, stage="none"))])
    return buttons(rows)


def slip_text(t: Translator) -> str:
    """The warm answer to a slip: no judgement, the way back open."""
    return t._(
        "Thank you for telling me. 🌱 A slip is a common part of change, not the end of it, "
        "and it doesn't undo what you have already done. Be kind to yourself today. If it "
        "helps, there are resources for hard moments, and you can tell your practitioner "
        "whenever you are ready."
    )


def coping_row(t: Translator) -> list[tuple[str, str]]:
    """A button to the resources, for hard moments."""
    return [(t._("🧰 Resources for hard moments"), RESOURCE_MENU.build(action="menu"))]


async def stage_button(update: Update, context: BotContext) -> None:
    """The client says where they are with a goal (or had a slip)."""
    query = update.callback_query
    assert query is not None
    pressed = GOAL_STAGE.parse(query.data)
    assert pressed is not None
    actor = await require(update, context, "client")
    if actor is None or actor.person_id is None:
        return
    await answer(update)
    t = context.t(actor)
    stage = None if pressed["stage"] == "none" else pressed["stage"]
    services = context.services
    goal = await services.goals.get(actor.person_id, pressed["goal"])
    if goal is None or goal.status != "active":
        await show(
            update, context, problem_text(t, GoalProblem.NOT_FOUND, services.goals.max_active)
        )
        return
    await services.goals.set_stage(actor.person_id, goal.id, stage)
    if stage == "slip":
        text = t._(
            "Noted for “{goal}”: a slip, and starting again. 🌱 Starting again is what counts. "
            "You can change this any time in /goals.",
            goal=esc(goal.text),
        )
        await show(update, context, text, buttons([coping_row(t)]))
        return
    if stage == "thinking":
        text = t._(
            "Noted: you're thinking about it. Check-ins will ask how important it feels and "
            "how confident you are, rather than how far along you are."
        )
    elif stage is None:
        text = t._("Okay, no stage for this goal.")
    else:
        text = t._(
            "Noted: {stage}. You can change it any time in /goals.", stage=t._(STAGE_LABELS[stage])
        )
    await show(update, context, text)


async def follow_up(
    update: Update,
    context: BotContext,
    actor: Actor,
    goal_id: int,
    step: str,
    *,
    again: bool = False,
) -> None:
    """The motivational-interviewing follow-ups after the rulers, each one skippable.

    "What makes it {n} and not 0?" (not asked at 0 or without an answer) and "What would
    help it move to {n+1}?" (not at 10), then whether the practitioner may see the answers.
    """
    assert actor.person_id is not None
    t = context.t(actor)
    services = context.services
    goal = await services.goals.get(actor.person_id, goal_id)
    if goal is None:
        await show(
            update, context, problem_text(t, GoalProblem.NOT_FOUND, services.goals.max_active)
        )
        return
    if step == "why" and goal.importance:
        await services.people.expect_input(
            actor.person_id, "reflection", goal_id=goal.id, which="why"
        )
        await show(
            update,
            context,
            t._(
                "You gave it {n} for importance. What makes it {n} and not 0? A few words "
                "in your own way, or skip.",
                n=goal.importance,
            ),
            buttons([[(t._("Skip"), GOAL_REFLECT.build(goal=goal.id, action="skipwhy"))]]),
        )
        return
    if step in ("why", "help") and goal.confidence is not None and goal.confidence < 10:
        await services.people.expect_input(
            actor.person_id, "reflection", goal_id=goal.id, which="help"
        )
        await show(
            update,
            context,
            t._(
                "And your confidence is {n}. What would help it move to {next}?",
                n=goal.confidence,
                next=goal.confidence + 1,
            ),
            buttons([[(t._("Skip"), GOAL_REFLECT.build(goal=goal.id, action="skiphelp"))]]),
        )
        return
    await services.people.clear_input(actor.person_id)
    if step != "done" and (goal.why_not_lower or goal.what_would_help):
        await show(
            update,
            context,
            t._(
                "Thank you. These are your words, and only you see them unless you choose. "
                "Would you like your practitioner to see them too?"
            ),
            buttons(
                [
                    [(t._("Yes, share them"), GOAL_REFLECT.build(goal=goal.id, action="share"))],
                    [
                        (
                            t._("Keep them to myself"),
                            GOAL_REFLECT.build(goal=goal.id, action="private"),
                        )
                    ],
                ]
            ),
        )
        return
    if again:
        await show(update, context, _goal_text(t, goal), _goal_markup(t, goal))
        return
    await _goal_saved(update, context, actor, t)


async def reflect_button(update: Update, context: BotContext) -> None:
    """Skip a follow-up, or choose whether the practitioner sees the answers."""
    query = update.callback_query
    assert query is not None
    pressed = GOAL_REFLECT.parse(query.data)
    assert pressed is not None
    actor = await require(update, context, "client")
    if actor is None or actor.person_id is None:
        return
    await answer(update)
    action, goal_id = pressed["action"], pressed["goal"]
    if action == "skipwhy":
        await follow_up(update, context, actor, goal_id, "help")
    elif action == "skiphelp":
        await follow_up(update, context, actor, goal_id, "share")
    else:
        await context.services.goals.share_reflections(actor.person_id, goal_id, action == "share")
        await follow_up(update, context, actor, goal_id, "done")


async def typed_reflection(update: Update, context: BotContext, actor: Actor, text: str) -> None:
    """Keep the answer to a follow-up in the client's words, then go on."""
    assert actor.person_id is not None and actor.pending_input is not None
    goal_id = int(actor.pending_input["goal_id"])
    which = str(actor.pending_input["which"])
    await context.services.goals.reflect(actor.person_id, goal_id, which, text)
    await follow_up(update, context, actor, goal_id, "help" if which == "why" else "share")


def _goal_markup(t: Translator, goal: Goal) -> InlineKeyboardMarkup:
    rows = []
    if goal.status == "active":
        rows.append([(t._("✏️ Reword"), GOAL_ACTION.build(goal=goal.id, action="rw"))])
        rows.append(
            [
                (t._("🧭 Where I am with it"), GOAL_ACTION.build(goal=goal.id, action="stg")),
                (t._("💭 My reasons"), GOAL_ACTION.build(goal=goal.id, action="mi")),
            ]
        )
        rows.append([(t._("📐 Levels (optional)"), GAS.build(goal=goal.id, action="menu"))])
        rows.append(
            [
                (t._("🏆 Achieved!"), GOAL_ACTION.build(goal=goal.id, action="ach")),
                (t._("🗄 Archive"), GOAL_ACTION.build(goal=goal.id, action="arc")),
            ]
        )
    rows.append([(t._("⬅️ Back"), GOAL_MENU.build(action="list"))])
    return buttons(rows)


def _history_text(t: Translator, actor: Actor, goals: list[Goal]) -> str:
    done = [goal for goal in goals if goal.status != "active"]
    if not done:
        return t._("No achieved or archived goals yet.")
    lines = [t._("<b>Achieved and archived</b>")]
    for goal in done:
        if goal.status == "achieved" and goal.achieved_at is not None:
            when = t.day(goal.achieved_at, actor.timezone)
            lines.append(t._("🏆 {goal} (achieved {date})", goal=esc(goal.text), date=when))
        else:
            lines.append(t._("🗄 {goal} (archived)", goal=esc(goal.text)))
    return "\n".join(lines)


def _ruler_question(t: Translator, goal: Goal, which: str) -> str:
    if which == "imp":
        return t._(
            "How important is “{goal}” to you? 0 = not at all, 10 = extremely. You can skip this.",
            goal=esc(goal.text),
        )
    return t._(
        "How confident are you that you can make progress with it? 0 = not at all, "
        "10 = completely. You can skip this too."
    )


async def _goal_saved(update: Update, context: BotContext, actor: Actor, t: Translator) -> None:
    """Close the add-goal flow; offer reminders the first time."""
    assert actor.person_id is not None
    text = t._("All set. 🌱 You'll find your goals in /goals, and /checkin whenever you want.")
    settings = await context.services.reminders.settings(actor.person_id)
    if not settings.days and not settings.paused:
        text += "\n\n" + t._("Would you like reminders to check in? You choose the days and time.")
        markup = buttons(
            [
                [(t._("⏰ Choose days and time"), REMINDER_SCHEDULE.build())],
                [(t._("Only when I choose"), REMINDER.build(action="none"))],
            ]
        )
        await show(update, context, text, markup)
        return
    await show(update, context, text)


async def typed_goal(update: Update, context: BotContext, actor: Actor, text: str) -> None:
    """Save a new goal in the client's words, then offer the MI rulers. Right after consent,
    a place typed for "Where are you?" (shown beside this question) sets the time zone."""
    t = context.t(actor)
    services = context.services
    assert actor.person_id is not None
    if (actor.pending_input or {}).get("where") and len(text) <= 100:
        place = services.places.find(" ".join(clean_user_text(text).split()))
        if place is not None:
            await store_timezone(update, context, actor, place.zone)
            await invite_first_goal(update, context, await refresh_actor(update, context))
            return
    result = await services.goals.add(actor.person_id, text)
    if isinstance(result, GoalProblem):
        if result is GoalProblem.TOO_MANY:
            await services.people.clear_input(actor.person_id)
        await reply(update, context, problem_text(t, result, services.goals.max_active))
        return
    await services.people.clear_input(actor.person_id)
    await reply(
        update,
        context,
        t._("Saved your goal:\n<b>{goal}</b>", goal=esc(result.text))
        + "\n\n"
        + _ruler_question(t, result, "imp"),
        buttons(rating_rows(t, GOAL_RULER, goal=result.id, ruler="imp")),
    )


async def typed_reword(update: Update, context: BotContext, actor: Actor, text: str) -> None:
    """Save the new wording of a goal."""
    t = context.t(actor)
    services = context.services
    assert actor.person_id is not None and actor.pending_input is not None
    result = await services.goals.reword(actor.person_id, int(actor.pending_input["goal_id"]), text)
    if isinstance(result, GoalProblem):
        if result is GoalProblem.NOT_FOUND:
            await services.people.clear_input(actor.person_id)
        await reply(update, context, problem_text(t, result, services.goals.max_active))
        return
    await services.people.clear_input(actor.person_id)
    await reply(
        update, context, t._("Updated. Your goal now reads:\n<b>{goal}</b>", goal=esc(result.text))
    )


async def invite_first_goal(update: Update, context: BotContext, actor: Actor) -> None:
    """Right after consent, invite the client to write a first goal (skippable)."""
    t = context.t(actor)
    assert actor.person_id is not None
    # "where": "Where are you?" is open beside this question, so a typed place answers that
    await context.services.people.expect_input(actor.person_id, "goal_new", where=True)
    await reply(
        update,
        context,
        t._(
            "Is there something you'd like to work on between sessions? If so, write it as a "
            "goal, in your own words. You can also skip this and add goals later with /goals."
        ),
        buttons([[(t._("Skip for now"), GOAL_MENU.build(action="cancel"))]]),
    )
