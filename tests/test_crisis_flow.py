"""The crisis flow through the real application: it takes over, loses nothing, reaches a person."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.sandbox.fake_telegram import FakeMessage, FakeUser
from bot.sandbox.harness import Harness
from tests.conftest import ADMIN, CLIENT, PRACTITIONER, onboard_client, onboard_practitioner

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "resources.yaml"
ON_CALL = -1009999
NURSE = FakeUser(7007, "Noor", "en")  # a member of the on-call group
STRANGER = FakeUser(4040, "Sam", "en")
CRISIS = "honestly I just want to die"


def data(message: FakeMessage, ending: str) -> str:
    """The callback data of the button whose data ends with ``ending``."""
    return next(value for _, value in message.buttons if value.endswith(ending))


async def setup(harness: Harness, *, catalogue: bool = True) -> int:
    """A practitioner and a client with one goal; return the practitioner's person id."""
    if catalogue:
        await harness.upload(ADMIN, "resources.yaml", EXAMPLE.read_bytes())
    await onboard_practitioner(harness)
    await onboard_client(harness)
    await harness.send(CLIENT, "Walk every morning")
    await harness.press_data(CLIENT, "g:1:imp:s")
    await harness.press_data(CLIENT, "g:1:conf:s")
    return int(
        await harness.services.db.fetchval(
            "SELECT id FROM people WHERE telegram_id = ?", (PRACTITIONER.id,)
        )
    )


async def quiet(harness: Harness, practitioner_id: int) -> None:
    """Give the practitioner quiet hours 19:00-08:00 and move to 23:00 UTC."""
    await harness.services.digests.update(practitioner_id, quiet_start="19:00", quiet_end="08:00")
    harness.clock.set(datetime(2026, 3, 2, 23, 0, tzinfo=UTC))


async def count(harness: Harness, sql: str) -> int:
    return int(await harness.services.db.fetchval(sql) or 0)


async def test_crisis_words_at_the_first_goal_prompt_make_no_goal(harness: Harness) -> None:
    await harness.upload(ADMIN, "resources.yaml", EXAMPLE.read_bytes())
    await onboard_practitioner(harness)
    await onboard_client(harness)  # the bot now invites a first goal
    [crisis] = await harness.send(CLIENT, "I just want to die")
    assert "📞" in crisis.text
    assert "I just want to die" not in crisis.text  # nothing quoted back
    assert await count(harness, "SELECT COUNT(*) FROM goals") == 0
    assert await harness.services.db.fetchval("SELECT text FROM safety_events") == (
        "I just want to die"
    )
    # the next check-in does not ask about it either
    await harness.press_data(CLIENT, data(crisis, ":safe"))
    [glad] = await harness.press_data(CLIENT, data(harness.telegram.last(CLIENT.id), ":sure"))
    await harness.press_data(CLIENT, data(glad, ":go"))  # "shall we carry on?"
    assert "What would you like to work on?" in harness.telegram.last(CLIENT.id).text
    [saved] = await harness.send(CLIENT, "Sleep before midnight")
    assert "Sleep before midnight" in saved.text
    texts = [row["text"] for row in await harness.services.db.fetchall("SELECT text FROM goals")]
    assert texts == ["Sleep before midnight"]


async def test_with_nothing_pending_there_is_no_keep_this_prompt(harness: Harness) -> None:
    await setup(harness)
    replies = await harness.send(CLIENT, "I want to die")
    assert len(replies) == 1
    assert "do with this" not in replies[0].text.lower()
    assert [label for label, _ in replies[0].buttons] == [
        "💚 I'm safe right now",
        "🆘 I need help now",
        "📝 My safety plan",
    ]


async def test_the_lines_stay_in_the_chat_after_every_follow_up(harness: Harness) -> None:
    await setup(harness)
    [crisis] = await harness.send(CLIENT, CRISIS)
    original = crisis.text
    [check] = await harness.press_data(CLIENT, data(crisis, ":safe"), message=crisis)
    [helped] = await harness.press_data(CLIENT, data(check, ":unsure"), message=check)
    assert "📞" in helped.text  # the lines again
    [check2] = await harness.press_data(CLIENT, data(helped, ":safe"), message=helped)
    await harness.press_data(CLIENT, data(check2, ":sure"), message=check2)
    assert crisis.edits == 0 and crisis.text == original and "📞" in crisis.text
    since = [
        m for m in harness.telegram.bot_messages(CLIENT.id) if m.message_id >= crisis.message_id
    ]
    assert len(since) == 5 and all(message.edits == 0 for message in since)


async def test_a_check_in_note_stays_that_check_ins_private_note(harness: Harness) -> None:
    await setup(harness)
    await harness.send(CLIENT, "/checkin")
    await harness.press_data(CLIENT, data(harness.telegram.last(CLIENT.id), ":w:3"))
    await harness.press_data(CLIENT, data(harness.telegram.last(CLIENT.id), ":1"))
    [crisis] = await harness.send(CLIENT, "some nights I just want to die")
    assert "📞" in crisis.text
    row = await harness.services.db.fetchone("SELECT note, note_shared, step FROM checkins")
    assert row["note"] == "some nights I just want to die"
    assert row["note_shared"] == 0 and row["step"] == "share"
    await harness.press_data(CLIENT, data(crisis, ":safe"))
    [glad] = await harness.press_data(CLIENT, data(harness.telegram.last(CLIENT.id), ":sure"))
    await harness.press_data(CLIENT, data(glad, ":go"))
    share = harness.telegram.last(CLIENT.id)
    assert "share this note" in share.text  # carrying on asks the sharing question
    assert "✓ Keep private" in [label for label, _ in share.buttons]


async def test_crisis_words_before_the_note_question_are_a_message_not_the_note(
    harness: Harness,
) -> None:
    """A check-in expects its note from its start (for the last goal's tap), but words typed
    while a rating is asked are not the note: the event is a message, the check-in untouched,
    and carrying on asks the question that was open."""
    await setup(harness)
    await harness.send(CLIENT, "/checkin")
    await harness.press_data(CLIENT, data(harness.telegram.last(CLIENT.id), ":w:3"))
    [crisis] = await harness.send(CLIENT, "some nights I just want to die")
    assert "📞" in crisis.text
    assert await harness.services.db.fetchval("SELECT source FROM safety_events") == "message"
    row = await harness.services.db.fetchone("SELECT note, step FROM checkins")
    assert row["note"] is None and row["step"] != "note"
    step = row["step"]
    await harness.press_data(CLIENT, data(crisis, ":safe"))
    [glad] = await harness.press_data(CLIENT, data(harness.telegram.last(CLIENT.id), ":sure"))
    await harness.press_data(CLIENT, data(glad, ":go"))
    assert await harness.services.db.fetchval("SELECT step FROM checkins") == step
    assert "Walk every morning" in harness.telegram.last(CLIENT.id).text  # the goal's question


async def test_crisis_words_days_after_a_check_in_left_unfinished_are_a_message(
    harness: Harness,
) -> None:
    await setup(harness)
    await harness.send(CLIENT, "/checkin")
    await harness.press_data(CLIENT, data(harness.telegram.last(CLIENT.id), ":w:3"))
    harness.clock.advance(timedelta(days=3))
    [crisis, *_] = await harness.send(CLIENT, "some nights I just want to die")
    assert "📞" in crisis.text
    assert await harness.services.db.fetchval("SELECT source FROM safety_events") == "message"
    assert await harness.services.db.fetchval("SELECT resume FROM safety_events") is None
    assert await harness.services.db.fetchval("SELECT note FROM checkins") is None


async def test_a_request_with_crisis_words_is_not_sent_and_resumes(harness: Harness) -> None:
    await setup(harness)
    await harness.send(CLIENT, "/resources")
    await harness.press_data(CLIENT, "res:other")
    [crisis] = await harness.send(CLIENT, "I need help, I'm going to overdose tonight")
    assert await count(harness, "SELECT COUNT(*) FROM requests") == 0
    assert "Sent" not in crisis.text
    assert await harness.services.db.fetchval("SELECT source FROM safety_events") == "request"


async def test_help_now_in_quiet_hours_reaches_on_call_within_one_tick(harness: Harness) -> None:
    harness.services.crisis.on_call_chat_id = ON_CALL
    pat = await setup(harness)
    await quiet(harness, pat)
    [crisis] = await harness.send(CLIENT, CRISIS)
    assert "on-call team" in crisis.text
    [alert] = harness.telegram.bot_messages(ON_CALL)
    assert "Safety alert" in alert.text and CRISIS not in alert.text
    assert not harness.telegram.bot_messages(PRACTITIONER.id)[-1].text.startswith("🚨")
    [told] = await harness.press_data(CLIENT, data(crisis, ":help"))
    assert "on-call team now" in told.text and "📞" in told.text
    await harness.tick()
    pings = harness.telegram.bot_messages(ON_CALL)
    assert alert.edits >= 1 and "Urgent" in alert.text
    assert any("asked for help now" in m.text for m in pings[1:])
    assert "tapped “I need help now”" in alert.text


async def test_help_now_without_on_call_reaches_the_practitioner_at_once(
    harness: Harness,
) -> None:
    pat = await setup(harness)
    await quiet(harness, pat)
    before = len(harness.telegram.bot_messages(PRACTITIONER.id))
    [crisis] = await harness.send(CLIENT, CRISIS)
    assert "outside their working hours" in crisis.text
    assert len(harness.telegram.bot_messages(PRACTITIONER.id)) == before  # waits: not urgent
    [told] = await harness.press_data(CLIENT, data(crisis, ":help"))
    assert "Pat Rivera now" in told.text
    alert = harness.telegram.last(PRACTITIONER.id)
    assert "Urgent" in alert.text
    # when it happened (the practitioner's local time) and what the client answered since
    assert "Mon 2 Mar, 23:00" in alert.text
    assert "tapped “I need help now”" in alert.text
    assert await count(harness, "SELECT COUNT(*) FROM outbox WHERE kind = 'safety'") == 1


async def test_a_delayed_alert_says_when_and_what_happened_since(harness: Harness) -> None:
    pat = await setup(harness)
    await quiet(harness, pat)
    [crisis] = await harness.send(CLIENT, CRISIS)
    harness.clock.advance(timedelta(minutes=5))
    [check] = await harness.press_data(CLIENT, data(crisis, ":safe"))
    harness.clock.advance(timedelta(minutes=1))
    await harness.press_data(CLIENT, data(check, ":sure"))
    harness.clock.set(datetime(2026, 3, 3, 8, 1, tzinfo=UTC))
    await harness.tick()
    alert = harness.telegram.last(PRACTITIONER.id)
    assert "Safety alert" in alert.text
    assert "Mon 2 Mar, 23:00" in alert.text
    assert "23:05 tapped “I'm safe right now”" in alert.text
    assert "23:06 said they are safe and have someone to reach" in alert.text


async def test_one_event_gives_one_alert_updated_not_repeated(harness: Harness) -> None:
    await setup(harness)
    await harness.send(CLIENT, CRISIS)
    alerts = [m for m in harness.telegram.bot_messages(PRACTITIONER.id) if "🚨" in m.text]
    assert len(alerts) == 1
    harness.clock.advance(timedelta(minutes=3))
    await harness.send(CLIENT, "I keep thinking everyone would be better off without me")
    alerts = [m for m in harness.telegram.bot_messages(PRACTITIONER.id) if "🚨" in m.text]
    assert len(alerts) == 1 and alerts[0].edits == 1
    assert "wrote again" in alerts[0].text
    assert await count(harness, "SELECT COUNT(*) FROM safety_events") == 1


async def test_i_am_on_it_is_recorded_and_everyone_is_told(harness: Harness) -> None:
    harness.services.crisis.on_call_chat_id = ON_CALL
    await setup(harness)
    await harness.send(CLIENT, CRISIS)
    alert = harness.telegram.last(PRACTITIONER.id)
    [on_call_alert] = harness.telegram.bot_messages(ON_CALL)
    await harness.press_data(PRACTITIONER, data(alert, ":ack"), message=alert)
    row = await harness.services.db.fetchone(
        "SELECT acknowledged_at, acknowledged_by, acknowledged_role FROM safety_events"
    )
    assert row["acknowledged_by"] == PRACTITIONER.id and row["acknowledged_role"] == "practitioner"
    assert "is on it" in alert.text and "I'm on it" not in [b for b, _ in alert.buttons]
    assert "Pat Rivera has seen your message" in harness.telegram.last(CLIENT.id).text
    assert "Pat Rivera is on it" in harness.telegram.last(ON_CALL).text
    assert "is on it" in on_call_alert.text
    # someone else pressing later changes nothing
    await harness.press_data(NURSE, data(on_call_alert, ":show"), message=on_call_alert)
    assert await count(harness, "SELECT COUNT(*) FROM safety_views") == 1


async def test_a_stranger_cannot_acknowledge_or_read(harness: Harness) -> None:
    await setup(harness)
    await harness.send(CLIENT, CRISIS)
    alert = harness.telegram.last(PRACTITIONER.id)
    await harness.press_data(STRANGER, data(alert, ":ack"), message=alert)
    await harness.press_data(STRANGER, data(alert, ":show"), message=alert)
    acknowledged = "SELECT COUNT(*) FROM safety_events WHERE acknowledged_at IS NOT NULL"
    assert await count(harness, acknowledged) == 0
    assert await count(harness, "SELECT COUNT(*) FROM safety_views") == 0
    assert all(CRISIS not in m.text for m in harness.telegram.bot_messages(STRANGER.id))


async def test_show_what_they_wrote_reveals_and_records(harness: Harness) -> None:
    harness.services.crisis.on_call_chat_id = ON_CALL
    await setup(harness)
    await harness.send(CLIENT, CRISIS)
    alert = harness.telegram.last(PRACTITIONER.id)
    [shown] = await harness.press_data(PRACTITIONER, data(alert, ":show"), message=alert)
    assert CRISIS in shown.text
    # in the on-call group the words go to the presser privately, never to the group
    [group_alert] = harness.telegram.bot_messages(ON_CALL)
    await harness.press_data(NURSE, data(group_alert, ":show"), message=group_alert)
    assert all(CRISIS not in m.text for m in harness.telegram.bot_messages(ON_CALL))
    assert CRISIS in harness.telegram.last(NURSE.id).text
    viewers = await harness.services.db.fetchall("SELECT viewer_id FROM safety_views ORDER BY at")
    assert [row["viewer_id"] for row in viewers] == [PRACTITIONER.id, NURSE.id]


async def test_an_unacknowledged_alert_is_sent_once_more(harness: Harness) -> None:
    harness.services.crisis.on_call_chat_id = ON_CALL
    await setup(harness)
    await harness.send(CLIENT, CRISIS)
    harness.clock.advance(timedelta(minutes=29))
    await harness.tick()
    assert len(harness.telegram.bot_messages(ON_CALL)) == 1
    harness.clock.advance(timedelta(minutes=2))
    await harness.tick()
    messages = harness.telegram.bot_messages(ON_CALL)
    assert len(messages) == 2 and "nobody has said" in messages[1].text
    harness.clock.advance(timedelta(hours=2))
    await harness.tick()
    assert len(harness.telegram.bot_messages(ON_CALL)) == 2  # once more, not forever


async def test_alerts_about_an_erased_client_are_cancelled(harness: Harness) -> None:
    pat = await setup(harness)
    await quiet(harness, pat)
    await harness.send(CLIENT, CRISIS)
    assert await count(harness, "SELECT COUNT(*) FROM outbox WHERE status = 'pending'") == 1
    await harness.send(CLIENT, "/delete")
    await harness.press_data(CLIENT, "erase:yes")
    harness.clock.set(datetime(2026, 3, 3, 9, 0, tzinfo=UTC))
    await harness.tick()
    assert not any("🚨" in m.text for m in harness.telegram.bot_messages(PRACTITIONER.id))
    assert await count(harness, "SELECT COUNT(*) FROM safety_events") == 0


async def test_the_crisis_reply_survives_an_outage(harness: Harness) -> None:
    await setup(harness)
    harness.telegram.fail_next("server_error", method="sendMessage", times=6)
    before = len(harness.telegram.bot_messages(CLIENT.id))
    await harness.send(CLIENT, CRISIS)
    assert len(harness.telegram.bot_messages(CLIENT.id)) == before  # the API is down
    for _ in range(8):
        harness.clock.advance(timedelta(minutes=2))
        await harness.tick()
    replies = harness.telegram.bot_messages(CLIENT.id)[before:]
    assert len([m for m in replies if "📞" in m.text]) == 1
    assert any("🚨" in m.text for m in harness.telegram.bot_messages(PRACTITIONER.id))


async def test_the_safety_plan_comes_first_on_the_next_match(harness: Harness) -> None:
    await setup(harness)
    await harness.send(CLIENT, "/safetyplan")
    await harness.press_data(CLIENT, "sp:warning_signs")
    # writing warning signs in one's own plan is not a crisis message
    await harness.send(CLIENT, "I stop eating and I think about wanting to die")
    await harness.press_data(CLIENT, "sp:people")
    [saved] = await harness.send(CLIENT, "My sister Ana 0170 555 1234")
    assert "My sister Ana" in saved.text
    assert await count(harness, "SELECT COUNT(*) FROM safety_events") == 0
    [crisis] = await harness.send(CLIENT, CRISIS)
    plan_at = crisis.text.index("Your safety plan")
    assert plan_at < crisis.text.index("My sister Ana") < crisis.text.index("📞")
    # private by default: the practitioner's alert says nothing about it
    assert "Ana" not in harness.telegram.last(PRACTITIONER.id).text


async def test_the_safety_plan_refuses_too_long_text_and_changes_nothing(
    harness: Harness,
) -> None:
    await setup(harness)
    await harness.press_data(CLIENT, "sp:matters", message=harness.telegram.last(CLIENT.id))
    [refused] = await harness.send(CLIENT, "x" * 1001)
    assert "1000" in refused.text
    assert await count(harness, "SELECT COUNT(*) FROM safety_plan_sections") == 0
    await harness.send(CLIENT, "My kids")
    assert await count(harness, "SELECT COUNT(*) FROM safety_plan_sections") == 1


async def test_a_stranger_in_crisis_gets_the_lines_and_nothing_is_stored(harness: Harness) -> None:
    await harness.upload(ADMIN, "resources.yaml", EXAMPLE.read_bytes())
    [lines] = await harness.send(STRANGER, "i want to kill myself")
    assert "📞" in lines.text
    assert await count(harness, "SELECT COUNT(*) FROM people WHERE telegram_id = 4040") == 0


async def test_a_caption_is_screened(harness: Harness) -> None:
    await setup(harness)
    replies = await harness.upload(CLIENT, "photo.txt", b"hello", caption="I want to end my life")
    assert any("📞" in m.text for m in replies)
    assert await count(harness, "SELECT COUNT(*) FROM safety_events") == 1


async def test_routine_prompts_wait_during_a_crisis(harness: Harness) -> None:
    await setup(harness)
    client_id = int(await harness.services.db.fetchval("SELECT person_id FROM clients"))
    await harness.services.reminders.set_time(client_id, "10:00")
    await harness.services.reminders.set_days(client_id, frozenset(range(7)))
    await harness.send(CLIENT, CRISIS)
    harness.clock.set(datetime(2026, 3, 2, 10, 0, tzinfo=UTC))
    await harness.tick()
    assert not any("check in" in m.text for m in harness.telegram.bot_messages(CLIENT.id)[-1:])


async def test_a_hard_check_in_gets_warmth_and_no_count_of_nothing(harness: Harness) -> None:
    await setup(harness)
    await harness.send(CLIENT, "/checkin")
    await harness.press_data(CLIENT, data(harness.telegram.last(CLIENT.id), ":w:1"))
    await harness.press_data(CLIENT, data(harness.telegram.last(CLIENT.id), ":0"))
    [summary] = await harness.press_data(CLIENT, data(harness.telegram.last(CLIENT.id), ":n:s"))
    assert "hard stretch" in summary.text
    labels = [label for label, _ in summary.buttons]
    assert "🧰 Ways to cope" in labels and "📝 My safety plan" in labels
    assert "res:c:coping:0" in [value for _, value in summary.buttons]
    [progress, *_] = await harness.send(CLIENT, "/progress")
    assert "Goals achieved: 0" not in "".join(
        m.text for m in harness.telegram.bot_messages(CLIENT.id)
    )
    assert progress is not None


@pytest.mark.parametrize("catalogue", [False, True])
async def test_admins_are_warned_about_missing_or_example_lines(
    harness: Harness, catalogue: bool
) -> None:
    if catalogue:
        [report] = await harness.upload(ADMIN, "resources.yaml", EXAMPLE.read_bytes())
        assert "fictional numbers" in report.text
    [admin] = await harness.send(ADMIN, "/admin")
    expected = "fictional numbers" if catalogue else "No crisis lines have been imported"
    assert expected in admin.text
