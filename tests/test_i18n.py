"""Catalogues are complete, current, and consistent with their English source."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from bot.i18n import LOCALES_DIR, I18n
from bot.sandbox.fake_telegram import html_to_text

ROOT = Path(__file__).resolve().parent.parent
TRANSLATED = ("es", "de", "uk")
KEYWORDS = {"_": None, "N_": None, "n_": (1, 2)}
PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}")
COMMAND = re.compile(r"(?<![\w/.])/[a-z_]+\b")  # a /command, not on/off or docs/x.md
# One voice per language (docs/i18n.md): words that only the *other* form of address uses,
# matched as whole words, case-insensitive. German and Ukrainian are formal, Spanish is "tú".
OTHER_VOICE: dict[str, tuple[str, ...]] = {
    "de": (
        "du", "dich", "dir", "dein", "deine", "deinen", "deinem", "deiner", "deines",
        "hast du", "kannst du", "bist", "hast", "kannst", "möchtest", "willst", "musst",
        "euch", "euer", "eure",
    ),
    "uk": (
        "ти", "тебе", "тобі", "тобою", "твій", "твоя", "твоє", "твої", "твого", "твоєї",
        "твоєму", "твоїй", "твоїм", "твоїх", "твоїми", "твоєю", "хочеш", "можеш", "маєш",
        "надішли", "напиши", "натисни", "обери", "вибери", "спробуй", "попроси", "бережи",
    ),
    "es": ("usted", "ustedes"),
}  # fmt: skip


def _code_messages() -> set[str]:
    found: set[str] = set()
    for folder in ("bot", "handlers"):
        for _file, _line, message, _comments, _context in extract_from_dir(
            ROOT / folder, keywords=KEYWORDS, method_map=[("**.py", "python")]
        ):
            found.add(message if isinstance(message, str) else message[0])
    return found


def _catalogue(code: str):  # type: ignore[no-untyped-def]
    with (LOCALES_DIR / code / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle)


def test_template_matches_the_code() -> None:
    with (LOCALES_DIR / "messages.pot").open("rb") as handle:
        template = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}
    in_code = _code_messages()
    assert in_code - template == set(), "run `make i18n`: messages missing from messages.pot"
    assert template - in_code == set(), "run `make i18n`: messages.pot has stale entries"


@pytest.mark.parametrize("code", TRANSLATED)
def test_catalogue_complete_and_consistent(code: str) -> None:
    catalogue = _catalogue(code)
    ids = {m.id if isinstance(m.id, str) else m.id[0] for m in catalogue if m.id}
    missing = _code_messages() - ids
    assert not missing, f"{code}: untranslated messages: {sorted(missing)[:5]}"
    problems = []
    for message in catalogue:
        if not message.id:
            continue
        singular = message.id if isinstance(message.id, str) else message.id[0]
        plural = None if isinstance(message.id, str) else message.id[1]
        strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
        if message.fuzzy:
            problems.append(f"fuzzy: {singular[:50]}")
        if plural is not None and len(strings) != catalogue.num_plurals:
            problems.append(f"plural forms: {singular[:50]}")
        expected = set(PLACEHOLDER.findall(plural or singular))
        for index, string in enumerate(strings):
            if not string or not string.strip():
                problems.append(f"empty: {singular[:50]}")
                continue
            found = set(PLACEHOLDER.findall(string))
            # a singular form may name the number in words instead of using {count}
            allowed_missing = {"count"} if plural is not None else set()
            if found - expected or (expected - found) - allowed_missing:
                problems.append(
                    f"placeholders {sorted(found)} != {sorted(expected)}: {singular[:50]}"
                )
            values = {name: "x" for name in expected}
            try:
                html_to_text(string.format(**values))
            except ValueError as exc:
                problems.append(f"HTML ({exc}): {singular[:50]}")
            if index == 0 and "/" in singular:
                commands = set(re.findall(COMMAND, singular))
                if not commands <= set(re.findall(COMMAND, string)):
                    problems.append(f"commands changed: {singular[:50]}")
    assert not problems, f"{code}: " + "\n".join(problems)


def _other_voice(code: str, text: str) -> list[str]:
    """The words in ``text`` that belong to the form of address language ``code`` avoids."""
    words = "|".join(re.escape(word) for word in OTHER_VOICE[code])
    pattern = re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE)
    return pattern.findall(PLACEHOLDER.sub(" ", text))


@pytest.mark.parametrize("code", TRANSLATED)
def test_catalogue_keeps_one_form_of_address(code: str) -> None:
    mixed = []
    for message in _catalogue(code):
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
        found = sorted({word.lower() for string in strings for word in _other_voice(code, string)})
        if found:
            singular = message.id if isinstance(message.id, str) else message.id[0]
            mixed.append(f"{found}: {singular!r}")
    assert not mixed, f"{code}: other form of address (see docs/i18n.md):\n" + "\n".join(mixed)


@pytest.mark.parametrize(
    ("code", "other", "own"),
    [
        ("de", "Möchtest du deine Notiz teilen?", "Möchten Sie Ihre Notiz teilen? {dir}"),
        ("uk", "Надішли /help, щоб побачити твої цілі.", "Надішліть /help, щоб побачити цілі."),
        ("es", "¿Desea usted compartir su nota?", "¿Quieres compartir tu nota? Su nota: {x}"),
    ],
    ids=["de", "uk", "es"],
)
def test_form_of_address_check_catches_a_mixed_catalogue(code: str, other: str, own: str) -> None:
    assert _other_voice(code, other)
    assert not _other_voice(code, own)  # placeholders and third-person words are fine


def test_english_source_is_valid_html() -> None:
    for message in _code_messages():
        names = {name: "x" for name in PLACEHOLDER.findall(message)}
        html_to_text(message.format(**names))


def test_translators_answer_in_their_language() -> None:
    i18n = I18n("en")
    assert i18n.get("de")._("Your settings") != i18n.get("en")._("Your settings")
    singular = (
        "This invite link has expired (links last {count} day). Please ask for a new one; "
        "it only takes a moment."
    )
    plural = singular.replace("{count} day)", "{count} days)")
    forms = {i18n.get("uk").n_(singular, plural, n) for n in (1, 3, 5)}
    assert len(forms) == 3  # Ukrainian has three plural forms
    assert i18n.resolve(None, "es-MX") == "es"
    assert i18n.resolve(None, "fr") == "en"
    assert i18n.resolve("uk", "de") == "uk"
