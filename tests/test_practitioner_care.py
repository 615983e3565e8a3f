"""Boundaries by default, honest expectations, messages and topics, session prep, cover while
away: the practitioner-centred defaults through the real application with an injected clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.sandbox.fake_telegram import FakeUser
from bot.sandbox.harness import Harness
from tests.conftest import ADMIN, CLIENT, PRACTITIONER, invite_code, onboard_client
from tests.test_digest import checkin, person_id, run_until

DANA = FakeUser(2301, "Dana", "en", last_name="Weber")
OLGA = FakeUser(2302, "Olga", "en", last_name="Novak")


async def setup(harness: Harness) -> tuple[int, int]:
    """Dana (new practitioner, defaults untouched) and her client Chris with one goal."""
    [link] = await harness.send(ADMIN, "/newpractitioner")
    await harness.send(DANA, f"/start {invite_code(link.text)}")
    await onboard_client(harness, CLIENT, DANA)
    await harness.send(CLIENT, "Walk every morning")
    await harness.press_data(CLIENT, "g:1:imp:8")
    await harness.press_data(CLIENT, "g:1:conf:5")
    await harness.press_data(CLIENT, "gr:1:skipwhy")  # the open follow-ups are optional
    await harness.press_data(CLIENT, "gr:1:skiphelp")
    dana = await person_id(harness, DANA)
    await harness.services.people.set_timezone(dana, "Europe/London")
    return dana, await person_id(harness, CLIENT)


def texts(harness: Harness, user: FakeUser) -> list[str]:
    return [m.text for m in harness.telegram.bot_messages(user.id)]


async def test_new_practitioners_start_with_boundaries(harness: Harness) -> None:
    dana, _chris = await setup(harness)
    settings = await harness.services.digests.settings(dana)
    assert (settings.quiet_end, settings.quiet_start) == ("08:00", "18:00")
    assert settings.work_days == frozenset(range(5))
    assert settings.request_alerts == "digest" and not settings.alert_on_drop
    await harness.send(DANA, "/settings")
    await harness.press_data(DANA, "ps:menu")
    shown = harness.telegram.last(DANA.id).text
    assert "Working hours: Mon, Tue, Wed, Thu, Fri, 08:00–18:00" in shown
    assert "only safety alerts reach you" in shown
    assert "Requests from clients: in your digest" in shown
    # the practitioner changes it: requests as alerts, Saturdays too
    await harness.press_data(DANA, "ps:req")
    await harness.press_data(DANA, "ps:d:5")
    shown = harness.telegram.last(DANA.id).text
    assert "Requests from clients: an alert at once, in working hours" in shown
    assert "Fri, Sat, 08:00–18:00" in shown


async def test_a_request_at_2am_waits_for_the_working_day_digest(harness: Harness) -> None:
    _dana, _chris = await setup(harness)
    harness.clock.set(datetime(2026, 3, 3, 2, 0, tzinfo=UTC))  # Tuesday 02:00 in London
    before = len(texts(harness, DANA))
    await harness.send(CLIENT, "/resources")
    await harness.press_data(CLIENT, "res:other")
    [confirm] = await harness.send(CLIENT, "help with the housing form")
    # the client is told honestly who reads it and when; nobody is "watching"
    assert "Dana Weber reads these on working days" in confirm.text
    assert "usually replies within 2 working days" in confirm.text
    assert "Nobody watches this chat in real time" in confirm.text
    await run_until(harness, datetime(2026, 3, 3, 7, 50, tzinfo=UTC))
    assert len(texts(harness, DANA)) == before  # nothing at night
    await run_until(harness, datetime(2026, 3, 3, 8, 40, tzinfo=UTC))
    [digest] = [t for t in texts(harness, DANA)[before:] if t.startswith("Your digest")]
    assert "open request: something else (new)" in digest
    assert not any("asked for help" in t for t in texts(harness, DANA))
    # a day later the same request says how long it has been open
    await run_until(harness, datetime(2026, 3, 5, 8, 40, tzinfo=UTC))
    assert "(open 2 days)" in texts(harness, DANA)[-1]


async def test_a_safety_alert_still_reaches_a_person_at_once_at_night(harness: Harness) -> None:
    _dana, _chris = await setup(harness)
    harness.clock.set(datetime(2026, 3, 3, 2, 0, tzinfo=UTC))
    [crisis] = await harness.send(CLIENT, "I want to end my life tonight")
    help_now = next(d for _, d in crisis.buttons if d.endswith(":help"))
    await harness.press_data(CLIENT, help_now)
    assert "Urgent: Chris asked for help now" in harness.telegram.last(DANA.id).text


async def test_a_daily_digest_skips_the_weekend_and_monday_covers_it(harness: Harness) -> None:
    dana, _chris = await setup(harness)
    await harness.services.digests.update(dana, frequency="daily", at="08:30")
    await run_until(harness, datetime(2026, 3, 6, 12, 0, tzinfo=UTC), step=timedelta(hours=1))
    before = len(harness.telegram.bot_messages(DANA.id))
    # Friday afternoon and Saturday: two check-ins with shared notes
    await checkin(harness, CLIENT, ["6", "7"], note="Friday walk was lovely", share=True)
    await run_until(harness, datetime(2026, 3, 7, 11, 0, tzinfo=UTC), step=timedelta(hours=1))
    await checkin(harness, CLIENT, ["6", "7"], note="Saturday walk too", share=True)
    await run_until(harness, datetime(2026, 3, 9, 8, 40, tzinfo=UTC), step=timedelta(minutes=30))
    digests = [
        m
        for m in harness.telegram.bot_messages(DANA.id)[before:]
        if m.text.startswith("Your digest") or "Quiet period" in m.text
    ]
    [monday] = digests  # nothing on Saturday or Sunday
    assert datetime.fromtimestamp(monday.date, UTC) == datetime(2026, 3, 9, 8, 30, tzinfo=UTC)
    assert "Friday walk" in monday.text and "Saturday walk" in monday.text


async def test_messages_and_topics_reach_the_digest_client_page_and_prep(
    harness: Harness,
) -> None:
    dana, chris = await setup(harness)
    # small talk gets a kind word, not a menu
    [thanks] = await harness.send(CLIENT, "thanks!")
    assert "welcome" in thanks.text and not thanks.buttons
    [offer] = await harness.send(CLIENT, "can you tell Dana I will be late on Thursday?")
    labels = [label for label, _ in offer.buttons]
    assert "✉️ Send to Dana Weber" in labels and "🗣 To talk about next time" in labels
    await harness.press(CLIENT, "Send to Dana")
    sent = harness.telegram.last(CLIENT.id)  # the choice is answered in place
    assert "Kept for Dana Weber" in sent.text and "2 working days" in sent.text
    await harness.send(CLIENT, "my sister moving in with us")
    await harness.press(CLIENT, "To talk about next time")
    # a shared note and a private one
    await checkin(harness, CLIENT, ["6", "7"], note="the park loop felt easy", share=True)
    await checkin(harness, CLIENT, ["6", "7"], note="my secret worry", share=False)
    before = len(texts(harness, DANA))
    [digest] = await harness.send(DANA, "/digest")
    assert "late on Thursday" in digest.text and "sister moving in" in digest.text
    assert len(texts(harness, DANA)) == before + 1  # never a ping of its own
    # /client 1 lists both with a clear button each, and sets the next session
    [page, *_chart] = await harness.send(DANA, "/client 1")
    assert "Messages from the client" in page.text and "To talk about next time" in page.text
    assert "importance 8/10" in page.text and "confidence 5/10" in page.text
    await harness.press(DANA, "Next session", message=page)
    # Thursday 5 March 14:00 London; the prep comes at 13:00, inside working hours
    [set_reply] = await harness.send(DANA, "Thursday 14:00")
    assert "Next session: Thu 5 Mar, 14:00" in set_reply.text
    assert "Thu 5 Mar, 13:00" in set_reply.text
    await run_until(harness, datetime(2026, 3, 5, 12, 55, tzinfo=UTC))
    assert not any("Session prep" in t for t in texts(harness, DANA))
    await run_until(harness, datetime(2026, 3, 5, 13, 5, tzinfo=UTC))
    [prep] = [t for t in texts(harness, DANA) if "Session prep" in t]
    assert "late on Thursday" in prep and "sister moving in" in prep
    assert "the park loop felt easy" in prep
    assert "secret worry" not in prep
    assert "Walk every morning" in prep and "importance 8/10" in prep
    # clearing the message keeps the topic
    [page, *_chart] = await harness.send(DANA, "/client 1")
    await harness.press(DANA, "Clear: can you tell", message=page)
    left = await harness.services.practice.open_messages(chris)
    assert [m.kind for m in left] == ["topic"]
    assert dana


async def test_away_with_cover_routes_to_the_cover_and_back(harness: Harness) -> None:
    _dana, _chris = await setup(harness)
    [link] = await harness.send(ADMIN, "/newpractitioner")
    await harness.send(OLGA, f"/start {invite_code(link.text)}")
    await harness.send(DANA, "/settings")
    await harness.press_data(DANA, "ps:menu")
    await harness.press_data(DANA, "ps:away")
    [ask] = await harness.send(DANA, "Monday 8:00")
    assert "Who covers for you?" in ask.text
    await harness.press(DANA, "Olga Novak")
    assert "Olga Novak covers" in harness.telegram.last(DANA.id).text
    # the client is told who covers, and until when
    await harness.send(CLIENT, "please tell Dana the new address is Elm Street 4")
    await harness.press(CLIENT, "Send to Dana")
    told = harness.telegram.last(CLIENT.id)
    assert "Dana Weber is away until Mon 9 Mar" in told.text
    assert "Olga Novak is covering" in told.text
    # Olga's digest carries Dana's client, named as such
    [olga_digest] = await harness.send(OLGA, "/digest")
    assert "Chris · Dana Weber" in olga_digest.text and "Elm Street" in olga_digest.text
    # a safety alert goes to the cover while Dana is away
    [crisis] = await harness.send(CLIENT, "I want to end my life tonight")
    await harness.press_data(CLIENT, next(d for _, d in crisis.buttons if d.endswith(":help")))
    assert any("Chris asked for help now" in text for text in texts(harness, OLGA))
    # back: everything comes to Dana again, and nothing was lost
    await harness.press_data(DANA, "ps:back")
    [dana_digest] = await harness.send(DANA, "/digest")
    assert "Elm Street" in dana_digest.text
    assert "Chris" not in (await harness.send(OLGA, "/digest"))[0].text
    assert PRACTITIONER  # the shared default practitioner is not part of this story
