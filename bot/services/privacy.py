"""A client's own data: export everything, or erase everything and leave no copy behind."""

from __future__ import annotations

import html
import json
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.clock import Clock
from bot.i18n import I18n
from bot.services.outbox import OutgoingMessage, enqueue
from bot.storage import Database

__all__ = ["ERASE_STATEMENTS", "EXPORT_TABLES", "PrivacyService"]

# (section name, query with one "?" for the person id): everything stored about a client.
# tests/test_data_rights.py seeds every kind of data and checks that each one is here.
EXPORT_TABLES: list[tuple[str, str]] = [
    (
        "profile",
        "SELECT display_name, locale, timezone, created_at, pending_input AS waiting_input"
        " FROM people WHERE id = ?",
    ),
    (
        "connection",
        "SELECT c.consented_at, c.consent_version, p.display_name AS practitioner,"
        " c.alias AS name_your_practitioner_uses FROM clients c"
        " JOIN people p ON p.id = c.practitioner_id WHERE c.person_id = ?",
    ),
    (
        "reminders",
        "SELECT reminder_days, reminder_time, paused, paused_until, ask_wellbeing,"
        " share_notes_default, next_prompt_at FROM clients WHERE person_id = ?",
    ),
    (
        "goals",
        "SELECT id, text, status, importance, confidence, created_at, updated_at, achieved_at,"
        " archived_at FROM goals WHERE client_id = ? ORDER BY id",
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
        "requests",
        "SELECT id, resource_id, resource_title, note, status, created_at, handled_at,"
        " handled_message AS practitioner_reply, withdrawn_at FROM requests"
        " WHERE client_id = ? ORDER BY id",
    ),
    (
        "safety_events",
        "SELECT id, created_at, source AS where_written, text AS what_you_wrote, urgent_at,"
        " acknowledged_at, acknowledged_name AS acknowledged_by, closed_at"
        " FROM safety_events WHERE client_id = ? ORDER BY id",
    ),
    (
        "safety_answers",
        "SELECT a.event_id, a.answer, a.at FROM safety_answers a"
        " JOIN safety_events e ON e.id = a.event_id WHERE e.client_id = ? ORDER BY a.at",
    ),
    (
        "safety_event_views",
        "SELECT v.event_id, v.viewer_name, v.at FROM safety_views v"
        " JOIN safety_events e ON e.id = v.event_id WHERE e.client_id = ? ORDER BY v.at",
    ),
    (
        "safety_plan",
        "SELECT s.section, s.text, s.updated_at, p.shared FROM safety_plan_sections s"
        " JOIN safety_plans p ON p.client_id = s.client_id WHERE s.client_id = ?",
    ),
    (
        "messages_waiting_to_be_sent_to_you",
        "SELECT kind, created_at FROM outbox WHERE status IN ('pending', 'sending')"
        " AND chat_id = (SELECT chat_id FROM people WHERE id = ?)",
    ),
]
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_TIME_FIELDS = ("_at", "paused_until")

# Statements run in order inside one transaction, each with the person id; children first.
# Everything else about the client (goals, check-ins, ratings, requests, safety events and
# answers, views, the plan) goes with the clients row (ON DELETE CASCADE).
ERASE_STATEMENTS: list[str] = [
    # nothing queued to or about them is sent after erasure
    "DELETE FROM outbox WHERE about_person = ?",
    "DELETE FROM outbox WHERE chat_id = (SELECT chat_id FROM people WHERE id = ?)",
    "DELETE FROM unreachable_chats WHERE chat_id = (SELECT chat_id FROM people WHERE id = ?)",
    "UPDATE invites SET used_by = NULL WHERE used_by = ?",
    "UPDATE requests SET handled_by = NULL WHERE handled_by = ?",
    "DELETE FROM clients WHERE person_id = ?",
    "DELETE FROM people WHERE id = ?",
]


def _readable(key: str, value: Any, zone: ZoneInfo) -> Any:
    """ISO times in the person's zone, weekday names, flags as booleans."""
    if value is None:
        return None
    if isinstance(value, int) and (key.endswith(_TIME_FIELDS) or key == "at"):
        return datetime.fromtimestamp(value, zone).isoformat()
    if key == "reminder_days":
        return [_DAY_NAMES[int(day)] for day in str(value).split(",") if day.strip().isdigit()]
    if key in ("paused", "ask_wellbeing", "share_notes_default", "note_shared", "shared"):
        return bool(value)
    if key == "waiting_input":
        return json.loads(value)
    return value


class PrivacyService:
    """Exports and erases a person's data."""

    def __init__(self, db: Database, i18n: I18n, clock: Clock) -> None:
        self._db = db
        self._i18n = i18n
        self._clock = clock

    async def export(self, person_id: int) -> dict[str, Any]:
        """Return everything stored about a person, section by section, times in their zone."""
        timezone = await self._db.fetchval("SELECT timezone FROM people WHERE id = ?", (person_id,))
        zone = ZoneInfo(str(timezone or "UTC"))
        data: dict[str, Any] = {
            "exported_at": datetime.fromtimestamp(self._clock.now(), zone).isoformat(),
            "time_zone": str(zone),
        }
        for section, query in EXPORT_TABLES:
            rows = await self._db.fetchall(query, (person_id,))
            data[section] = [
                {key: _readable(key, row[key], zone) for key in row.keys()}  # noqa: SIM118
                for row in rows
            ]
        return data

    async def export_json(self, person_id: int) -> bytes:
        """Return the export as pretty UTF-8 JSON."""
        data = await self.export(person_id)
        return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")

    async def forget_old(self, months: int) -> int:
        """Delete check-ins (with their ratings and notes) older than ``months``; 0: keep all."""
        if months <= 0:
            return 0
        before = self._clock.now() - months * 30 * 86400
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                "DELETE FROM checkins WHERE started_at < ? AND completed_at IS NOT NULL", (before,)
            )
            deleted = int(cursor.rowcount)
        if deleted:
            await self._db.scrub()
        return deleted

    async def erase(self, person_id: int) -> None:
        """Delete everything about a person, tell their practitioner, and scrub the files."""
        row = await self._db.fetchone(
            "SELECT me.display_name, pp.chat_id, pp.locale, pp.id AS practitioner_id"
            " FROM people me JOIN clients c ON c.person_id = me.id"
            " JOIN people pp ON pp.id = c.practitioner_id WHERE me.id = ?",
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
                    about=row["practitioner_id"],
                )
        await self._db.scrub()
