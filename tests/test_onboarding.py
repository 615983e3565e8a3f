"""The invite chain admin -> practitioner -> client, consent, strangers and bad codes."""

from __future__ import annotations

from datetime import timedelta

from bot.sandbox.fake_telegram import FakeUser
from bot.sandbox.harness import Harness
from tests.conftest import (
    ADMIN,
    CLIENT,
    PRACTITIONER,
    STRANGER,
    invite_code,
    onboard_client,
    onboard_practitioner,
)
from tests.test_digest import person_id


async def count(harness: Harness, table: str) -> int:
    return int(await harness.services.db.fetchval(f"SELECT COUNT(*) FROM {table}"))


async def test_full_chain_admin_practitioner_client(harness: Harness) -> None:
    [link] = await harness.send(ADMIN, "/newpractitioner")
    assert "https://t.me/checkin_test_bot?start=" in link.text
    code = invite_code(link.text)
    assert len(code) >= 22  # at least 128 bits in URL-safe base64

    [welcome] = await harness.send(PRACTITIONER, f"/start {code}")
    assert "practitioner" in welcome.text
    assert "/invite" in welcome.text
    assert "invite" in harness.telegram.commands_for(PRACTITIONER.id)

    [client_link] = await harness.send(PRACTITIONER, "/invite")
    [consent] = await harness.send(CLIENT, f"/start {invite_code(client_link.text)}")
    assert "Pat Rivera" in consent.text
    for phrase in ("not end-to-end encrypted", "Not a crisis service", "/mydata", "/delete",
                   "nobody watches this chat in real time"):  # fmt: skip
        assert phrase in consent.text
    assert [label for label, _ in consent.buttons] == ["✅ I agree", "Not now"]
    assert await count(harness, "clients") == 0
    people_before = await count(harness, "people")

    await harness.press(CLIENT, "I agree")
    assert await count(harness, "clients") == 1
    assert await count(harness, "people") == people_before + 1
    consent_after, where, first_goal = harness.telegram.bot_messages(CLIENT.id)[-3:]
    assert "connected" in consent_after.text
    assert "Where are you?" in where.text and where.buttons  # places as buttons, or type one
    assert "in your own words" in first_goal.text
    # a typed city answers "Where are you?"; the first-goal question stays open
    saved, again = await harness.send(CLIENT, "München")
    assert "Berlin" in saved.text and "in your own words" in again.text
    client = await person_id(harness, CLIENT)
    assert (await harness.services.goals.active(client)) == []
    [goal] = await harness.send(CLIENT, "Walk to the lake on Sundays")
    assert "How important" in goal.text
    assert [g.text for g in await harness.services.goals.active(client)] == [
        "Walk to the lake on Sundays"
    ]
    told = harness.telegram.last(PRACTITIONER.id)
    assert "Chris accepted your invitation" in told.text
    assert "mydata" in harness.telegram.commands_for(CLIENT.id)


async def test_stranger_gets_explanation_and_no_record(harness: Harness) -> None:
    for text in ("hello", "/start", "/help", "/settings", "/invite", "/whatever"):
        replies = await harness.send(STRANGER, text)
        assert replies, text
    assert "invite link" in harness.telegram.last(STRANGER.id).text or "only practitioners" in (
        harness.telegram.last(STRANGER.id).text
    )
    assert (
        await harness.services.db.fetchval(
            "SELECT COUNT(*) FROM people WHERE telegram_id = ?", (STRANGER.id,)
        )
        == 0
    )


async def test_unknown_used_and_expired_codes(harness: Harness, clock: object) -> None:
    [unknown] = await harness.send(STRANGER, "/start not-a-real-code")
    assert "don't recognise" in unknown.text

    await onboard_practitioner(harness)
    [link] = await harness.send(PRACTITIONER, "/invite")
    code = invite_code(link.text)
    await harness.send(CLIENT, f"/start {code}")
    await harness.press(CLIENT, "I agree")
    other = FakeUser(5005, "Olga", "en")
    [used] = await harness.send(other, f"/start {code}")
    assert "already been used" in used.text

    [link2] = await harness.send(PRACTITIONER, "/invite")
    harness.clock.advance(timedelta(days=7, seconds=1))
    [expired] = await harness.send(other, f"/start {invite_code(link2.text)}")
    assert "expired" in expired.text and "7 days" in expired.text
    assert (
        await harness.services.db.fetchval(
            "SELECT COUNT(*) FROM people WHERE telegram_id = ?", (other.id,)
        )
        == 0
    )


async def test_codes_are_stored_hashed(harness: Harness) -> None:
    [link] = await harness.send(ADMIN, "/newpractitioner")
    code = invite_code(link.text)
    rows = await harness.services.db.fetchall("SELECT code_hash FROM invites")
    assert [row["code_hash"] for row in rows] != [code]
    assert code not in rows[0]["code_hash"]


async def test_consent_declined_stores_nothing_and_link_still_works(harness: Harness) -> None:
    await onboard_practitioner(harness)
    [link] = await harness.send(PRACTITIONER, "/invite")
    code = invite_code(link.text)
    await harness.send(CLIENT, f"/start {code}")
    await harness.press(CLIENT, "Not now")
    assert "Nothing about you has been stored" in harness.telegram.last(CLIENT.id).text
    assert await count(harness, "clients") == 0
    assert (
        await harness.services.db.fetchval(
            "SELECT COUNT(*) FROM people WHERE telegram_id = ?", (CLIENT.id,)
        )
        == 0
    )
    await harness.send(CLIENT, f"/start {code}")
    await harness.press(CLIENT, "I agree")
    assert await count(harness, "clients") == 1


async def test_someone_else_cannot_accept_a_consent_screen_they_did_not_open(
    harness: Harness,
) -> None:
    await onboard_practitioner(harness)
    [link] = await harness.send(PRACTITIONER, "/invite")
    await harness.send(CLIENT, f"/start {invite_code(link.text)}")
    consent = harness.telegram.last(CLIENT.id)
    forged = consent.buttons[0][1]
    await harness.press_data(STRANGER, forged, message=consent)
    assert await count(harness, "clients") == 0


async def test_practitioner_cannot_use_client_link_and_client_cannot_join_twice(
    harness: Harness,
) -> None:
    await onboard_practitioner(harness)
    await onboard_client(harness)
    [link] = await harness.send(PRACTITIONER, "/invite")
    [again] = await harness.send(CLIENT, f"/start {invite_code(link.text)}")
    assert "already connected" in again.text
    [own] = await harness.send(PRACTITIONER, f"/start {invite_code(link.text)}")
    assert "already set up here as a practitioner" in own.text


async def test_only_admins_create_practitioner_invites(harness: Harness) -> None:
    await onboard_practitioner(harness)
    [refused] = await harness.send(PRACTITIONER, "/newpractitioner")
    assert "only administrators" in refused.text
    await onboard_client(harness)
    [refused] = await harness.send(CLIENT, "/invite")
    assert "only practitioners" in refused.text


async def test_admin_can_also_be_practitioner(harness: Harness) -> None:
    await onboard_practitioner(harness, ADMIN)
    [help_message] = await harness.send(ADMIN, "/help")
    assert "/newpractitioner" in help_message.text
    assert "/invite" in help_message.text


async def test_consent_names_the_limits_of_confidentiality(harness: Harness) -> None:
    await onboard_practitioner(harness)
    [link] = await harness.send(PRACTITIONER, "/invite")
    [consent] = await harness.send(CLIENT, f"/start {invite_code(link.text)}")
    assert "Limits of confidentiality" in consent.text
    assert "may read what you wrote" in consent.text
    assert "your requests and their notes" in consent.text
    assert "the colleague covering for them" in consent.text
    await harness.press(CLIENT, "✅")
    version = await harness.services.db.fetchval("SELECT consent_version FROM clients")
    assert version == 3


async def test_an_existing_client_sees_what_changed_once(harness: Harness) -> None:
    await onboard_practitioner(harness)
    await onboard_client(harness)
    await harness.services.db.execute("UPDATE clients SET consent_version = 1")
    first = await harness.send(CLIENT, "/help")
    assert "An update on how this bot works" in first[0].text
    assert len(first) == 2  # the update, then the answer to /help
    assert "/safetyplan" in first[0].text and "colleague covering" in first[0].text
    again = await harness.send(CLIENT, "/help")
    assert all("An update on how this bot works" not in m.text for m in again)


async def test_a_client_of_the_last_version_hears_only_what_is_new(harness: Harness) -> None:
    await onboard_practitioner(harness)
    await onboard_client(harness)
    await harness.services.db.execute("UPDATE clients SET consent_version = 2")
    [update, _help] = await harness.send(CLIENT, "/help")
    assert "colleague covering" in update.text and "/safetyplan" not in update.text


async def test_nothing_about_an_opener_is_stored_before_they_agree(harness: Harness) -> None:
    await onboard_practitioner(harness)
    [link] = await harness.send(PRACTITIONER, "/invite")
    await harness.send(CLIENT, f"/start {invite_code(link.text)}")
    for table in ("people", "invites", "outbox", "processed_updates"):
        for row in await harness.services.db.fetchall(f"SELECT * FROM {table}"):
            assert CLIENT.id not in tuple(row), table


async def test_two_people_opening_one_link_get_a_clear_outcome(harness: Harness) -> None:
    await onboard_practitioner(harness)
    [link] = await harness.send(PRACTITIONER, "/invite")
    code = invite_code(link.text)
    [first] = await harness.send(CLIENT, f"/start {code}")
    [second] = await harness.send(STRANGER, f"/start {code}")
    # the second opening does not break the first one's "I agree"
    await harness.press(CLIENT, "I agree", message=first)
    assert await count(harness, "clients") == 1
    await harness.press(STRANGER, "I agree", message=second)
    assert "already been used" in harness.telegram.last(STRANGER.id).text
    assert await count(harness, "clients") == 1
