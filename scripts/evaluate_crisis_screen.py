"""Measure the crisis screen on labelled messages: rules, meaning, and both together.

    .venv/bin/python scripts/evaluate_crisis_screen.py tests/data/crisis_blind.yaml

Each file holds, per language, ``positive``/``crisis`` and ``negative``/``not_crisis`` lists.
Prints recall and false alarms per language for the rules alone, the semantic screen alone,
and the screen as the bot runs it (either one).
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import yaml

from bot.safety_defaults import DEFAULT_EXCLUSIONS, DEFAULT_KEYWORDS, DEFAULT_PATTERNS
from bot.services.safety import SafetyMatcher
from bot.services.semantic import SemanticScreen


def load(paths: list[str]) -> dict[str, tuple[list[str], list[str]]]:
    found: dict[str, tuple[list[str], list[str]]] = {}
    for path in paths:
        for lang, sections in yaml.safe_load(Path(path).read_text("utf-8")).items():
            pos, neg = found.setdefault(lang, ([], []))
            pos += sections.get("positive", []) or sections.get("crisis", []) or []
            neg += sections.get("negative", []) or sections.get("not_crisis", []) or []
    return found


def _hit(results: dict[str, tuple[list[bool], list[bool], list[str]]], label: str, i: int,
         kind: int) -> bool:  # fmt: skip
    rules, meaning, _ = results[label]
    return [rules[i], meaning[i], rules[i] or meaning[i]][kind]


def _hit(
    results: dict[str, tuple[list[bool], list[bool], list[str]]], label: str, i: int, kind: int
) -> bool:
    rules, meaning, _ = results[label]
    return [rules[i], meaning[i], rules[i] or meaning[i]][kind]


async def main(paths: list[str], show: bool) -> None:
    screen = SemanticScreen()
    matcher = SafetyMatcher.from_rules(DEFAULT_KEYWORDS, DEFAULT_PATTERNS, DEFAULT_EXCLUSIONS)
    matcher.semantic = screen
    print("language  n+  n-   rules r/fa      meaning r/fa     both r/fa")
    for lang, (pos, neg) in load(paths).items():
        cells = []
        results = {}
        for label, texts in (("pos", pos), ("neg", neg)):
            rules = [matcher.matches(t) for t in texts]
            meaning = [
                (bool(await matcher.assess(t)) and not matcher.matches(t)) or False for t in texts
            ]
            results[label] = (rules, meaning, texts)
        for kind in (0, 1, 2):
            r = sum(_hit(results, "pos", i, kind) for i in range(len(pos))) / max(len(pos), 1)
            f = sum(_hit(results, "neg", i, kind) for i in range(len(neg))) / max(len(neg), 1)
            cells.append(f"{r:6.1%}/{f:5.1%}")
        print(f"{lang:<8}  {len(pos):>3} {len(neg):>3}   " + "   ".join(cells))
        if show:
            for i, text in enumerate(pos):
                if not (results["pos"][0][i] or results["pos"][1][i]):
                    print("   miss:", text)
            for i, text in enumerate(neg):
                if results["neg"][0][i] or results["neg"][1][i]:
                    print("   false:", text)


if __name__ == "__main__":
    args = [arg for arg in sys.argv[1:] if arg != "--show"]
    asyncio.run(main(args, "--show" in sys.argv))
