"""SIGKILL the real process again and again: during check-ins, imports and digest sending.

`checkin-bot run` polls the loopback Bot API emulator; the test kills it with SIGKILL (no
shutdown hooks, no flushing) at random moments and starts it again. Every answer the bot
acknowledged is stored, an import is all or nothing, and no practitioner gets a digest twice.
"""

from __future__ import annotations

import asyncio
import os
import random
import sys
import time
from pathlib import Path

import pytest

from bot.clock import ManualClock
from bot.sandbox.fake_telegram import FakeTelegram, FakeUser
from tests.conftest import ADMIN, invite_code
from tests.fake_server import FakeBotApiServer
from tests.sync_db import query
from tests.test_http import EXAMPLE, ROOT, Live

PAT = FakeUser(2801, "Pat", "en")
KIM = FakeUser(3801, "Kim", "en")
PRACTITIONERS = 40
DIGESTS_SENT = (
    "SELECT COUNT(*), SUM(CASE WHEN status = 'sent' THEN 1 ELSE 0 END) FROM outbox"
    " WHERE kind = 'digest'"
)


class Bot:
    """The real process, started and killed on demand."""

    def __init__(self, server: FakeBotApiServer, database_url: str, folder: Path) -> None:
        self.server, self.database_url, self.folder = server, database_url, folder
        self.process: asyncio.subprocess.Process | None = None
        self.kills = 0

    async def start(self) -> None:
        env = {
            "PATH": os.environ.get("PATH", ""),
            "TELEGRAM_BOT_TOKEN": "123456:KILL-TOKEN-abcdefghijklmnopqrstuvwxyz",
            "TELEGRAM_API_URL": self.server.url,
            "DATABASE_URL": self.database_url,
            "ADMIN_IDS": str(ADMIN.id),
            "TICK_SECONDS": "1",
            "OUTBOX_LEASE_SECONDS": "3",  # PostgreSQL: a killed sender's rows are taken over
            "PYTHONPATH": str(ROOT),
        }
        self.process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run", env=env, cwd=self.folder,
            stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
        )  # fmt: skip

    async def kill(self) -> None:
        assert self.process is not None
        self.process.kill()  # SIGKILL
        await self.process.wait()
        self.kills += 1


async def until(condition: object, seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return
        await asyncio.sleep(0.02)
    raise AssertionError("timed out waiting")


@pytest.mark.parametrize("seed", [11])
async def test_sigkill_loses_no_acknowledged_answer_and_doubles_no_digest(
    tmp_path: Path, database_url: str, seed: int, capsys: pytest.CaptureFixture[str]
) -> None:
    rng = random.Random(seed)
    telegram = FakeTelegram(ManualClock(1_772_442_000))
    server = FakeBotApiServer(telegram)
    await server.start()
    db = database_url
    bot = Bot(server, db, tmp_path)
    live = Live(telegram, server, app=None)  # type: ignore[arg-type]
    await bot.start()
    acknowledged = 0
    try:
        # --- check-ins: kill at random moments between and during answers ---------------
        link = await live.say(ADMIN, "/newpractitioner")
        await live.say(PAT, f"/start {invite_code(link.text)}")
        client_link = await live.say(PAT, "/invite")
        await live.say(KIM, f"/start {invite_code(client_link.text)}")
        await live.tap(KIM, "I agree")
        await live.say(KIM, "Walk every morning")
        await live.tap(KIM, "Skip")
        await live.tap(KIM, "Skip")
        for round_ in range(10):
            await live.say(KIM, "/checkin")
            overall = rng.randint(0, 10)
            question = await live.tap(KIM, str(overall))  # acknowledged: the next question came
            acknowledged += 1
            if rng.random() < 0.5:  # a kill right after an acknowledged answer
                await bot.kill()
                await bot.start()
            value = rng.randint(0, 10)
            data = next(d for label, d in question.buttons if label == str(value))
            telegram_update = telegram.callback_update(KIM, question, data)
            server.push(telegram_update)
            if round_ % 2:  # a kill while the tap may be in flight: it is not confirmed yet
                await asyncio.sleep(rng.random() * 0.05)
                await bot.kill()
                await bot.start()
            await until(lambda: any(d.endswith(":n:s") for _, d in telegram.last(KIM.id).buttons))
            acknowledged += 1
            await live.tap(KIM, "Skip")  # the note: the check-in ends
            stored = query(db, "SELECT wellbeing FROM checkins ORDER BY id DESC LIMIT 1")
            assert stored[0][0] == overall
            ratings = query(
                db,
                "SELECT r.value FROM ratings r JOIN checkins c ON c.id = r.checkin_id"
                " ORDER BY c.id DESC LIMIT 1",
            )
            assert ratings[0][0] == value
        assert len(query(db, "SELECT id FROM checkins")) == 10
        # --- imports: all or nothing, whenever the kill comes ----------------------------
        for _ in range(5):
            server.push(telegram.document_update(ADMIN, "resources.yaml", EXAMPLE.read_bytes()))
            await asyncio.sleep(rng.random() * 0.4)
            await bot.kill()
            count = query(db, "SELECT COUNT(*) FROM categories")[0][0]
            assert count in (0, 6), count  # the whole catalogue or none of it
            await bot.start()
        await live.upload(ADMIN, "resources.yaml", EXAMPLE.read_bytes())
        assert query(db, "SELECT COUNT(*) FROM categories")[0][0] == 6
        # --- digests: many due at once, killed while sending ----------------------------
        await bot.kill()
        now = int(time.time())
        for n in range(PRACTITIONERS):
            [(person,)] = query(
                db,
                "INSERT INTO people (telegram_id, chat_id, display_name, locale, timezone,"
                " created_at) VALUES (?, ?, ?, 'en', 'UTC', ?) RETURNING id",
                (9000 + n, 9000 + n, f"P{n}", now - 86400),
            )
            query(
                db,
                "INSERT INTO practitioners (person_id, active, created_at, next_digest_at,"
                " send_empty_digest) VALUES (?, 1, ?, ?, 1)",
                (person, now - 86400, now - 5),
            )

        def all_resolved() -> bool:
            rows = query(
                db,
                DIGESTS_SENT,
            )
            return rows[0] == (PRACTITIONERS, PRACTITIONERS)

        def digests_out() -> int:
            return sum(len(telegram.bot_messages(9000 + n)) for n in range(PRACTITIONERS))

        for _ in range(6):  # start, wait for the sending to begin, kill in the middle of it
            before = digests_out()
            await bot.start()
            await until(lambda before=before: digests_out() > before or all_resolved())
            await asyncio.sleep(rng.random() * 0.3)
            await bot.kill()
        await bot.start()
        await until(
            lambda: (
                query(
                    db,
                    DIGESTS_SENT,
                )[0]
                == (PRACTITIONERS, PRACTITIONERS)
            )
        )
        per_chat = [len(telegram.bot_messages(9000 + n)) for n in range(PRACTITIONERS)]
        assert max(per_chat) == 1  # nobody got a digest twice
        unconfirmed = query(
            db,
            "SELECT COUNT(*) FROM outbox WHERE kind = 'digest' AND last_error LIKE '%unconfirmed%'",
        )[0][0]
    finally:
        if bot.process is not None and bot.process.returncode is None:
            await bot.kill()
        await server.stop()
    assert bot.kills >= 20
    with capsys.disabled():
        print(
            f"\nkill test: {bot.kills} SIGKILLs; {acknowledged} acknowledged answers, 0 lost;"
            f" 5 imports killed, each all or nothing; {PRACTITIONERS} digests, "
            f"{sum(per_chat)} delivered, 0 doubled ({unconfirmed} interrupted mid-send and not"
            " resent: the next digest covers their period)"
        )
