"""What the chat shows of the catalogue, and what an import reports."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["CategoryView", "CrisisLineView", "ImportReport", "ResourceView", "SafetyView"]

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
