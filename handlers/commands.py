"""The one table of commands: who sees each, and its description (translated on use)."""

from __future__ import annotations

from bot.i18n import N_

__all__ = ["COMMANDS", "commands_for_roles"]

# (command, description, roles that see it; "anyone" includes people without a record)
COMMANDS: tuple[tuple[str, str, frozenset[str]], ...] = (
    ("start", N_("Start or open an invite link"), frozenset({"anyone"})),
    ("help", N_("What this bot can do for you"), frozenset({"anyone"})),
    ("newpractitioner", N_("Invite a new practitioner"), frozenset({"admin"})),
    ("admin", N_("Practitioners and reassignment"), frozenset({"admin"})),
    ("stats", N_("Figures (counts only)"), frozenset({"admin"})),
    ("invite", N_("Invite a client"), frozenset({"practitioner"})),
    ("digest", N_("Your digest now"), frozenset({"practitioner"})),
    ("clients", N_("Your clients"), frozenset({"practitioner"})),
    ("client", N_("One client: /client 1"), frozenset({"practitioner"})),
    ("requests", N_("Open requests"), frozenset({"practitioner"})),
    ("checkin", N_("Check in: how is it going?"), frozenset({"client"})),
    ("goals", N_("Your goals: add, reword, achieve, archive"), frozenset({"client"})),
    ("progress", N_("Your progress: chart and summary"), frozenset({"client"})),
    ("safetyplan", N_("Your safety plan for hard moments"), frozenset({"client"})),
    ("resources", N_("Find help and resources"), frozenset({"client", "practitioner", "admin"})),
    ("pause", N_("Pause reminders"), frozenset({"client"})),
    ("resume", N_("Resume reminders"), frozenset({"client"})),
    ("language", N_("Change your language"), frozenset({"admin", "practitioner", "client"})),
    ("settings", N_("Your settings"), frozenset({"admin", "practitioner", "client"})),
    ("mydata", N_("Get a copy of everything stored about you"), frozenset({"client"})),
    ("delete", N_("Erase everything stored about you"), frozenset({"client"})),
)


def commands_for_roles(roles: frozenset[str]) -> list[tuple[str, str]]:
    """Return ``(command, untranslated description)`` for someone with ``roles``."""
    if not roles:
        return [(name, text) for name, text, who in COMMANDS if "anyone" in who]
    return [
        (name, text)
        for name, text, who in COMMANDS
        if name != "start" and (who & roles or "anyone" in who)
    ]
