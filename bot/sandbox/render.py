"""Show the bot's Telegram HTML and inline keyboards as terminal text."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bot.sandbox.fake_telegram import FakeMessage

__all__ = ["Choice", "choices", "format_choices", "redact_invites", "render_html", "shown_text"]

_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[^<>]*)?)\s*/?>")
_HREF = re.compile(r"""href\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_INVITE = re.compile(r"(start=)[A-Za-z0-9_-]+")
_RESET = "\x1b[0m"
# Telegram's formatting tags and the ANSI SGR codes that look most like them.
_STYLES = {
    "b": "1", "strong": "1", "i": "3", "em": "3", "u": "4", "ins": "4",
    "s": "9", "strike": "9", "del": "9",
}  # fmt: skip


def render_html(markup: str, *, ansi: bool) -> str:
    """Turn Telegram HTML into terminal text: styles as ANSI (or plain), links as ``t (url)``."""
    out: list[str] = []
    styles: list[str] = []
    links: list[tuple[int, str]] = []  # (index in ``out`` where the link text starts, href)
    position = 0
    for match in _TAG.finditer(markup):
        out.append(html.unescape(markup[position : match.start()]))
        position = match.end()
        closing, name = match.group(1) == "/", match.group(2).lower()
        if name == "a":
            if not closing:
                links.append((len(out), _href(match.group(3) or "")))
            elif links:
                start, url = links.pop()
                text = _ANSI.sub("", "".join(out[start:])).strip()
                if url and url != text:
                    out.append(f" ({url})")
        elif name in _STYLES and ansi:
            if closing:
                if _STYLES[name] in styles:
                    styles.reverse()
                    styles.remove(_STYLES[name])
                    styles.reverse()
                out.append(_RESET + "".join(f"\x1b[{code}m" for code in styles))
            else:
                styles.append(_STYLES[name])
                out.append(f"\x1b[{_STYLES[name]}m")
    out.append(html.unescape(markup[position:]))
    if ansi and styles:
        out.append(_RESET)
    return "".join(out)


def _href(attributes: str) -> str:
    found = _HREF.search(attributes)
    if found is None:
        return ""
    return html.unescape(found.group(1) if found.group(1) is not None else found.group(2))


def shown_text(message: FakeMessage, *, ansi: bool) -> str:
    """The message as the terminal shows it; its plain text if the markup was not HTML."""
    if message.markup and html.unescape(_TAG.sub("", message.markup)) == message.text:
        return render_html(message.markup, ansi=ansi)
    return message.text


def redact_invites(text: str) -> str:
    """Hide invite codes in deep links (``start=<code>``), so transcripts do not vary."""
    return _INVITE.sub(r"\1<code>", text)


@dataclass(frozen=True)
class Choice:
    """One inline button as a numbered choice."""

    number: int
    label: str
    data: str | None = None
    url: str | None = None

    def shown(self) -> str:
        """``[n] label``, or just ``[n]`` when the label is the number itself."""
        if self.label == str(self.number):
            return f"[{self.number}]"
        if self.url is not None:
            return f"[{self.number}] {self.label} ({self.url})"
        return f"[{self.number}] {self.label}"


def _own_number(label: str) -> int | None:
    return int(label) if label.isdigit() and str(int(label)) == label else None


def choices(reply_markup: dict[str, Any] | None) -> list[list[Choice]]:
    """Number a message's buttons, row by row.

    Buttons are numbered 1, 2, 3 ... in order, except that where a button's label is itself a
    number (the 0-10 rating buttons) that number is its choice number, so typing ``7`` taps
    the button labelled 7; the other buttons of such a keyboard continue after the highest.
    """
    rows: Sequence[Sequence[dict[str, Any]]] = (reply_markup or {}).get("inline_keyboard", [])
    labels = [str(button.get("text", "")) for row in rows for button in row]
    own = [_own_number(label) for label in labels]
    numbers = [n for n in own if n is not None]
    use_own = bool(numbers) and len(set(numbers)) == len(numbers)
    following = (max(numbers) + 1) if use_own else 1
    result: list[list[Choice]] = []
    for row in rows:
        line: list[Choice] = []
        for button in row:
            label = str(button.get("text", ""))
            number = _own_number(label) if use_own else None
            if number is None:
                number, following = following, following + 1
            data = button.get("callback_data")
            url = button.get("url")
            line.append(
                Choice(number, label, None if data is None else str(data), url and str(url))
            )
        result.append(line)
    return result


def format_choices(rows: list[list[Choice]]) -> list[str]:
    """One line per keyboard row: ``[1] ✅ I agree   [2] Not now``."""
    return ["   ".join(choice.shown() for choice in row) for row in rows if row]
