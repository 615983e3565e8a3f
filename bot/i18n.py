"""Translations (gettext catalogues compiled at start-up) and locale-aware formatting."""

from __future__ import annotations

import gettext
import io
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date, format_datetime, format_time
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import Translations

from bot.settings import SUPPORTED_LOCALES

__all__ = ["LOCALES_DIR", "N_", "I18n", "Translator", "compile_catalogue"]


def _locales_dir() -> Path:
    """The catalogues: ``locales/`` in a checkout, the ``bot.locales`` package when installed."""
    checkout = Path(__file__).resolve().parent.parent / "locales"
    if (checkout / "messages.pot").exists():
        return checkout
    from importlib import resources

    return Path(str(resources.files("bot.locales")))


LOCALES_DIR = _locales_dir()
DOMAIN = "messages"
SOURCE_LOCALE = "en"


def N_(message: str) -> str:  # noqa: N802 - the conventional gettext marker name
    """Mark ``message`` for extraction without translating it now."""
    return message


def compile_catalogue(po_path: Path) -> gettext.NullTranslations:
    """Compile one ``.po`` file in memory and return its translations."""
    with po_path.open("rb") as handle:
        catalog = read_po(handle)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


class Translator:
    """Translate and format for one locale."""

    def __init__(self, locale: str, translations: gettext.NullTranslations) -> None:
        self.locale = locale
        self._translations = translations
        self._babel_locale = Locale.parse(locale)

    def _(self, message: str, /, **values: object) -> str:
        """Translate ``message`` and fill its ``{named}`` placeholders."""
        text = self._translations.gettext(message)
        return text.format(**values) if values else text

    def n_(self, singular: str, plural: str, count: int, /, **values: object) -> str:
        """Translate with plural forms; ``{count}`` is always available."""
        text = self._translations.ngettext(singular, plural, count)
        return text.format(count=self.number(count), **values)

    def number(self, value: float) -> str:
        """Format a number for this locale."""
        return format_decimal(value, locale=self._babel_locale)

    def date(self, epoch: int, timezone: str, fmt: str = "medium") -> str:
        """Format an instant's date in ``timezone``."""
        return format_date(_local(epoch, timezone), format=fmt, locale=self._babel_locale)

    def time(self, epoch: int, timezone: str, fmt: str = "short") -> str:
        """Format an instant's time of day in ``timezone``."""
        return format_time(_local(epoch, timezone), format=fmt, locale=self._babel_locale)

    def datetime(self, epoch: int, timezone: str, fmt: str = "medium") -> str:
        """Format an instant in ``timezone``."""
        zone = ZoneInfo(timezone)
        moment = datetime.fromtimestamp(epoch, UTC)
        return format_datetime(moment, format=fmt, tzinfo=zone, locale=self._babel_locale)

    def skeleton(self, epoch: int, timezone: str, skeleton: str) -> str:
        """Format with a CLDR skeleton such as ``"MMMd"`` or ``"EEEEd"``."""
        from babel.dates import format_skeleton

        return format_skeleton(skeleton, _local(epoch, timezone), locale=self._babel_locale)

    def moment(self, epoch: int, timezone: str) -> str:
        """A moment as people read it: weekday, day, month and time, no seconds or zone."""
        from babel.dates import format_skeleton

        locale = self._regional(timezone)
        local = _local(epoch, timezone)
        day = format_skeleton("MMMEd", local, locale=locale)
        pattern = str(locale.datetime_formats["medium"])
        return pattern.replace("{1}", day).replace("{0}", self.clock(epoch, timezone))

    def day(self, epoch: int, timezone: str) -> str:
        """A day as people read it: weekday, day and month (``Thu, 3 Dec``)."""
        from babel.dates import format_skeleton

        return format_skeleton("MMMEd", _local(epoch, timezone), locale=self._regional(timezone))

    def clock(self, epoch: int, timezone: str) -> str:
        """The time of day of an instant, 24-hour unless the person reads US English."""
        from babel.dates import format_skeleton

        locale = self._regional(timezone)
        skeleton = "hm" if _twelve_hour(locale) else "Hm"
        return format_skeleton(skeleton, _local(epoch, timezone), locale=locale)

    def _regional(self, timezone: str) -> Locale:
        """English in the Americas reads US dates; elsewhere British ones."""
        if self.locale != "en":
            return self._babel_locale
        american = timezone.startswith(("America/", "US/", "Canada/")) or timezone in (
            "Pacific/Honolulu",
        )
        return Locale.parse("en_US" if american else "en_GB")

    def language_name(self, code: str) -> str:
        """Return a language's own name (``Deutsch``, ``Українська``)."""
        name = Locale.parse(code).get_display_name(code) or code
        return name[:1].upper() + name[1:]

    def weekday_name(self, weekday: int, width: str = "abbreviated") -> str:
        """Return the name of ``weekday`` (0 = Monday) in this locale."""
        names = self._babel_locale.days["stand-alone"][width]
        return str(names[weekday])


def _twelve_hour(locale: Locale) -> bool:
    return str(locale) == "en_US"


def _local(epoch: int, timezone: str) -> datetime:
    return datetime.fromtimestamp(epoch, ZoneInfo(timezone))


class I18n:
    """All catalogues, compiled once; hands out :class:`Translator` objects."""

    def __init__(
        self,
        default_locale: str = "en",
        locales: Iterable[str] = SUPPORTED_LOCALES,
        directory: Path = LOCALES_DIR,
    ) -> None:
        self.default_locale = default_locale
        self.locales = tuple(locales)
        self._translators: dict[str, Translator] = {}
        for code in self.locales:
            po_path = directory / code / "LC_MESSAGES" / f"{DOMAIN}.po"
            if po_path.exists():
                translations = compile_catalogue(po_path)
            elif code == SOURCE_LOCALE:
                translations = gettext.NullTranslations()  # the messages are written in it
            else:  # never an English-only bot by accident (a package without its catalogues)
                raise FileNotFoundError(f"no translations for {code!r} in {directory}")
            self._translators[code] = Translator(code, translations)

    def get(self, locale: str | None) -> Translator:
        """Return the translator for ``locale`` (falling back to the default)."""
        if locale in self._translators:
            return self._translators[locale]
        return self._translators[self.default_locale]

    def resolve(self, stored: str | None, language_code: str | None) -> str:
        """Pick a locale: the stored choice, else Telegram's language, else the default."""
        if stored in self._translators:
            return stored
        if language_code:
            base = language_code.replace("_", "-").split("-")[0].lower()
            if base in self._translators:
                return base
        return self.default_locale
