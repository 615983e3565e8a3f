"""Practitioners' digest settings and schedule, and a caseload's data for one digest period."""

from __future__ import annotations

from dataclasses import dataclass

from bot.storage.database import Connection, Database, Row

__all__ = [
    "SETTING_COLUMNS",
    "CaseloadClient",
    "ClientMessage",
    "DigestCheckin",
    "DigestRating",
    "DigestRepository",
    "LastDigest",
    "Notice",
    "PractitionerSettings",
]

# setting name -> column of ``practitioners``
SETTING_COLUMNS: dict[str, str] = {
    "frequency": "digest_frequency",
    "weekday": "digest_weekday",
    "at": "digest_time",
    "quiet_start": "quiet_start",
    "quiet_end": "quiet_end",
    "alert_on_drop": "alert_on_drop",
    "send_empty": "send_empty_digest",
    "work_days": "work_days",
    "request_alerts": "request_alerts",
    "reply_days": "reply_days",
    "away_until": "away_until",
    "cover_id": "cover_id",
    "prep_minutes": "prep_minutes",
}


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
    work_days: frozenset[int] = frozenset(range(5))
    request_alerts: str = "digest"
    reply_days: int = 2
    away_until: int | None = None
    cover_id: int | None = None
    prep_minutes: int = 60


@dataclass(frozen=True)
class LastDigest:
    """The latest digest marked sent: its outbox payload and why it may not have arrived."""

    payload: str
    last_error: str | None


@dataclass(frozen=True)
class CaseloadClient:
    """One client of a practitioner, as a digest needs them."""

    client_id: int
    name: str  # the practitioner's alias for them, else their Telegram name
    reminder_days: str
    paused: bool
    paused_until: int | None
    consented_at: int
    last_checkin: int | None  # the latest check-in ever started
    resumed_at: int | None = None  # when their last pause ended, if they resumed
    resting: bool = False  # reminders rest after unanswered ones: not a pause they chose


@dataclass(frozen=True)
class ClientMessage:
    """A message for the practitioner, or a topic for the next session, in the client's words."""

    id: int
    client_id: int
    kind: str  # "message" or "topic"
    text: str
    created_at: int


@dataclass(frozen=True)
class Notice:
    """Something that waits for the digest: a client left (name kept until then), moved."""

    kind: str
    name: str | None
    created_at: int


@dataclass(frozen=True)
class DigestCheckin:
    """A check-in started in the period."""

    client_id: int
    id: int
    wellbeing: int | None
    note: str | None
    note_shared: bool


@dataclass(frozen=True)
class DigestRating:
    """One rating of a goal that was rated in the period (its whole history before the end)."""

    client_id: int
    goal_id: int
    goal_text: str
    value: int
    started_at: int


_SETTINGS_SQL = (
    "SELECT pr.person_id, p.chat_id, p.locale, p.timezone, pr.digest_frequency,"
    " pr.digest_weekday, pr.digest_time, pr.quiet_start, pr.quiet_end, pr.alert_on_drop,"
    " pr.send_empty_digest, pr.next_digest_at, pr.last_digest_at, pr.work_days,"
    " pr.request_alerts, pr.reply_days, pr.away_until, pr.cover_id, pr.prep_minutes"
    " FROM practitioners pr JOIN people p ON p.id = pr.person_id"
)
# the practitioner's clients' check-ins, joined once for every caseload-wide query
_CASELOAD_CHECKINS = (
    " FROM checkins c JOIN clients cl ON cl.person_id = c.client_id WHERE cl.practitioner_id = ?"
)


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
        work_days=frozenset(
            int(day) for day in str(r["work_days"]).split(",") if day.strip().isdigit()
        ),
        request_alerts=r["request_alerts"],
        reply_days=r["reply_days"],
        away_until=r["away_until"],
        cover_id=r["cover_id"],
        prep_minutes=r["prep_minutes"],
    )


class DigestRepository:
    """All SQL of digests: settings, schedule, and a period's data for a whole caseload."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def settings(self, practitioner_id: int) -> PractitionerSettings | None:
        """A practitioner's digest and alert settings, or ``None`` if there is no such one."""
        row = await self._db.fetchone(_SETTINGS_SQL + " WHERE pr.person_id = ?", (practitioner_id,))
        return None if row is None else _settings_from(row)

    async def due(self, now: int) -> list[PractitionerSettings]:
        """Active practitioners whose next digest is due at ``now``, earliest first."""
        rows = await self._db.fetchall(
            _SETTINGS_SQL + " WHERE pr.active = 1 AND pr.next_digest_at IS NOT NULL"
            " AND pr.next_digest_at <= ? ORDER BY pr.next_digest_at",
            (now,),
        )
        return [_settings_from(row) for row in rows]

    async def save_settings(self, practitioner_id: int, changes: dict[str, object]) -> None:
        """Store validated settings (keys of :data:`SETTING_COLUMNS`) in one transaction."""
        async with self._db.transaction() as conn:
            for key, value in changes.items():
                await conn.execute(
                    f"UPDATE practitioners SET {SETTING_COLUMNS[key]} = ? WHERE person_id = ?",
                    (value, practitioner_id),
                )

    async def set_next_digest(self, practitioner_id: int, at: int | None) -> None:
        """Store when the next digest is due (``None``: never)."""
        await self._db.execute(
            "UPDATE practitioners SET next_digest_at = ? WHERE person_id = ?",
            (at, practitioner_id),
        )

    async def finish_period(
        self, conn: Connection, practitioner_id: int, last: int, following: int | None
    ) -> None:
        """Record a digest period as done and when the next one is due."""
        await conn.execute(
            "UPDATE practitioners SET last_digest_at = ?, next_digest_at = ? WHERE person_id = ?",
            (last, following, practitioner_id),
        )

    async def last_sent(self, practitioner_id: int) -> LastDigest | None:
        """The practitioner's latest digest marked sent in the outbox."""
        row = await self._db.fetchone(
            "SELECT payload, last_error FROM outbox WHERE kind = 'digest' AND dedupe_key LIKE ?"
            " AND status = 'sent' ORDER BY id DESC LIMIT 1",
            (f"digest:{practitioner_id}:%",),
        )
        if row is None:
            return None
        return LastDigest(str(row["payload"] or ""), row["last_error"])

    async def joined_at(self, practitioner_id: int) -> int:
        """When the practitioner joined (0 if unknown)."""
        value = await self._db.fetchval(
            "SELECT created_at FROM practitioners WHERE person_id = ?", (practitioner_id,)
        )
        return int(value or 0)

    # --- one digest period, for the whole caseload ----------------------------------------------

    async def caseload(self, practitioner_id: int) -> list[CaseloadClient]:
        """The practitioner's clients in name order, with their latest check-in."""
        rows = await self._db.fetchall(
            "SELECT c.person_id, COALESCE(c.alias, p.display_name) AS name, c.reminder_days,"
            " c.paused, c.paused_until, c.consented_at, c.resumed_at,"
            " (c.paused = 1 AND c.rhythm_asked_at IS NOT NULL) AS resting,"
            " (SELECT MAX(ch.started_at) FROM checkins ch WHERE ch.client_id = c.person_id)"
            " AS last_checkin"
            " FROM clients c JOIN people p ON p.id = c.person_id WHERE c.practitioner_id = ?"
            " ORDER BY name",
            (practitioner_id,),
        )
        return [
            CaseloadClient(
                client_id=row["person_id"],
                name=row["name"],
                reminder_days=row["reminder_days"],
                paused=bool(row["paused"]),
                paused_until=row["paused_until"],
                consented_at=row["consented_at"],
                last_checkin=row["last_checkin"],
                resumed_at=row["resumed_at"],
                resting=bool(row["resting"]),
            )
            for row in rows
        ]

    async def checkins(self, practitioner_id: int, since: int, until: int) -> list[DigestCheckin]:
        """Check-ins of the caseload started in ``[since, until)``, oldest id first."""
        rows = await self._db.fetchall(
            "SELECT c.client_id, c.id, c.wellbeing, c.note, c.note_shared"
            + _CASELOAD_CHECKINS
            + " AND c.started_at >= ? AND c.started_at < ? ORDER BY c.id",
            (practitioner_id, since, until),
        )
        return [
            DigestCheckin(
                row["client_id"], row["id"], row["wellbeing"], row["note"], bool(row["note_shared"])
            )
            for row in rows
        ]

    async def ratings(self, practitioner_id: int, since: int, until: int) -> list[DigestRating]:
        """Every rating before ``until`` of the caseload's goals rated in ``[since, until)``.

        In check-in order (then goal id, as within one check-in), so each goal's history is
        oldest first.
        """
        # SQLite: ``+`` makes it test each check-in's few ratings against the list, rather
        # than look every goal of the list up in every check-in (5 times slower at 50
        # clients). PostgreSQL plans well without it, and its cached generic plan is twice
        # as slow with it (3.8 against 1.8 ms, measured), so there it is left out.
        hint = "+" if self._db.backend == "sqlite" else ""
        rows = await self._db.fetchall(
            "SELECT c.client_id, g.id AS goal_id, g.text, r.value, c.started_at FROM ratings r"
            " JOIN checkins c ON c.id = r.checkin_id JOIN goals g ON g.id = r.goal_id"
            " JOIN clients cl ON cl.person_id = c.client_id WHERE cl.practitioner_id = ?"
            " AND r.value IS NOT NULL AND c.started_at < ?"
            f" AND {hint}r.goal_id IN (SELECT rp.goal_id FROM ratings rp"
            " JOIN checkins cp ON cp.id = rp.checkin_id"
            " JOIN clients clp ON clp.person_id = cp.client_id WHERE clp.practitioner_id = ?"
            " AND rp.value IS NOT NULL AND cp.started_at >= ? AND cp.started_at < ?)"
            " ORDER BY c.started_at, c.id, r.goal_id",
            (practitioner_id, until, practitioner_id, since, until),
        )
        return [
            DigestRating(
                row["client_id"], row["goal_id"], row["text"], row["value"], row["started_at"]
            )
            for row in rows
        ]

    async def achieved(self, practitioner_id: int, since: int, until: int) -> list[tuple[int, str]]:
        """``(client id, goal text)`` of the caseload's goals achieved in ``[since, until)``."""
        rows = await self._db.fetchall(
            "SELECT g.client_id, g.text FROM goals g JOIN clients cl ON cl.person_id = g.client_id"
            " WHERE cl.practitioner_id = ? AND g.achieved_at >= ? AND g.achieved_at < ?"
            " ORDER BY g.id",
            (practitioner_id, since, until),
        )
        return [(int(row["client_id"]), str(row["text"])) for row in rows]

    async def slips(self, practitioner_id: int, since: int, until: int) -> list[tuple[int, str]]:
        """``(client id, goal text)`` of each slip told in a check-in in ``[since, until)``."""
        rows = await self._db.fetchall(
            "SELECT c.client_id, g.text FROM ratings r JOIN checkins c ON c.id = r.checkin_id"
            " JOIN goals g ON g.id = r.goal_id JOIN clients cl ON cl.person_id = c.client_id"
            " WHERE cl.practitioner_id = ? AND r.slip = 1 AND c.started_at >= ?"
            " AND c.started_at < ? ORDER BY c.started_at, c.id, r.goal_id",
            (practitioner_id, since, until),
        )
        return [(int(row["client_id"]), str(row["text"])) for row in rows]

    async def open_requests(self, practitioner_id: int) -> list[tuple[int, int, str, int]]:
        """``(client id, request id, title or '', created at)`` of the caseload's open requests."""
        rows = await self._db.fetchall(
            "SELECT r.client_id, r.id, COALESCE(r.resource_title, '') AS title, r.created_at"
            " FROM requests r JOIN clients cl ON cl.person_id = r.client_id"
            " WHERE cl.practitioner_id = ? AND r.status = 'open' ORDER BY r.id",
            (practitioner_id,),
        )
        return [
            (int(row["client_id"]), int(row["id"]), str(row["title"]), int(row["created_at"]))
            for row in rows
        ]

    async def client_messages(self, practitioner_id: int) -> list[ClientMessage]:
        """The caseload's messages and topics the practitioner has not cleared, oldest first."""
        rows = await self._db.fetchall(
            "SELECT m.id, m.client_id, m.kind, m.text, m.created_at FROM client_messages m"
            " JOIN clients cl ON cl.person_id = m.client_id"
            " WHERE cl.practitioner_id = ? AND m.done_at IS NULL ORDER BY m.id",
            (practitioner_id,),
        )
        return [
            ClientMessage(
                int(row["id"]),
                int(row["client_id"]),
                str(row["kind"]),
                str(row["text"]),
                int(row["created_at"]),
            )
            for row in rows
        ]

    async def covered_by(self, cover_id: int, at: int) -> list[tuple[int, str]]:
        """``(id, name)`` of practitioners away at ``at`` whom ``cover_id`` covers."""
        rows = await self._db.fetchall(
            "SELECT pr.person_id, p.display_name FROM practitioners pr"
            " JOIN people p ON p.id = pr.person_id WHERE pr.cover_id = ? AND pr.away_until > ?",
            (cover_id, at),
        )
        return [(int(row["person_id"]), str(row["display_name"])) for row in rows]

    async def forget_notices(self, practitioner_id: int, before: int) -> None:
        """Drop notices an earlier digest has shown (a departed client's name goes with them)."""
        await self._db.execute(
            "DELETE FROM practitioner_notices WHERE practitioner_id = ? AND created_at < ?",
            (practitioner_id, before),
        )

    async def notices(self, practitioner_id: int, since: int, until: int) -> list[Notice]:
        """What happened to the caseload in the period that waits for the digest."""
        rows = await self._db.fetchall(
            "SELECT kind, name, created_at FROM practitioner_notices"
            " WHERE practitioner_id = ? AND created_at >= ? AND created_at < ? ORDER BY id",
            (practitioner_id, since, until),
        )
        return [Notice(str(r["kind"]), r["name"], int(r["created_at"])) for r in rows]

    async def safety_event_counts(
        self, practitioner_id: int, since: int, until: int
    ) -> dict[int, int]:
        """How many safety events each client of the caseload had in ``[since, until)``."""
        rows = await self._db.fetchall(
            "SELECT e.client_id, COUNT(*) AS events FROM safety_events e"
            " JOIN clients cl ON cl.person_id = e.client_id WHERE cl.practitioner_id = ?"
            " AND e.created_at >= ? AND e.created_at < ? GROUP BY e.client_id",
            (practitioner_id, since, until),
        )
        return {int(row["client_id"]): int(row["events"]) for row in rows}
