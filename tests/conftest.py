"""Shared fixtures: settings on a temporary database, a manual clock, the harness."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.clock import ManualClock
from bot.sandbox.fake_telegram import FakeUser
from bot.sandbox.harness import Harness
from bot.settings import Settings, load_settings

ADMIN = FakeUser(1001, "Ada", "en")
PRACTITIONER = FakeUser(2002, "Pat", "en", last_name="Rivera")
CLIENT = FakeUser(3003, "Chris", "en")
STRANGER = FakeUser(4004, "Sam", "en")


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Keep the developer's environment and .env out of tests."""
    for name in Settings.model_fields:
        monkeypatch.delenv(name.upper(), raising=False)
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings for one test: its own database, one admin."""
    return load_settings(
        None,
        database_path=tmp_path / "bot.db",
        admin_ids=(ADMIN.id,),
        telegram_bot_token="123456:TEST-TOKEN-abcdefghijklmnopqrstuvwxyz",
    )


@pytest.fixture
def clock() -> ManualClock:
    """A clock at Monday 2026-03-02 09:00 UTC that moves only when told."""
    return ManualClock(datetime(2026, 3, 2, 9, 0, tzinfo=UTC))


@pytest.fixture
async def harness(settings: Settings, clock: ManualClock) -> AsyncIterator[Harness]:
    """The real application on the pretend Telegram."""
    async with Harness(settings, clock) as running:
        yield running


def invite_code(text: str) -> str:
    """Pull the start code out of a message containing an invite link."""
    marker = "?start="
    assert marker in text, text
    return text.split(marker, 1)[1].split()[0]


async def onboard_practitioner(harness: Harness, user: FakeUser = PRACTITIONER) -> None:
    """Admin invites ``user``, who opens the link."""
    [link] = await harness.send(ADMIN, "/newpractitioner")
    await harness.send(user, f"/start {invite_code(link.text)}")


async def always_on(harness: Harness, user: FakeUser = PRACTITIONER) -> int:
    """Opt ``user`` out of the protective defaults: every day, no quiet hours, request alerts
    at once (for tests about delivery itself, not about boundaries); return their id."""
    person_id = int(
        await harness.services.db.fetchval(
            "SELECT id FROM people WHERE telegram_id = ?", (user.id,)
        )
    )
    await harness.services.digests.update(
        person_id,
        quiet_start=None,
        quiet_end=None,
        work_days=frozenset(range(7)),
        request_alerts="now",
    )
    return person_id


async def onboard_client(
    harness: Harness, user: FakeUser = CLIENT, practitioner: FakeUser = PRACTITIONER
) -> None:
    """``practitioner`` invites ``user``, who agrees to the consent screen."""
    [link] = await harness.send(practitioner, "/invite")
    await harness.send(user, f"/start {invite_code(link.text)}")
    await harness.press(user, "✅")
