"""/progress: the client's chart and a text summary that doubles as its description; /wins."""

from __future__ import annotations

import asyncio
import io

from telegram import InputFile, Update

from bot.charts import ChartLabels, Series, progress_chart
from bot.context import BotContext
from bot.i18n import Translator
from bot.services.people import Actor
from bot.services.progress import GoalProgress
from bot.services.wins import Win
from bot.text import esc
from handlers.common import reply, require

__all__ = ["progress_command", "progress_summary", "wins_command", "wins_text"]


def _change(t: Translator, first: int, latest: int) -> str:
    if latest > first:
        return t._("↑ {change}", change=latest - first)
    if latest < first:
        return t._("↓ {change}", change=first - latest)
    return t._("no change")


def progress_summary(t: Translator, actor: Actor, goals: list[GoalProgress], checkins: int) -> str:
    """Describe each goal's first and latest rating, the change, and goals achieved."""
    lines = [
        t._("<b>Your progress</b>"),
        t.n_("{count} check-in so far.", "{count} check-ins so far.", checkins),
        "",
    ]
    achieved = 0
    for item in goals:
        goal = esc(item.goal.text)
        if item.goal.status == "achieved" and item.goal.achieved_at is not None:
            achieved += 1
            goal = t._(
                "🏆 {goal} (achieved {date})",
                goal=goal,
                date=t.day(item.goal.achieved_at, actor.timezone),
            )
        if item.first is None or item.latest is None:
            lines.append(t._("• {goal}: no ratings yet", goal=goal))
        elif len(item.points) == 1:
            lines.append(
                t._("• {goal}: {value}/10 (one rating so far)", goal=goal, value=item.first)
            )
        else:
            lines.append(
                t._(
                    "• {goal}: first {first}/10, latest {latest}/10 ({change})",
                    goal=goal,
                    first=item.first,
                    latest=item.latest,
                    change=_change(t, item.first, item.latest),
                )
            )
    if achieved:  # never a count of what has not happened
        lines.append("")
        lines.append(t.n_("Goals achieved: {count}", "Goals achieved: {count}", achieved))
    return "\n".join(lines).rstrip()


async def progress_command(update: Update, context: BotContext) -> None:
    """Send the client's chart and summary, or a kind word if there is nothing yet."""
    actor = await require(update, context, "client")
    if actor is None or actor.person_id is None:
        return
    t = context.t(actor)
    services = context.services
    goals = await services.progress.goals(actor.person_id)
    if not any(item.points for item in goals):
        await reply(
            update,
            context,
            t._(
                "There's nothing to chart yet. After your first check-in "
                "(/checkin) your progress will appear here."
            ),
        )
        return
    summary = progress_summary(
        t, actor, goals, await services.progress.checkin_count(actor.person_id)
    )
    series = [
        Series(item.goal.text, item.points, item.goal.achieved_at) for item in goals if item.points
    ]
    labels = ChartLabels(
        title=t._("Your goals over time"),
        y_axis=t._("0 = not started, 10 = where you want to be"),
        achieved=t._("achieved"),
        day=lambda moment: t.skeleton(int(moment.timestamp()), actor.timezone, "MMMd"),
        wellbeing=t._("Overall"),
        empty=t._("Nothing to draw yet"),
    )
    wellbeing = await services.progress.wellbeing(actor.person_id)
    png = await asyncio.to_thread(progress_chart, series, labels, actor.timezone, wellbeing)
    chat = update.effective_chat
    assert chat is not None
    await context.bot.send_photo(
        chat.id,
        InputFile(io.BytesIO(png), filename="progress.png"),
        caption=t._("Your goals over time"),
    )
    await reply(update, context, summary)


MAX_WINS = 30  # the latest ones; the rest are counted, never a long scroll


def wins_text(t: Translator, actor: Actor, wins: list[Win]) -> str:
    """The client's wins, newest first, with dates; their own words about what helps apart."""
    dated = [win for win in wins if win.kind != "what_helps"]
    words = [win for win in wins if win.kind == "what_helps" and win.words]
    if not dated and not words:
        return t._(
            "No wins logged here yet, and that's okay: change often starts quietly. As you check "
            "in, achieved goals, new highs and steady climbs will gather here. 🌱"
        )
    lines = [t._("<b>Your wins</b> 🌟")]
    for win in dated[:MAX_WINS]:
        goal, day = esc(win.goal.text), t.day(win.at, actor.timezone)
        if win.kind == "achieved":
            line = t._("🏆 {date}: you achieved “{goal}”", date=day, goal=goal)
        elif win.kind == "new_high":
            line = t._(
                "🌟 {date}: a new high for “{goal}”, {value}/10",
                date=day,
                goal=goal,
                value=win.value,
            )
        else:
            line = t._("📈 {date}: “{goal}” moved up three check-ins in a row", date=day, goal=goal)
        lines.append(line)
    if len(dated) > MAX_WINS:
        lines.append(
            t.n_(
                "…and {count} more before that.",
                "…and {count} more before that.",
                len(dated) - MAX_WINS,
            )
        )
    if not dated:
        lines.append(
            t._("Your check-ins will add achieved goals, new highs and steady climbs here.")
        )
    if words:
        lines += ["", t._("<b>What helps, in your own words</b>")]
        for win in words:
            assert win.words is not None
            lines.append(
                t._("• “{goal}”: “{words}”", goal=esc(win.goal.text), words=esc(win.words))
            )
    return "\n".join(lines)


async def wins_command(update: Update, context: BotContext) -> None:
    """List the client's wins: achieved goals, new highs, upward runs, what helps."""
    actor = await require(update, context, "client")
    if actor is None or actor.person_id is None:
        return
    t = context.t(actor)
    wins = await context.services.wins.wins(actor.person_id)
    await reply(update, context, wins_text(t, actor, wins))
