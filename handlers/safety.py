"""Crisis language in a client's free text: show help at once, alert people, ask gently twice."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CallbackQueryHandler

from bot.app import BotApp, BotContext
from bot.i18n import Translator
from bot.services.alerts import SafetyRouting
from bot.services.catalogue import SafetyView
from bot.services.people import Actor
from bot.text import esc
from handlers.common import answer, buttons, deliver, reply, show

__all__ = ["crisis_text", "register", "screen"]

_SOURCES = {"goal_new": "goal", "goal_reword": "goal", "note": "note", "request_note": "request",
            "request_other": "request"}  # fmt: skip


def crisis_text(t: Translator, view: SafetyView, routing: SafetyRouting | None, when: str) -> str:
    """The crisis message, the lines, and honestly who will see this and when."""
    lines = [
        "🧡 " + esc(view.message)
        if view.message
        else t._(
            "🧡 It sounds like things may be really hard right now. This chat is not watched in "
            "real time and is not a crisis service. If you might be in danger, please call your "
            "local emergency number now."
        )
    ]
    if view.crisis_lines:
        lines.append("")
        for line in view.crisis_lines:
            parts = [f"<b>{esc(line.name)}</b>"]
            if line.phone:
                parts.append(f"📞 {esc(line.phone)}")
            if line.url:
                parts.append(esc(line.url))
            if line.hours:
                parts.append(f"🕒 {esc(line.hours)}")
            lines.append(" · ".join(parts))
    if routing is not None:
        lines.append("")
        if routing.practitioner_now:
            lines.append(
                t._(
                    "I have let your practitioner know. They are not watching this chat "
                    "and may not be able to reply straight away."
                )
            )
        elif routing.on_call:
            lines.append(
                t._(
                    "Your practitioner is outside their working hours, so I have let the "
                    "on-call team know now."
                )
            )
        else:
            lines.append(
                t._(
                    "Your practitioner is outside their working hours and will see my "
                    "message after {when}. Please don't wait for them: the lines above "
                    "are there for you now.",
                    when=when,
                )
            )
    return "\n".join(lines)


async def screen(update: Update, context: BotContext, actor: Actor, text: str) -> None:
    """Check a client's free text; on a match show the crisis information and alert people."""
    if not actor.is_client or actor.person_id is None:
        return
    services = context.services
    if not services.safety.matches(text, actor.locale):
        return
    kind = str((actor.pending_input or {}).get("kind", ""))
    routing = await services.alerts.safety_event(actor.person_id, _SOURCES.get(kind, "message"))
    t = context.t(actor)
    view = await services.catalogue.safety(actor.locale)
    after = routing.practitioner_after
    when = t.time(after, actor.timezone) if after is not None else ""
    await reply(
        update,
        context,
        crisis_text(t, view, routing, when),
        buttons([[(t._("I'm safe right now"), "sf:ok")], [(t._("I need help now"), "sf:help")]]),
    )
    await deliver(context)


async def crisis_button(update: Update, context: BotContext) -> None:
    """Never end the crisis flow on one tap: check once more, gently."""
    query = update.callback_query
    assert query is not None and query.data is not None
    from handlers.common import actor_of

    actor = await actor_of(update, context)
    t = context.t(actor)
    await answer(update)
    choice = query.data[3:]
    if choice == "ok":
        await show(update, context, t._("Thank you for letting me know. Just to be sure: are you "
                                        "safe right now, and do you have someone you can reach "
                                        "if that changes?"),
                   buttons([[(t._("Yes, I'm safe and have someone"), "sf:sure")],
                            [(t._("I'm not sure"), "sf:help")]]))  # fmt: skip
    elif choice == "sure":
        await show(
            update,
            context,
            t._(
                "I'm glad. The crisis lines are always there if you need "
                "them, and your practitioner knows you reached out. 💛"
            ),
        )
    else:
        view = await context.services.catalogue.safety(actor.locale)
        await reply(update, context, crisis_text(t, view, None, ""),
                    buttons([[(t._("I'm safe right now"), "sf:ok")]]))  # fmt: skip


def register(application: BotApp) -> None:
    """Add this module's handlers."""
    application.add_handler(CallbackQueryHandler(crisis_button, pattern=r"^sf:(ok|sure|help)$"))
