"""Two real `checkin-bot run` processes in webhook mode behind nginx, sharing one PostgreSQL.

nginx runs `examples/nginx.conf` itself (TLS with a throwaway certificate). 1,000 reminders
and 200 digests fall due at once; both processes tick and drain; one is SIGKILLed while
sending and the other finishes. No digest goes out twice (one caught mid-send is written down
as unconfirmed and covered by the next), every reminder arrives (one caught mid-send goes once
more, marked 🔁), and updates posted to the proxy reach a worker and are answered once; one
person's updates, sent before the previous one was answered, are applied in update id order.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import asyncpg
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


EXAMPLE = ROOT / "examples" / "nginx.conf"


def _self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 made with the system's openssl (nginx ends TLS)."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl is not installed (apt-get install openssl; .ci/run installs it)")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


@pytest.fixture
async def proxy() -> AsyncIterator[tuple[int, list[int]]]:
    """nginx on a free port, configured by examples/nginx.conf, over two worker ports."""
    binary = _nginx()
    port, workers = _free_port(), [_free_port(), _free_port()]
    prefix = Path(tempfile.mkdtemp(prefix="checkin-nginx-"))
    cert, key = _self_signed(prefix)
    values = {
        "__RUN__": str(prefix),
        "__LISTEN__": f"127.0.0.1:{port} ssl",
        "__SERVER_NAME__": "127.0.0.1",
        "__CERT__": str(cert),
        "__KEY__": str(key),
        "__WORKER_1__": f"127.0.0.1:{workers[0]}",
        "__WORKER_2__": f"127.0.0.1:{workers[1]}",
    }
    config = EXAMPLE.read_text(encoding="utf-8")
    for placeholder, value in values.items():
        assert placeholder in config, placeholder  # the example names what to replace
        config = config.replace(placeholder, value)
    assert "__" not in config.replace("$http_x", "")  # nothing left to replace
    (prefix / "nginx.conf").write_text(config, encoding="utf-8")
    check = await asyncio.create_subprocess_exec(
        binary, "-t", "-p", str(prefix), "-c", str(prefix / "nginx.conf"),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )  # fmt: skip
    output, _ = await check.communicate()
    assert check.returncode == 0, output.decode()  # the example is a valid configuration
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
            "WEBHOOK_URL": f"https://127.0.0.1:{port}/telegram",
            "WEBHOOK_LISTEN": "127.0.0.1",
            "WEBHOOK_PORT": str(worker),
            "WEBHOOK_SECRET_TOKEN": SECRET,
            "TICK_SECONDS": "1",
            "OUTBOX_LEASE_SECONDS": "3",
            # each process has its own budget: 100 a second each (not 30) keeps the test short
            "TELEGRAM_MESSAGES_PER_SECOND": "100",
            "SEMANTIC_SCREEN": "false",
            "PYTHONPATH": str(ROOT),
        }
        return await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run", env=env, cwd=tmp_path,
            stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
        )  # fmt: skip

    def sent(first: int, count: int) -> list[str]:
        return [m.text for n in range(count) for m in telegram.bot_messages(first + n)]

    async def post(client: httpx.AsyncClient, text: str) -> int:
        return await post_update(client, telegram.text_update(ADMIN, text))

    async def post_update(client: httpx.AsyncClient, update: dict[str, object]) -> int:
        reply = await client.post(
            f"https://127.0.0.1:{port}/telegram",
            json=update,
            headers={"X-Telegram-Bot-Api-Secret-Token": SECRET},
        )
        return reply.status_code

    processes = [await start(workers[0]), await start(workers[1])]
    try:
        await _until(lambda: len(sent(40_000, CLIENTS)) >= 50, seconds=120)
        # One person writes eight messages quickly while both workers drain. Telegram sends
        # each as soon as the previous one reached the bot (over several connections, not
        # waiting for the answer); nginx spreads them over both workers, which apply them one
        # at a time, in update id order, each once: the replies come in the order written.
        texts = ["/help" if n % 2 == 0 else "/nope" for n in range(8)]
        updates = [telegram.text_update(ADMIN, text) for text in texts]

        watch = await asyncpg.connect(database_url)
        unfinished: list[bool] = []  # still waiting or being applied when it reached a worker

        async def reached(update_id: object) -> bool:
            """The update reached a worker: noted as received there, or applied already."""
            noted, applied = await watch.fetchrow(
                "SELECT (SELECT COUNT(*) FROM updates_in_progress WHERE update_id = $1),"
                " (SELECT COUNT(*) FROM processed_updates WHERE update_id = $1)",
                update_id,
            )
            if noted or applied:
                unfinished.append(bool(noted and not applied))
            return bool(noted or applied)

        try:
            async with httpx.AsyncClient(timeout=60, verify=False) as client:
                posts = []
                for update in updates:
                    posts.append(asyncio.create_task(post_update(client, update)))
                    deadline = time.monotonic() + 60
                    while not await reached(update["update_id"]):
                        assert time.monotonic() < deadline, "an update never reached a worker"
                        await asyncio.sleep(0.002)
                codes = await asyncio.gather(*posts)
        finally:
            await watch.close()
        assert codes == [200] * 8
        overlapped = sum(unfinished[:-1])  # the next was sent while this one was unfinished
        assert overlapped >= 1  # so two of them really were at the workers at the same time
        replies = [message.text for message in telegram.bot_messages(ADMIN.id)]
        assert len(replies) == 8  # each answered once, before its request was
        assert len({replies[n] for n in range(0, 8, 2)}) == 1  # /help's reply at 1, 3, 5, 7
        assert len({replies[n] for n in range(1, 8, 2)}) == 1  # /nope's at 2, 4, 6, 8
        assert replies[0] != replies[1]
        # the SIGKILL lands while both are draining
        await _until(lambda: len(sent(40_000, CLIENTS)) >= 150, seconds=120)
        processes[0].kill()
        await processes[0].wait()
        at_kill = len(sent(30_000, PRACTITIONERS)) + len(sent(40_000, CLIENTS))
        assert at_kill < PRACTITIONERS + CLIENTS  # the kill landed mid-drain
        # updates posted to the proxy still reach the surviving worker, each answered once
        async with httpx.AsyncClient(timeout=30, verify=False) as client:
            for _ in range(5):
                assert await post(client, "/help") == 200
        await _until(
            lambda: (
                query(
                    database_url,
                    "SELECT COUNT(*) FROM outbox WHERE status NOT IN ('sent', 'dead')",
                )[0][0]
                == 0
                # every client reminded; a digest the SIGKILL caught mid-send may be missing
                # (below), no more
                and all(telegram.bot_messages(40_000 + n) for n in range(CLIENTS))
                and len(sent(30_000, PRACTITIONERS)) >= PRACTITIONERS - 1
            ),
            seconds=300,
            state=lambda: (
                query(database_url, "SELECT kind, status, COUNT(*) FROM outbox GROUP BY 1, 2"),
                len(sent(30_000, PRACTITIONERS)),
                len(sent(40_000, CLIENTS)),
                [process.returncode for process in processes],
            ),
        )
        await _until(lambda: len(telegram.bot_messages(ADMIN.id)) >= 13, seconds=60)
    finally:
        for process in processes:
            if process.returncode is None:
                process.terminate()
                await asyncio.wait_for(process.wait(), timeout=30)
        await server.stop()
    digests = {n: telegram.bot_messages(30_000 + n) for n in range(PRACTITIONERS)}
    reminders = {n: telegram.bot_messages(40_000 + n) for n in range(CLIENTS)}
    # A digest is never sent twice. One the SIGKILL caught between its claim and Telegram's
    # answer is resolved by the survivor, once the lease expired, as "delivery unconfirmed"
    # (the next digest covers its period): at most that one may be missing, written down.
    assert max(len(each) for each in digests.values()) == 1
    missing = [30_000 + n for n, each in digests.items() if not each]
    interrupted = query(
        database_url,
        "SELECT chat_id, kind, last_error FROM outbox WHERE last_error LIKE 'interrupted%'",
    )
    assert set(missing) <= {chat for chat, kind, _ in interrupted if kind == "digest"}
    assert len(missing) <= 1, missing
    # Nothing lost: every client got their reminder. One caught mid-send is sent once more by
    # the survivor, marked 🔁 (at most one duplicate, as for every kind but digests).
    assert all(reminders.values())
    twice = [each for each in reminders.values() if len(each) > 1]
    assert len(twice) <= 1, [[m.text for m in each] for each in twice]
    assert all(len(each) == 2 and each[1].text.startswith("🔁") for each in twice)
    resent = query(
        database_url, "SELECT COUNT(*) FROM outbox WHERE kind = 'reminder' AND resent = 1"
    )
    # the one the SIGKILL caught, sent again (twice if its first send had reached Telegram)
    assert len(twice) <= resent[0][0] <= 1
    queued = query(database_url, "SELECT kind, COUNT(*) FROM outbox GROUP BY kind ORDER BY kind")
    assert dict(queued)["digest"] == PRACTITIONERS and dict(queued)["reminder"] == CLIENTS
    assert len(telegram.bot_messages(ADMIN.id)) == 13  # each update through the proxy, once
    assert query(database_url, "SELECT COUNT(*) FROM updates_in_progress")[0][0] == 0
    with capsys.disabled():
        print(
            f"\ntwo workers behind examples/nginx.conf: {PRACTITIONERS} digests and {CLIENTS}"
            f" reminders due; one worker SIGKILLed mid-drain ({at_kill} sent by then);"
            f" {sum(map(bool, digests.values()))} digests and"
            f" {sum(map(bool, reminders.values()))} reminders delivered, 0 digests doubled,"
            f" {resent[0][0]} reminder sent again marked 🔁 ({len(twice)} arrived twice),"
            f" {len(missing)} digest unconfirmed; one person's 8 updates applied in id order"
            f" ({overlapped} of 7 sent while the one before was still waiting or being applied)"
        )
