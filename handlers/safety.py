"""Crisis language: the screen before every other handler, the crisis buttons, alert buttons,
carrying on afterwards, and the client's safety plan (/safetyplan)."""

from __future__ import annotations

from dataclasses import replace

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop

from bot.context import BotContext
from bot.i18n import Translator
from bot.services.outbox import PRIORITY_SAFETY, OutgoingMessage, enqueue
from bot.services.people import Actor
from bot.services.safety_plan import MAX_SECTION_LENGTH, SECTIONS, SafetyPlan
from bot.text import esc, shorten
from handlers.callbacks import ALERT, CRISIS, PLAN_MENU, PLAN_SECTION, PLAN_SECTION_ACTION
from handlers.checkin import start_checkin
from handlers.common import actor_of, answer, audit, buttons, reply, show
from handlers.goals import ask_new_goal, ask_reword
from handlers.loose_text import hold
from handlers.resources import ask_other_request, ask_request_note
from handlers.views.crisis import SECTION_TITLES, crisis_lines_text, plan_text

__all__ = [
    "alert_button",
    "crisis_button",
    "plan_button",
    "plan_command",
    "screen_update",
    "typed_during_crisis",
    "typed_plan_section",
]

_POPUP_LIMIT = 190


async def screen_update(update: Update, context: BotContext) -> None:
    """Check every text and caption before anything else; on crisis words, take over."""
    message = update.effective_message
    if message is None:
        return
    text = message.text or message.caption
    if not text or (message.text and text.startswith("/")):
        return
    actor = await actor_of(update, context)
    pending = actor.pending_input or {}
    if pending.get("kind") == "safety_plan":
        return  # writing one's own plan names warning signs; it is not a crisis message
    services = context.services
    if actor.is_client and actor.person_id is not None:
        event_id = await services.crisis.screen(
            actor.person_id, text, actor.pending_input, actor.locale
        )
        if event_id is None:
            return
    elif actor.roles or not await services.safety.assess(text, actor.locale):
        return  # practitioners and admins write about clients; their words are not screened
    else:  # no account: show the lines, store nothing about them
        chat = update.effective_chat
        async with services.db.transaction() as conn:
            await enqueue(
                conn,
                chat_id=chat.id if chat else actor.telegram_id,
                kind="crisis",
                message=OutgoingMessage(view="stranger_crisis", args={"locale": actor.locale}),
                now=services.clock.now(),
                priority=PRIORITY_SAFETY,
            )
    services.outbox.wake()
    raise ApplicationHandlerStop


async def typed_during_crisis(update: Update, context: BotContext, actor: Actor, text: str) -> bool:
    """Words after the crisis message: keep them with the event, or go on as usual if it's over."""
    assert actor.person_id is not None and actor.pending_input is not None
    services = context.services
    event_id = int(actor.pending_input.get("event_id", 0))
    if await services.crisis.wrote_during_crisis(actor.person_id, event_id, text):
        services.outbox.wake()
        return True
    await services.people.clear_input(actor.person_id)
    return False  # the crisis is over: the words are routed as if nothing were pending


async def crisis_button(update: Update, context: BotContext) -> None:
    """Record the client's answer; every follow-up is a new message, the lines stay."""
    query = update.callback_query
    assert query is not None
    pressed = CRISIS.parse(query.data)
    assert pressed is not None
    event_id, choice = pressed["event"], pressed["choice"]
    actor = await actor_of(update, context)
    await answer(update)
    services = context.services
    if not actor.is_client or actor.person_id is None:
        return
    if choice in ("go", "stop"):
        await _carry_on(update, context, actor, event_id, choice == "go")
        return
    if await services.crisis.answer(actor.person_id, event_id, choice):
        services.outbox.wake()


async def _carry_on(
    update: Update, context: BotContext, actor: Actor, event_id: int, go: bool
) -> None:
    """Resume the step the crisis interrupted, or leave it."""
    assert actor.person_id is not None
    services = context.services
    t = context.t(actor)
    step = await services.crisis.resume_step(actor.person_id, event_id)
    if (actor.pending_input or {}).get("kind") == "crisis":
        await services.people.clear_input(actor.person_id)
    if not go or step is None:
        await reply(
            update, context, t._("Okay. Whenever you're ready, /help shows what you can do.")
        )
        return
    kind = str(step.get("kind", ""))
    actor = replace(actor, pending_input=None)
    if kind == "goal_new":
        await ask_new_goal(update, context, actor)
    elif kind == "goal_reword":
        client_id = actor.person_id
        assert client_id is not None
        goal = await services.goals.get(client_id, int(step.get("goal_id", 0)))
        if goal is not None and goal.status == "active":
            await ask_reword(update, context, actor, goal)
        else:
            await reply(update, context, t._("Okay. Whenever you're ready, /goals has your goals."))
    elif kind == "request_note":
        resource = await services.catalogue.resource(str(step.get("resource_id")), actor.locale)
        if resource is not None and not resource.hidden and resource.requestable:
            await ask_request_note(update, context, actor, resource)
        else:
            await reply(update, context, t._("Okay. /resources is there whenever you need it."))
    elif kind == "request_other":
        await ask_other_request(update, context, actor)
    elif kind == "loose_text" and step.get("text"):
        await hold(update, context, actor, str(step["text"]))
    elif kind in ("checkin", "note"):
        await start_checkin(update, context, actor, "command")
    else:
        await reply(
            update, context, t._("Okay. Whenever you're ready, /help shows what you can do.")
        )


async def alert_button(update: Update, context: BotContext) -> None:
    """ "I'm on it" and "Show what they wrote" on a safety alert."""
    query = update.callback_query
    assert query is not None
    pressed = ALERT.parse(query.data)
    assert pressed is not None
    event_id, action = pressed["event"], pressed["action"]
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None:
        return
    services = context.services
    actor = await actor_of(update, context)
    t = context.t(actor)
    name = user.full_name.strip() or user.username or "?"
    if action == "ack":
        result = await services.crisis.acknowledge(event_id, user.id, name[:64], chat.id)
        if not result.allowed:
            await answer(update, t._("This alert is not yours to act on."), alert=True)
            return
        services.outbox.wake()
        if result.first:
            await answer(update, t._("Thank you. The client and the others are being told."))
        else:
            await answer(update, t._("{name} is already on it.", name=result.by or ""), alert=True)
        return
    words = await services.crisis.reveal(event_id, user.id, name[:64], chat.id)
    if words is not None:
        role = "on_call" if chat.id == services.crisis.on_call_chat_id else "practitioner"
        event = await services.crisis.repo.event(event_id)
        await audit(
            context, actor, role, "revealed crisis words", event.client_id if event else None
        )
    if words is None:
        await answer(update, t._("There is nothing to show."), alert=True)
        return
    text = t._("What they wrote:") + "\n<i>" + esc(words) + "</i>"
    if chat.type == chat.PRIVATE:
        await answer(update)
        await reply(update, context, text)
        return
    try:  # a group chat never gets the client's words: send them to the presser privately
        await context.bot.send_message(user.id, text)
        await answer(update, t._("I've sent it to you in a private chat."), alert=True)
    except TelegramError:
        await answer(update, shorten(words, _POPUP_LIMIT), alert=True)


# --- the safety plan ----------------------------------------------------------------------------


def _plan_view(t: Translator, plan: SafetyPlan) -> tuple[str, list[list[tuple[str, str]]]]:
    intro = t._(
        "📝 <b>My safety plan</b>\nA plan for hard moments, in your own words. Every part is "
        "optional; write what helps you. It is private unless you choose to share it with your "
        "practitioner."
    )
    body = plan_text(t, plan, heading=False) if not plan.is_empty else t._("Nothing written yet.")
    state = (
        t._("🔓 Shared with your practitioner.")
        if plan.shared
        else t._("🔒 Private: only you can see it.")
    )
    rows = [
        [(t._(SECTION_TITLES[section]), PLAN_SECTION.build(section=section))]
        for section in SECTIONS
    ]
    if plan.shared:
        rows.append([(t._("🔒 Make it private"), PLAN_MENU.build(action="private"))])
    else:
        rows.append([(t._("🔓 Share with my practitioner"), PLAN_MENU.build(action="share"))])
    return f"{intro}\n\n{body}\n\n{state}", rows


async def plan_command(update: Update, context: BotContext) -> None:
    """Show the client's safety plan with a button for each part."""
    actor = await actor_of(update, context)
    t = context.t(actor)
    if not actor.is_client or actor.person_id is None:
        view = await context.services.catalogue.safety(actor.locale)
        await reply(update, context, crisis_lines_text(t, view))
        return
    plan = await context.services.safety_plans.get(actor.person_id)
    text, rows = _plan_view(t, plan)
    await reply(update, context, text, buttons(rows))


async def plan_button(update: Update, context: BotContext) -> None:
    """Open a part to write it, keep or clear it, and share or unshare the plan."""
    query = update.callback_query
    assert query is not None
    pressed = (
        PLAN_MENU.parse(query.data)
        or PLAN_SECTION.parse(query.data)
        or PLAN_SECTION_ACTION.parse(query.data)
    )
    assert pressed is not None
    actor = await actor_of(update, context)
    t = context.t(actor)
    await answer(update)
    if not actor.is_client or actor.person_id is None:
        return
    services = context.services
    section: str | None = pressed.get("section")
    action = pressed.get("action")  # menu, share or private; keep or clear for a part
    if section is None and action in ("share", "private"):
        await services.safety_plans.share(actor.person_id, action == "share")
    elif section and action == "clear":
        await services.safety_plans.clear(actor.person_id, section)
        await services.people.clear_input(actor.person_id)
    elif section and action == "keep":
        await services.people.clear_input(actor.person_id)
    elif section:
        plan = await services.safety_plans.get(actor.person_id)
        await services.people.expect_input(actor.person_id, "safety_plan", section=section)
        lines = [f"<b>{t._(SECTION_TITLES[section])}</b>"]
        if section == "professional":
            view = await services.catalogue.safety(actor.locale)
            lines.append(crisis_lines_text(t, view))
        current = plan.sections.get(section)
        if current:
            lines.append(t._("Now:") + "\n" + esc(current))
            lines.append(t._("Type the new text for this part (it replaces what is there)."))
            rows = [[(t._("Keep it as it is"),
                      PLAN_SECTION_ACTION.build(section=section, action="keep"))],
                    [(t._("Clear this part"),
                      PLAN_SECTION_ACTION.build(section=section, action="clear"))]]  # fmt: skip
        else:
            lines.append(
                t._(
                    "Type it in your own words, up to {limit} characters.", limit=MAX_SECTION_LENGTH
                )
            )
            rows = [[(t._("Cancel"), PLAN_SECTION_ACTION.build(section=section, action="keep"))]]
        await reply(update, context, "\n\n".join(lines), buttons(rows))
        return
    plan = await services.safety_plans.get(actor.person_id)
    text, rows = _plan_view(t, plan)
    await show(update, context, text, buttons(rows))


async def typed_plan_section(update: Update, context: BotContext, actor: Actor, text: str) -> None:
    """Save a part of the plan in the client's words."""
    assert actor.person_id is not None and actor.pending_input is not None
    t = context.t(actor)
    services = context.services
    section = str(actor.pending_input.get("section", ""))
    if section not in SECTIONS:
        await services.people.clear_input(actor.person_id)
        return
    problem = await services.safety_plans.write(actor.person_id, section, text)
    if problem == "too_long":
        await reply(update, context, t._(
            "That is longer than {limit} characters, so I haven't saved it. Nothing was changed: "
            "please send a shorter version.", limit=MAX_SECTION_LENGTH))  # fmt: skip
        return
    if problem == "empty":
        await reply(update, context, t._("There was nothing to save. Please type a few words."))
        return
    await services.people.clear_input(actor.person_id)
    plan = await services.safety_plans.get(actor.person_id)
    body, rows = _plan_view(t, plan)
    await reply(update, context, t._("Saved. 🌱") + "\n\n" + body, buttons(rows))
