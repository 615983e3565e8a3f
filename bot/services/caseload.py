"""A practitioner's caseload: their own clients only, with status and details."""

from __future__ import annotations

from dataclasses import dataclass

from bot.clock import Clock, days
from bot.services.digests import ClientDigest, DigestService
from bot.storage import Database
from bot.text import checked, clean_user_text

__all__ = ["INACTIVE_AFTER_DAYS", "MAX_ALIAS", "CaseloadEntry", "CaseloadService"]

INACTIVE_AFTER_DAYS = 14
MAX_ALIAS = 64


@dataclass(frozen=True)
class CaseloadEntry:
    """One client in the caseload list."""

    number: int
    client_id: int
    name: str
    last_checkin: int | None
    paused: bool
    inactive: bool
    attention: ClientDigest


class CaseloadService:
    """Lists and describes a practitioner's own clients; refuses anyone else's."""

    def __init__(self, db: Database, clock: Clock, digests: DigestService) -> None:
        self._db = db
        self._clock = clock
        self._digests = digests

    async def entries(self, practitioner_id: int) -> list[CaseloadEntry]:
        """The practitioner's clients, numbered in name order, with their status."""
        now = self._clock.now()
        digest = await self._digests.build(practitioner_id, now - days(7), now)
        rows = await self._db.fetchall(
            "SELECT c.person_id, MAX(ch.started_at) AS last_checkin FROM clients c"
            " LEFT JOIN checkins ch ON ch.client_id = c.person_id"
            " WHERE c.practitioner_id = ? GROUP BY c.person_id",
            (practitioner_id,),
        )
        last = {row["person_id"]: row["last_checkin"] for row in rows}
        entries = []
        for number, item in enumerate(digest.clients, 1):
            seen = last.get(item.client_id)
            inactive = seen is None or now - seen > days(INACTIVE_AFTER_DAYS)
            entries.append(
                CaseloadEntry(number, item.client_id, item.name, seen, item.paused, inactive, item)
            )
        return entries

    async def owns(self, practitioner_id: int, client_id: int) -> bool:
        """Whether the client is this practitioner's."""
        found = await self._db.fetchval(
            "SELECT 1 FROM clients WHERE person_id = ? AND practitioner_id = ?",
            (client_id, practitioner_id),
        )
        return found is not None

    async def set_alias(self, practitioner_id: int, client_id: int, raw: str) -> str | None:
        """Set the name the practitioner uses for a client (empty clears it)."""
        alias = checked(" ".join(clean_user_text(raw).split()), MAX_ALIAS)
        changed = await self._db.execute(
            "UPDATE clients SET alias = ? WHERE person_id = ? AND practitioner_id = ?",
            (alias or None, client_id, practitioner_id),
        )
        return alias if changed else None

    async def recent_checkins(self, client_id: int, limit: int = 5) -> list[dict[str, object]]:
        """The client's latest check-ins with their ratings (shared notes only)."""
        rows = await self._db.fetchall(
            "SELECT id, started_at, wellbeing, CASE WHEN note_shared = 1 THEN note END AS note"
            " FROM checkins WHERE client_id = ? ORDER BY id DESC LIMIT ?",
            (client_id, limit),
        )
        result = []
        for row in rows:
            ratings = await self._db.fetchall(
                "SELECT g.text, r.value FROM ratings r JOIN goals g ON g.id = r.goal_id"
                " WHERE r.checkin_id = ? ORDER BY g.id",
                (row["id"],),
            )
            result.append(
                {
                    "id": row["id"],
                    "at": row["started_at"],
                    "wellbeing": row["wellbeing"],
                    "note": row["note"],
                    "ratings": [(r["text"], r["value"]) for r in ratings],
                }
            )
        return result

    async def shared_note(self, practitioner_id: int, checkin_id: int) -> str | None:
        """A shared note from one of the practitioner's own clients."""
        value = await self._db.fetchval(
            "SELECT ch.note FROM checkins ch JOIN clients c ON c.person_id = ch.client_id"
            " WHERE ch.id = ? AND c.practitioner_id = ? AND ch.note_shared = 1",
            (checkin_id, practitioner_id),
        )
        return None if value is None else str(value)
