"""The routing table: every handler in one ordered place, with explicit groups.

python-telegram-bot runs the groups of an update in order, in each the first handler that
matches; a handler that raises ``ApplicationHandlerStop`` ends the update there.

-5  private chats only (the on-call chat may press its alert buttons)    guard.private_only
-4  a fair share for each person (crisis words always get through)       guard.fair_share
-3  who is writing, looked up once for every handler that follows        common.resolve_actor
-2  the safety screen: crisis words take over before anything else      safety.screen_update
-1  what changed in the consent text, told once                          onboarding.consent_update
 0  commands, buttons, documents and text by journey; the catch-alls last

Free text goes to the question the person was asked (:data:`TEXT_INPUTS`, by the kind of
their pending input), else to the first of :data:`TEXT_FALLBACKS` that takes it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace

from telegram import Update
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

import handlers.admin as admin
import handlers.checkin as checkin
import handlers.common as common
import handlers.errors as errors
import handlers.gas as gas
import handlers.goals as goals
import handlers.guard as guard
import handlers.invites as invites
import handlers.loose_text as loose_text
import handlers.menu as menu
import handlers.onboarding as onboarding
import handlers.own_checkin as own_checkin
import handlers.practice as practice
import handlers.practitioner as practitioner
import handlers.privacy as privacy
import handlers.progress as progress
import handlers.reminders as reminders
import handlers.resources as resources
import handlers.safety as safety
from bot.context import BotApp, BotContext
from bot.services.people import Actor
from handlers.callbacks import (
    ADMIN_DEACTIVATE,
    ADMIN_DEACTIVATE_TO,
    ADMIN_MOVE,
    ADMIN_MOVE_CLIENT,
    ADMIN_MOVE_FROM,
    ADMIN_MOVE_TO,
    ALERT,
    AWAY_COVER,
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
    CLIENT,
    CLIENT_ACTION,
    CLIENT_ALIAS,
    CONSENT,
    CRISIS,
    DIGEST_FREQUENCY,
    DIGEST_TIME,
    DIGEST_WEEKDAY,
    ERASE,
    GAS,
    GAS_LEVEL,
    GOAL,
    GOAL_ACTION,
    GOAL_MENU,
    GOAL_REFLECT,
    GOAL_RULER,
    GOAL_STAGE,
    LANGUAGE,
    LOOSE_SLIP,
    LOOSE_TEXT,
    MESSAGE_CLEAR,
    OPTIONS,
    OWN_MENU,
    OWN_TANK,
    OWN_THING_SKIP,
    PAUSE,
    PLACE_TYPE,
    PLAN_MENU,
    PLAN_SECTION,
    PLAN_SECTION_ACTION,
    PRACTICE_MENU,
    PREP_LEAD,
    QUIET_HOURS,
    REMINDER,
    REMINDER_DAY,
    REMINDER_DAYS,
    REMINDER_SCHEDULE,
    REMINDER_TIME,
    REMINDER_TIME_TYPE,
    REPLY_DAYS,
    REQUEST,
    REQUEST_WITHDRAW,
    RESOURCE,
    RESOURCE_ASK,
    RESOURCE_CATEGORY,
    RESOURCE_MENU,
    RESOURCE_SEND,
    SETTINGS,
    TIMEZONE,
    WORK_DAY,
    WORK_HOURS,
)
from handlers.common import actor_of, answer, reply, stranger_text

__all__ = ["TEXT_FALLBACKS", "TEXT_INPUTS", "InputHandler", "register", "route_text"]

InputHandler = Callable[[Update, BotContext, Actor, str], Awaitable[bool | None]]
"""Takes text that answers a pending question. It returns ``False`` when that question is
gone (the check-in ended, the crisis is over): the text then goes on as if none were pending."""

# The question a person's pending input names, and who takes the text that answers it.
TEXT_INPUTS: dict[str, InputHandler] = {
    "timezone": menu.typed_timezone,
    "goal_new": goals.typed_goal,
    "goal_reword": goals.typed_reword,
    "gas_level": gas.typed_level,
    "reflection": goals.typed_reflection,
    "note": checkin.typed_note,
    "loose_text": loose_text.more_loose_text,
    "reminder_time": reminders.typed_time,
    "request_note": resources.typed_request_note,
    "request_other": resources.typed_other_request,
    "alias": practitioner.typed_alias,
    "own_thing": own_checkin.typed_one_thing,
    "handle_request": practitioner.typed_handling_message,
    "session": practice.typed_session,
    "away_until": practice.typed_away_until,
    "away_cover": practice.typed_away_until,
    "crisis": safety.typed_during_crisis,
    "safety_plan": safety.typed_plan_section,
}

# Tried in order when no question is pending; each returns True if it took the text.
TEXT_FALLBACKS: tuple[Callable[[Update, BotContext, Actor, str], Awaitable[bool]], ...] = (
    loose_text.keep_typed_text,
)


def register(application: BotApp) -> None:
    """Add every handler, group by group, and the error handler."""
    application.add_handlers(
        {
            -5: [TypeHandler(Update, guard.private_only)],
            -4: [TypeHandler(Update, guard.fair_share)],
            -3: [TypeHandler(Update, common.resolve_actor)],
            -2: [
                MessageHandler(
                    (filters.TEXT | filters.CAPTION) & filters.UpdateType.MESSAGES,
                    safety.screen_update,
                )
            ],
            -1: [TypeHandler(Update, onboarding.consent_update)],
            0: [
                # first contact, help, language and settings
                CommandHandler("start", onboarding.start),
                CallbackQueryHandler(onboarding.consent, pattern=CONSENT.pattern),
                CommandHandler("help", menu.help_command),
                CommandHandler("language", menu.language_command),
                CommandHandler("settings", menu.settings_command),
                CallbackQueryHandler(menu.choose_language, pattern=LANGUAGE.pattern),
                CallbackQueryHandler(menu.settings_button, pattern=SETTINGS.pattern),
                CallbackQueryHandler(menu.choose_timezone, pattern=TIMEZONE.pattern),
                CallbackQueryHandler(menu.place_button, pattern=PLACE_TYPE.pattern),
                # invites and data rights
                CommandHandler("newpractitioner", invites.new_practitioner),
                CommandHandler("invite", invites.invite_client),
                CommandHandler("mydata", privacy.my_data),
                CommandHandler("delete", privacy.delete_command),
                CallbackQueryHandler(privacy.confirm_delete, pattern=ERASE.pattern),
                # goals
                CommandHandler("goals", goals.goals_command),
                CallbackQueryHandler(goals.goals_button, pattern=GOAL_MENU.pattern),
                CallbackQueryHandler(goals.goal_button, pattern=GOAL.pattern),
                CallbackQueryHandler(goals.goal_button, pattern=GOAL_ACTION.pattern),
                CallbackQueryHandler(goals.goal_button, pattern=GOAL_RULER.pattern),
                CallbackQueryHandler(goals.stage_button, pattern=GOAL_STAGE.pattern),
                CallbackQueryHandler(goals.reflect_button, pattern=GOAL_REFLECT.pattern),
                # check-ins
                CommandHandler("checkin", checkin.checkin_command),
                CallbackQueryHandler(checkin.answer_button, pattern=CHECKIN_WELLBEING.pattern),
                CallbackQueryHandler(checkin.answer_button, pattern=CHECKIN_GOAL.pattern),
                CallbackQueryHandler(checkin.answer_button, pattern=CHECKIN_NOTE_SKIP.pattern),
                CallbackQueryHandler(checkin.answer_button, pattern=CHECKIN_SHARE.pattern),
                CallbackQueryHandler(checkin.fix_button, pattern=CHECKIN_FIX.pattern),
                CallbackQueryHandler(checkin.fix_button, pattern=CHECKIN_FIX_GOAL.pattern),
                CallbackQueryHandler(checkin.fix_button, pattern=CHECKIN_CORRECT.pattern),
                CallbackQueryHandler(checkin.answer_button, pattern=CHECKIN_LEVEL.pattern),
                CallbackQueryHandler(checkin.answer_button, pattern=CHECKIN_RULER.pattern),
                CallbackQueryHandler(checkin.answer_button, pattern=CHECKIN_SLIP.pattern),
                # a goal's levels (Goal Attainment Scaling) and their weights
                CallbackQueryHandler(gas.gas_button, pattern=GAS.pattern),
                CallbackQueryHandler(gas.level_button, pattern=GAS_LEVEL.pattern),
                CommandHandler("weight", gas.weight_command),
                # reminders, pausing and check-in options
                CommandHandler("pause", reminders.pause_command),
                CommandHandler("resume", reminders.resume_command),
                CallbackQueryHandler(reminders.schedule_button, pattern=REMINDER_SCHEDULE.pattern),
                CallbackQueryHandler(reminders.schedule_button, pattern=REMINDER_DAY.pattern),
                CallbackQueryHandler(reminders.schedule_button, pattern=REMINDER_DAYS.pattern),
                CallbackQueryHandler(reminders.schedule_button, pattern=REMINDER_TIME.pattern),
                CallbackQueryHandler(reminders.schedule_button, pattern=REMINDER_TIME_TYPE.pattern),
                CallbackQueryHandler(reminders.options_button, pattern=OPTIONS.pattern),
                CallbackQueryHandler(reminders.reminder_button, pattern=REMINDER.pattern),
                CallbackQueryHandler(reminders.pause_button, pattern=PAUSE.pattern),
                # progress
                CommandHandler("progress", progress.progress_command),
                CommandHandler("wins", progress.wins_command),
                # practitioners
                CommandHandler("digest", practitioner.digest_command),
                CommandHandler("clients", practitioner.clients_command),
                CommandHandler("client", practitioner.client_command),
                CommandHandler("requests", practitioner.requests_command),
                MessageHandler(filters.Regex(practitioner.NOTE_COMMAND), practitioner.note_command),
                MessageHandler(
                    filters.Regex(practitioner.REQUEST_COMMAND), practitioner.request_command
                ),
                CallbackQueryHandler(practitioner.client_button, pattern=CLIENT.pattern),
                CallbackQueryHandler(practitioner.client_button, pattern=CLIENT_ALIAS.pattern),
                CallbackQueryHandler(practice.client_action_button, pattern=CLIENT_ACTION.pattern),
                CallbackQueryHandler(practice.message_clear_button, pattern=MESSAGE_CLEAR.pattern),
                CallbackQueryHandler(practice.away_button, pattern=AWAY_COVER.pattern),
                CallbackQueryHandler(own_checkin.own_menu_button, pattern=OWN_MENU.pattern),
                CallbackQueryHandler(own_checkin.tank_button, pattern=OWN_TANK.pattern),
                CallbackQueryHandler(own_checkin.skip_thing_button, pattern=OWN_THING_SKIP.pattern),
                CallbackQueryHandler(practitioner.settings_button, pattern=WORK_HOURS.pattern),
                CallbackQueryHandler(practitioner.settings_button, pattern=WORK_DAY.pattern),
                CallbackQueryHandler(practitioner.settings_button, pattern=REPLY_DAYS.pattern),
                CallbackQueryHandler(practitioner.settings_button, pattern=PREP_LEAD.pattern),
                CallbackQueryHandler(practitioner.request_button, pattern=REQUEST.pattern),
                CallbackQueryHandler(practitioner.settings_button, pattern=PRACTICE_MENU.pattern),
                CallbackQueryHandler(
                    practitioner.settings_button, pattern=DIGEST_FREQUENCY.pattern
                ),
                CallbackQueryHandler(practitioner.settings_button, pattern=DIGEST_TIME.pattern),
                CallbackQueryHandler(practitioner.settings_button, pattern=DIGEST_WEEKDAY.pattern),
                CallbackQueryHandler(practitioner.settings_button, pattern=QUIET_HOURS.pattern),
                # administrators
                CommandHandler("admin", admin.admin_command),
                CommandHandler("stats", admin.stats_command),
                CallbackQueryHandler(admin.admin_button, pattern=ADMIN_DEACTIVATE.pattern),
                CallbackQueryHandler(admin.admin_button, pattern=ADMIN_DEACTIVATE_TO.pattern),
                CallbackQueryHandler(admin.admin_button, pattern=ADMIN_MOVE.pattern),
                CallbackQueryHandler(admin.admin_button, pattern=ADMIN_MOVE_FROM.pattern),
                CallbackQueryHandler(admin.admin_button, pattern=ADMIN_MOVE_CLIENT.pattern),
                CallbackQueryHandler(admin.admin_button, pattern=ADMIN_MOVE_TO.pattern),
                # resources and requests (admins import the catalogue as a document)
                CommandHandler("resources", resources.resources_command),
                MessageHandler(filters.Document.ALL, resources.document_upload),
                CallbackQueryHandler(resources.resource_button, pattern=RESOURCE_MENU.pattern),
                CallbackQueryHandler(resources.resource_button, pattern=RESOURCE_CATEGORY.pattern),
                CallbackQueryHandler(resources.resource_button, pattern=RESOURCE.pattern),
                CallbackQueryHandler(resources.resource_button, pattern=RESOURCE_ASK.pattern),
                CallbackQueryHandler(resources.resource_button, pattern=RESOURCE_SEND.pattern),
                CallbackQueryHandler(resources.resource_button, pattern=REQUEST_WITHDRAW.pattern),
                # safety: the crisis buttons, alerts, the safety plan
                CommandHandler("safetyplan", safety.plan_command),
                CallbackQueryHandler(safety.crisis_button, pattern=CRISIS.pattern),
                CallbackQueryHandler(safety.alert_button, pattern=ALERT.pattern),
                CallbackQueryHandler(safety.plan_button, pattern=PLAN_MENU.pattern),
                CallbackQueryHandler(safety.plan_button, pattern=PLAN_SECTION.pattern),
                CallbackQueryHandler(safety.plan_button, pattern=PLAN_SECTION_ACTION.pattern),
                # words typed with no question waiting
                CallbackQueryHandler(loose_text.loose_text_button, pattern=LOOSE_TEXT.pattern),
                CallbackQueryHandler(loose_text.slip_button, pattern=LOOSE_SLIP.pattern),
                # free text, then the catch-alls
                MessageHandler(filters.TEXT & ~filters.COMMAND, on_text),
                MessageHandler(filters.COMMAND, on_unknown_command),
                CallbackQueryHandler(on_stale_button),
            ],
        }
    )
    application.add_error_handler(errors.on_error)


async def on_text(update: Update, context: BotContext) -> None:
    """Pass the text to the pending question's handler, or explain what is possible."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    actor = await actor_of(update, context)
    t = context.t(actor)
    if not actor.is_known:
        await reply(update, context, stranger_text(t))
        return
    await route_text(update, context, actor, message.text)


async def route_text(update: Update, context: BotContext, actor: Actor, text: str) -> None:
    """Give text (already screened for crisis words) to the pending question or a fallback."""
    t = context.t(actor)
    pending = actor.pending_input or {}
    handler = TEXT_INPUTS.get(str(pending.get("kind", "")))
    if handler is not None:
        if await handler(update, context, actor, text) is not False:
            return
        actor = replace(actor, pending_input=None)
    for fallback in TEXT_FALLBACKS:
        if await fallback(update, context, actor, text):
            return
    await reply(
        update, context, t._("I'm not sure what to do with that. Send /help to see what I can do.")
    )


async def on_unknown_command(update: Update, context: BotContext) -> None:
    """Answer a command the bot does not know."""
    actor = await actor_of(update, context)
    t = context.t(actor)
    if not actor.is_known:
        await reply(update, context, stranger_text(t))
        return
    await reply(update, context, t._("I don't know that command. Send /help to see what I can do."))


async def on_stale_button(update: Update, context: BotContext) -> None:
    """Answer any button nothing else handled (an old message, or one from another role)."""
    actor = await actor_of(update, context)
    t = context.t(actor)
    await answer(update, t._("This button is no longer active."), alert=False)
