"""Catalogue storage: reading the stored catalogue and applying a new document in one go."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from bot.catalogue_model import (
    CatalogueDoc,
    CategoryDoc,
    CrisisLineDoc,
    ImportReport,
    ResourceDoc,
    SafetyDoc,
    TagDoc,
    Texts,
    ordered_texts,
)
from bot.settings import SUPPORTED_LOCALES
from bot.storage.database import Connection, Database, Row

__all__ = [
    "CatalogueRepository",
    "StoredResource",
    "apply_document",
    "placeholders",
    "read_safety",
    "read_state",
    "texts_by_id",
]

_T = TypeVar("_T")

# --- storage ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _StoredCategory:
    position: int
    hidden: bool
    name: Texts
    description: Texts


@dataclass(frozen=True)
class _StoredResource:
    category_id: str
    position: int
    hidden: bool
    doc: ResourceDoc


@dataclass(frozen=True)
class _State:
    categories: dict[str, _StoredCategory]
    resources: dict[str, _StoredResource]
    tags: tuple[TagDoc, ...]
    safety: SafetyDoc | None


def texts_by_id(
    rows: Iterable[Row], key: str, fields: Sequence[str]
) -> dict[str, dict[str, Texts]]:
    """Group text rows into ``{id: {field: {locale: text}}}``."""
    grouped: dict[str, dict[str, Texts]] = {}
    for row in rows:
        per_field = grouped.setdefault(str(row[key]), {name: {} for name in fields})
        for name in fields:
            if row[name] is not None:
                per_field[name][str(row["locale"])] = str(row[name])
    return {
        item: {name: ordered_texts(texts) for name, texts in per_field.items()}
        for item, per_field in grouped.items()
    }


async def read_state(conn: Connection) -> _State:
    """Read the whole stored catalogue, hidden rows included."""
    empty: dict[str, Texts] = {"name": {}, "description": {}, "title": {}, "hours": {}}
    category_texts = texts_by_id(
        await conn.execute_fetchall(
            "SELECT category_id, locale, name, description FROM category_texts"
        ),
        "category_id",
        ("name", "description"),
    )
    categories = {}
    for row in await conn.execute_fetchall(
        "SELECT id, position, hidden FROM categories ORDER BY position, id"
    ):
        texts = category_texts.get(row["id"], empty)
        categories[str(row["id"])] = _StoredCategory(
            int(row["position"]), bool(row["hidden"]), texts["name"], texts["description"]
        )
    resource_texts = texts_by_id(
        await conn.execute_fetchall(
            "SELECT resource_id, locale, title, description, hours FROM resource_texts"
        ),
        "resource_id",
        ("title", "description", "hours"),
    )
    resource_tags: dict[str, list[str]] = {}
    for row in await conn.execute_fetchall(
        "SELECT resource_id, tag_id FROM resource_tags ORDER BY resource_id, position"
    ):
        resource_tags.setdefault(str(row["resource_id"]), []).append(str(row["tag_id"]))
    resources = {}
    for row in await conn.execute_fetchall(
        "SELECT id, category_id, position, url, phone, address, requestable, hidden"
        " FROM resources ORDER BY position, id"
    ):
        resource_id = str(row["id"])
        texts = resource_texts.get(resource_id, empty)
        doc = ResourceDoc(
            id=resource_id,
            title=texts["title"],
            description=texts["description"],
            url=row["url"],
            phone=row["phone"],
            address=row["address"],
            hours=texts["hours"],
            tags=tuple(resource_tags.get(resource_id, ())),
            requestable=bool(row["requestable"]),
        )
        resources[resource_id] = _StoredResource(
            str(row["category_id"]), int(row["position"]), bool(row["hidden"]), doc
        )
    tag_texts = texts_by_id(
        await conn.execute_fetchall("SELECT tag_id, locale, label FROM tag_texts"),
        "tag_id",
        ("label",),
    )
    tags = tuple(
        TagDoc(str(row["id"]), tag_texts.get(row["id"], {"label": {}})["label"])
        for row in await conn.execute_fetchall("SELECT id FROM tags ORDER BY position, id")
    )
    return _State(categories, resources, tags, await read_safety(conn))


async def read_safety(conn: Connection) -> SafetyDoc | None:
    """Read the stored safety section, or ``None`` if nothing was ever imported."""
    message = ordered_texts(
        {
            str(row["locale"]): str(row["message"])
            for row in await conn.execute_fetchall("SELECT locale, message FROM safety_messages")
        }
    )
    if not message:
        return None
    lines: dict[str, list[CrisisLineDoc]] = {}
    for row in await conn.execute_fetchall(
        "SELECT locale, name, phone, url, hours FROM crisis_lines ORDER BY locale, position"
    ):
        lines.setdefault(str(row["locale"]), []).append(
            CrisisLineDoc(row["name"], row["phone"], row["url"], row["hours"])
        )
    keywords: dict[str, list[str]] = {}
    for row in await conn.execute_fetchall(
        "SELECT locale, keyword FROM safety_keywords ORDER BY locale, position"
    ):
        keywords.setdefault(str(row["locale"]), []).append(str(row["keyword"]))
    rules: dict[str, dict[str, list[str]]] = {"pattern": {}, "exclusion": {}}
    for row in await conn.execute_fetchall(
        "SELECT locale, kind, pattern FROM safety_patterns ORDER BY locale, kind, position"
    ):
        if str(row["kind"]) in rules:
            rules[str(row["kind"])].setdefault(str(row["locale"]), []).append(str(row["pattern"]))
    return SafetyDoc(
        message,
        _per_locale(lines),
        _per_locale(keywords),
        _per_locale(rules["pattern"]),
        _per_locale(rules["exclusion"]),
    )


def _per_locale(items: Mapping[str, list[_T]]) -> dict[str, tuple[_T, ...]]:
    """Return ``items`` as tuples, in the order of SUPPORTED_LOCALES."""
    return {locale: tuple(items[locale]) for locale in SUPPORTED_LOCALES if locale in items}


def _text_rows(item_id: str, fields: Mapping[str, Texts]) -> list[tuple[Any, ...]]:
    """Return one ``(id, locale, field values...)`` row per locale that has any text."""
    locales = ordered_texts(
        dict.fromkeys([locale for texts in fields.values() for locale in texts], "")
    )
    return [
        (item_id, locale, *(texts.get(locale) for texts in fields.values())) for locale in locales
    ]


def _order_changed(before: Sequence[str], after: Sequence[str]) -> bool:
    """Say whether the items present in both lists are in a different relative order."""
    common = set(before) & set(after)
    return [item for item in before if item in common] != [item for item in after if item in common]


_UPSERT_CATEGORY = (
    "INSERT INTO categories (id, position, hidden, created_at, updated_at, removed_at)"
    " VALUES (?, ?, 0, ?, ?, NULL)"
    " ON CONFLICT (id) DO UPDATE SET position = excluded.position, hidden = 0,"
    " updated_at = excluded.updated_at, removed_at = NULL"
)
_UPSERT_RESOURCE = (
    "INSERT INTO resources (id, category_id, position, url, phone, address, requestable,"
    " hidden, created_at, updated_at, removed_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, NULL)"
    " ON CONFLICT (id) DO UPDATE SET category_id = excluded.category_id,"
    " position = excluded.position, url = excluded.url, phone = excluded.phone,"
    " address = excluded.address, requestable = excluded.requestable, hidden = 0,"
    " updated_at = excluded.updated_at, removed_at = NULL"
)


async def apply_document(conn: Connection, doc: CatalogueDoc, now: int) -> ImportReport:
    """Bring the stored catalogue in line with ``doc``; the caller holds the transaction."""
    state = await read_state(conn)
    added_categories: list[str] = []
    changed_categories: list[str] = []
    added_resources: list[str] = []
    changed_resources: list[str] = []

    tags_changed = state.tags != doc.tags
    if tags_changed:
        await conn.executemany(
            "INSERT INTO tags (id, position) VALUES (?, ?)"
            " ON CONFLICT (id) DO UPDATE SET position = excluded.position",
            [(tag.id, position) for position, tag in enumerate(doc.tags)],
        )
        await conn.executemany(
            "DELETE FROM tag_texts WHERE tag_id = ?", [(tag.id,) for tag in doc.tags]
        )
        await conn.executemany(
            "INSERT INTO tag_texts (tag_id, locale, label) VALUES (?, ?, ?)",
            [row for tag in doc.tags for row in _text_rows(tag.id, {"label": tag.label})],
        )

    written_categories: list[CategoryDoc] = []
    category_positions: list[tuple[int, str]] = []
    for position, category in enumerate(doc.categories):
        old = state.categories.get(category.id)
        if old is None or old.hidden:
            added_categories.append(category.id)
        elif (old.name, old.description) != (category.name, category.description):
            changed_categories.append(category.id)
        elif old.position != position:
            category_positions.append((position, category.id))
            continue
        else:
            continue
        written_categories.append(category)
    positions = {category.id: index for index, category in enumerate(doc.categories)}
    await conn.executemany(
        _UPSERT_CATEGORY, [(item.id, positions[item.id], now, now) for item in written_categories]
    )
    await conn.executemany(
        "DELETE FROM category_texts WHERE category_id = ?",
        [(item.id,) for item in written_categories],
    )
    await conn.executemany(
        "INSERT INTO category_texts (category_id, locale, name, description) VALUES (?, ?, ?, ?)",
        [
            row
            for item in written_categories
            for row in _text_rows(item.id, {"name": item.name, "description": item.description})
        ],
    )
    await conn.executemany("UPDATE categories SET position = ? WHERE id = ?", category_positions)

    written_resources: list[tuple[str, int, ResourceDoc]] = []
    resource_positions: list[tuple[int, str]] = []
    new_order: list[str] = []
    for category in doc.categories:
        for position, resource in enumerate(category.resources):
            new_order.append(resource.id)
            old_resource = state.resources.get(resource.id)
            if old_resource is None or old_resource.hidden:
                added_resources.append(resource.id)
            elif (old_resource.category_id, old_resource.doc) != (category.id, resource):
                changed_resources.append(resource.id)
            elif old_resource.position != position:
                resource_positions.append((position, resource.id))
                continue
            else:
                continue
            written_resources.append((category.id, position, resource))
    await conn.executemany(
        _UPSERT_RESOURCE,
        [
            (r.id, category_id, position, r.url, r.phone, r.address, int(r.requestable), now, now)
            for category_id, position, r in written_resources
        ],
    )
    await conn.executemany(
        "DELETE FROM resource_texts WHERE resource_id = ?",
        [(r.id,) for _, _, r in written_resources],
    )
    await conn.executemany(
        "INSERT INTO resource_texts (resource_id, locale, title, description, hours)"
        " VALUES (?, ?, ?, ?, ?)",
        [
            row
            for _, _, r in written_resources
            for row in _text_rows(
                r.id, {"title": r.title, "description": r.description, "hours": r.hours}
            )
        ],
    )
    await conn.executemany(
        "DELETE FROM resource_tags WHERE resource_id = ?",
        [(r.id,) for _, _, r in written_resources],
    )
    await conn.executemany(
        "INSERT INTO resource_tags (resource_id, tag_id, position) VALUES (?, ?, ?)",
        [(r.id, tag, index) for _, _, r in written_resources for index, tag in enumerate(r.tags)],
    )
    await conn.executemany("UPDATE resources SET position = ? WHERE id = ?", resource_positions)

    listed_resources = set(new_order)
    removed_resources = [
        item
        for item, stored in state.resources.items()
        if not stored.hidden and item not in listed_resources
    ]
    removed_categories = [
        item
        for item, stored_category in state.categories.items()
        if not stored_category.hidden and item not in positions
    ]
    hide = " SET hidden = 1, removed_at = ?, updated_at = ? WHERE id = ?"
    await conn.executemany(
        "UPDATE resources" + hide, [(now, now, item) for item in removed_resources]
    )
    await conn.executemany(
        "UPDATE categories" + hide, [(now, now, item) for item in removed_categories]
    )

    if tags_changed:
        gone = [(tag.id,) for tag in state.tags if tag.id not in {t.id for t in doc.tags}]
        await conn.executemany("DELETE FROM resource_tags WHERE tag_id = ?", gone)
        await conn.executemany("DELETE FROM tag_texts WHERE tag_id = ?", gone)
        await conn.executemany("DELETE FROM tags WHERE id = ?", gone)

    safety_changed = doc.safety is not None and state.safety != doc.safety
    if doc.safety is not None and safety_changed:
        await _write_safety(conn, doc.safety)

    visible = [item for item in state.categories if not state.categories[item].hidden]
    old_resources = sorted(
        (item for item, stored in state.resources.items() if not stored.hidden),
        key=lambda item: (
            state.categories[state.resources[item].category_id].position,
            state.resources[item].position,
        ),
    )
    moved = set(changed_resources)
    reordered = _order_changed(visible, [category.id for category in doc.categories]) or (
        _order_changed(
            [item for item in old_resources if item not in moved],
            [item for item in new_order if item not in moved],
        )
    )
    return ImportReport(
        ok=True,
        categories_added=added_categories,
        categories_changed=changed_categories,
        categories_removed=removed_categories,
        resources_added=added_resources,
        resources_changed=changed_resources,
        resources_removed=removed_resources,
        tags_changed=tags_changed,
        reordered=reordered,
        safety_changed=safety_changed,
    )


async def _write_safety(conn: Connection, safety: SafetyDoc) -> None:
    """Replace the stored safety section."""
    for table in ("safety_messages", "crisis_lines", "safety_keywords", "safety_patterns"):
        await conn.execute(f"DELETE FROM {table}")
    await conn.executemany(
        "INSERT INTO safety_messages (locale, message) VALUES (?, ?)",
        list(safety.message.items()),
    )
    await conn.executemany(
        "INSERT INTO crisis_lines (locale, position, name, phone, url, hours)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [
            (locale, position, line.name, line.phone, line.url, line.hours)
            for locale, lines in safety.crisis_lines.items()
            for position, line in enumerate(lines)
        ],
    )
    await conn.executemany(
        "INSERT INTO safety_keywords (locale, position, keyword) VALUES (?, ?, ?)",
        [
            (locale, position, keyword)
            for locale, words in safety.keywords.items()
            for position, keyword in enumerate(words)
        ],
    )
    await conn.executemany(
        "INSERT INTO safety_patterns (locale, kind, position, pattern) VALUES (?, ?, ?, ?)",
        [
            (locale, kind, position, pattern)
            for kind, rules in (("pattern", safety.patterns), ("exclusion", safety.exclusions))
            for locale, patterns in rules.items()
            for position, pattern in enumerate(patterns)
        ],
    )


def placeholders(count: int) -> str:
    return ", ".join("?" * count)


@dataclass(frozen=True)
class StoredResource:
    """One resource's own fields (texts and tags are read separately)."""

    id: str
    category_id: str
    url: str | None
    phone: str | None
    address: str | None
    requestable: bool
    hidden: bool


class CatalogueRepository:
    """Reads of the stored catalogue for browsing, and the stored crisis-language rules."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def visible_categories(self) -> list[tuple[str, int]]:
        """``(id, visible resource count)`` of every visible category, in order."""
        rows = await self._db.fetchall(
            "SELECT c.id, COUNT(r.id) AS resource_count FROM categories c"
            " LEFT JOIN resources r ON r.category_id = c.id AND r.hidden = 0"
            " WHERE c.hidden = 0 GROUP BY c.id, c.position ORDER BY c.position, c.id"
        )
        return [(str(row["id"]), int(row["resource_count"])) for row in rows]

    async def category_texts(self, ids: list[str]) -> dict[str, dict[str, Texts]]:
        """Names and descriptions per category and locale."""
        if not ids:
            return {}
        return texts_by_id(
            await self._db.fetchall(
                "SELECT category_id, locale, name, description FROM category_texts"
                f" WHERE category_id IN ({placeholders(len(ids))})",
                ids,
            ),
            "category_id",
            ("name", "description"),
        )

    async def resource_page(
        self, category_id: str, limit: int, offset: int
    ) -> tuple[list[str], int]:
        """The ids of one page of a category's visible resources, and how many there are."""
        total = await self._db.fetchval(
            "SELECT COUNT(*) FROM resources WHERE category_id = ? AND hidden = 0", (category_id,)
        )
        rows = await self._db.fetchall(
            "SELECT id FROM resources WHERE category_id = ? AND hidden = 0"
            " ORDER BY position, id LIMIT ? OFFSET ?",
            (category_id, limit, offset),
        )
        return [str(row["id"]) for row in rows], int(total or 0)

    async def resources(self, ids: list[str]) -> dict[str, StoredResource]:
        """The resources with these ids (hidden ones too), by id."""
        if not ids:
            return {}
        rows = await self._db.fetchall(
            "SELECT id, category_id, url, phone, address, requestable, hidden"
            f" FROM resources WHERE id IN ({placeholders(len(ids))})",
            ids,
        )
        return {
            str(row["id"]): StoredResource(
                str(row["id"]),
                str(row["category_id"]),
                row["url"],
                row["phone"],
                row["address"],
                bool(row["requestable"]),
                bool(row["hidden"]),
            )
            for row in rows
        }

    async def resource_texts(self, ids: list[str]) -> dict[str, dict[str, Texts]]:
        """Titles, descriptions and hours per resource and locale."""
        if not ids:
            return {}
        return texts_by_id(
            await self._db.fetchall(
                "SELECT resource_id, locale, title, description, hours FROM resource_texts"
                f" WHERE resource_id IN ({placeholders(len(ids))})",
                ids,
            ),
            "resource_id",
            ("title", "description", "hours"),
        )

    async def resource_tags(self, ids: list[str]) -> dict[str, dict[str, Texts]]:
        """Each resource's tags in order, with their labels per locale."""
        found: dict[str, dict[str, Texts]] = {}
        if not ids:
            return found
        for row in await self._db.fetchall(
            "SELECT rt.resource_id, rt.tag_id, tt.locale, tt.label FROM resource_tags rt"
            " LEFT JOIN tag_texts tt ON tt.tag_id = rt.tag_id"
            f" WHERE rt.resource_id IN ({placeholders(len(ids))})"
            " ORDER BY rt.resource_id, rt.position",
            ids,
        ):
            labels = found.setdefault(str(row["resource_id"]), {})
            per_tag = labels.setdefault(str(row["tag_id"]), {})
            if row["locale"] is not None:
                per_tag[str(row["locale"])] = str(row["label"])
        return found

    async def safety(self) -> SafetyDoc | None:
        """The stored safety section, or ``None`` if nothing was ever imported."""
        return await read_safety(self._db.conn)

    async def state(self) -> _State:
        """Everything stored, for export."""
        return await read_state(self._db.conn)

    async def apply(self, doc: CatalogueDoc, now: int) -> ImportReport:
        """Make ``doc`` the catalogue in one transaction."""
        async with self._db.transaction() as conn:
            return await apply_document(conn, doc, now)

    async def safety_rules(
        self,
    ) -> tuple[dict[str, list[str]], dict[str, list[str]], dict[str, list[str]]]:
        """The imported crisis-language rules: keywords, patterns and exclusions per locale."""
        keywords: dict[str, list[str]] = {}
        for row in await self._db.fetchall(
            "SELECT locale, keyword FROM safety_keywords ORDER BY locale, position"
        ):
            keywords.setdefault(str(row["locale"]), []).append(str(row["keyword"]))
        stored: dict[str, dict[str, list[str]]] = {"pattern": {}, "exclusion": {}}
        for row in await self._db.fetchall(
            "SELECT locale, kind, pattern FROM safety_patterns ORDER BY locale, kind, position"
        ):
            kind = stored.get(str(row["kind"]))
            if kind is not None:
                kind.setdefault(str(row["locale"]), []).append(str(row["pattern"]))
        return keywords, stored["pattern"], stored["exclusion"]
