"""Telegram handlers, one module per journey; :func:`register` wires them all."""

from __future__ import annotations

from bot.context import BotApp

__all__ = ["register"]


def register(application: BotApp) -> None:
    """Add every handler to ``application`` in order (catch-alls last)."""
    from handlers import (
        admin,
        checkin,
        errors,
        goals,
        guard,
        invites,
        loose_text,
        menu,
        onboarding,
        practitioner,
        privacy,
        progress,
        reminders,
        resources,
        safety,
        text,
    )

    for module in (
        guard,
        onboarding,
        menu,
        invites,
        privacy,
        goals,
        checkin,
        reminders,
        progress,
        practitioner,
        admin,
        resources,
        safety,
        loose_text,
    ):
        module.register(application)
    text.register(application)
    errors.register(application)
