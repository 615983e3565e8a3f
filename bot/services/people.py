"""Who someone is: their record, roles, language, time zone and pending input."""

from __future__ import annotations

import functools
import zoneinfo
from dataclasses import dataclass
from typing import Any

from bot.clock import Clock
from bot.i18n import I18n
from bot.settings import Settings
from bot.storage import Database
from bot.storage.people import NewPerson, PeopleRepository, PersonRecord

__all__ = ["Actor", "PeopleService", "Profile", "is_valid_timezone", "new_person"]


def is_valid_timezone(name: str) -> bool:
    """Say whether ``name`` is a real place's IANA time zone (or UTC) on this machine.

    Names that are not places (``posixrules``, ``Factory``, ``localtime``, ``EST5EDT``) are
    refused, like anything that is not in the zone database.
    """
    if not name or len(name) > 64 or not name.isascii():
        return False
    return name in _place_zones()


@functools.cache
def _place_zones() -> frozenset[str]:
    """Every ``Area/Place`` zone in the database, plus UTC."""
    areas = ("Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia",
             "Europe", "Indian", "Pacific")  # fmt: skip
    found = {name for name in zoneinfo.available_timezones() if name.split("/", 1)[0] in areas}
    return frozenset(found | {"UTC"})


@dataclass(frozen=True)
class Profile:
    """What Telegram tells us about a user with each update."""

    telegram_id: int
    chat_id: int
    display_name: str
    language_code: str | None


@dataclass(frozen=True)
class Actor:
    """The person behind an update, with their roles."""

    telegram_id: int
    locale: str
    timezone: str
    is_admin: bool
    person_id: int | None = None
    chat_id: int | None = None
    display_name: str = ""
    is_practitioner: bool = False
    practitioner_active: bool = False
    practitioner_id: int | None = None
    pending_input: dict[str, Any] | None = None
    consent_version: int | None = None

    @property
    def is_client(self) -> bool:
        """Whether this person is someone's client."""
        return self.practitioner_id is not None

    @property
    def is_active_practitioner(self) -> bool:
        """Whether this person is a practitioner who has not been deactivated."""
        return self.is_practitioner and self.practitioner_active

    @property
    def is_known(self) -> bool:
        """Whether the bot keeps a record of this person."""
        return self.person_id is not None

    @property
    def roles(self) -> frozenset[str]:
        """The person's roles: any of ``admin``, ``practitioner``, ``client``."""
        found = set()
        if self.is_admin:
            found.add("admin")
        if self.is_active_practitioner:
            found.add("practitioner")
        if self.is_client:
            found.add("client")
        return frozenset(found)


class PeopleService:
    """Reads and updates people and their preferences."""

    def __init__(self, db: Database, settings: Settings, i18n: I18n, clock: Clock) -> None:
        self._repo = PeopleRepository(db)
        self._db = db
        self._settings = settings
        self._i18n = i18n
        self._clock = clock

    async def actor(self, profile: Profile) -> Actor:
        """Return who sent an update; admins get a record the first time they write."""
        record = await self._repo.by_telegram_id(profile.telegram_id)
        is_admin = self._settings.is_admin(profile.telegram_id)
        if record is None and is_admin:
            await self.create(profile)
            record = await self._repo.by_telegram_id(profile.telegram_id)
        if record is None:
            return Actor(
                telegram_id=profile.telegram_id,
                locale=self._i18n.resolve(None, profile.language_code),
                timezone=self._settings.default_timezone,
                is_admin=False,
            )
        if record.was_unreachable:  # they wrote to us, so they unblocked the bot
            await self._repo.forget_unreachable(record.chat_id)
        if record.display_name != profile.display_name or record.chat_id != profile.chat_id:
            await self._repo.update_contact(record.id, profile.display_name, profile.chat_id)
        return _actor_from_record(record, is_admin, profile.display_name)

    async def by_id(self, person_id: int) -> Actor | None:
        """Return a person by internal id (for jobs, which have no update)."""
        record = await self._repo.by_id(person_id)
        if record is None:
            return None
        return _actor_from_record(record, self._settings.is_admin(record.telegram_id), None)

    async def create(self, profile: Profile) -> int:
        """Create a person record and return its id."""
        person = new_person(profile, self._i18n, self._settings, self._clock)
        async with self._db.transaction() as conn:
            return await self._repo.insert(conn, person)

    async def set_locale(self, person_id: int, locale: str) -> None:
        """Store the person's language."""
        if locale not in self._i18n.locales:
            raise ValueError(f"unsupported locale {locale!r}")
        await self._repo.set_locale(person_id, locale)

    async def set_timezone(self, person_id: int, timezone: str) -> bool:
        """Store the person's time zone; return ``False`` for an unknown name."""
        if not is_valid_timezone(timezone):
            return False
        await self._repo.set_timezone(person_id, timezone)
        return True

    async def expect_input(self, person_id: int, kind: str, **data: Any) -> None:
        """Remember what the person's next free-text message answers."""
        await self._repo.set_pending(person_id, {"kind": kind, **data})

    async def consent_seen(self, person_id: int, version: int) -> bool:
        """Record that a client has seen consent ``version``; ``False`` if they had already."""
        return await self._repo.consent_seen(person_id, version)

    async def clear_input(self, person_id: int) -> None:
        """Forget any pending free-text question."""
        await self._repo.set_pending(person_id, None)


def new_person(profile: Profile, i18n: I18n, settings: Settings, clock: Clock) -> NewPerson:
    """The record a new person starts with: Telegram's details, their language, the default zone."""
    return NewPerson(
        telegram_id=profile.telegram_id,
        chat_id=profile.chat_id,
        display_name=profile.display_name,
        locale=i18n.resolve(None, profile.language_code),
        timezone=settings.default_timezone,
        created_at=clock.now(),
    )


def _actor_from_record(record: PersonRecord, is_admin: bool, display_name: str | None) -> Actor:
    return Actor(
        telegram_id=record.telegram_id,
        locale=record.locale,
        timezone=record.timezone,
        is_admin=is_admin,
        person_id=record.id,
        chat_id=record.chat_id,
        display_name=display_name or record.display_name,
        is_practitioner=record.is_practitioner,
        practitioner_active=record.practitioner_active,
        practitioner_id=record.practitioner_id,
        pending_input=record.pending_input,
        consent_version=record.consent_version,
    )
