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
        "yo",
        "привіт",
        "добрий день",
        "доброго ранку",
        "добрий вечір",
        "вітаю",
        "привет",
    ),
    "how": (
        "how are you",
        "how are u",
        "how r u",
        "how's it going",
        "hows it going",
        "how is it going",
        "what's up",
        "whats up",
        "sup",
        "qué tal",
        "que tal",
        "cómo estás",
        "como estas",
        "wie geht's",
        "wie gehts",
        "wie geht es dir",
        "wie geht es ihnen",
        "як справи",
        "як ви",
        "як ти",
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
        "great",
        "nice",
        "perfect",
        "awesome",
        "good",
        "no",
        "nope",
        "nah",
        "no thanks",
        "no thank you",
        "vale",
        "genial",
        "perfecto",
        "no gracias",
        "super",
        "prima",
        "nein",
        "nein danke",
        "чудово",
        "ні",
        "ні дякую",
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
# words that may stand around small talk without adding content ("hey there", "thanks a lot")
_FILLERS = frozenset(
    [
        "there",
        "bot",
        "again",
        "everyone",
        "all",
        "guys",
        "mate",
        "dear",
        "friend",
        "so",
        "very",
        "much",
        "a",
        "lot",
        "lots",
        "really",
        "just",
        "oh",
        "well",
        "hmm",
        "um",
        "uh",
        "again",
        "again",
        "y",
        "tú",
        "usted",
        "du",
        "sie",
        "ви",
        "ти",
        "mucho",
        "muy",
    ]
)
_LOOKUP = {phrase: kind for kind, phrases in _WORDS.items() for phrase in phrases}
_EMOJI_ONLY = {"👍": "ok", "🙏": "thanks", "❤️": "thanks", "❤": "thanks", "👋": "hello",
               "😊": "ok", "🙂": "ok", "👌": "ok", "💚": "thanks", "🤗": "thanks"}  # fmt: skip


def small_talk(text: str) -> str | None:
    """``thanks``, ``bye``, ``how`` (are you), ``hello`` or ``ok`` if the whole message is only
    that, else None."""
    if len(text) > 60:
        return None
    folded = unicodedata.normalize("NFC", text).casefold().strip()
    emojis = [char for char in folded if unicodedata.category(char) == "So"]
    words = re.sub(r"[^\w\s']", " ", folded)
    words = re.sub(r"(\w)\1{2,}", r"\1", words)  # "thanksss", "okkk"
    tokens = words.split()
    kept = [token for token in tokens if token not in _FILLERS]
    words = " ".join(kept if kept else tokens)
    kinds: list[str] = []
    if words:
        # "thanks, bye" or "ok thanks": every part must be small talk
        parts = [p.strip() for p in re.split(r"\b(?:and|y|und|і|та|и)\b", words) if p.strip()]
        for part in parts:
            found = [_LOOKUP[part]] if part in _LOOKUP else _split(part)
            if not found:
                return None
            kinds += found
    else:
        kinds = [_EMOJI_ONLY[e] for e in emojis if e in _EMOJI_ONLY]
        if not kinds or len(kinds) != len(emojis):
            return None
    for preferred in ("thanks", "bye", "how", "hello", "ok"):
        if preferred in kinds:
            return preferred
    return None


def _split(part: str) -> list[str]:
    """Small-talk phrases run together ("ok thanks bye", "hi there thanks"), else []."""
    tokens = part.split()
    for cut in range(len(tokens) - 1, 0, -1):  # the longest known phrase first
        first, rest = " ".join(tokens[:cut]), " ".join(tokens[cut:])
        if first in _LOOKUP:
            more = [_LOOKUP[rest]] if rest in _LOOKUP else _split(rest)
            if more:
                return [_LOOKUP[first], *more]
    return []


_SLIP = re.compile(
    r"\b(?:relaps\w*|(?:a|another|had|have|small|little|big)\s+slip\b|slipped\s+(?:up|back)|"
    r"lapsed\b|fell\s+off\s+the\s+wagon|"
    r"(?:used|drank|drunk|smoked|gambled|binged|took\s+(?:it|drugs))\s+again|"
    r"(?:drinking|using|smoking|gambling|bingeing|binging|vaping)\s+again|"
    r"\bcaved\b(?:\s+in)?|gave\s+in\s+(?:again|to\s+(?:it|the\s+craving|temptation))|"
    r"back\s+on\s+the\s+(?:booze|bottle|drink|drugs|weed|cigarettes)|broke\s+my\s+(?:streak|sobriety)|"
    r"reca[ií]d\w*|reca[ií]\b|(?:volv[ií]|he\s+vuelto|ha\s+vuelto)\s+a\s+(?:beber|consumir|fumar|"
    r"jugar|apostar|caer|tomar|drogarme)|"
    r"r[uü]ckfall\w*|r[uü]ckf[aä]llig|wieder\s+(?:getrunken|konsumiert|geraucht|gespielt|gekifft|"
    r"angefangen\s+zu\s+(?:trinken|rauchen|spielen|kiffen))|"
    r"зрив\w*|зірва(?:вся|лася|лись)|знову\s+(?:вжив\w*|випив\w*|пив|пила|курив\w*|грав\w*|"
    r"поча(?:в|ла|ли)\s+(?:пити|вживати|курити|грати))"
    r")",
    re.IGNORECASE,
)


def mentions_slip(text: str) -> bool:
    """Whether the client is telling of a slip or relapse (answered warmly, never judged)."""
    return _SLIP.search(unicodedata.normalize("NFC", text)) is not None
