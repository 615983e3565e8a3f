"""A safety plan in the client's own words: optional sections, private unless shared."""

from __future__ import annotations

from dataclasses import dataclass

from bot.clock import Clock
from bot.storage.safety import SafetyRepository
from bot.text import clean_user_text

__all__ = ["MAX_SECTION_LENGTH", "SECTIONS", "SafetyPlan", "SafetyPlanService"]

# In the order a plan is read in a hard moment. "professional" is shown with the crisis
# lines from the catalogue; the client may add their own (a doctor, a counsellor).
SECTIONS: tuple[str, ...] = (
    "warning_signs",
    "on_my_own",
    "distractions",
    "people",
    "professional",
    "surroundings",
    "matters",
)
MAX_SECTION_LENGTH = 1000


@dataclass(frozen=True)
class SafetyPlan:
    """A client's plan: the sections they wrote and whether their practitioner may see it."""

    sections: dict[str, str]
    shared: bool

    @property
    def is_empty(self) -> bool:
        """Whether nothing has been written yet."""
        return not self.sections


class SafetyPlanService:
    """Reads and writes safety plans; every method names the client, so ownership holds."""

    def __init__(self, repo: SafetyRepository, clock: Clock) -> None:
        self._repo = repo
        self._clock = clock

    async def get(self, client_id: int) -> SafetyPlan:
        """The client's plan (empty if they have not written one)."""
        sections, shared = await self._repo.plan(client_id)
        ordered = {name: sections[name] for name in SECTIONS if name in sections}
        return SafetyPlan(ordered, shared)

    async def write(self, client_id: int, section: str, raw: str) -> str | None:
        """Save a section in the client's words; return a problem (``too_long``, ``empty``)."""
        if section not in SECTIONS:
            raise ValueError(section)
        text = clean_user_text(raw)
        if not text:
            return "empty"
        if len(text) > MAX_SECTION_LENGTH:
            return "too_long"
        await self._repo.save_section(client_id, section, text, self._clock.now())
        return None

    async def clear(self, client_id: int, section: str) -> None:
        """Remove one section."""
        if section not in SECTIONS:
            raise ValueError(section)
        await self._repo.save_section(client_id, section, None, self._clock.now())

    async def share(self, client_id: int, shared: bool) -> None:
        """Share the plan with the practitioner, or make it private again."""
        await self._repo.set_plan_shared(client_id, shared, self._clock.now())
