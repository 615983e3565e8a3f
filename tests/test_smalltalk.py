"""What a few loose words mean: small talk answered kindly, slips told in everyday words."""

from __future__ import annotations

import pytest

from bot.services.smalltalk import mentions_slip, small_talk


@pytest.mark.parametrize(
    ("said", "kind"),
    [
        ("hey there", "hello"),
        ("Hi bot!", "hello"),
        ("good morning 👋", "hello"),
        ("hi, how are you?", "how"),
        ("¿Qué tal?", "how"),
        ("wie geht es Ihnen?", "how"),
        ("як справи?", "how"),
        ("thanks a lot!!", "thanks"),
        ("ok thanks bye", "thanks"),
        ("Thank you very much 🙏", "thanks"),
        ("gute Nacht", "bye"),
        ("no thanks", "ok"),
        ("👍", "ok"),
    ],
)
def test_small_talk_in_everyday_words(said: str, kind: str) -> None:
    assert small_talk(said) == kind


@pytest.mark.parametrize(
    "said",
    ["just", "ok I walked to the shop today", "hey can you tell Dana I'm late", "no I didn't go"],
)
def test_words_with_content_are_not_small_talk(said: str) -> None:
    assert small_talk(said) is None


@pytest.mark.parametrize(
    "said",
    [
        "I messed up yesterday and drank again after 3 months sober",
        "started drinking again last week",
        "I caved and bought a pack",
        "gave in to the craving",
        "he vuelto a beber",
        "Ich habe wieder angefangen zu rauchen",
        "я знову почала пити",
        "I relapsed",
    ],
)
def test_slips_in_everyday_words(said: str) -> None:
    assert mentions_slip(said)


@pytest.mark.parametrize(
    "said", ["I had a great week", "I used to walk a lot", "I gave in my notice at work"]
)
def test_no_slip_read_into_ordinary_words(said: str) -> None:
    assert not mentions_slip(said)
