"""Goal Attainment Scaling: a goal's five levels in the client's own words, and the T-score.

From a goal's page ("📐 Levels (optional)") the client writes what each outcome would look like,
one typed answer per level, the expected outcome (0) first: it is the one a check-in needs;
the others can be skipped. Check-ins then ask which level is closest (handlers/checkin.py).
The practitioner sees the T-score in ``/client N`` and may weight goals with ``/weight``.
"""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update

from bot.context import BotContext
from bot.i18n import N_, Translator
from bot.services.gas import GasScores
from bot.services.goals import LEVELS, MAX_LEVEL_LENGTH, MAX_WEIGHT, MIN_WEIGHT, Goal, GoalProblem
from bot.services.people import Actor
from bot.text import esc, shorten
from handlers.callbacks import GAS, GAS_LEVEL, GOAL
from handlers.common import answer, audit, buttons, reply, require, show

__all__ = [
    "LEVEL_CODES",
    "LEVEL_NAMES",
    "client_gas_lines",
    "gas_button",
    "level_button",
    "level_code",
    "level_label",
    "level_sign",
    "levels_text",
    "typed_level",
    "weight_command",
]

# the callback codes of the levels ("-" and "+" are not allowed in every field)
LEVEL_CODES = {"m2": -2, "m1": -1, "0": 0, "p1": 1, "p2": 2}
LEVEL_NAMES = {
    -2: N_("much less than expected"),
    -1: N_("somewhat less than expected"),
    0: N_("the expected outcome"),
    1: N_("somewhat more than expected"),
    2: N_("much more than expected"),
}
# the order the client writes them in: the expected outcome first, ending on the hopeful side
WRITING_ORDER = (0, -1, -2, 1, 2)
BUTTON_WORDS = 40  # a level's words on a button (the message above shows them whole)


def level_code(level: int) -> str:
    """The callback code of a level (``-2`` -> ``m2``)."""
    return next(code for code, value in LEVEL_CODES.items() if value == level)


def level_sign(level: int) -> str:
    """``+2``, ``+1``, ``0``, ``-1``, ``-2``."""
    return f"{level:+d}" if level else "0"


def level_label(t: Translator, level: int, words: str | None) -> str:
    """A level as the client reads it: its sign and their words, else its plain name (HTML)."""
    if words:
        return f"{level_sign(level)} · “{esc(words)}”"
    return f"{level_sign(level)} · {t._(LEVEL_NAMES[level])}"


def levels_text(t: Translator, levels: dict[int, str] | None) -> list[str]:
    """Every level, +2 at the top: the client's words in full, or "not written" (HTML lines)."""
    lines = []
    for level in sorted(LEVELS, reverse=True):
        words = (levels or {}).get(level)
        name = t._(LEVEL_NAMES[level])
        if words:
            lines.append(f"<b>{level_sign(level)}</b> {name}: “{esc(words)}”")
        else:
            missing = t._("not written")
            lines.append(f"<b>{level_sign(level)}</b> {name}: <i>{missing}</i>")
    return lines


def _menu_view(
    t: Translator, goal: Goal, levels: dict[int, str]
) -> tuple[str, InlineKeyboardMarkup]:
    lines = [
        t._("📐 <b>Levels for “{goal}”</b>", goal=esc(goal.text)),
        t._(
            "Levels describe, in your own words, what different outcomes could look like, from "
            "much less than you expect to much more. They are optional, and you can change "
            "them any time."
        ),
        "",
        *levels_text(t, levels),
        "",
    ]
    if 0 in levels:
        lines.append(
            t._("Your check-ins will ask which level is closest to where you are (skippable).")
        )
    else:
        lines.append(
            t._(
                "To use levels in your check-ins, write at least the expected outcome (0): what "
                "you expect if things go about as planned."
            )
        )
    rows = [
        [
            (
                t._("✏️ Change levels") if levels else t._("✏️ Write levels"),
                GAS.build(goal=goal.id, action="write"),
            )
        ]
    ]
    if levels:
        rows.append([(t._("🗑 Remove levels"), GAS.build(goal=goal.id, action="clear"))])
    rows.append([(t._("⬅️ Back"), GOAL.build(goal=goal.id))])
    return "\n".join(lines), buttons(rows)


def _question_text(t: Translator, goal: Goal, level: int) -> str:
    if level == 0:
        ask = t._(
            "If things go about as you expect with <b>{goal}</b>, what would that look like? "
            "This is the expected outcome (0).",
            goal=esc(goal.text),
        )
    else:
        ask = t._(
            "And what would <b>{level}</b> look like ({name}) for <b>{goal}</b>?",
            level=level_sign(level),
            name=t._(LEVEL_NAMES[level]),
            goal=esc(goal.text),
        )
    hint = t._(
        "Write it in your own words, something you could notice (up to {limit} characters).",
        limit=MAX_LEVEL_LENGTH,
    )
    return f"{ask}\n{hint}"


async def _ask_level(
    update: Update, context: BotContext, actor: Actor, goal: Goal, level: int, new: bool = False
) -> None:
    """Ask for one level's words (a typed answer), with its buttons."""
    assert actor.person_id is not None
    t = context.t(actor)
    services = context.services
    await services.people.expect_input(actor.person_id, "gas_level", goal_id=goal.id, level=level)
    levels = await services.goals.levels(actor.person_id, goal.id)
    text = _question_text(t, goal, level)
    code = level_code(level)
    rows = []
    current = levels.get(level)
    if current:
        text += "\n\n" + t._("Now: “{words}”", words=esc(current))
        rows.append(
            [(t._("Keep it as it is"), GAS_LEVEL.build(goal=goal.id, level=code, action="keep"))]
        )
        if level != 0:
            rows.append(
                [
                    (
                        t._("Remove this level"),
                        GAS_LEVEL.build(goal=goal.id, level=code, action="clear"),
                    )
                ]
            )
    if level == 0 and not current:  # the one level check-ins need: not now, rather than skip
        rows.append([(t._("Not now"), GAS.build(goal=goal.id, action="stop"))])
    elif not current:
        rows.append([(t._("Skip"), GAS_LEVEL.build(goal=goal.id, level=code, action="skip"))])
    if new:
        await reply(update, context, text, buttons(rows))
    else:
        await show(update, context, text, buttons(rows))


async def _after(
    update: Update, context: BotContext, actor: Actor, goal: Goal, level: int, new: bool = False
) -> None:
    """Ask for the level after ``level``, or show the levels when all five were asked."""
    assert actor.person_id is not None
    order = WRITING_ORDER
    following = order.index(level) + 1
    if following < len(order):
        await _ask_level(update, context, actor, goal, order[following], new)
        return
    services = context.services
    await services.people.clear_input(actor.person_id)
    t = context.t(actor)
    levels = await services.goals.levels(actor.person_id, goal.id)
    text, markup = _menu_view(t, goal, levels)
    text = t._("Saved. 🌱") + "\n\n" + text
    if new:
        await reply(update, context, text, markup)
    else:
        await show(update, context, text, markup)


async def _own_goal(update: Update, context: BotContext, goal_id: int) -> tuple[Actor, Goal] | None:
    """The client and their goal (still active), or ``None`` after saying why not."""
    actor = await require(update, context, "client")
    if actor is None or actor.person_id is None:
        return None
    await answer(update)
    goal = await context.services.goals.get(actor.person_id, goal_id)
    if goal is None or goal.status != "active":
        t = context.t(actor)
        await show(
            update,
            context,
            t._("I couldn't find that goal any more. Send /goals to see your current goals."),
        )
        return None
    return actor, goal


async def gas_button(update: Update, context: BotContext) -> None:
    """A goal's levels page: show, write, remove (asked first), or stop writing."""
    query = update.callback_query
    assert query is not None
    pressed = GAS.parse(query.data)
    assert pressed is not None
    found = await _own_goal(update, context, pressed["goal"])
    if found is None:
        return
    actor, goal = found
    assert actor.person_id is not None
    t = context.t(actor)
    services = context.services
    action = pressed["action"]
    if action == "write":
        await _ask_level(update, context, actor, goal, WRITING_ORDER[0])
        return
    if action == "clear":
        await show(
            update,
            context,
            t._(
                "Remove the levels of “{goal}”? Your check-ins will stop asking about them; the "
                "levels you chose in past check-ins stay in your history.",
                goal=esc(goal.text),
            ),
            buttons(
                [
                    [(t._("Yes, remove them"), GAS.build(goal=goal.id, action="wipe"))],
                    [(t._("Keep them"), GAS.build(goal=goal.id, action="menu"))],
                ]
            ),
        )
        return
    if action == "wipe":
        await services.goals.clear_levels(actor.person_id, goal.id)
    if action == "stop":
        await services.people.clear_input(actor.person_id)
    text, markup = _menu_view(t, goal, await services.goals.levels(actor.person_id, goal.id))
    await show(update, context, text, markup)


async def level_button(update: Update, context: BotContext) -> None:
    """Keep, skip or remove one level while writing them, and go on to the next."""
    query = update.callback_query
    assert query is not None
    pressed = GAS_LEVEL.parse(query.data)
    assert pressed is not None
    found = await _own_goal(update, context, pressed["goal"])
    if found is None:
        return
    actor, goal = found
    assert actor.person_id is not None
    level = LEVEL_CODES[pressed["level"]]
    if pressed["action"] == "clear":
        await context.services.goals.set_level(actor.person_id, goal.id, level, None)
    await _after(update, context, actor, goal, level)


async def typed_level(update: Update, context: BotContext, actor: Actor, text: str) -> bool:
    """Keep the words the client wrote for one level, then ask the next."""
    assert actor.person_id is not None and actor.pending_input is not None
    services = context.services
    t = context.t(actor)
    goal = await services.goals.get(actor.person_id, int(actor.pending_input["goal_id"]))
    level = int(actor.pending_input["level"])
    if goal is None or goal.status != "active" or level not in LEVELS:
        await services.people.clear_input(actor.person_id)
        return False  # the goal is gone: the words go where loose text goes
    saved = await services.goals.set_level(actor.person_id, goal.id, level, text)
    if saved is GoalProblem.EMPTY:
        await reply(update, context, t._("A level needs at least one word. Please try again."))
        return True
    await _after(update, context, actor, goal, level, new=True)
    return True


# --- the practitioner's view --------------------------------------------------------------


def _score(t: Translator, value: float) -> str:
    return t.number(round(value, 1))


async def client_gas_lines(
    context: BotContext, t: Translator, client_id: int, goals: list[Goal]
) -> list[str]:
    """``/client N``: the GAS T-score over goals with levels, at baseline and now (HTML lines).

    ``goals`` are the goals as numbered in ``/client`` (for ``/weight``). Nothing when no goal
    with levels has had a level chosen yet.
    """
    scores: GasScores | None = await context.services.goals.gas_scores(client_id)
    if scores is None:
        return []
    numbers = {goal.id: number for number, goal in enumerate(goals, 1)}
    texts = {goal.id: goal.text for goal in goals}
    lines = [
        "",
        t._("<b>Goal attainment (GAS)</b>"),
        t.n_(
            "T-score {baseline} at baseline, {latest} now, over {count} goal with levels "
            "(50 = as expected)",
            "T-score {baseline} at baseline, {latest} now, over {count} goals with levels "
            "(50 = as expected)",
            len(scores.goals),
            baseline=_score(t, scores.baseline),
            latest=_score(t, scores.latest),
        ),
    ]
    for item in scores.goals:
        number = numbers.get(item.goal_id)
        name = esc(shorten(texts.get(item.goal_id, ""), 40))
        lines.append(
            "   "
            + t._(
                "#{number} {goal}: level {first} → {latest} · weight {weight}",
                number=number if number is not None else "–",
                goal=name,
                first=level_sign(item.first),
                latest=level_sign(item.latest),
                weight=item.weight,
            )
        )
    lines.append(
        "   "
        + t._(
            "Baseline: each goal's first level chosen. Weights ({low}-{high}) with /weight, "
            "for example /weight 1 2 3 (client, goal, weight).",
            low=MIN_WEIGHT,
            high=MAX_WEIGHT,
        )
    )
    return lines


async def weight_command(update: Update, context: BotContext) -> None:
    """``/weight <client number> <goal number> <1-9>``: a goal's weight in the T-score."""
    actor = await require(update, context, "practitioner")
    if actor is None or actor.person_id is None:
        return
    t = context.t(actor)
    services = context.services
    args = context.args or []
    usage = t._(
        "Please give the client's number from /clients, the goal's number from /client and a "
        "weight from {low} to {high}, for example /weight 1 2 3.",
        low=MIN_WEIGHT,
        high=MAX_WEIGHT,
    )
    if len(args) != 3 or not all(a.isascii() and a.isdigit() and len(a) <= 6 for a in args):
        await reply(update, context, usage)
        return
    client_number, goal_number, weight = (int(a) for a in args)
    entries = await services.caseload.entries(actor.person_id)
    entry = next((e for e in entries if e.number == client_number), None)
    if entry is None or not MIN_WEIGHT <= weight <= MAX_WEIGHT:
        await reply(update, context, usage)
        return
    goals = [item.goal for item in await services.progress.goals(entry.client_id)]
    if not 1 <= goal_number <= len(goals):
        await reply(update, context, usage)
        return
    goal = goals[goal_number - 1]
    if not await services.goals.set_weight(actor.person_id, goal.id, weight):
        await reply(update, context, t._("That client is not in your caseload."))
        return
    await audit(context, actor, "practitioner", "set a goal weight", entry.client_id)
    await reply(
        update,
        context,
        t._(
            "Weight {weight} for “{goal}” ({name}). The T-score in /client uses it from now on.",
            weight=weight,
            goal=esc(goal.text),
            name=esc(entry.name),
        ),
    )
