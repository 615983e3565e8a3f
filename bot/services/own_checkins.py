"""The practitioner's own weekly check-in (optional, off by default).

Two questions once a week, on the last working day an hour before work ends: how full is your
tank (0-10), and one thing you will do for yourself this week. The answers are the
practitioner's alone: no other person, report or count reads them, and they can erase them.
"""

from __future__ import annotations

from bot.clock import Clock
from bot.services.digests import DigestService
from bot.services.outbox import OutgoingMessage, enqueue
from bot.services.reminders import next_occurrence
from bot.storage import Database
from bot.storage.digests import PractitionerSettings
from bot.storage.own_checkins import OwnCheckin, OwnCheckinRepository
from bot.text import checked, clean_user_text

__all__ = ["MAX_ONE_THING", "OwnCheckin", "OwnCheckinService", "own_schedule"]

MAX_ONE_THING = 500
_DEFAULT_AT = "17:00"


def own_schedule(settings: PractitionerSettings) -> tuple[int, str]:
    """The weekday (0 = Monday) and local time of the weekly check-in: the last working day,
    an hour before working hours end (Friday 17:00 without working hours)."""
    day = max(settings.work_days) if settings.work_days else 4
    if settings.quiet_start:
        hours, minutes = (int(part) for part in settings.quiet_start.split(":"))
        total = (hours * 60 + minutes - 60) % (24 * 60)
        return day, f"{total // 60:02d}:{total % 60:02d}"
    return day, _DEFAULT_AT


class OwnCheckinService:
    """Every method acts for the practitioner it names, on their own rows only."""

    def __init__(self, db: Database, clock: Clock, digests: DigestService) -> None:
        self._db = db
        self._clock = clock
        self._digests = digests
        self.repo = OwnCheckinRepository(db)

    async def next_at(self, practitioner_id: int) -> int | None:
        """When the next one comes (``None``: off)."""
        return await self.repo.next_at(practitioner_id)

    @staticmethod
    def _following(settings: PractitionerSettings, after: int) -> int | None:
        day, at = own_schedule(settings)
        return next_occurrence(frozenset({day}), at, settings.timezone, after)

    async def turn_on(self, practitioner_id: int) -> int | None:
        """Weekly from now on; when the first one comes."""
        settings = await self._digests.settings(practitioner_id)
        at = self._following(settings, self._clock.now())
        await self.repo.set_next(practitioner_id, at)
        return at

    async def turn_off(self, practitioner_id: int) -> None:
        """No more weekly questions (what was answered stays until they erase it)."""
        await self.repo.set_next(practitioner_id, None)

    async def reschedule(self, practitioner_id: int) -> None:
        """After working hours or days changed: the next one follows them (if on)."""
        if await self.repo.next_at(practitioner_id) is not None:
            await self.turn_on(practitioner_id)

    async def start(self, practitioner_id: int) -> int:
        """A check-in now, on demand; its id."""
        async with self._db.transaction() as conn:
            return await self.repo.start(conn, practitioner_id, self._clock.now())

    async def send_due(self) -> int:
        """Queue every weekly check-in that is due (the tick); how many."""
        now = self._clock.now()
        count = 0
        for practitioner_id in await self.repo.due(now):
            settings = await self._digests.settings(practitioner_id)
            following = self._following(settings, now)
            async with self._db.transaction() as conn:
                checkin_id = await self.repo.start(conn, practitioner_id, now)
                await enqueue(
                    conn,
                    chat_id=settings.chat_id,
                    kind="own_checkin",
                    message=OutgoingMessage(
                        view="own_checkin",
                        args={"practitioner_id": practitioner_id, "checkin_id": checkin_id},
                    ),
                    now=now,
                    dedupe_key=f"own_checkin:{practitioner_id}:{checkin_id}",
                )
                await self.repo.set_next(practitioner_id, following, conn)
            count += 1
        return count

    async def get(self, practitioner_id: int, checkin_id: int) -> OwnCheckin | None:
        """One of their own check-ins."""
        return await self.repo.get(practitioner_id, checkin_id)

    async def answer_tank(self, practitioner_id: int, checkin_id: int, value: int | None) -> bool:
        """How full the tank is (``None``: skipped)."""
        if value is not None and not 0 <= value <= 10:
            return False
        return await self.repo.answer_tank(practitioner_id, checkin_id, self._clock.now(), value)

    async def answer_thing(self, practitioner_id: int, checkin_id: int, raw: str) -> bool:
        """One thing for themselves this week; over :data:`MAX_ONE_THING` is refused whole."""
        text = checked(clean_user_text(raw), MAX_ONE_THING)
        if not text:
            return False
        return await self.repo.answer_thing(practitioner_id, checkin_id, self._clock.now(), text)

    async def history(self, practitioner_id: int) -> list[OwnCheckin]:
        """Their answered check-ins, oldest first."""
        return await self.repo.history(practitioner_id)

    async def erase(self, practitioner_id: int) -> int:
        """Forget every own check-in of theirs; how many."""
        return await self.repo.erase(practitioner_id)
