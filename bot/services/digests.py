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
from bot.storage import Database, Row

__all__ = [
    "LOW_WELLBEING",
    "ClientDigest",
    "Digest",
    "DigestService",
    "GoalLine",
    "PractitionerSettings",
    "allowed_silence_days",
    "quiet_until",
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


@dataclass(frozen=True)
class PractitionerSettings:
    """How and when a practitioner hears from the bot."""

    person_id: int
    chat_id: int
    locale: str
    timezone: str
    frequency: str
    weekday: int
    at: str
    quiet_start: str | None
    quiet_end: str | None
    alert_on_drop: bool
    send_empty: bool
    next_digest_at: int | None
    last_digest_at: int | None


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
    notes: list[tuple[int, str]] = field(default_factory=list)  # (check-in id, shared note)
    requests: list[tuple[int, str]] = field(default_factory=list)  # (request id, title)
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
        return not (self.checkins or self.achieved or self.requests or self.needs_attention)


@dataclass
class Digest:
    """A practitioner's digest for one period."""

    since: int
    until: int
    clients: list[ClientDigest]

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
        return all(client.is_quiet for client in self.clients)


_SETTINGS_SQL = """
SELECT pr.person_id, p.chat_id, p.locale, p.timezone, pr.digest_frequency, pr.digest_weekday,
       pr.digest_time, pr.quiet_start, pr.quiet_end, pr.alert_on_drop, pr.send_empty_digest,
       pr.next_digest_at, pr.last_digest_at
FROM practitioners pr JOIN people p ON p.id = pr.person_id
"""


def _settings_from(r: Row) -> PractitionerSettings:
    return PractitionerSettings(
        person_id=r["person_id"],
        chat_id=r["chat_id"],
        locale=r["locale"],
        timezone=r["timezone"],
        frequency=r["digest_frequency"],
        weekday=r["digest_weekday"],
        at=r["digest_time"],
        quiet_start=r["quiet_start"],
        quiet_end=r["quiet_end"],
        alert_on_drop=bool(r["alert_on_drop"]),
        send_empty=bool(r["send_empty_digest"]),
        next_digest_at=r["next_digest_at"],
        last_digest_at=r["last_digest_at"],
    )


def next_digest(settings: PractitionerSettings, after: int) -> int | None:
    """When the next scheduled digest is due after ``after``."""
    if settings.frequency == "off":
        return None
    days = frozenset(range(7)) if settings.frequency == "daily" else frozenset({settings.weekday})
    return next_occurrence(days, settings.at, settings.timezone, after)


class DigestService:
    """Builds digests from the practitioner's own clients and schedules them."""

    def __init__(self, db: Database, clock: Clock, i18n: I18n) -> None:
        self._db = db
        self._clock = clock
        self._i18n = i18n

    async def settings(self, practitioner_id: int) -> PractitionerSettings:
        """A practitioner's digest and alert settings."""
        row = await self._db.fetchone(_SETTINGS_SQL + " WHERE pr.person_id = ?", (practitioner_id,))
        if row is None:
            raise LookupError(practitioner_id)
        return _settings_from(row)

    async def update(self, practitioner_id: int, **changes: object) -> PractitionerSettings:
        """Change settings (validated) and recompute the next digest time."""
        columns = {
            "frequency": "digest_frequency",
            "weekday": "digest_weekday",
            "at": "digest_time",
            "quiet_start": "quiet_start",
            "quiet_end": "quiet_end",
            "alert_on_drop": "alert_on_drop",
            "send_empty": "send_empty_digest",
        }
        for key, value in changes.items():
            if key not in columns:
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
            stored = int(value) if isinstance(value, bool) else value
            await self._db.execute(
                f"UPDATE practitioners SET {columns[key]} = ? WHERE person_id = ?",
                (stored, practitioner_id),
            )
        return await self.reschedule(practitioner_id)

    async def reschedule(self, practitioner_id: int) -> PractitionerSettings:
        """Recompute ``next_digest_at`` from the settings."""
        current = await self.settings(practitioner_id)
        await self._db.execute(
            "UPDATE practitioners SET next_digest_at = ? WHERE person_id = ?",
            (next_digest(current, self._clock.now()), practitioner_id),
        )
        return await self.settings(practitioner_id)

    async def period_start(self, settings: PractitionerSettings) -> int:
        """Where the current period begins: the last digest, or when the practitioner joined.

        If the last digest's delivery could not be confirmed (a time-out, or a crash while
        sending: it is never sent twice), the next one covers its period too, so nothing is
        lost from the practitioner's view.
        """
        last = await self._db.fetchone(
            "SELECT payload, last_error FROM outbox WHERE kind = 'digest' AND dedupe_key LIKE ?"
            " AND status = 'sent' ORDER BY id DESC LIMIT 1",
            (f"digest:{settings.person_id}:%",),
        )
        if last is not None and "unconfirmed" in str(last["last_error"] or ""):
            since = json.loads(last["payload"] or "{}").get("args", {}).get("since")
            if since is not None:
                return int(since)
        if settings.last_digest_at is not None:
            return settings.last_digest_at
        joined = await self._db.fetchval(
            "SELECT created_at FROM practitioners WHERE person_id = ?", (settings.person_id,)
        )
        return int(joined or 0)

    async def build(self, practitioner_id: int, since: int, until: int) -> Digest:
        """Gather the digest for ``[since, until)`` from this practitioner's clients only."""
        clients = await self._db.fetchall(
            "SELECT c.person_id, COALESCE(c.alias, p.display_name) AS name, c.reminder_days,"
            " c.paused, c.paused_until, c.consented_at FROM clients c"
            " JOIN people p ON p.id = c.person_id WHERE c.practitioner_id = ? ORDER BY name",
            (practitioner_id,),
        )
        result = []
        for row in clients:
            item = ClientDigest(client_id=row["person_id"], name=row["name"])
            paused = bool(row["paused"]) and (
                row["paused_until"] is None or row["paused_until"] > until
            )
            item.paused = paused
            await self._fill(item, since, until)
            allowed = allowed_silence_days(parse_days(row["reminder_days"]))
            if allowed is not None and not paused:
                last = await self._db.fetchval(
                    "SELECT MAX(started_at) FROM checkins WHERE client_id = ?",
                    (item.client_id,),
                )
                reference = int(last if last is not None else row["consented_at"])
                silent = (until - reference) // 86400
                if silent > allowed:
                    item.silent_days = int(silent)
            result.append(item)
        return Digest(since, until, result)

    async def _fill(self, item: ClientDigest, since: int, until: int) -> None:
        client_id = item.client_id
        checkins = await self._db.fetchall(
            "SELECT id, wellbeing, note, note_shared FROM checkins WHERE client_id = ?"
            " AND started_at >= ? AND started_at < ? ORDER BY id",
            (client_id, since, until),
        )
        item.checkins = len(checkins)
        for checkin in checkins:
            wellbeing = checkin["wellbeing"]
            if wellbeing is not None and wellbeing <= LOW_WELLBEING:
                low = item.low_wellbeing
                item.low_wellbeing = wellbeing if low is None else min(low, wellbeing)
            if checkin["note"] and checkin["note_shared"]:
                item.notes.append((checkin["id"], checkin["note"]))
        ratings = await self._db.fetchall(
            "SELECT g.id AS goal_id, g.text, r.value, c.started_at FROM ratings r"
            " JOIN checkins c ON c.id = r.checkin_id JOIN goals g ON g.id = r.goal_id"
            " WHERE c.client_id = ? AND r.value IS NOT NULL AND c.started_at < ?"
            " ORDER BY c.started_at, c.id",
            (client_id, until),
        )
        history: dict[int, list[tuple[int, int]]] = {}
        texts: dict[int, str] = {}
        for rating in ratings:
            history.setdefault(rating["goal_id"], []).append(
                (rating["started_at"], rating["value"])
            )
            texts[rating["goal_id"]] = rating["text"]
        for goal_id, points in history.items():
            in_period = [i for i, (at, _) in enumerate(points) if at >= since]
            if not in_period:
                continue
            for index in in_period:
                if index > 0 and points[index - 1][1] - points[index][1] >= DROP:
                    item.drops.append((texts[goal_id], points[index - 1][1], points[index][1]))
            latest = points[-1][1]
            change = latest - points[-2][1] if len(points) > 1 else None
            recent = tuple(value for _, value in points[-8:])
            item.goals.append(GoalLine(texts[goal_id], latest, change, recent))
        achieved = await self._db.fetchall(
            "SELECT text FROM goals WHERE client_id = ? AND achieved_at >= ? AND achieved_at < ?",
            (client_id, since, until),
        )
        item.achieved = [row["text"] for row in achieved]
        requests = await self._db.fetchall(
            "SELECT id, COALESCE(resource_title, '') AS title FROM requests"
            " WHERE client_id = ? AND status = 'open' ORDER BY id",
            (client_id,),
        )
        item.requests = [(row["id"], row["title"]) for row in requests]
        item.safety_events = int(
            await self._db.fetchval(
                "SELECT COUNT(*) FROM safety_events WHERE client_id = ? AND created_at >= ?"
                " AND created_at < ?",
                (client_id, since, until),
            )
            or 0
        )

    async def send_due(self) -> int:
        """Queue the scheduled digest of every practitioner whose time has come."""
        now = self._clock.now()
        rows = await self._db.fetchall(
            _SETTINGS_SQL + " WHERE pr.active = 1 AND pr.next_digest_at IS NOT NULL"
            " AND pr.next_digest_at <= ? ORDER BY pr.next_digest_at",
            (now,),
        )
        queued = 0
        for row in rows:
            settings = _settings_from(row)
            due_at = int(settings.next_digest_at or now)
            since = await self.period_start(settings)
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
                await conn.execute(
                    "UPDATE practitioners SET last_digest_at = ?, next_digest_at = ?"
                    " WHERE person_id = ?",
                    (now, following, settings.person_id),
                )
        return queued
