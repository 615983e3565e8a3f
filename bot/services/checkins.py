"""Check-ins: one row per sitting; every answer is committed before the next question.

The row's ``step`` says what the bot asks next, and every button names the check-in and
the step it answers, so a restart in the middle loses nothing and the next tap continues.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from bot.clock import Clock
from bot.services.goals import Goal, GoalService
from bot.storage import Database, Row
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
_COLUMNS = (
    "id, client_id, source, step, goal_ids, wellbeing, note, note_shared, started_at, completed_at"
)


@dataclass(frozen=True)
class Checkin:
    """One sitting in which a client answers some questions."""

    id: int
    client_id: int
    source: str
    step: str
    goal_ids: tuple[int, ...]
    wellbeing: int | None
    note: str | None
    note_shared: bool
    started_at: int
    completed_at: int | None

    @classmethod
    def from_row(cls, row: Row) -> Checkin:
        """Build from a ``checkins`` row."""
        return cls(
            id=row["id"],
            client_id=row["client_id"],
            source=row["source"],
            step=row["step"],
            goal_ids=tuple(json.loads(row["goal_ids"])),
            wellbeing=row["wellbeing"],
            note=row["note"],
            note_shared=bool(row["note_shared"]),
            started_at=row["started_at"],
            completed_at=row["completed_at"],
        )


@dataclass(frozen=True)
class Question:
    """What to ask next: ``wellbeing``, ``goal``, ``note``, ``share``, ``done`` or ``no_goals``."""

    kind: str
    checkin: Checkin | None
    goal: Goal | None = None
    share_default: bool = False

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


class CheckinService:
    """Runs check-ins for clients; every method names the client, so ownership holds."""

    def __init__(self, db: Database, clock: Clock, goals: GoalService) -> None:
        self._db = db
        self._clock = clock
        self._goals = goals

    async def get(self, client_id: int, checkin_id: int) -> Checkin | None:
        """A check-in, if it belongs to the client."""
        row = await self._db.fetchone(
            f"SELECT {_COLUMNS} FROM checkins WHERE id = ? AND client_id = ?",
            (checkin_id, client_id),
        )
        return None if row is None else Checkin.from_row(row)

    async def open_checkin(self, client_id: int) -> Checkin | None:
        """The client's unfinished check-in, if any."""
        row = await self._db.fetchone(
            f"SELECT {_COLUMNS} FROM checkins WHERE client_id = ? AND completed_at IS NULL"
            " ORDER BY id DESC LIMIT 1",
            (client_id,),
        )
        return None if row is None else Checkin.from_row(row)

    async def start(self, client_id: int, source: str = "command") -> Question:
        """Continue a recent unfinished check-in, or start a new one."""
        now = self._clock.now()
        current = await self.open_checkin(client_id)
        if current is not None and now - current.started_at < RESUME_WINDOW:
            await self._db.execute(
                "UPDATE clients SET open_reminder_at = NULL WHERE person_id = ?", (client_id,)
            )
            return await self.question(current)
        goals = await self._goals.active(client_id)
        ask_wellbeing = bool(
            await self._db.fetchval(
                "SELECT ask_wellbeing FROM clients WHERE person_id = ?", (client_id,)
            )
        )
        if not goals and not ask_wellbeing:
            return Question("no_goals", None)
        first = "wellbeing" if ask_wellbeing else "goal:0"
        async with self._db.transaction() as conn:
            if current is not None:  # an old unfinished one: keep its answers, close it
                await conn.execute(
                    "UPDATE checkins SET completed_at = ?, step = 'done' WHERE id = ?",
                    (now, current.id),
                )
            cursor = await conn.execute(
                "INSERT INTO checkins (client_id, source, step, goal_ids, started_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (client_id, source, first, json.dumps([goal.id for goal in goals]), now),
            )
            await conn.execute(
                "UPDATE clients SET open_reminder_at = NULL WHERE person_id = ?", (client_id,)
            )
            checkin_id = int(cursor.lastrowid or 0)
        checkin = await self.get(client_id, checkin_id)
        assert checkin is not None
        return await self.question(checkin)

    async def question(self, checkin: Checkin) -> Question:
        """Return the question the check-in's step stands for."""
        step = checkin.step
        if step.startswith("goal:"):
            index = int(step.split(":", 1)[1])
            goal = await self._goals.get(checkin.client_id, checkin.goal_ids[index])
            assert goal is not None
            return Question("goal", checkin, goal)
        if step == "share":
            default = bool(
                await self._db.fetchval(
                    "SELECT share_notes_default FROM clients WHERE person_id = ?",
                    (checkin.client_id,),
                )
            )
            return Question("share", checkin, share_default=default)
        return Question(step, checkin)

    async def answer(
        self, client_id: int, checkin_id: int, step: str, value: int | None
    ) -> tuple[Question, bool] | None:
        """Store a tapped answer (0-10, or ``None`` for Skip) for ``step`` and move on.

        Returns the next question and ``True``; the current question and ``False`` if
        ``step`` is not the one being asked (a stale button); ``None`` if the check-in is not
        the client's or is finished.
        """
        checkin = await self.get(client_id, checkin_id)
        if checkin is None or checkin.completed_at is not None:
            return None
        current = await self.question(checkin)
        if current.step != step or (value is not None and not 0 <= value <= 10):
            return current, False
        now = self._clock.now()
        async with self._db.transaction() as conn:
            if current.kind == "wellbeing":
                await conn.execute(
                    "UPDATE checkins SET wellbeing = ? WHERE id = ?", (value, checkin_id)
                )
            elif current.kind == "goal" and current.goal is not None:
                await conn.execute(
                    "INSERT INTO ratings (checkin_id, goal_id, value, rated_at) VALUES (?, ?, ?, ?)"
                    " ON CONFLICT (checkin_id, goal_id) DO UPDATE SET value = excluded.value,"
                    " rated_at = excluded.rated_at",
                    (checkin_id, current.goal.id, value, now),
                )
            elif current.kind == "note":  # a tap here can only be Skip (a kept note stays)
                value = None
            elif current.kind == "share":
                await conn.execute(
                    "UPDATE checkins SET note_shared = ? WHERE id = ?",
                    (1 if value else 0, checkin_id),
                )
            await self._advance(conn, checkin, now, has_note=bool(checkin.note))
        return await self._reload_question(client_id, checkin_id), True

    async def add_note(self, client_id: int, checkin_id: int, raw: str) -> Question | None:
        """Store the typed note of the check-in and move on to the sharing question."""
        checkin = await self.get(client_id, checkin_id)
        if checkin is None or checkin.completed_at is not None or checkin.step != "note":
            return None
        note = _joined(checkin.note, raw)
        if note is None:
            return await self.question(checkin)
        async with self._db.transaction() as conn:
            await conn.execute("UPDATE checkins SET note = ? WHERE id = ?", (note, checkin_id))
            await self._advance(conn, checkin, self._clock.now(), has_note=True)
        return await self._reload_question(client_id, checkin_id)

    async def keep_note(self, client_id: int, checkin_id: int, raw: str) -> bool:
        """Add typed text to an unfinished check-in's note without moving on."""
        checkin = await self.get(client_id, checkin_id)
        note = None if checkin is None else _joined(checkin.note, raw)
        if checkin is None or checkin.completed_at is not None or note is None:
            return False
        await self._db.execute("UPDATE checkins SET note = ? WHERE id = ?", (note, checkin_id))
        return True

    async def _reload_question(self, client_id: int, checkin_id: int) -> Question:
        checkin = await self.get(client_id, checkin_id)
        assert checkin is not None
        return await self.question(checkin)

    async def _advance(
        self, conn: object, checkin: Checkin, now: int, has_note: bool | None = None
    ) -> None:
        step = checkin.step
        if step == "wellbeing":
            following = "goal:0" if checkin.goal_ids else "note"
        elif step.startswith("goal:"):
            index = int(step.split(":", 1)[1]) + 1
            following = f"goal:{index}" if index < len(checkin.goal_ids) else "note"
        elif step == "note":
            following = "share" if has_note else "done"
        else:
            following = "done"
        completed = now if following == "done" else None
        await conn.execute(  # type: ignore[attr-defined]
            "UPDATE checkins SET step = ?, completed_at = COALESCE(completed_at, ?) WHERE id = ?",
            (following, completed, checkin.id),
        )

    async def ratings(self, client_id: int, checkin_id: int) -> list[RatingLine]:
        """Each goal asked in a check-in, its answer and the previous rating."""
        checkin = await self.get(client_id, checkin_id)
        if checkin is None:
            return []
        lines = []
        for goal_id in checkin.goal_ids:
            goal = await self._goals.get(client_id, goal_id)
            if goal is None:
                continue
            row = await self._db.fetchone(
                "SELECT value FROM ratings WHERE checkin_id = ? AND goal_id = ?",
                (checkin_id, goal_id),
            )
            previous = await self._db.fetchval(
                "SELECT r.value FROM ratings r JOIN checkins c ON c.id = r.checkin_id"
                " WHERE r.goal_id = ? AND r.value IS NOT NULL AND c.id < ?"
                " ORDER BY c.id DESC LIMIT 1",
                (goal_id, checkin_id),
            )
            value = None if row is None else row["value"]
            lines.append(RatingLine(goal, value, previous))
        return lines

    async def previous_wellbeing(self, client_id: int, checkin_id: int) -> int | None:
        """The wellbeing answer of the client's check-in before this one."""
        value = await self._db.fetchval(
            "SELECT wellbeing FROM checkins WHERE client_id = ? AND id < ?"
            " AND wellbeing IS NOT NULL ORDER BY id DESC LIMIT 1",
            (client_id, checkin_id),
        )
        return None if value is None else int(value)

    async def can_correct(self, client_id: int, checkin_id: int) -> bool:
        """Whether this is the client's latest finished check-in and still within 24 hours."""
        checkin = await self.get(client_id, checkin_id)
        if checkin is None or checkin.completed_at is None:
            return False
        latest = await self._db.fetchval(
            "SELECT MAX(id) FROM checkins WHERE client_id = ? AND completed_at IS NOT NULL",
            (client_id,),
        )
        within = self._clock.now() - checkin.completed_at <= CORRECTION_WINDOW
        return latest == checkin_id and within

    async def correct(self, client_id: int, checkin_id: int, goal_id: int, value: int) -> bool:
        """Change one rating of the latest check-in within the correction window."""
        if not 0 <= value <= 10 or not await self.can_correct(client_id, checkin_id):
            return False
        checkin = await self.get(client_id, checkin_id)
        if checkin is None or goal_id not in checkin.goal_ids:
            return False
        await self._db.execute(
            "INSERT INTO ratings (checkin_id, goal_id, value, rated_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (checkin_id, goal_id) DO UPDATE SET value = excluded.value",
            (checkin_id, goal_id, value, self._clock.now()),
        )
        return True
