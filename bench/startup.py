"""Benchmark 6: start-up at 100,000 clients, to the first tick scheduled, in a fresh process.

Each measurement runs in its own Python process (``python -m bench.startup bot|jobqueue DB``),
so peak memory is the whole process's and nothing is warm. The bot: imports, then
``build_application``, ``initialize``, ``post_init`` (migrations, commands, the one repeating
tick) and the JobQueue started. The baseline is the per-person JobQueue pattern: the same
application, then one ``run_daily`` job per client read from the same database, started.
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

from bench.common import Result, summary

__all__ = ["run"]

REPEATS = 3


async def _child(mode: str, path: Path, imported: float) -> dict[str, float]:
    from datetime import time as day_time
    from zoneinfo import ZoneInfo

    from bench.common import START
    from bot.app import build_application, on_startup
    from bot.clock import ManualClock
    from bot.sandbox.fake_telegram import FakeTelegram
    from bot.settings import load_settings

    started = time.perf_counter()
    clock = ManualClock(START)
    app = build_application(
        load_settings(None, database_path=path), request=FakeTelegram(clock).request(), clock=clock
    )
    await app.initialize()
    if mode == "bot":
        await on_startup(app)
    else:  # one job per person, as many bots do
        services = app.bot_data.services
        await services.db.open()

        async def remind(context: object) -> None:
            return None

        assert app.job_queue is not None
        rows = await services.db.fetchall(
            "SELECT c.person_id, c.reminder_days, c.reminder_time, p.timezone FROM clients c"
            " JOIN people p ON p.id = c.person_id"
        )
        for row in rows:
            hours, minutes = (int(x) for x in str(row["reminder_time"]).split(":"))
            days = tuple(int(d) for d in str(row["reminder_days"]).split(",") if d.isdigit())
            app.job_queue.run_daily(
                remind,
                day_time(hours, minutes, tzinfo=ZoneInfo(str(row["timezone"]))),
                days=tuple((d + 1) % 7 for d in days),  # PTB counts from Sunday
                name=f"reminder:{row['person_id']}",
            )
    assert app.job_queue is not None
    await app.job_queue.start()
    seconds = time.perf_counter() - started
    await app.job_queue.stop(wait=False)
    await app.bot_data.services.outbox.stop()
    await app.bot_data.services.db.close()
    peak = _peak_mb()
    return {"imports": imported, "seconds": seconds, "peak_mb": peak}


def _peak_mb() -> float:
    """This process's peak resident memory (``VmHWM``: unlike ``ru_maxrss`` it starts afresh
    at ``exec``, so the parent's size does not leak in)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _measure(mode: str, path: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-m", "bench.startup", mode, str(path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


async def run(seed: Path, folder: Path) -> list[Result]:
    """Start the bot three times and the per-person pattern once, each in a new process."""
    from bench.seed import copy_of

    path = copy_of(seed, folder)
    _measure("bot", path)  # the first run after the copy pays for the file cache
    bots = [_measure("bot", path) for _ in range(REPEATS)]
    jobs = _measure("jobqueue", path)
    seconds = [b["seconds"] for b in bots]
    memory = [b["peak_mb"] for b in bots]
    median, low, high = summary(seconds)
    speedup = jobs["seconds"] / median
    mb, mb_low, mb_high = summary(memory)
    imports = summary([b["imports"] for b in bots])[0]
    return [
        Result(
            "6", "start-up after imports, 100,000 clients", "s", median, low, high,
            jobs["seconds"], "< 0.3 s", median < 0.3, higher_is_better=False, samples=REPEATS,
            note=(
                f"a new process each time, to the first tick scheduled (JobQueue started); "
                f"imports {imports:.2f} s before it; baseline: one JobQueue job per client"
            ),
            extra={"imports_s": imports},
        ),
        Result(
            "6", "speed-up over one job per client", "x", speedup, jobs["seconds"] / high,
            jobs["seconds"] / low, 1.0, ">= 50x", speedup >= 50, samples=REPEATS,
        ),
        Result(
            "6", "start-up peak memory (whole process)", "MB", mb, mb_low, mb_high,
            jobs["peak_mb"], "< 120 MB", mb < 120, higher_is_better=False, samples=REPEATS,
            note="VmHWM of the process, imports included",
        ),
    ]  # fmt: skip


def main() -> None:
    """In the child process: import, start, print the figures as JSON."""
    mode, path = sys.argv[1], Path(sys.argv[2])
    started = time.perf_counter()
    import bot.app  # noqa: F401
    import handlers  # noqa: F401

    imported = time.perf_counter() - started
    print(json.dumps(asyncio.run(_child(mode, path, imported))))


if __name__ == "__main__":
    main()
