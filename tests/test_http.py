"""The unmodified bot over real HTTP against the loopback Bot API emulator.

This is the path `checkin-bot run` takes with `TELEGRAM_API_URL=http://127.0.0.1:<port>`:
httpx requests, long polling with getUpdates, file downloads from /file/bot<token>/...
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest

from bot.app import build_application, on_shutdown, on_startup
from bot.clock import ManualClock
from bot.context import BotApp
from bot.i18n import I18n
from bot.sandbox.fake_telegram import FakeMessage, FakeTelegram, FakeUser
from bot.settings import load_settings
from bot.updates import Poller, UpdateGate
from tests.conftest import ADMIN, invite_code
from tests.fake_server import FakeBotApiServer
from tests.sync_db import query

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "resources.yaml"
DANA = FakeUser(2101, "Dana", "de")
ROSA = FakeUser(3101, "Rosa", "es")
TARAS = FakeUser(3102, "Тарас", "uk")


class Live:
    """A running bot and the emulator it talks to."""

    def __init__(self, telegram: FakeTelegram, server: FakeBotApiServer, app: BotApp) -> None:
        self.telegram, self.server, self.app = telegram, server, app

    async def until(self, condition: Callable[[], bool], seconds: float = 10.0) -> None:
        for _ in range(int(seconds / 0.02)):
            if condition():
                return
            await asyncio.sleep(0.02)
        raise AssertionError("the bot did not answer in time")

    async def tick(self) -> None:
        """Run the tick now and wait until the background sender has sent what is due."""
        from bot.app import run_due

        await run_due(self.app, self.app.bot)
        await self.settle()

    async def settle(self) -> None:
        """Wait until nothing due is left in the outbox."""
        outbox = self.app.bot_data.services.outbox
        for _ in range(500):
            if not await outbox.due():
                return
            await asyncio.sleep(0.02)
        raise AssertionError("the outbox did not drain in time")

    async def _push(self, user: FakeUser, update: dict[str, object]) -> FakeMessage:
        """Send ``update`` over HTTP and wait until the bot has applied it (it confirms an update
        only after its handler ran) and, in process, sent what it queued meanwhile."""
        before = len(self.telegram.bot_messages(user.id))
        edits = sum(m.edits for m in self.telegram.bot_messages(user.id))
        update_id = int(str(update["update_id"]))
        self.server.push(update)
        await self.until(lambda: self.server.confirmed > update_id)
        if self.app is not None:
            await self.settle()
        else:
            await self.until(
                lambda: (
                    len(self.telegram.bot_messages(user.id)) > before
                    or sum(m.edits for m in self.telegram.bot_messages(user.id)) > edits
                )
            )
        return self.telegram.last(user.id)

    async def say(self, user: FakeUser, text: str) -> FakeMessage:
        return await self._push(user, self.telegram.text_update(user, text))

    async def tap(self, user: FakeUser, label: str) -> FakeMessage:
        for message in reversed(self.telegram.bot_messages(user.id)):
            for text, data in message.buttons:
                if label in text:
                    return await self._push(
                        user, self.telegram.callback_update(user, message, data)
                    )
        raise AssertionError(label)

    async def upload(self, user: FakeUser, name: str, content: bytes) -> FakeMessage:
        return await self._push(user, self.telegram.document_update(user, name, content))


@asynccontextmanager
async def running_bot(
    database_url: str, clock: ManualClock, **overrides: Any
) -> AsyncIterator[Live]:
    """The unmodified bot, polling the emulator over real HTTP, with its background sender."""
    telegram = FakeTelegram(clock)
    server = FakeBotApiServer(telegram)
    await server.start()
    settings = load_settings(
        None,
        telegram_api_url=server.url,
        database_url=database_url,
        admin_ids=(ADMIN.id,),
        telegram_bot_token="123456:LIVE-TOKEN-abcdefghijklmnopqrstuvwxyz",
        tick_seconds=600,  # tests run the tick themselves (run_due) at the instants they choose
        **overrides,
    )
    app = build_application(settings, clock=clock)  # the real httpx transport
    await app.initialize()
    await on_startup(app)
    await app.start()
    gate = UpdateGate(app)
    await gate.load()
    poller = Poller(app, gate, timeout=1)  # what `checkin-bot run` uses
    await poller.start()
    try:
        yield Live(telegram, server, app)
    finally:
        await poller.stop()
        await app.stop()
        await on_shutdown(app)
        await app.shutdown()
        await server.stop()


@pytest.fixture
async def live(database_url: str, clock: ManualClock) -> AsyncIterator[Live]:
    async with running_bot(database_url, clock) as running:
        yield running


async def test_whole_chain_by_chat_alone_in_each_persons_language(live: Live) -> None:
    de, es = I18n().get("de"), I18n().get("es")
    link = await live.say(ADMIN, "/newpractitioner")
    welcome = await live.say(DANA, f"/start {invite_code(link.text)}")
    assert de._("🎉 Welcome, {name}! You are now set up as a practitioner.\n\n"
                "Send /invite to create a single-use link for a client. When they accept, I'll "
                "let you know.", name="Dana")[:30] in welcome.text  # fmt: skip
    client_link = await live.say(DANA, "/invite")
    assert "https://t.me/checkin_test_bot?start=" in client_link.text
    consent = await live.say(ROSA, f"/start {invite_code(client_link.text)}")
    assert es._("✅ I agree") in [label for label, _ in consent.buttons]
    await live.tap(ROSA, es._("✅ I agree"))
    await live.until(lambda: "Rosa" in live.telegram.last(DANA.id).text)
    told = live.telegram.last(DANA.id).text
    assert told.startswith(de._("🤝 {name} accepted your invitation and is now connected with you.",
                                name="Rosa")[:12])  # fmt: skip
    # commands were registered per chat over HTTP too
    assert "checkin" in live.telegram.commands_for(ROSA.id)


async def test_admin_uploads_the_catalogue_as_a_document_over_http(live: Live) -> None:
    report = await live.upload(ADMIN, "resources.yaml", EXAMPLE.read_bytes())
    assert "Catalogue imported" in report.text
    assert "getFile" in {call.method for call in live.telegram.calls}


async def test_ukrainian_client_checks_in_over_http(live: Live) -> None:
    uk = I18n().get("uk")
    link = await live.say(ADMIN, "/newpractitioner")
    await live.say(DANA, f"/start {invite_code(link.text)}")
    client_link = await live.say(DANA, "/invite")
    await live.say(TARAS, f"/start {invite_code(client_link.text)}")
    await live.tap(TARAS, uk._("✅ I agree"))
    await live.say(TARAS, "Гуляти в парку")
    await live.tap(TARAS, "7")
    await live.tap(TARAS, uk._("Skip"))
    question = await live.say(TARAS, "/checkin")
    assert uk._("Skip") in [label for label, _ in question.buttons]


async def test_checkin_bot_run_process_against_the_emulator(
    tmp_path: Path, database_url: str
) -> None:
    """`checkin-bot run` as a real process, configured only by the environment."""
    import os
    import sys

    telegram = FakeTelegram(ManualClock(0))
    server = FakeBotApiServer(telegram)
    await server.start()
    env = {
        "PATH": os.environ.get("PATH", ""),
        "TELEGRAM_BOT_TOKEN": "123456:PROCESS-TOKEN-abcdefghijklmnopqrstuvwxyz",
        "TELEGRAM_API_URL": server.url,
        "DATABASE_URL": database_url,
        "ADMIN_IDS": str(ADMIN.id),
        "LOG_LEVEL": "INFO",
        "PYTHONPATH": str(ROOT),
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", env=env, cwd=tmp_path,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )  # fmt: skip
    try:
        live = Live(telegram, server, app=None)  # type: ignore[arg-type]
        link = await live.say(ADMIN, "/newpractitioner")
        await live.say(DANA, f"/start {invite_code(link.text)}")
        client_link = await live.say(DANA, "/invite")
        await live.say(ROSA, f"/start {invite_code(client_link.text)}")
        await live.tap(ROSA, I18n().get("es")._("✅ I agree"))
        await live.until(lambda: "Rosa" in telegram.last(DANA.id).text)
    finally:
        process.terminate()
        output, _ = await asyncio.wait_for(process.communicate(), timeout=20)
        await server.stop()
    log = output.decode()
    assert "starting with long polling" in log
    assert "PROCESS-TOKEN" not in log  # the token never reaches the log
    assert "Rosa" not in log and "/start" not in log  # nor what people typed


async def _start_process(
    server: FakeBotApiServer, database_url: str, folder: Path
) -> asyncio.subprocess.Process:
    import os
    import sys

    env = {
        "PATH": os.environ.get("PATH", ""),
        "TELEGRAM_BOT_TOKEN": "123456:PROCESS-TOKEN-abcdefghijklmnopqrstuvwxyz",
        "TELEGRAM_API_URL": server.url,
        "DATABASE_URL": database_url,
        "ADMIN_IDS": str(ADMIN.id),
        "OUTBOX_LEASE_SECONDS": "3",  # PostgreSQL: a killed sender's rows are taken over
        "PYTHONPATH": str(ROOT),
    }
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", env=env, cwd=folder,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
    )  # fmt: skip


async def test_sigkill_between_two_answers_loses_nothing(tmp_path: Path, database_url: str) -> None:
    telegram = FakeTelegram(ManualClock(0))
    server = FakeBotApiServer(telegram)
    await server.start()
    db = database_url
    live = Live(telegram, server, app=None)  # type: ignore[arg-type]
    process = await _start_process(server, db, tmp_path)
    try:
        link = await live.say(ADMIN, "/newpractitioner")
        await live.say(DANA, f"/start {invite_code(link.text)}")
        client_link = await live.say(DANA, "/invite")
        await live.say(ROSA, f"/start {invite_code(client_link.text)}")
        await live.tap(ROSA, I18n().get("es")._("✅ I agree"))
        await live.say(ROSA, "Dormir ocho horas")
        await live.tap(ROSA, "8")
        await live.tap(ROSA, I18n().get("es")._("Skip"))
        await live.say(ROSA, "/checkin")
        question = await live.tap(ROSA, "6")  # overall answered; now the goal question
        assert "Dormir ocho horas" in question.text
        process.kill()  # SIGKILL: no shutdown hooks, no flushing
        await process.wait()
        process = await _start_process(server, db, tmp_path)
        data = next(d for label, d in question.buttons if label == "9")
        await live._push(ROSA, telegram.callback_update(ROSA, question, data))
        await live.until(
            lambda: "?" in telegram.last(ROSA.id).text and telegram.last(ROSA.id).buttons != []
        )
        note_question = telegram.last(ROSA.id)
        assert note_question.buttons[0][1].endswith(":n:s")  # continued to the note
    finally:
        process.kill()
        await process.wait()
        await server.stop()
    [(wellbeing,)] = query(db, "SELECT wellbeing FROM checkins")
    [(rating,)] = query(db, "SELECT value FROM ratings")
    assert (wellbeing, rating) == (6, 9)


async def _tap_data(live: Live, user: FakeUser, wanted: Callable[[str], bool]) -> FakeMessage:
    for message in reversed(live.telegram.bot_messages(user.id)):
        for _label, data in message.buttons:
            if wanted(data):
                return await live._push(user, live.telegram.callback_update(user, message, data))
    raise AssertionError("no such button")


@pytest.mark.parametrize("language", ["en", "es", "de", "uk"])
async def test_client_journey_over_http_in_each_language(live: Live, language: str) -> None:
    from datetime import UTC, datetime

    t = I18n().get(language)
    client = FakeUser(3900, "Sam", language)
    link = await live.say(ADMIN, "/newpractitioner")
    await live.say(DANA, f"/start {invite_code(link.text)}")
    client_link = await live.say(DANA, "/invite")
    await live.say(client, f"/start {invite_code(client_link.text)}")
    await live.tap(client, t._("✅ I agree"))
    for goal in ("Goal one", "Goal two"):  # two goals, rulers skipped
        if goal == "Goal two":
            await live.say(client, "/goals")
            await _tap_data(live, client, lambda d: d == "g:add")
        await live.say(client, goal)
        await _tap_data(live, client, lambda d: d.endswith(":imp:s"))
        await _tap_data(live, client, lambda d: d.endswith(":conf:s"))
    # a check-in with one skipped goal and a private note
    await live.say(client, "/checkin")
    await _tap_data(live, client, lambda d: d.endswith(":w:6"))
    await _tap_data(live, client, lambda d: ":g" in d and d.endswith(":7"))
    await _tap_data(live, client, lambda d: ":g" in d and d.endswith(":s"))
    await live.say(client, "private words")
    summary = await _tap_data(live, client, lambda d: d.endswith(":s:0"))
    assert t._("• {goal}: skipped", goal="Goal two") in summary.text
    # a daily reminder at 20:00 local time (Europe/Kyiv), chosen with the settings buttons
    person = int(
        await live.app.bot_data.services.db.fetchval(
            "SELECT id FROM people WHERE telegram_id = ?", (client.id,)
        )
    )
    await live.app.bot_data.services.people.set_timezone(person, "Europe/Kyiv")
    await live.say(client, "/settings")
    await _tap_data(live, client, lambda d: d == "set:rem")
    await _tap_data(live, client, lambda d: d == "rd:all")
    await _tap_data(live, client, lambda d: d == "rt:20:00")
    clock = live.app.bot_data.services.clock
    # they checked in today: the first reminder comes tomorrow, 20:01 in Kyiv
    clock.set(datetime(2026, 3, 3, 18, 1, tzinfo=UTC))
    await live.tick()
    await live.until(lambda: any(d == "rem:go" for _, d in live.telegram.last(client.id).buttons))
    await _tap_data(live, client, lambda d: d == "rem:later")  # snooze two hours
    clock.set(datetime(2026, 3, 3, 20, 2, tzinfo=UTC))
    await live.tick()
    await live.until(lambda: any(d == "rem:go" for _, d in live.telegram.last(client.id).buttons))
    question = await _tap_data(live, client, lambda d: d == "rem:go")
    assert question.buttons  # the check-in started from the reminder
    await live.say(client, "/progress")
    await live.until(lambda: any(m.photo for m in live.telegram.bot_messages(client.id)))
    photo = next(m for m in live.telegram.bot_messages(client.id) if m.photo)
    assert photo.photo is not None and photo.photo.startswith(b"\x89PNG")


async def test_resources_story_over_http(live: Live) -> None:
    import yaml

    es = I18n().get("es")
    report = await live.upload(ADMIN, "resources.yaml", EXAMPLE.read_bytes())
    assert "Resources: 27 added" in report.text
    link = await live.say(ADMIN, "/newpractitioner")
    await live.say(DANA, f"/start {invite_code(link.text)}")
    client_link = await live.say(DANA, "/invite")
    await live.say(ROSA, f"/start {invite_code(client_link.text)}")
    await live.tap(ROSA, es._("✅ I agree"))
    await live.tap(ROSA, es._("Skip for now"))
    menu = await live.say(ROSA, "/resources")
    assert es._("🙋 Something else") in [label for label, _ in menu.buttons]
    await _tap_data(live, ROSA, lambda d: d.startswith("res:c:"))
    card = await _tap_data(live, ROSA, lambda d: d.startswith("res:r:"))
    data = yaml.safe_load(EXAMPLE.read_bytes())
    assert any(
        card.text.startswith(r["title"]["es"]) for c in data["categories"] for r in c["resources"]
    )
    await _tap_data(live, ROSA, lambda d: d.startswith("res:ask:"))
    await live.say(ROSA, "¿Podemos hablarlo el jueves?")
    # no ping by default: Dana finds it in her digest or /requests
    listed = await live.say(DANA, "/requests")
    assert "Rosa" in listed.text
    await _tap_data(live, DANA, lambda d: d.startswith("rq:") and d.endswith(":done"))
    await _tap_data(live, DANA, lambda d: d.startswith("rq:") and d.endswith(":ok"))
    await live.until(lambda: "✅" in live.telegram.last(ROSA.id).text)
    assert es._("✅ Your practitioner has followed up on: {what}", what="")[:15] in (
        live.telegram.last(ROSA.id).text
    )
    await live.say(ADMIN, "/resources")
    exported = await live.tap(ADMIN, "Export")
    assert exported.document is not None
    assert yaml.safe_load(exported.document)["categories"][0]["id"] == data["categories"][0]["id"]


async def test_messages_and_topics_reach_digest_and_session_prep_over_http(live: Live) -> None:
    """A client writes to their practitioner and adds a topic; the next digest and the session
    prep show both (Dana reads German and types the session's day the German way)."""
    services = live.app.bot_data.services
    link = await live.say(ADMIN, "/newpractitioner")
    await live.say(DANA, f"/start {invite_code(link.text)}")
    client_link = await live.say(DANA, "/invite")
    await live.say(ROSA, f"/start {invite_code(client_link.text)}")
    await _tap_data(live, ROSA, lambda d: d.startswith("consent:yes"))
    await live.say(ROSA, "Caminar cada mañana")
    await _tap_data(live, ROSA, lambda d: d.endswith(":imp:7"))
    await _tap_data(live, ROSA, lambda d: d.endswith(":conf:s"))
    await _tap_data(live, ROSA, lambda d: d.endswith(":skipwhy"))  # the follow-up is optional
    offer = await live.say(ROSA, "dile a Dana que llegaré tarde el jueves")
    assert any(d == "lt:send" for _, d in offer.buttons)
    told = await _tap_data(live, ROSA, lambda d: d == "lt:send")
    assert "Dana" in told.text and "2" in told.text  # who reads it, and how soon
    await live.say(ROSA, "mi hermana se muda con nosotros")
    await _tap_data(live, ROSA, lambda d: d == "lt:topic")
    digest = await live.say(DANA, "/digest")
    assert "llegaré tarde el jueves" in digest.text and "mi hermana se muda" in digest.text
    await live.say(DANA, "/client 1")
    await _tap_data(live, DANA, lambda d: d.startswith("cl:") and d.endswith(":next"))
    await live.say(DANA, "Donnerstag 14:00")
    rosa = int(
        await services.db.fetchval("SELECT id FROM people WHERE telegram_id = ?", (ROSA.id,))
    )
    session = await services.practice.session(rosa)
    assert session is not None and session.prep_at == session.at - 3600
    services.clock.advance(session.prep_at + 60 - services.clock.now())
    await live.tick()
    await live.until(
        lambda: any("llegaré tarde" in m.text and "mi hermana" in m.text and "Caminar" in m.text
                    for m in live.telegram.bot_messages(DANA.id)[-2:])
    )  # fmt: skip


async def test_weekly_digest_over_http_survives_a_failing_api(live: Live) -> None:
    from datetime import UTC, datetime, timedelta

    services = live.app.bot_data.services
    clock = services.clock
    link = await live.say(ADMIN, "/newpractitioner")
    await live.say(DANA, f"/start {invite_code(link.text)}")
    users = [FakeUser(3950 + n, name, "en") for n, name in enumerate(("Ana", "Ben", "Cal"))]
    ids = []
    for user in users:
        client_link = await live.say(DANA, "/invite")
        await live.say(user, f"/start {invite_code(client_link.text)}")
        await _tap_data(live, user, lambda d: d.startswith("consent:yes"))
        await live.say(user, f"{user.first_name}'s goal")
        await _tap_data(live, user, lambda d: d.endswith(":imp:s"))
        await _tap_data(live, user, lambda d: d.endswith(":conf:s"))
        person = int(
            await services.db.fetchval("SELECT id FROM people WHERE telegram_id = ?", (user.id,))
        )
        await services.reminders.set_option(person, "ask_wellbeing", False)
        ids.append(person)
    await services.reminders.set_days(ids[2], frozenset(range(7)))  # Cal: daily, then silent
    dana = int(
        await services.db.fetchval("SELECT id FROM people WHERE telegram_id = ?", (DANA.id,))
    )
    await services.digests.update(dana, frequency="weekly", weekday=0, at="09:30")

    async def check_in(user: FakeUser, value: str, note: str | None = None) -> None:
        await live.say(user, "/checkin")
        await _tap_data(live, user, lambda d: ":g" in d and d.endswith(f":{value}"))
        if note is None:
            await _tap_data(live, user, lambda d: d.endswith(":n:s"))
        else:
            await live.say(user, note)
            await _tap_data(live, user, lambda d: d.endswith(":s:0"))

    await check_in(users[0], "8")
    await check_in(users[1], "5")
    await check_in(users[2], "6")
    clock.advance(timedelta(days=2))
    await check_in(users[0], "5")  # a 3-point drop
    await check_in(users[1], "6", note="my private words")
    await services.requests.create(ids[1], None, None, "form")
    live.telegram.fail_next("server_error", method="sendMessage", times=3)
    clock.set(datetime(2026, 3, 9, 9, 30, tzinfo=UTC))
    for _ in range(8):  # the tick keeps trying while the API fails, then it recovers
        await live.tick()
        clock.advance(timedelta(minutes=2))
    de = I18n().get("de")  # Dana reads German
    heading = de._("<b>Your digest</b> · {since} – {until}", since="", until="")
    heading = heading.replace("<b>", "").replace("</b>", "").split("·")[0]
    digests = [m for m in live.telegram.bot_messages(DANA.id) if m.text.startswith(heading)]
    assert len(digests) == 1
    text = digests[0].text
    attention = text.split(de._("<b>Everyone else</b>")[3:-4])[0]
    drop = de._("rating down {before} → {after} on “{goal}”", before=8, after=5, goal="Ana's goal")
    assert "⚠️ Ana" in attention and drop in attention
    assert "⚠️ Cal" in attention
    assert "⚠️ Ben" not in attention
    assert "private words" not in text
    assert de._("open request: {title}", title=de._("something else")) in text


async def test_webhook_mode_end_to_end(tmp_path: Path, database_url: str) -> None:
    """With WEBHOOK_URL set, `checkin-bot run` registers the webhook and serves updates."""
    import os
    import socket
    import sys

    import httpx

    telegram = FakeTelegram(ManualClock(0))
    server = FakeBotApiServer(telegram)
    await server.start()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {
        "PATH": os.environ.get("PATH", ""),
        "TELEGRAM_BOT_TOKEN": "123456:HOOK-TOKEN-abcdefghijklmnopqrstuvwxyz",
        "TELEGRAM_API_URL": server.url,
        "DATABASE_URL": database_url,
        "ADMIN_IDS": str(ADMIN.id),
        "WEBHOOK_URL": f"http://127.0.0.1:{port}/telegram",
        "WEBHOOK_LISTEN": "127.0.0.1",
        "WEBHOOK_PORT": str(port),
        "WEBHOOK_SECRET_TOKEN": "s3cret-value-0123456789",
        "PYTHONPATH": str(ROOT),
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", env=env, cwd=tmp_path,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
    )  # fmt: skip
    live = Live(telegram, server, app=None)  # type: ignore[arg-type]
    try:
        await live.until(lambda: telegram.webhook is not None, seconds=20)
        assert telegram.webhook == {
            "url": f"http://127.0.0.1:{port}/telegram",
            "secret_token": "s3cret-value-0123456789",
        }
        async with httpx.AsyncClient() as client:
            url = f"http://127.0.0.1:{port}/telegram"
            refused = await client.post(url, json=telegram.text_update(ADMIN, "/help"))
            assert refused.status_code == 403  # no secret: not from Telegram
            accepted = await client.post(
                url,
                json=telegram.text_update(ADMIN, "/newpractitioner"),
                headers={"X-Telegram-Bot-Api-Secret-Token": "s3cret-value-0123456789"},
            )
            assert accepted.status_code == 200
        await live.until(lambda: bool(telegram.bot_messages(ADMIN.id)))
        assert "?start=" in telegram.last(ADMIN.id).text
    finally:
        process.terminate()
        await asyncio.wait_for(process.wait(), timeout=20)
        await server.stop()
