"""Spot crisis language in a client's free text, from per-locale keywords, patterns and exclusions.

Every text is screened against the rules of **every** locale, whatever the writer's language:
people mix languages, and a client who chose English may write in Ukrainian when it matters.

Text and rules are normalised the same way (NFKC, case folded, accents and other combining
marks removed, apostrophes unified, Latin look-alike letters inside Cyrillic words turned into
Cyrillic). Three kinds of rule, per locale:

- ``keywords``: phrases matched as whole words; their words may be separated by any whitespace or
  hyphens in the text and an apostrophe may be left out (``don't`` matches ``dont``);
- ``patterns``: regular expressions on the normalised text (write them lowercase, without
  accents; ``normalize_pattern`` folds their literal characters and leaves escapes alone);
- exclusions (``not_crisis``): regular expressions for everyday idioms. A keyword or pattern hit
  that lies wholly inside an exclusion hit is ignored; any other hit still counts.

Besides the text itself, a repaired copy is screened (phone shorthand such as ``2`` or ``no1``
spelt out, leetspeak such as ``su1c1de`` undone, a dropped final g restored: ``cuttin``), and, if
a letter is repeated three or more times (``diiiie``), copies with the run shortened. A keyword
written with ä, ö or ü also matches the ae, oe, ue spelling. Nothing here logs or keeps the text it
checks, and screening never raises.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from bot.services.semantic import SemanticScreen
from bot.storage import Database

__all__ = [
    "MAX_PATTERN_LENGTH",
    "LocaleRules",
    "SafetyMatcher",
    "compile_pattern",
    "normalize",
    "normalize_pattern",
    "pattern_problem",
]

_log = logging.getLogger(__name__)

MAX_PATTERN_LENGTH = 300

_APOSTROPHES = str.maketrans(
    dict.fromkeys("\u2019\u2018\u02bc\u02bb\u02b9\u0060\u00b4\u2032\uff07", "'")
)
_SEPARATORS = re.compile(r"[\s\-\u2010\u2011\u2012\u2013\u2014]+")
_JOIN = r"[\s\-\u2010\u2011\u2012\u2013\u2014]*"
_WORD = re.compile(r"\w")
# Latin letters that look like Cyrillic ones, as typed inside Cyrillic words on a mixed keyboard.
_CYRILLIC_LOOKALIKES = str.maketrans("aceiopxyk", "асеіорхук")
_WORDS = re.compile(r"\w+")
_CYRILLIC = re.compile(r"[а-яёіїєґ]")
_LATIN_LOOKALIKE = re.compile(r"[aceiopxyk]")
_REPEATS = re.compile(r"(\w)\1{2,}")
# Phone shorthand that is not a word in any supported language, spelt out in a repaired copy.
_SHORTHAND = {
    "2": "to",
    "b": "be",
    "u": "you",
    "ur": "your",
    "r": "are",
    "bout": "about",
    "abt": "about",
    "nite": "night",
    "tonite": "tonight",
    "no1": "no one",
    "every1": "everyone",
    "some1": "someone",
    "any1": "anyone",
    "lyf": "life",
    "lyfe": "life",
    "rn": "right now",
    "tryna": "trying to",
    "q": "que",
    "k": "que",
    "ke": "que",
    "d": "de",
    "x": "por",
    "xq": "porque",
    "pq": "porque",
    "porq": "porque",
    "aki": "aqui",
    "tmb": "tambien",
    "kiero": "quiero",
    "kero": "quiero",
    "qiero": "quiero",
    "nich": "nicht",
    "net": "nicht",
    "nimmer": "nicht mehr",
    "ne": "eine",
    "nen": "einen",
    "шо": "що",
    "шоб": "щоб",
    "щас": "зараз",
    "всьо": "все",
    "хчу": "хочу",
    "хочю": "хочу",
    "нехочу": "не хочу",
}
_LEET = str.maketrans("013457", "oieast")
_LEET_SIGNS = re.compile(r"\$(?=[a-z])|(?<=[a-z])[$@](?=[a-z])")
_DIGRAPHS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
# One regex token: an escape or "(?P" (kept as written), or any single character (folded).
_PATTERN_TOKEN = re.compile(
    r"\\(?:N\{[^}]*\}|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3}|.)|\(\?P|.",
    re.DOTALL,
)
_PROBES = ("", " ", "a", "я", "a b", "\n")


def _fold(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).casefold()
    decomposed = unicodedata.normalize("NFKD", folded)
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return unicodedata.normalize("NFKC", stripped).translate(_APOSTROPHES)


def _cyrillic_word(found: re.Match[str]) -> str:
    word = found.group()
    if _CYRILLIC.search(word) is None or _LATIN_LOOKALIKE.search(word) is None:
        return word
    return word.translate(_CYRILLIC_LOOKALIKES)


def normalize(text: str) -> str:
    """Return ``text`` folded for matching: NFKC, case folded, without accents."""
    folded = _fold(text)
    if _CYRILLIC.search(folded) is None or _LATIN_LOOKALIKE.search(folded) is None:
        return folded
    return _WORDS.sub(_cyrillic_word, folded)


@functools.lru_cache(maxsize=8192)  # pure; the rules are compiled at every start and import
def normalize_pattern(pattern: str) -> str:
    """Fold a pattern's literal characters like ``normalize`` does, keeping escapes as written."""
    parts = []
    for token in _PATTERN_TOKEN.finditer(pattern):
        text = token.group()
        parts.append(text if text.startswith(("\\", "(?P")) else _fold(text))
    return "".join(parts)


@functools.lru_cache(maxsize=8192)  # pure; the rules are compiled at every start and import
def compile_pattern(pattern: str) -> re.Pattern[str]:
    """Compile a rule written for normalised text; raise ``re.error`` if it is not valid."""
    return re.compile(normalize_pattern(pattern))


@functools.lru_cache(maxsize=8192)  # pure; the rules are compiled at every start and import
def pattern_problem(pattern: str) -> str | None:
    """Say what is wrong with a pattern or exclusion, or return ``None`` if it can be used."""
    if not pattern.strip():
        return "must not be empty"
    if len(pattern) > MAX_PATTERN_LENGTH:
        return f"too long ({len(pattern)} characters; at most {MAX_PATTERN_LENGTH})"
    try:
        regex = compile_pattern(pattern)
    except (re.error, RecursionError, OverflowError, ValueError) as error:
        return f"not a valid regular expression: {error}"
    for probe in _PROBES:
        found = regex.search(probe)
        if found is not None and found.start() == found.end():
            return "matches the empty text (it would match every message)"
    return None


def _phrase_pattern(phrase: str) -> str | None:
    words = [word for word in _SEPARATORS.split(normalize(phrase).strip()) if word]
    if not words or not any(_WORD.search(word) for word in words):
        return None
    # "don't" also matches "dont": people skip apostrophes on a phone keyboard.
    return _JOIN.join(re.escape(word).replace("'", "'?") for word in words)


@functools.lru_cache(maxsize=8192)  # pure; the rules are compiled at every start and import
def _keyword_pattern(keyword: str) -> str | None:
    """Return the regular expression for one keyword, or ``None`` if it has no word in it."""
    spellings = [_phrase_pattern(keyword), _phrase_pattern(keyword.translate(_DIGRAPHS))]
    found = [each for each in dict.fromkeys(spellings) if each is not None]
    if not found:
        return None
    # "Überdosis" also matches "Ueberdosis", as typed without umlauts.
    return r"(?<!\w)(?:" + "|".join(found) + r")(?!\w)"


@dataclass(frozen=True)
class LocaleRules:
    """The rules of one locale, as written by the admin."""

    keywords: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    exclusions: tuple[str, ...] = ()


class _Compiled:
    """One locale's rules, compiled: keywords as one alternation, patterns one by one."""

    def __init__(
        self,
        locale: str,
        keywords: Iterable[str],
        patterns: Iterable[str],
        exclusions: Iterable[str],
    ) -> None:
        self.locale = locale
        self.keywords: list[str] = []
        parts: list[str] = []
        seen: set[str] = set()
        for keyword in keywords:
            pattern = _keyword_pattern(keyword)
            if pattern is None or pattern in seen:
                continue
            seen.add(pattern)
            parts.append(f"(?P<k{len(self.keywords)}>{pattern})")
            self.keywords.append(keyword)
        self.keyword_regex = re.compile("|".join(parts)) if parts else None
        self.patterns = self._compile(patterns, "pattern")
        self.exclusions = self._compile(exclusions, "exclusion")

    def _compile(self, rules: Iterable[str], kind: str) -> list[tuple[str, re.Pattern[str]]]:
        compiled: list[tuple[str, re.Pattern[str]]] = []
        for index, rule in enumerate(rules):
            if pattern_problem(rule) is not None:
                _log.warning("skipping unusable safety %s %s[%d]", kind, self.locale, index)
                continue
            compiled.append((rule, compile_pattern(rule)))
        return compiled

    @property
    def rules(self) -> LocaleRules:
        return LocaleRules(
            tuple(self.keywords),
            tuple(rule for rule, _ in self.patterns),
            tuple(rule for rule, _ in self.exclusions),
        )

    def hits(self) -> Iterator[tuple[str, re.Pattern[str]]]:
        """Yield ``(rule, regex)`` for the keywords (as one) and then each pattern."""
        if self.keyword_regex is not None:
            yield "", self.keyword_regex
        yield from self.patterns

    def keyword_of(self, found: re.Match[str]) -> str:
        group = found.lastgroup
        return self.keywords[int(group[1:])] if group else ""


def _repair_word(found: re.Match[str]) -> str:
    word = found.group()
    if word in _SHORTHAND:
        return _SHORTHAND[word]
    if not word.isascii():
        return word
    if not word.isdigit() and any(char.isdigit() for char in word):
        word = word.translate(_LEET)  # "su1c1de", "k1ll"
    if len(word) >= 4 and word.endswith("in"):
        word += "g"  # "cuttin", "thinkin"
    return word


def _repair(normalized: str) -> str:
    """Spell out phone shorthand and leetspeak, and restore a dropped final g."""
    return _WORDS.sub(_repair_word, _LEET_SIGNS.sub(_unleet_sign, normalized))


def _unleet_sign(found: re.Match[str]) -> str:
    return "s" if found.group() == "$" else "a"


def _variants(normalized: str) -> list[str]:
    """The text, a repaired copy, and copies with a letter repeated 3+ times cut to one or two."""
    variants = [normalized, _repair(normalized)]
    if _REPEATS.search(normalized) is not None:
        variants.append(_REPEATS.sub(r"\1", normalized))
        variants.append(_REPEATS.sub(r"\1\1", normalized))
    return list(dict.fromkeys(variants))


def _first_uncovered(
    regex: re.Pattern[str], text: str, spans: Sequence[tuple[int, int]]
) -> re.Match[str] | None:
    """Return the first hit of ``regex`` in ``text`` that no exclusion span contains."""
    position = 0
    while position <= len(text):
        found = regex.search(text, position)
        if found is None:
            return None
        start, end = found.span()
        if not any(left <= start and end <= right for left, right in spans):
            return found
        position = start + 1
    return None


SHORT_MARGIN = 0.5  # extra certainty the meaning check needs for a text under four words


class SafetyMatcher:
    """Checks free text against the crisis rules of every locale."""

    def __init__(self, default_locale: str = "en", semantic: SemanticScreen | None = None) -> None:
        self.default_locale = default_locale
        self.semantic = semantic
        self._by_locale: dict[str, _Compiled] = {}

    @classmethod
    def from_rules(
        cls,
        keywords: Mapping[str, Sequence[str]],
        patterns: Mapping[str, Sequence[str]] | None = None,
        exclusions: Mapping[str, Sequence[str]] | None = None,
        default_locale: str = "en",
    ) -> SafetyMatcher:
        """Build a matcher from ``{locale: [rule, ...]}`` mappings of each kind."""
        matcher = cls(default_locale)
        matcher.set_rules(keywords, patterns, exclusions)
        return matcher

    @classmethod
    def from_keywords(
        cls, keywords: Mapping[str, Sequence[str]], default_locale: str = "en"
    ) -> SafetyMatcher:
        """Build a matcher from ``{locale: [keyword, ...]}`` alone."""
        return cls.from_rules(keywords, default_locale=default_locale)

    def set_rules(
        self,
        keywords: Mapping[str, Sequence[str]],
        patterns: Mapping[str, Sequence[str]] | None = None,
        exclusions: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        """Replace every rule of every kind at once (a kind left out becomes empty)."""
        patterns = patterns or {}
        exclusions = exclusions or {}
        locales = dict.fromkeys([*keywords, *patterns, *exclusions])
        self._by_locale = {
            locale: _Compiled(
                locale,
                keywords.get(locale, ()),
                patterns.get(locale, ()),
                exclusions.get(locale, ()),
            )
            for locale in locales
        }

    def set_keywords(self, keywords: Mapping[str, Sequence[str]]) -> None:
        """Replace the keyword lists, keeping the patterns and exclusions."""
        rules = self.rules
        self.set_rules(
            keywords,
            {locale: each.patterns for locale, each in rules.items()},
            {locale: each.exclusions for locale, each in rules.items()},
        )

    async def load(self, db: Database) -> None:
        """Replace every rule with those stored by the last catalogue import."""
        from bot.storage.catalogue import CatalogueRepository

        keywords, patterns, exclusions = await CatalogueRepository(db).safety_rules()
        self.set_rules(keywords, patterns, exclusions)
        _log.info(
            "loaded safety rules: %s",
            ", ".join(
                f"{locale}={len(each.keywords)}/{len(each.patterns)}/{len(each.exclusions)}"
                for locale, each in sorted(self.rules.items())
            )
            or "none",
        )

    @property
    def keywords(self) -> dict[str, list[str]]:
        """The keywords in use, per locale (as written by the admin)."""
        return {
            locale: list(compiled.keywords)
            for locale, compiled in self._by_locale.items()
            if compiled.keywords
        }

    @property
    def rules(self) -> dict[str, LocaleRules]:
        """Every rule in use, per locale that has any: keywords, patterns, exclusions as written."""
        found = {locale: compiled.rules for locale, compiled in self._by_locale.items()}
        return {locale: rules for locale, rules in found.items() if rules != LocaleRules()}

    def _order(self, locale: str | None) -> list[_Compiled]:
        first = [each for each in (locale, self.default_locale) if each in self._by_locale]
        ordered = dict.fromkeys([*first, *self._by_locale])
        return [self._by_locale[each] for each in ordered if each is not None]

    def match(self, text: str, locale: str | None = None) -> str | None:
        """Return the rule that matched, as ``"<locale>: <rule as written>"``, or ``None``.

        Every locale's rules are used; ``locale`` (the writer's) is only tried first.
        """
        try:
            return self._match(text, locale)
        except Exception as error:  # screening must never take the conversation down
            _log.error("safety screening failed: %s", type(error).__name__)
            return None

    def _match(self, text: str, locale: str | None) -> str | None:
        if not isinstance(text, str) or not text:
            return None
        ordered = self._order(locale)
        for variant in _variants(normalize(text)):
            spans = [
                found.span()
                for compiled in ordered
                for _, regex in compiled.exclusions
                for found in regex.finditer(variant)
                if found.end() > found.start()
            ]
            for compiled in ordered:
                for rule, regex in compiled.hits():
                    found = _first_uncovered(regex, variant, spans)
                    if found is not None:
                        return f"{compiled.locale}: {rule or compiled.keyword_of(found)}"
        return None

    def matches(self, text: str, locale: str | None = None) -> bool:
        """Say whether ``text`` contains crisis language in any locale's rules."""
        return self.match(text, locale) is not None

    def without_idioms(self, text: str) -> str:
        """The text with every everyday idiom (exclusion hit) taken out, for the model."""
        normalized = normalize(text)
        spans = sorted(
            found.span()
            for compiled in self._by_locale.values()
            for _, regex in compiled.exclusions
            for found in regex.finditer(normalized)
            if found.end() > found.start()
        )
        if not spans:
            return text
        kept, position = [], 0
        for start, end in spans:
            kept.append(normalized[position:start])
            position = max(position, end)
        kept.append(normalized[position:])
        return " ".join(" ".join(kept).split())

    async def assess(self, text: str, locale: str | None = None) -> str | None:
        """The rules, then (if none matched) the meaning: what matched, or ``None``.

        The semantic screen runs in a thread (it takes a few milliseconds of CPU); idioms the
        exclusions know are taken out first, so "this job is killing me" stays everyday talk.
        """
        rule = self.match(text, locale)
        if rule is not None or self.semantic is None or not isinstance(text, str):
            return rule
        plain = self.without_idioms(text)
        try:
            score = await asyncio.to_thread(self.semantic.score, plain)
        except Exception as error:  # the rules have spoken; never take the conversation down
            _log.error("semantic screening failed: %s", type(error).__name__)
            return None
        # a few words carry little meaning: short crisis phrases are the rules' job, so the
        # model must be much surer there ("my private words" is a note, not a crisis)
        needed = self.semantic.threshold + (SHORT_MARGIN if len(plain.split()) < 4 else 0.0)
        return f"meaning: {score:.2f}" if score >= needed else None
