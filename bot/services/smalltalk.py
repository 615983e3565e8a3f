"""Short social words that need a kind word back, not a "where shall I keep this?" menu.

Only a whole message made of such words counts ("thanks!", "ok 👍", "дякую"), so anything
with content of its own is still kept or offered to the practitioner.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["mentions_slip", "small_talk"]

_WORDS: dict[str, tuple[str, ...]] = {
    "thanks": (
        "thanks",
        "thank you",
        "thank u",
        "thx",
        "thanx",
        "ty",
        "tysm",
        "cheers",
        "many thanks",
        "thanks a lot",
        "thank you so much",
        "thanks so much",
        "much appreciated",
        "ta",
        "gracias",
        "muchas gracias",
        "mil gracias",
        "grax",
        "danke",
        "danke schön",
        "danke schon",
        "dankeschön",
        "vielen dank",
        "danke sehr",
        "merci",
        "дякую",
        "дуже дякую",
        "спасибі",
        "спасибо",
        "дякс",
    ),
    "hello": (
        "hi",
        "hello",
        "hey",
        "hiya",
        "good morning",
        "good evening",
        "good afternoon",
        "morning",
        "hola",
        "buenas",
        "buenos días",
        "buenos dias",
        "buenas tardes",
        "hallo",
        "guten morgen",
        "guten tag",
        "guten abend",
        "moin",
        "servus",
        "hi there",
        "привіт",
        "добрий день",
        "доброго ранку",
        "добрий вечір",
        "вітаю",
        "привет",
    ),
    "bye": (
        "bye",
        "goodbye",
        "good night",
        "night",
        "see you",
        "see ya",
        "later",
        "cya",
        "adiós",
        "adios",
        "hasta luego",
        "buenas noches",
        "chao",
        "chau",
        "tschüss",
        "tschuss",
        "gute nacht",
        "bis bald",
        "ciao",
        "бувай",
        "до побачення",
        "на добраніч",
        "добраніч",
        "па",
    ),
    "ok": (
        "ok",
        "okay",
        "okey",
        "k",
        "kk",
        "alright",
        "all right",
        "sure",
        "fine",
        "cool",
        "got it",
        "vale",
        "bien",
        "de acuerdo",
        "entendido",
        "gut",
        "alles klar",
        "in ordnung",
        "passt",
        "добре",
        "ок",
        "окей",
        "зрозуміло",
        "гаразд",
        "ладно",
        "yes",
        "sí",
        "si",
        "ja",
        "так",
    ),
}
_LOOKUP = {phrase: kind for kind, phrases in _WORDS.items() for phrase in phrases}
_EMOJI_ONLY = {"👍": "ok", "🙏": "thanks", "❤️": "thanks", "❤": "thanks", "👋": "hello",
               "😊": "ok", "🙂": "ok", "👌": "ok", "💚": "thanks", "🤗": "thanks"}  # fmt: skip


def small_talk(text: str) -> str | None:
    """``thanks``, ``hello``, ``bye`` or ``ok`` if the whole message is only that, else None."""
    if len(text) > 60:
        return None
    folded = unicodedata.normalize("NFC", text).casefold().strip()
    emojis = [char for char in folded if unicodedata.category(char) == "So"]
    words = re.sub(r"[^\w\s']", " ", folded)
    words = re.sub(r"(\w)\1{2,}", r"\1", words)  # "thanksss", "okkk"
    words = " ".join(words.split())
    kinds: list[str] = []
    if words:
        # "thanks, bye" or "ok thanks": every part must be small talk
        parts = [p.strip() for p in re.split(r"\b(?:and|y|und|і|та|и)\b", words) if p.strip()]
        for part in parts:
            kind = _LOOKUP.get(part) or _split_pair(part)
            if kind is None:
                return None
            kinds.append(kind)
    else:
        kinds = [_EMOJI_ONLY[e] for e in emojis if e in _EMOJI_ONLY]
        if not kinds or len(kinds) != len(emojis):
            return None
    for preferred in ("thanks", "bye", "hello", "ok"):
        if preferred in kinds:
            return preferred
    return None


def _split_pair(part: str) -> str | None:
    """Two small-talk phrases run together ("ok thanks", "hi there thanks")."""
    tokens = part.split()
    for cut in range(1, len(tokens)):
        first, second = " ".join(tokens[:cut]), " ".join(tokens[cut:])
        if first in _LOOKUP and (second in _LOOKUP or _split_pair(second)):
            return _LOOKUP[second] if _LOOKUP.get(second) == "thanks" else _LOOKUP[first]
    return None


_SLIP = re.compile(
    r"\b(?:relaps\w*|(?:a|another|had|have|small|little|big)\s+slip\b|slipped\s+(?:up|back)|"
    r"lapsed\b|fell\s+off\s+the\s+wagon|"
    r"(?:used|drank|drunk|smoked|gambled|binged|took\s+(?:it|drugs))\s+again|"
    r"back\s+on\s+the\s+(?:booze|bottle|drink|drugs|weed|cigarettes)|broke\s+my\s+(?:streak|sobriety)|"
    r"reca[ií]d\w*|reca[ií]\b|volv[ií]\s+a\s+(?:beber|consumir|fumar|jugar|apostar)|"
    r"r[uü]ckfall\w*|r[uü]ckf[aä]llig|wieder\s+(?:getrunken|konsumiert|geraucht|gespielt|gekifft)|"
    r"зрив\w*|зірва(?:вся|лася|лись)|знову\s+(?:вжив\w*|випив\w*|пив|пила|курив\w*|грав\w*)"
    r")",
    re.IGNORECASE,
)


def mentions_slip(text: str) -> bool:
    """Whether the client is telling of a slip or relapse (answered warmly, never judged)."""
    return _SLIP.search(unicodedata.normalize("NFC", text)) is not None
