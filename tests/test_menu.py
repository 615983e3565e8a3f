"""/help, /language and /settings (language and time zone)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.sandbox.fake_telegram import FakeUser
from bot.sandbox.harness import Harness
from bot.services.people import is_valid_timezone
from tests.conftest import ADMIN, CLIENT, PRACTITIONER, onboard_client, onboard_practitioner


async def test_help_lists_commands_of_each_role(harness: Harness) -> None:
    await onboard_practitioner(harness)
    await onboard_client(harness)
    [client_help] = await harness.send(CLIENT, "/help")
    assert "/mydata" in client_help.text and "/invite" not in client_help.text
    [practitioner_help] = await harness.send(PRACTITIONER, "/help")
    assert "/invite" in practitioner_help.text and "/newpractitioner" not in practitioner_help.text
    [admin_help] = await harness.send(ADMIN, "/help")
    assert "/newpractitioner" in admin_help.text


async def test_language_switch_changes_replies_and_commands(harness: Harness) -> None:
    await onboard_practitioner(harness)
    await onboard_client(harness)
    [english] = await harness.send(CLIENT, "/help")
    [menu] = await harness.send(CLIENT, "/language")
    assert {label for label, _ in menu.buttons} == {"English", "Español", "Deutsch", "Українська"}
    await harness.press(CLIENT, "Deutsch")
    assert "Deutsch" in harness.telegram.last(CLIENT.id).text
    [german] = await harness.send(CLIENT, "/help")
    assert german.text != english.text
    expected = harness.services.i18n.get("de")._("<b>What you can do here</b>")
    assert expected.replace("<b>", "").replace("</b>", "") in german.text
    commands = harness.telegram.commands[
        ('{"chat_id": ' + str(CLIENT.id) + ', "type": "chat"}', "")
    ]
    german_description = harness.services.i18n.get("de")._("Your settings")
    assert any(entry["description"] == german_description for entry in commands)


async def test_telegram_language_is_used_until_a_choice_is_made(harness: Harness) -> None:
    await onboard_practitioner(harness)
    spanish = FakeUser(3100, "Lucía", "es-ES")
    await onboard_client(harness, spanish)
    [reply] = await harness.send(spanish, "/help")
    assert reply.text.startswith(
        harness.services.i18n.get("es")._("<b>What you can do here</b>")[3:12]
    )


async def test_default_commands_registered_per_language(harness: Harness) -> None:
    for code in ("en", "es", "de", "uk"):
        assert harness.telegram.commands_for(None, code) == ["start", "help"]


async def test_timezone_from_list_and_typed(harness: Harness) -> None:
    await onboard_practitioner(harness)
    await onboard_client(harness)
    [settings_message] = await harness.send(CLIENT, "/settings")
    assert "UTC" in settings_message.text
    await harness.press(CLIENT, "Time zone")
    await harness.press(CLIENT, "London")  # likely places for English readers, as buttons
    assert "London" in harness.telegram.last(CLIENT.id).text
    assert await _zone(harness, CLIENT) == "Europe/London"
    await harness.send(CLIENT, "/settings")
    await harness.press(CLIENT, "Time zone")
    await harness.press(CLIENT, "Type a city")
    [bad] = await harness.send(CLIENT, "Mars/Olympus_Mons")
    assert "couldn't find a place" in bad.text
    assert await _zone(harness, CLIENT) == "Europe/London"
    [good] = await harness.send(CLIENT, "  Asia/Tokyo ")
    assert "Tokyo" in good.text
    assert await _zone(harness, CLIENT) == "Asia/Tokyo"
    [after] = await harness.send(CLIENT, "Europe/Berlin")
    assert "do with this?" in after.text  # no longer waiting for a zone
    assert await _zone(harness, CLIENT) == "Asia/Tokyo"


async def _zone(harness: Harness, user: FakeUser) -> str:
    return str(
        await harness.services.db.fetchval(
            "SELECT timezone FROM people WHERE telegram_id = ?", (user.id,)
        )
    )


async def test_forged_timezone_button_is_refused(harness: Harness) -> None:
    await onboard_practitioner(harness)
    await onboard_client(harness)
    await harness.send(CLIENT, "/settings")
    await harness.press_data(CLIENT, "tz:Not/AZone")
    assert await _zone(harness, CLIENT) == "UTC"


@given(st.text(max_size=80))
@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_timezone_validation_never_raises(name: str) -> None:
    assert is_valid_timezone(name) in (True, False)
