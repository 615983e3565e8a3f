"""Drive the real application on the pretend Telegram: for tests, the sandbox and demos."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.app import build_application, on_shutdown, on_startup, run_due
from bot.clock import ManualClock
from bot.context import BotApp, BotContext
from bot.sandbox.fake_telegram import FakeMessage, FakeTelegram, FakeUser
from bot.settings import Settings

__all__ = ["HandlerError", "Harness"]


class HandlerError(AssertionError):
    """A handler raised while processing an update."""


@dataclass
class Harness:
    """The real bot wired to a :class:`FakeTelegram`, with a manual clock."""

    settings: Settings
    clock: ManualClock
    telegram: FakeTelegram = field(init=False)
    app: BotApp = field(init=False)
    errors: list[BaseException] = field(default_factory=list)
    raise_errors: bool = True
    rate_limit: bool = True  # PTB's flood limiter, as in production; the sandbox turns it off
    first_message_id: int = 1  # for a pretend Telegram that outlives one process
    flood_guard: bool = False  # scripted users type faster than people; tests turn it on

    def __post_init__(self) -> None:
        self.telegram = FakeTelegram(self.clock, first_id=self.first_message_id)
        self.app = build_application(
            self.settings,
            request=self.telegram.request(),
            clock=self.clock,
            rate_limit=self.rate_limit,
            background_delivery=False,
        )
        self.app.add_error_handler(self._record_error)
        self.app.bot_data.services.flood.enabled = self.flood_guard
        self.app.bot_data.services.outbox.chat_interval = 0  # everything at once, step by step

    async def _record_error(self, update: object, context: BotContext) -> None:
        if context.error is not None:
            self.errors.append(context.error)

    @property
    def services(self) -> Any:
        """The application's services."""
        return self.app.bot_data.services

    async def start(self) -> None:
        """Initialise the application and run its start-up hook."""
        await self.app.initialize()
        await on_startup(self.app)

    async def stop(self) -> None:
        """Run the shut-down hook and shut the application down."""
        await on_shutdown(self.app)
        await self.app.shutdown()

    async def __aenter__(self) -> Harness:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    async def _process(self, data: dict[str, Any], chat_id: int) -> list[FakeMessage]:
        before = {m.message_id for m in self.telegram.bot_messages(chat_id)}
        errors_before = len(self.errors)
        await self.app.process_update(self.telegram.to_update(data, self.app.bot))
        await self.deliver()
        if self.raise_errors and len(self.errors) > errors_before:
            raise HandlerError(repr(self.errors[-1])) from self.errors[-1]
        return [m for m in self.telegram.bot_messages(chat_id) if m.message_id not in before]

    async def send(self, user: FakeUser, text: str) -> list[FakeMessage]:
        """``user`` sends ``text``; return the bot's new messages in their chat."""
        return await self._process(self.telegram.text_update(user, text), user.id)

    async def upload(
        self, user: FakeUser, file_name: str, content: bytes, caption: str = ""
    ) -> list[FakeMessage]:
        """``user`` sends a document; return the bot's new messages in their chat."""
        data = self.telegram.document_update(user, file_name, content, caption)
        return await self._process(data, user.id)

    async def press(
        self, user: FakeUser, label: str, message: FakeMessage | None = None
    ) -> list[FakeMessage]:
        """``user`` presses the button whose label contains ``label`` (latest message first)."""
        candidates = [message] if message else list(reversed(self.telegram.bot_messages(user.id)))
        for candidate in candidates:
            for text, data in candidate.buttons:
                if label == text or label in text:
                    update = self.telegram.callback_update(user, candidate, data)
                    return await self._process(update, user.id)
        raise AssertionError(f"no button {label!r} in chat {user.id}")

    async def press_data(
        self, user: FakeUser, data: str, message: FakeMessage | None = None
    ) -> list[FakeMessage]:
        """``user`` sends a callback with exactly ``data`` (even one no button shows)."""
        target = message or self.telegram.last(user.id)
        return await self._process(self.telegram.callback_update(user, target, data), user.id)

    async def deliver(self) -> None:
        """Send what is due in the outbox, as the background sender would right away."""
        services = self.services
        while await services.outbox.drain(self.app.bot) >= services.outbox.batch:
            pass

    async def tick(self) -> None:
        """Run what the repeating job would run now."""
        await run_due(self.app, self.app.bot)
