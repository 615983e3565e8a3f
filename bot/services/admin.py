"""Admin work: practitioners, reassignment, unreachable chats and aggregate figures."""

from __future__ import annotations

from dataclasses import dataclass

from bot.clock import Clock, days
from bot.i18n import I18n
from bot.services.outbox import OutgoingMessage, enqueue
from bot.storage import Connection, Database
from bot.storage.admin import AdminRepository, UnreachableChat
from bot.storage.caseload import CaseloadRepository, PractitionerEntry

__all__ = ["AdminService", "PractitionerEntry", "Stats", "UnreachableChat"]


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
        self._repo = AdminRepository(db)
        self._caseload = CaseloadRepository(db)
        self._db = db
        self._clock = clock
        self._i18n = i18n

    async def practitioners(self) -> list[PractitionerEntry]:
        """Every practitioner with their client count."""
        return await self._caseload.practitioners()

    async def clients_of(self, practitioner_id: int) -> list[tuple[int, int]]:
        """``(client id, joined at)`` of a practitioner's clients, for reassignment.

        In the order of the practitioner's /clients list, so "number 3" means the same client
        to both; admins never see clients' names.
        """
        return await self._caseload.clients_in_list_order(practitioner_id)

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
        if not await self._caseload.is_active(reassign_to):
            return None
        moved = 0
        async with self._db.transaction() as conn:
            for client_id in await self._caseload.client_ids(conn, practitioner_id):
                moved += int(await self._move(conn, client_id, reassign_to))
            await self._caseload.deactivate(conn, practitioner_id)
        return moved

    async def _move(self, conn: Connection, client_id: int, to_practitioner: int) -> bool:
        """Move a client inside the caller's transaction and queue the three notices."""
        move = await self._caseload.move_of(conn, client_id, to_practitioner)
        if move is None or not move.to_active or move.from_practitioner == to_practitioner:
            return False
        now = self._clock.now()
        await self._caseload.reassign(conn, client_id, to_practitioner)
        args = {"client_id": client_id, "from_id": move.from_practitioner, "to_id": to_practitioner}
        for chat_id, view in (  # rendered by handlers/views/admin.py
            (move.client_chat, "moved_client"),
            (move.from_chat, "moved_away"),
            (move.to_chat, "moved_in"),
        ):
            await enqueue(conn, chat_id=chat_id, kind="notice", now=now, about=client_id,
                          message=OutgoingMessage(view=view, args=args))  # fmt: skip
        return True

    async def unreachable(self) -> list[UnreachableChat]:
        """Chats that blocked the bot: practitioners by name, clients only as "a client of"."""
        return await self._repo.unreachable()

    async def stats(self) -> Stats:
        """Counts only: no names, no words."""
        now = self._clock.now()
        week = days(7)
        counts = await self._repo.counts(now - week, now - 4 * week)
        return Stats(
            clients=counts.clients,
            active_7d=counts.active_clients,
            checkins_per_week=round(counts.completed_checkins / 4, 1),
            open_requests=counts.open_requests,
            unreachable=counts.unreachable,
            practitioners=counts.active_practitioners,
        )
