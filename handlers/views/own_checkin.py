"""The practitioner's own weekly check-in question, rendered when it is sent."""

from __future__ import annotations

from typing import Any

from bot.context import Services
from bot.delivery import Renderer
from bot.i18n import Translator
from bot.services.outbox import Button, OutgoingMessage
from handlers.callbacks import OWN_TANK

__all__ = ["renderers", "tank_question"]


def tank_question(t: Translator, checkin_id: int) -> tuple[str, tuple[tuple[Button, ...], ...]]:
    """The first question, with 0-10 and Skip."""
    text = t._(
        "🌿 <b>Your own check-in</b>, just for you: nobody else sees it.\n"
        "How full is your tank this week?\n0 = empty, 10 = full"
    )
    rows = (
        tuple((str(v), OWN_TANK.build(checkin=checkin_id, value=v)) for v in range(0, 6)),
        tuple((str(v), OWN_TANK.build(checkin=checkin_id, value=v)) for v in range(6, 11)),
        ((t._("Skip"), OWN_TANK.build(checkin=checkin_id, value=None)),),
    )
    return text, rows


def renderers(services: Services) -> dict[str, Renderer]:
    """The weekly question; nothing if it was answered or erased meanwhile."""

    async def own_checkin(chat_id: int, args: dict[str, Any]) -> OutgoingMessage | None:
        practitioner_id = int(args["practitioner_id"])
        checkin = await services.own_checkins.get(practitioner_id, int(args["checkin_id"]))
        if checkin is None or checkin.answered_at is not None:
            return None
        try:
            reader = await services.digests.settings(practitioner_id)
        except LookupError:
            return None
        text, rows = tank_question(services.i18n.get(reader.locale), checkin.id)
        return OutgoingMessage(text, buttons=rows)

    return {"own_checkin": own_checkin}
