"""A client's own data: export everything, or erase everything and leave no copy behind."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.clock import Clock
from bot.i18n import I18n
from bot.storage import Database
from bot.storage.privacy import PrivacyRepository

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
                # not a ping: the practitioner reads it in their next digest; the name is kept
                # only until then (bot/services/digests.py forgets notices a digest has shown)
                await self._repo.notify_left(conn, notice.practitioner_id, notice.name, now)
        await self._db.scrub()
