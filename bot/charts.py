"""Progress charts as PNG (matplotlib, Agg backend: no display needed).

matplotlib is imported when the first chart is drawn, not at start-up (it costs about half a
second and 45 MB, and most processes draw few charts).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

__all__ = ["ChartLabels", "Series", "progress_chart"]


@dataclass(frozen=True)
class Series:
    """One goal's ratings over time."""

    label: str
    points: tuple[tuple[int, int], ...]  # (epoch seconds, 0-10)
    achieved_at: int | None = None


@dataclass(frozen=True)
class ChartLabels:
    """Translated words on the chart."""

    title: str
    y_axis: str
    achieved: str
    day: Callable[[datetime], str]  # formats a tick's date in the reader's locale


def _to_date(value: float, zone: ZoneInfo) -> datetime:
    import matplotlib.dates as mdates

    moment: datetime = mdates.num2date(value, tz=zone)  # type: ignore[no-untyped-call]
    return moment


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def progress_chart(series: list[Series], labels: ChartLabels, timezone: str) -> bytes:
    """Draw each goal's ratings over time (achieved goals marked with a star); return PNG."""
    # people's words are text, never mathtext: "$5 a day" must not break the chart
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    with plt.rc_context({"text.parse_math": False, "text.usetex": False}):
        return _draw(series, labels, ZoneInfo(timezone))


def _draw(series: list[Series], labels: ChartLabels, zone: ZoneInfo) -> bytes:
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter

    figure, axes = plt.subplots(figsize=(8, 4.8), dpi=110)
    try:
        for item in series:
            if not item.points:
                continue
            times: Any = [datetime.fromtimestamp(t, UTC).astimezone(zone) for t, _ in item.points]
            values = [v for _, v in item.points]
            (line,) = axes.plot(times, values, marker="o", linewidth=2, label=_short(item.label))
            if item.achieved_at is not None:
                axes.plot(
                    [times[-1]], [values[-1]], marker="*", markersize=18,
                    color=line.get_color(), linestyle="none",
                )  # fmt: skip
                axes.annotate(labels.achieved, (times[-1], values[-1]),
                              textcoords="offset points", xytext=(6, 8), fontsize=9)  # fmt: skip
        instants = [t for item in series for t, _ in item.points]
        if instants:  # pad the time axis so a single check-in still has a readable range
            first, last = min(instants), max(instants)
            pad = max((last - first) // 20, 12 * 3600)
            axes.set_xlim(
                datetime.fromtimestamp(first - pad, UTC).astimezone(zone),  # type: ignore[arg-type]
                datetime.fromtimestamp(last + pad, UTC).astimezone(zone),  # type: ignore[arg-type]
            )
        axes.set_ylim(-0.5, 10.5)
        axes.set_yticks(range(0, 11, 2))
        axes.set_ylabel(labels.y_axis)
        axes.set_title(labels.title)
        axes.grid(alpha=0.3)
        axes.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: labels.day(_to_date(x, zone))))
        axes.xaxis.set_major_locator(
            mdates.AutoDateLocator(tz=zone, maxticks=8)  # type: ignore[no-untyped-call]
        )
        axes.legend(
            loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2, fontsize=9, frameon=False
        )
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png")
        return buffer.getvalue()
    finally:
        plt.close(figure)
