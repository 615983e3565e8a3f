"""Check-ins: one row per sitting; every answer is committed before the next question.

The row's ``step`` says what the bot asks next, and every button names the check-in and
the step it answers, so a restart in the middle loses nothing and the next tap continues.
A tap is the hot path: :meth:`CheckinService.answer` reads once (the check-in, its goals and
the client's options) and writes once (one transaction), and returns all the next question
needs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from bot.clock import Clock
from bot.services.goals import Goal, GoalService
from bot.storage import Database
from bot.storage.checkins import Checkin, CheckinRepository, Sharing
from bot.storage.goals import GoalRepository
from bot.storage.reminders import ReminderRepository
from bot.text import checked, clean_user_text

__all__ = [
    "CORRECTION_WINDOW",
    "MAX_NOTE_LENGTH",
    "RESUME_WINDOW",
    "Checkin",
    "CheckinService",
    "Question",
    "RatingLine",
]

CORRECTION_WINDOW = 24 * 3600
RESUME_WINDOW = 12 * 3600
MAX_NOTE_LENGTH = 4000  # a whole Telegram message fits; more is refused, never cut


@dataclass(frozen=True)
class Question:
    """What to ask next: ``wellbeing``, ``goal``, ``note``, ``share``, ``done`` or ``no_goals``."""

    kind: str
    checkin: Checkin | None
    goal: Goal | None = None
    share_default: bool = False
    practitioner_name: str | None = None  # for ``share``: who the note would be shared with
    answered: RatingLine | None = None  # from answer(): the goal rating just stored

    @property
    def step(self) -> str:
        """The step name a button for this question carries."""
        if self.kind == "goal" and self.goal is not None:
            return f"g{self.goal.id}"
        return {"wellbeing": "w", "note": "n", "share": "s"}.get(self.kind, self.kind)


@dataclass(frozen=True)
class RatingLine:
    """One goal's answer in a check-in, with the previous rating for comparison."""

    goal: Goal
    value: int | None
    previous: int | None

    @property
    def change(self) -> int | None:
        """How far the rating moved since the previous one (``None`` if not comparable)."""
        if self.value is None or self.previous is None:
            return None
        return self.value - self.previous


def _joined(existing: str | None, raw: str) -> str | None:
    """Append cleaned text to a note (on a new line); ``None`` if there is nothing to add."""
    addition = clean_user_text(raw)
    if not addition:
        return None
    return checked(f"{existing}\n{addition}" if existing else addition, MAX_NOTE_LENGTH)


def _goal_at(checkin: Checkin, step: str) -> int | None:
    """The id of the goal ``step`` asks about, if it is a goal step."""
    if not step.startswith("goal:"):
        return None
    return checkin.goal_ids[int(step.split(":", 1)[1])]


def _following(checkin: Checkin, has_note: bool) -> str:
    """The step after the check-in's current one."""
    step = checkin.step
    if step == "wellbeing":
        return "goal:0" if checkin.goal_ids else "note"
    if step.startswith("goal:"):
        index = int(step.split(":", 1)[1]) + 1
        return f"goal:{index}" if index < len(checkin.goal_ids) else "note"
    if step == "note":
        return "share" if has_note else "done"
    return "done"


def _question_at(checkin: Checkin, goals: Mapping[int, Goal], sharing: Sharing) -> Question:
    """The question of the check-in's step, from goals and options already read."""
    goal_id = _goal_at(checkin, checkin.step)
    if goal_id is not None:
        goal = goals.get(goal_id)
        assert goal is not None
        return Question("goal", checkin, goal)
    if checkin.step == "share":
        return Question(
            "share",
            checkin,
            share_default=sharing.default,
            practitioner_name=sharing.practitioner_name,
        )
    return Question(checkin.step, checkin)


def _rated_goal(step: str) -> int | None:
    """The goal id a button's step (``g<id>``) answers, if it is a goal step."""
    return int(step[1:]) if step[:1] == "g" and step[1:].isdigit() else None


class CheckinService:
    """Runs check-ins for clients; every method names the client, so ownership holds."""

    def __init__(self, db: Database, clock: Clock, goals: GoalService) -> None:
        self._db = db
        self._clock = clock
        self._goals = goals
        self._repo = CheckinRepository(db)
        self._goal_repo = GoalRepository(db)
        self._reminders = ReminderRepository(db)

    async def get(self, client_id: int, checkin_id: int) -> Checkin | None:
        """A check-in, if it belongs to the client."""
        return await self._repo.get(client_id, checkin_id)

    async def open_checkin(self, client_id: int) -> Checkin | None:
        """The client's unfinished check-in, if any."""
        return await self._repo.open_checkin(client_id)

    async def start(self, client_id: int, source: str = "command") -> Question:
        """Continue a recent unfinished check-in, or start a new one."""
        now = self._clock.now()
        current = await self._repo.open_checkin(client_id)
        if current is not None and now - current.started_at < RESUME_WINDOW:
            await self._reminders.answered(client_id)
            return await self.question(current)
        goals = await self._goals.active(client_id)
        ask_wellbeing = await self._repo.asks_wellbeing(client_id)
        if not goals and not ask_wellbeing:
            return Question("no_goals", None)
        first = "wellbeing" if ask_wellbeing else "goal:0"
        goal_ids = tuple(goal.id for goal in goals)
        async with self._db.transaction() as conn:
            if current is not None:  # an old unfinished one: keep its answers, close it
                await self._repo.close(conn, current.id, now)
            checkin_id = await self._repo.insert(conn, client_id, source, first, goal_ids, now)
            await self._reminders.clear_open(conn, client_id)
        checkin = Checkin(
            checkin_id, client_id, source, first, goal_ids, None, None, False, now, None
        )
        # a new check-in opens with the overall question or its first goal, never with sharing
        return _question_at(checkin, {goal.id: goal for goal in goals}, Sharing(False, ""))

    async def question(self, checkin: Checkin) -> Question:
        """Return the question the check-in's step stands for."""
        goal_id = _goal_at(checkin, checkin.step)
        if goal_id is not None:
            goal = await self._goals.get(checkin.client_id, goal_id)
            assert goal is not None
            return Question("goal", checkin, goal)
        if checkin.step == "share":
            return _question_at(checkin, {}, await self._repo.sharing(checkin.client_id))
        return Question(checkin.step, checkin)

    async def answer(
        self, client_id: int, checkin_id: int, step: str, value: int | None
    ) -> tuple[Question, bool] | None:
        """Store a tapped answer (0-10, or ``None`` for Skip) for ``step`` and move on.

        Returns the next question and ``True``; the current question and ``False`` if
        ``step`` is not the one being asked (a stale button); ``None`` if the check-in is not
        the client's or is finished. One read and one transaction: the next question comes
        with its goal and sharing options, and a goal's answer with its previous rating
        (``Question.answered``), so nothing is read again.
        """
        state = await self._repo.state(client_id, checkin_id, _rated_goal(step))
        if state is None or state.checkin.completed_at is not None:
            return None
        checkin = state.checkin
        following = _following(checkin, has_note=bool(checkin.note))
        moved_on = replace(checkin, step=following)
        goals = await self._with_goals(client_id, state.goals, (checkin, moved_on))
        current = _question_at(checkin, goals, state.sharing)
        if current.step != step or (value is not None and not 0 <= value <= 10):
            return current, False
        now = self._clock.now()
        completed = now if following == "done" else None
        column, stored = {
            "wellbeing": ("wellbeing", value),
            "share": ("note_shared", 1 if value else 0),
        }.get(current.kind, (None, None))
        async with self._db.transaction() as conn:
            # only from the step just read: a tap handled meanwhile cannot be applied twice
            moved = await self._repo.advance(
                conn,
                checkin.id,
                following,
                completed,
                expected_step=checkin.step,
                column=column,
                value=stored,
            )
            if moved and current.goal is not None:
                await self._repo.rate(conn, checkin.id, current.goal.id, value, now)
        if not moved:
            fresh = await self.get(client_id, checkin_id)
            if fresh is None or fresh.completed_at is not None:
                return None
            return await self.question(fresh), False
        after = replace(
            moved_on,
            completed_at=completed,
            wellbeing=value if current.kind == "wellbeing" else checkin.wellbeing,
            note_shared=bool(value) if current.kind == "share" else checkin.note_shared,
        )
        line = None if current.goal is None else RatingLine(current.goal, value, state.previous)
        return replace(_question_at(after, goals, state.sharing), answered=line), True

    async def _with_goals(
        self, client_id: int, goals: dict[int, Goal], checkins: tuple[Checkin, ...]
    ) -> dict[int, Goal]:
        """``goals`` plus any goal the checkins' steps ask that the first read did not catch."""
        wanted = {_goal_at(checkin, checkin.step) for checkin in checkins}
        missing = [goal_id for goal_id in wanted if goal_id is not None and goal_id not in goals]
        if not missing:
            return goals
        return goals | await self._goal_repo.by_ids(client_id, sorted(missing))

    async def add_note(self, client_id: int, checkin_id: int, raw: str) -> Question | None:
        """Store the typed note of the check-in and move on to the sharing question."""
        checkin = await self.get(client_id, checkin_id)
        if checkin is None or checkin.completed_at is not None or checkin.step != "note":
            return None
        note = _joined(checkin.note, raw)
        if note is None:
            return await self.question(checkin)
        following = _following(checkin, has_note=True)
        completed = self._clock.now() if following == "done" else None
        async with self._db.transaction() as conn:
            await self._repo.advance(
                conn, checkin.id, following, completed, column="note", value=note
            )
        return await self.question(
            replace(checkin, note=note, step=following, completed_at=completed)
        )

    async def keep_note(self, client_id: int, checkin_id: int, raw: str) -> bool:
        """Add typed text to an unfinished check-in's note without moving on."""
        checkin = await self.get(client_id, checkin_id)
        note = None if checkin is None else _joined(checkin.note, raw)
        if checkin is None or checkin.completed_at is not None or note is None:
            return False
        await self._repo.set_note(checkin_id, note)
        return True

    async def ratings(self, client_id: int, checkin_id: int) -> list[RatingLine]:
        """Each goal asked in a check-in, its answer and the previous rating (two queries)."""
        checkin = await self.get(client_id, checkin_id)
        if checkin is None:
            return []
        lines = await self._repo.rating_lines(client_id, checkin_id, checkin.goal_ids)
        return [RatingLine(goal, value, previous) for goal, value, previous in lines]

    async def previous_wellbeing(self, client_id: int, checkin_id: int) -> int | None:
        """The wellbeing answer of the client's check-in before this one."""
        return await self._repo.previous_wellbeing(client_id, checkin_id)

    async def _correctable(self, client_id: int, checkin_id: int) -> Checkin | None:
        """The check-in if it is the client's latest finished one and within 24 hours."""
        checkin = await self.get(client_id, checkin_id)
        if checkin is None or checkin.completed_at is None:
            return None
        latest = await self._repo.latest_completed(client_id)
        within = self._clock.now() - checkin.completed_at <= CORRECTION_WINDOW
        return checkin if latest == checkin_id and within else None

    async def can_correct(self, client_id: int, checkin_id: int) -> bool:
        """Whether this is the client's latest finished check-in and still within 24 hours."""
        return await self._correctable(client_id, checkin_id) is not None

    async def correct(self, client_id: int, checkin_id: int, goal_id: int, value: int) -> bool:
        """Change one rating of the latest check-in within the correction window."""
        if not 0 <= value <= 10:
            return False
        checkin = await self._correctable(client_id, checkin_id)
        if checkin is None or goal_id not in checkin.goal_ids:
            return False
        await self._repo.correct(checkin_id, goal_id, value, self._clock.now())
        return True
