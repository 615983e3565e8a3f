"""The audit trail: who looked at a client's data or changed something, and when (no content)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.storage.database import Database

__all__ = ["AuditEntry", "AuditLog"]


@dataclass(frozen=True)
class AuditEntry:
    """One recorded action: ids and a short action name, never what anybody wrote."""

    at: int
    actor_id: int | None  # a person id; None for the on-call chat or the command line
    role: str
    action: str
    subject_id: int | None


class AuditLog:
    """Appends to and reads the ``audit`` table."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def record(
        self, now: int, actor_id: int | None, role: str, action: str, subject_id: int | None = None
    ) -> None:
        """Record one action."""
        await self._db.execute(
            "INSERT INTO audit (at, actor_id, role, action, subject_id) VALUES (?, ?, ?, ?, ?)",
            (now, actor_id, role, action, subject_id),
        )

    async def entries(self, person: int | None = None, since: int = 0) -> list[AuditEntry]:
        """Entries since ``since``, oldest first; with ``person``, those by or about them."""
        sql = "SELECT at, actor_id, role, action, subject_id FROM audit WHERE at >= ?"
        params: list[int] = [since]
        if person is not None:
            sql += " AND (actor_id = ? OR subject_id = ?)"
            params += [person, person]
        rows = await self._db.fetchall(sql + " ORDER BY at, id", params)
        return [
            AuditEntry(r["at"], r["actor_id"], r["role"], r["action"], r["subject_id"])
            for r in rows
        ]
