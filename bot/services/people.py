"""Who someone is: their record, roles, language, time zone and pending input."""

from __future__ import annotations

import functools
import json
import sqlite3
import zoneinfo
from dataclasses import dataclass
from typing import Any

from bot.clock import Clock
from bot.i18n import I18n
from bot.settings import Settings
from bot.storage import Database

__all__ = ["Actor", "PeopleService", "Profile", "is_valid_timezone"]

_ACTOR_SQL = """
SELECT p.id, p.telegram_id, p.chat_id, p.display_name, p.locale, p.timezone, p.pending_input,
       pr.person_id IS NOT NULL AS is_practitioner, COALESCE(pr.active, 0) AS practitioner_active,
       c.practitioner_id, c.consent_version,
       EXISTS (SELECT 1 FROM unreachable_chats u WHERE u.chat_id = p.chat_id) AS was_unreachable
FROM people p
LEFT JOIN practitioners pr ON pr.person_id = p.id
LEFT JOIN clients c ON c.person_id = p.id
WHERE p.telegram_id = ?
"""


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
        self._db = db
        self._settings = settings
        self._i18n = i18n
        self._clock = clock

    async def actor(self, profile: Profile) -> Actor:
        """Return who sent an update; admins get a record the first time they write."""
        row = await self._db.fetchone(_ACTOR_SQL, (profile.telegram_id,))
        is_admin = self._settings.is_admin(profile.telegram_id)
        if row is None and is_admin:
            await self.create(profile)
            row = await self._db.fetchone(_ACTOR_SQL, (profile.telegram_id,))
        if row is None:
            return Actor(
                telegram_id=profile.telegram_id,
                locale=self._i18n.resolve(None, profile.language_code),
                timezone=self._settings.default_timezone,
                is_admin=False,
            )
        if row["was_unreachable"]:  # they wrote to us, so they unblocked the bot
            await self._db.execute(
                "DELETE FROM unreachable_chats WHERE chat_id = ?", (row["chat_id"],)
            )
        if row["display_name"] != profile.display_name or row["chat_id"] != profile.chat_id:
            await self._db.execute(
                "UPDATE people SET display_name = ?, chat_id = ? WHERE id = ?",
                (profile.display_name, profile.chat_id, row["id"]),
            )
        return _actor_from_row(row, is_admin, profile.display_name)

    async def by_id(self, person_id: int) -> Actor | None:
        """Return a person by internal id (for jobs, which have no update)."""
        row = await self._db.fetchone(
            _ACTOR_SQL.replace("p.telegram_id = ?", "p.id = ?"), (person_id,)
        )
        if row is None:
            return None
        return _actor_from_row(row, self._settings.is_admin(row["telegram_id"]), None)

    async def create(self, profile: Profile) -> int:
        """Create a person record and return its id."""
        async with self._db.transaction() as conn:
            return await insert_person(conn, profile, self._i18n, self._settings, self._clock)

    async def set_locale(self, person_id: int, locale: str) -> None:
        """Store the person's language."""
        if locale not in self._i18n.locales:
            raise ValueError(f"unsupported locale {locale!r}")
        await self._db.execute("UPDATE people SET locale = ? WHERE id = ?", (locale, person_id))

    async def set_timezone(self, person_id: int, timezone: str) -> bool:
        """Store the person's time zone; return ``False`` for an unknown name."""
        if not is_valid_timezone(timezone):
            return False
        await self._db.execute("UPDATE people SET timezone = ? WHERE id = ?", (timezone, person_id))
        return True

    async def expect_input(self, person_id: int, kind: str, **data: Any) -> None:
        """Remember what the person's next free-text message answers."""
        payload = json.dumps({"kind": kind, **data})
        await self._db.execute(
            "UPDATE people SET pending_input = ? WHERE id = ?", (payload, person_id)
        )

    async def consent_seen(self, person_id: int, version: int) -> bool:
        """Record that a client has seen consent ``version``; ``False`` if they had already."""
        changed = await self._db.execute(
            "UPDATE clients SET consent_version = ? WHERE person_id = ? AND consent_version < ?",
            (version, person_id, version),
        )
        return changed == 1

    async def clear_input(self, person_id: int) -> None:
        """Forget any pending free-text question."""
        await self._db.execute("UPDATE people SET pending_input = NULL WHERE id = ?", (person_id,))


async def insert_person(
    conn: Any, profile: Profile, i18n: I18n, settings: Settings, clock: Clock
) -> int:
    """Insert a person inside an open transaction; return the new id."""
    locale = i18n.resolve(None, profile.language_code)
    cursor = await conn.execute(
        "INSERT INTO people (telegram_id, chat_id, display_name, locale, timezone, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (
            profile.telegram_id,
            profile.chat_id,
            profile.display_name,
            locale,
            settings.default_timezone,
            clock.now(),
        ),
    )
    return int(cursor.lastrowid)


def _actor_from_row(row: sqlite3.Row, is_admin: bool, display_name: str | None) -> Actor:
    pending = json.loads(row["pending_input"]) if row["pending_input"] else None
    return Actor(
        telegram_id=row["telegram_id"],
        locale=row["locale"],
        timezone=row["timezone"],
        is_admin=is_admin,
        person_id=row["id"],
        chat_id=row["chat_id"],
        display_name=display_name or row["display_name"],
        is_practitioner=bool(row["is_practitioner"]),
        practitioner_active=bool(row["practitioner_active"]),
        practitioner_id=row["practitioner_id"],
        pending_input=pending,
        consent_version=row["consent_version"],
    )
