"""Recall and false alarms of the crisis screen: the rules and the meaning check together.

tests/data/crisis_corpus.yaml is what the rules were written from (and the model trained on);
tests/data/crisis_blind.yaml was never used for either, so its figures are the honest ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from bot.safety_defaults import DEFAULT_EXCLUSIONS, DEFAULT_KEYWORDS, DEFAULT_PATTERNS
from bot.services.safety import SafetyMatcher
from bot.services.semantic import SemanticScreen

CORPUS_PATH = Path(__file__).resolve().parent / "data" / "crisis_corpus.yaml"
CORPUS: dict[str, dict[str, list[str]]] = yaml.safe_load(CORPUS_PATH.read_bytes())
LOCALES = ("en", "es", "de", "uk")
MIN_RECALL = 95.0
MAX_FALSE_ALARMS = 10.0
MATCHER = SafetyMatcher.from_rules(DEFAULT_KEYWORDS, DEFAULT_PATTERNS, DEFAULT_EXCLUSIONS)
SCREEN = SafetyMatcher.from_rules(DEFAULT_KEYWORDS, DEFAULT_PATTERNS, DEFAULT_EXCLUSIONS)
SCREEN.semantic = SemanticScreen()  # the screen as the bot runs it
BLIND_PATH = Path(__file__).resolve().parent / "data" / "crisis_blind.yaml"
BLIND: dict[str, dict[str, list[str]]] = yaml.safe_load(BLIND_PATH.read_bytes())
# measured on the blind set when the screen was built (docs/safety.md); a fall below these
# floors is a regression; the 95% is met on the corpus, not (yet) on unseen wording
BLIND_FLOOR_RECALL = 85.0
BLIND_CEILING_FALSE_ALARMS = 10.0


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


async def figures(locale: str, crisis: list[str], everyday: list[str]) -> Figures:
    """Screen one language's messages as the bot does, asking as a writer of that language."""
    misses = [text for text in crisis if not await SCREEN.assess(text, locale)]
    alarms = [(text, await SCREEN.assess(text, locale) or "") for text in everyday]
    return Figures(
        locale, len(crisis), misses, len(everyday), [(text, rule) for text, rule in alarms if rule]
    )


def table(rows: list[Figures], title: str, details: bool = True) -> str:
    """The figures as the table quoted in docs/safety.md, misses and false alarms listed."""
    lines = [title, "language  positives  recall  negatives  false alarms"]
    for row in rows:
        lines.append(
            f"{row.locale:<8}  {row.positives:>9}  {row.recall:>5.1f}%  {row.negatives:>9}"
            f"  {row.false_alarm_rate:>11.1f}%"
        )
    for row in rows if details else ():
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


async def test_recall_and_false_alarms_per_language(capsys: pytest.CaptureFixture[str]) -> None:
    rows = [
        await figures(locale, CORPUS[locale]["crisis"], CORPUS[locale]["not_crisis"])
        for locale in LOCALES
    ]
    report = table(rows, "crisis corpus, the whole screen (tests/data/crisis_corpus.yaml)")
    with capsys.disabled():
        print("\n" + report)
    for row in rows:
        assert row.recall >= MIN_RECALL, report
        assert row.false_alarm_rate <= MAX_FALSE_ALARMS, report


async def test_blind_recall_and_false_alarms(capsys: pytest.CaptureFixture[str]) -> None:
    """Phrases nobody wrote rules from or trained on: the honest figures, printed."""
    rows = [
        await figures(locale, BLIND[locale]["positive"], BLIND[locale]["negative"])
        for locale in LOCALES
    ]
    report = table(rows, "BLIND set, the whole screen (tests/data/crisis_blind.yaml)", False)
    with capsys.disabled():
        print("\n" + report)
    for row in rows:
        assert row.recall >= BLIND_FLOOR_RECALL, report
        assert row.false_alarm_rate <= BLIND_CEILING_FALSE_ALARMS, report


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
