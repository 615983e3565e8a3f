"""The sandbox's people and the small state file that lets a sandbox continue where it was."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.sandbox.fake_telegram import FakeUser

__all__ = [
    "ADMIN_ID",
    "Persona",
    "SandboxState",
    "StateError",
    "alias_of",
    "default_personas",
]

ADMIN_ID = 900001
_FIRST_GUEST_ID = 900101
_STATE_VERSION = 1


def alias_of(name: str) -> str:
    """A short ASCII handle for ``name``: ``Lucía Pérez`` -> ``lucia``."""
    first = name.strip().split()[0] if name.strip() else ""
    decomposed = unicodedata.normalize("NFKD", first.casefold())
    return "".join(char for char in decomposed if char.isascii() and char.isalnum())


@dataclass
class Persona:
    """Someone the person at the keyboard can type as."""

    key: str
    user: FakeUser
    timezone: str = "UTC"
    role: str = "guest"  # what the sandbox made them; the database has the final word

    @property
    def alias(self) -> str:
        """The short name used in prompts and transcripts (``alex``)."""
        return alias_of(self.user.first_name) or self.key

    @property
    def name(self) -> str:
        """The full name Telegram shows."""
        return " ".join(part for part in (self.user.first_name, self.user.last_name) if part)

    def as_dict(self) -> dict[str, Any]:
        """The persona as stored in the state file."""
        return {
            "key": self.key,
            "id": self.user.id,
            "first_name": self.user.first_name,
            "last_name": self.user.last_name,
            "language": self.user.language_code,
            "timezone": self.timezone,
            "role": self.role,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Persona:
        """Read what :meth:`as_dict` wrote."""
        user = FakeUser(
            int(data["id"]),
            str(data["first_name"]),
            data.get("language"),
            last_name=data.get("last_name"),
        )
        return cls(str(data["key"]), user, str(data.get("timezone", "UTC")), str(data["role"]))


def default_personas() -> list[Persona]:
    """The four people every new sandbox starts with."""
    return [
        Persona("admin", FakeUser(ADMIN_ID, "Robin", "en"), "UTC", "admin"),
        Persona(
            "practitioner",
            FakeUser(900002, "Dana", "en", last_name="Weber"),
            "Europe/Berlin",
            "practitioner",
        ),
        Persona("client1", FakeUser(900003, "Alex", "en"), "Europe/London", "client"),
        Persona("client2", FakeUser(900004, "Lucía", "es"), "Europe/Madrid", "client"),
    ]


class StateError(Exception):
    """The sandbox's database or state file cannot be used."""


@dataclass
class SandboxState:
    """What survives between sandbox runs besides the database: the clock and the people."""

    now: int
    personas: list[Persona] = field(default_factory=default_personas)
    current: str = "client1"
    next_message_id: int = 1

    def find(self, name: str) -> Persona | None:
        """The persona called ``name`` (key, short name or first name, any case)."""
        wanted = alias_of(name) or name.strip().lower()
        for persona in self.personas:
            if wanted in (persona.key, persona.alias):
                return persona
        return None

    @property
    def persona(self) -> Persona:
        """The persona who is typing now."""
        found = self.find(self.current)
        return found if found is not None else self.personas[0]

    def next_guest_id(self) -> int:
        """A Telegram id nobody in the sandbox has yet."""
        return max([_FIRST_GUEST_ID - 1, *(p.user.id for p in self.personas)]) + 1

    def save(self, path: Path) -> None:
        """Write the state file (atomically, so an interrupted write leaves the old one)."""
        data = {
            "version": _STATE_VERSION,
            "now": self.now,
            "current": self.current,
            "next_message_id": self.next_message_id,
            "personas": [persona.as_dict() for persona in self.personas],
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(path.suffix + ".tmp")
        temporary.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", "utf-8")
        temporary.replace(path)

    @classmethod
    def load(cls, path: Path) -> SandboxState:
        """Read the state file; raise :class:`StateError` if it cannot be used."""
        try:
            data = json.loads(path.read_text("utf-8"))
            if data.get("version") != _STATE_VERSION:
                raise ValueError(f"unknown version {data.get('version')!r}")
            return cls(
                now=int(data["now"]),
                personas=[Persona.from_dict(item) for item in data["personas"]],
                current=str(data.get("current", "client1")),
                next_message_id=int(data.get("next_message_id", 1)),
            )
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise StateError(f"{path}: {error}; start over with --fresh") from None
