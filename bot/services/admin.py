"""Admin work: practitioners, reassignment, unreachable chats and aggregate figures."""

from __future__ import annotations

from dataclasses import dataclass

import aiosqlite

from bot.clock import Clock, days
from bot.i18n import N_, I18n
from bot.services.outbox import OutgoingMessage, enqueue
from bot.storage import Database
from bot.text import esc

__all__ = ["AdminService", "PractitionerEntry", "Stats", "UnreachableChat"]


@dataclass(frozen=True)
class PractitionerEntry:
    """A practitioner as admins see them."""

    person_id: int
    name: str
    active: bool
    clients: int


@dataclass(frozen=True)
class UnreachableChat:
    """A chat that blocked the bot."""

    chat_id: int
    name: str | None
    role: str | None
    since: int


@dataclass(frozen=True)
class Stats:
    """Aggregate, non-identifying figures."""

    clients: int
    active_7d: int
    checkins_per_week: float
    open_requests: int
    unreachable: int
    practitioners: int


class AdminService:
    """What admins may see and change; never any client's words."""

    def __init__(self, db: Database, clock: Clock, i18n: I18n) -> None:
        self._db = db
        self._clock = clock
        self._i18n = i18n

    async def practitioners(self) -> list[PractitionerEntry]:
        """Every practitioner with their client count."""
        rows = await self._db.fetchall(
            "SELECT pr.person_id, p.display_name, pr.active, COUNT(c.person_id) AS clients"
            " FROM practitioners pr JOIN people p ON p.id = pr.person_id"
            " LEFT JOIN clients c ON c.practitioner_id = pr.person_id"
            " GROUP BY pr.person_id, p.display_name, pr.active ORDER BY p.display_name"
        )
        return [
            PractitionerEntry(r["person_id"], r["display_name"], bool(r["active"]), r["clients"])
            for r in rows
        ]

    async def clients_of(self, practitioner_id: int) -> list[tuple[int, int]]:
        """``(client id, joined at)`` of a practitioner's clients, for reassignment.

        In the order of the practitioner's /clients list, so "number 3" means the same client
        to both; admins never see clients' names.
        """
        rows = await self._db.fetchall(
            "SELECT c.person_id, c.consented_at FROM clients c JOIN people p ON p.id = c.person_id"
            " WHERE c.practitioner_id = ? ORDER BY COALESCE(c.alias, p.display_name)",
            (practitioner_id,),
        )
        return [(row["person_id"], row["consented_at"]) for row in rows]

    async def reassign(self, client_id: int, to_practitioner: int) -> bool:
        """Move one client; both practitioners and the client are told."""
        async with self._db.transaction() as conn:
            return await self._move(conn, client_id, to_practitioner)

    async def deactivate(self, practitioner_id: int, reassign_to: int) -> int | None:
        """Deactivate a practitioner and move all their clients in the same step.

        Returns how many clients moved, or ``None`` if the target is not another active
        practitioner.
        """
        if practitioner_id == reassign_to:
            return None
        target = await self._db.fetchval(
            "SELECT active FROM practitioners WHERE person_id = ?", (reassign_to,)
        )
        if target != 1:
            return None
        moved = 0
        async with self._db.transaction() as conn:
            rows = await conn.execute_fetchall(
                "SELECT person_id FROM clients WHERE practitioner_id = ?", (practitioner_id,)
            )
            for (client_id,) in list(rows):
                moved += int(await self._move(conn, client_id, reassign_to))
            await conn.execute(
                "UPDATE practitioners SET active = 0, next_digest_at = NULL WHERE person_id = ?",
                (practitioner_id,),
            )
        return moved

    async def _move(self, conn: aiosqlite.Connection, client_id: int, to_practitioner: int) -> bool:
        rows = list(
            await conn.execute_fetchall(
                "SELECT c.practitioner_id, me.display_name, me.chat_id, me.locale,"
                " old.display_name AS old_name, old.chat_id AS old_chat, old.locale AS old_locale,"
                " new.display_name AS new_name, new.chat_id AS new_chat, new.locale AS new_locale,"
                " pr.active FROM clients c JOIN people me ON me.id = c.person_id"
                " JOIN people old ON old.id = c.practitioner_id"
                " JOIN people new ON new.id = ? JOIN practitioners pr ON pr.person_id = new.id"
                " WHERE c.person_id = ?",
                (to_practitioner, client_id),
            )
        )
        if not rows or rows[0]["active"] != 1 or rows[0]["practitioner_id"] == to_practitioner:
            return False
        row = rows[0]
        now = self._clock.now()
        await conn.execute(
            "UPDATE clients SET practitioner_id = ?, alias = NULL WHERE person_id = ?",
            (to_practitioner, client_id),
        )
        client, old, new = esc(row["display_name"]), esc(row["old_name"]), esc(row["new_name"])
        notes = [
            (row["chat_id"], row["locale"],
             N_("Your practitioner is now {new}. Everything you shared so far stays with you and "
                "is now visible to {new} in the same way."), {"new": new}),
            (row["old_chat"], row["old_locale"],
             N_("{client} has been moved to {new}'s caseload by an administrator."),
             {"client": client, "new": new}),
            (row["new_chat"], row["new_locale"],
             N_("{client} has joined your caseload (moved from {old} by an administrator)."),
             {"client": client, "old": old}),
        ]  # fmt: skip
        for chat_id, locale, template, values in notes:
            t = self._i18n.get(locale)
            await enqueue(conn, chat_id=chat_id, kind="notice", now=now,
                          message=OutgoingMessage(t._(template, **values)))  # fmt: skip
        return True

    async def unreachable(self) -> list[UnreachableChat]:
        """Chats that blocked the bot: practitioners by name, clients only as "a client of"."""
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

    async def stats(self) -> Stats:
        """Counts only: no names, no words."""
        now = self._clock.now()
        week = days(7)
        clients = await self._db.fetchval("SELECT COUNT(*) FROM clients")
        active = await self._db.fetchval(
            "SELECT COUNT(DISTINCT client_id) FROM checkins WHERE started_at >= ?", (now - week,)
        )
        last_4_weeks = await self._db.fetchval(
            "SELECT COUNT(*) FROM checkins WHERE completed_at IS NOT NULL AND started_at >= ?",
            (now - 4 * week,),
        )
        open_requests = await self._db.fetchval(
            "SELECT COUNT(*) FROM requests WHERE status = 'open'"
        )
        unreachable = await self._db.fetchval("SELECT COUNT(*) FROM unreachable_chats")
        practitioners = await self._db.fetchval(
            "SELECT COUNT(*) FROM practitioners WHERE active = 1"
        )
        return Stats(
            clients=int(clients or 0),
            active_7d=int(active or 0),
            checkins_per_week=round(int(last_4_weeks or 0) / 4, 1),
            open_requests=int(open_requests or 0),
            unreachable=int(unreachable or 0),
            practitioners=int(practitioners or 0),
        )
