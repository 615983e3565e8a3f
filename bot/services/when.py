"""A moment as a practitioner types it: "Thursday 14:00", "3.12. 2pm", "jueves 10:30",
"Donnerstag 14 Uhr", "завтра 9:00", "2026-12-03 14:00" (dateparser reads the day, in the
person's language; bot/services/places.py reads the time)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.services.places import parse_clock_time

__all__ = ["parse_moment"]

_TIME_AT_END = re.compile(
    r"(?:^|\s)(?:at|um|a\s+las|a\s+la|о|об|@)?\s*"
    r"(?P<time>\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?\s?m\.?|p\.?\s?m\.?|uhr|h)?)\s*$",
    re.IGNORECASE,
)
_TIME_AT_START = re.compile(
    r"^(?:at|um|a\s+las|a\s+la|о|об|@)?\s*"
    r"(?P<time>\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?\s?m\.?|p\.?\s?m\.?|uhr|h)?)"
    r"(?:\s*,)?\s+(?:on\s+|el\s+|am\s+|в\s+|у\s+)?(?P<day>\D.*)$",
    re.IGNORECASE,
)
_LANGUAGES = ("en", "es", "de", "uk")
_NUMERIC_DAY = re.compile(r"^(\d{1,2})[./-](\d{1,2})(?:[./-](\d{4}|\d{2}))?\.?$")


def parse_moment(text: str, locale: str, timezone: str, now: int) -> int | None:
    """The instant ``text`` names in ``timezone`` (``None``: no day and time found).

    A time is required; a day without a year is the next one to come.
    """
    import dateparser  # imported on first use: it loads its language data lazily

    text = " ".join(text.split())[:100]
    text = re.sub(r"(\d{4}-\d{2}-\d{2})T(\d)", r"\1 \2", text)  # ISO 8601
    found = _TIME_AT_END.search(text)
    if found is not None:
        time_text, day_text = found.group("time"), text[: found.start()]
    elif (leading := _TIME_AT_START.match(text)) is not None:  # "14:00 Thursday"
        time_text, day_text = leading.group("time"), leading.group("day")
    else:
        return None
    clock = parse_clock_time(time_text.strip())
    if clock is None:
        return None
    hours, minutes = (int(part) for part in clock.split(":"))
    zone = ZoneInfo(timezone)
    local_now = datetime.fromtimestamp(now, UTC).astimezone(zone)
    day_text = day_text.strip(" ,")
    numeric = _NUMERIC_DAY.match(day_text)
    if not day_text:
        day = local_now.date()
    elif numeric is not None:
        first, second, year = numeric.group(1, 2, 3)
        american = numeric.group(0).count("/") and timezone.startswith(("America/", "US/"))
        month, day_of_month = (int(first), int(second)) if american else (int(second), int(first))
        try:
            day = date(int(year) if year else local_now.year, month, day_of_month)
        except ValueError:
            return None
        if year and len(year) == 2:
            day = day.replace(year=2000 + int(year))
        if not year and day < local_now.date():
            day = day.replace(year=day.year + 1)
    else:
        parsed = None
        for candidate in _candidates(day_text):
            parsed = dateparser.parse(
                candidate,
                # their language first, then the others people here write in
                languages=list(dict.fromkeys([locale, *_LANGUAGES])),
                settings={
                    "PREFER_DATES_FROM": "future",
                    "RELATIVE_BASE": local_now.replace(tzinfo=None),
                    "DATE_ORDER": "YMD" if re.match(r"\d{4}", candidate) else "DMY",
                },
            )
            if parsed is not None:
                break
        if parsed is None:
            return None
        day = parsed.date()
    moment = datetime(day.year, day.month, day.day, hours, minutes, tzinfo=zone)
    if not day_text and moment <= local_now:
        moment += timedelta(days=1)  # "14:00" after two o'clock: tomorrow
    return int(moment.timestamp())


_ARTICLE = re.compile(r"^(?:on|this|el|la|am|an|в|у|во)\s+", re.IGNORECASE)
_NEXT = re.compile(
    r"^(?:next|coming|this\s+coming|pr[oó]xim[oa]|n[aä]chste[nr]?|kommende[nr]?|наступн\w+)\s+",
    re.IGNORECASE,
)


def _candidates(day_text: str) -> list[str]:
    """The day as typed, then without a leading article ("el jueves"), then without "next"
    (a weekday alone is the next one to come)."""
    plain = _ARTICLE.sub("", day_text)
    bare = _NEXT.sub("", plain)
    return list(dict.fromkeys([day_text, plain, bare]))
