"""Time the way people say it: "Buenos Aires", "Київ", "Múnich" -> a time zone; "7pm" -> 19:00.

Place names come from bot/data/places.tsv.gz (built by scripts/build_places.py from GeoNames
cities, CLDR country names in four languages and the IANA zones' own cities), loaded on the
first lookup. A name that is not found gets suggestions for near misses.
"""

from __future__ import annotations

import difflib
import gzip
import re
import threading
import unicodedata
import zoneinfo
from dataclasses import dataclass
from importlib import resources

__all__ = ["Place", "PlaceFinder", "fold", "parse_clock_time"]

_SPACES = re.compile(r"[\s\-_.,']+")


def fold(name: str) -> str:
    """Fold a place name for lookup: case, accents, punctuation and spacing do not matter."""
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(char for char in text if not unicodedata.combining(char))
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text)).strip()


@dataclass(frozen=True)
class Place:
    """A place someone may have meant, and its time zone."""

    name: str
    country: str  # ISO code, "" for a zone's own city
    zone: str


class PlaceFinder:
    """Finds the time zone of a place name in any of the four languages (or an IANA name)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._places: dict[str, tuple[Place, int]] = {}
        self._popular: list[str] = []

    def _load(self) -> None:
        with self._lock:
            if self._places:
                return
            raw = resources.files("bot.data").joinpath("places.tsv.gz").read_bytes()
            for line in gzip.decompress(raw).decode("utf-8").splitlines():
                key, zone, shown, country, population = line.split("\t")
                self._places[key] = (Place(shown, country, zone), int(population))
            # near misses are looked for among well-known places only (fast and sensible)
            self._popular = [key for key, (_, people) in self._places.items() if people >= 100000]

    def find(self, text: str) -> Place | None:
        """The place ``text`` names, or ``None``."""
        name = text.strip()
        if "/" in name and _is_zone(name):
            return Place(name.rsplit("/", 1)[1].replace("_", " "), "", name)
        self._load()
        found = self._places.get(fold(name))
        return None if found is None else found[0]

    def suggest(self, text: str, limit: int = 4) -> list[Place]:
        """Places whose names are close to ``text`` (a typo, a missing letter)."""
        self._load()
        key = fold(text)
        if not key:
            return []
        close = difflib.get_close_matches(key, self._popular, n=limit * 3, cutoff=0.75)
        seen: set[str] = set()
        found: list[Place] = []
        for each in close:
            place = self._places[each][0]
            if place.zone not in seen:
                seen.add(place.zone)
                found.append(place)
        return found[:limit]


def _is_zone(name: str) -> bool:
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


_CLOCK = re.compile(
    r"^\s*(?:at\s+|um\s+|a\s+las\s+|a\s+la\s+|о\s+|об\s+)?"
    r"(?P<hour>[0-9]{1,2})(?:\s*[:.h]\s*(?P<minute>[0-9]{2}))?\s*"
    r"(?P<half>a\.?\s?m\.?|p\.?\s?m\.?|uhr|h|hs|hrs|год(?:\.|ина)?)?\s*"
    r"(?P<part>in\s+the\s+(?:morning|afternoon|evening)|at\s+night|tonight|"
    r"de\s+la\s+(?:mañana|manana|tarde|noche)|morgens|vormittags|nachmittags|abends|"
    r"nachts|ранку|зранку|вранці|дня|вечора|ввечері|ночі)?\s*$",
    re.IGNORECASE,
)
_FOUR_DIGITS = re.compile(r"^\s*([01][0-9]|2[0-3])([0-5][0-9])\s*(?:h|hrs|uhr)?\s*$", re.IGNORECASE)
_NAMED = {
    "noon": "12:00", "midday": "12:00", "mediodía": "12:00", "mediodia": "12:00",
    "mittag": "12:00", "mittags": "12:00", "полудень": "12:00", "опівдні": "12:00",
    "midnight": "00:00", "medianoche": "00:00", "mitternacht": "00:00", "північ": "00:00",
    "опівночі": "00:00",
}  # fmt: skip
_AFTERNOON = re.compile(
    r"afternoon|evening|night|tonight|tarde|noche|nachmittags|abends|nachts|дня|вечора|"
    r"ввечері|ночі",
    re.IGNORECASE,
)


def parse_clock_time(text: str) -> str | None:
    """Read a time as people type it ("7pm", "7:30 pm", "19.00", "19:00", "7 Uhr", "1900",
    "8 in the evening", "8 de la tarde", "8 Uhr abends", "8 вечора", "noon"): HH:MM.

    Hours without am/pm or a part of the day are 24-hour ("7" is 07:00); anything else is
    refused (``None``).
    """
    named = _NAMED.get((text or "").strip().casefold().rstrip("."))
    if named is not None:
        return named
    if (four := _FOUR_DIGITS.match(text or "")) is not None:  # "0730", "1900h"
        return f"{four.group(1)}:{four.group(2)}"
    found = _CLOCK.match(text or "")
    if found is None:
        return None
    hour, minute = int(found.group("hour")), int(found.group("minute") or 0)
    half = (found.group("half") or "").lower().replace(".", "").replace(" ", "")
    part = found.group("part") or ""
    if minute > 59:
        return None
    if half in ("am", "pm"):
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    elif hour > 23:
        return None
    elif part:  # "8 in the evening", "8 de la tarde", "8 Uhr abends", "8 вечора"
        if _AFTERNOON.search(part) and 1 <= hour <= 11:
            hour += 12
        elif hour == 12 and re.search(r"night|noche|nachts|ночі", part, re.IGNORECASE):
            hour = 0
    if found.group("minute") is None and not half and not part:
        return None if len(found.group("hour")) > 2 else f"{hour:02d}:00"
    return f"{hour:02d}:{minute:02d}"
