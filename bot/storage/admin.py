"""What admins see besides caseloads: chats that blocked the bot and aggregate counts."""

from __future__ import annotations

from dataclasses import dataclass

from bot.storage.database import Database

__all__ = ["AdminRepository", "Counts", "UnreachableChat"]


@dataclass(frozen=True)
class UnreachableChat:
    """A chat that blocked the bot."""

    chat_id: int
    name: str | None
    role: str | None
    since: int


@dataclass(frozen=True)
class Counts:
    """Aggregate, non-identifying counts."""

    clients: int
    active_clients: int  # clients who started a check-in in the period asked about
    completed_checkins: int  # check-ins finished that started in the longer period asked about
    open_requests: int
    unreachable: int
    active_practitioners: int


class AdminRepository:
    """All SQL of the admin overview: blocked chats and counts, never anyone's words."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def unreachable(self) -> list[UnreachableChat]:
        """Blocked chats, oldest first: a practitioner's own name, a client's practitioner's."""
        rows = await self._db.fetchall(
            "SELECT u.chat_id, u.since,"
            " CASE WHEN c.person_id IS NOT NULL THEN cp.display_name ELSE p.display_name END"
            " AS display_name,"
            " CASE WHEN c.person_id IS NOT NULL THEN 'client'"
            " WHEN pr.person_id IS NOT NULL THEN 'practitioner' END AS role"
            " FROM unreachable_chats u LEFT JOIN people p ON p.chat_id = u.chat_id"
            " LEFT JOIN clients c ON c.person_id = p.id"
            " LEFT JOIN people cp ON cp.id = c.practitioner_id"
            " LEFT JOIN practitioners pr ON pr.person_id = p.id ORDER BY u.since"
        )
        return [
            UnreachableChat(r["chat_id"], r["display_name"], r["role"], r["since"]) for r in rows
        ]

    async def counts(self, active_since: int, completed_since: int) -> Counts:
        """Counts only: clients, activity since ``active_since``, check-ins since the other."""
        clients = await self._db.fetchval("SELECT COUNT(*) FROM clients")
        active = await self._db.fetchval(
            "SELECT COUNT(DISTINCT client_id) FROM checkins WHERE started_at >= ?",
            (active_since,),
        )
        completed = await self._db.fetchval(
            "SELECT COUNT(*) FROM checkins WHERE completed_at IS NOT NULL AND started_at >= ?",
            (completed_since,),
        )
        open_requests = await self._db.fetchval(
            "SELECT COUNT(*) FROM requests WHERE status = 'open'"
        )
        unreachable = await self._db.fetchval("SELECT COUNT(*) FROM unreachable_chats")
        practitioners = await self._db.fetchval(
            "SELECT COUNT(*) FROM practitioners WHERE active = 1"
        )
        return Counts(
            clients=int(clients or 0),
            active_clients=int(active or 0),
            completed_checkins=int(completed or 0),
            open_requests=int(open_requests or 0),
            unreachable=int(unreachable or 0),
            active_practitioners=int(practitioners or 0),
        )
