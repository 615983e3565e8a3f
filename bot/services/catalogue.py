"""The resource catalogue and the safety information: one YAML file in, views out.

The file format is described in ``docs/resources.md`` (``catalogue_format``); storage is in
``bot/storage/catalogue.py``. Ids in the file are the stable keys in the database; a resource
or category left out of a new file is hidden, never deleted, so requests that refer to it keep
their meaning.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import replace

from bot.clock import Clock
from bot.services.catalogue_format import (
    FORMAT_VERSION,
    MAX_BYTES,
    CatalogueDoc,
    CategoryDoc,
    ResourceDoc,
    dump_catalogue,
    parse_catalogue,
    pick_text,
)
from bot.services.catalogue_views import (
    CategoryView,
    CrisisLineView,
    ImportReport,
    ResourceView,
    SafetyGap,
    SafetyView,
)
from bot.services.safety import SafetyMatcher
from bot.settings import SUPPORTED_LOCALES
from bot.storage import Database
from bot.storage.catalogue import CatalogueRepository

__all__ = [
    "FORMAT_VERSION",
    "MAX_BYTES",
    "CatalogueDoc",
    "CatalogueService",
    "CategoryView",
    "CrisisLineView",
    "ImportReport",
    "ResourceView",
    "SafetyGap",
    "SafetyView",
    "is_example_line",
    "parse_catalogue",
]

# Numbers reserved for fiction and examples (Ofcom's drama ranges, the US 555-01xx block,
# Australia's 0491 570), and example domains: a line using one reaches nobody.
_FICTIONAL_PHONES = re.compile(
    r"^(?:44)?0?(?:1632960|8081570|7700900|20794600|1134960|1144960|1154960|1164960|"
    r"1174960|1184960|1214960|1314960|1414960|1514960|1614960|2896496|29201800|1914980)\d*$"
    r"|^1?\d{3}5550(?:1\d\d)$|^(?:61)?0?491570\d*$"
)
_EXAMPLE_HOSTS = re.compile(r"(?:^|\.|//)example\.(?:org|com|net)\b|\.(?:example|test|invalid)\b")


def is_example_line(phone: str | None, url: str | None) -> bool:
    """Whether a crisis line uses a number or address reserved for examples."""
    digits = re.sub(r"\D", "", phone or "")
    if digits and _FICTIONAL_PHONES.match(digits):
        return True
    return bool(url and _EXAMPLE_HOSTS.search(url.lower()))


# --- the service --------------------------------------------------------------------------------


class CatalogueService:
    """Imports and exports the catalogue file and serves it, localised, to the chat."""

    def __init__(
        self,
        db: Database,
        clock: Clock,
        default_locale: str = "en",
        matcher: SafetyMatcher | None = None,
    ) -> None:
        self._db = db
        self._repo = CatalogueRepository(db)
        self._clock = clock
        self.default_locale = default_locale
        self._matcher = matcher

    def parse(self, data: bytes) -> tuple[CatalogueDoc | None, list[str]]:
        """Read and check a catalogue file; return the document or every problem found."""
        return parse_catalogue(data, self.default_locale)

    async def import_bytes(self, data: bytes) -> ImportReport:
        """Check a file and, if it is sound, make it the catalogue in one transaction."""
        # A 1 MB file takes a moment to check: keep the event loop free meanwhile.
        doc, problems = await asyncio.to_thread(self.parse, data)
        if doc is None:
            return ImportReport(ok=False, problems=problems)
        report = await self._repo.apply(doc, self._clock.now())
        if self._matcher is not None:
            await self._matcher.load(self._db)
        return replace(report, safety_gaps=await self.safety_gaps())

    async def safety_gaps(self) -> list[SafetyGap]:
        """Every supported language without real crisis lines (none, or the example's)."""
        safety = await self._repo.safety()
        if safety is None:
            return [SafetyGap("", "nothing")]
        gaps = []
        for locale in SUPPORTED_LOCALES:
            lines = safety.crisis_lines.get(locale, ())
            if not lines:
                gaps.append(SafetyGap(locale, "missing"))
            elif any(is_example_line(line.phone, line.url) for line in lines):
                gaps.append(SafetyGap(locale, "example"))
        return gaps

    async def document(self) -> CatalogueDoc:
        """Return the visible catalogue and the safety section as a document."""
        state = await self._repo.state()
        resources: dict[str, list[ResourceDoc]] = {}
        for stored in sorted(state.resources.values(), key=lambda item: item.position):
            if not stored.hidden:
                resources.setdefault(stored.category_id, []).append(stored.doc)
        categories = tuple(
            CategoryDoc(item, stored.name, stored.description, tuple(resources.get(item, ())))
            for item, stored in sorted(state.categories.items(), key=lambda pair: pair[1].position)
            if not stored.hidden
        )
        return CatalogueDoc(state.tags, categories, state.safety)

    async def export_yaml(self) -> bytes:
        """Return the visible catalogue and the safety section in the import format."""
        doc = await self.document()
        return await asyncio.to_thread(dump_catalogue, doc.to_data())

    async def categories(self, locale: str) -> list[CategoryView]:
        """Return the visible categories in order, with their visible resource counts."""
        rows = await self._repo.visible_categories()
        texts = await self._repo.category_texts([category_id for category_id, _ in rows])
        views = []
        for category_id, count in rows:
            found = texts.get(category_id, {"name": {}, "description": {}})
            views.append(
                CategoryView(
                    id=category_id,
                    name=pick_text(found["name"], locale, self.default_locale) or category_id,
                    description=pick_text(found["description"], locale, self.default_locale),
                    resource_count=count,
                )
            )
        return views

    async def resources(
        self, category_id: str, locale: str, page: int, page_size: int = 6
    ) -> tuple[list[ResourceView], int]:
        """Return one page (counted from 0) of a category's visible resources, and the total."""
        if page < 0 or page_size < 1:
            raise ValueError("page must be >= 0 and page_size >= 1")
        ids, total = await self._repo.resource_page(category_id, page_size, page * page_size)
        return await self._views(ids, locale), total

    async def resource(self, resource_id: str, locale: str) -> ResourceView | None:
        """Return one resource by id, hidden or not, or ``None`` if it never existed."""
        views = await self._views([resource_id], locale)
        return views[0] if views else None

    async def _views(self, ids: list[str], locale: str) -> list[ResourceView]:
        """Build localised views of the given resources, in the given order."""
        rows = await self._repo.resources(ids)
        texts = await self._repo.resource_texts(ids)
        tag_labels = await self._repo.resource_tags(ids)
        views = []
        for resource_id in ids:
            if resource_id not in rows:
                continue
            row = rows[resource_id]
            found = texts.get(resource_id, {"title": {}, "description": {}, "hours": {}})
            tags = tag_labels.get(resource_id, {})
            views.append(
                ResourceView(
                    id=resource_id,
                    category_id=row.category_id,
                    title=pick_text(found["title"], locale, self.default_locale) or resource_id,
                    description=pick_text(found["description"], locale, self.default_locale),
                    url=row.url,
                    phone=row.phone,
                    address=row.address,
                    hours=pick_text(found["hours"], locale, self.default_locale),
                    tags=tuple(
                        pick_text(labels, locale, self.default_locale) or tag
                        for tag, labels in tags.items()
                    ),
                    requestable=row.requestable,
                    hidden=row.hidden,
                )
            )
        return views

    async def safety(self, locale: str) -> SafetyView:
        """Return the safety message and crisis lines for ``locale`` (or the default locale)."""
        safety = await self._repo.safety()
        if safety is None:
            return SafetyView(message=None, crisis_lines=())
        lines = safety.crisis_lines.get(locale) or safety.crisis_lines.get(self.default_locale)
        if lines is None:
            lines = next(iter(safety.crisis_lines.values()), ())
        return SafetyView(
            message=pick_text(safety.message, locale, self.default_locale),
            crisis_lines=tuple(
                CrisisLineView(line.name, line.phone, line.url, line.hours) for line in lines
            ),
        )
