"""Small text helpers shared by handlers and services."""

from __future__ import annotations

import html
import unicodedata

__all__ = ["TELEGRAM_LIMIT", "clean_user_text", "esc", "shorten", "split_message"]

TELEGRAM_LIMIT = 4096


def esc(text: str) -> str:
    """Escape user-provided text for Telegram HTML."""
    return html.escape(text, quote=False)


def clean_user_text(text: str) -> str:
    """Normalise what a person typed: NFC, no control characters, trimmed."""
    text = unicodedata.normalize("NFC", text)
    kept = "".join(
        char
        for char in text
        if char in "\n\t" or unicodedata.category(char) not in ("Cc", "Cs", "Co")
    )
    return kept.strip()


def shorten(text: str, limit: int) -> str:
    """Cut ``text`` to at most ``limit`` characters, ending with an ellipsis if cut."""
    if len(text) <= limit:
        return text
    return text[: max(limit - 1, 0)].rstrip() + "…"


def _visible_length(markup: str) -> int:
    """Approximate length Telegram counts: tags removed, entities as one character."""
    import re

    without_tags = re.sub(r"<[^<>]+>", "", markup)
    return len(html.unescape(without_tags))


def split_message(markup: str, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """Split HTML text into messages under ``limit``, at blank lines, then lines.

    Each of our messages keeps its tags within one line, so cutting between lines never
    leaves a tag open. A single line longer than the limit is cut at a space.
    """
    if _visible_length(markup) <= limit:
        return [markup]
    parts: list[str] = []
    current = ""
    for block in _units(markup, limit):
        candidate = f"{current}\n{block}" if current else block
        if _visible_length(candidate) <= limit:
            current = candidate
        else:
            if current:
                parts.append(current)
            current = block
    if current:
        parts.append(current)
    return [part.strip("\n") for part in parts if part.strip()]


def _units(markup: str, limit: int) -> list[str]:
    units: list[str] = []
    for line in markup.split("\n"):
        while _visible_length(line) > limit:
            plain = html.unescape(line)  # an over-long line is plain text in practice
            cut = plain.rfind(" ", 0, limit)
            cut = cut if cut > limit // 2 else limit
            units.append(html.escape(plain[:cut], quote=False))
            line = html.escape(plain[cut:].lstrip(), quote=False)
        units.append(line)
    return units
