"""A practitioner's caseload: their own clients only, with status and details."""

from __future__ import annotations

from dataclasses import dataclass

from bot.clock import Clock, days
from bot.services.digests import ClientDigest, DigestService
from bot.storage import Database
from bot.storage.caseload import CaseloadRepository
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
        self._repo = CaseloadRepository(db)
        self._clock = clock
        self._digests = digests

    async def entries(self, practitioner_id: int) -> list[CaseloadEntry]:
        """The practitioner's clients, numbered in name order, with their status."""
        now = self._clock.now()
        digest = await self._digests.build(practitioner_id, now - days(7), now)
        last = await self._repo.last_checkins(practitioner_id)
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
        return await self._repo.owns(practitioner_id, client_id)

    async def set_alias(self, practitioner_id: int, client_id: int, raw: str) -> str | None:
        """Set the name the practitioner uses for a client (empty clears it)."""
        alias = checked(" ".join(clean_user_text(raw).split()), MAX_ALIAS)
        changed = await self._repo.set_alias(practitioner_id, client_id, alias or None)
        return alias if changed else None

    async def recent_checkins(self, client_id: int, limit: int = 5) -> list[dict[str, object]]:
        """The client's latest check-ins with their ratings (shared notes only)."""
        return [
            {
                "id": checkin.id,
                "at": checkin.at,
                "wellbeing": checkin.wellbeing,
                "note": checkin.note,
                "ratings": list(checkin.ratings),
            }
            for checkin in await self._repo.recent_checkins(client_id, limit)
        ]

    async def shared_note(self, practitioner_id: int, checkin_id: int) -> str | None:
        """A shared note from one of the practitioner's own clients."""
        return await self._repo.shared_note(practitioner_id, checkin_id)
