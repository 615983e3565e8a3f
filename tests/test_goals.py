"""/goals: add, reword, achieve, archive, limits, bad input, rulers, ownership."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.sandbox.fake_telegram import FakeUser
from bot.sandbox.harness import Harness
from bot.services.goals import GoalProblem, validate_goal_text
from tests.conftest import CLIENT, PRACTITIONER, onboard_client, onboard_practitioner


async def goals_of(harness: Harness, user: FakeUser = CLIENT) -> list[tuple[str, str]]:
    rows = await harness.services.db.fetchall(
        "SELECT g.text, g.status FROM goals g JOIN people p ON p.id = g.client_id"
        " WHERE p.telegram_id = ? ORDER BY g.id",
        (user.id,),
    )
    return [(row["text"], row["status"]) for row in rows]


async def setup(harness: Harness) -> None:
    await onboard_practitioner(harness)
    await onboard_client(harness)


async def test_first_goal_right_after_consent_with_rulers(harness: Harness) -> None:
    await setup(harness)
    [saved] = await harness.send(CLIENT, "  Walk to   the park twice a week ")
    assert "Walk to the park twice a week" in saved.text
    assert "How important" in saved.text
    await harness.press(CLIENT, "8")
    assert "How confident" in harness.telegram.last(CLIENT.id).text
    await harness.press(CLIENT, "Skip")
    assert "What makes it 8 and not 0?" in harness.telegram.last(CLIENT.id).text
    await harness.press(CLIENT, "Skip")  # the follow-up is optional; no confidence: no second
    assert "All set" in harness.telegram.last(CLIENT.id).text
    row = await harness.services.db.fetchone("SELECT importance, confidence FROM goals")
    assert (row["importance"], row["confidence"]) == (8, None)
    assert await goals_of(harness) == [("Walk to the park twice a week", "active")]


async def test_first_goal_can_be_skipped(harness: Harness) -> None:
    await setup(harness)
    await harness.press(CLIENT, "Skip for now")
    [reply] = await harness.send(CLIENT, "just chatting")
    assert "do with this?" in reply.text  # the words are held, not dropped, and not a goal yet
    assert await goals_of(harness) == []


async def test_add_reword_achieve_archive(harness: Harness) -> None:
    await setup(harness)
    await harness.press(CLIENT, "Skip for now")
    for text in ("Cook dinner at home", "Call my sister"):
        await harness.send(CLIENT, "/goals")
        await harness.press(CLIENT, "Add a goal")
        await harness.send(CLIENT, text)
        await harness.press(CLIENT, "Skip")
        await harness.press(CLIENT, "Skip")
    [listing] = await harness.send(CLIENT, "/goals")
    assert "1. Cook dinner at home" in listing.text and "2. Call my sister" in listing.text

    await harness.press(CLIENT, "1. Cook dinner")
    await harness.press(CLIENT, "Reword")
    [updated] = await harness.send(CLIENT, "Cook at home three evenings")
    assert "Cook at home three evenings" in updated.text

    await harness.send(CLIENT, "/goals")
    await harness.press(CLIENT, "2. Call my sister")
    await harness.press(CLIENT, "Achieved")
    assert "🎉" in harness.telegram.last(CLIENT.id).text

    await harness.send(CLIENT, "/goals")
    await harness.press(CLIENT, "1. Cook at home")
    await harness.press(CLIENT, "Archive")
    assert await goals_of(harness) == [
        ("Cook at home three evenings", "archived"),
        ("Call my sister", "achieved"),
    ]
    await harness.send(CLIENT, "/goals")
    await harness.press(CLIENT, "Achieved and archived")
    history = harness.telegram.last(CLIENT.id).text
    assert (
        "Call my sister (achieved" in history
        and "Cook at home three evenings (archived)" in history
    )


async def test_bad_goal_text_changes_nothing_and_keeps_waiting(harness: Harness) -> None:
    await setup(harness)
    [too_long] = await harness.send(CLIENT, "x" * 201)
    assert "200 characters" in too_long.text
    [empty] = await harness.send(CLIENT, "   \u200b  ")
    assert "at least one word" in empty.text
    assert await goals_of(harness) == []
    await harness.send(CLIENT, "x" * 200)
    assert await goals_of(harness) == [("x" * 200, "active")]


async def test_at_most_five_active_goals(harness: Harness) -> None:
    await setup(harness)
    await harness.press(CLIENT, "Skip for now")
    client_id = await harness.services.db.fetchval(
        "SELECT id FROM people WHERE telegram_id = ?", (CLIENT.id,)
    )
    for n in range(5):
        await harness.services.goals.add(client_id, f"Goal {n}")
    await harness.send(CLIENT, "/goals")
    await harness.press(CLIENT, "Add a goal")
    assert "5 active goals" in harness.telegram.last(CLIENT.id).text
    assert len(await goals_of(harness)) == 5
    assert await harness.services.goals.add(client_id, "Sixth") is GoalProblem.TOO_MANY


async def test_goal_text_is_escaped(harness: Harness) -> None:
    await setup(harness)
    [saved] = await harness.send(CLIENT, "<b>Sleep</b> & eat <3")
    assert "<b>Sleep</b> & eat <3" in saved.text  # shown literally, accepted by Telegram


async def test_cannot_touch_another_clients_goal(harness: Harness) -> None:
    await setup(harness)
    await harness.send(CLIENT, "My private goal")
    goal_id = await harness.services.db.fetchval("SELECT id FROM goals")
    other = FakeUser(3111, "Olek", "uk")
    await onboard_client(harness, other)
    await harness.press_data(other, f"g:{goal_id}:arc")
    await harness.press_data(other, f"g:{goal_id}:rw")
    assert "My private goal" not in harness.telegram.last(other.id).text
    assert await goals_of(harness) == [("My private goal", "active")]


async def test_practitioner_has_no_goals_menu(harness: Harness) -> None:
    await setup(harness)
    [reply] = await harness.send(PRACTITIONER, "/goals")
    assert "for clients" in reply.text


@given(st.text(max_size=400))
@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_goal_validation_property(raw: str) -> None:
    result = validate_goal_text(raw)
    if isinstance(result, str):
        assert 1 <= len(result) <= 200
        assert result == result.strip()
    else:
        assert result in (GoalProblem.EMPTY, GoalProblem.TOO_LONG)


async def test_held_words_can_become_a_goal_or_be_let_go(harness: Harness) -> None:
    await setup(harness)
    await harness.press(CLIENT, "Skip for now")
    await harness.send(CLIENT, "Phone my sister on Sundays")
    await harness.press(CLIENT, "As a new goal")
    assert await goals_of(harness) == [("Phone my sister on Sundays", "active")]
    await harness.send(CLIENT, "never mind this")
    await harness.press(CLIENT, "No, thanks")
    assert "haven't kept it" in harness.telegram.last(CLIENT.id).text
    assert len(await goals_of(harness)) == 1
