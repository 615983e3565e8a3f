"""Recall and false alarms of the built-in crisis rules on tests/data/crisis_corpus.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from bot.safety_defaults import DEFAULT_EXCLUSIONS, DEFAULT_KEYWORDS, DEFAULT_PATTERNS
from bot.services.safety import SafetyMatcher

CORPUS_PATH = Path(__file__).resolve().parent / "data" / "crisis_corpus.yaml"
CORPUS: dict[str, dict[str, list[str]]] = yaml.safe_load(CORPUS_PATH.read_bytes())
LOCALES = ("en", "es", "de", "uk")
MIN_RECALL = 95.0
MAX_FALSE_ALARMS = 10.0
MATCHER = SafetyMatcher.from_rules(DEFAULT_KEYWORDS, DEFAULT_PATTERNS, DEFAULT_EXCLUSIONS)


@dataclass(frozen=True)
class Figures:
    """How one language's corpus fared."""

    locale: str
    positives: int
    misses: list[str]
    negatives: int
    false_alarms: list[tuple[str, str]]

    @property
    def recall(self) -> float:
        return 100.0 * (self.positives - len(self.misses)) / self.positives

    @property
    def false_alarm_rate(self) -> float:
        return 100.0 * len(self.false_alarms) / self.negatives


def figures(locale: str) -> Figures:
    """Screen one language's corpus, asking as a writer of that language."""
    crisis, everyday = CORPUS[locale]["crisis"], CORPUS[locale]["not_crisis"]
    misses = [text for text in crisis if not MATCHER.matches(text, locale)]
    alarms = [(text, MATCHER.match(text, locale) or "") for text in everyday]
    return Figures(
        locale, len(crisis), misses, len(everyday), [(text, rule) for text, rule in alarms if rule]
    )


def table(rows: list[Figures]) -> str:
    """The figures as the table quoted in docs/safety.md, misses and false alarms listed."""
    lines = [
        "crisis corpus, built-in rules (tests/data/crisis_corpus.yaml)",
        "language  positives  recall  negatives  false alarms",
    ]
    for row in rows:
        lines.append(
            f"{row.locale:<8}  {row.positives:>9}  {row.recall:>5.1f}%  {row.negatives:>9}"
            f"  {row.false_alarm_rate:>11.1f}%"
        )
    for row in rows:
        lines += [f"  {row.locale} miss: {text}" for text in row.misses]
        lines += [
            f"  {row.locale} false alarm: {text}  <- {rule}" for text, rule in row.false_alarms
        ]
    return "\n".join(lines)


def test_the_corpus_covers_every_language_with_enough_phrases() -> None:
    assert set(CORPUS) == set(LOCALES)
    for locale in LOCALES:
        assert len(CORPUS[locale]["crisis"]) >= 60, locale
        assert len(CORPUS[locale]["not_crisis"]) >= 30, locale
        texts = CORPUS[locale]["crisis"] + CORPUS[locale]["not_crisis"]
        assert len(set(texts)) == len(texts), f"{locale}: a phrase is listed twice"


def test_recall_and_false_alarms_per_language(capsys: pytest.CaptureFixture[str]) -> None:
    rows = [figures(locale) for locale in LOCALES]
    report = table(rows)
    with capsys.disabled():
        print("\n" + report)
    for row in rows:
        assert row.recall >= MIN_RECALL, report
        assert row.false_alarm_rate <= MAX_FALSE_ALARMS, report


@pytest.mark.parametrize("locale", LOCALES)
def test_every_phrase_is_screened_against_every_language(locale: str) -> None:
    for text in CORPUS[locale]["crisis"]:
        if MATCHER.matches(text, locale):
            for writer in (*LOCALES, "fr", None):
                assert MATCHER.matches(text, writer), (text, writer)
    for text in CORPUS[locale]["not_crisis"]:
        for writer in (*LOCALES, None):
            assert MATCHER.matches(text, writer) == MATCHER.matches(text, locale), (text, writer)


@pytest.mark.parametrize("locale", LOCALES)
def test_a_denial_does_not_switch_the_screen_off(locale: str) -> None:
    for text in CORPUS[locale].get("negated", []):
        assert MATCHER.matches(text, locale), text
