"""Spot crisis language in a client's free text, from the admin's per-locale keyword lists.

Text and keywords are normalised the same way (NFKC, case folded, accents and other combining
marks removed, apostrophes unified), and a keyword only matches as whole words: ``die`` does not
match ``diet`` or ``studied``. A keyword may be a phrase; its words may be separated by any
whitespace or hyphens in the text (``self-harm`` also matches ``self harm`` and ``selfharm``).

Nothing here logs or keeps the text it checks.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence

from bot.storage import Database

__all__ = ["SafetyMatcher", "normalize"]

_log = logging.getLogger(__name__)

_APOSTROPHES = str.maketrans(dict.fromkeys("\u2019\u2018\u02bc\u02b9\u0060\u00b4\u2032", "'"))
_SEPARATORS = re.compile(r"[\s\-\u2010\u2011\u2012\u2013\u2014]+")
_JOIN = r"[\s\-\u2010\u2011\u2012\u2013\u2014]*"
_WORD = re.compile(r"\w")


def normalize(text: str) -> str:
    """Return ``text`` folded for matching: NFKC, case folded, without accents."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    decomposed = unicodedata.normalize("NFKD", folded)
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return unicodedata.normalize("NFKC", stripped).translate(_APOSTROPHES)


def _keyword_pattern(keyword: str) -> str | None:
    """Return the regular expression for one keyword, or ``None`` if it has no word in it."""
    words = [word for word in _SEPARATORS.split(normalize(keyword).strip()) if word]
    if not words or not any(_WORD.search(word) for word in words):
        return None
    # "don't" also matches "dont": people skip apostrophes on a phone keyboard.
    escaped = [re.escape(word).replace("'", "'?") for word in words]
    return r"(?<!\w)" + _JOIN.join(escaped) + r"(?!\w)"


class _Compiled:
    """All keywords of one locale as one alternation with a group per keyword."""

    def __init__(self, keywords: Iterable[str]) -> None:
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
        self.regex = re.compile("|".join(parts)) if parts else None

    def search(self, normalized: str) -> str | None:
        """Return the keyword found in already-normalised text, if any."""
        if self.regex is None:
            return None
        found = self.regex.search(normalized)
        if found is None or found.lastgroup is None:
            return None
        return self.keywords[int(found.lastgroup[1:])]


class SafetyMatcher:
    """Checks free text against the keywords of the writer's locale and the default locale."""

    def __init__(self, default_locale: str = "en") -> None:
        self.default_locale = default_locale
        self._by_locale: dict[str, _Compiled] = {}

    @classmethod
    def from_keywords(
        cls, keywords: Mapping[str, Sequence[str]], default_locale: str = "en"
    ) -> SafetyMatcher:
        """Build a matcher from ``{locale: [keyword, ...]}``."""
        matcher = cls(default_locale)
        matcher.set_keywords(keywords)
        return matcher

    def set_keywords(self, keywords: Mapping[str, Sequence[str]]) -> None:
        """Replace every keyword list at once."""
        self._by_locale = {locale: _Compiled(words) for locale, words in keywords.items()}

    async def load(self, db: Database) -> None:
        """Replace the keyword lists with those stored by the last catalogue import."""
        rows = await db.fetchall(
            "SELECT locale, keyword FROM safety_keywords ORDER BY locale, position"
        )
        keywords: dict[str, list[str]] = {}
        for row in rows:
            keywords.setdefault(str(row["locale"]), []).append(str(row["keyword"]))
        self.set_keywords(keywords)
        _log.info(
            "loaded safety keywords: %s",
            ", ".join(f"{locale}={len(words)}" for locale, words in sorted(keywords.items()))
            or "none",
        )

    @property
    def keywords(self) -> dict[str, list[str]]:
        """The keywords in use, per locale (as written by the admin)."""
        return {locale: list(compiled.keywords) for locale, compiled in self._by_locale.items()}

    def match(self, text: str, locale: str) -> str | None:
        """Return the first keyword (as written by the admin) found in ``text``, or ``None``."""
        normalized = normalize(text)
        for each in dict.fromkeys((locale, self.default_locale)):
            compiled = self._by_locale.get(each)
            if compiled is not None:
                keyword = compiled.search(normalized)
                if keyword is not None:
                    return keyword
        return None

    def matches(self, text: str, locale: str) -> bool:
        """Say whether ``text`` contains crisis language for a writer using ``locale``."""
        return self.match(text, locale) is not None
