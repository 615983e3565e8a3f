"""Two real `checkin-bot run` processes in webhook mode behind nginx, sharing one PostgreSQL.

1,000 reminders and 200 digests fall due at once; both processes tick and drain; one is
SIGKILLed while sending and the other finishes. Every digest goes out exactly once, every
reminder once (a reminder interrupted mid-send may go once more, marked 🔁), nothing is lost,
and updates posted to the proxy reach a worker and are answered once.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import httpx
import pytest

from bot.clock import ManualClock
from bot.sandbox.fake_telegram import FakeTelegram
from tests.conftest import ADMIN
from tests.fake_server import FakeBotApiServer
from tests.sync_db import query
from tests.test_http import ROOT

pytestmark = pytest.mark.postgres_only

CLIENTS, PRACTITIONERS = 1000, 200
SECRET = "s3cret-value-0123456789"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _nginx() -> str:
    for candidate in (shutil.which("nginx"), "/usr/sbin/nginx"):
        if candidate and Path(candidate).is_file():
            return candidate
    pytest.skip("nginx is not installed (apt-get install nginx-light; .ci/run installs it)")


@pytest.fixture
async def proxy() -> AsyncIterator[tuple[int, list[int]]]:
    """nginx on a free port, balancing over two worker ports; yields (its port, workers)."""
    binary = _nginx()
    port, workers = _free_port(), [_free_port(), _free_port()]
    prefix = Path(tempfile.mkdtemp(prefix="checkin-nginx-"))
    upstreams = "\n".join(
        f"        server 127.0.0.1:{w} max_fails=1 fail_timeout=2s;" for w in workers
    )
    (prefix / "nginx.conf").write_text(
        f"""
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    upstream bots {{
{upstreams}
    }}
    server {{
        listen 127.0.0.1:{port};
        location /telegram {{
            proxy_pass http://bots;
            proxy_next_upstream error timeout http_502;
        }}
    }}
}}
""",
        encoding="utf-8",
    )
    process = await asyncio.create_subprocess_exec(
        binary, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-g", "daemon off;",
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
    )  # fmt: skip
    try:
        yield port, workers
    finally:
        process.terminate()
        await process.wait()
        shutil.rmtree(prefix, ignore_errors=True)


def _seed(url: str, now: int) -> None:
    """200 practitioners with a digest due, 1,000 clients (five each) with a reminder due."""
    rows = [(30_000 + n, 30_000 + n, f"P{n}", now - 86_400) for n in range(PRACTITIONERS)] + [
        (40_000 + n, 40_000 + n, f"C{n}", now - 86_400) for n in range(CLIENTS)
    ]
    values = ", ".join("(?, ?, ?, 'en', 'UTC', ?)" for _ in rows)
    query(
        url,
        "INSERT INTO people (telegram_id, chat_id, display_name, locale, timezone, created_at)"
        f" VALUES {values}",
        [value for row in rows for value in row],
    )
    query(
        url,
        "INSERT INTO practitioners (person_id, active, created_at, next_digest_at,"
        " send_empty_digest, work_days, request_alerts)"
        " SELECT id, 1, ?, ?, 1, '0,1,2,3,4,5,6', 'now' FROM people WHERE telegram_id < 40000",
        (now - 86_400, now - 5),
    )
    query(
        url,
        "INSERT INTO clients (person_id, practitioner_id, consented_at, created_at,"
        " reminder_days, reminder_time, next_prompt_at)"
        " SELECT c.id, p.id, ?, ?, '0,1,2,3,4,5,6', '09:00', ?"
        " FROM people c JOIN people p ON p.telegram_id = 30000 + (c.telegram_id - 40000) / 5"
        " WHERE c.telegram_id >= 40000",
        (now - 86_400, now - 86_400, now - 5),
    )


async def _until(
    condition: Callable[[], bool], seconds: float, state: Callable[[], object] = lambda: ""
) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting: {state()}")
        await asyncio.sleep(0.5)


async def test_two_webhook_workers_behind_nginx_send_every_message_once(
    database_url: str,
    proxy: tuple[int, list[int]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    port, workers = proxy
    telegram = FakeTelegram(ManualClock(1_772_442_000))
    server = FakeBotApiServer(telegram)
    await server.start()
    _seed(database_url, int(time.time()))

    async def start(worker: int) -> asyncio.subprocess.Process:
        env = {
            "PATH": os.environ.get("PATH", ""),
            "TELEGRAM_BOT_TOKEN": "123456:WORK-TOKEN-abcdefghijklmnopqrstuvwxyz",
            "TELEGRAM_API_URL": server.url,
            "DATABASE_URL": database_url,
            "ADMIN_IDS": str(ADMIN.id),
            "WEBHOOK_URL": f"http://127.0.0.1:{port}/telegram",
            "WEBHOOK_LISTEN": "127.0.0.1",
            "WEBHOOK_PORT": str(worker),
            "WEBHOOK_SECRET_TOKEN": SECRET,
            "TICK_SECONDS": "1",
            "OUTBOX_LEASE_SECONDS": "3",
            "SEMANTIC_SCREEN": "false",
            "PYTHONPATH": str(ROOT),
        }
        return await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run", env=env, cwd=tmp_path,
            stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
        )  # fmt: skip

    def sent(first: int, count: int) -> list[str]:
        return [m.text for n in range(count) for m in telegram.bot_messages(first + n)]

    processes = [await start(workers[0]), await start(workers[1])]
    try:
        # the SIGKILL lands while both are draining
        await _until(lambda: len(sent(40_000, CLIENTS)) >= 150, seconds=120)
        processes[0].kill()
        await processes[0].wait()
        # updates posted to the proxy still reach the surviving worker, each answered once
        async with httpx.AsyncClient(timeout=30) as client:
            for _ in range(5):
                update = telegram.text_update(ADMIN, "/help")
                reply = await client.post(
                    f"http://127.0.0.1:{port}/telegram",
                    json=update,
                    headers={"X-Telegram-Bot-Api-Secret-Token": SECRET},
                )
                assert reply.status_code == 200
        await _until(
            lambda: (
                query(
                    database_url,
                    "SELECT COUNT(*) FROM outbox WHERE status NOT IN ('sent', 'dead')",
                )[0][0]
                == 0
                # a row the SIGKILL caught mid-send may be missing (below), no more
                and len(sent(30_000, PRACTITIONERS)) + len(sent(40_000, CLIENTS))
                >= PRACTITIONERS + CLIENTS - 1
            ),
            seconds=300,
            state=lambda: (
                query(database_url, "SELECT kind, status, COUNT(*) FROM outbox GROUP BY 1, 2"),
                len(sent(30_000, PRACTITIONERS)),
                len(sent(40_000, CLIENTS)),
                [process.returncode for process in processes],
            ),
        )
        await _until(lambda: len(telegram.bot_messages(ADMIN.id)) >= 5, seconds=60)
    finally:
        for process in processes:
            if process.returncode is None:
                process.terminate()
                await asyncio.wait_for(process.wait(), timeout=30)
        await server.stop()
    counts = {
        chat: len(telegram.bot_messages(chat))
        for chat in [*range(30_000, 30_000 + PRACTITIONERS), *range(40_000, 40_000 + CLIENTS)]
    }
    assert max(counts.values()) == 1  # no digest and no reminder twice
    # Digests and reminders are at most once: a row the SIGKILL caught between its claim and
    # Telegram's answer is resolved by the survivor, once the lease expired, as "delivery
    # unconfirmed" and not sent again. That can be one row at most (a worker sends one at a
    # time), and it is written down; every other message went out.
    missing = [chat for chat, count in counts.items() if count == 0]
    assert len(missing) <= 1, missing
    interrupted = query(
        database_url,
        "SELECT p.chat_id FROM outbox o JOIN people p ON p.chat_id = o.chat_id"
        " WHERE o.last_error LIKE 'interrupted%'",
    )
    assert set(missing) <= {chat for (chat,) in interrupted}
    assert len(interrupted) <= 1
    queued = query(database_url, "SELECT kind, COUNT(*) FROM outbox GROUP BY kind ORDER BY kind")
    assert dict(queued)["digest"] == PRACTITIONERS and dict(queued)["reminder"] == CLIENTS
    assert len(telegram.bot_messages(ADMIN.id)) == 5  # each update through the proxy, once
    with capsys.disabled():
        print(
            f"\ntwo workers behind nginx: {PRACTITIONERS} digests and {CLIENTS} reminders due;"
            f" one worker SIGKILLed mid-drain; {sum(counts.values())} delivered, 0 doubled,"
            f" {len(interrupted)} interrupted mid-send (written down, not resent)"
        )
