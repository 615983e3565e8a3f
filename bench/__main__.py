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
from bench.backend import PostgresSeed, choose, postgres_available, using
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


def _backends(args: list[str]) -> tuple[list[str], list[str]]:
    """``--backend X`` out of the arguments: (backends, the rest); see ``bench.backend.choose``."""
    try:
        wanted, rest, note = choose(args, postgres_available())
    except ValueError as error:
        sys.exit(str(error))
    if note:
        print(note)
    return wanted, rest


def _failed(number: str, what: str) -> Result:
    return Result(number, f"{what}: failed to run", "-", float("nan"), float("nan"),
                  float("nan"), None, "-", False, note="see the traceback above")  # fmt: skip


def _run(name: str, seed: Path, label: str = "") -> list[Result]:
    number, bench = BENCHES[name]
    print(f"running {number} {name}{label} ...", flush=True)
    with tempfile.TemporaryDirectory(prefix=f"bench-{name}-") as folder:
        try:
            return asyncio.run(bench(seed, Path(folder)))
        except Exception:  # a benchmark never fails the build: say so and go on
            traceback.print_exc()
            return [_failed(number, f"{name}{label}")]


def _on_postgres(
    seed: Path, names: list[str], timings: dict[str, float]
) -> tuple[list[Result], str]:
    """The chosen benchmarks again on a throwaway PostgreSQL server, stopped in any case;
    returns their rows and the server's version.

    If the server cannot start or the copy fails, that shows as a "failed to run" row and
    the SQLite rows are still printed."""
    results: list[Result] = []
    postgres: PostgresSeed | None = None
    try:
        postgres = PostgresSeed(seed)
        print("copying the seed into a throwaway PostgreSQL server ...", flush=True)
        postgres.start()
        timings["postgresql seeding"] = postgres.seconds
        print(f"PostgreSQL {postgres.version} seeded in {postgres.seconds:.0f} s", flush=True)
    except Exception:
        traceback.print_exc()
        results.append(_failed(BENCHES[names[0]][0], "PostgreSQL seeding"))
    else:
        with using(postgres):
            for name in names:
                began = time.perf_counter()
                for result in _run(name, seed, " (PostgreSQL)"):
                    if not result.metric.endswith("failed to run"):
                        result.metric += " (PostgreSQL)"
                    results.append(result)
                timings[f"{name} (postgresql)"] = time.perf_counter() - began
    finally:
        if postgres is not None:
            try:
                postgres.stop()
            except Exception:  # the table is still printed
                traceback.print_exc()
    return results, "" if postgres is None else postgres.version


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
    postgres_version = ""
    if "postgresql" in backends and on_postgres:
        found, postgres_version = _on_postgres(seed.path, on_postgres, timings)
        results += found
    print()
    print_table(results)
    total = time.perf_counter() - started
    machine = {
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "postgresql": postgres_version or None,
        "platform": platform.platform(),
        "seconds": {**timings, "seeding": seed.seconds, "total": total},
    }
    write_json(RESULTS, results, machine)
    print(f"\n{total:.0f} s in all; written to {RESULTS}")


main()
