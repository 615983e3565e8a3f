"""The resource catalogue as data: the file's document, and the views read from storage.

Pure data shared by the file format (``bot/services/catalogue_format.py``), storage
(``bot/storage/catalogue.py``) and the catalogue service; nothing here reads or writes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from bot.settings import SUPPORTED_LOCALES

__all__ = [
    "FORMAT_VERSION",
    "CatalogueDoc",
    "CategoryDoc",
    "CategoryView",
    "CrisisLineDoc",
    "CrisisLineView",
    "ImportReport",
    "ResourceDoc",
    "ResourceView",
    "SafetyDoc",
    "SafetyGap",
    "SafetyView",
    "TagDoc",
    "Texts",
    "ordered_texts",
]

FORMAT_VERSION = 1
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
    """Per-locale message, crisis lines and crisis-language rules (docs/safety.md)."""

    message: Texts
    crisis_lines: dict[str, tuple[CrisisLineDoc, ...]]
    keywords: dict[str, tuple[str, ...]]
    patterns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    exclusions: dict[str, tuple[str, ...]] = field(default_factory=dict)


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
            for key, rules in (
                ("patterns", self.safety.patterns),
                ("not_crisis", self.safety.exclusions),
            ):
                if rules:
                    data["safety"][key] = {locale: list(each) for locale, each in rules.items()}
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


def ordered_texts(texts: Mapping[str, str]) -> Texts:
    """Return ``texts`` in the order of SUPPORTED_LOCALES (unknown locales last)."""
    known = {locale: texts[locale] for locale in SUPPORTED_LOCALES if locale in texts}
    return known | {locale: text for locale, text in texts.items() if locale not in known}


# --- views of what is stored ----------------------------------------------------------------


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
class SafetyGap:
    """A supported language whose crisis lines are missing or the example's fictional ones."""

    locale: str  # "" when nothing was ever imported
    kind: str  # "nothing", "missing" or "example"

    def describe(self) -> str:
        """One plain-English line for logs and the command line."""
        if self.kind == "nothing":
            return "no crisis lines imported yet; import real local lines before inviting clients"
        if self.kind == "missing":
            return f"{self.locale}: no crisis lines; its readers see the default language's lines"
        return f"{self.locale}: crisis lines use the example's fictional numbers; replace them"


@dataclass(frozen=True)
class ImportReport:
    """The outcome of an import: the problems, or what was added, changed and removed."""

    ok: bool
    problems: list[str] = field(default_factory=list)
    safety_gaps: list[SafetyGap] = field(default_factory=list)
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
