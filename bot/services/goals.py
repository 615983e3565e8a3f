"""Goals in the client's own words: add, reword, achieve, archive, MI rulers."""

from __future__ import annotations

import enum
import unicodedata

from bot.clock import Clock
from bot.services.gas import GasScores, scores
from bot.storage import Database
from bot.storage.goals import Goal, GoalRepository
from bot.text import checked, clean_user_text

__all__ = [
    "LEVELS",
    "MAX_GOAL_LENGTH",
    "MAX_LEVEL_LENGTH",
    "MAX_REFLECTION_LENGTH",
    "MAX_WEIGHT",
    "MIN_WEIGHT",
    "STAGES",
    "Goal",
    "GoalProblem",
    "GoalService",
]

MAX_GOAL_LENGTH = 200
MAX_REFLECTION_LENGTH = 1000
# where the client is with a goal, in plain words of our own (no licensed instrument's names)
STAGES = ("thinking", "ready", "doing", "keeping", "slip")
# Goal Attainment Scaling: -2 much less than expected ... +2 much more, 0 the expected outcome
LEVELS = (-2, -1, 0, 1, 2)
MAX_LEVEL_LENGTH = 300
MIN_WEIGHT, MAX_WEIGHT = 1, 9


class GoalProblem(enum.Enum):
    """Why a goal change was not made."""

    EMPTY = "empty"
    TOO_LONG = "too_long"
    TOO_MANY = "too_many"
    NOT_FOUND = "not_found"


def validate_goal_text(raw: str) -> str | GoalProblem:
    """Return the cleaned text, or why it cannot be a goal."""
    text = " ".join(clean_user_text(raw).split())
    if not any(unicodedata.category(char)[0] in "LNS" for char in text):
        return GoalProblem.EMPTY
    if len(text) > MAX_GOAL_LENGTH:
        return GoalProblem.TOO_LONG
    return text


class GoalService:
    """Reads and changes a client's goals; every call names the client, so ownership holds."""

    def __init__(self, db: Database, clock: Clock, max_active: int) -> None:
        self._db = db
        self._repo = GoalRepository(db)
        self._clock = clock
        self.max_active = max_active

    async def active(self, client_id: int) -> list[Goal]:
        """The client's active goals, oldest first."""
        return await self._repo.active(client_id)

    async def history(self, client_id: int) -> list[Goal]:
        """Every goal the client has had, oldest first."""
        return await self._repo.history(client_id)

    async def get(self, client_id: int, goal_id: int) -> Goal | None:
        """One goal, if it belongs to the client."""
        return await self._repo.get(client_id, goal_id)

    async def add(self, client_id: int, raw_text: str) -> Goal | GoalProblem:
        """Add an active goal, unless the text is invalid or the limit is reached."""
        text = validate_goal_text(raw_text)
        if isinstance(text, GoalProblem):
            return text
        now = self._clock.now()
        async with self._db.transaction() as conn:
            if await self._repo.count_active(conn, client_id) >= self.max_active:
                return GoalProblem.TOO_MANY
            goal_id = await self._repo.insert(conn, client_id, text, now)
        return Goal(goal_id, client_id, text, "active", None, None, now, None)

    async def reword(self, client_id: int, goal_id: int, raw_text: str) -> Goal | GoalProblem:
        """Change an active goal's wording (its ratings stay with it)."""
        text = validate_goal_text(raw_text)
        if isinstance(text, GoalProblem):
            return text
        if not await self._repo.reword(client_id, goal_id, text, self._clock.now()):
            return GoalProblem.NOT_FOUND
        goal = await self.get(client_id, goal_id)
        assert goal is not None
        return goal

    async def set_status(self, client_id: int, goal_id: int, status: str) -> Goal | None:
        """Mark an active goal achieved or archived; ``None`` if it is not the client's."""
        if status not in ("achieved", "archived"):
            raise ValueError(status)
        changed = await self._repo.set_status(client_id, goal_id, status, self._clock.now())
        return await self.get(client_id, goal_id) if changed else None

    async def reflect(self, client_id: int, goal_id: int, which: str, raw: str | None) -> bool:
        """Keep the client's answer to an MI follow-up, in their words (refused whole if over
        :data:`MAX_REFLECTION_LENGTH`); ``which`` is ``why`` (not lower) or ``help``."""
        if which not in ("why", "help"):
            raise ValueError(which)
        text = checked(clean_user_text(raw), MAX_REFLECTION_LENGTH) if raw else None
        return await self._repo.set_reflection(client_id, goal_id, which, text or None)

    async def share_reflections(self, client_id: int, goal_id: int, shared: bool) -> bool:
        """Let the practitioner see the goal's follow-up answers (only when the client says)."""
        return await self._repo.share_reflections(client_id, goal_id, shared)

    async def set_stage(self, client_id: int, goal_id: int, stage: str | None) -> bool:
        """Where the client is with the goal (plain words; ``None``: not said)."""
        if stage is not None and stage not in STAGES:
            raise ValueError(stage)
        return await self._repo.set_stage(client_id, goal_id, stage)

    async def set_ruler(self, client_id: int, goal_id: int, ruler: str, value: int | None) -> bool:
        """Store an importance or confidence answer (0-10, or ``None`` if skipped)."""
        if ruler not in ("importance", "confidence"):
            raise ValueError(ruler)
        if value is not None and not 0 <= value <= 10:
            return False
        return await self._repo.set_ruler(client_id, goal_id, ruler, value)

    # --- Goal Attainment Scaling: levels in the client's words, weights, the T-score ------

    async def levels(self, client_id: int, goal_id: int) -> dict[int, str]:
        """The levels the client wrote for their goal: ``{level: text}`` (-2 to +2)."""
        if await self._repo.get(client_id, goal_id) is None:
            return {}
        return (await self._repo.levels([goal_id])).get(goal_id, {})

    async def set_level(
        self, client_id: int, goal_id: int, level: int, raw: str | None
    ) -> bool | GoalProblem:
        """Write one level in the client's words (``None`` clears it); refused whole if over
        :data:`MAX_LEVEL_LENGTH` (``TooLongError``), ``EMPTY`` without a word, ``False`` if
        the goal is not the client's."""
        if level not in LEVELS:
            raise ValueError(level)
        text = None
        if raw is not None:
            text = checked(" ".join(clean_user_text(raw).split()), MAX_LEVEL_LENGTH)
            if not any(unicodedata.category(char)[0] in "LNS" for char in text):
                return GoalProblem.EMPTY
        return await self._repo.set_level(client_id, goal_id, level, text)

    async def clear_levels(self, client_id: int, goal_id: int) -> bool:
        """Remove every level of the client's goal (levels chosen in check-ins stay)."""
        for level in LEVELS:
            if not await self._repo.set_level(client_id, goal_id, level, None):
                return False
        return True

    async def gas_scores(self, client_id: int) -> GasScores | None:
        """The T-score at baseline and now over the client's goals with levels (not archived);
        see :func:`bot.services.gas.scores` for the choice of baseline."""
        history = await self._repo.history(client_id)
        goals = [goal.id for goal in history if goal.status != "archived"]
        written = await self._repo.levels(goals)
        with_levels = {goal_id for goal_id, levels in written.items() if 0 in levels}
        if not with_levels:
            return None
        return scores(await self._repo.gas_history(client_id), with_levels)

    async def set_weight(self, practitioner_id: int, goal_id: int, weight: int) -> bool:
        """The practitioner's weight (1-9) for a goal of their own client in the T-score."""
        if not MIN_WEIGHT <= weight <= MAX_WEIGHT:
            return False
        return await self._repo.set_weight(goal_id, practitioner_id, weight)
