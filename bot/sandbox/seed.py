"""A new sandbox's first three weeks, played through the real bot.

The admin invites the practitioner, the practitioner invites both clients, who agree to the
consent screen, write goals, choose reminders and time zones, and check in every few days
(some notes shared, some private), all by sending messages and tapping buttons, while the
clock moves forward and the scheduler tick runs. The admin uploads the example resource
catalogue first, as a document in the chat.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.sandbox.clockwork import run_until
from bot.sandbox.fake_telegram import FakeMessage, FakeUser
from bot.sandbox.harness import Harness
from bot.sandbox.personas import Persona

__all__ = ["HISTORY_DAYS", "catalogue_file", "history_start", "seed"]

HISTORY_DAYS = 21
# While the history plays, only scheduled work matters: a safety tick every 6 hours is plenty.
_HISTORY_SAFETY_STEP = 6 * 3600
_INVITE = re.compile(r"\?start=([A-Za-z0-9_-]+)")
_ANSWER = re.compile(r"^ci:\d+:(w|g\d+|n|s):(\d{1,2}|s)$")


@dataclass(frozen=True)
class _Goal:
    """A goal a client writes on ``day``, with the MI rulers they choose."""

    client: str
    day: int
    at: str
    text: str
    importance: int
    confidence: int


@dataclass(frozen=True)
class _Checkin:
    """One check-in: overall, each active goal in order (``None`` skips), an optional note."""

    client: str
    day: int
    at: str
    wellbeing: int | None
    ratings: tuple[int | None, ...]
    note: str | None = None
    share: bool = False


_GOALS = (
    _Goal("client1", 0, "", "Get to bed by eleven on weeknights", 8, 5),
    _Goal("client2", 0, "", "Llamar a mi hermana cada semana", 9, 6),
    _Goal("client2", 2, "20:15", "Terminar mi currículum", 8, 4),
    _Goal("client1", 7, "19:30", "Walk to the park three times a week", 7, 6),
)

_CHECKINS = (
    _Checkin("client1", 1, "18:06", 5, (3,)),
    _Checkin("client2", 2, "09:20", 6, (5,), "Hablé con mi hermana el domingo, fue bonito.", True),
    _Checkin("client1", 3, "18:12", 5, (4,), "In bed by 11:15 twice. Closer!", True),
    _Checkin("client2", 4, "09:35", 5, (5, 2)),
    _Checkin("client1", 6, "18:04", 6, (4,)),
    _Checkin("client2", 7, "10:05", 4, (6, None), "Semana cansada, sin tiempo para el CV.", False),
    _Checkin("client1", 8, "18:20", 4, (3, 4), "Rough nights, loud neighbours.", False),
    _Checkin("client1", 10, "18:08", 6, (5, 5)),
    _Checkin("client2", 11, "09:15", 6, (7, 4)),
    _Checkin("client1", 13, "18:15", 7, (6, 5), "Walked with my brother. It helped.", True),
    _Checkin("client2", 14, "09:40", 7, (7, 6), "Terminé la primera versión del currículum.", True),
    _Checkin("client1", 15, "18:02", 6, (6, 6)),
    _Checkin("client1", 17, "18:30", 7, (7, 6)),
    _Checkin("client2", 18, "09:10", 7, (8, 6)),
    _Checkin("client1", 20, "18:05", 7, (7, 7)),
)  # fmt: skip

# How each client set up reminders, as callback data of the /settings buttons they tap.
_REMINDERS = {
    "client1": (("rd:all",), "18:00"),
    "client2": (("rd:0", "rd:2", "rd:4"), "09:00"),
}


def history_start(now: int) -> int:
    """When a sandbox whose present is ``now`` begins its history (whole hour, 3 weeks back)."""
    return (now - HISTORY_DAYS * 86400) // 3600 * 3600


def catalogue_file() -> Path | None:
    """The example resource catalogue beside the code, or in the working directory."""
    for base in (Path(__file__).resolve().parents[2], Path.cwd()):
        candidate = base / "examples" / "resources.yaml"
        if candidate.is_file():
            return candidate
    return None


class _Player:
    """Plays one person's side of a conversation: send, tap a button by its data."""

    def __init__(self, harness: Harness) -> None:
        self.harness = harness

    def latest_with_buttons(self, user: FakeUser) -> FakeMessage | None:
        for message in reversed(self.harness.telegram.bot_messages(user.id)):
            if message.buttons:
                return message
        return None

    async def tap(self, user: FakeUser, wanted: Callable[[str], bool]) -> None:
        message = self.latest_with_buttons(user)
        data = next((d for _, d in message.buttons if wanted(d)), None) if message else None
        if message is None or data is None:
            shown = [d for _, d in message.buttons] if message else []
            raise RuntimeError(f"seeding: no such button in chat {user.id} (has {shown})")
        await self.harness.press_data(user, data, message=message)

    async def tap_data(self, user: FakeUser, data: str) -> None:
        await self.tap(user, lambda candidate: candidate == data)

    async def invite_code(self, user: FakeUser, command: str) -> str:
        replies = await self.harness.send(user, command)
        found = next((m for m in (_INVITE.search(r.text) for r in replies) if m), None)
        if found is None:
            raise RuntimeError(f"seeding: {command} gave no invite link")
        return found.group(1)

    async def answer(self, user: FakeUser, value: int | None) -> None:
        wanted = "s" if value is None else str(value)
        await self.tap(user, lambda data: data.rsplit(":", 1)[-1] == wanted)

    async def write_goal(self, user: FakeUser, goal: _Goal) -> None:
        await self.harness.send(user, goal.text)
        await self.answer(user, goal.importance)
        await self.answer(user, goal.confidence)
        for _ in range(2):  # the two open follow-up questions: skipped here
            message = self.latest_with_buttons(user)
            if message is None:
                break
            skip = [d for _, d in message.buttons if d.endswith(("skipwhy", "skiphelp"))]
            if not skip:
                break
            await self.harness.press_data(user, skip[0], message=message)

    async def checkin(self, user: FakeUser, checkin: _Checkin) -> None:
        reminder = self.latest_with_buttons(user)
        if reminder is not None and any(data == "rem:go" for _, data in reminder.buttons):
            await self.tap_data(user, "rem:go")  # they answer the reminder that is waiting
        else:
            await self.harness.send(user, "/checkin")
        ratings = list(checkin.ratings)
        for _ in range(2 + len(ratings) + 2):
            message = self.latest_with_buttons(user)
            step = next(
                (m.group(1) for m in (_ANSWER.match(d) for _, d in message.buttons) if m), None
            ) if message else None  # fmt: skip
            if step is None:
                return  # the summary: done
            if step == "w":
                await self.answer(user, checkin.wellbeing)
            elif step.startswith("g"):
                await self.answer(user, ratings.pop(0) if ratings else None)
            elif step == "n" and checkin.note:
                await self.harness.send(user, checkin.note)
            elif step == "n":
                await self.answer(user, None)
            else:
                await self.answer(user, 1 if checkin.share else 0)


def _at(start: int, day: int, at: str, timezone: str) -> int:
    """The instant of local time ``at`` on the ``day``-th day after ``start`` in ``timezone``."""
    zone = ZoneInfo(timezone)
    local_day = datetime.fromtimestamp(start, UTC).astimezone(zone).date() + timedelta(days=day)
    hours, minutes = (int(part) for part in at.split(":"))
    return int(datetime.combine(local_day, time(hours, minutes), tzinfo=zone).timestamp())


async def _import_catalogue(harness: Harness, admin: FakeUser) -> str:
    """The admin sends the example resource catalogue as a document; say what happened."""
    path = catalogue_file()
    if path is None:
        return "The example resource catalogue (examples/resources.yaml) was not found."
    replies = await harness.upload(admin, path.name, path.read_bytes())
    document = await harness.services.catalogue.document()
    if not document.categories:
        answer = replies[0].text.splitlines()[0] if replies else "no answer"
        return f"The example resource catalogue was not imported ({answer})."
    resources = sum(len(category.resources) for category in document.categories)
    return (
        f"The admin uploaded the example resource catalogue: {len(document.categories)} "
        f"categories, {resources} resources."
    )


async def _onboard(player: _Player, personas: dict[str, Persona]) -> None:
    """Admin invites the practitioner; the practitioner invites both clients, who agree."""
    harness = player.harness
    admin, practitioner = personas["admin"].user, personas["practitioner"].user
    code = await player.invite_code(admin, "/newpractitioner")
    await run_until(harness, harness.clock.now() + 120)
    await harness.send(practitioner, f"/start {code}")
    await _set_timezone(player, personas["practitioner"])
    for key in ("client1", "client2"):
        persona = personas[key]
        await run_until(harness, harness.clock.now() + 300)
        code = await player.invite_code(practitioner, "/invite")
        await run_until(harness, harness.clock.now() + 600)
        await harness.send(persona.user, f"/start {code}")
        await player.tap(persona.user, lambda data: data.startswith("consent:yes:"))
        await harness.send(persona.user, persona.timezone)  # answers "Where are you?"
        await player.write_goal(persona.user, next(g for g in _GOALS if g.client == key))
        days, at = _REMINDERS[key]
        await player.tap_data(persona.user, "set:rem")  # "⏰ Choose days and time"
        for day in days:
            await player.tap_data(persona.user, day)
        await player.tap_data(persona.user, "rt:type")  # "⌨️ Other time"
        await harness.send(persona.user, at)


async def _set_timezone(player: _Player, persona: Persona) -> None:
    """/settings, "Time zone", then "type a city" and the persona's zone."""
    await player.harness.send(persona.user, "/settings")
    await player.tap_data(persona.user, "set:tz")
    await player.tap_data(persona.user, "set:tztype")
    await player.harness.send(persona.user, persona.timezone)


async def seed(harness: Harness, personas: list[Persona], now: int) -> list[str]:
    """Play the history from the clock's present up to ``now``; return lines to show."""
    by_key = {persona.key: persona for persona in personas}
    player = _Player(harness)
    start = harness.clock.now()
    lines = [await _import_catalogue(harness, by_key["admin"].user)]
    await _onboard(player, by_key)
    events: list[tuple[int, _Goal | _Checkin]] = []
    for item in (*_GOALS[2:], *_CHECKINS):
        when = _at(start, item.day, item.at, by_key[item.client].timezone)
        if harness.clock.now() < when < now:
            events.append((when, item))
    checkins = 0
    for when, item in sorted(events, key=lambda pair: pair[0]):
        await run_until(harness, when, _HISTORY_SAFETY_STEP)
        user = by_key[item.client].user
        if isinstance(item, _Goal):
            await harness.send(user, "/goals")
            await player.tap_data(user, "g:add")
            await player.write_goal(user, item)
        else:
            await player.checkin(user, item)
            checkins += 1
    await run_until(harness, now, _HISTORY_SAFETY_STEP)
    lines.insert(
        0,
        f"New sandbox: an admin, a practitioner and two clients, with {checkins} check-ins "
        f"over the last {HISTORY_DAYS} days.",
    )
    return lines
