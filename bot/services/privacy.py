"""A client's own data: export everything, or erase everything and leave no copy behind."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.clock import Clock
from bot.i18n import I18n
from bot.services.outbox import OutgoingMessage, enqueue
from bot.storage import Database
from bot.storage.privacy import PrivacyRepository
from bot.text import esc

__all__ = ["PrivacyService"]

_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_TIME_FIELDS = ("_at", "paused_until")


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
        self._repo = PrivacyRepository(db)
        self._i18n = i18n
        self._clock = clock

    async def export(self, person_id: int) -> dict[str, Any]:
        """Return everything stored about a person, section by section, times in their zone."""
        zone = ZoneInfo(await self._repo.timezone(person_id) or "UTC")
        data: dict[str, Any] = {
            "exported_at": datetime.fromtimestamp(self._clock.now(), zone).isoformat(),
            "time_zone": str(zone),
        }
        for section, rows in (await self._repo.export(person_id)).items():
            data[section] = [
                {key: _readable(key, value, zone) for key, value in row.items()} for row in rows
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
        deleted = await self._repo.forget_checkins(self._clock.now() - months * 30 * 86400)
        if deleted:
            await self._db.scrub()
        return deleted

    async def erase(self, person_id: int) -> None:
        """Delete everything about a person, tell their practitioner, and scrub the files."""
        notice = await self._repo.erasure_notice(person_id)
        now = self._clock.now()
        async with self._db.transaction() as conn:
            await self._repo.erase(conn, person_id)
            if notice is not None:
                # Ready text, not a view: the notice must name the client after their row is
                # gone, and the outbox keeps a sent view's args but never a sent text, so no
                # copy of the name is left behind once it is sent.
                t = self._i18n.get(notice.practitioner_locale)
                text = t._(
                    "{name} chose to stop using the check-in bot and erased their data.",
                    name=esc(notice.name),
                )
                await enqueue(
                    conn,
                    chat_id=notice.practitioner_chat_id,
                    kind="notice",
                    message=OutgoingMessage(text),
                    now=now,
                    about=notice.practitioner_id,
                )
        await self._db.scrub()
