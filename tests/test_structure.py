"""The shape holds: no import cycles, SQL only in storage, no telegram in services, and
callback data only from the codec.

Every module under bot/ and handlers/ is parsed with ``ast``; imports count wherever they
are (inside functions too), as ../shared/tools/structure-check counts them.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

from handlers.callbacks import ACTIONS

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("bot", "handlers")

# Statements as ../shared/tools/structure-check recognises them, at the start of a literal.
_SQL = re.compile(
    r"\s*(SELECT\s+[\w*(]|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM"
    r"|CREATE\s+(TABLE|(UNIQUE\s+)?INDEX|TRIGGER|VIEW)|ALTER\s+TABLE|PRAGMA\s+\w)",
    re.IGNORECASE,
)
# Outside storage but not yet moved there (reported): the backup's copy and check, three
# PRAGMAs on a plain sqlite3 connection. The count must shrink to nothing, never grow.
_SQL_NOT_YET_IN_STORAGE = {"bot/cli.py": 3}
# The literal part of every button's data: "g", "ci", "consent", ... (not "digest", "https")
_HEADS = sorted({action.template.split(":", 1)[0] for action in ACTIONS.values()})
_CALLBACK = re.compile(r"(?:" + "|".join(_HEADS) + r"):[A-Za-z0-9_:|+/-]*")
# The sandbox plays people who tap buttons, as tests do; only the codec writes callback data.
_CALLBACK_ALLOWED = ("handlers/callbacks.py", "bot/sandbox/")


def _modules() -> dict[str, Path]:
    """Every module of the packages, by dotted name (a package by its own name)."""
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


MODULES = _modules()


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _imported(name: str, path: Path) -> set[str]:
    """The project modules ``name`` imports anywhere in its file."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    targets: set[str] = set()
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from . import x, from ..storage import y
                anchor = package[: len(package) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            targets.add(base)  # the package itself runs first
            targets.update(f"{base}.{alias.name}" for alias in node.names)  # from pkg import mod
    found = set()
    for target in targets:
        while target and target not in MODULES:
            target = target.rpartition(".")[0]
        if target and target != name:
            found.add(target)
    return found


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                other = stack.pop()
                on_stack.discard(other)
                component.append(other)
                if other == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def _path_within(graph: dict[str, set[str]], component: list[str]) -> list[str]:
    """One cycle through the first module of ``component``, to print."""
    start, members = component[0], set(component)
    trail = [start]
    seen = {start}
    while True:
        following = sorted(graph[trail[-1]] & members)
        if start in following and len(trail) > 1:
            return [*trail, start]
        step = next((m for m in following if m not in seen), None)
        if step is None:
            return [*trail, "..."]
        trail.append(step)
        seen.add(step)


def _literals(tree: ast.Module) -> Iterator[tuple[int, str]]:
    """Every string literal with its line; an f-string with ``0`` for each value in it."""
    parts_of_fstrings: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            text = "".join(
                value.value if isinstance(value, ast.Constant) else "0" for value in node.values
            )
            parts_of_fstrings.update(id(value) for value in node.values)
            yield node.lineno, text
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in parts_of_fstrings
        ):
            yield node.lineno, node.value


def test_no_import_cycles() -> None:
    graph = {name: _imported(name, path) for name, path in MODULES.items()}
    cycles = [" -> ".join(_path_within(graph, component)) for component in _cycles(graph)]
    for cycle in cycles:
        print("cycle:", cycle)
    assert cycles == []


def test_sql_only_in_storage() -> None:
    found: dict[str, list[str]] = {}
    for path in MODULES.values():
        where = _relative(path)
        if where.startswith(("bot/storage/", "bot/sandbox/")):  # the sandbox seeds, as tests do
            continue
        for line, text in _literals(_tree(path)):
            if _SQL.match(text):
                found.setdefault(where, []).append(f"{line}: {text.strip()[:60]}")
    print(found)
    assert {where: len(hits) for where, hits in found.items()} == _SQL_NOT_YET_IN_STORAGE


def test_services_do_not_import_telegram() -> None:
    found = [
        f"{_relative(path)}:{node.lineno}"
        for path in MODULES.values()
        if _relative(path).startswith("bot/services/")
        for node in ast.walk(_tree(path))
        if (
            isinstance(node, ast.Import)
            and any(a.name.split(".")[0] == "telegram" for a in node.names)
        )
        or (isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "telegram")
    ]
    assert found == []


def test_callback_data_is_written_only_by_the_codec() -> None:
    found = [
        f"{_relative(path)}:{line}: {text!r}"
        for path in MODULES.values()
        if not _relative(path).startswith(_CALLBACK_ALLOWED)
        for line, text in _literals(_tree(path))
        if _CALLBACK.fullmatch(text)
    ]
    assert found == []


def test_the_checks_would_see_what_they_look_for() -> None:
    assert _SQL.match("\n  select id FROM people") and _SQL.match("UPDATE people SET x = 1")
    assert _SQL.match("PRAGMA user_version") and _SQL.match("insert into goals (text)")
    assert not _SQL.match("Update: nothing changed") and not _SQL.match("Delete everything?")
    for data in ("g:add", "rq:0:done", "ci:0:g0:0", "consent:yes:0:0", "set:rem", "rq:"):
        assert _CALLBACK.fullmatch(data), data
    for text in ("digest:0:0", "safety:0:ack", "https://t.me/0", "goal:0", "tag:yaml.org,2002"):
        assert not _CALLBACK.fullmatch(text), text
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"]]
    assert _path_within(graph, ["a", "b", "c"]) == ["a", "b", "c", "a"]
