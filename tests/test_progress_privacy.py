"""/progress (chart and summary), /mydata export and /delete erasure."""

from __future__ import annotations

import json
from datetime import timedelta

from bot.sandbox.harness import Harness
from tests.conftest import CLIENT, PRACTITIONER, onboard_client, onboard_practitioner

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


async def setup(harness: Harness) -> int:
    await onboard_practitioner(harness)
    await onboard_client(harness)
    await harness.press(CLIENT, "Skip for now")
    return int(
        await harness.services.db.fetchval(
            "SELECT id FROM people WHERE telegram_id = ?", (CLIENT.id,)
        )
    )


async def checkin(harness: Harness, *values: str, note: str | None = None) -> None:
    await harness.send(CLIENT, "/checkin")
    await harness.press(CLIENT, "Skip")  # overall
    for value in values:
        await harness.press(CLIENT, value)
    if note is None:
        await harness.press(CLIENT, "Skip")
    else:
        await harness.send(CLIENT, note)
        await harness.press(CLIENT, "Keep private")


async def test_progress_without_data_is_kind_and_sends_no_chart(harness: Harness) -> None:
    await setup(harness)
    [reply] = await harness.send(CLIENT, "/progress")
    assert "nothing to chart yet" in reply.text
    assert all(m.photo is None for m in harness.telegram.bot_messages(CLIENT.id))


async def test_progress_chart_and_summary(harness: Harness) -> None:
    client_id = await setup(harness)
    walk = await harness.services.goals.add(client_id, "Walk daily")
    await harness.services.goals.add(client_id, "Sleep by eleven")
    await checkin(harness, "3", "5")
    harness.clock.advance(timedelta(days=3))
    await checkin(harness, "6", "Skip")
    harness.clock.advance(timedelta(days=3))
    await checkin(harness, "8", "4")
    await harness.services.goals.set_status(client_id, walk.id, "achieved")
    photo, summary = await harness.send(CLIENT, "/progress")
    assert photo.photo is not None and photo.photo.startswith(PNG_SIGNATURE)
    assert len(photo.photo) > 10_000
    assert "3 check-ins so far" in summary.text
    assert "Walk daily (achieved" in summary.text
    assert "first 3/10, latest 8/10 (↑ 5)" in summary.text
    assert "Sleep by eleven: first 5/10, latest 4/10 (↓ 1)" in summary.text
    assert "Goals achieved: 1" in summary.text


async def test_progress_chart_in_ukrainian(harness: Harness) -> None:
    client_id = await setup(harness)
    await harness.services.people.set_locale(client_id, "uk")
    await harness.services.goals.add(client_id, "Гуляти щодня")
    await harness.send(CLIENT, "/checkin")
    await harness.press_data(CLIENT, [d for _, d in harness.telegram.last(CLIENT.id).buttons][-1])
    await harness.press(CLIENT, "7")
    photo, _summary = await harness.send(CLIENT, "/progress")
    assert photo.photo is not None and photo.photo.startswith(PNG_SIGNATURE)


async def test_mydata_exports_everything(harness: Harness) -> None:
    client_id = await setup(harness)
    await harness.services.goals.add(client_id, "Walk daily")
    await checkin(harness, "4", note="private words")
    [document, summary] = await harness.send(CLIENT, "/mydata")
    assert "In short" in summary.text
    assert document.document is not None
    data = json.loads(document.document)
    assert data["profile"][0]["display_name"] == "Chris"
    assert data["connection"][0]["practitioner"] == "Pat Rivera"
    assert data["goals"][0]["text"] == "Walk daily"
    assert data["checkins"][0]["note"] == "private words"
    assert data["ratings"][0]["value"] == 4


async def test_delete_erases_everything_after_confirmation(harness: Harness) -> None:
    client_id = await setup(harness)
    await harness.services.goals.add(client_id, "Walk daily")
    await checkin(harness, "4", note="private words")
    await harness.send(CLIENT, "/delete")
    await harness.press(CLIENT, "Keep my data")
    assert await harness.services.db.fetchval("SELECT COUNT(*) FROM goals") == 1
    await harness.send(CLIENT, "/delete")
    await harness.press(CLIENT, "Yes, erase everything")
    for table in ("goals", "checkins", "ratings", "clients"):
        assert await harness.services.db.fetchval(f"SELECT COUNT(*) FROM {table}") == 0, table
    assert (
        await harness.services.db.fetchval(
            "SELECT COUNT(*) FROM people WHERE telegram_id = ?", (CLIENT.id,)
        )
        == 0
    )
    # no ping: the practitioner reads it in their next digest
    [digest] = await harness.send(PRACTITIONER, "/digest")
    assert "erased their data" in digest.text
    [after] = await harness.send(CLIENT, "/help")
    assert "invite link" in after.text
