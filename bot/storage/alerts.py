"""What alerts to practitioners need to know about a client and their goals."""

from __future__ import annotations

from dataclasses import dataclass

from bot.storage.database import Database

__all__ = ["AlertRepository", "AlertSubject"]


@dataclass(frozen=True)
class AlertSubject:
    """The client an alert is about, as their practitioner knows them."""

    client_id: int
    practitioner_id: int
    name: str  # the practitioner's alias for them, else their Telegram name
    alert_on_drop: bool


class AlertRepository:
    """All SQL of practitioner alerts."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def subject(self, client_id: int) -> AlertSubject | None:
        """The client, their practitioner and whether that one wants drop alerts."""
        row = await self._db.fetchone(
            "SELECT c.person_id, c.practitioner_id, COALESCE(c.alias, p.display_name) AS name,"
            " pr.alert_on_drop FROM clients c JOIN people p ON p.id = c.person_id"
            " JOIN practitioners pr ON pr.person_id = c.practitioner_id WHERE c.person_id = ?",
            (client_id,),
        )
        if row is None:
            return None
        return AlertSubject(
            row["person_id"], row["practitioner_id"], row["name"], bool(row["alert_on_drop"])
        )

    async def goal_id(self, client_id: int, text: str) -> int | None:
        """The client's latest goal with exactly this text."""
        value = await self._db.fetchval(
            "SELECT MAX(id) FROM goals WHERE client_id = ? AND text = ?", (client_id, text)
        )
        return None if value is None else int(value)

    async def goal_text(self, client_id: int, goal_id: int) -> str | None:
        """The text of one of the client's goals."""
        value = await self._db.fetchval(
            "SELECT text FROM goals WHERE id = ? AND client_id = ?", (goal_id, client_id)
        )
        return None if value is None else str(value)
