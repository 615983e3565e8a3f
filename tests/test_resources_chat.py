"""Resources in chat: upload/export, browsing in Spanish, requests, withdrawal, crisis flow."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.sandbox.fake_telegram import FakeMessage, FakeUser
from bot.sandbox.harness import Harness
from tests.conftest import ADMIN, PRACTITIONER, onboard_client, onboard_practitioner

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "resources.yaml"
LUCIA = FakeUser(3501, "Lucía", "es")
MAX = FakeUser(3502, "Max", "de")
OKSANA = FakeUser(3503, "Оксана", "uk")
EMMA = FakeUser(3504, "Emma", "en")


async def upload_example(harness: Harness) -> str:
    [report] = await harness.upload(ADMIN, "resources.yaml", EXAMPLE.read_bytes())
    return report.text


async def client(harness: Harness, user: FakeUser) -> None:
    await onboard_client(harness, user)
    await harness.press_data(user, "g:cancel")


async def test_admin_uploads_gets_counts_and_exports_equivalent_yaml(harness: Harness) -> None:
    report = await upload_example(harness)
    data = yaml.safe_load(EXAMPLE.read_bytes())
    resources = sum(len(c["resources"]) for c in data["categories"])
    assert "Catalogue imported" in report
    assert f"Resources: {resources} added" in report
    assert f"Categories: {len(data['categories'])} added" in report
    await harness.send(ADMIN, "/resources")
    [exported] = await harness.press(ADMIN, "Export")
    assert exported.document is not None
    again = yaml.safe_load(exported.document)
    assert again["categories"] == data["categories"] or len(again["categories"]) == len(
        data["categories"]
    )
    [same] = await harness.upload(ADMIN, "resources.yaml", exported.document)
    assert "nothing changed" in same.text


async def test_bad_file_lists_all_five_problems_and_changes_nothing(harness: Harness) -> None:
    await upload_example(harness)
    data = yaml.safe_load(EXAMPLE.read_bytes())
    data["categories"][0]["resources"][0]["url"] = "not a url"
    data["categories"][0]["resources"][1]["phone"] = "call me maybe"
    data["categories"][1]["id"] = data["categories"][0]["id"]
    data["categories"][2]["name"]["fr"] = "Logement"
    data["categories"][3]["resources"][0]["title"].pop("en")
    [report] = await harness.upload(
        ADMIN, "bad.yaml", yaml.safe_dump(data, allow_unicode=True).encode()
    )
    assert "5 problems" in report.text
    assert report.text.count("• ") == 5
    assert "categories[0].resources[0].url" in report.text
    after = yaml.safe_load(await harness.services.catalogue.export_yaml())
    assert after["categories"][0]["resources"][0].get("url") != "not a url"
    assert after["categories"][1]["id"] != after["categories"][0]["id"]


async def test_non_admin_upload_is_refused(harness: Harness) -> None:
    await onboard_practitioner(harness)
    [reply] = await harness.upload(PRACTITIONER, "resources.yaml", EXAMPLE.read_bytes())
    assert "can't open files" in reply.text
    assert await harness.services.catalogue.categories("en") == []


async def test_client_browses_in_spanish_requests_withdraws_and_hears_back(
    harness: Harness,
) -> None:
    await upload_example(harness)
    await onboard_practitioner(harness)
    await client(harness, LUCIA)
    [menu] = await harness.send(LUCIA, "/resources")
    es = harness.services.i18n.get("es")
    data = yaml.safe_load(EXAMPLE.read_bytes())
    first = data["categories"][0]
    assert first["name"]["es"] in menu.text or any(
        first["name"]["es"] in label for label, _ in menu.buttons
    )
    await harness.press(LUCIA, first["name"]["es"])
    resource = next(r for r in first["resources"] if r.get("requestable", True))
    await harness.press(LUCIA, resource["title"]["es"][:30])
    card = harness.telegram.last(LUCIA.id)
    assert resource["title"]["es"] in card.text
    await harness.press(LUCIA, es._("🙋 Ask my practitioner about this"))
    [confirm] = await harness.send(LUCIA, "Necesito ayuda con <el formulario> & la cita")
    assert "✅" in confirm.text
    # no ping: the practitioner sees it in their digest and /requests; Lucía is told honestly
    # how soon her practitioner usually replies
    assert not any(
        "asked for help" in m.text for m in harness.telegram.bot_messages(PRACTITIONER.id)
    )
    assert "2" in confirm.text and "Pat" in confirm.text
    [alert] = await harness.send(PRACTITIONER, "/requests")
    assert "Lucía</b> asked for help with" in alert.markup
    assert "&lt;el formulario&gt; &amp; la cita" in alert.markup  # escaped
    # a second request, then withdrawn
    await harness.send(LUCIA, "/resources")
    await harness.press(LUCIA, es._("🙋 Something else"))
    await harness.send(LUCIA, "Otra cosa")
    await harness.send(LUCIA, "/resources")
    await harness.press(LUCIA, es._("📋 My open requests"))
    await harness.press(LUCIA, es._("Withdraw {n}", n=1))
    statuses = await harness.services.db.fetchall("SELECT status FROM requests ORDER BY id")
    assert [r["status"] for r in statuses] == ["open", "withdrawn"]
    await harness.press(PRACTITIONER, "Mark handled", message=alert)
    await harness.press(PRACTITIONER, "without a message")
    assert (
        es._("✅ Your practitioner has followed up on: {what}", what="")[:20]
        in harness.telegram.last(LUCIA.id).text
    )


async def test_request_for_a_hidden_resource(harness: Harness) -> None:
    await upload_example(harness)
    await onboard_practitioner(harness)
    await client(harness, EMMA)
    data = yaml.safe_load(EXAMPLE.read_bytes())
    removed = data["categories"][0]["resources"].pop(0)
    await harness.send(EMMA, "/resources")
    await harness.press_data(EMMA, f"res:r:{removed['id']}")
    card_before = harness.telegram.last(EMMA.id)
    assert "Ask my practitioner" in " ".join(label for label, _ in card_before.buttons)
    [report] = await harness.upload(
        ADMIN, "r.yaml", yaml.safe_dump(data, allow_unicode=True).encode()
    )
    assert "1 removed" in report.text
    await harness.press_data(EMMA, f"res:ask:{removed['id']}", message=card_before)
    assert "can't be requested any more" in harness.telegram.last(EMMA.id).text
    assert await harness.services.db.fetchval("SELECT COUNT(*) FROM requests") == 0


@pytest.mark.parametrize(
    ("user", "text"),
    [
        (EMMA, "Some days I want to die, honestly"),
        (LUCIA, "A veces quiero morir"),
        (MAX, "Ich will sterben, glaube ich"),
        (OKSANA, "Іноді я хочу померти"),
    ],
)
async def test_crisis_language_in_each_language(
    harness: Harness, user: FakeUser, text: str
) -> None:
    await upload_example(harness)
    await onboard_practitioner(harness)
    await client(harness, user)
    await harness.send(user, "/goals")
    await harness.press_data(user, "g:add")
    replies = await harness.send(user, text)
    [crisis] = replies  # the crisis message alone: nothing routine below it
    assert "📞" in crisis.text
    assert len(crisis.buttons) == 3  # safe, help, safety plan
    # no goal was made of crisis words; the event keeps them; the practitioner is alerted
    # without the words
    assert await harness.services.db.fetchval("SELECT COUNT(*) FROM goals") == 0
    assert await harness.services.db.fetchval("SELECT source FROM safety_events") == "goal"
    assert await harness.services.db.fetchval("SELECT text FROM safety_events") == text
    alert = harness.telegram.last(PRACTITIONER.id)
    assert "sa:" in " ".join(data for _, data in alert.buttons)
    assert text not in alert.text
    # one tap does not end it: the bot asks again gently, in a new message
    [again] = await harness.press_data(user, _data(crisis, ":safe"), message=crisis)
    assert crisis.edits == 0 and "📞" in crisis.text  # the lines stay in the chat
    assert len(again.buttons) == 2
    [glad] = await harness.press_data(user, _data(again, ":sure"), message=again)
    assert glad.buttons  # "shall we carry on?" with the goal it interrupted
    assert crisis.edits == 0


def _data(message: FakeMessage, ending: str) -> str:
    return next(data for _, data in message.buttons if data.endswith(ending))


async def test_ordinary_words_do_not_trigger(harness: Harness) -> None:
    await upload_example(harness)
    await onboard_practitioner(harness)
    await client(harness, EMMA)
    await harness.send(EMMA, "/goals")
    await harness.press_data(EMMA, "g:add")
    replies = await harness.send(EMMA, "Stick to my diet and study the overdosed-on-coffee chapter")
    assert all("📞" not in m.text for m in replies)
    assert await harness.services.db.fetchval("SELECT COUNT(*) FROM safety_events") == 0


async def test_quiet_hours_route_safety_to_on_call_and_client_is_told(harness: Harness) -> None:
    from datetime import UTC, datetime

    harness.services.crisis.on_call_chat_id = 9999
    await upload_example(harness)
    await onboard_practitioner(harness)
    await client(harness, EMMA)
    pat = int(
        await harness.services.db.fetchval(
            "SELECT id FROM people WHERE telegram_id = ?", (PRACTITIONER.id,)
        )
    )
    await harness.services.digests.update(pat, quiet_start="19:00", quiet_end="08:00")
    harness.clock.set(datetime(2026, 3, 2, 22, 0, tzinfo=UTC))
    await harness.send(EMMA, "/goals")
    await harness.press_data(EMMA, "g:add")
    [crisis, *_] = await harness.send(EMMA, "I want to die")
    assert "on-call team" in crisis.text
    assert "Safety alert" in harness.telegram.last(9999).text
    assert "I want to die" not in harness.telegram.last(9999).text
    assert not any("Safety alert" in m.text for m in harness.telegram.bot_messages(PRACTITIONER.id))


async def test_screening_works_before_any_catalogue_import(harness: Harness) -> None:
    await onboard_practitioner(harness)
    await client(harness, EMMA)
    await harness.send(EMMA, "/goals")
    await harness.press_data(EMMA, "g:add")
    [crisis, *_] = await harness.send(EMMA, "I want to die")
    assert "not a crisis service" in crisis.text
    assert await harness.services.db.fetchval("SELECT COUNT(*) FROM safety_events") == 1
