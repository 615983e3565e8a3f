"""Every command and button x every kind of caller: nobody reaches what is not theirs.

Seven caller kinds (stranger, pending invitee, the client, another practitioner's client,
the client's practitioner, another practitioner, an admin) plus a group chat press every
command and every kind of button, with the client's real ids, forged ids and out-of-range
ids. Nothing crashes, nobody sees the client's words or name unless entitled, and nothing
the caller is not entitled to change changes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.sandbox.fake_telegram import FakeUser
from bot.sandbox.harness import Harness
from bot.storage import Database
from handlers.commands import COMMANDS
from tests.conftest import ADMIN, invite_code, onboard_client, onboard_practitioner

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "resources.yaml"
P1 = FakeUser(2601, "Priya", "en")
P2 = FakeUser(2602, "Quentin", "en")
ALPHA = FakeUser(3601, "Alphonse", "en")
BETA = FakeUser(3602, "Bettina", "en")
PENDING = FakeUser(3603, "Penelope", "en")
STRANGER = FakeUser(3604, "Stanislav", "en")
GROUP = -100360
SECRETS = {
    "goal": "Learn the Zanzibar waltz",
    "shared": "the Quimby allotment helped",
    "private": "my brother Evander again",
    "request": "the Olfert housing form",
    "name": "Alphonse",
}
# who may see which of Alphonse's things
ENTITLED = {
    "alpha": set(SECRETS),
    "p1": {"goal", "shared", "request", "name"},
}
HUGE = ["99999999999999999999999999", "9223372036854775808", "0", "-1", "١٢"]


async def world(harness: Harness) -> dict[str, int]:
    """Two practitioners, Alphonse (of P1) with every kind of data, Bettina (of P2)."""
    await harness.upload(ADMIN, "resources.yaml", EXAMPLE.read_bytes())
    await onboard_practitioner(harness, P1)
    await onboard_practitioner(harness, P2)
    await onboard_client(harness, ALPHA, P1)
    await harness.send(ALPHA, SECRETS["goal"])
    await harness.press_data(ALPHA, "g:1:imp:s")
    await harness.press_data(ALPHA, "g:1:conf:s")
    for note, share in ((SECRETS["shared"], ":1"), (SECRETS["private"], ":0")):
        await harness.send(ALPHA, "/checkin")
        await harness.press(ALPHA, "6")
        await harness.press(ALPHA, "7")
        await harness.send(ALPHA, note)
        last = harness.telegram.last(ALPHA.id)
        await harness.press_data(ALPHA, next(d for _, d in last.buttons if d.endswith(share)))
        harness.clock.advance(13 * 3600)
    await harness.send(ALPHA, "/resources")
    await harness.press_data(ALPHA, "res:other")
    await harness.send(ALPHA, SECRETS["request"])
    await harness.send(ALPHA, "I want to die")
    await onboard_client(harness, BETA, P2)
    await harness.press_data(BETA, "g:cancel")
    [link] = await harness.send(P1, "/invite")
    await harness.send(PENDING, f"/start {invite_code(link.text)}")
    db = harness.services.db

    async def one(sql: str) -> int:
        return int(await db.fetchval(sql))

    return {
        "alpha": await one(f"SELECT id FROM people WHERE telegram_id = {ALPHA.id}"),
        "p1": await one(f"SELECT id FROM people WHERE telegram_id = {P1.id}"),
        "p2": await one(f"SELECT id FROM people WHERE telegram_id = {P2.id}"),
        "goal": await one("SELECT MIN(id) FROM goals"),
        "checkin": await one("SELECT MAX(id) FROM checkins"),
        "shared_checkin": await one("SELECT MIN(id) FROM checkins"),
        "request": await one("SELECT MIN(id) FROM requests"),
        "event": await one("SELECT MIN(id) FROM safety_events"),
        "invite": await one("SELECT MAX(id) FROM invites"),
    }


def callbacks(ids: dict[str, int]) -> list[str]:
    """Every kind of button, aimed at Alphonse's things, plus forged and out-of-range ids."""
    a, g, c, r, e = ids["alpha"], ids["goal"], ids["checkin"], ids["request"], ids["event"]
    real = [
        f"g:{g}", f"g:{g}:ach", f"g:{g}:arc", f"g:{g}:rw", f"g:{g}:imp:3", "g:hist", "g:list",
        f"ci:{c}:w:5", f"ci:{c}:s:1", f"ci:{c}:fix", f"ci:{c}:fx{g}", f"ci:{c}:c{g}:2",
        f"rq:{r}:done", f"rq:{r}:msg", f"rq:{r}:ok", f"res:wd:{r}", "res:mine", "res:export",
        f"cl:{a}", f"cl:{a}:alias", f"ad:mv:{a}:{ids['p2']}", f"ad:off:{ids['p1']}:{ids['p2']}",
        f"ad:move:{ids['p1']}", "erase:yes", f"sf:{e}:help", f"sf:{e}:sure", f"sf:{e}:go",
        f"sa:{e}:show", f"sa:{e}:ack", "sp:share", "sp:warning_signs", "lt:goal", "lt:note",
        f"consent:yes:{ids['invite']}:AAAAAAAAAAAAAAAA", "rem:go", "rem:later", "set:rem",
        "ps:drop", "ps:f:off",
    ]  # fmt: skip
    forged = []
    for huge in HUGE:
        forged += [f"g:{huge}:ach", f"ci:{huge}:w:5", f"rq:{huge}:done", f"cl:{huge}",
                   f"sa:{huge}:show", f"sf:{huge}:help", f"ad:mv:{huge}:{huge}",
                   f"consent:yes:{huge}:AAAAAAAAAAAAAAAA", f"res:wd:{huge}"]  # fmt: skip
    return real + forged + ["", "x" * 64, "g:", "ci:1:w:99", "res:c:../../etc:0"]


def command_texts(ids: dict[str, int]) -> list[str]:
    texts = [f"/{name}" for name, _, _ in COMMANDS]
    texts += ["/client 1", "/client ²", "/client 99999999999999999999999"]
    texts += [
        f"/note_{ids['shared_checkin']}",
        f"/note_{ids['checkin']}",
        "/note_9223372036854775808",
    ]
    texts += [f"/request_{ids['request']}", "/request_99999999999999999999", "/start nonsense"]
    return texts


async def fingerprint(db: Database, alpha: int) -> list[tuple[object, ...]]:
    """Alphonse's data and the practitioners' state: what a forged action must not change."""
    queries = {
        "goals": "SELECT * FROM goals WHERE client_id = ?",
        "checkins": "SELECT * FROM checkins WHERE client_id = ?",
        "ratings": "SELECT r.* FROM ratings r JOIN checkins c ON c.id = r.checkin_id"
        " WHERE c.client_id = ?",
        "requests": "SELECT * FROM requests WHERE client_id = ?",
        "clients": "SELECT * FROM clients WHERE person_id = ?",
        "events": "SELECT * FROM safety_events WHERE client_id = ?",
        "plans": "SELECT * FROM safety_plans WHERE client_id = ?",
        "people": "SELECT id, telegram_id, chat_id, locale, timezone FROM people WHERE id = ?",
        "practitioners": "SELECT person_id, active FROM practitioners WHERE ? > 0",
    }
    rows = [
        (name, *row) for name, sql in queries.items() for row in await db.fetchall(sql, (alpha,))
    ]
    # nobody becomes, stops being or moves as a client or practitioner
    rows += [("all", *row) for row in await db.fetchall("SELECT * FROM clients ORDER BY person_id")]
    rows += [
        ("all", *row)
        for row in await db.fetchall("SELECT person_id FROM practitioners ORDER BY person_id")
    ]
    return rows


def leaks(harness: Harness, chat_id: int, since: int, allowed: set[str]) -> list[str]:
    texts = [m.text for m in harness.telegram.bot_messages(chat_id)[since:]]
    texts += [
        m.document.decode(errors="ignore")
        for m in harness.telegram.bot_messages(chat_id)[since:]
        if m.document
    ]
    return [kind for kind, secret in SECRETS.items() if kind not in allowed
            for text in texts if secret in text]  # fmt: skip


CALLERS = ["stranger", "pending", "alpha", "beta", "p1", "p2", "admin", "group"]


@pytest.mark.parametrize("caller", CALLERS)
async def test_nobody_reaches_what_is_not_theirs(harness: Harness, caller: str) -> None:
    ids = await world(harness)
    users = {"stranger": STRANGER, "pending": PENDING, "alpha": ALPHA, "beta": BETA, "p1": P1,
             "p2": P2, "admin": ADMIN, "group": BETA}  # fmt: skip
    user = users[caller]
    chat = GROUP if caller == "group" else user.id
    allowed = ENTITLED.get(caller, set())
    db = harness.services.db
    harness.raise_errors = True  # any handler exception fails the test
    for text in command_texts(ids):
        before = len(harness.telegram.bot_messages(chat))
        update = (
            harness.telegram.group_text_update(user, GROUP, text)
            if caller == "group"
            else harness.telegram.text_update(user, text)
        )
        await harness._process(update, chat)
        assert not leaks(harness, chat, before, allowed), (caller, text)
        if text in ("/delete",):
            continue
    message = harness.telegram.last(chat) if harness.telegram.bot_messages(chat) else None
    target = message or harness.telegram.bot_messages(ALPHA.id)[-1]
    for data in callbacks(ids):
        owner_action = caller in ("alpha", "p1")
        snapshot = await fingerprint(db, ids["alpha"])
        before = len(harness.telegram.bot_messages(chat))
        update = harness.telegram.callback_update(user, target, data)
        if caller == "group":
            update["callback_query"]["message"]["chat"] = {"id": GROUP, "type": "supergroup"}
        await harness._process(update, chat)
        assert not leaks(harness, chat, before, allowed), (caller, data)
        own_erasure = caller == "beta" and data == "erase:yes"
        admin_action = caller == "admin" and data.startswith("ad:")
        if not (owner_action or own_erasure or admin_action):
            assert await fingerprint(db, ids["alpha"]) == snapshot, (caller, data)
        if caller == "alpha" and data == "erase:yes":
            break  # Alphonse erased his own data: nothing is left to protect
