"""Every button's callback data, defined once: a prefix, typed fields, parse and build.

A template such as ``"g:{goal:id}:{ruler:imp|conf}:{value:rating}"`` is the whole definition:
literal parts, and fields with a type. Handlers register ``ACTION.pattern``, read
``ACTION.parse(query.data)`` and views build ``ACTION.build(goal=3, ruler="imp", value=None)``.
Nobody builds or slices callback strings by hand. The data of every action, with the largest
values its fields allow, fits Telegram's 64-byte limit (tests/test_callbacks.py).

Field types: ``id`` (1-18 ASCII digits, an int that fits SQLite and PostgreSQL), ``rating``
(0-10, or ``s`` for Skip: an int or None), ``slug`` (a catalogue id: 1-40 of a-z 0-9 _ -),
``zone`` (an IANA time zone name), ``hhmm`` (a time like 07:30), ``lang`` (two letters),
``token`` (16 URL-safe characters), ``day`` (a weekday 0-6), ``page`` (0-999), or a list of
choices ``a|b|c``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

__all__ = ["ACTIONS", "Callback", "CallbackError"]

MAX_BYTES = 64
_TYPES: dict[str, tuple[str, str]] = {
    # name: (regular expression, the largest value as text, for the size check)
    "id": (r"[0-9]{1,18}", "9" * 18),
    "rating": (r"[0-9]|10|s", "10"),
    "slug": (r"[a-z0-9][a-z0-9_-]{0,39}", "x" * 40),
    "zone": (r"[A-Za-z][A-Za-z0-9_+/-]{0,39}", "America/Argentina/ComodRivadavia"),
    "hhmm": (r"(?:[01][0-9]|2[0-3]):[0-5][0-9]", "23:59"),
    "lang": (r"[a-z]{2}", "uk"),
    "token": (r"[A-Za-z0-9_-]{16}", "x" * 16),
    "day": (r"[0-6]", "6"),
    "page": (r"[0-9]{1,3}", "999"),
}
_FIELD = re.compile(r"\{([a-z_]+):([^}]+)\}")


class CallbackError(ValueError):
    """A value that does not fit its field, or data over 64 bytes."""


@dataclass(frozen=True)
class _Field:
    name: str
    kind: str  # a type name, or "choice"
    choices: tuple[str, ...] = ()

    @property
    def regex(self) -> str:
        if self.kind == "choice":
            return "|".join(re.escape(choice) for choice in self.choices)
        return _TYPES[self.kind][0]

    @property
    def largest(self) -> str:
        if self.kind == "choice":
            return max(self.choices, key=len)
        return _TYPES[self.kind][1]

    def read(self, text: str) -> Any:
        if self.kind in ("id", "day", "page"):
            return int(text)
        if self.kind == "rating":
            return None if text == "s" else int(text)
        return text

    def write(self, value: Any) -> str:
        if self.kind == "rating":
            text = "s" if value is None else str(int(value))
        elif self.kind in ("id", "day", "page"):
            text = str(int(value))
        else:
            text = str(value)
        if not re.fullmatch(self.regex, text):
            raise CallbackError(f"{self.name}={value!r} does not fit {self.kind}")
        return text


class Callback:
    """One kind of button: its template, and how to read and write its data."""

    def __init__(self, template: str) -> None:
        self.template = template
        self.fields: list[_Field] = []
        pieces: list[str] = []
        position = 0
        for found in _FIELD.finditer(template):
            pieces.append(re.escape(template[position : found.start()]))
            name, kind = found.group(1), found.group(2)
            field = (
                _Field(name, "choice", tuple(kind.split("|")))
                if kind not in _TYPES
                else _Field(name, kind)
            )
            self.fields.append(field)
            pieces.append(f"(?P<{name}>{field.regex})")
            position = found.end()
        pieces.append(re.escape(template[position:]))
        self.pattern = re.compile("^" + "".join(pieces) + "$")

    def parse(self, data: str | None) -> dict[str, Any] | None:
        """The typed fields of ``data``, or ``None`` if it is not this kind of button."""
        found = self.pattern.match(data or "")
        if found is None:
            return None
        return {field.name: field.read(found.group(field.name)) for field in self.fields}

    def matches(self, data: str | None) -> bool:
        """Whether ``data`` is this kind of button."""
        return self.pattern.match(data or "") is not None

    def build(self, **values: Any) -> str:
        """The callback data for these field values (checked, at most 64 bytes)."""
        names = {field.name for field in self.fields}
        if set(values) != names:
            raise CallbackError(f"{self.template}: expected {sorted(names)}, got {sorted(values)}")
        data = _FIELD.sub(
            lambda found: next(f for f in self.fields if f.name == found.group(1)).write(
                values[found.group(1)]
            ),
            self.template,
        )
        if len(data.encode()) > MAX_BYTES:
            raise CallbackError(f"{self.template}: {len(data.encode())} bytes, over 64")
        return data

    def largest(self) -> str:
        """The longest data this action can produce (for the 64-byte check)."""
        return _FIELD.sub(
            lambda found: next(f for f in self.fields if f.name == found.group(1)).largest,
            self.template,
        )

    def __repr__(self) -> str:
        return f"Callback({self.template!r})"


# --- every button, by journey ---------------------------------------------------------------

CONSENT = Callback("consent:{choice:yes|no}:{invite:id}:{signature:token}")
# goals
GOAL_MENU = Callback("g:{action:list|add|cancel|hist}")
GOAL = Callback("g:{goal:id}")
GOAL_ACTION = Callback("g:{goal:id}:{action:rw|ach|arc|stg|mi}")
GOAL_STAGE = Callback("gs:{goal:id}:{stage:thinking|ready|doing|keeping|slip|none}")
GOAL_REFLECT = Callback("gr:{goal:id}:{action:skipwhy|skiphelp|share|private}")
GOAL_RULER = Callback("g:{goal:id}:{ruler:imp|conf}:{value:rating}")
# check-ins: answers name the step they answer; corrections name the goal
CHECKIN_WELLBEING = Callback("ci:{checkin:id}:w:{value:rating}")
CHECKIN_GOAL = Callback("ci:{checkin:id}:g{goal:id}:{value:rating}")
CHECKIN_NOTE_SKIP = Callback("ci:{checkin:id}:n:s")
CHECKIN_SHARE = Callback("ci:{checkin:id}:s:{share:0|1}")
CHECKIN_FIX = Callback("ci:{checkin:id}:fix")
CHECKIN_FIX_GOAL = Callback("ci:{checkin:id}:fx{goal:id}")
CHECKIN_CORRECT = Callback("ci:{checkin:id}:c{goal:id}:{value:rating}")
# check-ins: a goal's level in the client's words (s: Skip), the importance and confidence of
# a goal still being thought about, and a slip
CHECKIN_LEVEL = Callback("ci:{checkin:id}:l{goal:id}:{level:m2|m1|0|p1|p2|s}")
CHECKIN_RULER = Callback("ci:{checkin:id}:{ruler:ri|rc}{goal:id}:{value:rating}")
CHECKIN_SLIP = Callback("ci:{checkin:id}:sl{goal:id}")
# Goal Attainment Scaling: the five levels of a goal, written by the client, one at a time
GAS = Callback("gas:{goal:id}:{action:menu|write|clear|wipe|stop}")
GAS_LEVEL = Callback("gl:{goal:id}:{level:m2|m1|0|p1|p2}:{action:skip|keep|clear}")
# reminders, pausing and check-in options
REMINDER = Callback("rem:{action:go|later|skip|none|keep|change|pause}")
PAUSE = Callback("pa:{length:1d|7d|14d|inf}")
OPTIONS = Callback("opt:{option:menu|wb|share}")
REMINDER_DAY = Callback("rd:{day:day}")
REMINDER_DAYS = Callback("rd:{days:all|none}")
REMINDER_TIME = Callback("rt:{at:hhmm}")
REMINDER_TIME_TYPE = Callback("rt:type")
# settings for everyone (the reminder schedule is the reminders journey's own section)
SETTINGS = Callback("set:{section:lang|tz|tztype}")
REMINDER_SCHEDULE = Callback("set:rem")
LANGUAGE = Callback("lang:{code:lang}")
TIMEZONE = Callback("tz:{zone:zone}")
PLACE_TYPE = Callback("tzp:type")  # "type a city" under "Where are you?"
# typed words kept while the client chooses where
LOOSE_TEXT = Callback("lt:{choice:note|goal|no|send|topic}")
LOOSE_SLIP = Callback("lts:{goal:id}")  # a slip told in those words, marked on a goal
# data rights
ERASE = Callback("erase:{choice:yes|no}")
# resources and requests
RESOURCE_MENU = Callback("res:{action:menu|other|mine|export}")
RESOURCE_CATEGORY = Callback("res:c:{category:slug}:{page:page}")
RESOURCE = Callback("res:r:{resource:slug}")
RESOURCE_ASK = Callback("res:ask:{resource:slug}")
RESOURCE_SEND = Callback("res:send:{resource:slug}")
REQUEST_WITHDRAW = Callback("res:wd:{request:id}")
REQUEST = Callback("rq:{request:id}:{action:done|msg|ok}")
# practitioners
CLIENT = Callback("cl:{client:id}")
CLIENT_ALIAS = Callback("cl:{client:id}:alias")
CLIENT_ACTION = Callback("cl:{client:id}:{action:next|prep}")
MESSAGE_CLEAR = Callback("cm:{message:id}")
PRACTICE_MENU = Callback("ps:{action:menu|drop|empty|req|away|back}")
DIGEST_FREQUENCY = Callback("ps:f:{frequency:daily|weekly|off}")
DIGEST_TIME = Callback("ps:t:{at:hhmm}")
DIGEST_WEEKDAY = Callback("ps:wd:{day:day}")
QUIET_HOURS = Callback("ps:q:{hours:19-08|20-07|22-07|none}")  # buttons sent before 0.3
WORK_HOURS = Callback("ps:h:{hours:08-18|09-17|07-15|10-19|any}")
WORK_DAY = Callback("ps:d:{day:day}")
REPLY_DAYS = Callback("ps:r:{days:1|2|3|5}")
PREP_LEAD = Callback("ps:p:{minutes:30|60|120}")
AWAY_COVER = Callback("ps:c:{practitioner:id}")
# the practitioner's own weekly check-in (theirs alone)
OWN_MENU = Callback("own:{action:menu|on|off|now|chart|erase|erasey}")
OWN_TANK = Callback("ownt:{checkin:id}:{value:rating}")
OWN_THING_SKIP = Callback("ownx:{checkin:id}")
# admins
ADMIN_DEACTIVATE = Callback("ad:off:{practitioner:id}")
ADMIN_DEACTIVATE_TO = Callback("ad:off:{practitioner:id}:{target:id}")
ADMIN_MOVE = Callback("ad:move")
ADMIN_MOVE_FROM = Callback("ad:move:{practitioner:id}")
ADMIN_MOVE_CLIENT = Callback("ad:mv:{client:id}")
ADMIN_MOVE_TO = Callback("ad:mv:{client:id}:{target:id}")
# safety
CRISIS = Callback("sf:{event:id}:{choice:safe|sure|unsure|help|go|stop}")
ALERT = Callback("sa:{event:id}:{action:ack|show}")
PLAN_MENU = Callback("sp:{action:menu|share|private}")
PLAN_SECTION = Callback(
    "sp:{section:warning_signs|on_my_own|distractions|people|professional|surroundings|matters}"
)
PLAN_SECTION_ACTION = Callback(
    "sp:{section:warning_signs|on_my_own|distractions|people|professional|surroundings|matters}"
    ":{action:keep|clear}"
)

ACTIONS: dict[str, Callback] = {
    name: value for name, value in globals().items() if isinstance(value, Callback)
}
