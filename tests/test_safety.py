"""The crisis-language matcher: every language, whole words only, never raising, never logging."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from bot.services.safety import SafetyMatcher, normalize
from bot.storage import Database

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "resources.yaml"
EXAMPLE_KEYWORDS: dict[str, list[str]] = yaml.safe_load(EXAMPLE.read_bytes())["safety"]["keywords"]
MATCHER = SafetyMatcher.from_keywords(EXAMPLE_KEYWORDS)


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("Honestly I want to kill myself", "en"),
        ("i WANT TO DIE.", "en"),
        ("Some days I think about suicide", "en"),
        ("I've had thoughts of self harm again", "en"),
        ("sometimes i dont want to live anymore", "en"),
        ("I could just\nkill\tmyself", "en"),
        ("ｋｉｌｌ ｍｙｓｅｌｆ", "en"),
        ("Quiero morir", "es"),
        ("a veces pienso en quitarme la vida", "es"),
        ("tengo ganas de hacerme dano", "es"),
        ("voy a SUICIDARME", "es"),
        ("Ich will sterben", "de"),
        ("Manchmal möchte ich einfach nur sterben... ich MÖCHTE STERBEN", "de"),
        ("ich will nicht mehr leben", "de"),
        ("Gedanken an Selbstmord", "de"),
        ("Uberdosis", "de"),
        ("Я хочу померти", "uk"),
        ("думаю про самогубство", "uk"),
        ("я уб’ю себе", "uk"),
        ("я убю себе", "uk"),
        ("ВБИТИ СЕБЕ", "uk"),
        # The default locale's keywords count for everyone: people mix languages.
        ("I want to die", "es"),
        ("I want to die", "uk"),
        ("I want to die", "fr"),
    ],
)
def test_crisis_language_is_found_in_every_language(text: str, locale: str) -> None:
    assert MATCHER.matches(text, locale)


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("My diet is going well and I studied for the test", "en"),
        ("I'm dying to see the new film", "en"),
        ("We watched a documentary about killer whales", "en"),
        ("La vida es bella y hoy he comido bien", "es"),
        ("Voy a cortarme el pelo mañana", "es"),
        ("Die Wohnung ist schön und die Nachbarn sind nett", "de"),
        ("Ich habe heute viel über das Leben gelernt", "de"),
        ("Я хочу жити краще і знайти роботу", "uk"),
        ("Сьогодні був гарний день", "uk"),
        # Another locale's keywords do not count unless it is the default.
        ("quiero morir", "de"),
    ],
)
def test_ordinary_sentences_do_not_match(text: str, locale: str) -> None:
    assert not MATCHER.matches(text, locale)


@pytest.mark.parametrize(
    ("keyword", "locale", "text"),
    [
        ("die", "en", "I am on a diet"),
        ("die", "en", "She studied hard"),
        ("die", "en", "an indie band"),
        ("sterben", "de", "keine Sterbensworte"),
        ("sterben", "de", "Sterbehilfe ist ein schweres Thema"),
        ("жити", "uk", "Жителі міста прожити"),
        ("suicidarme", "es", "suicidarmelo"),
        ("morir", "es", "no quiero morirme"),
    ],
)
def test_a_keyword_inside_another_word_does_not_match(keyword: str, locale: str, text: str) -> None:
    matcher = SafetyMatcher.from_keywords({locale: [keyword]})
    assert not matcher.matches(text, locale)


@pytest.mark.parametrize(
    ("keyword", "locale", "text"),
    [
        ("die", "en", "I just want to die."),
        ("die", "en", "(die)"),
        ("sterben", "de", "Ich will STERBEN!"),
        ("жити", "uk", "Не хочу жити."),
        ("suicidarme", "es", "¿Suicidarme?"),
    ],
)
def test_a_keyword_as_a_whole_word_matches(keyword: str, locale: str, text: str) -> None:
    matcher = SafetyMatcher.from_keywords({locale: [keyword]})
    assert matcher.matches(text, locale)


def test_match_names_the_keyword_as_written() -> None:
    assert MATCHER.match("Ich will nicht mehr leben", "de") == "nicht mehr leben"
    assert MATCHER.match("a nice day", "en") is None


def test_an_empty_matcher_matches_nothing() -> None:
    assert not SafetyMatcher().matches("I want to kill myself", "en")


def test_normalize_folds_case_width_and_accents() -> None:
    assert normalize("ÜBERDOSIS") == "uberdosis"
    assert normalize("Ｓｔｒａßｅ") == "strasse"
    assert normalize("уб’ю") == normalize("уб'ю")


def test_user_text_is_never_logged(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    secret = "my secret plan to kill myself tonight"
    assert MATCHER.matches(secret, "en")
    assert secret not in caplog.text
    assert "kill myself" not in caplog.text


async def test_load_reads_the_imported_keywords(tmp_path: Path) -> None:
    from bot.clock import ManualClock
    from bot.services.catalogue import CatalogueService

    db = Database(tmp_path / "safety.db")
    await db.open()
    try:
        matcher = SafetyMatcher()
        await matcher.load(db)
        assert matcher.keywords == {}
        report = await CatalogueService(db, ManualClock(1_800_000_000)).import_bytes(
            EXAMPLE.read_bytes()
        )
        assert report.ok
        await matcher.load(db)
        assert matcher.keywords == EXAMPLE_KEYWORDS
        assert matcher.matches("Я хочу померти", "uk")
    finally:
        await db.close()


@given(st.text(), st.sampled_from(["en", "es", "de", "uk", "fr", ""]))
def test_the_matcher_never_raises(text: str, locale: str) -> None:
    assert MATCHER.matches(text, locale) in (True, False)


@given(
    st.sampled_from(
        [(locale, word) for locale, words in EXAMPLE_KEYWORDS.items() for word in words]
    ),
    st.text(),
    st.text(),
)
def test_a_keyword_between_spaces_always_matches(
    keyword: tuple[str, str], before: str, after: str
) -> None:
    locale, word = keyword
    assert MATCHER.matches(f"{before} {word} {after}", locale)


@given(
    st.sampled_from([word for words in EXAMPLE_KEYWORDS.values() for word in words]),
    st.text(alphabet="abcxyzабвгґ", min_size=1),
)
def test_a_keyword_glued_to_letters_does_not_match(word: str, letters: str) -> None:
    matcher = SafetyMatcher.from_keywords({"en": [word]})
    assert not matcher.matches(f"{letters}{word}{letters}", "en")
