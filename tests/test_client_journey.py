"""The client's journey, deeper: a goal's levels in their own words (GAS) with the practitioner's
T-score, wins and a word when something moves up, and a check-in that knows where the client is
with each goal (thinking it over, a slip, what would help after a fall)."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from bot.sandbox.fake_telegram import FakeMessage
from bot.sandbox.harness import Harness
from bot.services.gas import t_score
from handlers.callbacks import CHECKIN_LEVEL, CHECKIN_SLIP, GAS, RESOURCE_MENU
from tests.conftest import CLIENT, PRACTITIONER, onboard_client, onboard_practitioner
from tests.test_hot_path import traced

LEVEL_WORDS = {
    0: "Walk to the park twice a week",
    -1: "Walk once a week",
    -2: "No walks at all",
    2: "Walk every single day, rain or shine, and enjoy it on the way there and back",
}


async def client_with_goals(harness: Harness, *goals: str, wellbeing: bool = False) -> int:
    await onboard_practitioner(harness)
    await onboard_client(harness)
    await harness.press(CLIENT, "Skip for now")
    services = harness.services
    client_id = int(
        await services.db.fetchval("SELECT id FROM people WHERE telegram_id = ?", (CLIENT.id,))
    )
    for text in goals:
        await services.goals.add(client_id, text)
    if not wellbeing:
        await services.reminders.set_option(client_id, "ask_wellbeing", False)
    return client_id


async def goal_id(harness: Harness, text: str) -> int:
    return int(await harness.services.db.fetchval("SELECT id FROM goals WHERE text = ?", (text,)))


async def rate(harness: Harness, label: str) -> list[FakeMessage]:
    return await harness.press(CLIENT, label, message=harness.telegram.last(CLIENT.id))


async def finish(harness: Harness) -> list[FakeMessage]:
    """Skip the note: the summary (and any word about a win) come back."""
    assert "What helped?" in harness.telegram.last(CLIENT.id).text
    return await rate(harness, "Skip")


# --- levels: written by the client, one typed answer at a time --------------------------------


async def test_a_client_writes_levels_in_their_own_words_one_at_a_time(harness: Harness) -> None:
    await client_with_goals(harness, "Walk more")
    goal = await goal_id(harness, "Walk more")
    await harness.send(CLIENT, "/goals")
    await harness.press(CLIENT, "Walk more")
    await harness.press(CLIENT, "📐 Levels (optional)")
    page = harness.telegram.last(CLIENT.id)  # answered in place: an edit
    assert "Levels for “Walk more”" in page.text and "not written" in page.text
    assert "write at least the expected outcome (0)" in page.text
    await harness.press(CLIENT, "✏️ Write levels")
    asked = harness.telegram.last(CLIENT.id)
    assert "expected outcome (0)" in asked.text
    assert [label for label, _ in asked.buttons] == ["Not now"]  # 0 is the one that is needed
    [minus_one] = await harness.send(CLIENT, LEVEL_WORDS[0])
    assert "-1" in minus_one.text and "somewhat less than expected" in minus_one.text
    assert await harness.press(CLIENT, "Skip", message=minus_one) == []  # answered in place
    assert "much less than expected" in harness.telegram.last(CLIENT.id).text
    await harness.send(CLIENT, LEVEL_WORDS[-2])
    await harness.press(CLIENT, "Skip")  # +1
    [saved] = await harness.send(CLIENT, LEVEL_WORDS[2])
    assert "Saved" in saved.text
    assert f"“{LEVEL_WORDS[2]}”" in saved.text  # their words whole, never cut
    assert "Your check-ins will ask which level is closest" in saved.text
    rows = await harness.services.db.fetchall(
        "SELECT level, text FROM goal_levels WHERE goal_id = ? ORDER BY level", (goal,)
    )
    assert [(r["level"], r["text"]) for r in rows] == [
        (-2, LEVEL_WORDS[-2]),
        (0, LEVEL_WORDS[0]),
        (2, LEVEL_WORDS[2]),
    ]
    # changing them later: each level offers to keep what is there
    await harness.press(CLIENT, "✏️ Change levels")
    again = harness.telegram.last(CLIENT.id)
    assert f"Now: “{LEVEL_WORDS[0]}”" in again.text
    assert "Keep it as it is" in [label for label, _ in again.buttons]


async def test_a_level_over_the_limit_is_refused_whole_and_still_asked(harness: Harness) -> None:
    await client_with_goals(harness, "Walk more")
    goal = await goal_id(harness, "Walk more")
    await harness.press_data(CLIENT, GAS.build(goal=goal, action="write"))
    long_words = "Walk around the block after dinner. " * 10
    harness.raise_errors = False  # the error handler answers it
    [refused] = await harness.send(CLIENT, long_words)
    harness.raise_errors = True
    assert [type(error).__name__ for error in harness.errors] == ["TooLongError"]
    assert "longer than 300 characters" in refused.text and "nothing was changed" in refused.text
    assert await harness.services.db.fetchval("SELECT COUNT(*) FROM goal_levels") == 0
    [following] = await harness.send(CLIENT, "A shorter version")  # the question still waits
    assert "somewhat less than expected" in following.text
    assert await harness.services.db.fetchval("SELECT text FROM goal_levels") == "A shorter version"


async def test_removing_levels_is_asked_first(harness: Harness) -> None:
    client_id = await client_with_goals(harness, "Walk more")
    goal = await goal_id(harness, "Walk more")
    await harness.services.goals.set_level(client_id, goal, 0, "Twice a week")
    await harness.press_data(CLIENT, GAS.build(goal=goal, action="menu"))
    await harness.press(CLIENT, "🗑 Remove levels")
    assert "Remove the levels" in harness.telegram.last(CLIENT.id).text
    await harness.press(CLIENT, "Keep them")
    assert await harness.services.db.fetchval("SELECT COUNT(*) FROM goal_levels") == 1
    await harness.press(CLIENT, "🗑 Remove levels")
    await harness.press(CLIENT, "Yes, remove them")
    assert await harness.services.db.fetchval("SELECT COUNT(*) FROM goal_levels") == 0


# --- levels in the check-in, the T-score, the export -----------------------------------------


async def test_the_checkin_asks_the_level_after_the_rating_in_their_words(
    harness: Harness,
) -> None:
    client_id = await client_with_goals(harness, "Walk more", "Sleep by eleven")
    goal = await goal_id(harness, "Walk more")
    for level, words in LEVEL_WORDS.items():
        await harness.services.goals.set_level(client_id, goal, level, words)
    await harness.send(CLIENT, "/checkin")
    [level_question] = await rate(harness, "6")
    assert "Which of your levels is closest" in level_question.text
    assert f"“{LEVEL_WORDS[2]}”" in level_question.text  # whole in the message
    labels = [label for label, _ in level_question.buttons]
    assert labels[0].startswith("+2 · Walk every single day") and labels[0].endswith("…")
    assert len(labels[0]) <= 45  # shortened on the button
    assert "+1 · somewhat more than expected" in labels  # not written: its plain name
    assert labels[-1] == "Skip"
    await harness.press(CLIENT, "+1 ·")
    answered = next(
        m
        for m in harness.telegram.bot_messages(CLIENT.id)
        if m.message_id == level_question.message_id
    )
    assert "→ +1 · somewhat more than expected" in answered.text
    assert "Sleep by eleven" in harness.telegram.last(CLIENT.id).text  # the next goal
    await rate(harness, "7")  # no levels for this one: straight on
    [summary] = await finish(harness)
    assert "Walk more: 6/10" in summary.text and "Level: +1 · somewhat more" in summary.text
    rows = await harness.services.db.fetchall(
        "SELECT goal_id, value, level FROM ratings ORDER BY goal_id"
    )
    assert [(r["value"], r["level"]) for r in rows] == [(6, 1), (7, None)]


async def test_a_skipped_level_and_a_stale_level_button(harness: Harness) -> None:
    client_id = await client_with_goals(harness, "Walk more")
    goal = await goal_id(harness, "Walk more")
    await harness.services.goals.set_level(client_id, goal, 0, "Twice a week")
    await harness.send(CLIENT, "/checkin")
    await rate(harness, "Skip")  # the rating skipped: the level is still asked
    question = harness.telegram.last(CLIENT.id)
    assert "Which of your levels" in question.text
    await harness.press(CLIENT, "Skip", message=question)
    assert "What helped?" in harness.telegram.last(CLIENT.id).text
    checkin_id = int(await harness.services.db.fetchval("SELECT id FROM checkins"))
    stale = CHECKIN_LEVEL.build(checkin=checkin_id, goal=goal, level="0")
    await harness.press_data(CLIENT, stale, message=question)  # an old tap: asks what is current
    assert "What helped?" in harness.telegram.last(CLIENT.id).text
    assert await harness.services.db.fetchval("SELECT level FROM ratings") is None


async def checkin_with_levels(harness: Harness, levels: list[str]) -> None:
    """A check-in rating every goal 5 and choosing these levels, in order."""
    await harness.send(CLIENT, "/checkin")
    for level in levels:
        await rate(harness, "5")
        await rate(harness, f"{level} ·")
    await finish(harness)
    harness.clock.advance(timedelta(days=2))


async def test_the_practitioner_sees_the_t_score_and_can_weight_goals(harness: Harness) -> None:
    client_id = await client_with_goals(harness, "Walk more", "Sleep by eleven")
    services = harness.services
    for text in ("Walk more", "Sleep by eleven"):
        await services.goals.set_level(client_id, await goal_id(harness, text), 0, "As expected")
    await checkin_with_levels(harness, ["0", "-1"])
    await checkin_with_levels(harness, ["+2", "0"])
    messages = await harness.send(PRACTITIONER, "/client 1")
    shown = next(m for m in messages if "Goal attainment" in m.text).text
    baseline = t_score([(0, 1), (-1, 1)])
    latest = t_score([(2, 1), (0, 1)])
    assert baseline is not None and latest is not None
    assert f"T-score {baseline:.1f} at baseline, {latest:.1f} now, over 2 goals" in shown
    assert "#1 Walk more: level 0 → +2 · weight 1" in shown
    assert "#2 Sleep by eleven: level -1 → 0 · weight 1" in shown
    assert "As expected" not in shown  # the client's words stay on the client's side
    [done] = await harness.send(PRACTITIONER, "/weight 1 1 3")
    assert "Weight 3 for “Walk more”" in done.text
    messages = await harness.send(PRACTITIONER, "/client 1")
    shown = next(m for m in messages if "Goal attainment" in m.text).text
    weighted = t_score([(2, 3), (0, 1)])
    assert weighted is not None and f"{weighted:.1f} now" in shown
    for wrong in ("/weight 1 1 12", "/weight 1 9 3", "/weight 7 1 3", "/weight one"):
        [reply] = await harness.send(PRACTITIONER, wrong)
        assert "for example /weight 1 2 3" in reply.text, wrong
    [refused] = await harness.send(CLIENT, "/weight 1 1 3")
    assert "for practitioners" in refused.text


async def test_no_t_score_without_levels_chosen(harness: Harness) -> None:
    client_id = await client_with_goals(harness, "Walk more")
    await harness.services.goals.set_level(
        client_id, await goal_id(harness, "Walk more"), 0, "As expected"
    )
    messages = await harness.send(PRACTITIONER, "/client 1")
    assert not any("Goal attainment" in m.text for m in messages)


async def test_levels_and_the_levels_chosen_are_in_the_export(harness: Harness) -> None:
    client_id = await client_with_goals(harness, "Walk more")
    goal = await goal_id(harness, "Walk more")
    await harness.services.goals.set_level(client_id, goal, 0, "Twice a week, Orchard Lane")
    await harness.services.goals.set_stage(client_id, goal, "doing")
    await checkin_with_levels(harness, ["+1"])
    messages = await harness.send(CLIENT, "/mydata")
    document = next(m for m in messages if m.document is not None)
    assert document.document is not None
    data = json.loads(document.document)
    assert data["goal_levels"] == [
        {"goal_id": goal, "level": 0, "text": "Twice a week, Orchard Lane"}
    ]
    assert data["ratings"][0]["level"] == 1 and data["ratings"][0]["slip"] == 0
    assert data["goals"][0]["stage"] == "doing"


# --- wins and a word when something moves up ---------------------------------------------------


async def test_wins_empty_then_highs_runs_achievements_and_their_words(
    harness: Harness,
) -> None:
    client_id = await client_with_goals(harness, "Walk more", "Sleep by eleven")
    [empty] = await harness.send(CLIENT, "/wins")
    assert "No wins logged here yet, and that's okay" in empty.text
    walk = await goal_id(harness, "Walk more")
    await harness.services.goals.reflect(client_id, walk, "why", "my dog needs it too")
    for value in ("3", "5", "7"):
        await harness.send(CLIENT, "/checkin")
        await rate(harness, value)
        await rate(harness, "Skip")
        await finish(harness)
        harness.clock.advance(timedelta(days=1))
    await harness.services.goals.set_status(
        client_id, await goal_id(harness, "Sleep by eleven"), "achieved"
    )
    [wins] = await harness.send(CLIENT, "/wins")
    lines = wins.text.splitlines()
    third = int(await harness.services.db.fetchval("SELECT MAX(started_at) FROM checkins"))
    timezone = await harness.services.db.fetchval(
        "SELECT timezone FROM people WHERE id = ?", (client_id,)
    )
    day = harness.services.i18n.get("en").day(third, timezone)
    assert "achieved “Sleep by eleven”" in lines[1]  # newest first
    assert f"🌟 {day}: a new high for “Walk more”, 7/10" in lines  # dates as people read them
    assert any("a new high for “Walk more”, 5/10" in line for line in lines)
    assert any("“Walk more” moved up three check-ins in a row" in line for line in lines)
    assert "What helps, in your own words" in wins.text and "my dog needs it too" in wins.text


async def test_a_new_high_gets_one_short_word_and_a_fall_gets_none(harness: Harness) -> None:
    await client_with_goals(harness, "Walk more")
    await harness.send(CLIENT, "/checkin")
    await rate(harness, "4")
    assert len(await finish(harness)) == 1  # a first rating is no win
    harness.clock.advance(timedelta(days=1))
    await harness.send(CLIENT, "/checkin")
    await rate(harness, "6")
    summary, word = await finish(harness)
    assert "Thank you for checking in" in summary.text
    assert word.text == "🌟 A new high for “Walk more”: 6/10, your best so far."
    harness.clock.advance(timedelta(days=1))
    await harness.send(CLIENT, "/checkin")
    await rate(harness, "2")
    after_fall = await finish(harness)
    assert len(after_fall) == 1 and "new high" not in after_fall[0].text


# --- where the client is with a goal ---------------------------------------------------------


async def test_a_goal_still_thought_about_asks_importance_and_confidence(
    harness: Harness,
) -> None:
    client_id = await client_with_goals(harness, "Drink less", "Walk more")
    drink = await goal_id(harness, "Drink less")
    await harness.services.goals.set_stage(client_id, drink, "thinking")
    [first] = await harness.send(CLIENT, "/checkin")
    assert "still thinking this one over" in first.text
    assert "How important is this to you now?" in first.text
    await rate(harness, "7")
    assert "how confident are you that you could do it?" in harness.telegram.last(CLIENT.id).text
    await rate(harness, "4")
    assert "How is it going with Walk more?" in harness.telegram.last(CLIENT.id).text
    await rate(harness, "5")
    [summary] = await finish(harness)
    assert "Drink less: thinking it over (importance 7/10 · confidence 4/10)" in summary.text
    goal = await harness.services.goals.get(client_id, drink)
    assert goal is not None and (goal.importance, goal.confidence) == (7, 4)
    rows = await harness.services.db.fetchall("SELECT goal_id, value FROM ratings ORDER BY goal_id")
    assert [(r["goal_id"], r["value"]) for r in rows] == [(drink, None), (drink + 1, 5)]
    # a skipped ruler keeps what the client said before
    harness.clock.advance(timedelta(days=1))
    await harness.send(CLIENT, "/checkin")
    await rate(harness, "Skip")
    await rate(harness, "6")
    goal = await harness.services.goals.get(client_id, drink)
    assert goal is not None and (goal.importance, goal.confidence) == (7, 6)


async def test_a_slip_is_answered_warmly_and_the_checkin_goes_on(harness: Harness) -> None:
    client_id = await client_with_goals(harness, "Drink less", "Walk more")
    drink = await goal_id(harness, "Drink less")
    await harness.services.goals.set_stage(client_id, drink, "doing")
    [question] = await harness.send(CLIENT, "/checkin")
    assert "🌱 I had a slip" in [label for label, _ in question.buttons]
    warm, following = await harness.press(CLIENT, "🌱 I had a slip")
    assert "A slip is part of change, not the end of it" in warm.text
    assert [data for _, data in warm.buttons] == [RESOURCE_MENU.build(action="menu")]
    assert "Walk more" in following.text  # and on it goes
    answered = next(
        m for m in harness.telegram.bot_messages(CLIENT.id) if m.message_id == question.message_id
    )
    assert "→ I had a slip" in answered.text and answered.reply_markup is None
    # the second goal has no stage: no slip button
    assert "🌱 I had a slip" not in [label for label, _ in following.buttons]
    await rate(harness, "5")
    [summary] = await finish(harness)
    assert "Drink less: a slip, noted" in summary.text
    row = await harness.services.db.fetchone(
        "SELECT value, slip FROM ratings WHERE goal_id = ?", (drink,)
    )
    assert (row["value"], row["slip"]) == (None, 1)
    goal = await harness.services.goals.get(client_id, drink)
    assert goal is not None and goal.stage == "slip"
    # the digest tells it as a neutral fact, not as a reason for attention
    [digest] = await harness.send(PRACTITIONER, "/digest")
    assert "had a slip with “Drink less”" in digest.text
    assert "May need attention" not in digest.text
    # a slip can't be told for a goal not being done (an old or made-up button changes nothing)
    harness.clock.advance(timedelta(days=1))
    await harness.services.goals.set_stage(client_id, drink, "ready")
    [question] = await harness.send(CLIENT, "/checkin")
    assert "🌱 I had a slip" not in [label for label, _ in question.buttons]
    checkin_id = int(await harness.services.db.fetchval("SELECT MAX(id) FROM checkins"))
    await harness.press_data(CLIENT, CHECKIN_SLIP.build(checkin=checkin_id, goal=drink))
    assert (
        await harness.services.db.fetchval(
            "SELECT COUNT(*) FROM ratings WHERE checkin_id = ?", (checkin_id,)
        )
        == 0
    )


@pytest.mark.parametrize(("second", "shown"), [("4", True), ("6", False)])
async def test_after_a_fall_their_own_words_about_what_would_help(
    harness: Harness, second: str, shown: bool
) -> None:
    client_id = await client_with_goals(harness, "Walk more")
    walk = await goal_id(harness, "Walk more")
    await harness.services.goals.reflect(client_id, walk, "help", "a walk with Sam on Sundays")
    await harness.send(CLIENT, "/checkin")
    await rate(harness, "7")
    await finish(harness)
    harness.clock.advance(timedelta(days=1))
    [question] = await harness.send(CLIENT, "/checkin")
    await rate(harness, second)
    answered = next(
        m for m in harness.telegram.bot_messages(CLIENT.id) if m.message_id == question.message_id
    )
    line = "Last time you said what would help is: “a walk with Sam on Sundays”"
    assert (line in answered.text) is shown
    assert "?" not in answered.text.split("→")[1]  # a line, not a question


@pytest.mark.sqlite_only(reason="counts statements through SQLite's trace callback")
async def test_a_rating_tap_on_a_goal_with_levels_stays_lean(harness: Harness) -> None:
    client_id = await client_with_goals(harness, "Walk more", "Sleep by eleven", wellbeing=True)
    services = harness.services
    for text in ("Walk more", "Sleep by eleven"):
        for level in (-1, 0, 1):
            await services.goals.set_level(client_id, await goal_id(harness, text), level, "x")
    await harness.send(CLIENT, "/checkin")
    await rate(harness, "7")  # the overall question
    question = harness.telegram.last(CLIENT.id)
    data = next(data for label, data in question.buttons if label == "4")
    update = harness.telegram.callback_update(CLIENT, question, data)
    async with traced(services.db) as trace:
        await harness.app.process_update(harness.telegram.to_update(update, harness.app.bot))
    assert len(trace.statements) <= 6, trace.statements
    await harness.deliver()
    assert "Which of your levels" in harness.telegram.last(CLIENT.id).text
