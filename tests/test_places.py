"""Time the way people say it: place names in four languages, and times like "7pm"."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.services.places import PlaceFinder, parse_clock_time

FINDER = PlaceFinder()


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("Buenos Aires", "America/Argentina/Buenos_Aires"),
        ("buenos aires", "America/Argentina/Buenos_Aires"),
        ("Berlin", "Europe/Berlin"),
        ("Київ", "Europe/Kyiv"),
        ("Kiev", "Europe/Kyiv"),
        ("Múnich", "Europe/Berlin"),
        ("München", "Europe/Berlin"),
        ("Лондон", "Europe/London"),
        ("Londres", "Europe/London"),
        ("Nueva York", "America/New_York"),
        ("Ciudad de México", "America/Mexico_City"),
        ("Wien", "Europe/Vienna"),
        ("Spanien", "Europe/Madrid"),
        ("Україна", "Europe/Kyiv"),
        ("Alemania", "Europe/Berlin"),
        ("Europe/Lisbon", "Europe/Lisbon"),
    ],
)
def test_places_in_any_of_the_four_languages_resolve(typed: str, zone: str) -> None:
    place = FINDER.find(typed)
    assert place is not None and place.zone == zone, (typed, place)


def test_near_misses_get_suggestions_and_nonsense_gets_none() -> None:
    assert "Europe/Berlin" in [place.zone for place in FINDER.suggest("Berln")]
    assert "America/Argentina/Buenos_Aires" in [p.zone for p in FINDER.suggest("Bunos Aires")]
    assert FINDER.find("asdfgh") is None and FINDER.suggest("qqqqqqq") == []


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("7pm", "19:00"),
        ("7:30 pm", "19:30"),
        ("7.30PM", "19:30"),
        ("19.00", "19:00"),
        ("19:00", "19:00"),
        ("19h", "19:00"),
        ("7 Uhr", "07:00"),
        ("12am", "00:00"),
        ("12 pm", "12:00"),
        ("9", "09:00"),
        ("1900", "19:00"),
        ("at 8pm", "20:00"),
        ("8 in the evening", "20:00"),
        ("9 in the morning", "09:00"),
        ("noon", "12:00"),
        ("midnight", "00:00"),
        ("8 de la tarde", "20:00"),
        ("a las 10 de la noche", "22:00"),
        ("8 Uhr abends", "20:00"),
        ("о 8 вечора", "20:00"),
        ("12 at night", "00:00"),
        ("13pm", None),
        ("2400", None),
        ("25:00", None),
        ("19:75", None),
        ("seven", None),
        ("", None),
        ("١٩:٠٠", None),
    ],
)
def test_times_as_people_type_them(typed: str, expected: str | None) -> None:
    assert parse_clock_time(typed) == expected


@given(st.text(max_size=30))
def test_parse_clock_time_never_raises_and_returns_a_valid_time(text: str) -> None:
    result = parse_clock_time(text)
    if result is not None:
        hour, minute = result.split(":")
        assert 0 <= int(hour) <= 23 and 0 <= int(minute) <= 59
