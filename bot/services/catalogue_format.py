"""The catalogue file: the document's shape, reading YAML safely, checking it, writing it.

The format is described in ``docs/resources.md``. Reading refuses anchors and aliases and files
over ``MAX_BYTES``, and checking collects every problem with its path.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Hashable, Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

import yaml

from bot.catalogue_model import (
    FORMAT_VERSION,
    CatalogueDoc,
    CategoryDoc,
    CrisisLineDoc,
    ResourceDoc,
    SafetyDoc,
    TagDoc,
    Texts,
    ordered_texts,
)
from bot.services.safety import MAX_PATTERN_LENGTH, normalize, normalize_pattern, pattern_problem
from bot.settings import SUPPORTED_LOCALES

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
    "CategoryDoc",
    "CrisisLineDoc",
    "ResourceDoc",
    "SafetyDoc",
    "TagDoc",
    "Texts",
    "dump_catalogue",
    "ordered_texts",
    "parse_catalogue",
    "pick_text",
]

MAX_BYTES = 1_048_576
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
    "pattern": MAX_PATTERN_LENGTH,
    "url": 2000,
}
_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,39}")
_PHONE = re.compile(r"\+?[0-9 ()\-]+")
_HOST_LABEL = re.compile(r"(?!-)[\w-]{1,63}(?<!-)")

# --- reading YAML safely ------------------------------------------------------------------------


class _Loader(_BaseLoader):
    """The safe loader, noting keys that appear twice in one mapping."""

    def __init__(self, stream: bytes) -> None:
        super().__init__(stream)
        self.duplicate_keys: list[str] = []

    def construct_yaml_int(self, node: yaml.ScalarNode) -> Any:
        """Numbers longer than any sensible value stay text (and are reported as such)."""
        if len(str(node.value)) > 30:
            return str(node.value)
        return super().construct_yaml_int(node)

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


_Loader.add_constructor("tag:yaml.org,2002:int", _Loader.construct_yaml_int)


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
        return ordered_texts(found)

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

    def per_locale(
        self, value: Any, path: str, default_required: bool = True
    ) -> dict[str, list[Any]]:
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
        if default_required:
            self.default_list(value, path)
        return {locale: found[locale] for locale in SUPPORTED_LOCALES if locale in found}

    def default_list(self, value: dict[Any, Any], path: str) -> None:
        if value.get(self.default) is None:
            self.add(
                _join(path, self.default),
                f"missing: a list for the default locale ({self.default}) is required",
            )
        elif isinstance(value[self.default], list) and not value[self.default]:
            self.add(_join(path, self.default), "must not be empty")

    def safety(self, value: Any, path: str) -> SafetyDoc | None:
        item = self.mapping(
            value, path, ("message", "crisis_lines", "keywords"), ("patterns", "not_crisis")
        )
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
        patterns = self.rule_lists(item.get("patterns"), _join(path, "patterns"))
        exclusions = self.rule_lists(item.get("not_crisis"), _join(path, "not_crisis"))
        return SafetyDoc(message, lines, keywords, patterns, exclusions)

    def rule_lists(self, value: Any, path: str) -> dict[str, tuple[str, ...]]:
        found: dict[str, tuple[str, ...]] = {}
        for locale, entries in self.per_locale(value, path, default_required=False).items():
            rules = self.patterns(entries, f"{path}.{locale}")
            if rules:
                found[locale] = tuple(rules)
        return found

    def patterns(self, entries: list[Any], path: str) -> list[str]:
        found: list[str] = []
        seen: dict[str, str] = {}
        for index, entry in enumerate(entries):
            entry_path = f"{path}[{index}]"
            pattern = self.text(entry, entry_path, "pattern")
            if pattern is None:
                continue
            problem = pattern_problem(pattern)
            folded = normalize_pattern(pattern)
            if problem is not None:
                self.add(entry_path, problem)
            elif folded in seen:
                self.add(entry_path, f"duplicate of {seen[folded]}")
            else:
                seen[folded] = entry_path
                found.append(pattern)
        return found

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


def dump_catalogue(data: Mapping[str, Any]) -> bytes:
    """Write catalogue data as YAML text."""
    return _dump(data)


def pick_text(texts: Mapping[str, str], locale: str, default: str) -> str | None:
    """Return the text for ``locale``, else the default locale's, else any."""
    for each in (locale, default, *SUPPORTED_LOCALES):
        if each in texts:
            return texts[each]
    return next(iter(texts.values()), None)
