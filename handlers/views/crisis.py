"""Crisis messages and safety alerts, rendered when they are sent (in the reader's language)."""

from __future__ import annotations

from typing import Any

from bot.context import Services
from bot.delivery import Renderer
from bot.i18n import N_, Translator
from bot.services.catalogue import SafetyGap, SafetyView
from bot.services.outbox import Button, OutgoingMessage
from bot.services.safety_plan import SECTIONS, SafetyPlan
from bot.storage.safety import ClientContact, EventRow
from bot.text import esc
from handlers.callbacks import ALERT, CRISIS, PLAN_MENU

__all__ = [
    "SECTION_TITLES",
    "crisis_lines_text",
    "crisis_text",
    "gap_text",
    "plan_text",
    "renderers",
]

SECTION_TITLES: dict[str, str] = {
    "warning_signs": N_("⚠️ Signs that a hard moment may be coming"),
    "on_my_own": N_("🧘 Things I can do on my own to get through"),
    "distractions": N_("🌳 People and places that help take my mind off things"),
    "people": N_("🤝 People I can ask for help"),
    "professional": N_("☎️ Professional help and lines"),
    "surroundings": N_("🏠 Making my surroundings safer"),
    "matters": N_("💛 What matters to me"),
}
_WHERE = {
    "goal": N_("while writing a goal"),
    "note": N_("in a check-in note"),
    "request": N_("in a request"),
    "message": N_("in a message"),
}
_ANSWERS = {
    "safe": N_("tapped “I'm safe right now”"),
    "sure": N_("said they are safe and have someone to reach"),
    "unsure": N_("tapped “I'm not sure”"),
    "help": N_("tapped “I need help now”"),
    "wrote": N_("wrote again"),
}


def crisis_lines_text(t: Translator, view: SafetyView) -> str:
    """The catalogue's crisis message and lines (or a safe default before any import)."""
    lines = [
        "🧡 " + esc(view.message)
        if view.message
        else t._(
            "🧡 It sounds like things may be really hard right now. This chat is not watched in "
            "real time and is not a crisis service. If you might be in danger, please call your "
            "local emergency number now."
        )
    ]
    if view.crisis_lines:
        lines.append("")
        for line in view.crisis_lines:
            parts = [f"<b>{esc(line.name)}</b>"]
            if line.phone:
                parts.append(f"📞 {esc(line.phone)}")
            if line.url:
                parts.append(esc(line.url))
            if line.hours:
                parts.append(f"🕒 {esc(line.hours)}")
            lines.append(" · ".join(parts))
    return "\n".join(lines)


def gap_text(t: Translator, gaps: list[SafetyGap]) -> str:
    """Warn an admin about languages without real crisis lines."""
    lines = []
    for gap in gaps:
        language = t.language_name(gap.locale) if gap.locale else ""
        if gap.kind == "nothing":
            lines.append(
                t._(
                    "⚠️ No crisis lines have been imported yet: a client in crisis sees only a "
                    "general message. Import your real local crisis lines (docs/resources.md) "
                    "before inviting clients."
                )
            )
        elif gap.kind == "missing":
            lines.append(
                t._(
                    "⚠️ {language}: no crisis lines. Clients who read {language} see the default "
                    "language's lines; add real local lines for them.",
                    language=language,
                )
            )
        else:
            lines.append(
                t._(
                    "⚠️ {language}: the crisis lines include the example's fictional numbers or "
                    "addresses, which reach nobody. Replace them with real local lines.",
                    language=language,
                )
            )
    return "\n".join(lines)


def plan_text(t: Translator, plan: SafetyPlan, *, heading: bool = True) -> str:
    """The client's own plan, section by section, in their words."""
    out = [t._("🧡 <b>Your safety plan</b>")] if heading else []
    for section in SECTIONS:
        if section in plan.sections:
            out.append(f"<b>{t._(SECTION_TITLES[section])}</b>\n{esc(plan.sections[section])}")
    return "\n\n".join(out)


def crisis_text(
    t: Translator, view: SafetyView, plan: SafetyPlan | None, routing: str, extra: str = ""
) -> str:
    """The crisis message: the client's plan first, then the lines, then who was told."""
    parts = []
    if plan is not None and not plan.is_empty:
        parts.append(plan_text(t, plan))
    parts.append(crisis_lines_text(t, view))
    if routing:
        parts.append(routing)
    if extra:
        parts.append(extra)
    return "\n\n".join(parts)


def _crisis_buttons(t: Translator, event_id: int) -> tuple[tuple[Button, ...], ...]:
    return (
        ((t._("💚 I'm safe right now"), CRISIS.build(event=event_id, choice="safe")),),
        ((t._("🆘 I need help now"), CRISIS.build(event=event_id, choice="help")),),
        ((t._("📝 My safety plan"), PLAN_MENU.build(action="menu")),),
    )


def _routing_text(t: Translator, args: dict[str, Any], contact: ClientContact) -> str:
    if args.get("practitioner_now"):
        return t._(
            "I have let your practitioner know. They are not watching this chat and may not be "
            "able to reply straight away, so please use the lines above if you need someone now."
        )
    if args.get("on_call"):
        return t._(
            "Your practitioner is outside their working hours, so I have let the on-call team "
            "know now. They may not be able to reply straight away."
        )
    after = args.get("after")
    when = t.moment(int(after), contact.timezone) if after else ""
    return t._(
        "Your practitioner is outside their working hours and will see my message after "
        "{when}. Please don't wait for them: the lines above are there for you now. If you "
        "need a person sooner, tap “I need help now”.",
        when=when,
    )


class _Views:
    """The renderers, bound to the services."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.repo = services.crisis.repo

    async def _client(self, args: dict[str, Any]) -> tuple[EventRow, ClientContact] | None:
        event = await self.repo.event(int(args["event_id"]))
        if event is None:
            return None  # erased
        contact = await self.repo.contact(event.client_id)
        return None if contact is None else (event, contact)

    async def crisis(self, chat_id: int, args: dict[str, Any]) -> OutgoingMessage | None:
        """The first answer to crisis words: plan, lines, who was told, three buttons."""
        found = await self._client(args)
        if found is None:
            return None
        event, contact = found
        t = self.services.i18n.get(contact.locale)
        view = await self.services.catalogue.safety(contact.locale)
        plan = await self.services.safety_plans.get(contact.client_id)
        text = crisis_text(t, view, plan, _routing_text(t, args, contact))
        return OutgoingMessage(text, _crisis_buttons(t, event.id))

    async def crisis_kept(self, chat_id: int, args: dict[str, Any]) -> OutgoingMessage | None:
        """Words written during an open crisis were kept with it."""
        found = await self._client(args)
        if found is None:
            return None
        event, contact = found
        t = self.services.i18n.get(contact.locale)
        text = t._(
            "Thank you for writing. I've kept this with your earlier message, where your "
            "practitioner (or the on-call team) can read it. I'm a bot, so I can't answer "
            "properly: the lines above are there for you now. Tap a button when you're ready."
        )
        return OutgoingMessage(text, _crisis_buttons(t, event.id))

    async def crisis_check(self, chat_id: int, args: dict[str, Any]) -> OutgoingMessage | None:
        """After "I'm safe right now": check once more, gently."""
        found = await self._client(args)
        if found is None:
            return None
        event, contact = found
        t = self.services.i18n.get(contact.locale)
        text = t._(
            "Thank you for letting me know. Just to be sure: are you safe right now, and do you "
            "have someone you can reach if that changes?"
        )
        return OutgoingMessage(
            text,
            (
                (
                    (
                        t._("Yes, I'm safe and have someone"),
                        CRISIS.build(event=event.id, choice="sure"),
                    ),
                ),
                ((t._("I'm not sure"), CRISIS.build(event=event.id, choice="unsure")),),
            ),
        )

    async def crisis_glad(self, chat_id: int, args: dict[str, Any]) -> OutgoingMessage | None:
        """The client is safe: the lines stay in the chat; offer to carry on."""
        found = await self._client(args)
        if found is None:
            return None
        event, contact = found
        t = self.services.i18n.get(contact.locale)
        text = t._(
            "I'm glad. The lines above stay in this chat, and /safetyplan is yours whenever you "
            "want it. 💛"
        )
        rows: tuple[tuple[Button, ...], ...] = ()
        if event.resume:
            text += "\n\n" + t._("Shall we carry on where we left off? There's no rush.")
            rows = (
                (
                    (t._("Yes, let's carry on"), CRISIS.build(event=event.id, choice="go")),
                    (t._("Not now"), CRISIS.build(event=event.id, choice="stop")),
                ),
            )
        return OutgoingMessage(text, rows)

    async def crisis_help(self, chat_id: int, args: dict[str, Any]) -> OutgoingMessage | None:
        """After "I need help now" or "I'm not sure": say exactly who was told, lines again."""
        found = await self._client(args)
        if found is None:
            return None
        event, contact = found
        t = self.services.i18n.get(contact.locale)
        if args.get("told") == "on_call":
            told = t._(
                "I have told the on-call team now. A person will see it, but they may not be "
                "able to reply straight away. If you are in danger, please call a line below or "
                "your local emergency number now."
            )
        else:
            told = t._(
                "I have told {name} now, even if it is outside their working hours. They are not "
                "watching this chat, so they may not see it straight away. If you are in danger, "
                "please call a line below or your local emergency number now.",
                name=esc(contact.practitioner_name),
            )
        view = await self.services.catalogue.safety(contact.locale)
        text = told + "\n\n" + crisis_lines_text(t, view)
        return OutgoingMessage(
            text,
            (
                ((t._("💚 I'm safe right now"), CRISIS.build(event=event.id, choice="safe")),),
                ((t._("📝 My safety plan"), PLAN_MENU.build(action="menu")),),
            ),
        )

    async def crisis_seen(self, chat_id: int, args: dict[str, Any]) -> OutgoingMessage | None:
        """A person acknowledged the alert: tell the client."""
        found = await self._client(args)
        if found is None:
            return None
        event, contact = found
        t = self.services.i18n.get(contact.locale)
        if event.acknowledged_role == "practitioner":
            text = t._(
                "💛 {name} has seen your message and is on it.",
                name=esc(contact.practitioner_name),
            )
        else:
            text = t._("💛 Someone from the on-call team has seen your message and is on it.")
        return OutgoingMessage(text)

    async def _alert_reader(self, chat_id: int, contact: ClientContact) -> tuple[Translator, str]:
        """The translator and time zone of whoever reads an alert in ``chat_id``."""
        settings = self.services.settings
        if chat_id == self.services.crisis.on_call_chat_id:
            return self.services.i18n.get(settings.default_locale), settings.default_timezone
        practitioner = await self.services.digests.settings(contact.practitioner_id)
        return self.services.i18n.get(practitioner.locale), practitioner.timezone

    async def safety_alert(self, chat_id: int, args: dict[str, Any]) -> OutgoingMessage | None:
        """The alert: who, when, where, what happened since, and who is on it."""
        found = await self._client(args)
        if found is None:
            return None
        event, contact = found
        t, zone = await self._alert_reader(chat_id, contact)
        name = esc(contact.name)
        if event.urgent_at is not None:
            lines = [t._("🆘 <b>Urgent: {name} asked for help now</b>", name=name)]
        else:
            lines = [t._("🚨 <b>Safety alert: {name}</b>", name=name)]
        if args.get("role") == "resend" and event.acknowledged_at is None:
            lines.append(t._("Sent again: nobody has said “I'm on it” yet."))
        lines.append(
            t._(
                "Something they wrote {where} matched the crisis words, {when}. They were shown "
                "the crisis lines.",
                where=t._(_WHERE.get(event.source, _WHERE["message"])),
                when=t.moment(event.created_at, zone),
            )
        )
        if chat_id == self.services.crisis.on_call_chat_id:
            lines.append(t._("Practitioner: {name}", name=esc(contact.practitioner_name)))
        answers = await self.repo.answers(event.id)
        if answers:
            lines.append(t._("Since then:"))
            lines += [f"• {t.clock(at, zone)} {t._(_ANSWERS[answer])}" for answer, at in answers]
        else:
            lines.append(t._("Since then: no answer yet."))
        rows: list[tuple[Button, ...]] = []
        if event.acknowledged_at is not None:
            lines.append(
                t._(
                    "✅ {who} is on it (since {time}).",
                    who=esc(event.acknowledged_name or ""),
                    time=t.clock(event.acknowledged_at, zone),
                )
            )
        else:
            rows.append(((t._("🙋 I'm on it"), ALERT.build(event=event.id, action="ack")),))
        lines.append(
            t._(
                "Their words are not in this message. “Show what they wrote” reveals them "
                "(each view is recorded)."
            )
        )
        rows.append(((t._("👁 Show what they wrote"), ALERT.build(event=event.id, action="show")),))
        return OutgoingMessage("\n".join(lines), tuple(rows))

    async def safety_ping(self, chat_id: int, args: dict[str, Any]) -> OutgoingMessage | None:
        """A new notification that the client asked for help now (the alert was edited)."""
        found = await self._client(args)
        if found is None:
            return None
        event, contact = found
        if event.acknowledged_at is not None:
            return None
        t, _zone = await self._alert_reader(chat_id, contact)
        return OutgoingMessage(
            t._("🆘 {name} asked for help now. See the alert above.", name=esc(contact.name)),
            (((t._("🙋 I'm on it"), ALERT.build(event=event.id, action="ack")),),),
        )

    async def safety_acked(self, chat_id: int, args: dict[str, Any]) -> OutgoingMessage | None:
        """Tell the other recipients that someone is on it."""
        found = await self._client(args)
        if found is None:
            return None
        event, contact = found
        t, _zone = await self._alert_reader(chat_id, contact)
        return OutgoingMessage(
            t._(
                "✅ {who} is on it (the alert about {name}).",
                who=esc(event.acknowledged_name or ""),
                name=esc(contact.name),
            )
        )

    async def stranger_crisis(self, chat_id: int, args: dict[str, Any]) -> OutgoingMessage | None:
        """Crisis words from someone without an account: the lines, nothing stored."""
        locale = str(args.get("locale", self.services.settings.default_locale))
        t = self.services.i18n.get(locale)
        view = await self.services.catalogue.safety(locale)
        return OutgoingMessage(crisis_lines_text(t, view))


def renderers(services: Services) -> dict[str, Renderer]:
    """Every view the outbox can render at send time."""
    views = _Views(services)
    return {
        "crisis": views.crisis,
        "crisis_kept": views.crisis_kept,
        "crisis_check": views.crisis_check,
        "crisis_glad": views.crisis_glad,
        "crisis_help": views.crisis_help,
        "crisis_seen": views.crisis_seen,
        "safety_alert": views.safety_alert,
        "safety_ping": views.safety_ping,
        "safety_acked": views.safety_acked,
        "stranger_crisis": views.stranger_crisis,
    }
