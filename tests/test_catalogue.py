"""The resource catalogue: the example file, round trips, rejected files, hiding, fallback, CLI."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.cli import main
from bot.clock import ManualClock
from bot.safety_defaults import DEFAULT_EXCLUSIONS, DEFAULT_KEYWORDS, DEFAULT_PATTERNS
from bot.services.catalogue import MAX_BYTES, CatalogueService
from bot.services.safety import SafetyMatcher
from bot.settings import SUPPORTED_LOCALES
from bot.storage import Database

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "resources.yaml"
TABLES = (
    "categories",
    "category_texts",
    "resources",
    "resource_texts",
    "tags",
    "tag_texts",
    "resource_tags",
    "safety_messages",
    "crisis_lines",
    "safety_keywords",
    "safety_patterns",
)


@pytest.fixture
def db(database: Database) -> Database:
    """A migrated database of its own (on the run's backend)."""
    return database


@pytest.fixture
def service(db: Database, clock: ManualClock) -> CatalogueService:
    """The catalogue service with English as the default locale."""
    return CatalogueService(db, clock, "en")


def small() -> dict[str, Any]:
    """A small valid catalogue as plain data, to change in tests."""
    return {
        "version": 1,
        "tags": {"free": {"en": "Free", "es": "Gratuito"}},
        "categories": [
            {
                "id": "housing",
                "name": {"en": "Housing", "es": "Vivienda"},
                "resources": [
                    {
                        "id": "shelter",
                        "title": {"en": "Night shelter", "es": "Albergue nocturno"},
                        "url": "https://shelter.example.org/beds",
                        "phone": "+44 (1632) 960-000",
                        "tags": ["free"],
                        "requestable": True,
                    },
                    {
                        "id": "advice",
                        "title": {"en": "Housing advice"},
                        "description": {"en": "Free advice on renting."},
                        "hours": {"en": "Mon-Fri 9:00-17:00"},
                        "requestable": False,
                    },
                ],
            },
            {
                "id": "food",
                "name": {"en": "Food"},
                "resources": [{"id": "food-bank", "title": {"en": "Food bank"}}],
            },
        ],
        "safety": {
            "message": {
                "en": "This is not a crisis service.",
                "es": "No es un servicio de crisis.",
            },
            "crisis_lines": {"en": [{"name": "Emergency services", "phone": "112"}]},
            "keywords": {"en": ["kill myself"], "es": ["quiero morir"]},
        },
    }


def dump(data: Any) -> bytes:
    """Write plain data as YAML bytes."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")


async def snapshot(db: Database) -> list[list[tuple[Any, ...]]]:
    """Every row of every catalogue table, to prove nothing changed."""
    tables = []
    for table in TABLES:
        rows = await db.fetchall(f"SELECT * FROM {table}")
        tables.append(sorted(tuple(row) for row in rows))
    return tables


# --- the example file ---------------------------------------------------------------------------


async def test_the_example_imports_with_every_language(service: CatalogueService) -> None:
    report = await service.import_bytes(EXAMPLE.read_bytes())
    assert report.ok, report.problems
    assert len(report.categories_added) >= 6
    assert {"housing", "food", "health", "support-groups", "coping", "money"} <= set(
        report.categories_added
    )
    assert len(report.resources_added) >= 25
    assert report.safety_changed and report.tags_changed
    doc, _ = service.parse(EXAMPLE.read_bytes())
    assert doc is not None and doc.safety is not None
    every = set(SUPPORTED_LOCALES)
    for category in doc.categories:
        assert set(category.name) == every and set(category.description) == every
        for resource in category.resources:
            assert set(resource.title) == every, resource.id
            assert not resource.description or set(resource.description) == every, resource.id
            assert not resource.hours or set(resource.hours) == every, resource.id
    assert set(doc.safety.message) == every
    assert set(doc.safety.crisis_lines) == every
    assert set(doc.safety.keywords) == every
    resources = [r for c in doc.categories for r in c.resources]
    assert any(r.url for r in resources) and any(r.phone for r in resources)
    assert any(r.address for r in resources) and any(r.hours for r in resources)
    assert any(r.requestable for r in resources) and not all(r.requestable for r in resources)
    categories = await service.categories("es")
    assert [c.id for c in categories] == [c.id for c in doc.categories]
    assert categories[0].name == "Vivienda"
    assert sum(c.resource_count for c in categories) == len(resources)


def test_the_example_carries_the_built_in_crisis_rules(service: CatalogueService) -> None:
    doc, problems = service.parse(EXAMPLE.read_bytes())
    assert doc is not None and doc.safety is not None, problems
    assert doc.safety.keywords == DEFAULT_KEYWORDS
    assert doc.safety.patterns == DEFAULT_PATTERNS
    assert doc.safety.exclusions == DEFAULT_EXCLUSIONS


async def test_export_then_import_changes_nothing(service: CatalogueService, db: Database) -> None:
    original = EXAMPLE.read_bytes()
    assert (await service.import_bytes(original)).ok
    exported = await service.export_yaml()
    before = await snapshot(db)
    report = await service.import_bytes(exported)
    assert report.ok and not report.changed, report
    assert await snapshot(db) == before
    assert service.parse(exported)[0] == service.parse(original)[0]
    assert await service.export_yaml() == exported


async def test_round_trip_keeps_optional_fields_and_multiline_text(
    service: CatalogueService,
) -> None:
    data = small()
    data["categories"][0]["description"] = {"en": "Line one\nLine two\n"}
    data["categories"][0]["resources"][1]["address"] = "1 Main St"
    assert (await service.import_bytes(dump(data))).ok
    exported = await service.export_yaml()
    assert service.parse(exported)[0] == service.parse(dump(data))[0]
    assert yaml.safe_load(exported)["categories"][0]["description"]["en"] == "Line one\nLine two\n"


# --- rejected files -----------------------------------------------------------------------------


def _with(change: Callable[[dict[str, Any]], None]) -> bytes:
    data = small()
    change(data)
    return dump(data)


def _resource(data: dict[str, Any], category: int = 0, index: int = 0) -> dict[str, Any]:
    resource: dict[str, Any] = data["categories"][category]["resources"][index]
    return resource


ALIAS_BOMB = b"""\
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
"""

BAD_FILES: dict[str, tuple[bytes, str]] = {
    "not yaml": (b"categories: [unclosed\nsafety: {", "not valid YAML"),
    "not text": (b"\xff\xfe\xfa\x00\x00\xd8", "file: not valid"),
    "empty": (b"", "document: the file is empty"),
    "a list": (b"- just\n- a list\n", "document: must be a mapping"),
    "categories not a list": (
        _with(lambda d: d.update(categories={"housing": "x"})),
        "categories: must be a list",
    ),
    "unknown field": (
        _with(lambda d: _resource(d).update(colour="red")),
        "categories[0].resources[0].colour: unknown field",
    ),
    "missing safety": (_with(lambda d: d.pop("safety")), "safety: required"),
    "unknown locale": (
        _with(lambda d: d["categories"][0]["name"].update(fr="Logement")),
        "categories[0].name.fr: unknown locale",
    ),
    "invalid url": (
        _with(lambda d: _resource(d).update(url="shelter dot org")),
        "categories[0].resources[0].url: not a valid URL",
    ),
    "url without host": (
        _with(lambda d: _resource(d).update(url="https:///beds")),
        "categories[0].resources[0].url: not a valid URL",
    ),
    "ftp url": (
        _with(lambda d: _resource(d).update(url="ftp://shelter.example.org")),
        "categories[0].resources[0].url: not a valid URL",
    ),
    "invalid phone": (
        _with(lambda d: _resource(d).update(phone="call us!")),
        "categories[0].resources[0].phone: not a valid phone number",
    ),
    "phone too short": (
        _with(lambda d: _resource(d).update(phone="12")),
        "categories[0].resources[0].phone: not a valid phone number",
    ),
    "phone as a number": (
        _with(lambda d: _resource(d).update(phone=112)),
        "categories[0].resources[0].phone: must be text; put the number in quotes",
    ),
    "duplicate resource id": (
        _with(lambda d: _resource(d, 1).update(id="shelter")),
        "categories[1].resources[0].id: duplicate id 'shelter'"
        " (first used at categories[0].resources[0].id)",
    ),
    "duplicate category id": (
        _with(lambda d: d["categories"][1].update(id="housing")),
        "categories[1].id: duplicate id 'housing' (first used at categories[0].id)",
    ),
    "missing default-locale title": (
        _with(lambda d: _resource(d).update(title={"es": "Albergue"})),
        "categories[0].resources[0].title.en: missing",
    ),
    "missing default-locale safety message": (
        _with(lambda d: d["safety"].update(message={"es": "No es un servicio de crisis."})),
        "safety.message.en: missing",
    ),
    "crisis line phone": (
        _with(lambda d: d["safety"]["crisis_lines"]["en"][0].update(phone="one one two")),
        "safety.crisis_lines.en[0].phone: not a valid phone number",
    ),
    "unknown tag": (
        _with(lambda d: _resource(d).update(tags=["fre"])),
        "categories[0].resources[0].tags[0]: unknown tag 'fre'",
    ),
    "requestable not a bool": (
        _with(lambda d: _resource(d).update(requestable="sometimes")),
        "categories[0].resources[0].requestable: must be true or false",
    ),
    "bad id": (
        _with(lambda d: _resource(d).update(id="Night Shelter")),
        "categories[0].resources[0].id: not a valid id",
    ),
    "duplicate key": (
        b"version: 1\nversion: 1\n" + _with(lambda d: d.pop("version")),
        "line 2, column 1: duplicate key 'version'",
    ),
    "over 1 MB": (dump(small()) + b"#" * MAX_BYTES + b"\n", "over the 1 MB limit"),
    "alias bomb": (ALIAS_BOMB, "line 1, column 4: anchor &a is not allowed"),
    "one harmless alias": (
        _with(lambda d: d.update(categories=[])) + b"x: &x 1\ny: *x\n",
        "alias *x is not allowed",
    ),
    "deep nesting": (b"[" * 10_000 + b"]" * 10_000, "nested deeper than"),
    "bad pattern": (
        _with(lambda d: d["safety"].update(patterns={"en": ["(unclosed"]})),
        "safety.patterns.en[0]: not a valid regular expression: missing ), unterminated subpattern",
    ),
    "pattern matching everything": (
        _with(lambda d: d["safety"].update(not_crisis={"de": [r"\b"]})),
        "safety.not_crisis.de[0]: matches the empty text",
    ),
    "pattern too long": (
        _with(lambda d: d["safety"].update(patterns={"uk": ["a" * 301]})),
        "safety.patterns.uk[0]: too long (301 characters; at most 300)",
    ),
    "patterns not a list": (
        _with(lambda d: d["safety"].update(patterns={"es": r"\bmorir\b"})),
        "safety.patterns.es: must be a list",
    ),
    "pattern as a number": (
        _with(lambda d: d["safety"].update(patterns={"en": [112]})),
        "safety.patterns.en[0]: must be text",
    ),
    "patterns for an unknown locale": (
        _with(lambda d: d["safety"].update(patterns={"fr": ["mourir"]})),
        "safety.patterns.fr: unknown locale",
    ),
}


@pytest.mark.parametrize("name", list(BAD_FILES))
async def test_a_bad_file_is_rejected_with_its_place_and_changes_nothing(
    service: CatalogueService, db: Database, name: str
) -> None:
    assert (await service.import_bytes(EXAMPLE.read_bytes())).ok
    before = await snapshot(db)
    data, expected = BAD_FILES[name]
    report = await service.import_bytes(data)
    assert not report.ok
    assert any(expected in problem for problem in report.problems), report.problems
    assert not report.changed
    assert await snapshot(db) == before


async def test_a_failure_half_way_leaves_the_catalogue_as_it_was(
    service: CatalogueService, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert (await service.import_bytes(dump(small()))).ok
    before = await snapshot(db)

    async def fail(*_: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr("bot.storage.catalogue._write_safety", fail)
    data = small()
    data["categories"].pop(1)
    _resource(data)["title"]["de"] = "Notunterkunft"
    data["safety"]["keywords"]["en"].append("end my life")
    with pytest.raises(RuntimeError, match="disk full"):
        await service.import_bytes(dump(data))
    assert await snapshot(db) == before


async def test_every_bad_pattern_is_listed_with_its_place(
    service: CatalogueService, db: Database
) -> None:
    data = small()
    data["safety"]["patterns"] = {
        "en": [r"\bwant\W+to\W+die\b", "[unclosed", r"\bWANT\W+to\W+die\b", "z?"],
        "uk": [r"\bхочу\W+померти\b"],
    }
    data["safety"]["not_crisis"] = {"en": [r"\bdying\W+to\b", "(?P<x>a)(?P<x>b)"]}
    report = await service.import_bytes(dump(data))
    assert report.problems == [
        "safety.patterns.en[1]: not a valid regular expression:"
        " unterminated character set at position 0",
        "safety.patterns.en[2]: duplicate of safety.patterns.en[0]",
        "safety.patterns.en[3]: matches the empty text (it would match every message)",
        "safety.not_crisis.en[1]: not a valid regular expression:"
        " redefinition of group name 'x' as group 2; was group 1 at position 12",
    ]
    assert await snapshot(db) == [[] for _ in TABLES]


async def test_crisis_patterns_round_trip_and_are_stored_apart(
    service: CatalogueService, db: Database
) -> None:
    data = small()
    data["safety"]["patterns"] = {"uk": [r"\bхочу\W+померти\b"], "en": [r"\bkms\b", "it's over"]}
    data["safety"]["not_crisis"] = {"es": [r"\bme\W+muero\W+de\W+risa\b"]}
    report = await service.import_bytes(dump(data))
    assert report.ok and report.safety_changed, report.problems
    rows = await db.fetchall("SELECT locale, kind, position, pattern FROM safety_patterns")
    assert sorted(tuple(row) for row in rows) == [
        ("en", "pattern", 0, r"\bkms\b"),
        ("en", "pattern", 1, "it's over"),
        ("es", "exclusion", 0, r"\bme\W+muero\W+de\W+risa\b"),
        ("uk", "pattern", 0, r"\bхочу\W+померти\b"),
    ]
    exported = await service.export_yaml()
    safety = yaml.safe_load(exported)["safety"]
    assert safety["patterns"] == {"en": [r"\bkms\b", "it's over"], "uk": [r"\bхочу\W+померти\b"]}
    assert safety["not_crisis"] == {"es": [r"\bme\W+muero\W+de\W+risa\b"]}
    assert service.parse(exported)[0] == service.parse(dump(data))[0]
    again = await service.import_bytes(exported)
    assert again.ok and not again.changed
    data["safety"].pop("not_crisis")
    report = await service.import_bytes(dump(data))
    assert report.safety_changed
    assert "not_crisis" not in yaml.safe_load(await service.export_yaml())["safety"]
    assert await db.fetchval("SELECT COUNT(*) FROM safety_patterns WHERE kind = 'exclusion'") == 0


async def test_the_alias_bomb_is_listed_briefly(service: CatalogueService) -> None:
    report = await service.import_bytes(ALIAS_BOMB)
    assert 1 < len(report.problems) <= 21
    assert report.problems[-1].startswith("file: and ")


async def test_every_problem_is_listed(service: CatalogueService, db: Database) -> None:
    data = small()
    data["categories"][0]["name"]["xx"] = "?"
    _resource(data)["url"] = "not a url"
    _resource(data, 0, 1)["phone"] = "phone me"
    _resource(data, 1)["id"] = "advice"
    data["safety"]["keywords"]["en"] = ["kill myself", "KILL  myself"]
    report = await service.import_bytes(dump(data))
    assert report.problems == [
        "categories[0].name.xx: unknown locale (supported: en, es, de, uk)",
        "categories[0].resources[0].url: not a valid URL (http:// or https:// and a host name)",
        "categories[0].resources[1].phone: not a valid phone number"
        " (digits, spaces, +, -, parentheses; 3-20 digits)",
        "categories[1].resources[0].id: duplicate id 'advice'"
        " (first used at categories[0].resources[1].id)",
        "safety.keywords.en[1]: duplicate of safety.keywords.en[0]",
    ]
    assert await snapshot(db) == [[] for _ in TABLES]


# --- changes, hiding and fallback ---------------------------------------------------------------


async def test_a_removed_resource_is_hidden_and_can_come_back(
    service: CatalogueService, db: Database, clock: ManualClock
) -> None:
    assert (await service.import_bytes(dump(small()))).ok
    clock.advance(60)
    without = small()
    without["categories"][0]["resources"].pop(1)
    report = await service.import_bytes(dump(without))
    assert report.ok
    assert report.resources_removed == ["advice"]
    assert not (report.resources_added or report.resources_changed or report.categories_removed)
    page, total = await service.resources("housing", "en", 0)
    assert [view.id for view in page] == ["shelter"] and total == 1
    hidden = await service.resource("advice", "en")
    assert hidden is not None and hidden.hidden
    assert hidden.title == "Housing advice"
    assert await db.fetchval("SELECT removed_at FROM resources WHERE id = 'advice'") == clock.now()
    assert "advice" not in (await service.export_yaml()).decode()

    report = await service.import_bytes(dump(small()))
    assert report.resources_added == ["advice"]
    back = await service.resource("advice", "en")
    assert back is not None and not back.hidden
    assert await db.fetchval("SELECT removed_at FROM resources WHERE id = 'advice'") is None
    assert await service.resource("never-was", "en") is None


async def test_a_removed_category_is_hidden(service: CatalogueService) -> None:
    assert (await service.import_bytes(dump(small()))).ok
    data = small()
    data["categories"].pop(1)
    report = await service.import_bytes(dump(data))
    assert report.categories_removed == ["food"] and report.resources_removed == ["food-bank"]
    assert [view.id for view in await service.categories("en")] == ["housing"]
    gone = await service.resource("food-bank", "en")
    assert gone is not None and gone.hidden


async def test_changes_and_moves_are_reported(service: CatalogueService) -> None:
    assert (await service.import_bytes(dump(small()))).ok
    data = small()
    _resource(data)["title"]["de"] = "Notunterkunft"
    moved = data["categories"][0]["resources"].pop(1)
    data["categories"][1]["resources"].append(moved)
    data["categories"][1]["name"]["en"] = "Food and meals"
    data["categories"][1]["resources"].append({"id": "soup-run", "title": {"en": "Soup run"}})
    data["safety"]["keywords"]["en"].append("want to die")
    report = await service.import_bytes(dump(data))
    assert report.resources_changed == ["shelter", "advice"]
    assert report.resources_added == ["soup-run"]
    assert report.categories_changed == ["food"]
    assert report.safety_changed and not report.tags_changed and not report.reordered
    advice = await service.resource("advice", "en")
    assert advice is not None and advice.category_id == "food"


async def test_reordering_alone_is_reported_as_such(service: CatalogueService) -> None:
    assert (await service.import_bytes(dump(small()))).ok
    data = small()
    data["categories"].reverse()
    data["categories"][1]["resources"].reverse()
    report = await service.import_bytes(dump(data))
    assert report.reordered and report.changed
    assert not (report.categories_changed or report.resources_changed)
    assert [view.id for view in await service.categories("en")] == ["food", "housing"]
    page, _ = await service.resources("housing", "en", 0)
    assert [view.id for view in page] == ["advice", "shelter"]
    assert service.parse(await service.export_yaml())[0] == service.parse(dump(data))[0]


async def test_text_falls_back_to_the_default_locale(service: CatalogueService) -> None:
    assert (await service.import_bytes(dump(small()))).ok
    [housing, food] = await service.categories("es")
    assert (housing.name, food.name) == ("Vivienda", "Food")
    shelter = await service.resource("shelter", "es")
    advice = await service.resource("advice", "uk")
    assert shelter is not None and advice is not None
    assert shelter.title == "Albergue nocturno" and shelter.tags == ("Gratuito",)
    assert advice.title == "Housing advice" and advice.hours == "Mon-Fri 9:00-17:00"
    assert advice.description == "Free advice on renting." and advice.tags == ()
    assert shelter.url == "https://shelter.example.org/beds" and shelter.requestable
    assert not advice.requestable
    spanish = await service.safety("es")
    german = await service.safety("de")
    assert spanish.message == "No es un servicio de crisis."
    assert german.message == "This is not a crisis service."
    assert [line.phone for line in german.crisis_lines] == ["112"]


async def test_resources_come_in_pages(service: CatalogueService) -> None:
    assert (await service.import_bytes(EXAMPLE.read_bytes())).ok
    first, total = await service.resources("health", "de", 0, page_size=2)
    second, _ = await service.resources("health", "de", 1, page_size=2)
    last, _ = await service.resources("health", "de", 2, page_size=2)
    beyond, _ = await service.resources("health", "de", 3, page_size=2)
    assert total == 5 and (len(first), len(second), len(last), len(beyond)) == (2, 2, 1, 0)
    assert len({view.id for view in first + second + last}) == 5
    assert first[0].title == "Gesundheitszentrum Riverside (ohne Termin)"
    with pytest.raises(ValueError, match="page"):
        await service.resources("health", "de", -1)


async def test_safety_before_any_import_is_empty(service: CatalogueService) -> None:
    view = await service.safety("en")
    assert view.message is None and view.crisis_lines == ()
    assert await service.categories("en") == []


async def test_the_matcher_follows_an_import(db: Database, clock: ManualClock) -> None:
    matcher = SafetyMatcher()
    service = CatalogueService(db, clock, "en", matcher=matcher)
    assert (await service.import_bytes(dump(small()))).ok
    assert matcher.matches("quiero morir", "es")
    data = copy.deepcopy(small())
    data["safety"]["keywords"]["en"] = ["end my life"]
    assert (await service.import_bytes(dump(data))).ok
    assert matcher.matches("I want to end my life", "en")
    assert not matcher.matches("I could kill myself", "en")
    data["safety"]["patterns"] = {"de": [r"\bwill\W+(?:\w+\W+)?sterben\b"]}
    data["safety"]["not_crisis"] = {"de": [r"\bwill\W+sterben\W+lernen\b"]}
    assert (await service.import_bytes(dump(data))).ok
    assert matcher.matches("ich will einfach sterben", "en")
    assert not matcher.matches("ich will sterben lernen", "en")
    data["safety"].pop("patterns")
    assert (await service.import_bytes(dump(data))).ok
    assert not matcher.matches("ich will einfach sterben", "en")


async def test_another_default_locale_requires_its_own_text(
    db: Database, clock: ManualClock
) -> None:
    service = CatalogueService(db, clock, "es")
    report = await service.import_bytes(dump(small()))
    assert "categories[1].name.es: missing: text in the default locale (es) is required" in (
        report.problems
    )


# --- the command line ---------------------------------------------------------------------------


def _cli(monkeypatch: pytest.MonkeyPatch, database_url: str, *args: str) -> int:
    monkeypatch.setenv("DATABASE_URL", database_url)
    return main(["resources", *args])


def test_cli_import_and_export(
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert _cli(monkeypatch, database_url, "import", str(EXAMPLE)) == 0
    out = capsys.readouterr().out
    assert "categories added: 6 (housing, food," in out
    assert "resources added: 27 (harbour-house-shelter," in out
    assert "safety information changed" in out

    exported = tmp_path / "exported.yaml"
    assert _cli(monkeypatch, database_url, "export", str(exported)) == 0
    assert exported.read_bytes().startswith(b"version: 1\n")
    assert _cli(monkeypatch, database_url, "import", str(exported)) == 0
    assert "no changes" in capsys.readouterr().out

    assert _cli(monkeypatch, database_url, "export", "-") == 0
    assert capsys.readouterr().out.encode("utf-8") == exported.read_bytes()


def test_cli_rejects_a_bad_file_with_one_line_per_problem(
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = small()
    _resource(data)["url"] = "nope"
    _resource(data)["phone"] = "nope"
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(dump(data))
    assert _cli(monkeypatch, database_url, "import", str(bad)) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"{bad}: rejected, nothing was changed. Problems:"
    assert err[1].startswith("  categories[0].resources[0].url: not a valid URL")
    assert err[2].startswith("  categories[0].resources[0].phone: not a valid phone number")
    assert len(err) == 3

    assert _cli(monkeypatch, database_url, "import", str(tmp_path / "missing.yaml")) == 1
    assert "cannot read" in capsys.readouterr().err


def test_cli_needs_no_token(
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    assert _cli(monkeypatch, database_url, "export", str(tmp_path / "empty.yaml")) == 0
    assert yaml.safe_load((tmp_path / "empty.yaml").read_bytes()) == {
        "version": 1,
        "categories": [],
    }


@pytest.mark.parametrize(
    "data",
    [
        b"version: " + b"9" * 5000 + b"\ncategories: []\n",
        b"version: 1\ncategories:\n  - id: x\n    name: {en: " + b"9" * 5000 + b"}\n",
        b"version: -" + b"1" * 4400 + b"\n",
    ],
)
def test_huge_yaml_numbers_are_reported_not_raised(data: bytes) -> None:
    from bot.services.catalogue_format import parse_catalogue

    doc, problems = parse_catalogue(data)
    assert doc is None and problems
