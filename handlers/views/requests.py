"""Requests for help, their follow-up and rating-drop alerts, rendered when they are sent.

Each reads what is stored at that moment, in the reader's language: a message about a
client who erased their data meanwhile is not sent at all.
"""

from __future__ import annotations

from typing import Any

from bot.context import Services
from bot.delivery import Renderer
from bot.i18n import Translator
from bot.services.outbox import OutgoingMessage
from bot.text import esc, shorten
from handlers.callbacks import REQUEST

__all__ = ["renderers"]

NOTE_PREVIEW = 600


class _Views:
    """The renderers, bound to the services."""

    def __init__(self, services: Services) -> None:
        self.services = services

    async def _practitioner(self, args: dict[str, Any]) -> Translator | None:
        """The translator of the practitioner who reads the message, if they still exist."""
        try:
            settings = await self.services.digests.settings(int(args["practitioner_id"]))
        except LookupError:
            return None
        return self.services.i18n.get(settings.locale)

    async def request_alert(self, chat_id: int, args: dict[str, Any]) -> OutgoingMessage | None:
        """A client asked for help: what with, their note, and a button to mark it handled."""
        request = await self.services.requests.get(int(args["request_id"]))
        t = await self._practitioner(args)
        if request is None or t is None:
            return None
        what = (
            esc(request.resource_title)
            if request.resource_title
            else t._("something not in the list")
        )
        text = t._(
            "📌 <b>{name}</b> asked for help with: {what}", name=esc(request.client_name), what=what
        )
        if request.note:
            text += "\n" + t._(
                "Their note: <i>{note}</i>", note=esc(shorten(request.note, NOTE_PREVIEW))
            )
        handled = REQUEST.build(request=request.id, action="done")
        return OutgoingMessage(text, (((t._("✅ Mark handled"), handled),),))

    async def request_handled(self, chat_id: int, args: dict[str, Any]) -> OutgoingMessage | None:
        """Tell the client their practitioner followed up, with the practitioner's message."""
        request = await self.services.requests.get(int(args["request_id"]))
        if request is None:
            return None
        client = await self.services.people.by_id(request.client_id)
        if client is None:
            return None
        t = self.services.i18n.get(client.locale)
        what = esc(request.resource_title) if request.resource_title else t._("your request")
        text = t._("✅ Your practitioner has followed up on: {what}", what=what)
        if request.handled_message:
            text += "\n\n" + t._(
                "Their message: <i>{message}</i>", message=esc(request.handled_message)
            )
        return OutgoingMessage(text)

    async def rating_drop(self, chat_id: int, args: dict[str, Any]) -> OutgoingMessage | None:
        """A goal's rating dropped by two points or more."""
        found = await self.services.alerts.drop_subject(
            int(args["client_id"]), int(args["goal_id"])
        )
        t = await self._practitioner(args)
        if found is None or t is None:
            return None
        name, goal = found
        return OutgoingMessage(
            t._(
                "📉 {name}'s rating for “{goal}” went from {before} to {after}. It will also be "
                "in your next digest.",
                name=esc(name),
                goal=esc(goal),
                before=int(args["before"]),
                after=int(args["after"]),
            )
        )


def renderers(services: Services) -> dict[str, Renderer]:
    """Every view of this module, by name."""
    views = _Views(services)
    return {
        "request_alert": views.request_alert,
        "request_handled": views.request_handled,
        "rating_drop": views.rating_drop,
    }
