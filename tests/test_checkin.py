"""A full check-in with skips and a private note, corrections, stale taps, and a restart."""

from __future__ import annotations

from datetime import timedelta

from bot.clock import ManualClock
from bot.sandbox.fake_telegram import FakeUser
from bot.sandbox.harness import Harness
from bot.settings import Settings
from tests.conftest import CLIENT, PRACTITIONER, onboard_client, onboard_practitioner


async def client_with_goals(harness: Harness, *goals: str) -> int:
    await onboard_practitioner(harness)
    await onboard_client(harness)
    await harness.press(CLIENT, "Skip for now")
    client_id = int(
        await harness.services.db.fetchval(
            "SELECT id FROM people WHERE telegram_id = ?", (CLIENT.id,)
        )
    )
    for text in goals:
        await harness.services.goals.add(client_id, text)
    return client_id


async def ratings(harness: Harness) -> list[tuple[str, int | None]]:
    rows = await harness.services.db.fetchall(
        "SELECT g.text, r.value FROM ratings r JOIN goals g ON g.id = r.goal_id"
        " ORDER BY r.checkin_id, g.id"
    )
    return [(row["text"], row["value"]) for row in rows]


async def test_full_checkin_with_skip_and_private_note(harness: Harness) -> None:
    await client_with_goals(harness, "Sleep by eleven", "Walk daily")
    [wellbeing] = await harness.send(CLIENT, "/checkin")
    assert "Overall" in wellbeing.text
    assert len(wellbeing.buttons) == 12  # 0-10 and Skip
    await harness.press(CLIENT, "6")
    assert "Sleep by eleven" in harness.telegram.last(CLIENT.id).text
    await harness.press(CLIENT, "4")
    assert "Walk daily" in harness.telegram.last(CLIENT.id).text
    await harness.press(CLIENT, "Skip")
    assert "What helped?" in harness.telegram.last(CLIENT.id).text
    [share] = await harness.send(CLIENT, "Work was stressful & <tiring>")
    assert "Pat Rivera" in share.text
    assert [label for label, _ in share.buttons] == ["Share", "✓ Keep private"]
    [summary] = await harness.press(CLIENT, "Keep private")
    assert "Overall: 6/10" in summary.text
    assert "Sleep by eleven: 4/10" in summary.text
    assert "Walk daily: skipped" in summary.text
    assert "kept private" in summary.text
    row = await harness.services.db.fetchone(
        "SELECT wellbeing, note, note_shared, completed_at FROM checkins"
    )
    assert row["wellbeing"] == 6
    assert row["note"] == "Work was stressful & <tiring>"
    assert row["note_shared"] == 0
    assert row["completed_at"] is not None
    assert await ratings(harness) == [("Sleep by eleven", 4), ("Walk daily", None)]
    # the answered question shows the choice and loses its buttons
    answered = next(
        m for m in harness.telegram.bot_messages(CLIENT.id) if "Sleep by eleven" in m.text
    )
    assert answered.reply_markup is None and "→ 4" in answered.text


async def test_movement_is_recognised_and_ten_celebrated(harness: Harness) -> None:
    client_id = await client_with_goals(harness, "Walk daily")
    await harness.services.reminders.set_option(client_id, "ask_wellbeing", False)
    await harness.send(CLIENT, "/checkin")
    await harness.press(CLIENT, "5")
    await harness.press(CLIENT, "Skip")
    harness.clock.advance(timedelta(days=2))
    await harness.send(CLIENT, "/checkin")
    await harness.press(CLIENT, "10")
    summary, word = await harness.press(CLIENT, "Skip")  # and one short word: a new high
    assert "Walk daily: 10/10 (↑ 5 since last time)" in summary.text
    assert "A 10" in summary.text
    assert "Well done" in summary.text
    assert "A new high for “Walk daily”" in word.text


async def test_leaving_halfway_keeps_answers_and_continues(harness: Harness) -> None:
    await client_with_goals(harness, "A", "B")
    await harness.send(CLIENT, "/checkin")
    await harness.press(CLIENT, "7")
    await harness.press(CLIENT, "3")
    assert await ratings(harness) == [("A", 3)]
    harness.clock.advance(timedelta(hours=2))
    [again] = await harness.send(CLIENT, "/checkin")
    assert "B" in again.text  # continues where it stopped
    assert await harness.services.db.fetchval("SELECT COUNT(*) FROM checkins") == 1


async def test_stale_button_does_not_change_an_answer(harness: Harness) -> None:
    await client_with_goals(harness, "A")
    [wellbeing] = await harness.send(CLIENT, "/checkin")
    data = next(d for label, d in wellbeing.buttons if label == "2")
    await harness.press(CLIENT, "7")
    await harness.press_data(CLIENT, data, message=wellbeing)
    assert await harness.services.db.fetchval("SELECT wellbeing FROM checkins") == 7
    assert "How is it going with <b>A</b>" in harness.telegram.last(CLIENT.id).markup


async def test_correction_within_24_hours_only(harness: Harness) -> None:
    await client_with_goals(harness, "A")
    await harness.send(CLIENT, "/checkin")
    await harness.press(CLIENT, "Skip")
    await harness.press(CLIENT, "3")
    await harness.press(CLIENT, "Skip")
    harness.clock.advance(timedelta(hours=23))
    await harness.press(CLIENT, "Change a rating")
    await harness.press(CLIENT, "A")
    await harness.press(CLIENT, "8")
    assert await ratings(harness) == [("A", 8)]
    assert "A: 8/10" in harness.telegram.last(CLIENT.id).text
    harness.clock.advance(timedelta(hours=2))
    await harness.press(CLIENT, "Change a rating")
    assert "24 hours" in harness.telegram.last(CLIENT.id).text


async def test_someone_else_cannot_answer_my_checkin(harness: Harness) -> None:
    await client_with_goals(harness, "A")
    [wellbeing] = await harness.send(CLIENT, "/checkin")
    other = FakeUser(3222, "Mo", "en")
    await onboard_client(harness, other)
    data = next(d for label, d in wellbeing.buttons if label == "1")
    await harness.press_data(other, data, message=wellbeing)
    await harness.press_data(PRACTITIONER, data, message=wellbeing)
    assert await harness.services.db.fetchval("SELECT wellbeing FROM checkins") is None


async def test_checkin_survives_a_restart(settings: Settings, clock: ManualClock) -> None:
    async with Harness(settings, clock) as first:
        await client_with_goals(first, "A", "B")
        await first.send(CLIENT, "/checkin")
        await first.press(CLIENT, "5")
        await first.press(CLIENT, "6")
        question = first.telegram.last(CLIENT.id)
    # a new process: fresh Application, same database file, nothing in memory
    async with Harness(settings, clock) as second:
        data = next(d for label, d in question.buttons if label == "9")
        await second.press_data(CLIENT, data, message=question)
        assert "What helped?" in second.telegram.last(CLIENT.id).text
        await second.send(CLIENT, "a note typed after the restart")
        await second.press(CLIENT, "Share")
        row = await second.services.db.fetchone("SELECT wellbeing, note, note_shared FROM checkins")
        assert (row["wellbeing"], row["note"], row["note_shared"]) == (
            5,
            "a note typed after the restart",
            1,
        )
        assert await ratings(second) == [("A", 6), ("B", 9)]


async def test_text_typed_during_a_rating_question_is_kept_as_the_note(harness: Harness) -> None:
    await client_with_goals(harness, "A")
    await harness.send(CLIENT, "/checkin")
    kept, question = await harness.send(CLIENT, "The evening walk helped a lot")
    assert "kept that as a note" in kept.text
    assert "Overall" in question.text  # asked again
    await harness.press(CLIENT, "Skip")
    await harness.press(CLIENT, "6")
    await harness.press(CLIENT, "Skip")  # no more to add: the kept note stays
    [summary] = await harness.press(CLIENT, "Keep private")
    assert "kept private" in summary.text
    assert await harness.services.db.fetchval("SELECT note FROM checkins") == (
        "The evening walk helped a lot"
    )


async def test_text_with_no_question_waiting_is_held_until_the_client_chooses(
    harness: Harness,
) -> None:
    await client_with_goals(harness, "A")
    [offer] = await harness.send(CLIENT, "Slept badly all week")
    assert "do with this?" in offer.text
    [offer] = await harness.send(CLIENT, "but the walk helped")
    assert "Slept badly all week" in offer.text and "but the walk helped" in offer.text
    await harness.press(CLIENT, "As a note in a check-in")
    assert "Overall" in harness.telegram.last(CLIENT.id).text
    note = await harness.services.db.fetchval("SELECT note FROM checkins")
    assert note == "Slept badly all week\nbut the walk helped"
    await harness.send(CLIENT, "Another thought")
    await harness.press(CLIENT, "As a new goal")
    goals = await harness.services.db.fetchall("SELECT text FROM goals ORDER BY id")
    assert [g["text"] for g in goals] == ["A"]  # check-in open: kept as its note instead
    assert (await harness.services.db.fetchval("SELECT note FROM checkins")).endswith(
        "Another thought"
    )


async def test_a_note_for_a_check_in_that_ended_meanwhile_is_held_not_lost(
    harness: Harness,
) -> None:
    await client_with_goals(harness, "A")
    await harness.send(CLIENT, "/checkin")
    await harness.press(CLIENT, "Skip")
    await harness.press(CLIENT, "5")
    assert "What helped?" in harness.telegram.last(CLIENT.id).text
    await harness.services.db.execute("UPDATE checkins SET completed_at = started_at")
    [offer] = await harness.send(CLIENT, "words typed too late")
    assert "do with this?" in offer.text
    assert "words typed too late" in offer.text
    await harness.press(CLIENT, "As a note in a check-in")
    notes = await harness.services.db.fetchall("SELECT note FROM checkins ORDER BY id")
    assert [row["note"] for row in notes] == [None, "words typed too late"]
