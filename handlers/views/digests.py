"""The digest, rendered in the practitioner's language (calm, compact, escaped)."""

from __future__ import annotations

from typing import Any

from bot.context import Services
from bot.delivery import Renderer
from bot.i18n import Translator
from bot.services.digests import ClientDigest, Digest, sparkline
from bot.services.outbox import OutgoingMessage
from bot.text import esc, shorten

__all__ = ["NOTE_PREVIEW", "render_digest", "renderers"]

NOTE_PREVIEW = 160


def _change(change: int | None) -> str:
    if change is None or change == 0:
        return "→"
    return f"↑{change}" if change > 0 else f"↓{-change}"


def _reasons(t: Translator, client: ClientDigest) -> list[str]:
    lines = []
    for goal, before, after in client.drops:
        lines.append(
            t._(
                "rating down {before} → {after} on “{goal}”",
                before=before,
                after=after,
                goal=esc(shorten(goal, 60)),
            )
        )
    if client.low_wellbeing is not None:
        lines.append(t._("low overall answer: {value}/10", value=client.low_wellbeing))
    if client.safety_events:
        lines.append(
            t.n_(
                "{count} safety alert (crisis information was shown)",
                "{count} safety alerts (crisis information was shown)",
                client.safety_events,
            )
        )
    if client.silent_days is not None:
        lines.append(
            t.n_(
                "no check-in for {count} day, longer than their schedule suggests",
                "no check-in for {count} days, longer than their schedule suggests",
                client.silent_days,
            )
        )
    return lines


def _block(
    t: Translator, client: ClientDigest, attention: bool, since: int, until: int
) -> list[str]:
    title = f"<b>{esc(client.name)}</b>"
    if client.paused:
        title += " " + t._("(paused)")
    lines = [("⚠️ " if attention else "• ") + title]
    for reason in _reasons(t, client):
        lines.append(f"   ⚠️ {reason}")
    if client.checkins:
        lines.append("   " + t.n_("{count} check-in", "{count} check-ins", client.checkins))
    for goal in client.goals:
        lines.append(
            f"   {esc(shorten(goal.text, 50))}: {goal.latest}/10 {_change(goal.change)} "
            f"{sparkline(list(goal.recent))}"
        )
    for text in client.achieved:
        lines.append("   🏆 " + t._("achieved: {goal}", goal=esc(shorten(text, 60))))
    for text in client.slips:  # a neutral fact, never a reason for attention on its own
        lines.append("   🌱 " + t._("had a slip with “{goal}”", goal=esc(shorten(text, 60))))
    for checkin_id, note in client.notes:
        preview = esc(shorten(note, NOTE_PREVIEW))
        more = f" /note_{checkin_id}" if len(note) > NOTE_PREVIEW else ""
        lines.append(f"   💬 <i>{preview}</i>{more}")
    for message in client.messages:
        words = esc(shorten(message.text, NOTE_PREVIEW))
        if message.kind == "message":
            lines.append("   ✉️ " + t._("Message for you: <i>{text}</i>", text=words))
        else:
            lines.append("   🗒 " + t._("To talk about next time: <i>{text}</i>", text=words))
    for request_id, title_text, created in client.requests:
        label = esc(title_text) if title_text else t._("something else")
        days = max(0, (until - created) // 86400)
        age = (
            t._("new")
            if created >= since
            else t.n_("open {count} day", "open {count} days", max(days, 1))
        )
        lines.append(
            "   📌 " + t._("open request: {title}", title=label) + f" ({age}) /request_{request_id}"
        )
    return lines


def render_digest(digest: Digest, t: Translator, timezone: str) -> str:
    """Render the digest; clients who need attention come first."""
    since = t.moment(digest.since, timezone)
    until = t.moment(digest.until, timezone)
    if digest.is_empty:
        return t._(
            "🌤 Quiet period: nothing new from your clients between {since} and {until}.",
            since=since,
            until=until,
        )
    attention = digest.attention
    header = [
        t._("<b>Your digest</b> · {since} – {until}", since=since, until=until),
        " · ".join(
            [
                t.n_("{count} client", "{count} clients", len(digest.clients)),
                t.n_("{count} checked in", "{count} checked in", digest.checked_in),
                t.n_("{count} may need attention", "{count} may need attention", len(attention)),
                t.n_("{count} open request", "{count} open requests", digest.open_requests),
            ]
        ),
    ]
    lines = header
    if attention:
        lines += ["", t._("<b>May need attention</b>")]
        for client in attention:
            lines += _block(t, client, True, digest.since, digest.until)
    others = [c for c in digest.clients if not c.needs_attention and not c.is_quiet]
    if others:
        lines += ["", t._("<b>Everyone else</b>")]
        for client in others:
            lines += _block(t, client, False, digest.since, digest.until)
    quiet = [c for c in digest.clients if c.is_quiet]
    if quiet:
        names = ", ".join(esc(c.name) for c in quiet)
        lines += ["", t._("No news from: {names}", names=names)]
    if digest.notices:
        lines += ["", t._("<b>Changes in your caseload</b>")]
        for notice in digest.notices:
            if notice.kind == "left":
                lines.append(
                    "• "
                    + t._(
                        "{name} chose to stop using the check-in bot and erased their data.",
                        name=esc(notice.name or ""),
                    )
                )
    return "\n".join(lines)


def renderers(services: Services) -> dict[str, Renderer]:
    """The digest view, rendered when it is sent."""

    async def digest(chat_id: int, args: dict[str, Any]) -> OutgoingMessage | None:
        """A scheduled digest, built from what is stored for its period."""
        practitioner_id = int(args["practitioner_id"])
        try:
            settings = await services.digests.settings(practitioner_id)
        except LookupError:
            return None
        built = await services.digests.build(
            practitioner_id, int(args["since"]), int(args["until"])
        )
        if built.is_empty and not settings.send_empty:
            return None
        t = services.i18n.get(settings.locale)
        return OutgoingMessage(render_digest(built, t, settings.timezone))

    return {"digest": digest}
