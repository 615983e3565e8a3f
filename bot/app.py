"""The composition root: settings, storage, services, the Application and its tick."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, TypeAlias

from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeChat,
    BotCommandScopeDefault,
    LinkPreviewOptions,
)
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackContext,
    ContextTypes,
    Defaults,
    ExtBot,
    JobQueue,
)
from telegram.request import BaseRequest

from bot.clock import Clock, SystemClock
from bot.delivery import OutboxSender
from bot.i18n import I18n, Translator
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
from bot.services.people import Actor, PeopleService
from bot.services.privacy import PrivacyService
from bot.services.progress import ProgressService
from bot.services.reminders import ReminderService
from bot.services.requests import RequestService
from bot.services.safety import SafetyMatcher
from bot.services.safety_plan import SafetyPlanService
from bot.services.semantic import SemanticScreen
from bot.settings import Settings
from bot.storage import Database
from bot.storage.audit import AuditLog
from bot.storage.updates import UpdatesRepository

__all__ = ["BotApp", "BotContext", "BotData", "Services", "build_application", "build_services"]

_log = logging.getLogger(__name__)


@dataclass
class Services:
    """Everything handlers and jobs use, built once."""

    settings: Settings
    clock: Clock
    db: Database
    i18n: I18n
    people: PeopleService
    invites: InviteService
    outbox: OutboxSender
    privacy: PrivacyService
    goals: GoalService
    checkins: CheckinService
    reminders: ReminderService
    progress: ProgressService
    digests: DigestService
    alerts: AlertService
    requests: RequestService
    caseload: CaseloadService
    admin: AdminService
    safety: SafetyMatcher
    catalogue: CatalogueService
    crisis: CrisisService
    safety_plans: SafetyPlanService
    updates: UpdatesRepository
    flood: FloodGuard
    audit: AuditLog
    # updates whose answer could not reach Telegram: applied again later (bot/updates.py)
    unanswered: set[int] = field(default_factory=set)
    background_delivery: bool = True  # drain the outbox from a background task


def build_services(settings: Settings, clock: Clock | None = None) -> Services:
    """Create the services (the database is opened in ``post_init``)."""
    clock = clock or SystemClock()
    db = Database(settings.database_path)
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
        outbox=OutboxSender(db, clock),
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
        updates=UpdatesRepository(db),
        flood=FloodGuard(),
        audit=AuditLog(db),
    )


class BotData:
    """Application-wide data: the services."""

    def __init__(self) -> None:
        self._services: Services | None = None

    @property
    def services(self) -> Services:
        """The services, set by the application factory."""
        if self._services is None:
            raise RuntimeError("services are not set up")
        return self._services

    @services.setter
    def services(self, value: Services) -> None:
        self._services = value


class BotContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], BotData]):
    """The callback context every handler receives, with typed access to services."""

    @property
    def services(self) -> Services:
        """The application's services."""
        return self.bot_data.services

    def t(self, actor: Actor) -> Translator:
        """The translator for ``actor``'s language."""
        return self.bot_data.services.i18n.get(actor.locale)


BotApp: TypeAlias = Application[
    ExtBot[None], BotContext, dict[Any, Any], dict[Any, Any], BotData, JobQueue[BotContext]
]


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
        builder = builder.rate_limiter(AIORateLimiter(max_retries=0))  # type: ignore[arg-type]
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    application: BotApp = builder.build()  # type: ignore[assignment]
    application.bot_data.services = services

    from handlers import register
    from handlers.crisis_views import make_renderers

    register(application)
    services.outbox.renderers.update(make_renderers(services))
    return application


async def on_startup(application: BotApp) -> None:
    """Open the database, register default commands and start the tick."""
    services = application.bot_data.services
    await services.db.open()
    await services.safety.load(services.db)
    if not services.safety.rules:  # nothing imported yet: screening must still be on
        services.safety.set_rules(DEFAULT_KEYWORDS, DEFAULT_PATTERNS, DEFAULT_EXCLUSIONS)
    await services.outbox.recover()
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
    for name, job in (
        ("safety re-sends", services.crisis.resend_due),
        ("forgetting old update ids", _forget_updates(services)),
        ("purging sent messages", _purge_outbox(services)),
        ("retention", _retention(services)),
        ("reminders", services.reminders.send_due),
        ("digests", services.digests.send_due),
    ):
        try:
            await job()
        except Exception as exc:
            _log.error("scheduled %s failed: %s", name, where(exc))
    if services.background_delivery:
        services.outbox.wake()
    else:
        while await services.outbox.drain(bot) >= services.outbox.batch:
            pass


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


def _commands_for(roles: frozenset[str], translator: Translator) -> list[BotCommand]:
    from handlers.commands import commands_for_roles

    return [
        BotCommand(name, translator._(description))
        for name, description in commands_for_roles(roles)
    ]


async def register_default_commands(bot: Bot, i18n: I18n) -> None:
    """Register the commands strangers see, once per language."""
    for code in i18n.locales:
        commands = _commands_for(frozenset(), i18n.get(code))
        try:
            await bot.set_my_commands(commands, scope=BotCommandScopeDefault(), language_code=code)
        except TelegramError as exc:
            _log.warning("could not register default commands for %s: %s", code, exc)
    await bot.set_my_commands(
        _commands_for(frozenset(), i18n.get(i18n.default_locale)), scope=BotCommandScopeDefault()
    )


async def register_person_commands(bot: Bot, actor: Actor, translator: Translator) -> None:
    """Register the commands of ``actor``'s roles in their language, for their chat only."""
    chat_id = actor.chat_id or actor.telegram_id
    try:
        await bot.set_my_commands(
            _commands_for(actor.roles, translator), scope=BotCommandScopeChat(chat_id)
        )
    except TelegramError as exc:
        _log.warning("could not register commands for a chat: %s", exc)
