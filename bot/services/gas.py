"""Goal Attainment Scaling: the Kiresuk-Sherman T-score over goals with levels.

Each goal's level is -2 (much less than expected) to +2 (much more), with 0 the expected
outcome, in the client's own words. With weights w and levels x:

    T = 50 + 10 * sum(w*x) / sqrt((1 - rho) * sum(w^2) + rho * (sum w)^2),   rho = 0.3

so every goal at its expected level gives 50, and 10 points is one standard deviation.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

__all__ = ["RHO", "t_score"]

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
