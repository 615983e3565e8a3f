"""Everything stored about a client: reading it all for an export, erasing it all."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.storage.database import Connection, Database

__all__ = ["ERASE_STATEMENTS", "EXPORT_TABLES", "ErasureNotice", "PrivacyRepository"]

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
        " archived_at, why_not_lower, what_would_help, reflections_shared, stage,"
        " gas_weight AS weight_your_practitioner_gave_the_levels"
        " FROM goals WHERE client_id = ? ORDER BY id",
    ),
    (
        "goal_levels",
        "SELECT l.goal_id, l.level, l.text FROM goal_levels l JOIN goals g ON g.id = l.goal_id"
        " WHERE g.client_id = ? ORDER BY l.goal_id, l.level",
    ),
    (
        "checkins",
        "SELECT id, started_at, completed_at, wellbeing, note, note_shared FROM checkins"
        " WHERE client_id = ? ORDER BY id",
    ),
    (
        "ratings",
        "SELECT r.checkin_id, r.goal_id, r.value, r.level, r.slip, r.rated_at FROM ratings r"
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
        " JOIN safety_events e ON e.id = a.event_id WHERE e.client_id = ? ORDER BY a.at, a.seq",
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


@dataclass(frozen=True)
class ErasureNotice:
    """Who to tell that a client erased their data, and the name to tell them."""

    name: str  # the client's Telegram name
    practitioner_id: int
    practitioner_chat_id: int
    practitioner_locale: str


class PrivacyRepository:
    """All SQL of data rights."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def timezone(self, person_id: int) -> str | None:
        """The person's time zone, or ``None`` if there is no such person."""
        value = await self._db.fetchval("SELECT timezone FROM people WHERE id = ?", (person_id,))
        return None if value is None else str(value)

    async def export(self, person_id: int) -> dict[str, list[dict[str, Any]]]:
        """Every section of :data:`EXPORT_TABLES`, in order, its rows as ``{column: value}``."""
        sections: dict[str, list[dict[str, Any]]] = {}
        for section, query in EXPORT_TABLES:
            rows = await self._db.fetchall(query, (person_id,))
            sections[section] = [dict(zip(row.keys(), tuple(row), strict=True)) for row in rows]
        return sections

    async def forget_checkins(self, before: int) -> int:
        """Delete completed check-ins started before ``before`` (ratings go with them)."""
        async with self._db.transaction() as conn:
            cursor = await conn.execute(
                "DELETE FROM checkins WHERE started_at < ? AND completed_at IS NOT NULL", (before,)
            )
            return int(cursor.rowcount)

    async def erasure_notice(self, person_id: int) -> ErasureNotice | None:
        """Who hears that this client erased their data (``None``: not a client)."""
        row = await self._db.fetchone(
            "SELECT COALESCE(c.alias, me.display_name) AS display_name, pp.chat_id, pp.locale,"
            " pp.id AS practitioner_id"
            " FROM people me JOIN clients c ON c.person_id = me.id"
            " JOIN people pp ON pp.id = c.practitioner_id WHERE me.id = ?",
            (person_id,),
        )
        if row is None:
            return None
        return ErasureNotice(
            row["display_name"], row["practitioner_id"], row["chat_id"], row["locale"]
        )

    async def notify_left(
        self, conn: Connection, practitioner_id: int, name: str, now: int
    ) -> None:
        """Tell the practitioner in their next digest that a client left."""
        await conn.execute(
            "INSERT INTO practitioner_notices (practitioner_id, kind, name, created_at)"
            " VALUES (?, 'left', ?, ?)",
            (practitioner_id, name, now),
        )

    async def erase(self, conn: Connection, person_id: int) -> None:
        """Run :data:`ERASE_STATEMENTS` for the person in the caller's transaction."""
        for statement in ERASE_STATEMENTS:
            await conn.execute(statement, (person_id,))
