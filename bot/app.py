"""The composition root: settings, storage, services, the Application and its tick."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import (
    Bot,
    LinkPreviewOptions,
)
from telegram.constants import ParseMode
from telegram.ext import (
    ApplicationBuilder,
    ContextTypes,
    Defaults,
)
from telegram.request import BaseRequest

from bot.budget import CallBudget
from bot.clock import Clock, SystemClock
from bot.context import BotApp, BotContext, BotData, Services
from bot.delivery import OutboxSender
from bot.i18n import I18n
from bot.logs import where
from bot.ratelimit import FloodGuard
from bot.safety_defaults import DEFAULT_EXCLUSIONS, DEFAULT_KEYWORDS, DEFAULT_PATTERNS
from bot.services.admin import AdminService
from bot.services.alerts import AlertService
from bot.services.caseload import CaseloadService
from bot.services.catalogue import CatalogueService
from bot.services.checkins import CheckinService
from bot.services.crisis import QUIET_AFTER_CRISIS, CrisisService
from bot.services.digests import DigestService
from bot.services.goals import GoalService
from bot.services.invites import InviteService
from bot.services.own_checkins import OwnCheckinService
from bot.services.people import PeopleService
from bot.services.places import PlaceFinder
from bot.services.practice import PracticeService
from bot.services.privacy import PrivacyService
from bot.services.progress import ProgressService
from bot.services.reminders import ReminderService
from bot.services.requests import RequestService
from bot.services.safety import SafetyMatcher
from bot.services.safety_plan import SafetyPlanService
from bot.services.semantic import SemanticScreen
from bot.services.wins import WinsService
from bot.settings import Settings
from bot.storage import Database, open_database
from bot.storage.audit import AuditLog
from bot.storage.updates import UpdatesRepository

__all__ = ["build_application", "build_services"]

_log = logging.getLogger(__name__)


def _sender(db: Database, clock: Clock, settings: Settings) -> OutboxSender:
    sender = OutboxSender(db, clock)
    sender.lease_seconds = settings.outbox_lease_seconds
    return sender


def build_services(settings: Settings, clock: Clock | None = None) -> Services:
    """Create the services (the database is opened in ``post_init``)."""
    clock = clock or SystemClock()
    db = open_database(settings.database_target)
    i18n = I18n(settings.default_locale)
    goals = GoalService(db, clock, settings.max_active_goals)
    digests = DigestService(db, clock, i18n)
    alerts = AlertService(db, i18n, clock, digests, settings.on_call_chat_id)
    safety = SafetyMatcher(settings.default_locale, SemanticScreen(settings.semantic_screen))
    crisis = CrisisService(
        db, clock, digests, safety, settings.on_call_chat_id, settings.safety_ack_minutes * 60
    )
    return Services(
        settings=settings,
        clock=clock,
        db=db,
        i18n=i18n,
        people=PeopleService(db, settings, i18n, clock),
        invites=InviteService(db, settings, i18n, clock),
        outbox=_sender(db, clock, settings),
        privacy=PrivacyService(db, i18n, clock),
        goals=goals,
        checkins=CheckinService(db, clock, goals),
        reminders=ReminderService(
            db, clock, i18n, settings.snooze_hours, quiet_after_crisis=QUIET_AFTER_CRISIS
        ),
        progress=ProgressService(db, goals),
        digests=digests,
        alerts=alerts,
        requests=RequestService(db, clock, i18n, alerts),
        caseload=CaseloadService(db, clock, digests),
        admin=AdminService(db, clock, i18n),
        safety=safety,
        catalogue=CatalogueService(db, clock, settings.default_locale, safety),
        crisis=crisis,
        safety_plans=SafetyPlanService(crisis.repo, clock),
        practice=PracticeService(db, clock, digests),
        own_checkins=OwnCheckinService(db, clock, digests),
        wins=WinsService(db),
        places=PlaceFinder(),
        updates=UpdatesRepository(db),
        flood=FloodGuard(),
        audit=AuditLog(db),
    )


def build_application(
    settings: Settings,
    *,
    request: BaseRequest | None = None,
    clock: Clock | None = None,
    rate_limit: bool = True,
    background_delivery: bool = True,
) -> BotApp:
    """Build the whole bot; ``request`` replaces the network (tests, the sandbox).

    Without ``background_delivery`` nothing drains the outbox by itself: the caller does,
    with :func:`run_due` or ``services.outbox.drain`` (tests and the sandbox, step by step).
    """
    services = build_services(settings, clock)
    services.background_delivery = background_delivery
    token = settings.telegram_bot_token.get_secret_value() if settings.telegram_bot_token else None
    context_types = ContextTypes(context=BotContext, bot_data=BotData)
    builder = (
        ApplicationBuilder()
        .token(token or "0:sandbox-token-not-used-for-anything")
        .base_url(settings.api_base_url)
        .base_file_url(settings.api_file_url)
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True)
            )
        )
        .context_types(context_types)
        .updater(None)  # bot.updates receives updates: applied before they are confirmed
        .post_init(on_startup)
        .post_shutdown(on_shutdown)
    )
    if rate_limit:
        builder = builder.rate_limiter(CallBudget(settings.telegram_messages_per_second))
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    application: BotApp = builder.build()  # type: ignore[assignment]
    application.bot_data.services = services

    from handlers import register
    from handlers.views import make_renderers

    register(application)
    services.outbox.renderers.update(make_renderers(services))
    return application


async def on_startup(application: BotApp) -> None:
    """Open the database, register default commands and start the tick."""
    services = application.bot_data.services
    _log.info("database: %s", services.settings.database_shown)  # the password hidden
    await services.db.open()
    await services.safety.load(services.db)
    if not services.safety.rules:  # nothing imported yet: screening must still be on
        services.safety.set_rules(DEFAULT_KEYWORDS, DEFAULT_PATTERNS, DEFAULT_EXCLUSIONS)
    # SQLite: one process per file, so whatever was left sending belongs to a dead process;
    # PostgreSQL may be shared: only rows whose lease expired (the tick checks again)
    await services.outbox.recover(expired_only=services.db.backend != "sqlite")
    if services.crisis.on_call_chat_id is not None:  # the on-call group may have been upgraded
        services.crisis.on_call_chat_id = await services.outbox.followed(
            services.crisis.on_call_chat_id
        )

    async def follow(old: int, new: int) -> None:
        if services.crisis.on_call_chat_id == old:
            services.crisis.on_call_chat_id = new
            _log.warning("the on-call chat became a supergroup; update ON_CALL_CHAT_ID")

    services.outbox.on_chat_migrated = follow
    for gap in await services.catalogue.safety_gaps():
        _log.warning("crisis information: %s", gap.describe())
    from handlers.commands import register_default_commands

    await register_default_commands(application.bot, services.i18n)
    if services.background_delivery:
        services.outbox.start(application.bot, services.settings.tick_seconds)
    if application.job_queue is not None:
        application.job_queue.run_repeating(
            tick, interval=services.settings.tick_seconds, first=1.0, name="tick"
        )


async def on_shutdown(application: BotApp) -> None:
    """Stop sending and close the database."""
    await application.bot_data.services.outbox.stop()
    await application.bot_data.services.db.close()


async def tick(context: BotContext) -> None:
    """Run whatever has fallen due, then drain the outbox."""
    await run_due(context.application, context.bot)


async def run_due(application: Any, bot: Bot) -> None:
    """Run the scheduled work that is due now and send the outbox (the tick's body)."""
    services: Services = application.bot_data.services
    async with services.db.exclusive("tick") as alone:
        if alone:  # processes sharing a PostgreSQL database take turns; the others just send
            await _scheduled(services)
    if services.background_delivery:
        services.outbox.wake()
    else:
        while await services.outbox.drain(bot) >= services.outbox.batch:
            pass


async def _scheduled(services: Services) -> None:
    """The scheduled jobs, each on its own (one failing never stops the others)."""
    for name, job in (
        ("safety re-sends", services.crisis.resend_due),
        ("interrupted sends", services.outbox.recover),
        ("forgetting old update ids", _forget_updates(services)),
        ("purging sent messages", _purge_outbox(services)),
        ("retention", _retention(services)),
        ("reminders", services.reminders.send_due),
        ("digests", services.digests.send_due),
        ("session preps", services.practice.send_due_preps),
        ("own check-ins", services.own_checkins.send_due),
    ):
        try:
            done = await job()
        except Exception as exc:
            _log.error("scheduled %s failed: %s", name, where(exc))
        else:
            if done:  # counts only: never who or what
                _log.debug("tick: %s %s", name, done)


def _forget_updates(services: Services) -> Callable[[], Awaitable[int]]:
    async def forget() -> int:
        return await services.updates.forget_before(services.clock.now() - 2 * 86400)

    return forget


def _retention(services: Services) -> Callable[[], Awaitable[int]]:
    async def forget() -> int:
        return await services.privacy.forget_old(services.settings.retention_months)

    return forget


def _purge_outbox(services: Services) -> Callable[[], Awaitable[int]]:
    async def purge() -> int:
        return await services.outbox.purge(services.clock.now() - 30 * 86400)

    return purge
