"""One sandbox session: the commands, who has seen which message, and what is printed."""

from __future__ import annotations

import asyncio
import os
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from babel import Locale

from bot.sandbox.clockwork import (
    MAX_ADVANCE,
    clock_text,
    local_text,
    parse_duration,
    run_until,
)
from bot.sandbox.fake_telegram import FakeMessage, FakeUser
from bot.sandbox.harness import Harness
from bot.sandbox.personas import Persona, SandboxState, alias_of
from bot.sandbox.render import Choice, choices, format_choices, redact_invites, shown_text
from bot.settings import SUPPORTED_LOCALES

__all__ = ["HELP", "Session"]

_INVITE = re.compile(r"\?start=([A-Za-z0-9_-]+)")
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_MAX_UPLOAD = 5 * 1024 * 1024

HELP = """\
Type as the current person: /checkin, /goals, /progress, /help, or any text.
  :as NAME        type as someone else (admin, practitioner, client1, client2, or a first
                  name like alex); shows what arrived for them meanwhile
  :who            everyone in the sandbox, with role, language and time zone
  N  or  :tap N   tap button N of the latest message with buttons (rating buttons are
                  numbered by their own label, so 7 taps "7"); :tap LABEL taps by label
  :advance 1d     move the clock forward (1w, 1d, 3h, 30m, 1d12h) and run what falls due:
                  reminders, digests, the outbox
  :open           open the latest invite link sent in any chat, as the current person
  :new NAME [LANG]  add someone new (not known to the bot yet) and type as them
  :lang CODE      change the current person's language (en, es, de, uk)
  :upload PATH    send a file as a document (for example a resource catalogue)
  :history [N]    show the last N messages of the current chat (default 10)
  :say TEXT       send TEXT as it is (for text that starts with ':' or is a number)
  :help           this list
  :quit           leave (so does Ctrl-D)
Photos and documents the bot sends are saved under {files}."""


@dataclass(frozen=True)
class _Command:
    run: Callable[[str], Awaitable[bool]]
    takes_argument: bool


class Session:
    """Runs sandbox commands against a started :class:`Harness` and prints what happens."""

    def __init__(
        self,
        harness: Harness,
        state: SandboxState,
        *,
        files_dir: Path,
        log_file: Path,
        out: TextIO,
        ansi: bool = False,
        redact: bool = False,
    ) -> None:
        self.harness = harness
        self.state = state
        self.files_dir = files_dir
        self.log_file = log_file
        self.problems = 0
        self._out = out
        self._ansi = ansi
        self._redact = redact
        self._seen: dict[int, dict[int, int]] = {}
        self._announced: dict[int, int] = {}
        self._saved: dict[int, Path] = {}
        self._errors_reported = len(harness.errors)
        self._commands: dict[str, _Command] = {
            "as": _Command(self._as, True),
            "who": _Command(self._who, False),
            "tap": _Command(self._tap, True),
            "advance": _Command(self._advance, True),
            "open": _Command(self._open, False),
            "new": _Command(self._new, True),
            "lang": _Command(self._lang, True),
            "upload": _Command(self._upload, True),
            "history": _Command(self._history, False),
            "say": _Command(self._say, True),
            "help": _Command(self._help, False),
            "quit": _Command(self._quit, False),
            "exit": _Command(self._quit, False),
        }

    # ----- output -----------------------------------------------------------------------
    def print(self, text: str = "") -> None:
        """Write a line (invite codes hidden when transcripts must be stable)."""
        self._out.write((redact_invites(text) if self._redact else text) + "\n")
        self._out.flush()

    def prompt(self) -> str:
        """The interactive prompt: who is typing, and the time where they are."""
        persona = self.state.persona
        place = persona.timezone.rsplit("/", 1)[-1].replace("_", " ")
        when = local_text(self.harness.clock.now(), persona.timezone)
        return f"[{when} {place}] {persona.alias}> "

    def mark_all_seen(self) -> None:
        """Treat every message so far as read (after seeding, or when a session resumes)."""
        for chat_id, messages in self.harness.telegram.messages.items():
            self._seen[chat_id] = {m.message_id: m.edits for m in messages if m.from_bot}

    def display_path(self, path: Path) -> str:
        """``path`` relative to the working directory when it is inside it."""
        try:
            return str(path.resolve().relative_to(Path.cwd().resolve()))
        except ValueError:
            return str(path)

    def _save_file(self, message: FakeMessage) -> str:
        content = message.photo if message.photo is not None else message.document
        kind = "photo" if message.photo is not None else "document"
        assert content is not None
        path = self._saved.get(message.message_id)
        if path is None:
            name = _SAFE_NAME.sub("_", os.path.basename(message.file_name or f"{kind}.bin"))
            path = self.files_dir / f"{message.message_id:05d}-{name.lstrip('.') or kind}"
            self.files_dir.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
            self._saved[message.message_id] = path
        return f"[{kind} saved: {self.display_path(path)}]"

    def _show(self, persona: Persona, message: FakeMessage, *, label: str, when: str) -> None:
        name = persona.user.first_name
        header = f"bot → {name}{label}:" if message.from_bot else f"{name}:"
        lines = [f"[{when}] {header}" if when else header]
        if message.photo is not None or message.document is not None:
            if message.from_bot:
                lines.append("  " + self._save_file(message))
            else:
                lines.append(f"  [document {message.file_name}]")
        text = shown_text(message, ansi=self._ansi) if message.from_bot else message.text
        lines += ["  " + line for line in text.splitlines()]
        lines += ["  " + line for line in format_choices(choices(message.reply_markup))]
        self.print("\n".join(lines))

    async def _timezone(self, persona: Persona) -> str:
        """The persona's time zone as the bot has it (they may have changed it in /settings)."""
        stored = await self.harness.services.db.fetchval(
            "SELECT timezone FROM people WHERE telegram_id = ?", (persona.user.id,)
        )
        if stored:
            persona.timezone = str(stored)
        return persona.timezone

    def _unseen(self, chat_id: int) -> tuple[list[FakeMessage], list[FakeMessage], int]:
        """New and edited bot messages in a chat, and how many seen ones were removed."""
        seen = self._seen.setdefault(chat_id, {})
        current = self.harness.telegram.bot_messages(chat_id)
        fresh = [m for m in current if m.message_id not in seen]
        edited = [m for m in current if m.message_id in seen and m.edits > seen[m.message_id]]
        present = {m.message_id for m in current}
        return fresh, edited, sum(1 for message_id in seen if message_id not in present)

    async def show_unseen(self, persona: Persona, *, timestamps: bool) -> int:
        """Print what arrived or changed in ``persona``'s chat since they last looked."""
        fresh, edited, removed = self._unseen(persona.user.id)
        zone = await self._timezone(persona) if timestamps else ""
        if removed:
            self.print(f"(the bot removed {removed} earlier message{'s' * (removed > 1)})")
        for message, label in [*((m, " (edited)") for m in edited), *((m, "") for m in fresh)]:
            when = local_text(message.date, zone) if timestamps else ""
            self._show(persona, message, label=label, when=when)
        self._mark_seen(persona)
        return len(fresh) + len(edited)

    def _mark_seen(self, persona: Persona) -> None:
        self._seen[persona.user.id] = {
            m.message_id: m.edits for m in self.harness.telegram.bot_messages(persona.user.id)
        }
        self._announced.pop(persona.user.id, None)

    def _announce_others(self) -> None:
        for persona in self.state.personas:
            if persona.key == self.state.persona.key:
                continue
            fresh, edited, _ = self._unseen(persona.user.id)
            count = len(fresh) + len(edited)
            if count > self._announced.get(persona.user.id, 0):
                noun = "message" if count == 1 else "messages"
                self.print(f"({persona.name} has {count} new {noun}: :as {persona.alias})")
                self._announced[persona.user.id] = count

    def _report_errors(self) -> None:
        for error in self.harness.errors[self._errors_reported :]:
            self.problems += 1
            self.print(
                f"(sandbox: the bot failed on that with {type(error).__name__}; it apologised "
                f"in the chat, and the details are in {self.display_path(self.log_file)})"
            )
        self._errors_reported = len(self.harness.errors)

    async def _after(self, calls_before: int, *, timestamps: bool = False) -> None:
        """Print the outcome of an action: failures, pop-ups, new messages, others' news."""
        self._report_errors()
        for call in self.harness.telegram.calls[calls_before:]:
            if call.method == "answerCallbackQuery" and call.params.get("text"):
                self.print(f"bot (pop-up): {call.params['text']}")
        await self._timezone(self.state.persona)
        shown = await self.show_unseen(self.state.persona, timestamps=timestamps)
        if not shown and not timestamps:
            self.print("(no reply)")
        self._announce_others()

    def _problem(self, text: str) -> bool:
        self.problems += 1
        self.print(text)
        return True

    # ----- commands ---------------------------------------------------------------------
    async def execute(self, line: str) -> bool:
        """Run one line typed by the person at the keyboard; ``False`` means leave."""
        text = line.strip()
        if not text:
            return True
        if text.isdigit():
            return await self._tap(text)
        if text.startswith(":") and len(text) > 1 and text[1].isalpha():
            name, _, argument = text[1:].partition(" ")
            command = self._commands.get(name.lower())
            if command is None:
                return self._problem(
                    f"Unknown sandbox command :{name}. :help lists the commands; "
                    ":say sends text that starts with ':'."
                )
            if command.takes_argument and not argument.strip():
                return self._problem(f":{name} needs something after it. :help explains.")
            return await command.run(argument.strip())
        return await self._say(text)

    async def _say(self, text: str) -> bool:
        before = len(self.harness.telegram.calls)
        await self.harness.send(self.state.persona.user, text)
        await self._after(before)
        return True

    async def _as(self, name: str) -> bool:
        persona = self.state.find(name)
        if persona is None:
            known = ", ".join(p.alias for p in self.state.personas)
            return self._problem(f"Nobody called {name!r} here (try {known}, or :new {name}).")
        self.state.current = persona.key
        self.print(f"Now typing as {persona.name} ({persona.key}).")
        if not await self.show_unseen(persona, timestamps=True):
            self.print("(nothing new)")
        return True

    async def _who(self, _: str) -> bool:
        for line in await self.who_lines():
            self.print(line)
        return True

    async def who_lines(self) -> list[str]:
        """One line per persona: marker, key, short name, full name, roles, language, zone."""
        services = self.harness.services
        lines = [f"  {':as NAME':<24}{'name':<13}{'role':<15}{'language':<10}time zone"]
        for persona in self.state.personas:
            row = await services.db.fetchone(
                "SELECT id, locale, timezone FROM people WHERE telegram_id = ?",
                (persona.user.id,),
            )
            actor = await services.people.by_id(row["id"]) if row is not None else None
            roles = ", ".join(sorted(actor.roles)) if actor is not None else ""
            if not roles:
                roles = "not known to the bot yet" if row is None else "no role"
            locale = row["locale"] if row is not None else (persona.user.language_code or "en")
            zone = row["timezone"] if row is not None else persona.timezone
            marker = "*" if persona.key == self.state.persona.key else " "
            handles = (
                persona.alias if persona.alias == persona.key else f"{persona.alias}, {persona.key}"
            )
            lines.append(
                f"{marker} {handles:<24}{persona.name:<13}{roles:<15}{_language(locale):<10}{zone}"
            )
        return lines

    def _latest_with_buttons(self, chat_id: int) -> FakeMessage | None:
        for message in reversed(self.harness.telegram.bot_messages(chat_id)):
            if message.buttons:
                return message
        return None

    async def _tap(self, wanted: str) -> bool:
        persona = self.state.persona
        message = self._latest_with_buttons(persona.user.id)
        if message is None:
            return self._problem(f"There are no buttons to tap in {persona.name}'s chat.")
        flat = [choice for row in choices(message.reply_markup) for choice in row]
        choice = _pick(flat, wanted)
        if choice is None:
            numbers = ", ".join(str(c.number) for c in flat)
            return self._problem(
                f"No button {wanted!r} on the latest message (choices: {numbers})."
            )
        if choice.data is None:
            self.print(f"(that button opens {choice.url} in a browser)")
            return True
        before = len(self.harness.telegram.calls)
        await self.harness.press_data(persona.user, choice.data, message=message)
        await self._after(before)
        return True

    async def _advance(self, argument: str) -> bool:
        seconds = parse_duration(argument)
        if seconds is None:
            return self._problem("Say how far to go, like :advance 1d, 3h, 30m or 1d12h.")
        if seconds > MAX_ADVANCE:
            return self._problem("That is more than 31 days; please go a month at a time.")
        start = self.harness.clock.now()
        before = len(self.harness.telegram.calls)
        await run_until(self.harness, start + seconds)
        self.state.now = self.harness.clock.now()
        self.print(f"⏩ {clock_text(start)} → {clock_text(self.state.now)}")
        await self._after(before, timestamps=True)
        return True

    async def _open(self, _: str) -> bool:
        latest: tuple[int, str, int] | None = None
        for chat_id, messages in self.harness.telegram.messages.items():
            for message in messages:
                found = _INVITE.search(message.text) if message.from_bot else None
                if found and (latest is None or message.message_id > latest[0]):
                    latest = (message.message_id, found.group(1), chat_id)
        if latest is None:
            return self._problem(
                "No invite link has been sent yet: the admin's /newpractitioner or a "
                "practitioner's /invite makes one."
            )
        owner = next((p.name for p in self.state.personas if p.user.id == latest[2]), "someone")
        self.print(f"(opening the invite link from {owner}'s chat)")
        return await self._say(f"/start {latest[1]}")

    async def _new(self, argument: str) -> bool:
        parts = argument.split()
        name, language = parts[0], (parts[1] if len(parts) > 1 else "en")
        if language not in SUPPORTED_LOCALES or len(parts) > 2:
            return self._problem(
                f"Use :new NAME [LANG], LANG one of {', '.join(SUPPORTED_LOCALES)}."
            )
        alias = alias_of(name)
        if not alias or self.state.find(alias) is not None:
            return self._problem(f"{name!r} is taken or has no letters; choose another name.")
        user = FakeUser(self.state.next_guest_id(), name[:1].upper() + name[1:], language)
        self.state.personas.append(Persona(alias, user, "UTC", "guest"))
        self.state.current = alias
        self.print(
            f"Added {user.first_name} ({_language(language)}), whom the bot does not know yet; "
            "now typing as them. :open opens the latest invite link."
        )
        return True

    async def _lang(self, code: str) -> bool:
        code = code.lower()
        if code not in SUPPORTED_LOCALES:
            return self._problem(f"Choose one of {', '.join(SUPPORTED_LOCALES)}.")
        persona = self.state.persona
        persona.user.language_code = code
        known = await self.harness.services.db.fetchval(
            "SELECT id FROM people WHERE telegram_id = ?", (persona.user.id,)
        )
        if known is None:
            self.print(f"{persona.name}'s Telegram is now in {_language(code)}.")
            return True
        before = len(self.harness.telegram.calls)
        await self.harness.send(persona.user, "/language")
        message = self._latest_with_buttons(persona.user.id)
        if message is not None and any(data == f"lang:{code}" for _, data in message.buttons):
            await self.harness.press_data(persona.user, f"lang:{code}", message=message)
        await self._after(before)
        return True

    async def _upload(self, argument: str) -> bool:
        path = Path(argument)
        try:
            content = await asyncio.to_thread(_read_limited, path, _MAX_UPLOAD + 1)
        except OSError as error:
            return self._problem(f"Cannot read {argument}: {error.strerror or error}")
        if len(content) > _MAX_UPLOAD:
            return self._problem(f"{argument} is over 5 MB; that is too much for the sandbox.")
        before = len(self.harness.telegram.calls)
        await self.harness.upload(self.state.persona.user, path.name, content)
        await self._after(before)
        return True

    async def _history(self, argument: str) -> bool:
        count = int(argument) if argument.isdigit() else 10
        persona = self.state.persona
        zone = await self._timezone(persona)
        messages = self.harness.telegram.chat(persona.user.id)[-count:] if count else []
        if not messages:
            self.print(f"({persona.name}'s chat is empty in this session)")
        for message in messages:
            self._show(persona, message, label="", when=local_text(message.date, zone))
        self._mark_seen(persona)
        return True

    async def _help(self, _: str) -> bool:
        self.print(HELP.format(files=self.display_path(self.files_dir)))
        return True

    async def _quit(self, _: str) -> bool:
        return False


def _read_limited(path: Path, limit: int) -> bytes:
    with path.expanduser().open("rb") as stream:
        return stream.read(limit)


def _pick(flat: list[Choice], wanted: str) -> Choice | None:
    """The choice numbered ``wanted``, else the one whose label is (or uniquely contains) it."""
    if wanted.isdigit():
        return next((c for c in flat if c.number == int(wanted)), None)
    folded = wanted.casefold()
    exact = [c for c in flat if c.label.casefold() == folded]
    partial = [c for c in flat if folded in c.label.casefold()]
    if exact:
        return exact[0]
    return partial[0] if len(partial) == 1 else None


def _language(code: str) -> str:
    try:
        return Locale.parse(code).get_display_name("en") or code
    except (ValueError, TypeError):
        return code
