"""Reminders at local time across zones and DST; snooze, not today, pause, no pile-up."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from bot.delivery import RESENT_MARK
from bot.sandbox.fake_telegram import FakeUser
from bot.sandbox.harness import Harness
from bot.services.reminders import next_occurrence, parse_time
from bot.storage.outbox import OutboxRepository
from tests.conftest import CLIENT, onboard_client, onboard_practitioner

BERLIN = FakeUser(3301, "Greta", "de")
NEW_YORK = FakeUser(3302, "Joe", "en")


async def client(harness: Harness, user: FakeUser, zone: str, days: set[int], at: str) -> int:
    await onboard_client(harness, user)
    await harness.press(
        user,
        harness.services.i18n.get(harness.services.i18n.resolve(None, user.language_code))._(
            "Skip for now"
        ),
    )
    client_id = int(
        await harness.services.db.fetchval(
            "SELECT id FROM people WHERE telegram_id = ?", (user.id,)
        )
    )
    await harness.services.people.set_timezone(client_id, zone)
    await harness.services.reminders.set_time(client_id, at)
    await harness.services.reminders.set_days(client_id, frozenset(days))
    return client_id


def reminders_to(harness: Harness, user: FakeUser) -> list[str]:
    return [
        m.text
        for m in harness.telegram.bot_messages(user.id)
        if any(d == "rem:go" for _, d in m.buttons)
    ]


async def run_until(
    harness: Harness, moment: datetime, step: timedelta = timedelta(minutes=1)
) -> None:
    target = int(moment.timestamp())
    while harness.clock.now() + int(step.total_seconds()) <= target:
        harness.clock.advance(step)
        await harness.tick()


async def test_reminders_at_local_time_in_two_zones(harness: Harness) -> None:
    await onboard_practitioner(harness)
    await client(harness, BERLIN, "Europe/Berlin", {0, 1, 2, 3, 4, 5, 6}, "09:00")
    await client(harness, NEW_YORK, "America/New_York", {1}, "18:30")  # Tuesdays
    # Monday 2026-03-02 09:00 UTC now; Berlin's next 09:00 is Tuesday 08:00 UTC
    await run_until(harness, datetime(2026, 3, 3, 7, 59, tzinfo=UTC))
    assert reminders_to(harness, BERLIN) == []
    await run_until(harness, datetime(2026, 3, 3, 8, 1, tzinfo=UTC))
    assert len(reminders_to(harness, BERLIN)) == 1
    sent = harness.telegram.bot_messages(BERLIN.id)[-1]
    assert sent.date == int(datetime(2026, 3, 3, 8, 0, tzinfo=UTC).timestamp())
    # New York: Tuesday 18:30 EST = 23:30 UTC
    await run_until(harness, datetime(2026, 3, 3, 23, 29, tzinfo=UTC))
    assert reminders_to(harness, NEW_YORK) == []
    await run_until(harness, datetime(2026, 3, 3, 23, 31, tzinfo=UTC))
    assert len(reminders_to(harness, NEW_YORK)) == 1


def test_berlin_spring_and_autumn_dst() -> None:
    every_day = frozenset(range(7))
    # 2026-03-29: clocks go forward at 02:00 local. 09:00 before = 08:00 UTC, after = 07:00 UTC.
    saturday = int(datetime(2026, 3, 28, 12, 0, tzinfo=UTC).timestamp())
    sunday_9 = next_occurrence(every_day, "09:00", "Europe/Berlin", saturday)
    assert sunday_9 == int(datetime(2026, 3, 29, 7, 0, tzinfo=UTC).timestamp())
    friday = int(datetime(2026, 3, 27, 12, 0, tzinfo=UTC).timestamp())
    assert next_occurrence(every_day, "09:00", "Europe/Berlin", friday) == int(
        datetime(2026, 3, 28, 8, 0, tzinfo=UTC).timestamp()
    )
    # 2026-10-25: clocks go back at 03:00 local. 09:00 after = 08:00 UTC.
    saturday_oct = int(datetime(2026, 10, 24, 12, 0, tzinfo=UTC).timestamp())
    assert next_occurrence(every_day, "09:00", "Europe/Berlin", saturday_oct) == int(
        datetime(2026, 10, 25, 8, 0, tzinfo=UTC).timestamp()
    )
    # a time that does not exist on the spring-forward night is still sent, once
    at_0230 = next_occurrence(every_day, "02:30", "Europe/Berlin", saturday)
    assert at_0230 is not None
    local = datetime.fromtimestamp(at_0230, UTC).astimezone(ZoneInfo("Europe/Berlin"))
    assert local.date().day == 29


async def test_dst_end_to_end_keeps_local_nine(harness: Harness) -> None:
    harness.clock.set(datetime(2026, 10, 23, 12, 0, tzinfo=UTC))
    await onboard_practitioner(harness)
    await client(harness, BERLIN, "Europe/Berlin", set(range(7)), "09:00")
    zone = ZoneInfo("Europe/Berlin")
    for _ in range(4):
        await run_until(
            harness, harness.clock.datetime + timedelta(days=1), step=timedelta(minutes=10)
        )
        last = harness.telegram.bot_messages(BERLIN.id)[-1]
        if any(d == "rem:skip" for _, d in last.buttons):
            await harness.press_data(BERLIN, "rem:skip", message=last)
    rows = await harness.services.db.fetchall(
        "SELECT sent_at FROM outbox WHERE kind = 'reminder' AND chat_id = ?", (BERLIN.id,)
    )
    sent = [row["sent_at"] for row in rows]
    local_times = {datetime.fromtimestamp(t, UTC).astimezone(zone).strftime("%H:%M") for t in sent}
    assert len(sent) >= 3
    assert local_times <= {"09:00", "09:10"}  # the tick runs every 10 minutes here


async def test_snooze_not_today_and_no_pile_up(harness: Harness) -> None:
    await onboard_practitioner(harness)
    client_id = await client(harness, NEW_YORK, "America/New_York", set(range(7)), "08:00")
    # 08:00 EST = 13:00 UTC on Monday 2026-03-02
    await run_until(harness, datetime(2026, 3, 2, 13, 1, tzinfo=UTC))
    assert len(reminders_to(harness, NEW_YORK)) == 1
    await harness.press(NEW_YORK, "Later")
    assert "ask again around" in harness.telegram.last(NEW_YORK.id).text
    await run_until(harness, datetime(2026, 3, 2, 14, 59, tzinfo=UTC))
    assert len(reminders_to(harness, NEW_YORK)) == 0  # the first one's buttons are gone
    await run_until(harness, datetime(2026, 3, 2, 15, 1, tzinfo=UTC))
    assert len(reminders_to(harness, NEW_YORK)) == 1  # snoozed two hours
    # unanswered: the next day's reminder replaces it rather than piling up
    await run_until(harness, datetime(2026, 3, 3, 13, 1, tzinfo=UTC))
    assert len(reminders_to(harness, NEW_YORK)) == 1
    await harness.press(NEW_YORK, "Not today")
    settings = await harness.services.reminders.settings(client_id)
    assert settings.next_prompt_at == int(datetime(2026, 3, 4, 13, 0, tzinfo=UTC).timestamp())


async def test_check_in_from_reminder(harness: Harness) -> None:
    await onboard_practitioner(harness)
    client_id = await client(harness, NEW_YORK, "America/New_York", set(range(7)), "08:00")
    await harness.services.goals.add(client_id, "Breathe")
    await run_until(harness, datetime(2026, 3, 2, 13, 1, tzinfo=UTC))
    await harness.press(NEW_YORK, "Check in now")
    assert "Overall" in harness.telegram.last(NEW_YORK.id).text
    source = await harness.services.db.fetchval("SELECT source FROM checkins")
    assert source == "reminder"


async def test_pause_and_resume(harness: Harness) -> None:
    await onboard_practitioner(harness)
    await client(harness, NEW_YORK, "America/New_York", set(range(7)), "08:00")
    await harness.send(NEW_YORK, "/pause")
    await harness.press(NEW_YORK, "1 week")
    # paused until Monday 2026-03-09 09:00 UTC; the next 08:00 New York time (now EDT,
    # clocks changed on 03-08) is 12:00 UTC that day
    await run_until(harness, datetime(2026, 3, 9, 11, 55, tzinfo=UTC), step=timedelta(minutes=5))
    assert reminders_to(harness, NEW_YORK) == []
    await run_until(harness, datetime(2026, 3, 9, 12, 5, tzinfo=UTC), step=timedelta(minutes=5))
    assert len(reminders_to(harness, NEW_YORK)) == 1

    await harness.send(NEW_YORK, "/pause")
    await harness.press(NEW_YORK, "Until I resume")
    await run_until(harness, datetime(2026, 3, 14, 12, 0, tzinfo=UTC), step=timedelta(hours=1))
    assert len(reminders_to(harness, NEW_YORK)) <= 1
    [resumed] = await harness.send(NEW_YORK, "/resume")
    assert "Next reminder" in resumed.text
    before = len([m for m in harness.telegram.bot_messages(NEW_YORK.id) if m.text.startswith("🌿")])
    await run_until(harness, datetime(2026, 3, 15, 12, 30, tzinfo=UTC), step=timedelta(minutes=30))
    after = len([m for m in harness.telegram.bot_messages(NEW_YORK.id) if m.text.startswith("🌿")])
    assert after == before + 1


async def test_schedule_set_in_settings_by_buttons(harness: Harness) -> None:
    await onboard_practitioner(harness)
    await onboard_client(harness, NEW_YORK)
    await harness.press(NEW_YORK, "Skip for now")
    await harness.send(NEW_YORK, "/settings")
    await harness.press(NEW_YORK, "Reminders")
    await harness.press(NEW_YORK, "Mon")
    await harness.press(NEW_YORK, "Thu")
    await harness.press(NEW_YORK, "Other time")
    [bad] = await harness.send(NEW_YORK, "25:99")
    assert "couldn't read that" in bad.text
    [good] = await harness.send(NEW_YORK, "7.45")
    assert "07:45" in good.text
    assert "Mon, Thu" in good.text
    assert "Next reminder" in good.text


@given(st.text(max_size=12))
def test_parse_time_property(text: str) -> None:
    parsed = parse_time(text)
    if parsed is not None:
        hours, minutes = parsed.split(":")
        assert 0 <= int(hours) <= 23 and 0 <= int(minutes) <= 59


async def test_a_reminder_caught_mid_send_by_a_crash_goes_once_more_marked(
    harness: Harness,
) -> None:
    """A process died between taking the reminder and Telegram's answer: nothing is lost.

    At the next start (or, with several processes, once its lease expired) the reminder is
    sent once more, marked 🔁, with its buttons; never a third time.
    """
    await onboard_practitioner(harness)
    await onboard_client(harness, CLIENT)
    await harness.press(CLIENT, "Skip for now")
    services = harness.services
    client_id = int(
        await services.db.fetchval("SELECT id FROM people WHERE telegram_id = ?", (CLIENT.id,))
    )
    await services.reminders.set_days(client_id, frozenset(range(7)))
    harness.clock.advance(timedelta(days=1))
    assert await services.reminders.send_due() == 1
    before = len(harness.telegram.bot_messages(CLIENT.id))
    row_id = int(await services.db.fetchval("SELECT id FROM outbox WHERE kind = 'reminder'"))
    # the dead process had claimed it (status 'sending') when it was killed
    assert await OutboxRepository(services.db).claim(row_id, harness.clock.now() + 60)
    harness.clock.advance(timedelta(minutes=5))  # its lease is long over
    assert await services.outbox.recover() == 1
    await harness.deliver()
    sent = harness.telegram.bot_messages(CLIENT.id)[before:]
    assert len(sent) == 1
    assert sent[0].text.startswith(RESENT_MARK)
    assert [data for _, data in sent[0].buttons] == ["rem:go", "rem:later", "rem:skip"]
    assert await services.outbox.recover() == 0  # sent: nothing left to resolve
    await harness.deliver()
    assert len(harness.telegram.bot_messages(CLIENT.id)) == before + 1


async def test_a_reminder_sent_again_after_a_crash_replaces_and_is_replaced_as_usual(
    harness: Harness,
) -> None:
    """The 🔁 copy of an interrupted reminder removes the unanswered one before it, and the
    next reminder removes the 🔁 copy, as with reminders sent the first time."""
    await onboard_practitioner(harness)
    await onboard_client(harness, CLIENT)
    await harness.press(CLIENT, "Skip for now")
    services = harness.services
    client_id = int(
        await services.db.fetchval("SELECT id FROM people WHERE telegram_id = ?", (CLIENT.id,))
    )
    await services.reminders.set_days(client_id, frozenset(range(7)))

    def reminders() -> list[str]:
        return [
            message.text
            for message in harness.telegram.bot_messages(CLIENT.id)
            if [data for _, data in message.buttons] == ["rem:go", "rem:later", "rem:skip"]
        ]

    harness.clock.advance(timedelta(days=1))
    assert await services.reminders.send_due() == 1
    await harness.deliver()
    assert len(reminders()) == 1 and not reminders()[0].startswith(RESENT_MARK)
    # the next day's reminder is caught mid-send by a crash; sent again once the lease is over
    harness.clock.advance(timedelta(days=1))
    assert await services.reminders.send_due() == 1
    row_id = int(
        await services.db.fetchval(
            "SELECT id FROM outbox WHERE kind = 'reminder' AND status = 'pending'"
        )
    )
    assert await OutboxRepository(services.db).claim(row_id, harness.clock.now() + 60)
    harness.clock.advance(timedelta(minutes=5))
    assert await services.outbox.recover() == 1
    await harness.deliver()
    assert len(reminders()) == 1 and reminders()[0].startswith(RESENT_MARK)  # the first removed
    # a day later, still unanswered: the new reminder takes the 🔁 copy's place
    harness.clock.advance(timedelta(days=1))
    assert await services.reminders.send_due() == 1
    await harness.deliver()
    assert len(reminders()) == 1 and not reminders()[0].startswith(RESENT_MARK)
