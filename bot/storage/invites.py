"""Single-use invites, stored by the hash of their code."""

from __future__ import annotations

from dataclasses import dataclass

from bot.storage.database import Connection, Database

__all__ = ["ConsentInvite", "InviteRecord", "InviteRepository"]


@dataclass(frozen=True)
class InviteRecord:
    """An invite as found by its code, with its practitioner (client invites only)."""

    id: int
    role: str
    practitioner_id: int | None
    expires_at: int
    used_at: int | None
    code_hash: str
    practitioner_name: str | None
    practitioner_active: bool


@dataclass(frozen=True)
class ConsentInvite:
    """A client invite being accepted, with where its practitioner is told."""

    role: str
    practitioner_id: int
    expires_at: int
    used_at: int | None
    code_hash: str
    practitioner_active: bool
    practitioner_chat_id: int


class InviteRepository:
    """All SQL about invites."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def insert(
        self,
        code_hash: str,
        role: str,
        created_by: int,
        practitioner_id: int | None,
        now: int,
        expires_at: int,
    ) -> None:
        """Store a new invite."""
        await self._db.execute(
            "INSERT INTO invites (code_hash, role, created_by, practitioner_id, created_at,"
            " expires_at) VALUES (?, ?, ?, ?, ?, ?)",
            (code_hash, role, created_by, practitioner_id, now, expires_at),
        )

    async def by_code_hash(self, code_hash: str) -> InviteRecord | None:
        """The invite with this code hash, or ``None``."""
        row = await self._db.fetchone(
            "SELECT i.id, i.role, i.practitioner_id, i.expires_at, i.used_at, i.code_hash,"
            " p.display_name AS practitioner_name, pr.active AS practitioner_active"
            " FROM invites i"
            " LEFT JOIN practitioners pr ON pr.person_id = i.practitioner_id"
            " LEFT JOIN people p ON p.id = i.practitioner_id"
            " WHERE i.code_hash = ?",
            (code_hash,),
        )
        if row is None:
            return None
        return InviteRecord(
            id=row["id"],
            role=row["role"],
            practitioner_id=row["practitioner_id"],
            expires_at=row["expires_at"],
            used_at=row["used_at"],
            code_hash=row["code_hash"],
            practitioner_name=row["practitioner_name"],
            practitioner_active=row["practitioner_active"] == 1,
        )

    async def for_consent(self, invite_id: int) -> ConsentInvite | None:
        """An invite with a practitioner, by id; ``None`` if there is none."""
        row = await self._db.fetchone(
            "SELECT i.role, i.practitioner_id, i.expires_at, i.used_at, i.code_hash,"
            " pr.active, p.chat_id FROM invites i"
            " JOIN practitioners pr ON pr.person_id = i.practitioner_id"
            " JOIN people p ON p.id = i.practitioner_id WHERE i.id = ?",
            (invite_id,),
        )
        if row is None:
            return None
        return ConsentInvite(
            role=row["role"],
            practitioner_id=row["practitioner_id"],
            expires_at=row["expires_at"],
            used_at=row["used_at"],
            code_hash=row["code_hash"],
            practitioner_active=row["active"] == 1,
            practitioner_chat_id=row["chat_id"],
        )

    async def use(self, conn: Connection, invite_id: int, person_id: int, now: int) -> bool:
        """Mark the invite used by ``person_id``; ``False`` if someone used it first."""
        cursor = await conn.execute(
            "UPDATE invites SET used_at = ?, used_by = ?, pending_telegram_id = NULL"
            " WHERE id = ? AND used_at IS NULL",
            (now, person_id, invite_id),
        )
        return cursor.rowcount == 1
