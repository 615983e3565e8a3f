"""What every benchmark shares: the reference instant, results, statistics and the table."""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

__all__ = [
    "DAY",
    "NOW",
    "START",
    "Result",
    "Stopwatch",
    "percentile",
    "print_table",
    "summary",
    "write_json",
]

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # a Monday, 09:00 UTC (10:00 in Berlin)
NOW = int(START.timestamp())
DAY = 86400


def percentile(values: Sequence[float], share: float) -> float:
    """The ``share`` (0-1) percentile of ``values``, nearest rank."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def summary(values: Sequence[float]) -> tuple[float, float, float]:
    """``(median, min, max)`` of ``values``."""
    if not values:
        return float("nan"), float("nan"), float("nan")
    return statistics.median(values), min(values), max(values)


@dataclass
class Result:
    """One row of the table: a measured figure beside its baseline from the same run."""

    bench: str
    metric: str
    unit: str
    median: float
    low: float
    high: float
    baseline: float | None
    target: str
    met: bool | None
    higher_is_better: bool = True
    note: str = ""
    samples: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        """The figure over its baseline (how many times the baseline it is)."""
        if self.baseline in (None, 0) or self.median != self.median:
            return None
        assert self.baseline is not None
        return self.median / self.baseline


class Stopwatch:
    """Seconds since it was made (``time.perf_counter``)."""

    def __init__(self) -> None:
        self.started = time.perf_counter()

    @property
    def seconds(self) -> float:
        """Seconds elapsed."""
        return time.perf_counter() - self.started


def _figure(value: float | None) -> str:
    if value is None or value != value:
        return "-"
    magnitude = abs(value)
    if magnitude >= 1000:
        return f"{value:,.0f}"
    if magnitude >= 100:
        return f"{value:.0f}"
    if magnitude >= 10:
        return f"{value:.1f}"
    if magnitude >= 1:
        return f"{value:.2f}"
    return f"{value:.3f}"


def _met(value: bool | None) -> str:
    return "-" if value is None else ("yes" if value else "NO")


def table_lines(results: Sequence[Result]) -> list[str]:
    """The results as a fixed-width table (also used in docs/PERFORMANCE.md)."""
    head = ("#", "what", "unit", "median", "min", "max", "baseline", "ratio", "target", "met")
    rows = [
        (
            r.bench,
            r.metric,
            r.unit,
            _figure(r.median),
            _figure(r.low),
            _figure(r.high),
            _figure(r.baseline),
            "-" if r.ratio is None else f"{r.ratio:.2f}",
            r.target,
            _met(r.met),
        )
        for r in results
    ]
    widths = [max(len(str(row[i])) for row in (head, *rows)) for i in range(len(head))]
    right = {3, 4, 5, 6, 7}

    def line(row: Sequence[str]) -> str:
        cells = [
            str(cell).rjust(widths[i]) if i in right else str(cell).ljust(widths[i])
            for i, cell in enumerate(row)
        ]
        return "| " + " | ".join(cells) + " |"

    rule = "|" + "|".join(("-" * (w + 1) + ":") if i in right else "-" * (w + 2)
                          for i, w in enumerate(widths)) + "|"  # fmt: skip
    return [line(head), rule, *(line(row) for row in rows)]


def print_table(results: Sequence[Result]) -> None:
    """Print the table, then each row's note."""
    for text in table_lines(results):
        print(text)
    notes = [r for r in results if r.note]
    if notes:
        print()
        for r in notes:
            print(f"{r.bench} {r.metric}: {r.note}")


def write_json(path: Path, results: Sequence[Result], machine: dict[str, Any]) -> None:
    """Write every result (with the ratio) and the machine to ``path``."""
    rows = []
    for r in results:
        row = asdict(r)
        row["ratio"] = r.ratio
        rows.append(row)
    path.write_text(
        json.dumps({"machine": machine, "results": rows}, indent=2, default=str) + "\n",
        encoding="utf-8",
    )
