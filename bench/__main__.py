"""Benchmarks: ``python -m bench`` (``make bench``) runs all seven; ``python -m bench taps tick``
runs some. They print one table, write ``bench/results.json`` and never fail.

Taps, the tick and digests (1-3) run on SQLite and then on PostgreSQL, the same rows copied
into a throwaway server, when PostgreSQL's server binaries are here; ``--backend sqlite`` or
``--backend postgresql`` runs one of them."""

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
from bench.backend import PostgresSeed, postgres_available, using
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


ON_BOTH = ("taps", "tick", "digests")
BACKENDS = ("sqlite", "postgresql", "both")


def _backends(args: list[str]) -> tuple[list[str], list[str]]:
    """``--backend X`` (or ``--backend=X``) out of the arguments: (backends, the rest)."""
    choice, rest = "both", []
    items = iter(args)
    for item in items:
        if item == "--backend":
            choice = next(items, "")
        elif item.startswith("--backend="):
            choice = item.split("=", 1)[1]
        else:
            rest.append(item)
    if choice not in BACKENDS:
        sys.exit(f"--backend must be one of {', '.join(BACKENDS)}")
    wanted = ["sqlite", "postgresql"] if choice == "both" else [choice]
    if "postgresql" in wanted and (missing := postgres_available()) is not None:
        if choice == "postgresql":
            sys.exit(f"PostgreSQL is not available: {missing}")
        print(f"PostgreSQL rows left out: {missing}")
        wanted.remove("postgresql")
    return wanted, rest


def _run(name: str, seed: Path, label: str = "") -> list[Result]:
    number, bench = BENCHES[name]
    print(f"running {number} {name}{label} ...", flush=True)
    with tempfile.TemporaryDirectory(prefix=f"bench-{name}-") as folder:
        try:
            return asyncio.run(bench(seed, Path(folder)))
        except Exception:  # a benchmark never fails the build: say so and go on
            traceback.print_exc()
            return [
                Result(number, f"{name}{label}: failed to run", "-", float("nan"), float("nan"),
                       float("nan"), None, "-", False, note="see the traceback above")
            ]  # fmt: skip


def main() -> None:
    """Seed (cached), run the chosen benchmarks one after another, print one table."""
    backends, names = _backends(sys.argv[1:])
    chosen = _chosen(names)
    started = time.perf_counter()
    seed = seeded()
    print(f"seed: {seed.path.name} ({'built' if seed.built else 'cached'}, {seed.seconds:.1f} s)")
    results: list[Result] = []
    timings: dict[str, float] = {}
    if "sqlite" in backends:
        for name in chosen:
            began = time.perf_counter()
            results += _run(name, seed.path)
            timings[name] = time.perf_counter() - began
    on_postgres = [name for name in chosen if name in ON_BOTH]
    if "postgresql" in backends and on_postgres:
        postgres = PostgresSeed(seed.path)
        try:
            print("copying the seed into a throwaway PostgreSQL server ...", flush=True)
            postgres.start()
            timings["postgresql seeding"] = postgres.seconds
            print(f"PostgreSQL seeded in {postgres.seconds:.0f} s", flush=True)
            with using(postgres):
                for name in on_postgres:
                    began = time.perf_counter()
                    for result in _run(name, seed.path, " (PostgreSQL)"):
                        if not result.metric.endswith("failed to run"):
                            result.metric += " (PostgreSQL)"
                        results.append(result)
                    timings[f"{name} (postgresql)"] = time.perf_counter() - began
        finally:
            postgres.stop()
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
