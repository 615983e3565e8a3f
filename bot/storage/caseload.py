"""Practitioners and their clients: who has whom, moves between caseloads, what they see."""

from __future__ import annotations

from dataclasses import dataclass

from bot.storage.database import Connection, Database

__all__ = ["CaseloadRepository", "Move", "PractitionerEntry", "RecentCheckin"]


@dataclass(frozen=True)
class PractitionerEntry:
    """A practitioner as admins see them."""

    person_id: int
    name: str
    active: bool
    clients: int


@dataclass(frozen=True)
class Move:
    """A client about to move, with the chats of everyone who is told."""

    client_id: int
    client_chat: int
    from_practitioner: int
    from_chat: int
    to_practitioner: int
    to_chat: int
    to_active: bool


@dataclass(frozen=True)
class RecentCheckin:
    """A check-in as the practitioner sees it: the note only if the client shared it."""

    id: int
    at: int
    wellbeing: int | None
    note: str | None
    ratings: tuple[tuple[str, int | None], ...]  # (goal text, value or None if skipped)


class CaseloadRepository:
    """All SQL about practitioners and the clients in their care."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def practitioners(self) -> list[PractitionerEntry]:
        """Every practitioner with their client count, in name order."""
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

    async def is_active(self, practitioner_id: int) -> bool:
        """Whether the person is a practitioner who has not been deactivated."""
        value = await self._db.fetchval(
            "SELECT active FROM practitioners WHERE person_id = ?", (practitioner_id,)
        )
        return bool(value == 1)

    async def clients_in_list_order(self, practitioner_id: int) -> list[tuple[int, int]]:
        """``(client id, consented at)`` in the order of the practitioner's client list."""
        rows = await self._db.fetchall(
            "SELECT c.person_id, c.consented_at FROM clients c JOIN people p ON p.id = c.person_id"
            " WHERE c.practitioner_id = ? ORDER BY COALESCE(c.alias, p.display_name)",
            (practitioner_id,),
        )
        return [(int(row["person_id"]), int(row["consented_at"])) for row in rows]

    async def client_ids(self, conn: Connection, practitioner_id: int) -> list[int]:
        """The ids of a practitioner's clients, read inside the caller's transaction."""
        rows = await conn.execute_fetchall(
            "SELECT person_id FROM clients WHERE practitioner_id = ?", (practitioner_id,)
        )
        return [int(row[0]) for row in rows]

    async def move_of(self, conn: Connection, client_id: int, to_practitioner: int) -> Move | None:
        """Who a move of ``client_id`` to ``to_practitioner`` concerns; ``None`` if no such pair."""
        rows = await conn.execute_fetchall(
            "SELECT c.practitioner_id, me.chat_id, old.chat_id AS old_chat,"
            " new.chat_id AS new_chat, pr.active FROM clients c"
            " JOIN people me ON me.id = c.person_id"
            " JOIN people old ON old.id = c.practitioner_id"
            " JOIN people new ON new.id = ? JOIN practitioners pr ON pr.person_id = new.id"
            " WHERE c.person_id = ?",
            (to_practitioner, client_id),
        )
        row = next(iter(rows), None)
        if row is None:
            return None
        return Move(
            client_id=client_id,
            client_chat=row["chat_id"],
            from_practitioner=row["practitioner_id"],
            from_chat=row["old_chat"],
            to_practitioner=to_practitioner,
            to_chat=row["new_chat"],
            to_active=row["active"] == 1,
        )

    async def reassign(self, conn: Connection, client_id: int, to_practitioner: int) -> None:
        """Give the client to another practitioner; the old one's name for them goes."""
        await conn.execute(
            "UPDATE clients SET practitioner_id = ?, alias = NULL WHERE person_id = ?",
            (to_practitioner, client_id),
        )

    async def deactivate(self, conn: Connection, practitioner_id: int) -> None:
        """Mark a practitioner inactive and stop their digests."""
        await conn.execute(
            "UPDATE practitioners SET active = 0, next_digest_at = NULL WHERE person_id = ?",
            (practitioner_id,),
        )

    async def last_checkins(self, practitioner_id: int) -> dict[int, int | None]:
        """When each of the practitioner's clients last started a check-in (``None``: never)."""
        rows = await self._db.fetchall(
            "SELECT c.person_id, MAX(ch.started_at) AS last_checkin FROM clients c"
            " LEFT JOIN checkins ch ON ch.client_id = c.person_id"
            " WHERE c.practitioner_id = ? GROUP BY c.person_id",
            (practitioner_id,),
        )
        return {int(row["person_id"]): row["last_checkin"] for row in rows}

    async def owns(self, practitioner_id: int, client_id: int) -> bool:
        """Whether the client is this practitioner's."""
        found = await self._db.fetchval(
            "SELECT 1 FROM clients WHERE person_id = ? AND practitioner_id = ?",
            (client_id, practitioner_id),
        )
        return found is not None

    async def set_alias(self, practitioner_id: int, client_id: int, alias: str | None) -> bool:
        """Set (or with ``None`` clear) the practitioner's name for a client of theirs."""
        changed = await self._db.execute(
            "UPDATE clients SET alias = ? WHERE person_id = ? AND practitioner_id = ?",
            (alias, client_id, practitioner_id),
        )
        return changed > 0

    async def recent_checkins(self, client_id: int, limit: int) -> list[RecentCheckin]:
        """The client's latest check-ins, newest first, with their ratings in goal order."""
        rows = await self._db.fetchall(
            "SELECT id, started_at, wellbeing, CASE WHEN note_shared = 1 THEN note END AS note"
            " FROM checkins WHERE client_id = ? ORDER BY id DESC LIMIT ?",
            (client_id, limit),
        )
        ratings: dict[int, list[tuple[str, int | None]]] = {int(row["id"]): [] for row in rows}
        if ratings:
            marks = ", ".join("?" for _ in ratings)
            found = await self._db.fetchall(
                "SELECT r.checkin_id, g.text, r.value FROM ratings r"
                f" JOIN goals g ON g.id = r.goal_id WHERE r.checkin_id IN ({marks})"
                " ORDER BY r.checkin_id, g.id",
                tuple(ratings),
            )
            for rating in found:
                ratings[int(rating["checkin_id"])].append((rating["text"], rating["value"]))
        return [
            RecentCheckin(
                id=int(row["id"]),
                at=int(row["started_at"]),
                wellbeing=row["wellbeing"],
                note=row["note"],
                ratings=tuple(ratings[int(row["id"])]),
            )
            for row in rows
        ]

    async def shared_note(self, practitioner_id: int, checkin_id: int) -> str | None:
        """A note a client of this practitioner shared, or ``None``."""
        value = await self._db.fetchval(
            "SELECT ch.note FROM checkins ch JOIN clients c ON c.person_id = ch.client_id"
            " WHERE ch.id = ? AND c.practitioner_id = ? AND ch.note_shared = 1",
            (checkin_id, practitioner_id),
        )
        return None if value is None else str(value)
