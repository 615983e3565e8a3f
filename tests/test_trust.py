"""Trust: private data only in private chats, a fair share under load, updates applied once."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

import pytest

from bot.sandbox.fake_telegram import FakeUser
from bot.sandbox.harness import Harness
from bot.updates import UpdateGate
from tests.conftest import ADMIN, CLIENT, PRACTITIONER, onboard_client, onboard_practitioner

GROUP = -100777
OTHER = FakeUser(3999, "Olu", "en")


async def test_a_group_gets_one_explanation_and_no_private_data(harness: Harness) -> None:
    await onboard_practitioner(harness)
    await onboard_client(harness)
    await harness.send(CLIENT, "Walk every morning")
    chat_before = await harness.services.db.fetchval(
        "SELECT chat_id FROM people WHERE telegram_id = ?", (PRACTITIONER.id,)
    )
    for command in ("/digest", "/clients", "/client 1", "/digest"):
        update = harness.telegram.group_text_update(PRACTITIONER, GROUP, command)
        await harness.app.process_update(harness.telegram.to_update(update, harness.app.bot))
    await harness.deliver()
    in_group = harness.telegram.bot_messages(GROUP)
    assert len(in_group) == 1 and "private chats" in in_group[0].text
    assert "Walk" not in in_group[0].text and "Chris" not in in_group[0].text
    chat_after = await harness.services.db.fetchval(
        "SELECT chat_id FROM people WHERE telegram_id = ?", (PRACTITIONER.id,)
    )
    assert chat_after == chat_before == PRACTITIONER.id
    # later messages to the practitioner still go to their private chat
    await harness.send(CLIENT, "/resources")
    await harness.press_data(CLIENT, "res:other")
    await harness.send(CLIENT, "help with a form")
    assert len(harness.telegram.bot_messages(GROUP)) == 1


async def test_buttons_pressed_in_a_group_do_nothing(harness: Harness) -> None:
    await onboard_practitioner(harness)
    await onboard_client(harness)
    update = harness.telegram.group_text_update(CLIENT, GROUP, "hello")
    await harness.app.process_update(harness.telegram.to_update(update, harness.app.bot))
    message = harness.telegram.chat(GROUP)[-1]
    callback = harness.telegram.callback_update(CLIENT, message, "erase:yes")
    await harness.app.process_update(harness.telegram.to_update(callback, harness.app.bot))
    assert await harness.services.db.fetchval("SELECT COUNT(*) FROM clients") == 1
    assert not harness.telegram.bot_messages(GROUP)


async def test_a_flood_from_one_person_is_capped_with_one_kind_message(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    harness.services.flood.enabled = True
    # the guard reads the wall clock; hold it still, so a slow machine (or database) cannot
    # stretch the 200 messages past the guard's one-minute warning window
    monkeypatch.setattr("handlers.guard.time", SimpleNamespace(monotonic=lambda: 1_000.0))
    await onboard_practitioner(harness)
    await onboard_client(harness)
    await harness.press_data(CLIENT, "g:cancel")
    before = len(harness.telegram.bot_messages(CLIENT.id))
    for n in range(200):
        await harness.send(CLIENT, f"message number {n}")
    replies = harness.telegram.bot_messages(CLIENT.id)[before:]
    warnings = [m for m in replies if "faster than I can keep up" in m.text]
    assert len(warnings) == 1
    assert len(replies) < 60  # the rest were skipped, and the client was told
    # crisis words always get through, even mid-flood
    [crisis] = await harness.send(CLIENT, "I want to die")
    assert "🧡" in crisis.text
    assert await harness.services.db.fetchval("SELECT COUNT(*) FROM safety_events") == 1
    # someone else is not affected
    [answer] = await harness.send(ADMIN, "/help")
    assert answer.text


async def test_updates_from_different_people_run_side_by_side_in_order(harness: Harness) -> None:
    await onboard_practitioner(harness)
    await onboard_client(harness)
    await harness.press_data(CLIENT, "g:cancel")
    gate = UpdateGate(harness.app)
    await gate.load()
    updates = [
        harness.telegram.to_update(
            harness.telegram.text_update(CLIENT, f"note {n}"), harness.app.bot
        )
        for n in range(30)
    ]
    updates.insert(
        5, harness.telegram.to_update(harness.telegram.text_update(ADMIN, "/help"), harness.app.bot)
    )
    await gate.run_all(updates)
    await harness.deliver()
    # the client's texts were applied in the order sent (the held text keeps them in order)
    pending = await harness.services.db.fetchval(
        "SELECT pending_input FROM people WHERE telegram_id = ?", (CLIENT.id,)
    )
    positions = [pending.index(f"note {n}\\n") for n in range(29)]
    assert positions == sorted(positions)
    assert harness.telegram.bot_messages(ADMIN.id)
    # a redelivered batch (after a crash) is not applied twice
    count = len(harness.telegram.bot_messages(CLIENT.id))
    await gate.run_all(updates)
    assert len(harness.telegram.bot_messages(CLIENT.id)) == count


async def test_views_and_admin_changes_are_audited_without_content(
    harness: Harness, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from bot.cli import main

    await onboard_practitioner(harness)
    await onboard_client(harness)
    await harness.send(CLIENT, "Walk every morning")
    await harness.send(PRACTITIONER, "/client 1")
    await harness.send(PRACTITIONER, "/digest")
    client_id = int(
        await harness.services.db.fetchval(
            "SELECT id FROM people WHERE telegram_id = ?", (CLIENT.id,)
        )
    )
    monkeypatch.setenv("DATABASE_URL", harness.settings.database_url.get_secret_value())
    assert await asyncio.to_thread(main, ["audit"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert any("viewed client" in line and f"person {client_id}" in line for line in lines)
    assert any("viewed digest" in line for line in lines)
    assert all("Walk" not in line and "Chris" not in line for line in lines)
    assert await asyncio.to_thread(main, ["audit", "--person", str(client_id)]) == 0
    only = capsys.readouterr().out.strip().splitlines()
    assert only and all(f"person {client_id}" in line for line in only)
    assert await asyncio.to_thread(main, ["audit", "--since", "2099-01-01"]) == 0
    assert capsys.readouterr().out.strip() == ""
    assert await asyncio.to_thread(main, ["audit", "--since", "yesterday"]) == 1
