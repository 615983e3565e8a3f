"""The practitioner's own weekly check-in: off by default, weekly once on, theirs alone."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import pytest

from bot.logs import clamp_libraries
from bot.sandbox.harness import Harness
from tests.conftest import ADMIN, invite_code
from tests.test_digest import person_id, run_until
from tests.test_practitioner_care import DANA, OLGA


async def practitioners(harness: Harness) -> tuple[int, int]:
    """Dana and Olga, new practitioners with the default working week, in London."""
    ids = []
    for user in (DANA, OLGA):
        [link] = await harness.send(ADMIN, "/newpractitioner")
        await harness.send(user, f"/start {invite_code(link.text)}")
        person = await person_id(harness, user)
        await harness.services.people.set_timezone(person, "Europe/London")
        ids.append(person)
    return ids[0], ids[1]


def questions(harness: Harness) -> list[str]:
    return [
        m.text for m in harness.telegram.bot_messages(DANA.id) if "How full is your tank" in m.text
    ]


async def test_off_by_default_then_weekly_on_the_last_working_day(harness: Harness) -> None:
    dana, _olga = await practitioners(harness)
    await harness.send(DANA, "/settings")
    await harness.press_data(DANA, "ps:menu")
    shown = harness.telegram.last(DANA.id).text
    assert "Your own check-in: off" in shown
    await run_until(harness, datetime(2026, 3, 9, 9, 0, tzinfo=UTC), step=timedelta(hours=1))
    assert questions(harness) == []  # nothing is asked until they choose it

    await harness.press_data(DANA, "own:menu")
    assert "Nobody else sees the answers" in harness.telegram.last(DANA.id).text
    await harness.press(DANA, "Turn it on")
    assert "Fri 13 Mar, 17:00" in harness.telegram.last(DANA.id).text  # an hour before 18:00
    await run_until(harness, datetime(2026, 3, 13, 16, 50, tzinfo=UTC), step=timedelta(hours=1))
    assert questions(harness) == []
    await run_until(harness, datetime(2026, 3, 13, 17, 10, tzinfo=UTC), step=timedelta(minutes=5))
    assert len(questions(harness)) == 1
    await harness.press(DANA, "3")
    [care] = [m for m in harness.telegram.bot_messages(DANA.id)[-1:]]
    assert "someone you could talk to" in care.text and "One thing" in care.text
    [noted] = await harness.send(DANA, "Swim on Saturday morning")
    assert "just for you" in noted.text
    [week] = await harness.services.own_checkins.history(dana)
    assert (week.tank, week.one_thing) == (3, "Swim on Saturday morning")
    # the following week too, and the view shows the tank and their words back to them
    await run_until(harness, datetime(2026, 3, 20, 17, 10, tzinfo=UTC), step=timedelta(hours=1))
    assert len(questions(harness)) == 2
    await harness.press_data(DANA, "own:menu")
    view = harness.telegram.last(DANA.id).text
    assert "now 3/10" in view and "Swim on Saturday morning" in view
    await harness.press(DANA, "Turn it off")
    assert await harness.services.own_checkins.next_at(dana) is None


async def test_theirs_alone_and_erasable(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    clamp_libraries(logging.DEBUG)  # as the bot runs at LOG_LEVEL=DEBUG
    dana, olga = await practitioners(harness)
    await harness.send(DANA, "/settings")
    await harness.press_data(DANA, "ps:menu")
    await harness.press_data(DANA, "own:menu")
    await harness.press(DANA, "Check in now")
    [question] = [m for m in harness.telegram.bot_messages(DANA.id) if "How full" in m.text]
    tank_data = next(data for label, data in question.buttons if label == "7")
    # another practitioner cannot answer it (or learn anything from trying)
    await harness.press_data(OLGA, tank_data)
    assert await harness.services.own_checkins.history(dana) == []
    assert "no longer here" in harness.telegram.last(OLGA.id).text
    await harness.press_data(DANA, tank_data, message=question)
    [refused] = await harness.send(DANA, "x" * 501)
    assert "500" in refused.text  # the limit is named and nothing is cut or kept
    [week] = await harness.services.own_checkins.history(dana)
    assert week.one_thing is None
    await harness.send(DANA, "A long walk, phone off")
    # admins' figures never include it, and no log line holds the words
    [stats] = await harness.send(ADMIN, "/stats")
    assert "tank" not in stats.text.lower() and "own" not in stats.text.lower()
    assert "phone off" not in caplog.text
    # a question queued earlier and erased meanwhile is never sent
    await harness.press_data(DANA, "own:on")
    await harness.press_data(DANA, "own:erase")
    await harness.press(DANA, "Yes, delete them")
    assert "Deleted 1 check-in." in harness.telegram.last(DANA.id).text
    assert await harness.services.own_checkins.history(dana) == []
    assert olga  # Olga's own data was never touched
