"""Notices of an admin's changes (a client moved to another practitioner), rendered when sent."""

from __future__ import annotations

from typing import Any

from bot.context import Services
from bot.delivery import Renderer
from bot.services.outbox import OutgoingMessage
from bot.services.people import Actor
from bot.text import esc

__all__ = ["renderers"]


class _Views:
    """The renderers, bound to the services; each reads in its recipient's language."""

    def __init__(self, services: Services) -> None:
        self.services = services

    async def _people(self, args: dict[str, Any]) -> tuple[Actor, Actor, Actor] | None:
        """The client, their former and their new practitioner; ``None`` if one is gone."""
        found = [
            await self.services.people.by_id(int(args[key]))
            for key in ("client_id", "from_id", "to_id")
        ]
        client, old, new = found
        if client is None or old is None or new is None:
            return None  # erased
        return client, old, new

    async def moved_client(self, chat_id: int, args: dict[str, Any]) -> OutgoingMessage | None:
        """Tell a client who their practitioner is now."""
        found = await self._people(args)
        if found is None:
            return None
        client, _old, new = found
        t = self.services.i18n.get(client.locale)
        return OutgoingMessage(
            t._(
                "Your practitioner is now {new}. Everything you shared so far stays with you and "
                "is now visible to {new} in the same way.",
                new=esc(new.display_name),
            )
        )

    async def moved_away(self, chat_id: int, args: dict[str, Any]) -> OutgoingMessage | None:
        """Tell the former practitioner where their client went."""
        found = await self._people(args)
        if found is None:
            return None
        client, old, new = found
        t = self.services.i18n.get(old.locale)
        return OutgoingMessage(
            t._(
                "{client} has been moved to {new}'s caseload by an administrator.",
                client=esc(client.display_name),
                new=esc(new.display_name),
            )
        )

    async def moved_in(self, chat_id: int, args: dict[str, Any]) -> OutgoingMessage | None:
        """Tell the new practitioner who joined their caseload, and from whom."""
        found = await self._people(args)
        if found is None:
            return None
        client, old, new = found
        t = self.services.i18n.get(new.locale)
        return OutgoingMessage(
            t._(
                "{client} has joined your caseload (moved from {old} by an administrator).",
                client=esc(client.display_name),
                old=esc(old.display_name),
            )
        )


def renderers(services: Services) -> dict[str, Renderer]:
    """Every admin view the outbox can render at send time."""
    views = _Views(services)
    return {
        "moved_client": views.moved_client,
        "moved_away": views.moved_away,
        "moved_in": views.moved_in,
    }
