"""The resource catalogue and the safety information: one YAML file in, views out.

The file format is described in ``docs/resources.md``. Ids in the file are the stable keys in the
database; a resource or category left out of a new file is hidden, never deleted, so requests
that refer to it keep their meaning.
"""

from __future__ import annotations

import asyncio
import ipaddress
import re
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import aiosqlite
import yaml

from bot.clock import Clock
from bot.services.safety import SafetyMatcher, normalize
from bot.settings import SUPPORTED_LOCALES
from bot.storage import Database

try:
    from yaml import CSafeDumper as _BaseDumper
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeDumper as _BaseDumper  # type: ignore[assignment]
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

__all__ = [
    "FORMAT_VERSION",
    "MAX_BYTES",
    "CatalogueDoc",
    "CatalogueService",
    "CategoryDoc",
    "CategoryView",
    "CrisisLineDoc",
    "CrisisLineView",
    "ImportReport",
    "ResourceDoc",
    "ResourceView",
    "SafetyDoc",
    "SafetyView",
    "TagDoc",
    "parse_catalogue",
]

MAX_BYTES = 1_048_576
FORMAT_VERSION = 1
_MAX_DEPTH = 20
_MAX_MARKUP_PROBLEMS = 20

# Longest text per field, in characters.
_LIMITS = {
    "name": 80,
    "title": 150,
    "description": 1500,
    "hours": 300,
    "address": 300,
    "phone": 40,
    "label": 40,
    "line_name": 150,
    "message": 2000,
    "keyword": 100,
    "url": 2000,
}
_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,39}")
_PHONE = re.compile(r"\+?[0-9 ()\-]+")
_HOST_LABEL = re.compile(r"(?!-)[\w-]{1,63}(?<!-)")

Texts = dict[str, str]


# --- the document -------------------------------------------------------------------------------


@dataclass(frozen=True)
class TagDoc:
    """A tag that resources may carry, with its label per locale."""

    id: str
    label: Texts


@dataclass(frozen=True)
class ResourceDoc:
    """One resource as written in the file (its order is its place in the list)."""

    id: str
    title: Texts
    description: Texts = field(default_factory=dict)
    url: str | None = None
    phone: str | None = None
    address: str | None = None
    hours: Texts = field(default_factory=dict)
    tags: tuple[str, ...] = ()
    requestable: bool = True


@dataclass(frozen=True)
class CategoryDoc:
    """One category and its resources, in order."""

    id: str
    name: Texts
    description: Texts = field(default_factory=dict)
    resources: tuple[ResourceDoc, ...] = ()


@dataclass(frozen=True)
class CrisisLineDoc:
    """A crisis line shown to people who read one locale."""

    name: str
    phone: str | None = None
    url: str | None = None
    hours: str | None = None


@dataclass(frozen=True)
class SafetyDoc:
    """Per-locale message, crisis lines and keywords."""

    message: Texts
    crisis_lines: dict[str, tuple[CrisisLineDoc, ...]]
    keywords: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class CatalogueDoc:
    """The whole file: tags, categories with resources, and the safety section."""

    tags: tuple[TagDoc, ...]
    categories: tuple[CategoryDoc, ...]
    safety: SafetyDoc | None

    def to_data(self) -> dict[str, Any]:
        """Return the plain structure that is written as YAML."""
        data: dict[str, Any] = {"version": FORMAT_VERSION}
        if self.tags:
            data["tags"] = {tag.id: dict(tag.label) for tag in self.tags}
        data["categories"] = [_category_data(category) for category in self.categories]
        if self.safety is not None:
            data["safety"] = {
                "message": dict(self.safety.message),
                "crisis_lines": {
                    locale: [_drop_none(vars(line)) for line in lines]
                    for locale, lines in self.safety.crisis_lines.items()
                },
                "keywords": {locale: list(words) for locale, words in self.safety.keywords.items()},
            }
        return data


def _drop_none(values: Mapping[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if value is not None and value != {}}


def _category_data(category: CategoryDoc) -> dict[str, Any]:
    data = _drop_none(
        {"id": category.id, "name": category.name, "description": category.description}
    )
    data["resources"] = [_resource_data(resource) for resource in category.resources]
    return data


def _resource_data(resource: ResourceDoc) -> dict[str, Any]:
    data = _drop_none(
        {
            "id": resource.id,
            "title": resource.title,
            "description": resource.description,
            "url": resource.url,
            "phone": resource.phone,
            "address": resource.address,
            "hours": resource.hours,
        }
    )
    if resource.tags:
        data["tags"] = list(resource.tags)
    data["requestable"] = resource.requestable
    return data


# --- views for the chat -------------------------------------------------------------------------


@dataclass(frozen=True)
class CategoryView:
    """A visible category in one locale."""

    id: str
    name: str
    description: str | None
    resource_count: int


@dataclass(frozen=True)
class ResourceView:
    """A resource in one locale; ``hidden`` is true once an import removed it."""

    id: str
    category_id: str
    title: str
    description: str | None
    url: str | None
    phone: str | None
    address: str | None
    hours: str | None
    tags: tuple[str, ...]
    requestable: bool
    hidden: bool


@dataclass(frozen=True)
class CrisisLineView:
    """A crisis line to show."""

    name: str
    phone: str | None
    url: str | None
    hours: str | None


@dataclass(frozen=True)
class SafetyView:
    """What to show when crisis language is detected; ``message`` is None before any import."""

    message: str | None
    crisis_lines: tuple[CrisisLineView, ...]


@dataclass(frozen=True)
class ImportReport:
    """The outcome of an import: the problems, or what was added, changed and removed."""

    ok: bool
    problems: list[str] = field(default_factory=list)
    categories_added: list[str] = field(default_factory=list)
    categories_changed: list[str] = field(default_factory=list)
    categories_removed: list[str] = field(default_factory=list)
    resources_added: list[str] = field(default_factory=list)
    resources_changed: list[str] = field(default_factory=list)
    resources_removed: list[str] = field(default_factory=list)
    tags_changed: bool = False
    reordered: bool = False
    safety_changed: bool = False

    @property
    def changed(self) -> bool:
        """Say whether the import changed anything at all."""
        return bool(
            self.categories_added
            or self.categories_changed
            or self.categories_removed
            or self.resources_added
            or self.resources_changed
            or self.resources_removed
            or self.tags_changed
            or self.reordered
            or self.safety_changed
        )


# --- reading YAML safely ------------------------------------------------------------------------


class _Loader(_BaseLoader):
    """The safe loader, noting keys that appear twice in one mapping."""

    def __init__(self, stream: bytes) -> None:
        super().__init__(stream)
        self.duplicate_keys: list[str] = []

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Hashable, Any]:
        seen: set[tuple[str, str]] = set()
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                key = (key_node.tag, key_node.value)
                if key in seen:
                    self.duplicate_keys.append(
                        f"{_where(key_node.start_mark)}: duplicate key {key_node.value!r}"
                        " (each key may appear once in a mapping)"
                    )
                seen.add(key)
        return super().construct_mapping(node, deep)


def _where(mark: Any) -> str:
    if mark is None:
        return "file"
    return f"line {mark.line + 1}, column {mark.column + 1}"


def _yaml_error(error: yaml.YAMLError) -> str:
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        detail = error.problem or error.context or "syntax error"
        return f"{_where(mark)}: not valid YAML: {detail}"
    if isinstance(error, yaml.reader.ReaderError):
        return f"file: not valid text (UTF-8 expected) at byte {error.position}"
    return f"file: not valid YAML: {error}"


def _scan_markup(data: bytes) -> list[str]:
    """Reject anchors, aliases and deep nesting before anything is built from the events."""
    problems: list[str] = []
    depth = 0
    try:
        for event in yaml.parse(data, Loader=_BaseLoader):
            anchor = getattr(event, "anchor", None)
            if isinstance(event, yaml.AliasEvent):
                problems.append(
                    f"{_where(event.start_mark)}: alias *{anchor} is not allowed"
                    " (anchors and aliases, &name and *name, are not accepted)"
                )
            elif anchor is not None:
                problems.append(
                    f"{_where(event.start_mark)}: anchor &{anchor} is not allowed"
                    " (anchors and aliases, &name and *name, are not accepted)"
                )
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > _MAX_DEPTH:
                    problems.append(
                        f"{_where(event.start_mark)}: nested deeper than {_MAX_DEPTH} levels"
                    )
                    break
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError as error:
        problems.append(_yaml_error(error))
    if len(problems) > _MAX_MARKUP_PROBLEMS:
        more = len(problems) - _MAX_MARKUP_PROBLEMS
        problems = [*problems[:_MAX_MARKUP_PROBLEMS], f"file: and {more} more like these"]
    return problems


def parse_catalogue(
    data: bytes, default_locale: str = "en"
) -> tuple[CatalogueDoc | None, list[str]]:
    """Read and check a catalogue file; return the document or every problem found."""
    if len(data) > MAX_BYTES:
        return None, [f"file: {len(data)} bytes is over the 1 MB limit ({MAX_BYTES} bytes)"]
    problems = _scan_markup(data)
    if problems:
        return None, problems
    loader = _Loader(data)
    try:
        raw = loader.get_single_data()
    except yaml.YAMLError as error:
        return None, [_yaml_error(error)]
    finally:
        loader.dispose()
    validator = _Validator(default_locale)
    doc = validator.document(raw)
    problems = loader.duplicate_keys + validator.problems
    return (None if problems else doc), problems


# --- checking the structure ---------------------------------------------------------------------


def _join(path: str, key: object) -> str:
    return f"{path}.{key}" if path else str(key)


def _valid_url(text: str) -> bool:
    if any(char.isspace() for char in text):
        return False
    try:
        parts = urlsplit(text)
        _ = parts.port
    except ValueError:
        return False
    host = parts.hostname
    if parts.scheme not in ("http", "https") or not host or parts.username is not None:
        return False
    try:
        ipaddress.ip_address(host)
    except ValueError:
        labels = host.split(".")
        return len(labels) >= 2 and all(_HOST_LABEL.fullmatch(label) for label in labels)
    return True


def _valid_phone(text: str) -> bool:
    digits = sum(char in "0123456789" for char in text)
    return _PHONE.fullmatch(text) is not None and 3 <= digits <= 20


def _ordered(texts: Mapping[str, str]) -> Texts:
    """Return ``texts`` in the order of SUPPORTED_LOCALES (unknown locales last)."""
    known = {locale: texts[locale] for locale in SUPPORTED_LOCALES if locale in texts}
    return known | {locale: text for locale, text in texts.items() if locale not in known}


class _Validator:
    """Walks the loaded structure, collecting every problem with its path."""

    def __init__(self, default_locale: str) -> None:
        self.default = default_locale
        self.problems: list[str] = []
        self.tag_ids: set[str] = set()

    def add(self, path: str, message: str) -> None:
        self.problems.append(f"{path or 'document'}: {message}")

    def mapping(
        self, value: Any, path: str, required: Sequence[str], optional: Sequence[str]
    ) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.add(path, "must be a mapping (key: value lines)")
            return None
        for key in value:
            if key not in required and key not in optional:
                known = ", ".join([*required, *optional])
                self.add(_join(path, key), f"unknown field (expected: {known})")
        for key in required:
            if value.get(key) is None:
                self.add(_join(path, key), "required")
        return {str(key): item for key, item in value.items()}

    def listing(self, value: Any, path: str) -> list[Any]:
        if value is None:
            return []
        if not isinstance(value, list):
            self.add(path, "must be a list")
            return []
        return value

    def text(self, value: Any, path: str, limit: str) -> str | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, str):
            hint = "; put it in quotes" if isinstance(value, int | float | bool) else ""
            self.add(path, f"must be text{hint}")
            return None
        if not value.strip():
            self.add(path, "must not be empty")
            return None
        if len(value) > _LIMITS[limit]:
            self.add(path, f"too long ({len(value)} characters; at most {_LIMITS[limit]})")
            return None
        return value

    def texts(self, value: Any, path: str, limit: str, required: bool) -> Texts:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.add(path, "must be a mapping of language to text, e.g. {en: ..., es: ...}")
            return {}
        found: Texts = {}
        for locale, item in value.items():
            if locale not in SUPPORTED_LOCALES:
                self.add(
                    _join(path, locale),
                    f"unknown locale (supported: {', '.join(SUPPORTED_LOCALES)})",
                )
                continue
            text = self.text(item, _join(path, locale), limit)
            if text is not None:
                found[str(locale)] = text
        if self.default not in value and (required or value):
            self.add(
                _join(path, self.default),
                f"missing: text in the default locale ({self.default}) is required",
            )
        return _ordered(found)

    def ident(self, value: Any, path: str, seen: dict[str, str]) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str) or not _ID.fullmatch(value):
            self.add(
                path,
                "not a valid id: 1-40 lowercase letters, digits, '-' or '_',"
                " starting with a letter or digit",
            )
            return None
        if value in seen:
            self.add(path, f"duplicate id {value!r} (first used at {seen[value]})")
            return None
        seen[value] = path
        return value

    def url(self, value: Any, path: str) -> str | None:
        text = self.text(value, path, "url")
        if text is not None and not _valid_url(text):
            self.add(path, "not a valid URL (http:// or https:// and a host name)")
            return None
        return text

    def phone(self, value: Any, path: str) -> str | None:
        if isinstance(value, int) and not isinstance(value, bool):
            self.add(path, 'must be text; put the number in quotes, e.g. "0808 157 0000"')
            return None
        text = self.text(value, path, "phone")
        if text is not None and not _valid_phone(text):
            self.add(
                path,
                "not a valid phone number (digits, spaces, +, -, parentheses; 3-20 digits)",
            )
            return None
        return text

    def document(self, raw: Any) -> CatalogueDoc | None:
        if raw is None:
            self.add("document", "the file is empty; expected categories and safety")
            return None
        root = self.mapping(raw, "", ("categories", "safety"), ("version", "tags"))
        if root is None:
            return None
        version = root.get("version")
        if version is not None and (isinstance(version, bool) or version != FORMAT_VERSION):
            self.add("version", f"must be {FORMAT_VERSION}")
        tags = self.tags(root.get("tags"))
        category_ids: dict[str, str] = {}
        resource_ids: dict[str, str] = {}
        categories = []
        for index, item in enumerate(self.listing(root.get("categories"), "categories")):
            category = self.category(item, f"categories[{index}]", category_ids, resource_ids)
            if category is not None:
                categories.append(category)
        safety = self.safety(root.get("safety"), "safety") if "safety" in root else None
        return CatalogueDoc(tags=tuple(tags), categories=tuple(categories), safety=safety)

    def tags(self, value: Any) -> list[TagDoc]:
        if value is None:
            return []
        if not isinstance(value, dict):
            self.add("tags", "must be a mapping of tag id to its labels")
            return []
        found = []
        seen: dict[str, str] = {}
        for key, labels in value.items():
            path = _join("tags", key)
            tag_id = self.ident(key, path, seen)
            if tag_id is not None:
                self.tag_ids.add(tag_id)  # known even if its labels are wrong: one problem, not two
            if labels is None:
                self.add(path, "required: the tag's label per locale")
                continue
            label = self.texts(labels, path, "label", required=True)
            if tag_id is not None:
                found.append(TagDoc(tag_id, label))
        return found

    def category(
        self, value: Any, path: str, category_ids: dict[str, str], resource_ids: dict[str, str]
    ) -> CategoryDoc | None:
        item = self.mapping(value, path, ("id", "name"), ("description", "resources"))
        if item is None:
            return None
        category_id = self.ident(item.get("id"), _join(path, "id"), category_ids)
        name = self.texts(item.get("name"), _join(path, "name"), "name", required=True)
        description = self.texts(
            item.get("description"), _join(path, "description"), "description", required=False
        )
        resources = []
        listed = self.listing(item.get("resources"), _join(path, "resources"))
        for index, entry in enumerate(listed):
            resource = self.resource(entry, f"{path}.resources[{index}]", resource_ids)
            if resource is not None:
                resources.append(resource)
        if category_id is None:
            return None
        return CategoryDoc(category_id, name, description, tuple(resources))

    def resource(self, value: Any, path: str, resource_ids: dict[str, str]) -> ResourceDoc | None:
        item = self.mapping(
            value,
            path,
            ("id", "title"),
            ("description", "url", "phone", "address", "hours", "tags", "requestable"),
        )
        if item is None:
            return None
        resource_id = self.ident(item.get("id"), _join(path, "id"), resource_ids)
        title = self.texts(item.get("title"), _join(path, "title"), "title", required=True)
        description = self.texts(
            item.get("description"), _join(path, "description"), "description", required=False
        )
        url = self.url(item.get("url"), _join(path, "url"))
        phone = self.phone(item.get("phone"), _join(path, "phone"))
        address = self.text(item.get("address"), _join(path, "address"), "address")
        hours = self.texts(item.get("hours"), _join(path, "hours"), "hours", required=False)
        tags: list[str] = []
        for index, tag in enumerate(self.listing(item.get("tags"), _join(path, "tags"))):
            tag_path = f"{path}.tags[{index}]"
            if not isinstance(tag, str) or tag not in self.tag_ids:
                self.add(tag_path, f"unknown tag {tag!r} (define it under tags)")
            elif tag in tags:
                self.add(tag_path, f"tag {tag!r} is listed twice")
            else:
                tags.append(tag)
        requestable = item.get("requestable", True)
        if not isinstance(requestable, bool):
            self.add(_join(path, "requestable"), "must be true or false")
            requestable = True
        if resource_id is None:
            return None
        return ResourceDoc(
            resource_id, title, description, url, phone, address, hours, tuple(tags), requestable
        )

    def per_locale(self, value: Any, path: str) -> dict[str, list[Any]]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.add(path, "must be a mapping of language to a list")
            return {}
        found: dict[str, list[Any]] = {}
        for locale, items in value.items():
            if locale not in SUPPORTED_LOCALES:
                self.add(
                    _join(path, locale),
                    f"unknown locale (supported: {', '.join(SUPPORTED_LOCALES)})",
                )
                continue
            found[str(locale)] = self.listing(items, _join(path, locale))
        if value.get(self.default) is None:
            self.add(
                _join(path, self.default),
                f"missing: a list for the default locale ({self.default}) is required",
            )
        elif isinstance(value[self.default], list) and not value[self.default]:
            self.add(_join(path, self.default), "must not be empty")
        return {locale: found[locale] for locale in SUPPORTED_LOCALES if locale in found}

    def safety(self, value: Any, path: str) -> SafetyDoc | None:
        item = self.mapping(value, path, ("message", "crisis_lines", "keywords"), ())
        if item is None:
            return None
        message = self.texts(item.get("message"), _join(path, "message"), "message", True)
        lines: dict[str, tuple[CrisisLineDoc, ...]] = {}
        lines_path = _join(path, "crisis_lines")
        for locale, entries in self.per_locale(item.get("crisis_lines"), lines_path).items():
            found = []
            for index, entry in enumerate(entries):
                line = self.crisis_line(entry, f"{lines_path}.{locale}[{index}]")
                if line is not None:
                    found.append(line)
            lines[locale] = tuple(found)
        keywords: dict[str, tuple[str, ...]] = {}
        words_path = _join(path, "keywords")
        for locale, entries in self.per_locale(item.get("keywords"), words_path).items():
            keywords[locale] = tuple(self.keywords(entries, f"{words_path}.{locale}"))
        return SafetyDoc(message, lines, keywords)

    def crisis_line(self, value: Any, path: str) -> CrisisLineDoc | None:
        item = self.mapping(value, path, ("name",), ("phone", "url", "hours"))
        if item is None:
            return None
        name = self.text(item.get("name"), _join(path, "name"), "line_name")
        phone = self.phone(item.get("phone"), _join(path, "phone"))
        url = self.url(item.get("url"), _join(path, "url"))
        hours = self.text(item.get("hours"), _join(path, "hours"), "hours")
        if item.get("phone") is None and item.get("url") is None:
            self.add(path, "needs a phone or a url")
        if name is None:
            return None
        return CrisisLineDoc(name, phone, url, hours)

    def keywords(self, entries: list[Any], path: str) -> list[str]:
        found: list[str] = []
        seen: dict[str, str] = {}
        for index, entry in enumerate(entries):
            entry_path = f"{path}[{index}]"
            keyword = self.text(entry, entry_path, "keyword")
            if keyword is None:
                continue
            folded = " ".join(normalize(keyword).split())
            if not any(char.isalnum() for char in folded):
                self.add(entry_path, "must contain a letter or digit")
            elif folded in seen:
                self.add(entry_path, f"duplicate of {seen[folded]}")
            else:
                seen[folded] = entry_path
                found.append(keyword)
        return found


# --- writing YAML -------------------------------------------------------------------------------


class _Dumper(_BaseDumper):
    """The safe dumper, writing multi-line text as literal blocks."""


def _represent_text(dumper: _Dumper, text: str) -> yaml.ScalarNode:
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _represent_text)


def _dump(data: Mapping[str, Any]) -> bytes:
    text = yaml.dump(dict(data), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    return text.encode("utf-8")


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


def _texts_by_id(
    rows: Iterable[aiosqlite.Row], key: str, fields: Sequence[str]
) -> dict[str, dict[str, Texts]]:
    """Group text rows into ``{id: {field: {locale: text}}}``."""
    grouped: dict[str, dict[str, Texts]] = {}
    for row in rows:
        per_field = grouped.setdefault(str(row[key]), {name: {} for name in fields})
        for name in fields:
            if row[name] is not None:
                per_field[name][str(row["locale"])] = str(row[name])
    return {
        item: {name: _ordered(texts) for name, texts in per_field.items()}
        for item, per_field in grouped.items()
    }


async def _read_state(conn: aiosqlite.Connection) -> _State:
    """Read the whole stored catalogue, hidden rows included."""
    empty: dict[str, Texts] = {"name": {}, "description": {}, "title": {}, "hours": {}}
    category_texts = _texts_by_id(
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
    resource_texts = _texts_by_id(
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
    tag_texts = _texts_by_id(
        await conn.execute_fetchall("SELECT tag_id, locale, label FROM tag_texts"),
        "tag_id",
        ("label",),
    )
    tags = tuple(
        TagDoc(str(row["id"]), tag_texts.get(row["id"], {"label": {}})["label"])
        for row in await conn.execute_fetchall("SELECT id FROM tags ORDER BY position, id")
    )
    return _State(categories, resources, tags, await _read_safety(conn))


async def _read_safety(conn: aiosqlite.Connection) -> SafetyDoc | None:
    """Read the stored safety section, or ``None`` if nothing was ever imported."""
    message = _ordered(
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
    return SafetyDoc(
        message,
        {locale: tuple(lines[locale]) for locale in SUPPORTED_LOCALES if locale in lines},
        {locale: tuple(keywords[locale]) for locale in SUPPORTED_LOCALES if locale in keywords},
    )


def _text_rows(item_id: str, fields: Mapping[str, Texts]) -> list[tuple[Any, ...]]:
    """Return one ``(id, locale, field values...)`` row per locale that has any text."""
    locales = _ordered(dict.fromkeys([locale for texts in fields.values() for locale in texts], ""))
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


async def _apply(conn: aiosqlite.Connection, doc: CatalogueDoc, now: int) -> ImportReport:
    """Bring the stored catalogue in line with ``doc``; the caller holds the transaction."""
    state = await _read_state(conn)
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


async def _write_safety(conn: aiosqlite.Connection, safety: SafetyDoc) -> None:
    """Replace the stored safety section."""
    for table in ("safety_messages", "crisis_lines", "safety_keywords"):
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


def _pick(texts: Mapping[str, str], locale: str, default: str) -> str | None:
    """Return the text for ``locale``, else the default locale's, else any."""
    for each in (locale, default, *SUPPORTED_LOCALES):
        if each in texts:
            return texts[each]
    return next(iter(texts.values()), None)


def _marks(count: int) -> str:
    return ", ".join("?" * count)


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
        async with self._db.transaction() as conn:
            report = await _apply(conn, doc, self._clock.now())
        if self._matcher is not None:
            await self._matcher.load(self._db)
        return report

    async def document(self) -> CatalogueDoc:
        """Return the visible catalogue and the safety section as a document."""
        state = await _read_state(self._db.conn)
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
        return await asyncio.to_thread(_dump, doc.to_data())

    async def categories(self, locale: str) -> list[CategoryView]:
        """Return the visible categories in order, with their visible resource counts."""
        rows = await self._db.fetchall(
            "SELECT c.id, COUNT(r.id) AS resource_count FROM categories c"
            " LEFT JOIN resources r ON r.category_id = c.id AND r.hidden = 0"
            " WHERE c.hidden = 0 GROUP BY c.id, c.position ORDER BY c.position, c.id"
        )
        if not rows:
            return []
        ids = [str(row["id"]) for row in rows]
        texts = _texts_by_id(
            await self._db.fetchall(
                "SELECT category_id, locale, name, description FROM category_texts"
                f" WHERE category_id IN ({_marks(len(ids))})",
                ids,
            ),
            "category_id",
            ("name", "description"),
        )
        views = []
        for row in rows:
            found = texts.get(str(row["id"]), {"name": {}, "description": {}})
            views.append(
                CategoryView(
                    id=str(row["id"]),
                    name=_pick(found["name"], locale, self.default_locale) or str(row["id"]),
                    description=_pick(found["description"], locale, self.default_locale),
                    resource_count=int(row["resource_count"]),
                )
            )
        return views

    async def resources(
        self, category_id: str, locale: str, page: int, page_size: int = 6
    ) -> tuple[list[ResourceView], int]:
        """Return one page (counted from 0) of a category's visible resources, and the total."""
        if page < 0 or page_size < 1:
            raise ValueError("page must be >= 0 and page_size >= 1")
        total = int(
            await self._db.fetchval(
                "SELECT COUNT(*) FROM resources WHERE category_id = ? AND hidden = 0",
                (category_id,),
            )
        )
        rows = await self._db.fetchall(
            "SELECT id FROM resources WHERE category_id = ? AND hidden = 0"
            " ORDER BY position, id LIMIT ? OFFSET ?",
            (category_id, page_size, page * page_size),
        )
        views = await self._views([str(row["id"]) for row in rows], locale)
        return views, total

    async def resource(self, resource_id: str, locale: str) -> ResourceView | None:
        """Return one resource by id, hidden or not, or ``None`` if it never existed."""
        views = await self._views([resource_id], locale)
        return views[0] if views else None

    async def _views(self, ids: list[str], locale: str) -> list[ResourceView]:
        """Build localised views of the given resources, in the given order."""
        if not ids:
            return []
        marks = _marks(len(ids))
        rows = {
            str(row["id"]): row
            for row in await self._db.fetchall(
                "SELECT id, category_id, url, phone, address, requestable, hidden"
                f" FROM resources WHERE id IN ({marks})",
                ids,
            )
        }
        texts = _texts_by_id(
            await self._db.fetchall(
                "SELECT resource_id, locale, title, description, hours FROM resource_texts"
                f" WHERE resource_id IN ({marks})",
                ids,
            ),
            "resource_id",
            ("title", "description", "hours"),
        )
        tag_rows = await self._db.fetchall(
            "SELECT rt.resource_id, rt.tag_id, tt.locale, tt.label FROM resource_tags rt"
            " LEFT JOIN tag_texts tt ON tt.tag_id = rt.tag_id"
            f" WHERE rt.resource_id IN ({marks})"
            " ORDER BY rt.resource_id, rt.position",
            ids,
        )
        tag_labels: dict[str, dict[str, Texts]] = {}
        for row in tag_rows:
            labels = tag_labels.setdefault(str(row["resource_id"]), {})
            per_tag = labels.setdefault(str(row["tag_id"]), {})
            if row["locale"] is not None:
                per_tag[str(row["locale"])] = str(row["label"])
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
                    category_id=str(row["category_id"]),
                    title=_pick(found["title"], locale, self.default_locale) or resource_id,
                    description=_pick(found["description"], locale, self.default_locale),
                    url=row["url"],
                    phone=row["phone"],
                    address=row["address"],
                    hours=_pick(found["hours"], locale, self.default_locale),
                    tags=tuple(
                        _pick(labels, locale, self.default_locale) or tag
                        for tag, labels in tags.items()
                    ),
                    requestable=bool(row["requestable"]),
                    hidden=bool(row["hidden"]),
                )
            )
        return views

    async def safety(self, locale: str) -> SafetyView:
        """Return the safety message and crisis lines for ``locale`` (or the default locale)."""
        safety = await _read_safety(self._db.conn)
        if safety is None:
            return SafetyView(message=None, crisis_lines=())
        lines = safety.crisis_lines.get(locale) or safety.crisis_lines.get(self.default_locale)
        if lines is None:
            lines = next(iter(safety.crisis_lines.values()), ())
        return SafetyView(
            message=_pick(safety.message, locale, self.default_locale),
            crisis_lines=tuple(
                CrisisLineView(line.name, line.phone, line.url, line.hours) for line in lines
            ),
        )
