"""Invite notices, rendered when they are sent (in the reader's language)."""

from __future__ import annotations

from typing import Any

from bot.context import Services
from bot.delivery import Renderer
from bot.services.outbox import OutgoingMessage
from bot.text import esc

__all__ = ["renderers"]


class _Views:
    """The renderers, bound to the services."""

    def __init__(self, services: Services) -> None:
        self.services = services

    async def client_joined(self, chat_id: int, args: dict[str, Any]) -> OutgoingMessage | None:
        """Tell a practitioner that someone accepted their invitation."""
        people = self.services.people
        client = await people.by_id(int(args["client_id"]))
        practitioner = await people.by_id(int(args["practitioner_id"]))
        if client is None or practitioner is None:
            return None  # erased
        t = self.services.i18n.get(practitioner.locale)
        return OutgoingMessage(
            t._(
                "🤝 {name} accepted your invitation and is now connected with you.",
                name=esc(client.display_name),
            )
        )


def renderers(services: Services) -> dict[str, Renderer]:
    """Every invite view the outbox can render at send time."""
    views = _Views(services)
    return {"client_joined": views.client_joined}
