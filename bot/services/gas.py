"""Goal Attainment Scaling: the Kiresuk-Sherman T-score over goals with levels.

Each goal's level is -2 (much less than expected) to +2 (much more), with 0 the expected
outcome, in the client's own words. With weights w and levels x:

    T = 50 + 10 * sum(w*x) / sqrt((1 - rho) * sum(w^2) + rho * (sum w)^2),   rho = 0.3

so every goal at its expected level gives 50, and 10 points is one standard deviation.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass

__all__ = ["RHO", "GasGoal", "GasScores", "scores", "t_score"]

RHO = 0.3  # the assumed correlation between goals' scores (Kiresuk and Sherman)


def t_score(levels: Sequence[tuple[int, float]], rho: float = RHO) -> float | None:
    """The T-score of ``(level, weight)`` pairs, one per goal; ``None`` without goals."""
    if not levels:
        return None
    weights = [float(weight) for _, weight in levels]
    if any(weight <= 0 for weight in weights):
        raise ValueError("weights must be positive")
    if any(level not in (-2, -1, 0, 1, 2) for level, _ in levels):
        raise ValueError("levels run from -2 to +2")
    weighted = sum(level * weight for level, weight in levels)
    spread = math.sqrt((1 - rho) * sum(w * w for w in weights) + rho * sum(weights) ** 2)
    return 50 + 10 * weighted / spread


@dataclass(frozen=True)
class GasGoal:
    """One goal in a GAS summary: its weight, its first level chosen and its latest."""

    goal_id: int
    weight: int
    first: int
    latest: int


@dataclass(frozen=True)
class GasScores:
    """The T-score at baseline and now, over the same goals."""

    baseline: float
    latest: float
    goals: tuple[GasGoal, ...]


def scores(
    history: Sequence[tuple[int, int, int, int]], goal_ids: Collection[int]
) -> GasScores | None:
    """Baseline and latest T-scores from ``(goal, weight, level, at)`` rows, oldest first.

    Only goals in ``goal_ids`` (those whose levels are written) with at least one level
    chosen count, each with its current weight. The baseline takes **each goal's first level
    chosen** (not the first check-in with a level for every goal: levels are written at
    different times and the question can be skipped, so such a check-in may never come), the
    latest each goal's latest level; both over the same goals, so they compare. ``None``
    when no such goal has a level chosen yet.
    """
    first: dict[int, int] = {}
    latest: dict[int, int] = {}
    weights: dict[int, int] = {}
    for goal_id, weight, level, _at in history:
        if goal_id not in goal_ids:
            continue
        first.setdefault(goal_id, level)
        latest[goal_id] = level
        weights[goal_id] = weight
    if not first:
        return None
    order = sorted(first)
    baseline = t_score([(first[g], weights[g]) for g in order])
    now = t_score([(latest[g], weights[g]) for g in order])
    assert baseline is not None and now is not None
    return GasScores(
        baseline,
        now,
        tuple(GasGoal(g, weights[g], first[g], latest[g]) for g in order),
    )
