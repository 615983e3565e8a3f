"""Practitioners' digests: what happened since the last one, who may need attention first."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from bot.clock import Clock
from bot.i18n import I18n
from bot.services.outbox import OutgoingMessage, enqueue
from bot.services.reminders import next_occurrence, parse_days, parse_time
from bot.storage import Database
from bot.storage.digests import (
    SETTING_COLUMNS,
    CaseloadClient,
    ClientMessage,
    DigestCheckin,
    DigestRating,
    DigestRepository,
    Notice,
    PractitionerSettings,
)

__all__ = [
    "LOW_WELLBEING",
    "ClientDigest",
    "Digest",
    "DigestService",
    "GoalLine",
    "PractitionerSettings",
    "allowed_silence_days",
    "off_until",
    "quiet_until",
    "recipient",
    "sparkline",
]

LOW_WELLBEING = 3
DROP = 2
_BARS = "▁▂▃▄▅▆▇█"


def sparkline(values: list[int]) -> str:
    """Draw 0-10 values as a small bar chart of block characters."""
    top = len(_BARS) - 1
    return "".join(_BARS[min(top, max(0, int(value * top / 10 + 0.5)))] for value in values)


def allowed_silence_days(days: frozenset[int]) -> int | None:
    """The longest gap the schedule implies between check-ins, plus one day of grace."""
    if not days:
        return None
    ordered = sorted(days)
    gaps = [(ordered[(i + 1) % len(ordered)] - day) % 7 or 7 for i, day in enumerate(ordered)]
    return max(gaps) + 1


def _minutes(at: str) -> int:
    hours, minutes = at.split(":")
    return int(hours) * 60 + int(minutes)


def quiet_until(start: str | None, end: str | None, timezone: str, now: int) -> int | None:
    """If ``now`` falls in the quiet hours, return when they end; else ``None``."""
    if not start or not end or start == end:
        return None
    local = datetime.fromtimestamp(now, UTC).astimezone(ZoneInfo(timezone))
    minute = local.hour * 60 + local.minute
    begin, finish = _minutes(start), _minutes(end)
    inside = begin <= minute < finish if begin < finish else minute >= begin or minute < finish
    if not inside:
        return None
    return next_occurrence(frozenset(range(7)), end, timezone, now)


def off_until(settings: PractitionerSettings, now: int) -> int | None:
    """If ``now`` is outside the practitioner's working hours and days, when they start again.

    Working hours are the complement of the quiet hours, on the working days; with no quiet
    hours a working day is all day. Only safety reaches a practitioner outside them.
    """
    days = settings.work_days or frozenset(range(7))
    local = datetime.fromtimestamp(now, UTC).astimezone(ZoneInfo(settings.timezone))
    quiet = quiet_until(settings.quiet_start, settings.quiet_end, settings.timezone, now)
    if local.weekday() in days and quiet is None:
        return None
    start = settings.quiet_end if settings.quiet_start and settings.quiet_end else "00:00"
    return next_occurrence(days, start, settings.timezone, now)


def recipient(settings: PractitionerSettings, now: int) -> int:
    """Who reads this practitioner's news now: their cover while they are away, else them."""
    away = settings.away_until is not None and settings.away_until > now
    return settings.cover_id if away and settings.cover_id is not None else settings.person_id


@dataclass(frozen=True)
class GoalLine:
    """A goal's latest rating in the period, its change and recent history."""

    text: str
    latest: int
    change: int | None
    recent: tuple[int, ...]


@dataclass
class ClientDigest:
    """One client's part of a digest."""

    client_id: int
    name: str
    checkins: int = 0
    goals: list[GoalLine] = field(default_factory=list)
    achieved: list[str] = field(default_factory=list)
    slips: list[str] = field(default_factory=list)  # goals with a slip told: a neutral fact
    notes: list[tuple[int, str]] = field(default_factory=list)  # (check-in id, shared note)
    # (request id, title, created at)
    requests: list[tuple[int, str, int]] = field(default_factory=list)
    messages: list[ClientMessage] = field(default_factory=list)  # messages and topics
    drops: list[tuple[str, int, int]] = field(default_factory=list)  # (goal, from, to)
    low_wellbeing: int | None = None
    safety_events: int = 0
    silent_days: int | None = None
    paused: bool = False

    @property
    def needs_attention(self) -> bool:
        """Whether any attention rule applies."""
        return bool(
            self.drops
            or self.low_wellbeing is not None
            or self.safety_events
            or self.silent_days is not None
        )

    @property
    def is_quiet(self) -> bool:
        """Nothing to report for this client."""
        return not (
            self.checkins
            or self.achieved
            or self.slips
            or self.requests
            or self.messages
            or self.needs_attention
        )


@dataclass
class Digest:
    """A practitioner's digest for one period."""

    since: int
    until: int
    clients: list[ClientDigest]
    notices: list[Notice] = field(default_factory=list)

    @property
    def checked_in(self) -> int:
        """Clients with at least one check-in in the period."""
        return sum(1 for client in self.clients if client.checkins)

    @property
    def attention(self) -> list[ClientDigest]:
        """Clients who may need attention."""
        return [client for client in self.clients if client.needs_attention]

    @property
    def open_requests(self) -> int:
        """Open requests across the caseload."""
        return sum(len(client.requests) for client in self.clients)

    @property
    def is_empty(self) -> bool:
        """Nothing happened and nothing is open."""
        return not self.notices and all(client.is_quiet for client in self.clients)


def next_digest(settings: PractitionerSettings, after: int) -> int | None:
    """When the next scheduled digest is due after ``after``."""
    if settings.frequency == "off":
        return None
    # a daily digest comes on working days only: Monday's covers the weekend
    daily = settings.work_days or frozenset(range(7))
    days = daily if settings.frequency == "daily" else frozenset({settings.weekday})
    return next_occurrence(days, settings.at, settings.timezone, after)


def _add_checkins(item: ClientDigest, checkins: list[DigestCheckin]) -> None:
    """Count the period's check-ins, the lowest overall answer and the shared notes."""
    item.checkins = len(checkins)
    for checkin in checkins:
        wellbeing = checkin.wellbeing
        if wellbeing is not None and wellbeing <= LOW_WELLBEING:
            low = item.low_wellbeing
            item.low_wellbeing = wellbeing if low is None else min(low, wellbeing)
        if checkin.note and checkin.note_shared:
            item.notes.append((checkin.id, checkin.note))


def _add_goals(item: ClientDigest, ratings: list[DigestRating], since: int) -> None:
    """Goal lines and drops from each goal's history (oldest first)."""
    history: dict[int, list[tuple[int, int]]] = {}
    texts: dict[int, str] = {}
    for rating in ratings:
        history.setdefault(rating.goal_id, []).append((rating.started_at, rating.value))
        texts[rating.goal_id] = rating.goal_text
    for goal_id, points in history.items():
        in_period = [i for i, (at, _) in enumerate(points) if at >= since]
        if not in_period:
            continue
        # one goal, one story: a fall in the period counts while the goal is still down by
        # DROP from where it fell (one that has already recovered is no reason for attention)
        latest = points[-1][1]
        for index in in_period:
            if index == 0:
                continue
            before = points[index - 1][1]
            if before - points[index][1] >= DROP and before - latest >= DROP:
                trough = min(value for _, value in points[index:])
                item.drops.append((texts[goal_id], before, trough))
                break
        change = latest - points[-2][1] if len(points) > 1 else None
        recent = tuple(value for _, value in points[-8:])
        item.goals.append(GoalLine(texts[goal_id], latest, change, recent))


def _silent_days(client: CaseloadClient, paused: bool, until: int) -> int | None:
    """Days without a check-in, if longer than the client's schedule allows.

    Never for a paused client or one on "only when I choose", and never counted across a
    pause: silence starts again when a pause ends.
    """
    allowed = allowed_silence_days(parse_days(client.reminder_days))
    if allowed is None or paused:
        return None
    reference = client.last_checkin if client.last_checkin is not None else client.consented_at
    ended = [client.resumed_at or 0]
    if client.paused_until is not None and client.paused_until <= until:
        ended.append(client.paused_until)
    reference = max(reference, *ended)
    silent = (until - reference) // 86400
    return int(silent) if silent > allowed else None


class DigestService:
    """Builds digests from the practitioner's own clients and schedules them."""

    def __init__(self, db: Database, clock: Clock, i18n: I18n) -> None:
        self._db = db
        self._repo = DigestRepository(db)
        self._clock = clock
        self._i18n = i18n

    async def settings(self, practitioner_id: int) -> PractitionerSettings:
        """A practitioner's digest and alert settings."""
        found = await self._repo.settings(practitioner_id)
        if found is None:
            raise LookupError(practitioner_id)
        return found

    async def update(self, practitioner_id: int, **changes: object) -> PractitionerSettings:
        """Change settings (validated) and recompute the next digest time."""
        stored: dict[str, object] = {}
        for key, value in changes.items():
            if key not in SETTING_COLUMNS:
                raise ValueError(key)
            if key == "frequency" and value not in ("daily", "weekly", "off"):
                raise ValueError(value)
            if key == "weekday" and value not in range(7):
                raise ValueError(value)
            if key == "at" and parse_time(str(value)) is None:
                raise ValueError(value)
            if key in ("quiet_start", "quiet_end") and value is not None:
                value = parse_time(str(value))
                if value is None:
                    raise ValueError(key)
            if key == "work_days":
                days = value if isinstance(value, frozenset | set | list | tuple) else ()
                if not days or not set(days) <= set(range(7)):
                    raise ValueError(key)
                value = ",".join(str(day) for day in sorted(days))
            if key == "request_alerts" and value not in ("digest", "now"):
                raise ValueError(value)
            if key == "reply_days" and value not in range(1, 15):
                raise ValueError(value)
            if key == "prep_minutes" and value not in range(0, 24 * 60 + 1):
                raise ValueError(value)
            stored[key] = int(value) if isinstance(value, bool) else value
        await self._repo.save_settings(practitioner_id, stored)
        return await self.reschedule(practitioner_id)

    async def reschedule(self, practitioner_id: int) -> PractitionerSettings:
        """Recompute ``next_digest_at`` from the settings."""
        current = await self.settings(practitioner_id)
        await self._repo.set_next_digest(practitioner_id, next_digest(current, self._clock.now()))
        return await self.settings(practitioner_id)

    async def period_start(self, settings: PractitionerSettings) -> int:
        """Where the current period begins: the last digest, or when the practitioner joined.

        If the last digest's delivery could not be confirmed (a time-out, or a crash while
        sending: it is never sent twice), the next one covers its period too, so nothing is
        lost from the practitioner's view.
        """
        last = await self._repo.last_sent(settings.person_id)
        if last is not None and "unconfirmed" in (last.last_error or ""):
            since = json.loads(last.payload or "{}").get("args", {}).get("since")
            if since is not None:
                return int(since)
        if settings.last_digest_at is not None:
            return settings.last_digest_at
        return await self._repo.joined_at(settings.person_id)

    async def build(self, practitioner_id: int, since: int, until: int) -> Digest:
        """Gather the digest for ``[since, until)``: this practitioner's clients, and those of
        colleagues they cover for while those are away (named as such).

        Each caseload is read in a handful of queries, then assembled client by client.
        """
        digest = await self._build_one(practitioner_id, since, until)
        for colleague, name in await self._repo.covered_by(practitioner_id, until):
            covered = await self._build_one(colleague, since, until)
            for client in covered.clients:
                client.name = f"{client.name} · {name}"
            digest.clients.extend(covered.clients)
        return digest

    async def _build_one(self, practitioner_id: int, since: int, until: int) -> Digest:
        """One practitioner's own caseload for ``[since, until)``."""
        repo = self._repo
        clients = await repo.caseload(practitioner_id)
        checkins: dict[int, list[DigestCheckin]] = {}
        for checkin in await repo.checkins(practitioner_id, since, until):
            checkins.setdefault(checkin.client_id, []).append(checkin)
        ratings: dict[int, list[DigestRating]] = {}
        for rating in await repo.ratings(practitioner_id, since, until):
            ratings.setdefault(rating.client_id, []).append(rating)
        achieved: dict[int, list[str]] = {}
        for client_id, text in await repo.achieved(practitioner_id, since, until):
            achieved.setdefault(client_id, []).append(text)
        slips: dict[int, list[str]] = {}
        for client_id, text in await repo.slips(practitioner_id, since, until):
            slips.setdefault(client_id, []).append(text)
        requests: dict[int, list[tuple[int, str, int]]] = {}
        for client_id, request_id, title, created in await repo.open_requests(practitioner_id):
            requests.setdefault(client_id, []).append((request_id, title, created))
        messages: dict[int, list[ClientMessage]] = {}
        for message in await repo.client_messages(practitioner_id):
            if message.created_at < until:
                messages.setdefault(message.client_id, []).append(message)
        events = await repo.safety_event_counts(practitioner_id, since, until)
        result = []
        for client in clients:
            item = ClientDigest(client_id=client.client_id, name=client.name)
            item.paused = (
                client.paused
                and not client.resting
                and (client.paused_until is None or client.paused_until > until)
            )
            _add_checkins(item, checkins.get(client.client_id, []))
            _add_goals(item, ratings.get(client.client_id, []), since)
            item.achieved = achieved.get(client.client_id, [])
            item.slips = slips.get(client.client_id, [])
            item.requests = requests.get(client.client_id, [])
            item.messages = messages.get(client.client_id, [])
            item.safety_events = events.get(client.client_id, 0)
            item.silent_days = _silent_days(client, item.paused, until)
            result.append(item)
        notices = await repo.notices(practitioner_id, since, until)
        return Digest(since, until, result, notices)

    async def send_due(self) -> int:
        """Queue the scheduled digest of every practitioner whose time has come."""
        now = self._clock.now()
        queued = 0
        for settings in await self._repo.due(now):
            due_at = int(settings.next_digest_at or now)
            if settings.away_until is not None and settings.away_until > now:
                # away: nothing is lost, the first digest after the return covers it all
                back = next_digest(settings, settings.away_until)
                await self._repo.set_next_digest(settings.person_id, back)
                continue
            since = await self.period_start(settings)
            await self._repo.forget_notices(settings.person_id, since)
            # A digest sent late (the bot was down, or the tick is behind) covers everything
            # up to now, so nothing falls between two digests.
            digest = await self.build(settings.person_id, since, now)
            following = next_digest(settings, now)
            async with self._db.transaction() as conn:
                if not digest.is_empty or settings.send_empty:
                    # rendered when sent, in the practitioner's language, from what is stored
                    # then: a client who erased their data meanwhile is not in it
                    await enqueue(
                        conn,
                        chat_id=settings.chat_id,
                        kind="digest",
                        message=OutgoingMessage(
                            view="digest",
                            args={
                                "practitioner_id": settings.person_id,
                                "since": since,
                                "until": now,
                            },
                        ),
                        now=now,
                        dedupe_key=f"digest:{settings.person_id}:{due_at}",
                    )
                    queued += 1
                await self._repo.finish_period(conn, settings.person_id, now, following)
        return queued
