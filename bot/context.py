"""The shapes handlers see: the services, the per-application data and the callback context.

Kept apart from the composition root (``bot/app.py``) so that handlers import these types
without importing the module that imports the handlers (no import cycle).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeAlias

from telegram.ext import Application, CallbackContext, ExtBot, JobQueue

if TYPE_CHECKING:
    from bot.clock import Clock
    from bot.delivery import OutboxSender
    from bot.i18n import I18n, Translator
    from bot.ratelimit import FloodGuard
    from bot.services.admin import AdminService
    from bot.services.alerts import AlertService
    from bot.services.caseload import CaseloadService
    from bot.services.catalogue import CatalogueService
    from bot.services.checkins import CheckinService
    from bot.services.crisis import CrisisService
    from bot.services.digests import DigestService
    from bot.services.goals import GoalService
    from bot.services.invites import InviteService
    from bot.services.own_checkins import OwnCheckinService
    from bot.services.people import Actor, PeopleService
    from bot.services.places import PlaceFinder
    from bot.services.practice import PracticeService
    from bot.services.privacy import PrivacyService
    from bot.services.progress import ProgressService
    from bot.services.reminders import ReminderService
    from bot.services.requests import RequestService
    from bot.services.safety import SafetyMatcher
    from bot.services.safety_plan import SafetyPlanService
    from bot.services.wins import WinsService
    from bot.settings import Settings
    from bot.storage import Database
    from bot.storage.audit import AuditLog
    from bot.storage.updates import UpdatesRepository

__all__ = ["BotApp", "BotContext", "BotData", "Services"]


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
    practice: PracticeService
    own_checkins: OwnCheckinService
    wins: WinsService
    places: PlaceFinder
    updates: UpdatesRepository
    flood: FloodGuard
    audit: AuditLog
    # updates whose answer could not reach Telegram: applied again later (bot/updates.py)
    unanswered: set[int] = field(default_factory=set)
    background_delivery: bool = True  # drain the outbox from a background task


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
    """The callback context every handler receives, with typed access to services.

    python-telegram-bot gives every group of one update the same context, so the person
    behind the update is looked up once (``handlers.common.actor_of``) and kept here.
    """

    cached_actor: Actor | None = None

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
