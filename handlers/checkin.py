"""/checkin: wellbeing, each goal 0-10 (its level, if the client wrote levels; importance and
confidence for a goal still being thought about; "I had a slip" for a goal being done), an
optional note, sharing, a summary, a word when something moved up, corrections."""

from __future__ import annotations

from collections.abc import Mapping

from telegram import CallbackQuery, InlineKeyboardMarkup, Update

from bot.context import BotContext
from bot.i18n import Translator
from bot.services.checkins import THINKING, Checkin, Question, RatingLine
from bot.services.people import Actor
from bot.services.wins import Win
from bot.text import esc, shorten
from handlers.callbacks import (
    CHECKIN_CORRECT,
    CHECKIN_FIX,
    CHECKIN_FIX_GOAL,
    CHECKIN_GOAL,
    CHECKIN_LEVEL,
    CHECKIN_NOTE_SKIP,
    CHECKIN_RULER,
    CHECKIN_SHARE,
    CHECKIN_SLIP,
    CHECKIN_WELLBEING,
    PLAN_MENU,
    RESOURCE_CATEGORY,
    RESOURCE_MENU,
)
from handlers.common import answer, buttons, deliver, reply, require, show
from handlers.gas import BUTTON_WORDS, LEVEL_CODES, LEVEL_NAMES, level_code, level_label, level_sign
from handlers.goals import rating_rows

__all__ = [
    "answer_button",
    "ask",
    "checkin_command",
    "fix_button",
    "milestone_text",
    "start_checkin",
    "summary_text",
    "typed_note",
]


def _question_view(
    t: Translator, question: Question, practitioner: str
) -> tuple[str, InlineKeyboardMarkup | None]:
    checkin = question.checkin
    assert checkin is not None
    if question.kind == "wellbeing":
        text = t._(
            "Overall, how have things been since last time?\n0 = really hard, 10 = really good"
        )
        return text, buttons(rating_rows(t, CHECKIN_WELLBEING, checkin=checkin.id))
    if question.kind == "goal" and question.goal is not None:
        text = t._(
            "How is it going with <b>{goal}</b>?\n0 = not started, 10 = where you want to be",
            goal=esc(question.goal.text),
        )
        rows = rating_rows(t, CHECKIN_GOAL, checkin=checkin.id, goal=question.goal.id)
        if question.can_slip:
            slip = CHECKIN_SLIP.build(checkin=checkin.id, goal=question.goal.id)
            rows.append([(t._("🌱 I had a slip"), slip)])
        return text, buttons(rows)
    if question.kind in ("importance", "confidence") and question.goal is not None:
        if question.kind == "importance":
            text = t._(
                "<b>{goal}</b>: you're still thinking this one over.\n"
                "How important is this to you now?\n0 = not at all, 10 = extremely",
                goal=esc(question.goal.text),
            )
        else:
            text = t._(
                "And how confident are you that you could do it?\n0 = not at all, 10 = completely"
            )
        ruler = "ri" if question.kind == "importance" else "rc"
        return text, buttons(
            rating_rows(t, CHECKIN_RULER, checkin=checkin.id, ruler=ruler, goal=question.goal.id)
        )
    if question.kind == "level" and question.goal is not None:
        return _level_view(t, checkin, question.goal.id, question.goal.text, question.levels)
    if question.kind == "note":
        text = t._(
            "Anything you'd like to add? What helped? What got in the way?\n"
            "Type a note, or tap Skip."
        )
        return text, buttons([[(t._("Skip"), CHECKIN_NOTE_SKIP.build(checkin=checkin.id))]])
    if question.kind == "share":
        share, keep = t._("Share"), t._("Keep private")
        if question.share_default:
            share = "✓ " + share
        else:
            keep = "✓ " + keep
        text = t._(
            "Would you like to share this note with {practitioner}? Your ratings are "
            "shared either way, as agreed.",
            practitioner=esc(practitioner),
        )
        return text, buttons(
            [
                [
                    (share, CHECKIN_SHARE.build(checkin=checkin.id, share="1")),
                    (keep, CHECKIN_SHARE.build(checkin=checkin.id, share="0")),
                ]
            ]
        )
    return "", None


def _level_view(
    t: Translator, checkin: Checkin, goal_id: int, goal_text: str, levels: Mapping[int, str]
) -> tuple[str, InlineKeyboardMarkup]:
    """Which level is closest: their words in full above, shortened on the buttons."""
    lines = [
        t._(
            "Which of your levels is closest to where you are with <b>{goal}</b>?",
            goal=esc(goal_text),
        ),
        "",
    ]
    rows = []
    for level in sorted(LEVEL_CODES.values(), reverse=True):
        words = levels.get(level)
        lines.append(level_label(t, level, words))
        label = f"{level_sign(level)} · {shorten(words or t._(LEVEL_NAMES[level]), BUTTON_WORDS)}"
        data = CHECKIN_LEVEL.build(checkin=checkin.id, goal=goal_id, level=level_code(level))
        rows.append([(label, data)])
    rows.append([(t._("Skip"), CHECKIN_LEVEL.build(checkin=checkin.id, goal=goal_id, level="s"))])
    return "\n".join(lines), buttons(rows)


def _thinking_line(t: Translator, line: RatingLine) -> str:
    """A goal still being thought about: its importance and confidence, not a rating."""
    parts = []
    if line.goal.importance is not None:
        parts.append(t._("importance {value}/10", value=line.goal.importance))
    if line.goal.confidence is not None:
        parts.append(t._("confidence {value}/10", value=line.goal.confidence))
    text = t._("• {goal}: thinking it over", goal=esc(line.goal.text))
    return f"{text} ({' · '.join(parts)})" if parts else text


def summary_text(
    t: Translator,
    lines: list[RatingLine],
    wellbeing: int | None,
    note_state: str | None,
    levels: Mapping[int, Mapping[int, str]] | None = None,
) -> str:
    """The end-of-check-in summary: each rating, how it moved, and a word of recognition."""
    out = [t._("<b>Thank you for checking in.</b> Here is what you shared:")]
    if wellbeing is not None:
        out.append(t._("Overall: {value}/10", value=wellbeing))
    moved_up = False
    for line in lines:
        goal = esc(line.goal.text)
        if line.level is not None:
            words = (levels or {}).get(line.goal.id, {}).get(line.level)
            level = "  " + t._("Level: {level}", level=level_label(t, line.level, words))
        else:
            level = None
        if line.slip:
            out.append(
                t._("• {goal}: a slip, noted. Part of the way, not the end of it.", goal=goal)
            )
            continue
        if line.value is None and line.goal.stage == THINKING:
            out.append(_thinking_line(t, line))
            continue
        if line.value is None:
            out.append(t._("• {goal}: skipped", goal=goal))
            if level is not None:
                out.append(level)
            continue
        change = line.change
        if change is None:
            out.append(t._("• {goal}: {value}/10", goal=goal, value=line.value))
        elif change > 0:
            moved_up = True
            out.append(
                t._(
                    "• {goal}: {value}/10 (↑ {change} since last time)",
                    goal=goal,
                    value=line.value,
                    change=change,
                )
            )
        elif change < 0:
            out.append(
                t._(
                    "• {goal}: {value}/10 (↓ {change} since last time)",
                    goal=goal,
                    value=line.value,
                    change=-change,
                )
            )
        else:
            out.append(t._("• {goal}: {value}/10 (same as last time)", goal=goal, value=line.value))
        if level is not None:
            out.append(level)
        if line.value == 10:
            out.append(t._("  🎉 A 10: you're where you wanted to be with this!"))
    if moved_up:
        out.append("")
        out.append(t._("🌱 Something moved forward. That took effort. Well done."))
    if note_state == "shared":
        out.append(t._("Your note was shared with your practitioner."))
    elif note_state == "private":
        out.append(t._("Your note is kept private."))
    return "\n".join(out)


async def _practitioner_name(context: BotContext, actor: Actor) -> str:
    assert actor.practitioner_id is not None
    practitioner = await context.services.people.by_id(actor.practitioner_id)
    return practitioner.display_name if practitioner else ""


async def ask(update: Update, context: BotContext, actor: Actor, question: Question) -> None:
    """Send the next question of a check-in, or its summary when done."""
    t = context.t(actor)
    assert actor.person_id is not None
    services = context.services
    if question.kind == "no_goals":
        await reply(
            update,
            context,
            t._(
                "There is nothing to ask yet: you have no active goals and "
                "the overall question is switched off. Add a goal in /goals, "
                "or switch the overall question on in /settings."
            ),
        )
        return
    checkin = question.checkin
    assert checkin is not None
    # a tapped answer already stored (or forgot) what the next typed text answers
    if question.kind == "note" and not question.input_stored:
        await services.people.expect_input(actor.person_id, "note", checkin_id=checkin.id)
    if question.kind == "done":
        if not question.input_stored:
            await services.people.clear_input(actor.person_id)
        text, markup = await _summary_view(context, t, actor.person_id, checkin)
        await reply(update, context, text, markup)
        # something moved up in this check-in: one short word (never for a fall, no streaks)
        wins = await services.wins.since(actor.person_id, checkin.started_at)
        if wins:
            await reply(update, context, milestone_text(t, wins))
        return
    name = question.practitioner_name  # the service reads it with a sharing question
    if name is None and question.kind == "share":
        name = await _practitioner_name(context, actor)
    text, markup = _question_view(t, question, name or "")
    await reply(update, context, text, markup)


async def _summary_view(
    context: BotContext, t: Translator, client_id: int, checkin: Checkin
) -> tuple[str, InlineKeyboardMarkup | None]:
    """The summary of a finished check-in, with "Change a rating" if anything was rated."""
    services = context.services
    lines = await services.checkins.ratings_of(checkin)
    note_state = None if not checkin.note else ("shared" if checkin.note_shared else "private")
    levels: dict[int, dict[int, str]] = {}
    for line in lines:
        if line.level is not None and line.goal.id not in levels:
            levels[line.goal.id] = await services.goals.levels(client_id, line.goal.id)
    text = summary_text(t, lines, checkin.wellbeing, note_state, levels)
    rows: list[list[tuple[str, str]]] = []
    previous = await services.checkins.previous_wellbeing(client_id, checkin.id)
    if is_hard_moment(lines, checkin.wellbeing, previous):
        text += "\n\n" + t._(
            "🧡 That sounds like a hard stretch. Thank you for being honest about it: hard days "
            "are part of change, and they don't undo what you have done. If it would help, here "
            "are some ways to cope, and your own safety plan."
        )
        rows.append([(t._("🧰 Ways to cope"), await _coping_button(context, t))])
        rows.append([(t._("📝 My safety plan"), PLAN_MENU.build(action="menu"))])
    if any(line.value is not None for line in lines):
        rows.append([(t._("✏️ Change a rating"), CHECKIN_FIX.build(checkin=checkin.id))])
    return text, buttons(rows) if rows else None


# Catalogue topics offered after a hard check-in, the first that exists (example ids).
COPING_CATEGORIES = ("coping", "support-groups", "support", "mental-health", "wellbeing")
VERY_LOW = 2


def is_hard_moment(lines: list[RatingLine], wellbeing: int | None, previous: int | None) -> bool:
    """A very low overall answer, or a fall of 3 or more points since last time."""
    if wellbeing is not None and (
        wellbeing <= VERY_LOW or (previous is not None and previous - wellbeing >= 3)
    ):
        return True
    return any(line.change is not None and line.change <= -3 for line in lines)


async def _coping_button(context: BotContext, t: Translator) -> str:
    """The callback of the coping topic, else of the resource menu."""
    categories = await context.services.catalogue.categories(t.locale)
    present = {category.id for category in categories if category.resource_count}
    for category_id in COPING_CATEGORIES:
        if category_id in present:
            return RESOURCE_CATEGORY.build(category=category_id, page=0)
    return RESOURCE_MENU.build(action="menu")


async def start_checkin(update: Update, context: BotContext, actor: Actor, source: str) -> None:
    """Start (or continue) a check-in and ask its current question."""
    assert actor.person_id is not None
    question = await context.services.checkins.start(actor.person_id, source, actor.pending_input)
    await ask(update, context, actor, question)


async def checkin_command(update: Update, context: BotContext) -> None:
    """Start a check-in, or continue the one in progress."""
    actor = await require(update, context, "client")
    if actor is not None:
        await start_checkin(update, context, actor, "command")


def milestone_text(t: Translator, wins: list[Win]) -> str:
    """One short word about what moved up in the check-in just finished."""
    lines = []
    for win in wins[:3]:
        goal = esc(win.goal.text)
        if win.kind == "upward_run":
            lines.append(
                t._(
                    "📈 “{goal}” has moved up three check-ins in a row. Keep noticing what helps.",
                    goal=goal,
                )
            )
        else:
            lines.append(
                t._(
                    "🌟 A new high for “{goal}”: {value}/10, your best so far.",
                    goal=goal,
                    value=win.value,
                )
            )
    return "\n".join(lines)


def _tapped(data: str | None) -> tuple[int, str, int | None, bool]:
    """The check-in, the step (as the service names it), the value a tapped answer carries and
    whether it is "I had a slip"."""
    if (found := CHECKIN_WELLBEING.parse(data)) is not None:
        return found["checkin"], "w", found["value"], False
    if (found := CHECKIN_GOAL.parse(data)) is not None:
        return found["checkin"], f"g{found['goal']}", found["value"], False
    if (found := CHECKIN_SLIP.parse(data)) is not None:
        return found["checkin"], f"g{found['goal']}", None, True
    if (found := CHECKIN_RULER.parse(data)) is not None:
        return found["checkin"], f"{found['ruler']}{found['goal']}", found["value"], False
    if (found := CHECKIN_LEVEL.parse(data)) is not None:
        level = LEVEL_CODES.get(found["level"])  # "s": Skip
        return found["checkin"], f"l{found['goal']}", level, False
    if (found := CHECKIN_NOTE_SKIP.parse(data)) is not None:
        return found["checkin"], "n", None, False
    found = CHECKIN_SHARE.parse(data)
    assert found is not None
    return found["checkin"], "s", int(found["share"]), False


def _pressed_label(query: CallbackQuery) -> str | None:
    """The text of the button that was pressed, as the message shows it."""
    markup = getattr(query.message, "reply_markup", None)
    for row in getattr(markup, "inline_keyboard", ()):
        for button in row:
            if button.callback_data == query.data:
                return str(button.text)
    return None


def _slip_view(t: Translator) -> tuple[str, InlineKeyboardMarkup]:
    """The warm answer to a slip told in a check-in, with ways to cope; the check-in goes on."""
    text = t._(
        "🌱 Thank you for telling me. A slip is part of change, not the end of it: most "
        "people who change something have slips along the way, and noticing one is already "
        "a step. It doesn't undo what you have done so far. Please be kind to yourself today.\n\n"
        "If it would help, here are some ways to cope. Let's carry on with the check-in."
    )
    return text, buttons([[(t._("🧰 Ways to cope"), RESOURCE_MENU.build(action="menu"))]])


async def answer_button(update: Update, context: BotContext) -> None:
    """Store a tapped answer, mark it on the question, and ask what comes next."""
    query = update.callback_query
    assert query is not None
    checkin_id, step, value, slip = _tapped(query.data)
    actor = await require(update, context, "client")
    if actor is None:
        return
    assert actor.person_id is not None
    t = context.t(actor)
    result = await context.services.checkins.answer(
        actor.person_id, checkin_id, step, value, slip=slip, pending=actor.pending_input
    )
    if result is None:
        await answer(update, t._("This check-in is already finished."))
        return
    question, applied = result
    await answer(update)
    if not applied:  # a stale button: its question was answered already; ask the current one
        await ask(update, context, actor, question)
        return
    line = question.answered
    if line is not None and question.alert_on_drop:  # a goal's rating, with the previous one
        await _maybe_alert_drop(context, actor.person_id, line)
    chosen = t._("Skipped") if value is None else str(value)
    if step == "s":
        chosen = t._("Shared") if value else t._("Kept private")
    elif slip:
        chosen = t._("I had a slip")
    elif step.startswith("l") and value is not None:
        chosen = _pressed_label(query) or level_sign(value)
    after = f"<i>→ {esc(chosen)}</i>"
    helped = _what_would_help(t, line)
    if helped:
        after += "\n" + helped
    message = query.message
    original = getattr(message, "text_html", None) or ""
    if original:
        await show(update, context, f"{original}\n{after}")
    elif helped:
        await reply(update, context, helped)
    if slip:
        text, markup = _slip_view(t)
        await reply(update, context, text, markup)
    await ask(update, context, actor, question)


def _what_would_help(t: Translator, line: RatingLine | None) -> str | None:
    """After a fall of 2 or more: the client's own words about what would help (not a question)."""
    if line is None or line.value is None or line.previous is None:
        return None
    if line.previous - line.value < 2 or not line.goal.what_would_help:
        return None
    return t._(
        "Last time you said what would help is: “{words}”", words=esc(line.goal.what_would_help)
    )


async def _maybe_alert_drop(context: BotContext, client_id: int, line: RatingLine) -> None:
    """Tell the practitioner at once about a 2+ point drop, if they asked for that."""
    if line.value is None or line.previous is None or line.previous - line.value < 2:
        return
    if await context.services.alerts.rating_drop(
        client_id, line.goal.text, line.previous, line.value
    ):
        await deliver(context)


async def typed_note(update: Update, context: BotContext, actor: Actor, text: str) -> bool:
    """Store the check-in note the client typed, then ask about sharing."""
    assert actor.person_id is not None and actor.pending_input is not None
    checkin_id = int(actor.pending_input["checkin_id"])
    question = await context.services.checkins.add_note(actor.person_id, checkin_id, text)
    if question is None:  # the check-in ended meanwhile: the words go where loose text goes
        await context.services.people.clear_input(actor.person_id)
        return False
    await ask(update, context, actor, question)
    return True


async def fix_button(update: Update, context: BotContext) -> None:
    """Correct a rating of the latest check-in within 24 hours."""
    query = update.callback_query
    assert query is not None
    pressed = (
        CHECKIN_FIX.parse(query.data)
        or CHECKIN_FIX_GOAL.parse(query.data)
        or CHECKIN_CORRECT.parse(query.data)
    )
    assert pressed is not None
    actor = await require(update, context, "client")
    if actor is None:
        return
    assert actor.person_id is not None
    t = context.t(actor)
    await answer(update)
    checkin_id = pressed["checkin"]
    services = context.services
    if not await services.checkins.can_correct(actor.person_id, checkin_id):
        await reply(
            update,
            context,
            t._(
                "Ratings can be changed for 24 hours after a check-in, and "
                "only for the latest one. This one can no longer be "
                "changed."
            ),
        )
        return
    lines = await services.checkins.ratings(actor.person_id, checkin_id)
    if "goal" not in pressed:  # "Change a rating": which one?
        rows = [
            [(line.goal.text[:40], CHECKIN_FIX_GOAL.build(checkin=checkin_id, goal=line.goal.id))]
            for line in lines
        ]
        await reply(update, context, t._("Which rating would you like to change?"), buttons(rows))
        return
    goal_id = pressed["goal"]
    if "value" not in pressed:  # a goal chosen: its new rating, 0-10
        goal = next((line.goal for line in lines if line.goal.id == goal_id), None)
        if goal is None:
            return
        rows = rating_rows(t, CHECKIN_CORRECT, checkin=checkin_id, goal=goal_id)[:2]
        await show(
            update,
            context,
            t._("New rating for <b>{goal}</b>:", goal=esc(goal.text)),
            buttons(rows),
        )
        return
    value = pressed["value"]
    if value is not None and await services.checkins.correct(
        actor.person_id, checkin_id, goal_id, value
    ):
        checkin = await services.checkins.get(actor.person_id, checkin_id)
        assert checkin is not None
        text, markup = await _summary_view(context, t, actor.person_id, checkin)
        await show(update, context, t._("Changed.") + "\n\n" + text, markup)
