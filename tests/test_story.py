"""Two weeks in the life of a caseload, through the whole application, with a restart midway.

Onboarding of a practitioner and three clients in different languages; reminders on their own
schedules and check-ins from them; a request and its handling; the weekly digests, asserted
line by line for the content that matters.
"""

from __future__ import annotations

from datetime import UTC, datetime

from bot.clock import ManualClock
from bot.sandbox.fake_telegram import FakeMessage, FakeUser
from bot.sandbox.harness import Harness
from bot.settings import Settings
from tests.conftest import ADMIN, invite_code

DANA = FakeUser(2201, "Dana", "en", last_name="Okafor")
ANA = FakeUser(3601, "Ana", "es")  # daily reminders at 19:00, Madrid
KAI = FakeUser(3602, "Kai", "de")  # Mon/Thu 08:00, Berlin; stops answering in week two
OLHA = FakeUser(3603, "Olha", "uk")  # only when she chooses, Kyiv
START = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)  # Monday, before anyone's reminder


def tap_data(message: FakeMessage, label: str) -> str:
    return next(data for text, data in message.buttons if text == label)


async def run_until(harness: Harness, moment: datetime) -> None:
    while harness.clock.now() + 300 <= int(moment.timestamp()):
        harness.clock.advance(300)
        await harness.tick()


async def answer_reminder(harness: Harness, user: FakeUser, ratings: list[str]) -> None:
    """Tap "Check in now" on the standing reminder and answer: overall, goals, skip the note."""
    reminder = next(
        m for m in reversed(harness.telegram.bot_messages(user.id))
        if any(d == "rem:go" for _, d in m.buttons)
    )  # fmt: skip
    await harness.press_data(user, "rem:go", message=reminder)
    for value in ratings:
        question = harness.telegram.last(user.id)
        await harness.press_data(user, tap_data(question, value), message=question)
    note = harness.telegram.last(user.id)
    await harness.press_data(
        user, next(d for _, d in note.buttons if d.endswith(":n:s")), message=note
    )


async def onboard(harness: Harness, user: FakeUser, goal: str, zone: str) -> None:
    [link] = await harness.send(DANA, "/invite")
    await harness.send(user, f"/start {invite_code(link.text)}")
    await harness.press_data(user, harness.telegram.last(user.id).buttons[0][1])
    [saved] = await harness.send(user, goal)
    await harness.press_data(user, tap_data(saved, "8"), message=saved)
    await harness.press_data(user, harness.telegram.last(user.id).buttons[-1][1])  # skip confidence
    client_id = int(
        await harness.services.db.fetchval(
            "SELECT id FROM people WHERE telegram_id = ?", (user.id,)
        )
    )
    await harness.services.people.set_timezone(client_id, zone)


async def test_two_weeks_of_a_caseload(settings: Settings) -> None:
    clock = ManualClock(START)
    async with Harness(settings, clock) as harness:
        [link] = await harness.send(ADMIN, "/newpractitioner")
        await harness.send(DANA, f"/start {invite_code(link.text)}")
        await onboard(harness, ANA, "Salir a caminar cada día", "Europe/Madrid")
        await onboard(harness, KAI, "Weniger Energydrinks", "Europe/Berlin")
        await onboard(harness, OLHA, "Лягати спати до 23:00", "Europe/Kyiv")
        services = harness.services
        ana = int(
            await services.db.fetchval("SELECT id FROM people WHERE telegram_id = ?", (ANA.id,))
        )
        kai = int(
            await services.db.fetchval("SELECT id FROM people WHERE telegram_id = ?", (KAI.id,))
        )
        await services.reminders.set_time(ana, "19:00")
        await services.reminders.set_days(ana, frozenset(range(7)))
        await services.reminders.set_time(kai, "08:00")
        await services.reminders.set_days(kai, frozenset({0, 3}))
        dana = int(
            await services.db.fetchval("SELECT id FROM people WHERE telegram_id = ?", (DANA.id,))
        )
        await services.digests.update(dana, frequency="weekly", weekday=0, at="09:00")

        # Week one: Ana checks in from her 19:00 reminders on Mon, Wed, Fri; Kai on Mon, Thu.
        await run_until(harness, datetime(2026, 3, 2, 7, 5, tzinfo=UTC))  # Kai's Monday 08:00
        await answer_reminder(harness, KAI, ["6", "5"])
        await run_until(harness, datetime(2026, 3, 2, 18, 5, tzinfo=UTC))  # Ana's 19:00
        await answer_reminder(harness, ANA, ["7", "6"])
        await run_until(harness, datetime(2026, 3, 4, 18, 5, tzinfo=UTC))
        await answer_reminder(harness, ANA, ["7", "7"])
        await run_until(harness, datetime(2026, 3, 5, 7, 5, tzinfo=UTC))
        await answer_reminder(harness, KAI, ["5", "6"])
        await run_until(harness, datetime(2026, 3, 6, 18, 5, tzinfo=UTC))
        await answer_reminder(harness, ANA, ["8", "8"])
        # Olha checks in on her own, and asks for help with something not in the list
        await harness.send(OLHA, "/checkin")
        for value in ("6", "4"):
            question = harness.telegram.last(OLHA.id)
            await harness.press_data(OLHA, tap_data(question, value), message=question)
        await harness.send(OLHA, "Допомогло гуляти ввечері")
        await harness.press_data(
            OLHA, next(d for _, d in harness.telegram.last(OLHA.id).buttons if d.endswith(":s:1"))
        )
        await harness.send(OLHA, "/resources")
        await harness.press_data(OLHA, "res:other")
        await harness.send(OLHA, "Потрібна допомога з документами на житло")

        # Monday 09:00 Madrid... Dana is on UTC: the digest arrives at 09:00 UTC.
        await run_until(harness, datetime(2026, 3, 9, 9, 5, tzinfo=UTC))
        first = [
            m.text
            for m in harness.telegram.bot_messages(DANA.id)
            if m.text.startswith("Your digest")
        ]
        assert len(first) == 2  # Monday 09:00 the day the schedule was set, then a week later
        assert first[0].splitlines()[1].startswith("3 clients · 1 checked in")  # Kai, 08:00
        digest = first[1].splitlines()
        assert digest[1] == "3 clients · 3 checked in · 0 may need attention · 1 open request"
        assert "May need attention" not in first[1]
        assert "   Salir a caminar cada día: 8/10 ↑1 ▅▆▇" in digest
        assert "   Weniger Energydrinks: 6/10 ↑1 ▅▅" in digest
        assert "   💬 Допомогло гуляти ввечері" in digest
        assert any(
            line.startswith("   📌 open request: something else (new) /request_") for line in digest
        )
        assert "   3 check-ins" in digest and "   1 check-in" in digest

    # A restart in the middle: a fresh application on the same database file.
    async with Harness(settings, clock) as harness:
        services = harness.services
        # Week two: Ana keeps going but drops; Kai goes quiet past his Mon/Thu schedule.
        await run_until(harness, datetime(2026, 3, 9, 18, 5, tzinfo=UTC))
        await answer_reminder(harness, ANA, ["6", "5"])  # 8 -> 5: a drop of 3
        await run_until(harness, datetime(2026, 3, 11, 18, 5, tzinfo=UTC))
        await answer_reminder(harness, ANA, ["6", "6"])
        # Dana follows up on Olha's request from /requests
        [request] = await harness.send(DANA, "/requests")
        await harness.press_data(DANA, tap_data(request, "✅ Mark handled"), message=request)
        await harness.press(DANA, "Write a message")
        await harness.send(DANA, "I sent you the housing office's form by post")
        told = harness.telegram.last(OLHA.id).text
        assert "housing office" in told

        await run_until(harness, datetime(2026, 3, 16, 9, 5, tzinfo=UTC))
        second = [
            m.text
            for m in harness.telegram.bot_messages(DANA.id)
            if m.text.startswith("Your digest")
        ]
        assert len(second) == 1  # the new process sent only the new week's digest
        lines = second[0].splitlines()
        assert lines[1] == "3 clients · 1 checked in · 2 may need attention · 0 open requests"
        attention = (
            second[0].split("Everyone else")[0] if "Everyone else" in second[0] else second[0]
        )
        assert "⚠️ <b>" not in attention  # rendered as Telegram shows it
        assert "⚠️ Ana" in attention
        assert "   ⚠️ rating down 8 → 5 on “Salir a caminar cada día”" in lines
        assert "⚠️ Kai" in attention
        assert any(line.startswith("   ⚠️ no check-in for 1") for line in lines)
        assert "No news from: Olha" in second[0]
        # reminders never piled up for Kai, who stopped answering
        kai_reminders = [
            m
            for m in harness.telegram.bot_messages(KAI.id)
            if any(d == "rem:go" for _, d in m.buttons)
        ]
        assert len(kai_reminders) == 1
