"""The one table of commands: who sees each, and its description (translated on use)."""

from __future__ import annotations

import logging

from telegram import Bot, BotCommand, BotCommandScopeChat, BotCommandScopeDefault
from telegram.error import TelegramError

from bot.i18n import N_, I18n, Translator
from bot.services.people import Actor

__all__ = [
    "COMMANDS",
    "commands_for_roles",
    "register_default_commands",
    "register_person_commands",
]

_log = logging.getLogger(__name__)

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
    ("weight", N_("Weight a client's goal: /weight 1 2 3"), frozenset({"practitioner"})),
    ("checkin", N_("Check in: how is it going?"), frozenset({"client"})),
    ("goals", N_("Your goals: add, reword, achieve, archive"), frozenset({"client"})),
    ("progress", N_("Your progress: chart and summary"), frozenset({"client"})),
    ("wins", N_("Your wins so far"), frozenset({"client"})),
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


def _commands_for(roles: frozenset[str], translator: Translator) -> list[BotCommand]:
    return [
        BotCommand(name, translator._(description))
        for name, description in commands_for_roles(roles)
    ]


async def register_default_commands(bot: Bot, i18n: I18n) -> None:
    """Register the commands strangers see, once per language."""
    for code in i18n.locales:
        commands = _commands_for(frozenset(), i18n.get(code))
        try:
            await bot.set_my_commands(commands, scope=BotCommandScopeDefault(), language_code=code)
        except TelegramError as exc:
            _log.warning("could not register default commands for %s: %s", code, exc)
    await bot.set_my_commands(
        _commands_for(frozenset(), i18n.get(i18n.default_locale)), scope=BotCommandScopeDefault()
    )


async def register_person_commands(bot: Bot, actor: Actor, translator: Translator) -> None:
    """Register the commands of ``actor``'s roles in their language, for their chat only."""
    chat_id = actor.chat_id or actor.telegram_id
    try:
        await bot.set_my_commands(
            _commands_for(actor.roles, translator), scope=BotCommandScopeChat(chat_id)
        )
    except TelegramError as exc:
        _log.warning("could not register commands for a chat: %s", exc)
