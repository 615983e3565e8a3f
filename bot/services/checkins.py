"""Check-ins: one row per sitting; every answer is committed before the next question.

The row's ``step`` says what the bot asks next, and every button names the check-in and
the step it answers, so a restart in the middle loses nothing and the next tap continues.
A tap is the hot path: :meth:`CheckinService.answer` reads once (the check-in, its goals, their
levels and the client's options) and writes once (one transaction), and returns all the next
question needs.

The questions, in order: the overall one, then for each goal its 0-10 rating, and right after
it, if the client wrote levels for the goal (the expected outcome at least), which level they
are at. A goal the client is still thinking about (stage ``thinking``) is not rated: they are
asked how important it is to them now and how confident they are that they could do it (the
goal's rulers; the check-in's rating stays empty). At a goal they are doing, keeping up or
slipped with, "I had a slip" answers the goal's question: the rating stays empty, the rating
row says ``slip``, the goal's stage becomes ``slip``, and no level is asked. Then the note and
sharing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any

from bot.clock import Clock
from bot.services.goals import LEVELS, Goal, GoalService
from bot.storage import Connection, Database
from bot.storage.checkins import Checkin, CheckinRepository, Sharing
from bot.storage.goals import GoalRepository
from bot.storage.people import PeopleRepository
from bot.storage.reminders import ReminderRepository
from bot.text import checked, clean_user_text

__all__ = [
    "CORRECTION_WINDOW",
    "MAX_NOTE_LENGTH",
    "RESUME_WINDOW",
    "SLIP_STAGES",
    "THINKING",
    "Checkin",
    "CheckinService",
    "Question",
    "RatingLine",
]


class _Unknown(Enum):
    """A caller that does not say what the client's next typed text answers now."""

    PENDING = "unknown"


UNKNOWN = _Unknown.PENDING
Pending = dict[str, Any] | None | _Unknown

CORRECTION_WINDOW = 24 * 3600
RESUME_WINDOW = 12 * 3600
MAX_NOTE_LENGTH = 4000  # a whole Telegram message fits; more is refused, never cut
THINKING = "thinking"  # a goal at this stage is asked about importance and confidence
SLIP_STAGES = frozenset({"doing", "keeping", "slip"})  # a goal at these can have a slip
# the button step of each question about one goal: ``g<goal id>``, ``ri<goal id>``, ...
_GOAL_STEPS = {"goal": "g", "importance": "ri", "confidence": "rc", "level": "l"}


@dataclass(frozen=True)
class Question:
    """What to ask next: ``wellbeing``, ``goal``, ``importance``, ``confidence``, ``level``,
    ``note``, ``share``, ``done`` or ``no_goals``."""

    kind: str
    checkin: Checkin | None
    goal: Goal | None = None
    share_default: bool = False
    practitioner_name: str | None = None  # for ``share``: who the note would be shared with
    answered: RatingLine | None = None  # from answer(): the goal rating just stored
    levels: Mapping[int, str] = field(default_factory=dict)  # for ``level``: their words
    # from answer(): whether the practitioner wants to hear at once of a 2+ point drop
    alert_on_drop: bool = False
    # from answer(): what the client's next typed text answers was stored with the answer
    # (the note, when this asks for it) or forgotten (when the check-in is done)
    input_stored: bool = False

    @property
    def step(self) -> str:
        """The step name a button for this question carries."""
        if self.kind in _GOAL_STEPS and self.goal is not None:
            return f"{_GOAL_STEPS[self.kind]}{self.goal.id}"
        return {"wellbeing": "w", "note": "n", "share": "s"}.get(self.kind, self.kind)

    @property
    def can_slip(self) -> bool:
        """Whether "I had a slip" answers this question (a goal being done or kept up)."""
        return self.kind == "goal" and self.goal is not None and self.goal.stage in SLIP_STAGES


@dataclass(frozen=True)
class RatingLine:
    """One goal's answer in a check-in, with the previous rating for comparison."""

    goal: Goal
    value: int | None
    previous: int | None
    level: int | None = None  # the goal's level chosen in the check-in, if any
    slip: bool = False  # "I had a slip" answered the goal's question

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


def _position(step: str) -> tuple[str, int] | None:
    """``("goal" | "conf" | "level", index)`` of a step about one goal (``goal:0``, ...)."""
    kind, _, index = step.partition(":")
    if kind in ("goal", "conf", "level") and index.isdigit():
        return kind, int(index)
    return None


def _goal_at(checkin: Checkin, step: str) -> int | None:
    """The id of the goal ``step`` asks about, if it is a goal step."""
    position = _position(step)
    return None if position is None else checkin.goal_ids[position[1]]


def _goal_step(checkin: Checkin, index: int) -> str:
    """The step asking about the check-in's goal number ``index``, or the note after the last."""
    return f"goal:{index}" if index < len(checkin.goal_ids) else "note"


def _following(
    checkin: Checkin,
    has_note: bool,
    *,
    goal: Goal | None = None,
    levelled: bool = False,
    slip: bool = False,
) -> str:
    """The step after the check-in's current one.

    After a goal's question: its confidence question if the client is still thinking about
    it (the goal question asked about importance), else its level if the client wrote levels
    (not after a slip), else the next goal.
    """
    step = checkin.step
    if step == "wellbeing":
        return _goal_step(checkin, 0)
    position = _position(step)
    if position is not None:
        kind, index = position
        if kind == "goal" and goal is not None and goal.stage == THINKING:
            return f"conf:{index}"
        if kind == "goal" and levelled and not slip:
            return f"level:{index}"
        return _goal_step(checkin, index + 1)
    if step == "note":
        return "share" if has_note else "done"
    return "done"


def _question_at(
    checkin: Checkin,
    goals: Mapping[int, Goal],
    sharing: Sharing,
    levels: Mapping[int, Mapping[int, str]],
) -> Question:
    """The question of the check-in's step, from goals, levels and options already read."""
    position = _position(checkin.step)
    if position is not None:
        kind, index = position
        goal = goals.get(checkin.goal_ids[index])
        assert goal is not None
        if kind == "conf":
            return Question("confidence", checkin, goal)
        if kind == "level":
            return Question("level", checkin, goal, levels=levels.get(goal.id, {}))
        return Question("importance" if goal.stage == THINKING else "goal", checkin, goal)
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


def _fits(question: Question, value: int | None, slip: bool) -> bool:
    """Whether ``value`` (or a slip) can answer ``question``."""
    if slip:
        return value is None and question.can_slip
    if value is None:
        return True
    return value in LEVELS if question.kind == "level" else 0 <= value <= 10


class CheckinService:
    """Runs check-ins for clients; every method names the client, so ownership holds."""

    def __init__(self, db: Database, clock: Clock, goals: GoalService) -> None:
        self._db = db
        self._clock = clock
        self._goals = goals
        self._repo = CheckinRepository(db)
        self._goal_repo = GoalRepository(db)
        self._reminders = ReminderRepository(db)
        self._people = PeopleRepository(db)

    async def get(self, client_id: int, checkin_id: int) -> Checkin | None:
        """A check-in, if it belongs to the client."""
        return await self._repo.get(client_id, checkin_id)

    async def open_checkin(self, client_id: int) -> Checkin | None:
        """The client's unfinished check-in, if any."""
        return await self._repo.open_checkin(client_id)

    async def start(
        self, client_id: int, source: str = "command", pending: Pending = UNKNOWN
    ) -> Question:
        """Continue a recent unfinished check-in, or start a new one.

        A new one expects its note as the client's next typed text from the start, unless
        something else is expected (``pending``: what is expected now; a caller that does not
        say leaves it as it is): text typed before the
        note's question finds the note not asked yet and goes on as loose text (handlers/
        checkin.py ``typed_note``), and the last goal's tap has nothing more to write.
        """
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
            if pending is None or (isinstance(pending, dict) and pending.get("kind") == "note"):
                await self._people.set_pending_in(
                    conn, client_id, {"kind": "note", "checkin_id": checkin_id}
                )
        checkin = Checkin(
            checkin_id, client_id, source, first, goal_ids, None, None, False, now, None
        )
        # a new check-in opens with the overall question or its first goal, never with sharing
        return _question_at(checkin, {goal.id: goal for goal in goals}, Sharing(False, ""), {})

    async def question(self, checkin: Checkin) -> Question:
        """Return the question the check-in's step stands for."""
        position = _position(checkin.step)
        if position is not None:
            goal_id = checkin.goal_ids[position[1]]
            goal = await self._goals.get(checkin.client_id, goal_id)
            assert goal is not None
            levels = await self._goal_repo.levels([goal_id]) if position[0] == "level" else {}
            return _question_at(checkin, {goal_id: goal}, Sharing(False, ""), levels)
        if checkin.step == "share":
            return _question_at(checkin, {}, await self._repo.sharing(checkin.client_id), {})
        return Question(checkin.step, checkin)

    async def answer(
        self,
        client_id: int,
        checkin_id: int,
        step: str,
        value: int | None,
        *,
        slip: bool = False,
        pending: Pending = UNKNOWN,
    ) -> tuple[Question, bool] | None:
        """Store a tapped answer (0-10, a level -2 to +2, or ``None`` for Skip) for ``step``
        and move on; with ``slip`` (and no value), "I had a slip" answers a goal's question.

        Returns the next question and ``True``; the current question and ``False`` if
        ``step`` is not the one being asked (a stale button); ``None`` if the check-in is not
        the client's or is finished. One read and one transaction: the next question comes
        with its goal, levels and sharing options, and a goal's answer with its previous
        rating (``Question.answered``), so nothing is read again. ``pending`` is what the
        client's next typed text answers now (as read with the client): the note's typed
        answer is written only if it is not already expected (a new check-in expects it);
        without it, it is written (and cleared at the end) as if unknown.
        """
        state = await self._repo.state(client_id, checkin_id, _rated_goal(step))
        if state is None or state.checkin.completed_at is not None:
            return None
        checkin = state.checkin
        goals = await self._with_goals(client_id, state.goals, (checkin,))
        current = _question_at(checkin, goals, state.sharing, state.levels)
        if current.step != step or not _fits(current, value, slip):
            return current, False
        goal = current.goal
        following = _following(
            checkin,
            has_note=bool(checkin.note),
            goal=goal,
            levelled=goal is not None and 0 in state.levels.get(goal.id, {}),
            slip=slip,
        )
        moved_on = replace(checkin, step=following)
        goals = await self._with_goals(client_id, goals, (moved_on,))
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
            if moved and goal is not None:
                await self._store(conn, current, value, slip, now)
            # what the next typed text answers, in the same transaction (no second one), and
            # only if that changes it (usually the check-in's start already expects the note)
            note = {"kind": "note", "checkin_id": checkin.id}
            if moved and following == "note" and pending != note:
                await self._people.set_pending_in(conn, client_id, note)
            elif moved and following == "done" and pending is not None:
                await self._people.set_pending_in(conn, client_id, None)
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
        line = None
        if current.kind == "goal" and goal is not None:
            line = RatingLine(goal, value, state.previous, slip=slip)
        following_question = _question_at(after, goals, state.sharing, state.levels)
        return (
            replace(
                following_question,
                answered=line,
                alert_on_drop=state.alert_on_drop,
                input_stored=following in ("note", "done"),
            ),
            True,
        )

    async def _store(
        self, conn: Connection, question: Question, value: int | None, slip: bool, now: int
    ) -> None:
        """Write the answer to a question about one goal, in the caller's transaction."""
        checkin, goal = question.checkin, question.goal
        assert checkin is not None and goal is not None
        if question.kind == "goal":
            await self._repo.rate(conn, checkin.id, goal.id, value, now, slip=slip)
            if slip:
                await self._goal_repo.set_stage_in(conn, checkin.client_id, goal.id, "slip")
        elif question.kind == "level":
            await self._repo.choose_level(conn, checkin.id, goal.id, value, now)
        else:  # importance or confidence: the goal's rulers; a skip keeps what was there
            if question.kind == "importance":  # the rating of a goal thought about stays empty
                await self._repo.rate(conn, checkin.id, goal.id, None, now)
            if value is not None:
                await self._goal_repo.set_ruler_in(
                    conn, checkin.client_id, goal.id, question.kind, value
                )

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
        return await self.ratings_of(checkin)

    async def ratings_of(self, checkin: Checkin) -> list[RatingLine]:
        """:meth:`ratings` of a check-in already read (one query)."""
        rows = await self._repo.rating_lines(checkin.client_id, checkin.id, checkin.goal_ids)
        return [RatingLine(row.goal, row.value, row.previous, row.level, row.slip) for row in rows]

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
