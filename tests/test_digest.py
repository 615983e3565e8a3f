"""Digests, attention rules, caseload views, privacy between practitioners, quiet hours."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.sandbox.fake_telegram import FakeUser
from bot.sandbox.harness import Harness
from bot.services.digests import allowed_silence_days, sparkline
from bot.services.people import Profile
from tests.conftest import PRACTITIONER, onboard_client, onboard_practitioner

ANA = FakeUser(3401, "Ana", "es")
BEN = FakeUser(3402, "Ben", "en")
CAL = FakeUser(3403, "Cal", "en")
OTHER_PRACTITIONER = FakeUser(2999, "Olga", "en", last_name="Novak")


async def person_id(harness: Harness, user: FakeUser) -> int:
    return int(
        await harness.services.db.fetchval(
            "SELECT id FROM people WHERE telegram_id = ?", (user.id,)
        )
    )


async def join(harness: Harness, user: FakeUser, practitioner: FakeUser = PRACTITIONER) -> int:
    await onboard_client(harness, user, practitioner)
    await harness.press_data(user, "g:cancel")
    return await person_id(harness, user)


async def checkin(
    harness: Harness,
    user: FakeUser,
    values: list[str],
    note: str | None = None,
    share: bool = False,
) -> None:
    await harness.send(user, "/checkin")
    for value in values:
        last = harness.telegram.last(user.id)
        data = next(
            d
            for label, d in last.buttons
            if label == value or (d.endswith(":s") and value == "skip")
        )
        await harness.press_data(user, data, message=last)
    last = harness.telegram.last(user.id)
    if note is None:
        await harness.press_data(
            user, next(d for _, d in last.buttons if d.endswith(":s")), message=last
        )
    else:
        await harness.send(user, note)
        last = harness.telegram.last(user.id)
        await harness.press_data(
            user,
            next(d for _, d in last.buttons if d.endswith(":1" if share else ":0")),
            message=last,
        )


def digests_to(harness: Harness, user: FakeUser) -> list[str]:
    return [
        m.text
        for m in harness.telegram.bot_messages(user.id)
        if "digest" in m.text.lower() or "Quiet period" in m.text
    ]


async def run_until(
    harness: Harness, moment: datetime, step: timedelta = timedelta(minutes=10)
) -> None:
    target = int(moment.timestamp())
    while harness.clock.now() + int(step.total_seconds()) <= target:
        harness.clock.advance(step)
        await harness.tick()


def test_sparkline_and_schedule_rules() -> None:
    assert sparkline([0, 5, 10]) == "▁▅█"
    assert sparkline([6, 7, 8]) == "▅▆▇"
    assert allowed_silence_days(frozenset(range(7))) == 2
    assert allowed_silence_days(frozenset({0, 3})) == 5  # Mon/Thu: longest gap Thu->Mon is 4
    assert allowed_silence_days(frozenset()) is None


async def test_week_of_checkins_gives_a_digest_that_flags_the_right_clients(
    harness: Harness,
) -> None:
    """The issue's acceptance story: a drop, a private note, a silent client, an open request."""
    await onboard_practitioner(harness)
    practitioner_id = await person_id(harness, PRACTITIONER)
    services = harness.services
    await services.people.set_timezone(practitioner_id, "Europe/Berlin")
    await services.digests.update(practitioner_id, frequency="weekly", weekday=0, at="08:30")
    ana = await join(harness, ANA)
    ben = await join(harness, BEN)
    cal = await join(harness, CAL)
    for client_id in (ana, ben, cal):
        await services.reminders.set_option(client_id, "ask_wellbeing", False)
    await services.reminders.set_days(cal, frozenset(range(7)))  # Ana and Ben: when they choose
    await services.goals.add(ana, "Dormir mejor")
    await services.goals.add(ben, "Cook at home")
    await services.goals.add(cal, "Run twice a week")
    await checkin(harness, ANA, ["7"])
    await checkin(harness, BEN, ["5"])
    await checkin(harness, CAL, ["6"])
    await services.digests.reschedule(practitioner_id)
    harness.clock.advance(timedelta(days=1))
    await checkin(harness, ANA, ["4"])  # a 3-point drop
    await checkin(harness, BEN, ["6"], note="Private: my brother visited", share=False)
    await services.requests.create(ben, None, None, "Help with a housing form")
    harness.clock.advance(timedelta(days=2))
    await checkin(harness, BEN, ["7"], note="Shared: cooking went well", share=True)
    # Cal stays silent past a daily schedule; run to Monday 2026-03-09 08:30 Berlin
    await run_until(harness, datetime(2026, 3, 9, 7, 31, tzinfo=UTC))
    digests = [
        m
        for m in harness.telegram.bot_messages(PRACTITIONER.id)
        if m.text.startswith("Your digest")
    ]
    assert len(digests) == 1
    digest = digests[0].text
    sent_at = datetime.fromtimestamp(digests[0].date, UTC)
    assert sent_at == datetime(2026, 3, 9, 7, 30, tzinfo=UTC)  # 08:30 in Berlin
    attention, rest = digest.split("Everyone else")
    assert "Ana" in attention and "rating down 7 → 4" in attention
    assert "Cal" in attention and "no check-in for" in attention
    assert "Ben" in rest
    assert "3 clients · 3 checked in · 2 may need attention · 1 open request" in digest
    assert "Shared: cooking went well" in digest
    assert "brother" not in digest  # private notes never reach a digest
    assert "open request: something else" in digest
    assert "Cook at home: 7/10 ↑1" in digest


async def test_daily_digest_in_another_zone_and_quiet_period(harness: Harness) -> None:
    await onboard_practitioner(harness)
    practitioner_id = await person_id(harness, PRACTITIONER)
    await harness.services.people.set_timezone(practitioner_id, "America/Los_Angeles")
    await harness.services.digests.update(practitioner_id, frequency="daily", at="07:30")
    # 07:30 PST on Tuesday 2026-03-03 = 15:30 UTC
    await run_until(harness, datetime(2026, 3, 3, 15, 31, tzinfo=UTC), step=timedelta(minutes=5))
    sent = [m for m in harness.telegram.bot_messages(PRACTITIONER.id) if "Quiet period" in m.text]
    assert len(sent) >= 1
    assert datetime.fromtimestamp(sent[-1].date, UTC) == datetime(2026, 3, 3, 15, 30, tzinfo=UTC)
    await harness.services.digests.update(practitioner_id, send_empty=False)
    await run_until(harness, datetime(2026, 3, 4, 15, 31, tzinfo=UTC), step=timedelta(minutes=5))
    assert len(
        [m for m in harness.telegram.bot_messages(PRACTITIONER.id) if "Quiet period" in m.text]
    ) == len(sent)


async def test_low_wellbeing_and_safety_event_need_attention(harness: Harness) -> None:
    await onboard_practitioner(harness)
    ana = await join(harness, ANA)
    await harness.services.goals.add(ana, "Salir a caminar")
    await checkin(harness, ANA, ["2", "5"])
    await harness.services.db.execute(
        "INSERT INTO safety_events (client_id, source, created_at) VALUES (?, 'note', ?)",
        (ana, harness.clock.now()),
    )
    [digest] = await harness.send(PRACTITIONER, "/digest")
    assert "low overall answer: 2/10" in digest.text
    assert "1 safety alert" in digest.text
    assert "1 may need attention" in digest.text


async def test_silence_rule_respects_only_when_i_choose_and_pause(harness: Harness) -> None:
    await onboard_practitioner(harness)
    ana = await join(harness, ANA)
    ben = await join(harness, BEN)
    await harness.services.reminders.set_days(ben, frozenset(range(7)))
    await harness.services.reminders.pause(ben, None)
    # Ana chose "only when I choose", Ben is paused: neither is flagged after two silent weeks
    harness.clock.advance(timedelta(days=14))
    [digest] = await harness.send(PRACTITIONER, "/digest")
    assert "no check-in for" not in digest.text
    await harness.services.reminders.resume(ben)
    [digest] = await harness.send(PRACTITIONER, "/digest")
    assert "no check-in for" not in digest.text  # silence is never counted across a pause
    harness.clock.advance(timedelta(days=3))  # three silent days after the pause: noticed
    [digest] = await harness.send(PRACTITIONER, "/digest")
    assert "no check-in for 3 days" in digest.text
    assert ana


async def test_digest_splits_cleanly_over_4096_characters(harness: Harness) -> None:
    await onboard_practitioner(harness)
    services = harness.services
    practitioner_id = await person_id(harness, PRACTITIONER)
    for n in range(40):  # seeded through the services: the chat path is covered elsewhere
        code, _ = await services.invites.create("client", PRACTITIONER.id, practitioner_id)
        profile = Profile(5000 + n, 5000 + n, f"Client{n:02d}", "en")
        check = await services.invites.open(code, profile.telegram_id)
        assert check.invite is not None
        await services.invites.accept_client(check.invite.id, check.invite.signature, profile)
        client_id = await person_id(harness, FakeUser(5000 + n, "x"))
        await services.goals.add(client_id, f"A fairly long goal number {n} " + "x" * 60)
        question = await services.checkins.start(client_id)
        assert question.checkin is not None
        checkin_id = question.checkin.id
        await services.checkins.answer(client_id, checkin_id, "w", None)
        current = await services.checkins.get(client_id, checkin_id)
        assert current is not None
        goal_step = (await services.checkins.question(current)).step
        await services.checkins.answer(client_id, checkin_id, goal_step, 5)
        await services.checkins.add_note(client_id, checkin_id, "y" * 150)
        await services.checkins.answer(client_id, checkin_id, "s", 1)
    await services.digests.update(practitioner_id, frequency="daily", at="10:00")
    await run_until(harness, datetime(2026, 3, 2, 10, 1, tzinfo=UTC), step=timedelta(minutes=5))
    parts = [
        m
        for m in harness.telegram.bot_messages(PRACTITIONER.id)
        if m.date == int(datetime(2026, 3, 2, 10, 0, tzinfo=UTC).timestamp())
    ]
    assert len(parts) >= 2
    assert all(len(p.text) <= 4096 for p in parts)
    assert parts[0].text.startswith("Your digest")
    assert sum(p.text.count("• Client") for p in parts) == 40
    assert all(p.text.count("<") == 0 for p in parts)  # every part parsed as valid HTML


async def test_clients_client_alias_and_privacy(harness: Harness) -> None:
    await onboard_practitioner(harness)
    await onboard_practitioner(harness, OTHER_PRACTITIONER)
    ana = await join(harness, ANA)
    olgas_client = await join(harness, CAL, OTHER_PRACTITIONER)
    await harness.services.goals.add(ana, "Dormir mejor")
    await checkin(harness, ANA, ["skip", "6"], note="compartida", share=True)
    [listing] = await harness.send(PRACTITIONER, "/clients")
    assert "1. Ana" in listing.text and "Cal" not in listing.text
    messages = await harness.send(PRACTITIONER, "/client 1")
    assert "Dormir mejor: 6/10" in messages[0].text
    assert "compartida" in messages[0].text
    assert messages[1].photo is not None
    await harness.press(PRACTITIONER, "Set a name")
    await harness.send(PRACTITIONER, "Ana G. (Tuesday group)")
    [listing] = await harness.send(PRACTITIONER, "/clients")
    assert "Ana G. (Tuesday group)" in listing.text
    # another practitioner's client: refused, and nothing about them is shown
    await harness.press_data(PRACTITIONER, f"cl:{olgas_client}")
    assert "not in your caseload" in harness.telegram.last(PRACTITIONER.id).text
    await harness.press_data(PRACTITIONER, f"cl:{olgas_client}:alias")
    assert "not in your caseload" in harness.telegram.last(PRACTITIONER.id).text
    [other_list] = await harness.send(OTHER_PRACTITIONER, "/clients")
    assert "Ana" not in other_list.text and "Cal" in other_list.text


async def test_request_alert_waits_for_quiet_hours_then_is_handled(harness: Harness) -> None:
    await onboard_practitioner(harness)
    practitioner_id = await person_id(harness, PRACTITIONER)
    ben = await join(harness, BEN)
    await harness.services.digests.update(  # opted in to request alerts at once
        practitioner_id, quiet_start="19:00", quiet_end="08:00", request_alerts="now"
    )
    harness.clock.set(datetime(2026, 3, 2, 21, 0, tzinfo=UTC))  # 21:00 UTC: quiet
    _request, wait = await harness.services.requests.create(ben, None, None, "rent <help>")
    assert wait == int(datetime(2026, 3, 3, 8, 0, tzinfo=UTC).timestamp())
    await harness.tick()
    assert not any(
        "asked for help" in m.text for m in harness.telegram.bot_messages(PRACTITIONER.id)
    )
    await run_until(harness, datetime(2026, 3, 3, 8, 5, tzinfo=UTC))
    alert = harness.telegram.last(PRACTITIONER.id)
    assert "Ben</b> asked for help" in alert.markup and "rent &lt;help&gt;" in alert.markup
    await harness.press(PRACTITIONER, "Mark handled")
    await harness.press(PRACTITIONER, "Write a message")
    await harness.send(PRACTITIONER, "I've booked you a slot on Thursday")
    told = harness.telegram.last(BEN.id)
    assert "followed up" in told.text and "Thursday" in told.text
    assert await harness.services.db.fetchval("SELECT status FROM requests") == "handled"
    [none_left] = await harness.send(PRACTITIONER, "/requests")
    assert "No open requests" in none_left.text


async def test_other_practitioner_cannot_handle_or_read(harness: Harness) -> None:
    await onboard_practitioner(harness)
    await onboard_practitioner(harness, OTHER_PRACTITIONER)
    ben = await join(harness, BEN)
    request, _ = await harness.services.requests.create(ben, None, None, "secret")
    await harness.press_data(OTHER_PRACTITIONER, f"rq:{request.id}:ok")
    assert await harness.services.db.fetchval("SELECT status FROM requests") == "open"
    [refused] = await harness.send(OTHER_PRACTITIONER, f"/request_{request.id}")
    assert "secret" not in refused.text
    await checkin(harness, BEN, ["skip"], note="shared but not for Olga", share=True)
    checkin_id = await harness.services.db.fetchval("SELECT id FROM checkins")
    [refused] = await harness.send(OTHER_PRACTITIONER, f"/note_{checkin_id}")
    assert "not for Olga" not in refused.text
    [mine] = await harness.send(PRACTITIONER, f"/note_{checkin_id}")
    assert "shared but not for Olga" in mine.text


async def test_rating_drop_alerts_only_when_enabled(harness: Harness) -> None:
    await onboard_practitioner(harness)
    practitioner_id = await person_id(harness, PRACTITIONER)
    ana = await join(harness, ANA)
    await harness.services.reminders.set_option(ana, "ask_wellbeing", False)
    await harness.services.goals.add(ana, "Dormir mejor")
    await checkin(harness, ANA, ["8"])
    harness.clock.advance(timedelta(days=1))
    await checkin(harness, ANA, ["5"])
    assert not any("went from" in m.text for m in harness.telegram.bot_messages(PRACTITIONER.id))
    await harness.services.digests.update(practitioner_id, alert_on_drop=True)
    harness.clock.advance(timedelta(days=1))
    await checkin(harness, ANA, ["4"])  # a drop of 1: no alert
    harness.clock.advance(timedelta(days=1))
    await checkin(harness, ANA, ["1"])  # a drop of 3: alert
    alerts = [m for m in harness.telegram.bot_messages(PRACTITIONER.id) if "went from" in m.text]
    assert len(alerts) == 1
    assert "from 4 to 1" in alerts[0].text
