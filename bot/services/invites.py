"""Single-use invites that make someone a practitioner or a practitioner's client."""

from __future__ import annotations

import base64
import enum
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from bot.clock import Clock, days
from bot.i18n import I18n
from bot.services.outbox import OutgoingMessage, enqueue
from bot.services.people import Profile, new_person
from bot.settings import Settings
from bot.storage import Connection, Database
from bot.storage.invites import InviteRepository
from bot.storage.people import PeopleRepository

# The consent text's version: a client who agreed to an older one is told what changed.
CONSENT_VERSION = 3  # 3: the colleague covering for an away practitioner

__all__ = ["CONSENT_VERSION", "InviteCheck", "InviteService", "InviteStatus", "OpenedInvite"]

_CODE_BYTES = 24  # 192 bits, 32 URL-safe characters: fits Telegram's 64-character start parameter


class InviteStatus(enum.Enum):
    """What opening an invite code found."""

    OK = "ok"
    UNKNOWN = "unknown"
    USED = "used"
    EXPIRED = "expired"
    ALREADY_CLIENT = "already_client"
    ALREADY_PRACTITIONER = "already_practitioner"
    PRACTITIONER_INACTIVE = "practitioner_inactive"


@dataclass(frozen=True)
class OpenedInvite:
    """A valid invite someone has opened."""

    id: int
    role: str
    practitioner_id: int | None
    practitioner_name: str | None
    expires_at: int
    signature: str = ""  # binds the consent buttons to the person who opened the link


@dataclass(frozen=True)
class InviteCheck:
    """The outcome of opening an invite link."""

    status: InviteStatus
    invite: OpenedInvite | None = None


def hash_code(code: str) -> str:
    """Return the stored form of an invite code."""
    return hashlib.sha256(code.encode("utf-8")).hexdigest()


def consent_signature(code_hash: str, invite_id: int, telegram_id: int) -> str:
    """A tag for the consent buttons: only the person who opened the link can press them.

    Nothing about the opener is stored before they agree; the buttons carry who they are
    for, signed with the invite's secret hash, so a forged press from anyone else fails.
    """
    digest = hmac.new(
        code_hash.encode(), f"{invite_id}:{telegram_id}".encode(), hashlib.sha256
    ).digest()
    return base64.urlsafe_b64encode(digest)[:16].decode()


class InviteService:
    """Creates, opens and redeems invites."""

    def __init__(self, db: Database, settings: Settings, i18n: I18n, clock: Clock) -> None:
        self._repo = InviteRepository(db)
        self._people = PeopleRepository(db)
        self._db = db
        self._settings = settings
        self._i18n = i18n
        self._clock = clock

    async def create(
        self, role: str, created_by: int, practitioner_id: int | None = None
    ) -> tuple[str, int]:
        """Create an invite; return the secret code (shown once) and its expiry."""
        if role not in ("practitioner", "client"):
            raise ValueError(role)
        if (role == "client") != (practitioner_id is not None):
            raise ValueError("client invites need a practitioner; practitioner invites none")
        code = secrets.token_urlsafe(_CODE_BYTES)
        now = self._clock.now()
        expires_at = now + days(self._settings.invite_ttl_days)
        await self._repo.insert(hash_code(code), role, created_by, practitioner_id, now, expires_at)
        return code, expires_at

    async def open(self, code: str, telegram_id: int) -> InviteCheck:
        """Look up a code someone opened and, if valid, hold it for them."""
        if not code or len(code) > 64:
            return InviteCheck(InviteStatus.UNKNOWN)
        found = await self._repo.by_code_hash(hash_code(code))
        if found is None:
            return InviteCheck(InviteStatus.UNKNOWN)
        if found.used_at is not None:
            return InviteCheck(InviteStatus.USED)
        if found.expires_at <= self._clock.now():
            return InviteCheck(InviteStatus.EXPIRED)
        invite = OpenedInvite(
            id=found.id,
            role=found.role,
            practitioner_id=found.practitioner_id,
            practitioner_name=found.practitioner_name,
            expires_at=found.expires_at,
            signature=consent_signature(found.code_hash, found.id, telegram_id),
        )
        roles = await self._people.roles(telegram_id)
        if invite.role == "client":
            if not found.practitioner_active:
                return InviteCheck(InviteStatus.PRACTITIONER_INACTIVE)
            if "client" in roles:
                return InviteCheck(InviteStatus.ALREADY_CLIENT, invite)
            if "practitioner" in roles:
                return InviteCheck(InviteStatus.ALREADY_PRACTITIONER, invite)
        else:
            if "client" in roles:
                return InviteCheck(InviteStatus.ALREADY_CLIENT, invite)
            if "practitioner" in roles:
                return InviteCheck(InviteStatus.ALREADY_PRACTITIONER, invite)
        return InviteCheck(InviteStatus.OK, invite)

    async def redeem_practitioner(self, code: str, profile: Profile) -> InviteStatus:
        """Make the opener a practitioner (in one transaction) if the code is still good."""
        check = await self.open(code, profile.telegram_id)
        if check.status is not InviteStatus.OK or check.invite is None:
            return check.status
        if check.invite.role != "practitioner":
            return InviteStatus.UNKNOWN
        now = self._clock.now()
        async with self._db.transaction() as conn:
            person_id = await self._ensure_person(conn, profile)
            if not await self._repo.use(conn, check.invite.id, person_id, now):
                return InviteStatus.USED
            await self._people.make_practitioner(conn, person_id, now)
        return InviteStatus.OK

    async def accept_client(self, invite_id: int, signature: str, profile: Profile) -> InviteStatus:
        """Record consent: create the client, link them, use the invite, tell the practitioner."""
        invite = await self._repo.for_consent(invite_id)
        now = self._clock.now()
        if (
            invite is None
            or invite.role != "client"
            or not hmac.compare_digest(
                signature, consent_signature(invite.code_hash, invite_id, profile.telegram_id)
            )
        ):
            return InviteStatus.UNKNOWN
        if invite.used_at is not None:
            return InviteStatus.USED
        if invite.expires_at <= now:
            return InviteStatus.EXPIRED
        if not invite.practitioner_active:
            return InviteStatus.PRACTITIONER_INACTIVE
        roles = await self._people.roles(profile.telegram_id)
        if "client" in roles:
            return InviteStatus.ALREADY_CLIENT
        if "practitioner" in roles:
            return InviteStatus.ALREADY_PRACTITIONER
        async with self._db.transaction() as conn:
            person_id = await self._ensure_person(conn, profile)
            if not await self._repo.use(conn, invite_id, person_id, now):
                return InviteStatus.USED
            await self._people.make_client(
                conn, person_id, invite.practitioner_id, CONSENT_VERSION, now
            )
            notice = OutgoingMessage(  # handlers/views/invites.py
                view="client_joined",
                args={"client_id": person_id, "practitioner_id": invite.practitioner_id},
            )
            await enqueue(
                conn,
                chat_id=invite.practitioner_chat_id,
                kind="notice",
                message=notice,
                now=now,
                dedupe_key=f"client-joined:{person_id}",
                about=person_id,
            )
        return InviteStatus.OK

    async def _ensure_person(self, conn: Connection, profile: Profile) -> int:
        """The id of the person behind ``profile``, creating their record if they are new."""
        person = new_person(profile, self._i18n, self._settings, self._clock)
        return await self._people.ensure(conn, person)
