"""Benchmarks: ``python -m bench`` (``make bench``) runs all seven; ``python -m bench taps tick``
runs some. They print one table, write ``bench/results.json`` and never fail."""

from __future__ import annotations

import asyncio
import os
import platform
import sqlite3
import sys
import tempfile
import time
import traceback
from collections.abc import Awaitable, Callable
from pathlib import Path

from bench import delivery, digests, startup, storage, taps, tick
from bench.common import Result, print_table, write_json
from bench.seed import seeded

Bench = Callable[[Path, Path], Awaitable[list[Result]]]
BENCHES: dict[str, tuple[str, Bench]] = {
    "taps": ("1", taps.run),
    "tick": ("2", tick.run),
    "digests": ("3", digests.run),
    "delivery": ("4", delivery.run_drain),
    "busy": ("5", delivery.run_busy),
    "startup": ("6", startup.run),
    "storage": ("7", storage.run),
}
RESULTS = Path(__file__).resolve().parent / "results.json"


def _chosen(names: list[str]) -> list[str]:
    by_number = {number: name for name, (number, _) in BENCHES.items()}
    chosen = [by_number.get(name, name) for name in names] or list(BENCHES)
    unknown = [name for name in chosen if name not in BENCHES]
    if unknown:
        sys.exit(f"unknown benchmark(s) {', '.join(unknown)}; choose from {', '.join(BENCHES)}")
    return chosen


def main() -> None:
    """Seed (cached), run the chosen benchmarks one after another, print one table."""
    chosen = _chosen(sys.argv[1:])
    started = time.perf_counter()
    seed = seeded()
    print(f"seed: {seed.path.name} ({'built' if seed.built else 'cached'}, {seed.seconds:.1f} s)")
    results: list[Result] = []
    timings: dict[str, float] = {}
    for name in chosen:
        number, bench = BENCHES[name]
        began = time.perf_counter()
        print(f"running {number} {name} ...", flush=True)
        with tempfile.TemporaryDirectory(prefix=f"bench-{name}-") as folder:
            try:
                results += asyncio.run(bench(seed.path, Path(folder)))
            except Exception:  # a benchmark never fails the build: say so and go on
                traceback.print_exc()
                results.append(
                    Result(number, f"{name}: failed to run", "-", float("nan"), float("nan"),
                           float("nan"), None, "-", False, note="see the traceback above")
                )  # fmt: skip
        timings[name] = time.perf_counter() - began
    print()
    print_table(results)
    total = time.perf_counter() - started
    machine = {
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "platform": platform.platform(),
        "seconds": {**timings, "seeding": seed.seconds, "total": total},
    }
    write_json(RESULTS, results, machine)
    print(f"\n{total:.0f} s in all; written to {RESULTS}")


main()
