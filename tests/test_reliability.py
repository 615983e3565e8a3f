"""Outages: 5xx, 429, time-outs (with and without delivery) and a migrated on-call group.

Five days of real work (reminders, check-ins, crisis words, requests, daily digests) go through
the real application while the pretend Bot API fails in a different random mix for each seed.
Afterwards every message is counted: nothing is lost, no digest is doubled, anything else is
sent at most once more (marked 🔁) after an outcome that may have been a success.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest

from bot.delivery import RESENT_MARK
from bot.sandbox.fake_telegram import FakeUser
from bot.sandbox.harness import Harness
from tests.conftest import PRACTITIONER, always_on, onboard_client, onboard_practitioner

ON_CALL, UPGRADED = -100900, -100901
CLIENTS = [FakeUser(3900 + n, f"Client{n}", "en") for n in range(4)]
KINDS = ["server_error", "bad_gateway", "retry_after", "timeout", "timeout_after_delivery"]


def delivered(harness: Harness, chat_id: int, marker: str) -> list[str]:
    return [m.text for m in harness.telegram.bot_messages(chat_id) if marker in m.text]


@pytest.mark.parametrize("seed", range(6))
async def test_an_outage_loses_nothing_and_doubles_no_digest(
    harness: Harness, seed: int, capsys: pytest.CaptureFixture[str]
) -> None:
    rng = random.Random(seed)
    harness.services.crisis.on_call_chat_id = ON_CALL
    await onboard_practitioner(harness)
    pat = int(
        await harness.services.db.fetchval(
            "SELECT id FROM people WHERE telegram_id = ?", (PRACTITIONER.id,)
        )
    )
    await harness.services.digests.update(pat, frequency="daily", at="09:00")
    await always_on(harness)  # about delivery: every day, nothing held for working hours
    for user in CLIENTS:
        await onboard_client(harness, user)
        await harness.send(user, "Walk every morning")
        client = int(
            await harness.services.db.fetchval(
                "SELECT id FROM people WHERE telegram_id = ?", (user.id,)
            )
        )
        await harness.services.reminders.set_time(client, "10:00")
        await harness.services.reminders.set_days(client, frozenset(range(7)))
    failures = Counter[str]()
    crisis_sent = 0
    start = datetime(2026, 3, 3, 0, 0, tzinfo=UTC)
    for day in range(5):
        for _ in range(4):
            kind = rng.choice(KINDS)
            times = rng.randint(1, 3)
            failures[kind] += times
            harness.telegram.fail_next(kind, method="sendMessage", times=times)
        if day == 2:  # the on-call group becomes a supergroup
            harness.telegram.migrated_chats[ON_CALL] = UPGRADED
        writer = CLIENTS[day % len(CLIENTS)]
        for minute in range(0, 24 * 60, 15):
            harness.clock.set(start + timedelta(days=day, minutes=minute))
            if minute == 11 * 60:
                harness.raise_errors = False  # a reply may fail: Telegram is down
                await harness.send(writer, f"day {day}: honestly I want to die")
                harness.raise_errors = True
                crisis_sent += 1
            await harness.tick()
    harness.telegram._failures.clear()
    for _ in range(12):  # Telegram is back: the back-off runs out and everything goes
        harness.clock.advance(timedelta(minutes=30))
        await harness.tick()

    db = harness.services.db
    assert not await db.fetchval(
        "SELECT COUNT(*) FROM outbox WHERE status IN ('pending', 'sending')"
    )
    assert not await db.fetchval("SELECT COUNT(*) FROM outbox WHERE status = 'dead'")
    # digests: never twice; one whose delivery is unconfirmed is covered by the next one
    digests = await db.fetchall(
        "SELECT dedupe_key, payload, last_error FROM outbox WHERE kind = 'digest' ORDER BY id"
    )
    texts = delivered(harness, PRACTITIONER.id, "Your digest")
    assert len(texts) == len(set(texts)) <= len(digests)
    periods = [json.loads(row["payload"])["args"] for row in digests]
    for index, row in enumerate(digests[:-1]):
        if "unconfirmed" in str(row["last_error"] or ""):
            assert periods[index + 1]["since"] <= periods[index]["since"]
    # safety: every crisis message answered, every event alerted to the practitioner and the
    # on-call group (followed to its new id), at most once more each, marked
    events = int(await db.fetchval("SELECT COUNT(*) FROM safety_events"))
    assert events == crisis_sent
    replies = sum(len(delivered(harness, user.id, "🧡 It sounds like")) for user in CLIENTS)
    assert crisis_sent <= replies <= 2 * crisis_sent
    to_pat = [t for t in delivered(harness, PRACTITIONER.id, "Safety alert")]
    on_call = delivered(harness, ON_CALL, "Safety alert") + delivered(
        harness, UPGRADED, "Safety alert"
    )
    assert events <= len(to_pat) and events <= len(on_call)
    marked = [t for t in to_pat + on_call if t.startswith(RESENT_MARK)]
    doubled = len(to_pat) + len(on_call) - 2 * events
    assert (
        doubled
        <= len(marked)
        + await db.fetchval("SELECT COUNT(*) FROM safety_events WHERE resent_at IS NOT NULL") * 2
    )
    assert delivered(harness, UPGRADED, "Safety alert")  # the upgrade was followed
    resends = int(
        await db.fetchval("SELECT COUNT(*) FROM safety_events WHERE resent_at IS NOT NULL")
    )
    unconfirmed = sum("unconfirmed" in str(row["last_error"] or "") for row in digests)
    line = (
        f"outage seed {seed}: {sum(failures.values())} failed calls injected ({dict(failures)});"
        f" {crisis_sent} crisis messages, {events} events, {len(to_pat) + len(on_call)} alerts"
        f" delivered for {2 * events} expected + {resends} sent again as nobody said I'm on it"
        f" ({len(marked)} marked resends), {replies} crisis replies, {len(texts)} digests for"
        f" {len(digests)} queued ({unconfirmed} unconfirmed, covered by the next); lost 0,"
        " digests doubled 0"
    )
    with capsys.disabled():
        print("\n" + line)
