"""Telegram handlers, one module per journey; :func:`register` wires them all."""

from __future__ import annotations

from bot.context import BotApp

__all__ = ["register"]


def register(application: BotApp) -> None:
    """Add every handler to ``application``, as the routing table orders them."""
    from handlers import routing  # on use: importing handlers.callbacks stays light

    routing.register(application)
