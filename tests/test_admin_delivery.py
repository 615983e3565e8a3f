"""Admin: deactivation with reassignment, moving a client, /stats. Delivery that loses nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.sandbox.fake_telegram import FakeUser
from bot.sandbox.harness import Harness
from tests.conftest import ADMIN, PRACTITIONER, always_on, onboard_client, onboard_practitioner

OLGA = FakeUser(2999, "Olga", "de")
ANA = FakeUser(3401, "Ana", "es")
BEN = FakeUser(3402, "Ben", "en")


async def person_id(harness: Harness, user: FakeUser) -> int:
    return int(
        await harness.services.db.fetchval(
            "SELECT id FROM people WHERE telegram_id = ?", (user.id,)
        )
    )


async def setup(harness: Harness) -> None:
    await onboard_practitioner(harness)
    await onboard_practitioner(harness, OLGA)
    await always_on(harness)  # these tests are about delivery: request alerts at once
    for user in (ANA, BEN):
        await onboard_client(harness, user)
        await harness.press_data(user, "g:cancel")


async def test_deactivation_moves_every_client_in_the_same_step(harness: Harness) -> None:
    await setup(harness)
    [panel] = await harness.send(ADMIN, "/admin")
    assert "Pat Rivera</b> — 2 clients" in panel.markup
    await harness.press(ADMIN, "Deactivate Pat Rivera")
    await harness.press(ADMIN, "Olga")
    assert "2 clients moved to Olga" in harness.telegram.last(ADMIN.id).text
    pat, olga = await person_id(harness, PRACTITIONER), await person_id(harness, OLGA)
    rows = await harness.services.db.fetchall("SELECT practitioner_id FROM clients")
    assert {row["practitioner_id"] for row in rows} == {olga}
    assert (
        await harness.services.db.fetchval(
            "SELECT active FROM practitioners WHERE person_id = ?", (pat,)
        )
        == 0
    )
    assert "Olga" in harness.telegram.last(ANA.id).text  # the client is told, in Spanish
    assert (
        "joined your caseload" in harness.telegram.last(OLGA.id).text
        or "Ben" in harness.telegram.last(OLGA.id).text
    )
    [refused] = await harness.send(PRACTITIONER, "/clients")
    assert "for practitioners" in refused.text  # a deactivated practitioner sees no clients


async def test_move_one_client_tells_everyone(harness: Harness) -> None:
    await setup(harness)
    await harness.send(ADMIN, "/admin")
    await harness.press(ADMIN, "Move a client")
    await harness.press(ADMIN, "Pat Rivera")
    # admins see numbers as in the practitioner's /clients list, never clients' names
    which = harness.telegram.last(ADMIN.id)
    assert all("Ben" not in label and "Ana" not in label for label, _ in which.buttons)
    await harness.press(ADMIN, "No. 2")  # Pat's /clients: 1. Ana, 2. Ben
    await harness.press(ADMIN, "Olga")
    assert "Moved" in harness.telegram.last(ADMIN.id).text
    assert "Olga" in harness.telegram.last(BEN.id).text
    assert "Ben" in harness.telegram.last(PRACTITIONER.id).text
    assert "Ben" in harness.telegram.last(OLGA.id).text


async def test_only_admins_reach_admin_functions(harness: Harness) -> None:
    await setup(harness)
    [refused] = await harness.send(PRACTITIONER, "/admin")
    assert "only administrators" in refused.text
    [refused] = await harness.send(ANA, "/stats")
    assert "Clients:" not in refused.text
    await harness.press_data(
        PRACTITIONER,
        f"ad:off:{await person_id(harness, OLGA)}:{await person_id(harness, PRACTITIONER)}",
    )
    assert await harness.services.db.fetchval("SELECT MIN(active) FROM practitioners") == 1


async def test_stats_are_counts_only(harness: Harness) -> None:
    await setup(harness)
    ana = await person_id(harness, ANA)
    await harness.services.goals.add(ana, "Una meta muy personal")
    await harness.services.requests.create(ana, None, None, "palabras privadas")
    [stats] = await harness.send(ADMIN, "/stats")
    assert "Clients: 2" in stats.text
    assert "Open requests: 1" in stats.text
    assert "Active practitioners: 2" in stats.text
    for private in ("Ana", "Ben", "meta", "palabras"):
        assert private not in stats.text


async def test_outbox_retries_through_server_errors_and_retry_after(harness: Harness) -> None:
    await setup(harness)
    ben = await person_id(harness, BEN)
    harness.telegram.fail_next("server_error", method="sendMessage", times=2)
    harness.telegram.fail_next("retry_after", method="sendMessage", retry_after=40)
    await harness.services.requests.create(ben, None, None, "needs a form")
    await harness.tick()  # 500
    for _ in range(12):
        harness.clock.advance(timedelta(seconds=30))
        await harness.tick()
    alerts = [
        m for m in harness.telegram.bot_messages(PRACTITIONER.id) if "asked for help" in m.text
    ]
    assert len(alerts) == 1
    row = await harness.services.db.fetchone(
        "SELECT status, attempts FROM outbox WHERE kind = 'request'"
    )
    assert row["status"] == "sent" and row["attempts"] == 4


async def test_blocked_chat_is_marked_unreachable_and_shown_to_admins(harness: Harness) -> None:
    await setup(harness)
    ana = await person_id(harness, ANA)
    harness.telegram.blocked_chats.add(PRACTITIONER.id)
    await harness.services.requests.create(ana, None, None, None)
    await harness.services.requests.create(ana, None, None, "second")
    await harness.tick()
    statuses = await harness.services.db.fetchall(
        "SELECT status FROM outbox WHERE kind = 'request'"
    )
    assert {row["status"] for row in statuses} == {"dead"}
    sends = [
        c
        for c in harness.telegram.calls
        if c.method == "sendMessage"
        and c.params["chat_id"] == PRACTITIONER.id
        and c.error == "forbidden"
    ]
    assert len(sends) == 1  # the second is not even tried
    [panel] = await harness.send(ADMIN, "/admin")
    assert "Unreachable chats" in panel.text and "Pat Rivera (practitioner)" in panel.text
    [stats] = await harness.send(ADMIN, "/stats")
    assert "Unreachable chats: 1" in stats.text
    # they unblock the bot and write again: reachable again
    harness.telegram.blocked_chats.discard(PRACTITIONER.id)
    await harness.send(PRACTITIONER, "/help")
    [stats] = await harness.send(ADMIN, "/stats")
    assert "Unreachable chats: 0" in stats.text


async def test_timed_out_digest_is_never_sent_twice(harness: Harness) -> None:
    await setup(harness)
    pat = await person_id(harness, PRACTITIONER)
    await harness.services.digests.update(pat, frequency="daily", at="10:00")
    harness.telegram.fail_next("timeout_after_delivery", method="sendMessage")
    harness.clock.set(datetime(2026, 3, 2, 10, 0, tzinfo=UTC))
    await harness.tick()
    for _ in range(10):
        harness.clock.advance(timedelta(minutes=1))
        await harness.tick()
    digests = [
        m
        for m in harness.telegram.bot_messages(PRACTITIONER.id)
        if m.text.startswith(("🌤 Quiet period", "Your digest"))
    ]
    assert len(digests) == 1


async def test_plain_timeout_of_an_alert_is_retried(harness: Harness) -> None:
    await setup(harness)
    ben = await person_id(harness, BEN)
    harness.telegram.fail_next("timeout", method="sendMessage")
    await harness.services.requests.create(ben, None, None, None)
    await harness.tick()
    harness.clock.advance(timedelta(minutes=1))
    await harness.tick()
    alerts = [
        m for m in harness.telegram.bot_messages(PRACTITIONER.id) if "asked for help" in m.text
    ]
    assert len(alerts) == 1
