"""The client's journey in their own words: MI follow-ups after the rulers, where they are with a
goal, a slip answered warmly, places and times typed the way people say them, reminders that
stop and ask instead of nagging, small talk, and a chart made for phones."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.charts import ChartLabels, Series, progress_chart
from bot.sandbox.fake_telegram import FakeUser
from bot.sandbox.harness import Harness
from tests.conftest import CLIENT, PRACTITIONER, onboard_client, onboard_practitioner
from tests.test_digest import person_id

LUCIA = FakeUser(3601, "Lucía", "es")
TARAS = FakeUser(3602, "Тарас", "uk")
JUDGING = ("failure", "fault", "should have", "disappoint", "shame", "weak")


async def client_with_goal(harness: Harness, user: FakeUser = CLIENT) -> int:
    await onboard_practitioner(harness)
    await onboard_client(harness, user)
    return await person_id(harness, user)


async def test_mi_follow_ups_are_asked_kept_shown_back_and_shared_only_by_choice(
    harness: Harness,
) -> None:
    client = await client_with_goal(harness)
    await harness.send(CLIENT, "Walk to the park three times a week")
    await harness.press(CLIENT, "8")
    await harness.press(CLIENT, "4")
    why = harness.telegram.last(CLIENT.id)
    assert "What makes it 8 and not 0?" in why.text and why.buttons  # with Skip
    await harness.send(CLIENT, "my kids want to come along")
    help_question = harness.telegram.last(CLIENT.id)
    assert "What would help it move to 5?" in help_question.text
    await harness.press(CLIENT, "Skip")
    share = harness.telegram.last(CLIENT.id)
    assert "only you see them unless you choose" in share.text
    await harness.press(CLIENT, "Keep them to myself")
    [goal] = await harness.services.goals.active(client)
    assert goal.why_not_lower == "my kids want to come along"
    assert goal.what_would_help is None and not goal.reflections_shared
    # shown back on the goal's page
    await harness.send(CLIENT, "/goals")
    await harness.press(CLIENT, "Walk to the park")
    page = harness.telegram.last(CLIENT.id)
    assert "my kids want to come along" in page.text and "only you see these" in page.text
    # the practitioner does not see them...
    [client_page, *_] = await harness.send(PRACTITIONER, "/client 1")
    assert "kids" not in client_page.text and "importance 8/10" in client_page.text
    # ...until the client chooses to share
    await harness.press(CLIENT, "My reasons")
    await harness.send(CLIENT, "they make it fun")  # replaces nothing: the "why" answer again
    await harness.send(CLIENT, "a friend to walk with")
    await harness.press(CLIENT, "Yes, share them")
    [client_page, *_] = await harness.send(PRACTITIONER, "/client 1")
    assert "they make it fun" in client_page.text and "a friend to walk with" in client_page.text


async def test_follow_ups_make_sense_at_the_ends_of_the_scale(harness: Harness) -> None:
    client = await client_with_goal(harness)
    await harness.send(CLIENT, "Sleep before midnight")
    await harness.press(CLIENT, "0")  # importance 0: no "why not lower"
    await harness.press(CLIENT, "10")  # confidence 10: no "what would help"
    last = harness.telegram.last(CLIENT.id)
    assert "not a 0" not in last.text and "move to" not in last.text
    assert "All set" in last.text
    [goal] = await harness.services.goals.active(client)
    assert (goal.importance, goal.confidence) == (0, 10)


async def test_where_i_am_with_a_goal_and_a_slip_answered_warmly(harness: Harness) -> None:
    client = await client_with_goal(harness)
    await harness.send(CLIENT, "Stay off alcohol on weekdays")
    await harness.press(CLIENT, "Skip")
    await harness.press(CLIENT, "Skip")
    await harness.send(CLIENT, "/goals")
    await harness.press(CLIENT, "Stay off alcohol")
    await harness.press(CLIENT, "Where I am with it")
    labels = [label for label, _ in harness.telegram.last(CLIENT.id).buttons]
    assert "🤔 Thinking about it" in labels and "🌱 Had a slip, starting again" in labels
    await harness.press(CLIENT, "Thinking about it")
    assert "how important it feels" in harness.telegram.last(CLIENT.id).text
    [goal] = await harness.services.goals.active(client)
    assert goal.stage == "thinking"
    # a slip told in the client's own words: a warm word, never a "note or goal?" quiz alone
    replies = await harness.send(CLIENT, "I relapsed and used again, I feel like a total failure")
    warm = replies[0].text
    assert "A slip is a common part of change" in warm
    assert not any(word in warm.lower() for word in JUDGING)
    choices = [label for label, _ in replies[-1].buttons]
    assert any("A slip with" in label for label in choices)
    assert any("Resources for hard moments" in label for label in choices)
    await harness.press(CLIENT, "A slip with")
    [goal] = await harness.services.goals.active(client)
    assert goal.stage == "slip"
    after = harness.telegram.last(CLIENT.id)  # the words still wait for a place, none is lost
    assert "a slip, and starting again" in after.text and "total failure" in after.text
    assert not any("A slip with" in label for label, _ in after.buttons)
    await harness.press(CLIENT, "As a note")
    checkin = await harness.services.checkins.open_checkin(client)
    assert checkin is not None and "total failure" in (checkin.note or "")


async def test_places_and_times_as_people_say_them(harness: Harness) -> None:
    await onboard_practitioner(harness)
    [link] = await harness.send(PRACTITIONER, "/invite")
    from tests.conftest import invite_code

    await harness.send(LUCIA, f"/start {invite_code(link.text)}")
    after = await harness.press(LUCIA, "✅")
    where = next(m for m in after if m.text.startswith("🌍"))
    labels = [label for label, _ in where.buttons]
    assert "Madrid" in labels and "Buenos Aires" in labels  # likely places for Spanish
    await harness.press(LUCIA, "⌨️", message=where)
    await harness.send(LUCIA, "buenos aires")
    lucia = await person_id(harness, LUCIA)
    profile = await harness.services.people.by_id(lucia)
    assert profile is not None and profile.timezone == "America/Argentina/Buenos_Aires"
    # back to the first goal, which was waiting: typed text becomes the goal
    await harness.send(LUCIA, "Caminar cada mañana")
    assert [g.text for g in await harness.services.goals.active(lucia)] == ["Caminar cada mañana"]
    # Ukrainian and German city names, near misses and nonsense in /settings
    for typed, zone in (("Київ", "Europe/Kyiv"), ("Múnich", "Europe/Berlin")):
        await harness.send(LUCIA, "/settings")
        await harness.press_data(LUCIA, "set:tztype")
        await harness.send(LUCIA, typed)
        found = await harness.services.people.by_id(lucia)
        assert found is not None and found.timezone == zone
    await harness.send(LUCIA, "/settings")
    await harness.press_data(LUCIA, "set:tztype")
    [suggest] = await harness.send(LUCIA, "Barcelonna")
    assert any("Barcelona" in label for label, _ in suggest.buttons)
    [nonsense] = await harness.send(LUCIA, "qwzzxv")
    assert "qwzzxv" in nonsense.text and "Buenos Aires" in nonsense.text
    unchanged = await harness.services.people.by_id(lucia)
    assert unchanged is not None and unchanged.timezone == "Europe/Berlin"
    # times: "7pm" is 19:00, nonsense is refused clearly and changes nothing
    await harness.send(LUCIA, "/settings")
    await harness.press_data(LUCIA, "set:rem")
    await harness.press_data(LUCIA, "rt:type")
    await harness.send(LUCIA, "7pm")
    assert (await harness.services.reminders.settings(lucia)).at == "19:00"
    await harness.press_data(LUCIA, "rt:type")
    [refused] = await harness.send(LUCIA, "25 o'clock")
    assert "19:00" in refused.text and "7 p. m." in refused.text  # examples, in Spanish
    assert (await harness.services.reminders.settings(lucia)).at == "19:00"
    await harness.press_data(LUCIA, "rt:type")
    await harness.send(LUCIA, "8 p. m.")  # the way the example writes it is understood
    assert (await harness.services.reminders.settings(lucia)).at == "20:00"


async def test_a_fourth_unanswered_reminder_becomes_a_kind_question(harness: Harness) -> None:
    client = await client_with_goal(harness)
    await harness.press_data(CLIENT, "g:cancel")
    await harness.services.reminders.set_days(client, frozenset(range(7)))
    await harness.services.reminders.set_time(client, "18:00")
    for day in range(3, 7):  # Tue..Fri 18:00, no answers
        harness.clock.set(datetime(2026, 3, day, 18, 0, tzinfo=UTC))
        await harness.tick()
    reminders = [
        m
        for m in harness.telegram.bot_messages(CLIENT.id)
        if "Would you like to check in" in m.text
    ]
    asked = harness.telegram.last(CLIENT.id)
    assert len(reminders) <= 3  # each replaces the last one; never a fourth
    assert "went unanswered, and that is completely fine" in asked.text
    assert [label for label, _ in asked.buttons] == [
        "Keep this rhythm",
        "🗓 Change days or time",
        "⏸ Take a break",
    ]
    # silence after the question: reminders rest until they come back
    harness.clock.set(datetime(2026, 3, 7, 18, 0, tzinfo=UTC))
    await harness.tick()
    settings = await harness.services.reminders.settings(client)
    assert settings.paused and settings.next_prompt_at is None
    assert harness.telegram.last(CLIENT.id).message_id == asked.message_id
    # ...but the practitioner still notices the silence (it is not a pause they chose)
    harness.clock.advance(timedelta(days=1))
    [digest] = await harness.send(PRACTITIONER, "/digest")
    assert "no check-in for" in digest.text


async def test_answering_the_rhythm_question_keeps_or_changes_it(harness: Harness) -> None:
    client = await client_with_goal(harness)
    await harness.press_data(CLIENT, "g:cancel")
    await harness.services.reminders.set_days(client, frozenset(range(7)))
    for day in range(3, 7):
        harness.clock.set(datetime(2026, 3, day, 20, 0, tzinfo=UTC))
        await harness.tick()
    await harness.press(CLIENT, "Keep this rhythm")
    assert "the rhythm stays" in harness.telegram.last(CLIENT.id).text
    harness.clock.set(datetime(2026, 3, 7, 20, 0, tzinfo=UTC))
    await harness.tick()
    assert "Would you like to check in" in harness.telegram.last(CLIENT.id).text


async def test_small_talk_gets_a_kind_word_in_every_language(harness: Harness) -> None:
    await client_with_goal(harness)
    await harness.press_data(CLIENT, "g:cancel")
    for said in ("thanks!", "Thank you so much 🙏", "ok", "👍", "hi"):
        [answer] = await harness.send(CLIENT, said)
        assert not answer.buttons, said
    [offer] = await harness.send(CLIENT, "ok I walked to the shop today")
    assert offer.buttons  # words with content of their own are kept, never dropped


def test_the_chart_is_made_for_phones(tmp_path: Path) -> None:
    """Three goals (one long), wellbeing, two check-ins on the same day: a portrait PNG with
    large type. The path is printed so a person can look at it at phone size."""
    import io

    from PIL import Image

    day = int(datetime(2026, 3, 2, 9, 0, tzinfo=UTC).timestamp())
    hour, days = 3600, 86400
    series = [
        Series("Walk to the park", ((day, 3), (day + 6 * hour, 4), (day + 2 * days, 6))),
        Series(
            "Talk to my sister about the flat without arguing, even when it gets hard",
            ((day, 2), (day + 2 * days, 5), (day + 4 * days, 7)),
            achieved_at=day + 4 * days,
        ),
        Series("Sleep before midnight", ((day + days, 5), (day + 3 * days, 4))),
    ]
    labels = ChartLabels(
        title="Your goals over time",
        y_axis="0 = not started, 10 = where you want to be",
        achieved="achieved",
        day=lambda moment: moment.strftime("%d %b"),
        wellbeing="Overall",
        empty="Nothing to draw yet",
    )
    wellbeing = ((day, 5), (day + 6 * hour, 6), (day + 2 * days, 7))
    png = progress_chart(series, labels, "Europe/London", wellbeing)
    where = Path(os.environ.get("CHART_OUT", tmp_path)) / "phone_chart.png"
    where.write_bytes(png)
    print(f"\nchart for phones: {where}")
    image = Image.open(io.BytesIO(png))
    width, height = image.size
    assert height >= width  # portrait or square, never a wide strip
    assert width >= 800  # sharp on a phone screen
    empty = progress_chart([], labels, "Europe/London")
    assert Image.open(io.BytesIO(empty)).size[0] >= 800  # a clear empty state, not a crash
