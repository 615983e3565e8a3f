"""Small text helpers shared by handlers and services."""

from __future__ import annotations

import html
import re
import unicodedata

__all__ = [
    "TELEGRAM_LIMIT",
    "TooLongError",
    "checked",
    "clean_user_text",
    "esc",
    "shorten",
    "split_message",
]

TELEGRAM_LIMIT = 4096


class TooLongError(ValueError):
    """Text over a limit: refused whole, never cut; handlers say so and change nothing."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"text over {limit} characters")
        self.limit = limit


def checked(text: str, limit: int) -> str:
    """Return ``text`` if it fits ``limit`` characters, else raise :class:`TooLongError`."""
    if len(text) > limit:
        raise TooLongError(limit)
    return text


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


_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)([^<>]*)>")


def _units16(text: str) -> int:
    """Telegram counts UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def _visible_length(markup: str) -> int:
    """The length Telegram counts: tags removed, entities as one character, UTF-16 units."""
    return _units16(html.unescape(_TAG.sub("", markup)))


def _cut(plain: str, room: int) -> int:
    """Where to cut ``plain`` so the first piece fits ``room`` units: a line, else a space."""
    fits = 0
    while fits < len(plain) and _units16(plain[: fits + 1]) <= room:
        fits += 1
    if fits >= len(plain):
        return len(plain)
    for separator in ("\n\n", "\n", " "):
        at = plain.rfind(separator, 0, fits)
        if at > fits // 3:
            return at + len(separator)
    return max(fits, 1)


def split_message(markup: str, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """Split Telegram HTML into messages of at most ``limit``, each valid on its own.

    Cuts at blank lines, then line breaks, then spaces; a tag still open at a cut is closed
    at the end of one part and opened again at the start of the next, so a note with line
    breaks inside ``<i>`` never leaves a part that Telegram rejects.
    """
    if _visible_length(markup) <= limit:
        return [markup]
    parts: list[str] = []
    stack: list[tuple[str, str]] = []  # (name, the opening tag as written)
    pieces: list[str] = []
    used = 0

    def close_part() -> None:
        nonlocal pieces, used
        body = "".join(pieces) + "".join(f"</{name}>" for name, _ in reversed(stack))
        if _TAG.sub("", body).strip():
            parts.append(body.strip("\n"))
        pieces = [opening for _, opening in stack]
        used = 0

    position = 0
    tokens: list[tuple[bool, str, re.Match[str] | None]] = []
    for found in _TAG.finditer(markup):
        if found.start() > position:
            tokens.append((False, markup[position : found.start()], None))
        tokens.append((True, found.group(0), found))
        position = found.end()
    if position < len(markup):
        tokens.append((False, markup[position:], None))
    for is_tag, value, tag in tokens:
        if is_tag and tag is not None:
            name = tag.group(2).lower()
            if tag.group(1):
                if stack and stack[-1][0] == name:
                    stack.pop()
            else:
                stack.append((name, value))
            pieces.append(value)
            continue
        plain = html.unescape(value)
        while plain:
            room = limit - used
            if _units16(plain) <= room:
                pieces.append(html.escape(plain, quote=False))
                used += _units16(plain)
                break
            if room <= limit // 8 and used:
                close_part()  # too little room left: start the next part instead
                continue
            at = _cut(plain, room)
            head, plain = plain[:at], plain[at:]
            pieces.append(html.escape(head, quote=False))
            used += _units16(head)
            close_part()
    close_part()
    return parts
