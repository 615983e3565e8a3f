"""Session prep: one screen about one client since the last session (nothing private).

Rendered when it is sent (the outbox's ``session_prep`` view) and on demand from
``/client N``, for the client's practitioner or whoever covers for them.
"""

from __future__ import annotations

from typing import Any

from bot.context import Services
from bot.delivery import Renderer
from bot.i18n import Translator
from bot.services.digests import sparkline
from bot.services.outbox import OutgoingMessage
from bot.text import esc, shorten

__all__ = ["prep_text", "renderers"]

NOTE_PREVIEW = 300
_DAY = 24 * 3600


async def prep_text(
    services: Services, t: Translator, reader_id: int, client_id: int, timezone: str
) -> str | None:
    """The prep screen for ``reader_id`` about ``client_id`` (``None``: not theirs to read)."""
    contact = await services.crisis.repo.contact(client_id)
    if contact is None:
        return None
    cover = await services.practice.cover(contact.practitioner_id)
    allowed = {contact.practitioner_id} | ({cover.practitioner_id} if cover else set())
    if reader_id not in allowed:
        return None
    name = contact.name  # the practitioner's alias for them, else their Telegram name
    session = await services.practice.session(client_id)
    now = services.clock.now()
    since = session.last_at if session is not None and session.last_at else now - 28 * _DAY
    lines = [t._("📋 <b>Session prep: {name}</b>", name=esc(name))]
    if session is not None and session.at > now:
        lines.append(t._("Next session: {when}", when=t.moment(session.at, timezone)))
    lines.append(t._("Since {day}", day=t.day(since, timezone)))

    lines += ["", t._("<b>Goals</b>")]
    goals = await services.progress.goals(client_id)
    if not goals:
        lines.append(t._("No goals yet."))
    for item in goals:
        goal = item.goal
        mark = "🏆 " if goal.status == "achieved" else "• "
        values = [value for _at, value in item.points]
        before = [value for at, value in item.points if at < since]
        latest = t._("no ratings yet") if item.latest is None else f"{item.latest}/10"
        line = f"{mark}{esc(shorten(goal.text, 80))}: {latest}"
        if before and item.latest is not None and before[-1] != item.latest:
            line += " " + t._("(was {value} at the last session)", value=before[-1])
        if values:
            line += f" {sparkline(values[-8:])}"
        lines.append(line)
        rulers = []
        if goal.importance is not None:
            rulers.append(t._("importance {value}/10", value=goal.importance))
        if goal.confidence is not None:
            rulers.append(t._("confidence {value}/10", value=goal.confidence))
        if rulers:
            lines.append("   " + " · ".join(rulers))
        if goal.reflections_shared:
            if goal.why_not_lower:
                lines.append("   " + t._("why not lower: “{words}”", words=esc(goal.why_not_lower)))
            if goal.what_would_help:
                lines.append(
                    "   " + t._("what would help: “{words}”", words=esc(goal.what_would_help))
                )

    messages = await services.practice.open_messages(client_id)
    topics = [m for m in messages if m.kind == "topic"]
    notes = [m for m in messages if m.kind == "message"]
    if topics:
        lines += ["", t._("<b>To talk about next time</b> (from the client)")]
        lines += [f"• {esc(m.text)}" for m in topics]
    if notes:
        lines += ["", t._("<b>Messages from the client</b>")]
        lines += [f"• {t.day(m.created_at, timezone)}: {esc(m.text)}" for m in notes]

    shared = [
        checkin
        for checkin in await services.caseload.recent_checkins(client_id, limit=20)
        if checkin["note"] and int(str(checkin["at"])) >= since
    ]
    if shared:
        lines += ["", t._("<b>Shared notes</b>")]
        for checkin in shared:
            at = int(str(checkin["at"]))
            words = esc(shorten(str(checkin["note"]), NOTE_PREVIEW))
            lines.append(f"• {t.day(at, timezone)}: <i>{words}</i>")

    requests = await services.requests.for_client(client_id)
    if requests:
        lines += ["", t._("<b>Open requests</b>")]
        for request in requests:
            title = request.resource_title or request.note or ""
            age = max(0, (now - request.created_at) // _DAY)
            lines.append(
                f"• {esc(shorten(title, 80))} · "
                + t.n_("open {count} day", "open {count} days", age)
            )

    events = await services.crisis.repo.events_for_client(client_id)
    recent_events = [e for e in events if e.created_at >= since]
    if recent_events:
        lines += ["", t._("<b>Safety events</b>")]
        for event in recent_events:
            state = (
                t._("acknowledged by {name}", name=esc(event.acknowledged_name or ""))
                if event.acknowledged_at is not None
                else t._("not acknowledged")
            )
            lines.append(f"• {t.moment(event.created_at, timezone)} · {state}")

    wins = await services.wins.since(client_id, since)
    if wins:
        lines += ["", t._("<b>Achievements</b>")]
        for win in wins:
            lines.append("• " + _win_line(t, win.kind, win.goal.text, win.value))
    return "\n".join(lines)


def _win_line(t: Translator, kind: str, goal: str, value: int | None) -> str:
    text = esc(shorten(goal, 60))
    if kind == "achieved":
        return t._("achieved “{goal}”", goal=text)
    if kind == "new_high":
        return t._("new high on “{goal}”: {value}/10", goal=text, value=value)
    if kind == "upward_run":
        return t._("three check-ins in a row going up on “{goal}”", goal=text)
    return t._("found what helps with “{goal}”", goal=text)


def renderers(services: Services) -> dict[str, Renderer]:
    """The session prep, rendered when it is sent."""

    async def session_prep(chat_id: int, args: dict[str, Any]) -> OutgoingMessage | None:
        reader_id = int(args["reader_id"])
        try:
            reader = await services.digests.settings(reader_id)
        except LookupError:
            return None
        t = services.i18n.get(reader.locale)
        text = await prep_text(services, t, reader_id, int(args["client_id"]), reader.timezone)
        return None if text is None else OutgoingMessage(text)

    return {"session_prep": session_prep}
