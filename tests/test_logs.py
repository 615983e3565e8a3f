"""The real process at LOG_LEVEL=DEBUG: its log holds no typed text, no names and no ids."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from bot.clock import ManualClock
from bot.sandbox.fake_telegram import FakeTelegram, FakeUser
from tests.conftest import ADMIN, invite_code
from tests.fake_server import FakeBotApiServer
from tests.test_http import EXAMPLE, ROOT, Live

PRAC = FakeUser(2471, "Philippa", "en", last_name="Stroud")
CLI = FakeUser(3471, "Octavian", "en", last_name="Marchbank")
TYPED = [
    "Repaint the Kessler kitchen",
    "talked to Bartholomew about the lease",
    "help with the Wexford housing form",
    "I want to die, the Dunmore bridge",
]


async def test_a_whole_journey_at_debug_logs_no_user_data(
    tmp_path: Path, database_url: str
) -> None:
    telegram = FakeTelegram(ManualClock(1_772_442_000))
    server = FakeBotApiServer(telegram)
    await server.start()
    env = {
        "PATH": os.environ.get("PATH", ""),
        "TELEGRAM_BOT_TOKEN": "123456:LOGS-TOKEN-abcdefghijklmnopqrstuvwxyz",
        "TELEGRAM_API_URL": server.url,
        "DATABASE_URL": database_url,
        "ADMIN_IDS": str(ADMIN.id),
        "LOG_LEVEL": "DEBUG",
        "PYTHONPATH": str(ROOT),
        "TICK_SECONDS": "1",
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", env=env, cwd=tmp_path,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )  # fmt: skip
    live = Live(telegram, server, app=None)  # type: ignore[arg-type]
    try:
        await live.upload(ADMIN, "resources.yaml", EXAMPLE.read_bytes())
        link = await live.say(ADMIN, "/newpractitioner")
        await live.say(PRAC, f"/start {invite_code(link.text)}")
        client_link = await live.say(PRAC, "/invite")
        await live.say(CLI, f"/start {invite_code(client_link.text)}")
        await live.tap(CLI, "I agree")
        await live.say(CLI, TYPED[0])
        await live.tap(CLI, "7")
        await live.tap(CLI, "Skip")
        await live.say(CLI, "/checkin")
        await live.tap(CLI, "6")
        await live.tap(CLI, "5")
        await live.say(CLI, TYPED[1])
        await live.tap(CLI, "Share")
        await live.say(CLI, "/resources")
        await live.tap(CLI, "Something else")
        await live.say(CLI, TYPED[2])
        await live.say(CLI, TYPED[3])
        await live.tap(CLI, "safe right now")
        await live.say(PRAC, "/clients")
        await live.say(CLI, "/mydata")
    finally:
        process.terminate()
        output, _ = await asyncio.wait_for(process.communicate(), timeout=20)
        await server.stop()
    log = output.decode()
    assert "DEBUG" in log  # the level took effect
    forbidden = [*TYPED, "Philippa", "Stroud", "Octavian", "Marchbank", "LOGS-TOKEN"]
    forbidden += [str(user.id) for user in (PRAC, CLI, ADMIN)]
    for needle in forbidden:
        assert needle not in log, needle
