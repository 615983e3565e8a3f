"""Safety events, the client's answers, who revealed their words, and safety plans."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from bot.storage.database import Connection, Database, Row

__all__ = [
    "AlertRow",
    "ClientContact",
    "EventRow",
    "SafetyRepository",
]

_EVENT_COLUMNS = (
    "e.id, e.client_id, e.source, e.created_at, e.text, e.rule, e.resume, e.last_text_at,"
    " e.urgent_at, e.acknowledged_at, e.acknowledged_by, e.acknowledged_name,"
    " e.acknowledged_role, e.resent_at, e.closed_at"
)


@dataclass(frozen=True)
class EventRow:
    """One safety event: a client's text matched the crisis rules."""

    id: int
    client_id: int
    source: str
    created_at: int
    text: str | None
    rule: str | None
    resume: dict[str, Any] | None
    last_text_at: int | None
    urgent_at: int | None
    acknowledged_at: int | None
    acknowledged_by: int | None
    acknowledged_name: str | None
    acknowledged_role: str | None
    resent_at: int | None
    closed_at: int | None

    @classmethod
    def from_row(cls, row: Row) -> EventRow:
        """Build from a ``safety_events`` row."""
        resume = json.loads(row["resume"]) if row["resume"] else None
        values = {key: row[key] for key in cls.__dataclass_fields__ if key != "resume"}
        return cls(resume=resume, **values)


@dataclass(frozen=True)
class ClientContact:
    """What the safety flow needs to know about a client and their practitioner."""

    client_id: int
    chat_id: int
    locale: str
    timezone: str
    name: str  # the practitioner's alias for them, else their Telegram name
    practitioner_id: int
    practitioner_name: str
    practitioner_active: bool
    practitioner_chat_id: int
    practitioner_telegram_id: int


@dataclass(frozen=True)
class AlertRow:
    """An alert about an event in the outbox: where it goes and whether it went."""

    id: int
    chat_id: int
    status: str
    sent_at: int | None
    role: str


_CONTACT_SQL = (
    "SELECT c.person_id, me.chat_id, me.locale, me.timezone,"
    " COALESCE(c.alias, me.display_name) AS name, c.practitioner_id,"
    " pp.display_name AS practitioner_name, pr.active, pp.chat_id AS practitioner_chat,"
    " pp.telegram_id AS practitioner_telegram"
    " FROM clients c JOIN people me ON me.id = c.person_id"
    " JOIN people pp ON pp.id = c.practitioner_id"
    " JOIN practitioners pr ON pr.person_id = c.practitioner_id"
    " WHERE c.person_id = ?"
)


class SafetyRepository:
    """All SQL of the safety flow."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def contact(self, client_id: int) -> ClientContact | None:
        """The client's chat, language and practitioner, or ``None`` if they are gone."""
        row = await self._db.fetchone(_CONTACT_SQL, (client_id,))
        if row is None:
            return None
        return ClientContact(
            client_id=row["person_id"],
            chat_id=row["chat_id"],
            locale=row["locale"],
            timezone=row["timezone"],
            name=row["name"],
            practitioner_id=row["practitioner_id"],
            practitioner_name=row["practitioner_name"],
            practitioner_active=bool(row["active"]),
            practitioner_chat_id=row["practitioner_chat"],
            practitioner_telegram_id=row["practitioner_telegram"],
        )

    async def telegram_id(self, person_id: int) -> int | None:
        """A person's Telegram id."""
        value = await self._db.fetchval("SELECT telegram_id FROM people WHERE id = ?", (person_id,))
        return None if value is None else int(value)

    async def event(self, event_id: int) -> EventRow | None:
        """One event by id."""
        row = await self._db.fetchone(
            f"SELECT {_EVENT_COLUMNS} FROM safety_events e WHERE e.id = ?", (event_id,)
        )
        return None if row is None else EventRow.from_row(row)

    async def open_event(self, conn: Connection, client_id: int, since: int) -> EventRow | None:
        """The client's latest event still open (not closed, not acknowledged) since ``since``."""
        rows = await conn.execute_fetchall(
            f"SELECT {_EVENT_COLUMNS} FROM safety_events e WHERE e.client_id = ?"
            " AND e.closed_at IS NULL AND e.acknowledged_at IS NULL"
            " AND COALESCE(e.last_text_at, e.created_at) >= ? ORDER BY e.id DESC LIMIT 1",
            (client_id, since),
        )
        row = next(iter(rows), None)
        return None if row is None else EventRow.from_row(row)

    async def latest_open(self, client_id: int, since: int) -> EventRow | None:
        """The client's latest event not closed by them, if it is recent."""
        row = await self._db.fetchone(
            f"SELECT {_EVENT_COLUMNS} FROM safety_events e WHERE e.client_id = ?"
            " AND e.closed_at IS NULL AND COALESCE(e.last_text_at, e.created_at) >= ?"
            " ORDER BY e.id DESC LIMIT 1",
            (client_id, since),
        )
        return None if row is None else EventRow.from_row(row)

    async def insert_event(
        self,
        conn: Connection,
        client_id: int,
        source: str,
        text: str,
        rule: str,
        resume: dict[str, Any] | None,
        now: int,
    ) -> int:
        """Record a new event and return its id."""
        rows = list(
            await conn.execute_fetchall(
                "INSERT INTO safety_events (client_id, source, created_at, text, rule, resume,"
                " last_text_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                (client_id, source, now, text, rule, json.dumps(resume) if resume else None, now),
            )
        )
        return int(rows[0][0])

    async def set_resume(
        self, conn: Connection, event_id: int, resume: dict[str, Any] | None
    ) -> None:
        """Remember the step the crisis interrupted."""
        await conn.execute(
            "UPDATE safety_events SET resume = ? WHERE id = ?",
            (json.dumps(resume) if resume else None, event_id),
        )

    async def add_text(self, conn: Connection, event_id: int, text: str, now: int) -> None:
        """Keep more of the client's words with an open event."""
        await conn.execute(
            "UPDATE safety_events SET text = COALESCE(text || ?, '') || ?,"
            " last_text_at = ? WHERE id = ?",
            ("\n\n", text, now, event_id),
        )
        await self.add_answer(conn, event_id, "wrote", now)

    async def add_answer(self, conn: Connection, event_id: int, answer: str, now: int) -> None:
        """Record what the client answered after the crisis message."""
        await conn.execute(
            "INSERT INTO safety_answers (event_id, answer, at, seq) VALUES (?, ?, ?,"
            " (SELECT COALESCE(MAX(seq), 0) + 1 FROM safety_answers))",
            (event_id, answer, now),
        )

    async def answers(self, event_id: int) -> list[tuple[str, int]]:
        """The client's answers since the event, oldest first."""
        rows = await self._db.fetchall(
            "SELECT answer, at FROM safety_answers WHERE event_id = ? ORDER BY at, seq",
            (event_id,),
        )
        return [(str(row["answer"]), int(row["at"])) for row in rows]

    async def set_urgent(self, conn: Connection, event_id: int, now: int) -> bool:
        """Mark the event urgent; ``False`` if it already was."""
        cursor = await conn.execute(
            "UPDATE safety_events SET urgent_at = ? WHERE id = ? AND urgent_at IS NULL",
            (now, event_id),
        )
        return cursor.rowcount == 1

    async def close(self, conn: Connection, event_id: int, now: int) -> None:
        """The client said they are safe and have someone."""
        await conn.execute(
            "UPDATE safety_events SET closed_at = COALESCE(closed_at, ?) WHERE id = ?",
            (now, event_id),
        )

    async def acknowledge(
        self, conn: Connection, event_id: int, who: int, name: str, role: str, now: int
    ) -> bool:
        """Record the first person who said "I'm on it"; ``False`` if someone already did."""
        cursor = await conn.execute(
            "UPDATE safety_events SET acknowledged_at = ?, acknowledged_by = ?,"
            " acknowledged_name = ?, acknowledged_role = ?"
            " WHERE id = ? AND acknowledged_at IS NULL",
            (now, who, name, role, event_id),
        )
        return cursor.rowcount == 1

    async def record_view(self, event_id: int, viewer_id: int, name: str, now: int) -> None:
        """Record that someone revealed the client's words."""
        await self._db.execute(
            "INSERT INTO safety_views (event_id, viewer_id, viewer_name, at) VALUES (?, ?, ?, ?)",
            (event_id, viewer_id, name, now),
        )

    async def views(self, event_id: int) -> list[tuple[str, int]]:
        """Who revealed the client's words, and when."""
        rows = await self._db.fetchall(
            "SELECT viewer_name, at FROM safety_views WHERE event_id = ? ORDER BY at", (event_id,)
        )
        return [(str(row["viewer_name"]), int(row["at"])) for row in rows]

    async def alerts(self, event_id: int) -> list[AlertRow]:
        """The alert messages queued for an event (not edits or pings)."""
        rows = await self._db.fetchall(
            "SELECT id, chat_id, status, sent_at, dedupe_key FROM outbox"
            " WHERE kind = 'safety' AND dedupe_key LIKE ? ORDER BY id",
            (f"safety:{event_id}:%",),
        )
        return [  # the key is safety:<event>:<role>
            AlertRow(row["id"], row["chat_id"], row["status"], row["sent_at"],
                     str(row["dedupe_key"]).rsplit(":", 1)[1])
            for row in rows
        ]  # fmt: skip

    async def release(self, conn: Connection, alert_id: int, now: int) -> None:
        """Send a waiting alert now (urgent overrides quiet hours)."""
        await conn.execute(
            "UPDATE outbox SET not_before = ?,"
            " next_attempt_at = CASE WHEN next_attempt_at < ? THEN next_attempt_at ELSE ? END"
            " WHERE id = ? AND status = 'pending'",
            (now, now, now, alert_id),
        )

    async def due_for_resend(self, sent_before: int) -> list[EventRow]:
        """Events whose first alert went out before ``sent_before`` and nobody acknowledged."""
        rows = await self._db.fetchall(
            f"SELECT {_EVENT_COLUMNS} FROM safety_events e WHERE e.acknowledged_at IS NULL"
            " AND e.resent_at IS NULL AND EXISTS (SELECT 1 FROM outbox o"
            # the first alerts' exact keys: two lookups in the unique index on SQLite and
            # PostgreSQL alike (a range or a LIKE on the key read every sent row on one of
            # them; ``|| ''`` and ``+ 0`` keep SQLite's planner off other indexes)
            " WHERE o.dedupe_key IN ('safety:' || e.id || ':practitioner',"
            " 'safety:' || e.id || ':on_call')"
            " AND o.kind || '' = 'safety' AND o.status || '' = 'sent' AND o.sent_at + 0 <= ?)"
            " ORDER BY e.id LIMIT 200",
            (sent_before,),
        )
        return [EventRow.from_row(row) for row in rows]

    async def mark_resent(self, conn: Connection, event_id: int, now: int) -> bool:
        """Note the one re-send; ``False`` if it happened already."""
        cursor = await conn.execute(
            "UPDATE safety_events SET resent_at = ? WHERE id = ? AND resent_at IS NULL",
            (now, event_id),
        )
        return cursor.rowcount == 1

    async def events_for_client(self, client_id: int) -> list[EventRow]:
        """Every event of a client, oldest first."""
        rows = await self._db.fetchall(
            f"SELECT {_EVENT_COLUMNS} FROM safety_events e WHERE e.client_id = ? ORDER BY e.id",
            (client_id,),
        )
        return [EventRow.from_row(row) for row in rows]

    async def set_pending(
        self, conn: Connection, person_id: int, pending: dict[str, Any] | None
    ) -> None:
        """Replace what the person's next free text answers."""
        await conn.execute(
            "UPDATE people SET pending_input = ? WHERE id = ?",
            (json.dumps(pending) if pending else None, person_id),
        )

    async def open_checkin(self, client_id: int, since: int) -> tuple[int, str] | None:
        """The client's unfinished check-in started after ``since``: its id and step."""
        row = await self._db.fetchone(
            "SELECT id, step FROM checkins WHERE client_id = ? AND completed_at IS NULL"
            " AND started_at >= ? ORDER BY id DESC LIMIT 1",
            (client_id, since),
        )
        return None if row is None else (int(row["id"]), str(row["step"]))

    async def keep_private_note(
        self, conn: Connection, client_id: int, checkin_id: int, text: str
    ) -> bool:
        """Keep crisis words as the check-in's note, private; the next question is sharing."""
        cursor = await conn.execute(
            "UPDATE checkins SET note = COALESCE(note || ?, '') || ?, note_shared = 0,"
            " step = 'share' WHERE id = ? AND client_id = ? AND step = 'note'"
            " AND completed_at IS NULL",
            ("\n", text, checkin_id, client_id),
        )
        return cursor.rowcount == 1

    async def has_open_event(self, client_id: int, since: int) -> bool:
        """Whether the client has an event they have not closed, active since ``since``."""
        value = await self._db.fetchval(
            "SELECT 1 FROM safety_events WHERE client_id = ? AND closed_at IS NULL"
            " AND COALESCE(last_text_at, created_at) >= ? LIMIT 1",
            (client_id, since),
        )
        return value is not None

    # --- safety plans ---------------------------------------------------------------------------

    async def plan(self, client_id: int) -> tuple[dict[str, str], bool]:
        """A client's plan sections and whether it is shared."""
        rows = await self._db.fetchall(
            "SELECT section, text FROM safety_plan_sections WHERE client_id = ?", (client_id,)
        )
        shared = await self._db.fetchval(
            "SELECT shared FROM safety_plans WHERE client_id = ?", (client_id,)
        )
        return {str(row["section"]): str(row["text"]) for row in rows}, bool(shared)

    async def save_section(self, client_id: int, section: str, text: str | None, now: int) -> None:
        """Write (or with ``None`` clear) one section of a plan."""
        async with self._db.transaction() as conn:
            await conn.execute(
                "INSERT INTO safety_plans (client_id, updated_at) VALUES (?, ?)"
                " ON CONFLICT (client_id) DO UPDATE SET updated_at = excluded.updated_at",
                (client_id, now),
            )
            if text is None:
                await conn.execute(
                    "DELETE FROM safety_plan_sections WHERE client_id = ? AND section = ?",
                    (client_id, section),
                )
            else:
                await conn.execute(
                    "INSERT INTO safety_plan_sections (client_id, section, text, updated_at)"
                    " VALUES (?, ?, ?, ?) ON CONFLICT (client_id, section) DO UPDATE SET"
                    " text = excluded.text, updated_at = excluded.updated_at",
                    (client_id, section, text, now),
                )

    async def set_plan_shared(self, client_id: int, shared: bool, now: int) -> None:
        """Share the plan with the practitioner, or keep it private."""
        await self._db.execute(
            "INSERT INTO safety_plans (client_id, shared, updated_at) VALUES (?, ?, ?)"
            " ON CONFLICT (client_id) DO UPDATE SET shared = excluded.shared,"
            " updated_at = excluded.updated_at",
            (client_id, 1 if shared else 0, now),
        )
