"""Progress charts as PNG (matplotlib, Agg backend: no display needed).

matplotlib is imported when the first chart is drawn, not at start-up (it costs about half a
second and 45 MB, and most processes draw few charts).
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
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
    wellbeing: str = ""  # the name of the overall line
    empty: str = ""  # said when there is nothing to draw yet


def _to_date(value: float, zone: ZoneInfo) -> datetime:
    import matplotlib.dates as mdates

    moment: datetime = mdates.num2date(value, tz=zone)  # type: ignore[no-untyped-call]
    return moment


def _wrap(text: str, width: int = 30) -> str:
    """A goal in full, on as many lines as it needs (never cut mid-word)."""
    return "\n".join(textwrap.wrap(text, width=width, break_long_words=False)) or text


def _by_day(points: tuple[tuple[int, int], ...], zone: ZoneInfo) -> list[tuple[datetime, int]]:
    """One point per local day (the day's latest answer), placed at noon: no vertical stacks."""
    days: dict[object, int] = {}
    for at, value in sorted(points):
        days[datetime.fromtimestamp(at, UTC).astimezone(zone).date()] = value
    return [
        (datetime(day.year, day.month, day.day, 12, tzinfo=zone), value)  # type: ignore[attr-defined]
        for day, value in days.items()
    ]


def progress_chart(
    series: list[Series],
    labels: ChartLabels,
    timezone: str,
    wellbeing: tuple[tuple[int, int], ...] = (),
) -> bytes:
    """Draw the goals' ratings (and overall wellbeing) over time for a phone screen; PNG.

    Portrait, large type, every goal named in full below the plot, one point per day,
    achieved goals marked with a star.
    """
    # people's words are text, never mathtext: "$5 a day" must not break the chart
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    with plt.rc_context(
        {"text.parse_math": False, "text.usetex": False, "font.size": 17, "axes.titlesize": 21}
    ):
        return _draw(series, labels, ZoneInfo(timezone), wellbeing)


def _draw(
    series: list[Series],
    labels: ChartLabels,
    zone: ZoneInfo,
    wellbeing: tuple[tuple[int, int], ...],
) -> bytes:
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter

    drawn = [item for item in series if item.points]
    rows = sum(_wrap(item.label).count("\n") + 1 for item in drawn) + (1 if wellbeing else 0)
    height = 7.0 + 0.4 * rows  # inches: a square plot and the legend below it
    figure = plt.figure(figsize=(7.2, height), dpi=125)
    bottom = (0.4 * rows + 0.95) / height
    axes = figure.add_axes((0.13, bottom, 0.82, 1 - 0.75 / height - bottom))
    try:
        instants: list[datetime] = []
        if wellbeing:
            points = _by_day(wellbeing, zone)
            times: Any = [when for when, _ in points]
            axes.plot(
                times, [v for _, v in points], color="#777777", linestyle="--", linewidth=3,
                marker="s", markersize=8, label=labels.wellbeing or "",
            )  # fmt: skip
            instants += times
        for item in drawn:
            points = _by_day(item.points, zone)
            times = [when for when, _ in points]
            values = [value for _, value in points]
            instants += times
            (line,) = axes.plot(
                times, values, marker="o", markersize=9, linewidth=3, label=_wrap(item.label)
            )
            if item.achieved_at is not None:
                axes.plot(
                    [times[-1]], [values[-1]], marker="*", markersize=26,
                    color=line.get_color(), linestyle="none",
                )  # fmt: skip
                axes.annotate(labels.achieved, (times[-1], values[-1]),
                              textcoords="offset points", xytext=(10, 10), fontsize=15)  # fmt: skip
        if instants:  # pad the time axis so a single day still has a readable range
            first, last = min(instants), max(instants)
            pad = max((last - first) / 12, timedelta(days=1))
            axes.set_xlim(first - pad, last + pad)  # type: ignore[arg-type]
        else:
            axes.text(0.5, 0.5, labels.empty or "", ha="center", va="center",
                      transform=axes.transAxes, fontsize=18, wrap=True)  # fmt: skip
        axes.set_ylim(-0.5, 10.5)
        axes.set_yticks(range(0, 11, 2))
        axes.set_ylabel(labels.y_axis, fontsize=14)
        axes.set_title(labels.title)
        axes.grid(alpha=0.3)
        axes.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: labels.day(_to_date(x, zone))))
        axes.xaxis.set_major_locator(
            mdates.AutoDateLocator(tz=zone, minticks=3, maxticks=5)  # type: ignore[no-untyped-call]
        )
        if instants:
            figure.legend(
                *axes.get_legend_handles_labels(), loc="lower left",
                bbox_to_anchor=(0.04, 0.01), ncol=1, frameon=False, fontsize=15,
                handlelength=1.6,
            )  # fmt: skip
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png")
        return buffer.getvalue()
    finally:
        plt.close(figure)
