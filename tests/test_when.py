"""A session's day and time as practitioners type it, in any of the four languages."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.services.when import parse_moment

MONDAY = int(datetime(2026, 3, 2, 9, 0, tzinfo=UTC).timestamp())  # Mon 2 Mar 2026, 09:00


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Thursday 14:00", "2026-03-05 14:00"),
        ("thursday at 2pm", "2026-03-05 14:00"),
        ("Thu 3pm", "2026-03-05 15:00"),
        ("14:00 Thursday", "2026-03-05 14:00"),
        ("3pm on Thursday", "2026-03-05 15:00"),
        ("tomorrow 10am", "2026-03-03 10:00"),
        ("at 2pm tomorrow", "2026-03-03 14:00"),
        ("5 March 14:00", "2026-03-05 14:00"),
        ("5.3. 14:00", "2026-03-05 14:00"),
        ("05/03/2026 14:00", "2026-03-05 14:00"),
        ("2026-03-05 14:00", "2026-03-05 14:00"),
        ("2026-03-05T14:00", "2026-03-05 14:00"),
        ("jueves 14:00", "2026-03-05 14:00"),
        ("el jueves a las 15:00", "2026-03-05 15:00"),
        ("mañana a las 10:00", "2026-03-03 10:00"),
        ("Donnerstag 14 Uhr", "2026-03-05 14:00"),
        ("am Donnerstag um 14 Uhr", "2026-03-05 14:00"),
        ("четвер 14:00", "2026-03-05 14:00"),
        ("завтра о 9:00", "2026-03-03 09:00"),
        ("3pm", "2026-03-02 15:00"),
    ],
)
def test_days_and_times_as_people_type_them(typed: str, expected: str) -> None:
    found = parse_moment(typed, "en", "Europe/London", MONDAY)
    assert found is not None, typed
    assert datetime.fromtimestamp(found, UTC).strftime("%Y-%m-%d %H:%M") == expected


@pytest.mark.parametrize("typed", ["Friday", "hello world", "", "31.2. 10:00", "25:00 Monday"])
def test_no_day_and_time_is_no_moment(typed: str) -> None:
    assert parse_moment(typed, "en", "Europe/London", MONDAY) is None
