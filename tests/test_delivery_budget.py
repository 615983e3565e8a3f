"""Delivery at Telegram's rate: the call budget's window, and removals after the messages."""

from __future__ import annotations

import pytest

from bot.budget import CallBudget
from bot.sandbox.harness import Harness
from bot.services.outbox import OutgoingMessage, enqueue
from bot.storage.outbox import REMOVAL_KIND


def test_the_window_never_holds_more_than_the_budget() -> None:
    budget = CallBudget(per_second=30, reserve=1, margin=0.0)
    for n in range(29):  # the outbox fills the second, but for the reserve
        assert budget._wait(n * 0.01, True, None) == 0
        budget._calls.append(n * 0.01)
    assert budget._wait(0.3, True, None) > 0  # the outbox waits ...
    assert budget._wait(0.3, False, None) == 0  # ... a reply to a person does not
    budget._calls.append(0.3)
    assert budget._wait(0.31, False, None) > 0  # 30 in the second: the reply waits too
    assert budget._wait(0.31, False, None) == pytest.approx(0.69)  # the oldest a second old
    assert budget._wait(1.0, False, None) == 0


def test_a_waiting_reply_goes_before_the_outbox() -> None:
    budget = CallBudget(per_second=30)
    budget._replies_waiting = 1
    assert budget._wait(0.0, True, None) > 0
    assert budget._wait(0.0, False, None) == 0


def test_while_people_tap_the_outbox_leaves_a_whole_tap_free() -> None:
    budget = CallBudget(per_second=30, reserve=1, busy_reserve=3, margin=0.0)
    for n in range(27):
        budget._calls.append(n * 0.01)
    assert budget._wait(0.3, True, None) == 0  # nobody tapping: the outbox may take two more
    budget._last_reply = 0.25  # a reply went a moment ago: people are tapping
    assert budget._wait(0.3, True, None) > 0  # three places stay free for the next tap
    assert budget._wait(0.3, False, None) == 0
    assert budget._wait(1.3, True, None) == 0  # a second without a reply: back to one


def test_a_group_gets_at_most_twenty_messages_a_minute() -> None:
    budget = CallBudget()
    group = budget._group(-100123)
    assert group is not None and budget._group(42) is None
    for n in range(20):
        assert budget._wait(n * 2.0, False, group) == 0
        budget._calls.append(n * 2.0)
        group.append(n * 2.0)
    assert budget._wait(41.0, False, group) > 0
    assert budget._wait(60.0, False, group) == 0


async def test_a_replaced_message_is_removed_after_every_other_due_message(
    harness: Harness,
) -> None:
    old = harness.telegram._store(501, "An earlier reminder", {})
    async with harness.services.db.transaction() as conn:
        await enqueue(
            conn, chat_id=501, kind="notice", now=harness.clock.now(),
            message=OutgoingMessage("The new one", replaces=old.message_id),
        )  # fmt: skip
        for chat in (502, 503, 504):
            await enqueue(
                conn, chat_id=chat, kind="notice", now=harness.clock.now(),
                message=OutgoingMessage(f"Hello {chat}"),
            )  # fmt: skip
    harness.telegram.calls.clear()
    await harness.deliver()  # one drain: the messages, then the removal it left behind
    methods = [(call.method, call.params.get("chat_id")) for call in harness.telegram.calls]
    assert methods == [
        ("sendMessage", 501),
        ("sendMessage", 502),
        ("sendMessage", 503),
        ("sendMessage", 504),
        ("deleteMessage", 501),
    ]
    assert [m.text for m in harness.telegram.bot_messages(501)] == ["The new one"]
    assert await harness.services.outbox.due() == 0
    removal = await harness.services.db.fetchone(
        "SELECT status, payload FROM outbox WHERE kind = ?", (REMOVAL_KIND,)
    )
    assert removal is not None and (removal["status"], removal["payload"]) == ("sent", "{}")
