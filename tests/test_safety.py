"""The crisis-language matcher: every language for every text, whole words, never raising."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.safety_defaults import DEFAULT_EXCLUSIONS, DEFAULT_KEYWORDS, DEFAULT_PATTERNS
from bot.services.safety import (
    MAX_PATTERN_LENGTH,
    LocaleRules,
    SafetyMatcher,
    normalize,
    normalize_pattern,
    pattern_problem,
)
from bot.storage import Database

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "resources.yaml"
EXAMPLE_SAFETY = yaml.safe_load(EXAMPLE.read_bytes())["safety"]
EXAMPLE_KEYWORDS: dict[str, list[str]] = EXAMPLE_SAFETY["keywords"]
EXAMPLE_PATTERNS: dict[str, list[str]] = EXAMPLE_SAFETY["patterns"]
EXAMPLE_EXCLUSIONS: dict[str, list[str]] = EXAMPLE_SAFETY["not_crisis"]
MATCHER = SafetyMatcher.from_rules(EXAMPLE_KEYWORDS, EXAMPLE_PATTERNS, EXAMPLE_EXCLUSIONS)
KEYWORDS_ONLY = SafetyMatcher.from_keywords(EXAMPLE_KEYWORDS)
LOCALES = ("en", "es", "de", "uk")


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
        # The examples the keyword-only screen missed.
        ("thinking about killing myself tonight", "en"),
        ("I keep thinking everyone would be better off without me", "en"),
        ("I've been cutting myself again", "en"),
        ("no quiero seguir viviendo", "es"),
        ("ich habe Suizidgedanken", "de"),
        ("не хочу більше жити", "uk"),
        ("he hit me again and I'm scared to go home", "en"),
        # Every text is screened against every language, whatever the writer's.
        ("quiero morir", "en"),
        ("я хочу померти", "en"),
        ("I want to die", "es"),
        ("I want to die", "uk"),
        ("I want to die", "fr"),
        ("quiero morir", "de"),
        ("ich will sterben", None),
    ],
)
def test_crisis_language_is_found_in_every_language(text: str, locale: str | None) -> None:
    assert MATCHER.matches(text, locale)


@pytest.mark.parametrize(
    "text",
    [
        "My diet is going well and I studied for the test",
        "I'm dying to see the new film",
        "We watched a documentary about killer whales",
        "this workout is killing me",
        "my feet are killing me",
        "I could kill for a coffee",
        "I nearly killed myself laughing",
        "dead tired after the night shift",
        "had a rough week but managed",
        "I relapsed and used again, I feel like a failure",
        "La vida es bella y hoy he comido bien",
        "Voy a cortarme el pelo mañana",
        "me muero de ganas de verte",
        "mi hermano me mata de risa",
        "Die Wohnung ist schön und die Nachbarn sind nett",
        "Ich habe heute viel über das Leben gelernt",
        "die Arbeit bringt mich um",
        "ich sterbe vor Hunger",
        "Я хочу жити краще і знайти роботу",
        "Сьогодні був гарний день",
        "ця робота мене вбиває",
        "помираю зі сміху",
    ],
)
def test_ordinary_sentences_do_not_match(text: str) -> None:
    for locale in LOCALES:
        assert not MATCHER.matches(text, locale), MATCHER.match(text, locale)


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
        ("lebensmüde", "de", "ich bin so lebensmuede"),
    ],
)
def test_a_keyword_as_a_whole_word_matches(keyword: str, locale: str, text: str) -> None:
    matcher = SafetyMatcher.from_keywords({locale: [keyword]})
    assert matcher.matches(text, locale)


def test_match_names_the_rule_with_its_locale() -> None:
    assert MATCHER.match("Ich will nicht mehr leben", "de") == "de: nicht mehr leben"
    assert MATCHER.match("Ich will nicht mehr leben", "en") == "de: nicht mehr leben"
    matcher = SafetyMatcher.from_rules({}, {"es": [r"\bmorir\w*"]})
    assert matcher.match("Quiero MORIRME", "en") == r"es: \bmorir\w*"
    assert MATCHER.match("a nice day", "en") is None


def test_the_writers_locale_is_tried_first() -> None:
    matcher = SafetyMatcher.from_rules({"en": ["suicide"], "de": ["Suizid"]}, {"es": [r"suic"]})
    assert matcher.match("suicide", "es") == "es: suic"
    assert matcher.match("suicide", "en") == "en: suicide"
    assert matcher.match("suicide") == "en: suicide"


def test_an_empty_matcher_matches_nothing() -> None:
    assert not SafetyMatcher().matches("I want to kill myself", "en")
    assert SafetyMatcher().rules == {}


def test_an_exclusion_hides_only_the_hit_inside_it() -> None:
    matcher = SafetyMatcher.from_rules(
        {"en": ["kill myself"]},
        {"en": [r"\bkill\w*\W+myself\b"]},
        {"en": [r"\bkill\w*\W+myself\W+laughing\b"]},
    )
    assert not matcher.matches("I nearly killed myself laughing")
    assert matcher.matches("I nearly killed myself laughing, but I do want to kill myself")
    assert matcher.matches("laughing aside, I could kill myself")


def test_exclusions_of_one_language_cover_hits_of_another() -> None:
    matcher = SafetyMatcher.from_rules({"es": ["mato"]}, None, {"en": [r"\bmato\W+grosso\b"]})
    assert not matcher.matches("we flew over Mato Grosso", "es")
    assert matcher.matches("me mato", "en")


def test_set_keywords_keeps_the_patterns() -> None:
    matcher = SafetyMatcher.from_rules({"en": ["suicide"]}, {"de": [r"\bsterben\b"]}, {"de": ["x"]})
    matcher.set_keywords({"es": ["matarme"]})
    assert matcher.keywords == {"es": ["matarme"]}
    assert matcher.rules == {
        "es": LocaleRules(keywords=("matarme",)),
        "de": LocaleRules(patterns=(r"\bsterben\b",), exclusions=("x",)),
    }
    assert matcher.matches("ich will sterben") and not matcher.matches("suicide")


def test_an_unusable_pattern_is_skipped_without_raising(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    matcher = SafetyMatcher.from_rules({}, {"en": ["(unclosed", "a*", r"\bhelp\b"]})
    assert matcher.rules["en"].patterns == (r"\bhelp\b",)
    assert matcher.matches("please help")
    assert "skipping unusable safety pattern en[0]" in caplog.text


def test_normalize_folds_case_width_and_accents() -> None:
    assert normalize("ÜBERDOSIS") == "uberdosis"
    assert normalize("Ｓｔｒａßｅ") == "strasse"
    assert normalize("уб’ю") == normalize("уб'ю")
    assert normalize("Їжак й") == "іжак и"
    # Latin letters that look Cyrillic, inside a Cyrillic word, become Cyrillic.
    assert normalize("хочу пoмeрти") == "хочу померти"
    assert normalize("a pompom") == "a pompom"


def test_normalize_pattern_folds_letters_and_keeps_escapes() -> None:
    assert normalize_pattern(r"\W+Über\b\S\w\d\B") == r"\W+uber\b\S\w\d\B"
    assert normalize_pattern(r"[ÄÖ]\x41\u0439Straße") == r"[ao]\x41\u0439strasse"
    assert normalize_pattern(r"ЙОГО\N{LATIN SMALL LETTER A}") == r"иого\N{LATIN SMALL LETTER A}"
    assert normalize_pattern("won’t") == "won't"
    assert normalize_pattern("(?P<Word>Ä)(?P=Word)") == "(?P<word>a)(?P=word)"


@pytest.mark.parametrize(
    ("pattern", "problem"),
    [
        ("(unclosed", "not a valid regular expression"),
        ("a" * (MAX_PATTERN_LENGTH + 1), "too long"),
        ("x*", "matches the empty text"),
        ("(?:help)?", "matches the empty text"),
        (r"\b", "matches the empty text"),
        ("   ", "must not be empty"),
    ],
)
def test_pattern_problems_are_named(pattern: str, problem: str) -> None:
    found = pattern_problem(pattern)
    assert found is not None and problem in found


def test_the_built_in_rules_are_all_usable() -> None:
    for kind in (DEFAULT_PATTERNS, DEFAULT_EXCLUSIONS):
        for locale, rules in kind.items():
            assert len(set(rules)) == len(rules), locale
            for rule in rules:
                assert pattern_problem(rule) is None, (locale, rule)
    matcher = SafetyMatcher.from_rules(DEFAULT_KEYWORDS, DEFAULT_PATTERNS, DEFAULT_EXCLUSIONS)
    assert {locale: len(rules.patterns) for locale, rules in matcher.rules.items()} == {
        locale: len(rules) for locale, rules in DEFAULT_PATTERNS.items()
    }


@pytest.mark.parametrize(
    "text",
    [
        "im scared 2 go home",  # phone shorthand
        "no1 would miss me",
        "thinking about su1c1de",  # leetspeak
        "$uicidal again",
        "i keep cuttin myself",  # dropped g
        "I want to diiiiie",  # repeated letters
        "i want to kiiiill myself",
        "ich will nimmer leben",
        "хочу пoмeрти",  # Latin o and e inside a Cyrillic word
    ],
)
def test_phone_typing_is_repaired_before_screening(text: str) -> None:
    assert MATCHER.matches(text)


def test_negation_does_not_switch_the_screen_off() -> None:
    assert MATCHER.matches("I'm not suicidal, just tired")
    assert MATCHER.matches("no estoy pensando en suicidarme")


def test_user_text_is_never_logged(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    secret = "my secret plan to kill myself tonight"
    assert MATCHER.matches(secret, "en")
    assert not MATCHER.matches("an everyday secret", "en")
    assert secret not in caplog.text
    assert "kill myself" not in caplog.text and "secret" not in caplog.text


async def test_load_reads_the_imported_rules(database: Database) -> None:
    from bot.clock import ManualClock
    from bot.services.catalogue import CatalogueService

    db = database
    matcher = SafetyMatcher()
    await matcher.load(db)
    assert matcher.keywords == {} and matcher.rules == {}
    report = await CatalogueService(db, ManualClock(1_800_000_000)).import_bytes(
        EXAMPLE.read_bytes()
    )
    assert report.ok
    await matcher.load(db)
    assert matcher.keywords == EXAMPLE_KEYWORDS
    assert {locale: list(rules.patterns) for locale, rules in matcher.rules.items()} == (
        EXAMPLE_PATTERNS
    )
    assert {locale: list(rules.exclusions) for locale, rules in matcher.rules.items()} == (
        EXAMPLE_EXCLUSIONS
    )
    assert matcher.matches("Я хочу померти", "uk")
    assert matcher.matches("I keep thinking everyone would be better off without me", "de")


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=4096), st.sampled_from(["en", "es", "de", "uk", "fr", "", None]))
def test_the_matcher_never_raises(text: str, locale: str | None) -> None:
    assert MATCHER.matches(text, locale) in (True, False)


@settings(deadline=None)
@given(
    st.lists(
        st.sampled_from(["a", "я", "me", "mich", "не", "i", "want", "to", "kill", "'", "-", "1"]),
        max_size=1400,
    ).map(" ".join)
)
def test_the_matcher_never_raises_on_word_salad(text: str) -> None:
    assert MATCHER.matches(text[:4096]) in (True, False)


@pytest.mark.parametrize(
    "text",
    ["a " * 2048, "я " * 2048, "a" * 4096, "kill my " * 512, "i want to " * 409, "не хочу " * 512],
)
def test_a_long_worst_case_message_is_screened_quickly(text: str) -> None:
    started = time.perf_counter()
    MATCHER.match(text[:4096])
    assert time.perf_counter() - started < 2.0  # generous: typically a few tens of milliseconds


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
    assert KEYWORDS_ONLY.matches(f"{before} {word} {after}", locale)


@given(
    st.sampled_from([word for words in EXAMPLE_KEYWORDS.values() for word in words]),
    st.text(alphabet="abcxyzабвгґ", min_size=1),
)
def test_a_keyword_glued_to_letters_does_not_match(word: str, letters: str) -> None:
    matcher = SafetyMatcher.from_keywords({"en": [word]})
    assert not matcher.matches(f"{letters}{word}{letters}", "en")
