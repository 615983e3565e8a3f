"""Check-ins and their ratings: one row per sitting, one rating per goal asked."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.storage.database import Connection, Database, Row
from bot.storage.goals import GOAL_COLUMNS, Goal, goal_from_row

__all__ = ["Checkin", "CheckinRepository", "CheckinState", "RatingRow", "Sharing"]

_COLUMNS = (
    "c.id, c.client_id, c.source, c.step, c.goal_ids, c.wellbeing, c.note, c.note_shared,"
    " c.started_at, c.completed_at"
)
# the latest answered rating of a goal (the first ``?``) in a check-in before ``c``
_PREVIOUS = (
    "(SELECT r.value FROM ratings r WHERE r.goal_id = ? AND r.value IS NOT NULL"
    " AND r.checkin_id < c.id ORDER BY r.checkin_id DESC LIMIT 1)"
)
# the check-in, the client's options, the previous rating of one goal, and the goals the
# check-in can ask: every active goal and every goal changed since it started (a goal asked
# was active when it started, so it is one of these unless the clock went backwards)
# (and the levels written for those goals, one row per level), and whether the practitioner
# wants an alert when a rating drops
_STATE_SQL = (
    f"SELECT {_COLUMNS}, cl.share_notes_default, pp.display_name AS practitioner_name,"
    " COALESCE(pr.alert_on_drop, 0) AS alert_on_drop,"
    f" {_PREVIOUS} AS previous, {GOAL_COLUMNS}, gl.level AS level, gl.text AS level_text"
    " FROM checkins c JOIN clients cl ON cl.person_id = c.client_id"
    " LEFT JOIN people pp ON pp.id = cl.practitioner_id"
    " LEFT JOIN practitioners pr ON pr.person_id = cl.practitioner_id"
    " LEFT JOIN goals g ON g.client_id = c.client_id"
    " AND (g.status = 'active' OR g.updated_at >= c.started_at)"
    " LEFT JOIN goal_levels gl ON gl.goal_id = g.id"
    " WHERE c.id = ? AND c.client_id = ? ORDER BY g.id, gl.level"
)
_ANSWER_COLUMNS = frozenset({"wellbeing", "note_shared", "note"})


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
        """Build from a row that selected the ``checkins`` columns."""
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
class Sharing:
    """What the sharing question needs: the client's default and their practitioner's name."""

    default: bool
    practitioner_name: str


@dataclass(frozen=True)
class CheckinState:
    """A check-in with everything a tap needs, read in one query."""

    checkin: Checkin
    goals: dict[int, Goal]  # the goals it may ask (see ``_STATE_SQL``), by id
    sharing: Sharing
    previous: int | None  # the previous answered rating of the goal asked about, if any
    levels: dict[int, dict[int, str]] = field(default_factory=dict)  # {goal: {level: text}}
    alert_on_drop: bool = False  # the practitioner asked to hear at once of a 2+ point drop


@dataclass(frozen=True)
class RatingRow:
    """One goal's answer in a check-in, as stored, with the previous answered rating."""

    goal: Goal
    value: int | None
    previous: int | None
    level: int | None = None  # the goal's level the client chose (-2 to +2)
    slip: bool = False


class CheckinRepository:
    """All SQL of check-ins and ratings; every read names the client, so ownership holds."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def get(self, client_id: int, checkin_id: int) -> Checkin | None:
        """A check-in, if it belongs to the client."""
        row = await self._db.fetchone(
            f"SELECT {_COLUMNS} FROM checkins c WHERE c.id = ? AND c.client_id = ?",
            (checkin_id, client_id),
        )
        return None if row is None else Checkin.from_row(row)

    async def open_checkin(self, client_id: int) -> Checkin | None:
        """The client's latest unfinished check-in, if any."""
        row = await self._db.fetchone(
            f"SELECT {_COLUMNS} FROM checkins c WHERE c.client_id = ? AND c.completed_at IS NULL"
            " ORDER BY c.id DESC LIMIT 1",
            (client_id,),
        )
        return None if row is None else Checkin.from_row(row)

    async def state(
        self, client_id: int, checkin_id: int, rated_goal_id: int | None
    ) -> CheckinState | None:
        """The check-in, its goals, sharing options and one goal's previous rating: one query."""
        rows = await self._db.fetchall(_STATE_SQL, (rated_goal_id, checkin_id, client_id))
        if not rows:
            return None
        first = rows[0]
        goals = {
            goal.id: goal for goal in (goal_from_row(r) for r in rows if r["goal_id"] is not None)
        }
        levels: dict[int, dict[int, str]] = {}
        for row in rows:
            if row["level"] is not None:
                levels.setdefault(int(row["goal_id"]), {})[int(row["level"])] = row["level_text"]
        name = first["practitioner_name"]
        return CheckinState(
            checkin=Checkin.from_row(first),
            goals=goals,
            sharing=Sharing(bool(first["share_notes_default"]), "" if name is None else name),
            previous=first["previous"],
            levels=levels,
            alert_on_drop=bool(first["alert_on_drop"]),
        )

    async def sharing(self, client_id: int) -> Sharing:
        """The client's note-sharing default and their practitioner's name."""
        row = await self._db.fetchone(
            "SELECT cl.share_notes_default, pp.display_name FROM clients cl"
            " LEFT JOIN people pp ON pp.id = cl.practitioner_id WHERE cl.person_id = ?",
            (client_id,),
        )
        if row is None:
            return Sharing(False, "")
        return Sharing(bool(row["share_notes_default"]), row["display_name"] or "")

    async def asks_wellbeing(self, client_id: int) -> bool:
        """Whether the client's check-ins start with the overall question."""
        value = await self._db.fetchval(
            "SELECT ask_wellbeing FROM clients WHERE person_id = ?", (client_id,)
        )
        return bool(value)

    async def close(self, conn: Connection, checkin_id: int, now: int) -> None:
        """Finish an old unfinished check-in, keeping its answers."""
        await conn.execute(
            "UPDATE checkins SET completed_at = ?, step = 'done' WHERE id = ?", (now, checkin_id)
        )

    async def insert(
        self,
        conn: Connection,
        client_id: int,
        source: str,
        step: str,
        goal_ids: Sequence[int],
        now: int,
    ) -> int:
        """Start a check-in asking ``goal_ids`` in order; return its id."""
        rows = list(
            await conn.execute_fetchall(
                "INSERT INTO checkins (client_id, source, step, goal_ids, started_at)"
                " VALUES (?, ?, ?, ?, ?) RETURNING id",
                (client_id, source, step, json.dumps(list(goal_ids)), now),
            )
        )
        return int(rows[0][0])

    async def advance(
        self,
        conn: Connection,
        checkin_id: int,
        following: str,
        completed_at: int | None,
        *,
        expected_step: str | None = None,
        column: str | None = None,
        value: int | str | None = None,
    ) -> bool:
        """Move a check-in on to ``following``; ``False`` if it was not at ``expected_step``."""
        # ``column`` (wellbeing, note_shared or note) takes ``value`` in the same statement
        assignments = "step = ?, completed_at = COALESCE(completed_at, ?)"
        params: list[int | str | None] = [following, completed_at]
        if column is not None:
            if column not in _ANSWER_COLUMNS:
                raise ValueError(column)
            assignments += f", {column} = ?"
            params.append(value)
        where = "id = ?"
        params.append(checkin_id)
        if expected_step is not None:
            where += " AND step = ? AND completed_at IS NULL"
            params.append(expected_step)
        cursor = await conn.execute(f"UPDATE checkins SET {assignments} WHERE {where}", params)
        return cursor.rowcount > 0

    async def rate(
        self,
        conn: Connection,
        checkin_id: int,
        goal_id: int,
        value: int | None,
        now: int,
        *,
        slip: bool = False,
    ) -> None:
        """Store (or replace) the answer for one goal of a check-in (a slip: ``slip``)."""
        await conn.execute(
            "INSERT INTO ratings (checkin_id, goal_id, value, rated_at, slip)"
            " VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (checkin_id, goal_id) DO UPDATE SET value = excluded.value,"
            " rated_at = excluded.rated_at, slip = excluded.slip",
            (checkin_id, goal_id, value, now, 1 if slip else 0),
        )

    async def choose_level(
        self, conn: Connection, checkin_id: int, goal_id: int, level: int | None, now: int
    ) -> None:
        """Store the goal's level the client chose in a check-in (its rating stays)."""
        await conn.execute(
            "INSERT INTO ratings (checkin_id, goal_id, value, rated_at, level)"
            " VALUES (?, ?, NULL, ?, ?)"
            " ON CONFLICT (checkin_id, goal_id) DO UPDATE SET level = excluded.level",
            (checkin_id, goal_id, now, level),
        )

    async def correct(self, checkin_id: int, goal_id: int, value: int, now: int) -> None:
        """Change one rating afterwards (the time it was first given stays)."""
        await self._db.execute(
            "INSERT INTO ratings (checkin_id, goal_id, value, rated_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (checkin_id, goal_id) DO UPDATE SET value = excluded.value",
            (checkin_id, goal_id, value, now),
        )

    async def set_note(self, checkin_id: int, note: str) -> None:
        """Replace the note of a check-in."""
        await self._db.execute("UPDATE checkins SET note = ? WHERE id = ?", (note, checkin_id))

    async def rating_lines(
        self, client_id: int, checkin_id: int, goal_ids: Sequence[int]
    ) -> list[RatingRow]:
        """Each of ``goal_ids`` still there, in order, with its answer and the previous one."""
        if not goal_ids:
            return []
        marks = ", ".join("?" for _ in goal_ids)
        rows = await self._db.fetchall(
            f"SELECT {GOAL_COLUMNS}, a.value, a.level, a.slip,"
            " (SELECT r.value FROM ratings r WHERE r.goal_id = g.id AND r.value IS NOT NULL"
            " AND r.checkin_id < ? ORDER BY r.checkin_id DESC LIMIT 1) AS previous"
            " FROM goals g LEFT JOIN ratings a ON a.checkin_id = ? AND a.goal_id = g.id"
            f" WHERE g.client_id = ? AND g.id IN ({marks})",
            (checkin_id, checkin_id, client_id, *goal_ids),
        )
        found = {int(row["goal_id"]): row for row in rows}
        return [
            RatingRow(
                goal_from_row(row), row["value"], row["previous"], row["level"], bool(row["slip"])
            )
            for row in (found.get(goal_id) for goal_id in goal_ids)
            if row is not None
        ]

    async def previous_wellbeing(self, client_id: int, checkin_id: int) -> int | None:
        """The wellbeing answer of the client's latest check-in before this one that has one."""
        value = await self._db.fetchval(
            "SELECT wellbeing FROM checkins WHERE client_id = ? AND id < ?"
            " AND wellbeing IS NOT NULL ORDER BY id DESC LIMIT 1",
            (client_id, checkin_id),
        )
        return None if value is None else int(value)

    async def latest_completed(self, client_id: int) -> int | None:
        """The id of the client's latest finished check-in."""
        value = await self._db.fetchval(
            "SELECT MAX(id) FROM checkins WHERE client_id = ? AND completed_at IS NOT NULL",
            (client_id,),
        )
        return None if value is None else int(value)
