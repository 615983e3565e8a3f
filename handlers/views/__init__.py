"""Views: service results and outbox rows rendered as Telegram HTML and buttons.

An outbox row that names a view is rendered when it is sent, in the reader's language and
with the latest state; each journey's module contributes its renderers here.
"""

from __future__ import annotations

from bot.context import Services
from bot.delivery import Renderer

__all__ = ["make_renderers"]


def make_renderers(services: Services) -> dict[str, Renderer]:
    """Every view the outbox can render at send time, by name."""
    from handlers.views import (
        admin,
        crisis,
        digests,
        invites,
        own_checkin,
        practice,
        reminders,
        requests,
    )

    found: dict[str, Renderer] = {}
    for module in (crisis, invites, admin, digests, requests, reminders, practice, own_checkin):
        for name, renderer in module.renderers(services).items():
            if name in found:
                raise ValueError(f"two views are called {name!r}")
            found[name] = renderer
    return found
