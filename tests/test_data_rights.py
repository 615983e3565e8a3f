"""Data rights: /mydata holds everything, /delete leaves no copy (tables, file, WAL, outbox)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from bot.sandbox.fake_telegram import FakeUser
from bot.sandbox.harness import Harness
from tests.conftest import PRACTITIONER, invite_code, onboard_practitioner

ZED = FakeUser(3777, "Zephyrine", "en", last_name="Quillfeather")
MARKERS = {
    "goal": "Swim across Lake Tessaly",
    "shared note": "the bakery on Orchard Lane helped",
    "private note": "my neighbour Ulbrecht again",
    "request": "form for the Harrowgate grant",
    "reply": "I booked Tuesday with Marisol",
    "crisis": "I want to die, the Fenwick bridge",
    "plan": "call my cousin Ottoline",
    "alias": "Zeph from Wednesday group",
    "held": "remember the Quorvale appointment",
}


async def seed_everything(harness: Harness) -> int:
    """One client with every kind of data the bot keeps; return their person id."""
    await onboard_practitioner(harness)
    pat = int(
        await harness.services.db.fetchval(
            "SELECT id FROM people WHERE telegram_id = ?", (PRACTITIONER.id,)
        )
    )
    [link] = await harness.send(PRACTITIONER, "/invite")
    await harness.send(ZED, f"/start {invite_code(link.text)}")
    await harness.press(ZED, "✅")
    await harness.send(ZED, MARKERS["goal"])
    await harness.press_data(ZED, "g:1:imp:7")
    await harness.press_data(ZED, "g:1:conf:4")
    zed = int(
        await harness.services.db.fetchval("SELECT id FROM people WHERE telegram_id = ?", (ZED.id,))
    )
    for note, share in ((MARKERS["shared note"], "1"), (MARKERS["private note"], "0")):
        await harness.send(ZED, "/checkin")
        await harness.press(ZED, "5")
        await harness.press(ZED, "6")
        await harness.send(ZED, note)
        checkin = harness.telegram.last(ZED.id)
        await harness.press_data(
            ZED, next(d for _, d in checkin.buttons if d.endswith(f":{share}"))
        )
        harness.clock.advance(timedelta(hours=13))
    await harness.send(ZED, "/resources")
    await harness.press_data(ZED, "res:other")
    await harness.send(ZED, MARKERS["request"])
    request_id = int(await harness.services.db.fetchval("SELECT id FROM requests"))
    await harness.services.requests.handle(pat, request_id, MARKERS["reply"])
    await harness.send(ZED, MARKERS["crisis"])
    await harness.press_data(ZED, "sf:1:safe")
    await harness.press_data(ZED, "sf:1:sure")
    await harness.press_data(ZED, "sp:people")
    await harness.send(ZED, MARKERS["plan"])
    await harness.press_data(ZED, "sp:share")
    await harness.services.caseload.set_alias(pat, zed, MARKERS["alias"])
    await harness.send(ZED, MARKERS["held"])  # loose text, held while they choose
    # a digest is waiting in the outbox (the practitioner's quiet hours) and one was sent
    await harness.services.digests.update(pat, frequency="daily", at="09:00")
    harness.clock.set(datetime(2026, 3, 4, 9, 0, tzinfo=UTC))
    await harness.tick()
    harness.telegram.fail_next("server_error", method="sendMessage", times=50)
    harness.clock.set(datetime(2026, 3, 5, 9, 0, tzinfo=UTC))
    await harness.tick()
    assert await harness.services.db.fetchval(
        "SELECT COUNT(*) FROM outbox WHERE status = 'pending'"
    )
    harness.telegram._failures.clear()
    return zed


async def test_mydata_has_every_kind_of_data_with_readable_times(harness: Harness) -> None:
    await seed_everything(harness)
    messages = await harness.send(ZED, "/mydata")
    document = next(m for m in messages if m.document is not None)
    assert document.document is not None
    data = json.loads(document.document)
    dumped = json.dumps(data, ensure_ascii=False)
    for kind, marker in MARKERS.items():
        assert marker in dumped, kind
    assert data["requests"][0]["practitioner_reply"] == MARKERS["reply"]
    assert data["safety_events"][0]["what_you_wrote"] == MARKERS["crisis"]
    assert data["connection"][0]["name_your_practitioner_uses"] == MARKERS["alias"]
    assert data["goals"][0]["created_at"].startswith("2026-03-02T09:00:00")  # ISO, their zone
    assert all(isinstance(row["at"], str) for row in data["safety_answers"])
    assert "In short" in messages[-1].text


async def test_delete_leaves_no_copy_anywhere(harness: Harness) -> None:
    await seed_everything(harness)
    await harness.send(ZED, "/delete")
    before = len(harness.telegram.bot_messages(PRACTITIONER.id))
    await harness.press_data(ZED, "erase:yes")
    harness.clock.advance(timedelta(hours=2))  # the waiting digest goes out, without her
    await harness.tick()
    after = [m.text for m in harness.telegram.bot_messages(PRACTITIONER.id)[before:]]
    assert len(after) == 1 and "Quiet period" in after[0]  # no ping about her leaving
    assert not any(marker in text for marker in MARKERS.values() for text in after)
    # the next digest (Friday) says who left, by the name the practitioner knows
    harness.clock.set(datetime(2026, 3, 6, 9, 0, tzinfo=UTC))
    await harness.tick()
    friday = harness.telegram.bot_messages(PRACTITIONER.id)[-1].text
    assert "Changes in your caseload" in friday
    assert f"{MARKERS['alias']} chose to stop" in friday
    others = [value for key, value in MARKERS.items() if key != "alias"]
    assert not any(marker in friday for marker in others)
    # ...and once a digest has shown it, the name is gone too (the following digest: Monday)
    harness.clock.set(datetime(2026, 3, 9, 9, 0, tzinfo=UTC))
    await harness.tick()
    assert "Changes in your caseload" not in harness.telegram.bot_messages(PRACTITIONER.id)[-1].text
    db = harness.services.db
    tables = list(await db.tables())
    needles = [*MARKERS.values(), "Zephyrine", "Quillfeather"]
    for table in tables:
        for row in await db.fetchall(f"SELECT * FROM {table}"):
            values = [str(value) for value in tuple(row)]
            for needle in needles:
                assert not any(needle in value for value in values), (table, needle)
            assert str(ZED.id) not in values, table
    assert await db.fetchval("SELECT COUNT(*) FROM outbox WHERE status = 'pending'") == 0
    # the database file and its write-ahead log hold none of her words
    if harness.settings.database_backend != "sqlite":
        return  # PostgreSQL's files are the server's: VACUUM and its operators' care (docs)
    await db.close()
    path = harness.settings.database_path
    for file in (path, path.with_name(path.name + "-wal")):
        if file.exists():
            content = file.read_bytes()
            for needle in needles:
                assert needle.encode() not in content, (file.name, needle)
    await db.open()


async def test_optional_retention_deletes_old_check_ins_only_when_asked(
    harness: Harness,
) -> None:
    await seed_everything(harness)
    db = harness.services.db
    before = await db.fetchval("SELECT COUNT(*) FROM checkins")
    harness.clock.advance(timedelta(days=200))
    await harness.tick()  # RETENTION_MONTHS is 0 by default: nothing is deleted
    assert await db.fetchval("SELECT COUNT(*) FROM checkins") == before
    harness.services.settings.retention_months = 6
    await harness.tick()
    assert await db.fetchval("SELECT COUNT(*) FROM checkins") == 0
    assert await db.fetchval("SELECT COUNT(*) FROM ratings") == 0
    assert await db.fetchval("SELECT COUNT(*) FROM goals") == 1  # goals stay
