"""The crisis flow over real HTTP, against the loopback Bot API emulator (the issue's proofs)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest

from bot.clock import ManualClock
from bot.sandbox.fake_telegram import FakeMessage, FakeUser
from tests.conftest import ADMIN, invite_code
from tests.test_http import EXAMPLE, Live, running_bot

PAT = FakeUser(2301, "Pat", "en")
KIM = FakeUser(3301, "Kim", "en")
NOOR = FakeUser(7301, "Noor", "en")  # in the on-call group
ON_CALL = -1003301
CRISIS = "thinking about killing myself tonight"


def data(message: FakeMessage, ending: str) -> str:
    return next(value for _, value in message.buttons if value.endswith(ending))


async def tap_data(live: Live, user: FakeUser, message: FakeMessage, value: str) -> FakeMessage:
    """Press the button with ``value`` on ``message`` and wait for the answer."""
    return await live._push(user, live.telegram.callback_update(user, message, value))


async def connect(live: Live) -> None:
    """Catalogue, a practitioner with quiet hours 19:00-08:00, a client at the first-goal prompt."""
    await live.upload(ADMIN, "resources.yaml", EXAMPLE.read_bytes())
    link = await live.say(ADMIN, "/newpractitioner")
    await live.say(PAT, f"/start {invite_code(link.text)}")
    services = live.app.bot_data.services
    pat = int(await services.db.fetchval("SELECT id FROM people WHERE telegram_id = ?", (PAT.id,)))
    await services.digests.update(pat, quiet_start="19:00", quiet_end="08:00")
    client_link = await live.say(PAT, "/invite")
    await live.say(KIM, f"/start {invite_code(client_link.text)}")
    await live.tap(KIM, "✅ I agree")
    await live.until(lambda: "goal" in live.telegram.last(KIM.id).text)


@pytest.fixture
async def with_on_call(database_url: str, clock: ManualClock) -> AsyncIterator[Live]:
    async with running_bot(database_url, clock, on_call_chat_id=ON_CALL) as running:
        yield running


@pytest.fixture
async def without_on_call(database_url: str, clock: ManualClock) -> AsyncIterator[Live]:
    async with running_bot(database_url, clock) as running:
        yield running


async def test_crisis_flow_with_on_call_over_http(with_on_call: Live, clock: ManualClock) -> None:
    live = with_on_call
    await connect(live)
    services = live.app.bot_data.services
    clock.set(datetime(2026, 3, 2, 23, 0, tzinfo=UTC))  # the practitioner's quiet hours
    crisis = await live.say(KIM, CRISIS)  # at the first-goal prompt
    assert "📞" in crisis.text and CRISIS not in crisis.text
    assert await services.db.fetchval("SELECT COUNT(*) FROM goals") == 0
    assert not any("do with this" in m.text for m in live.telegram.bot_messages(KIM.id))
    # with nothing pending: again no "do with this?" prompt
    await live.say(KIM, "I keep thinking everyone would be better off without me")
    assert not any("do with this" in m.text for m in live.telegram.bot_messages(KIM.id))
    # follow-ups are new messages; the lines stay in the chat
    check = await tap_data(live, KIM, crisis, data(crisis, ":safe"))
    told = await tap_data(live, KIM, check, data(check, ":unsure"))
    assert "on-call team now" in told.text
    await live.tick()  # within one tick the on-call chat has the urgent alert
    on_call = live.telegram.bot_messages(ON_CALL)
    assert any("Urgent" in m.text for m in on_call)
    assert all(CRISIS not in m.text for m in on_call)
    assert crisis.edits == 0 and "📞" in crisis.text
    # "I'm on it" in the on-call group: recorded, the client told
    alert = next(m for m in on_call if any(v.endswith(":ack") for _, v in m.buttons))
    live.server.push(live.telegram.callback_update(NOOR, alert, data(alert, ":ack")))
    await live.until(lambda: "has seen your message" in live.telegram.last(KIM.id).text)
    assert await services.db.fetchval("SELECT acknowledged_by FROM safety_events") == NOOR.id


async def test_help_now_reaches_the_practitioner_at_once_without_on_call(
    without_on_call: Live, clock: ManualClock
) -> None:
    live = without_on_call
    await connect(live)
    await live.say(KIM, "Walk every morning")
    clock.set(datetime(2026, 3, 2, 23, 0, tzinfo=UTC))
    before = len(live.telegram.bot_messages(PAT.id))
    crisis = await live.say(KIM, "I've been cutting myself again")
    help_told = await tap_data(live, KIM, crisis, data(crisis, ":help"))
    assert "Pat now" in help_told.text
    await live.until(lambda: len(live.telegram.bot_messages(PAT.id)) > before)
    assert "Urgent" in live.telegram.last(PAT.id).text


async def test_a_crisis_reply_queued_in_an_outage_arrives_and_the_plan_comes_first(
    without_on_call: Live, clock: ManualClock
) -> None:
    live = without_on_call
    await connect(live)
    await live.tap(KIM, "Skip for now")
    plan = await live.say(KIM, "/safetyplan")
    await tap_data(live, KIM, plan, "sp:people")
    await live.say(KIM, "My brother Leo, 0170 555 0199")
    live.telegram.fail_next("server_error", method="sendMessage", times=4)
    before = len(live.telegram.bot_messages(KIM.id))
    live.server.push(live.telegram.text_update(KIM, "no quiero seguir viviendo"))
    services = live.app.bot_data.services
    await live.until(lambda: any(c.error == "server_error" for c in live.telegram.calls))
    for _ in range(6):  # the API recovers; the background sender retries after its back-off
        clock.advance(timedelta(minutes=2))
        await live.tick()
    await live.until(lambda: len(live.telegram.bot_messages(KIM.id)) > before)
    crisis = live.telegram.last(KIM.id)
    assert crisis.text.index("My brother Leo") < crisis.text.index("📞")
    assert await services.db.fetchval("SELECT COUNT(*) FROM safety_events") == 1
