"""Single-use invites that make someone a practitioner or a practitioner's client."""

from __future__ import annotations

import base64
import enum
import hashlib
import hmac
import html
import secrets
from dataclasses import dataclass

import aiosqlite

from bot.clock import Clock, days
from bot.i18n import I18n
from bot.services.outbox import OutgoingMessage, enqueue
from bot.services.people import Profile, insert_person
from bot.settings import Settings
from bot.storage import Database

# The consent text's version: a client who agreed to an older one is told what changed.
CONSENT_VERSION = 2

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
        await self._db.execute(
            "INSERT INTO invites (code_hash, role, created_by, practitioner_id, created_at,"
            " expires_at) VALUES (?, ?, ?, ?, ?, ?)",
            (hash_code(code), role, created_by, practitioner_id, now, expires_at),
        )
        return code, expires_at

    async def open(self, code: str, telegram_id: int) -> InviteCheck:
        """Look up a code someone opened and, if valid, hold it for them."""
        if not code or len(code) > 64:
            return InviteCheck(InviteStatus.UNKNOWN)
        row = await self._db.fetchone(
            "SELECT i.id, i.role, i.practitioner_id, i.expires_at, i.used_at, i.code_hash,"
            " p.display_name AS practitioner_name, pr.active AS practitioner_active"
            " FROM invites i"
            " LEFT JOIN practitioners pr ON pr.person_id = i.practitioner_id"
            " LEFT JOIN people p ON p.id = i.practitioner_id"
            " WHERE i.code_hash = ?",
            (hash_code(code),),
        )
        if row is None:
            return InviteCheck(InviteStatus.UNKNOWN)
        if row["used_at"] is not None:
            return InviteCheck(InviteStatus.USED)
        if row["expires_at"] <= self._clock.now():
            return InviteCheck(InviteStatus.EXPIRED)
        invite = OpenedInvite(
            id=row["id"],
            role=row["role"],
            practitioner_id=row["practitioner_id"],
            practitioner_name=row["practitioner_name"],
            expires_at=row["expires_at"],
            signature=consent_signature(row["code_hash"], row["id"], telegram_id),
        )
        roles = await self._roles(telegram_id)
        if invite.role == "client":
            if row["practitioner_active"] != 1:
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

    async def _roles(self, telegram_id: int) -> set[str]:
        row = await self._db.fetchone(
            "SELECT pr.person_id IS NOT NULL AS practitioner, c.person_id IS NOT NULL AS client"
            " FROM people p LEFT JOIN practitioners pr ON pr.person_id = p.id"
            " LEFT JOIN clients c ON c.person_id = p.id WHERE p.telegram_id = ?",
            (telegram_id,),
        )
        if row is None:
            return set()
        return {name for name in ("practitioner", "client") if row[name]}

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
            cursor = await conn.execute(
                "UPDATE invites SET used_at = ?, used_by = ?, pending_telegram_id = NULL"
                " WHERE id = ? AND used_at IS NULL",
                (now, person_id, check.invite.id),
            )
            if cursor.rowcount != 1:
                return InviteStatus.USED
            await conn.execute(
                "INSERT INTO practitioners (person_id, active, created_at) VALUES (?, 1, ?)"
                " ON CONFLICT (person_id) DO UPDATE SET active = 1",
                (person_id, now),
            )
        return InviteStatus.OK

    async def accept_client(self, invite_id: int, signature: str, profile: Profile) -> InviteStatus:
        """Record consent: create the client, link them, use the invite, tell the practitioner."""
        row = await self._db.fetchone(
            "SELECT i.role, i.practitioner_id, i.expires_at, i.used_at, i.code_hash,"
            " pr.active, p.chat_id, p.locale FROM invites i"
            " JOIN practitioners pr ON pr.person_id = i.practitioner_id"
            " JOIN people p ON p.id = i.practitioner_id WHERE i.id = ?",
            (invite_id,),
        )
        now = self._clock.now()
        if (
            row is None
            or row["role"] != "client"
            or not hmac.compare_digest(
                signature, consent_signature(row["code_hash"], invite_id, profile.telegram_id)
            )
        ):
            return InviteStatus.UNKNOWN
        if row["used_at"] is not None:
            return InviteStatus.USED
        if row["expires_at"] <= now:
            return InviteStatus.EXPIRED
        if row["active"] != 1:
            return InviteStatus.PRACTITIONER_INACTIVE
        roles = await self._roles(profile.telegram_id)
        if "client" in roles:
            return InviteStatus.ALREADY_CLIENT
        if "practitioner" in roles:
            return InviteStatus.ALREADY_PRACTITIONER
        t = self._i18n.get(row["locale"])
        notice = OutgoingMessage(
            t._(
                "🤝 {name} accepted your invitation and is now connected with you.",
                name=html.escape(profile.display_name, quote=False),
            )
        )
        async with self._db.transaction() as conn:
            person_id = await self._ensure_person(conn, profile)
            cursor = await conn.execute(
                "UPDATE invites SET used_at = ?, used_by = ? WHERE id = ? AND used_at IS NULL",
                (now, person_id, invite_id),
            )
            if cursor.rowcount != 1:
                return InviteStatus.USED
            await conn.execute(
                "INSERT INTO clients (person_id, practitioner_id, consented_at, created_at,"
                " consent_version) VALUES (?, ?, ?, ?, ?)",
                (person_id, row["practitioner_id"], now, now, CONSENT_VERSION),
            )
            await enqueue(
                conn,
                chat_id=row["chat_id"],
                kind="notice",
                message=notice,
                now=now,
                dedupe_key=f"client-joined:{person_id}",
            )
        return InviteStatus.OK

    async def _ensure_person(self, conn: aiosqlite.Connection, profile: Profile) -> int:
        rows = await conn.execute_fetchall(
            "SELECT id FROM people WHERE telegram_id = ?", (profile.telegram_id,)
        )
        existing = next(iter(rows), None)
        if existing is not None:
            return int(existing[0])
        return await insert_person(conn, profile, self._i18n, self._settings, self._clock)
