"""The practitioner's side of the week: messages and topics that wait for the digest, honest
reply times for clients, session prep before each session, and cover while away."""

from __future__ import annotations

from dataclasses import dataclass

from bot.clock import Clock
from bot.services.digests import DigestService, off_until
from bot.services.outbox import OutgoingMessage, enqueue
from bot.storage import Database
from bot.storage.practice import PracticeRepository, Session, StoredMessage
from bot.storage.safety import SafetyRepository
from bot.text import checked, clean_user_text

__all__ = ["MAX_MESSAGE_LENGTH", "Cover", "Expectation", "PracticeService"]

MAX_MESSAGE_LENGTH = 4000  # as a check-in note: a whole Telegram message


@dataclass(frozen=True)
class Cover:
    """Someone covering for a practitioner who is away."""

    practitioner_id: int
    name: str
    until: int


@dataclass(frozen=True)
class Expectation:
    """What a client may honestly expect after writing to their practitioner."""

    practitioner_name: str
    reply_days: int
    cover: Cover | None


class PracticeService:
    """Messages and topics, session prep, away mode; every method names who acts."""

    def __init__(self, db: Database, clock: Clock, digests: DigestService) -> None:
        self._db = db
        self._clock = clock
        self._digests = digests
        self.repo = PracticeRepository(db)
        self._people = SafetyRepository(db)

    async def cover(self, practitioner_id: int) -> Cover | None:
        """Who covers for this practitioner now, if they are away with cover."""
        settings = await self._digests.settings(practitioner_id)
        now = self._clock.now()
        if settings.away_until is None or settings.away_until <= now or settings.cover_id is None:
            return None
        names = await self.repo.practitioner_names([settings.cover_id])
        return Cover(settings.cover_id, names.get(settings.cover_id, ""), settings.away_until)

    async def expectation(self, client_id: int) -> Expectation | None:
        """Who reads a client's words and how soon they usually reply (``None``: no client)."""
        contact = await self._people.contact(client_id)
        if contact is None:
            return None
        settings = await self._digests.settings(contact.practitioner_id)
        return Expectation(
            contact.practitioner_name,
            settings.reply_days,
            await self.cover(contact.practitioner_id),
        )

    async def send(self, client_id: int, kind: str, raw: str) -> Expectation | None:
        """Keep a message for the practitioner or a topic for next time; both wait for the digest.

        Text over :data:`MAX_MESSAGE_LENGTH` is refused whole (``TooLongError``), never cut.
        """
        if kind not in ("message", "topic"):
            raise ValueError(kind)
        text = checked(clean_user_text(raw), MAX_MESSAGE_LENGTH)
        if not text:
            return None
        await self.repo.add_message(client_id, kind, text, self._clock.now())
        return await self.expectation(client_id)

    async def open_messages(self, client_id: int) -> list[StoredMessage]:
        """A client's messages and topics not cleared yet."""
        return await self.repo.open_messages(client_id)

    async def clear(self, practitioner_id: int, message_id: int) -> bool:
        """Clear a message or topic of one's own client."""
        return await self.repo.clear_message(practitioner_id, message_id, self._clock.now())

    async def colleagues(self, practitioner_id: int) -> list[tuple[int, str]]:
        """Other active practitioners who could cover, by name."""
        return await self.repo.colleagues(practitioner_id)

    async def set_away(self, practitioner_id: int, until: int | None, cover_id: int | None) -> bool:
        """Away until ``until`` (``None``: back now), covered by another active practitioner."""
        now = self._clock.now()
        if until is not None and until <= now:
            return False
        if cover_id is not None:
            if cover_id == practitioner_id:
                return False
            if cover_id not in {
                person for person, _ in await self.repo.colleagues(practitioner_id)
            }:
                return False
        await self.repo.set_away(practitioner_id, until, cover_id)
        await self._digests.reschedule(practitioner_id)
        return True

    async def set_session(self, practitioner_id: int, client_id: int, at: int) -> Session | None:
        """Set the next session with one's own client; prep goes before it (``None``: refused).

        The prep comes ``prep_minutes`` before (default 60) if that falls in working hours,
        else at the end of the working day before.
        """
        contact = await self._people.contact(client_id)
        now = self._clock.now()
        if contact is None or contact.practitioner_id != practitioner_id or at <= now:
            return None
        settings = await self._digests.settings(practitioner_id)
        prep_at = at - settings.prep_minutes * 60
        if off_until(settings, prep_at) is not None and settings.quiet_start:
            prep_at = _evening_before(settings.quiet_start, settings.timezone, at)
        previous = await self.repo.session(client_id)
        last = previous.at if previous is not None and previous.at <= now else None
        async with self._db.transaction() as conn:
            await self.repo.set_session(conn, client_id, at, max(prep_at, now), last)
        return await self.repo.session(client_id)

    async def session(self, client_id: int) -> Session | None:
        """The next session set with a client."""
        return await self.repo.session(client_id)

    async def send_due_preps(self) -> int:
        """Queue the prep of every session whose time has come (the tick)."""
        count = 0
        for session in await self.repo.due_preps(self._clock.now()):
            async with self._db.transaction() as conn:
                if not await self.repo.prep_sent(conn, session.client_id):
                    continue
                await self.queue_prep(conn, session)
            count += 1
        return count

    async def queue_prep(self, conn: object, session: Session) -> None:
        """Queue one session's prep to whoever reads the practitioner's news now."""
        settings = await self._digests.settings(session.practitioner_id)
        cover = await self.cover(session.practitioner_id)
        reader = await self._digests.settings(cover.practitioner_id) if cover else settings
        await enqueue(
            conn,  # type: ignore[arg-type]
            chat_id=reader.chat_id,
            kind="prep",
            message=OutgoingMessage(
                view="session_prep",
                args={"client_id": session.client_id, "reader_id": reader.person_id},
            ),
            now=self._clock.now(),
            dedupe_key=f"prep:{session.client_id}:{session.at}",
            about=session.client_id,
        )


def _evening_before(working_end: str, timezone: str, at: int) -> int:
    """Half an hour before the working day ends, the day before ``at``."""
    from datetime import UTC, datetime, timedelta
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(timezone)
    day_before = datetime.fromtimestamp(at, UTC).astimezone(zone).date() - timedelta(days=1)
    hours, minutes = (int(part) for part in working_end.split(":"))
    end = datetime(day_before.year, day_before.month, day_before.day, hours, minutes, tzinfo=zone)
    return int((end - timedelta(minutes=30)).timestamp())
