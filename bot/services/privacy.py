"""A client's own data: export everything, or erase everything."""

from __future__ import annotations

import html
import json
from typing import Any

from bot.clock import Clock
from bot.i18n import I18n
from bot.services.outbox import OutgoingMessage, enqueue
from bot.storage import Database

__all__ = ["ERASE_STATEMENTS", "EXPORT_TABLES", "PrivacyService"]

# (section name, query with one "?" for the person id). Later features add their tables.
EXPORT_TABLES: list[tuple[str, str]] = [
    (
        "profile",
        "SELECT display_name, locale, timezone, created_at FROM people WHERE id = ?",
    ),
    (
        "connection",
        "SELECT c.consented_at, p.display_name AS practitioner FROM clients c"
        " JOIN people p ON p.id = c.practitioner_id WHERE c.person_id = ?",
    ),
    (
        "reminders",
        "SELECT reminder_days, reminder_time, paused, paused_until, ask_wellbeing,"
        " share_notes_default FROM clients WHERE person_id = ?",
    ),
    (
        "goals",
        "SELECT id, text, status, importance, confidence, created_at, achieved_at, archived_at"
        " FROM goals WHERE client_id = ? ORDER BY id",
    ),
    (
        "checkins",
        "SELECT id, started_at, completed_at, wellbeing, note, note_shared FROM checkins"
        " WHERE client_id = ? ORDER BY id",
    ),
    (
        "ratings",
        "SELECT r.checkin_id, r.goal_id, r.value, r.rated_at FROM ratings r"
        " JOIN checkins c ON c.id = r.checkin_id WHERE c.client_id = ? ORDER BY r.rated_at",
    ),
    (
        "safety_events",
        "SELECT id, created_at, source, text, urgent_at, acknowledged_at, closed_at"
        " FROM safety_events WHERE client_id = ? ORDER BY id",
    ),
    (
        "safety_answers",
        "SELECT a.event_id, a.answer, a.at FROM safety_answers a"
        " JOIN safety_events e ON e.id = a.event_id WHERE e.client_id = ? ORDER BY a.at",
    ),
    (
        "safety_plan",
        "SELECT s.section, s.text, s.updated_at, p.shared FROM safety_plan_sections s"
        " JOIN safety_plans p ON p.client_id = s.client_id WHERE s.client_id = ?",
    ),
]

# Statements run in order inside one transaction, each with the person id; children first.
ERASE_STATEMENTS: list[str] = [
    # nothing queued to or about them is sent after erasure
    "DELETE FROM outbox WHERE about_person = ?",
    "DELETE FROM outbox WHERE status IN ('pending', 'sending')"
    " AND chat_id = (SELECT chat_id FROM people WHERE id = ?)",
    "UPDATE invites SET used_by = NULL WHERE used_by = ?",
    "DELETE FROM clients WHERE person_id = ?",
    "DELETE FROM people WHERE id = ?",
]


class PrivacyService:
    """Exports and erases a person's data."""

    def __init__(self, db: Database, i18n: I18n, clock: Clock) -> None:
        self._db = db
        self._i18n = i18n
        self._clock = clock

    async def export(self, person_id: int) -> dict[str, Any]:
        """Return everything stored about a person, section by section."""
        data: dict[str, Any] = {"exported_at": self._clock.now()}
        for section, query in EXPORT_TABLES:
            rows = await self._db.fetchall(query, (person_id,))
            data[section] = [dict(row) for row in rows]
        return data

    async def export_json(self, person_id: int) -> bytes:
        """Return the export as pretty UTF-8 JSON."""
        data = await self.export(person_id)
        return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")

    async def erase(self, person_id: int) -> None:
        """Delete everything about a person in one transaction and tell their practitioner."""
        row = await self._db.fetchone(
            "SELECT me.display_name, pp.chat_id, pp.locale FROM people me"
            " JOIN clients c ON c.person_id = me.id JOIN people pp ON pp.id = c.practitioner_id"
            " WHERE me.id = ?",
            (person_id,),
        )
        now = self._clock.now()
        async with self._db.transaction() as conn:
            for statement in ERASE_STATEMENTS:
                await conn.execute(statement, (person_id,))
            if row is not None:
                t = self._i18n.get(row["locale"])
                text = t._(
                    "{name} chose to stop using the check-in bot and erased their data.",
                    name=html.escape(row["display_name"], quote=False),
                )
                await enqueue(
                    conn,
                    chat_id=row["chat_id"],
                    kind="notice",
                    message=OutgoingMessage(text),
                    now=now,
                )
