"""Getting updates from Telegram: applied before they are confirmed, one person's in order.

Long polling confirms a batch of updates (the next ``getUpdates`` offset) only after every
update in it was applied; a webhook request is answered only after its update was applied.
So a crash never loses an update: Telegram delivers it again. Each applied update id is
recorded, so a redelivered one is skipped instead of being applied twice. Updates from
different people run concurrently; one person's run in the order they were sent.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
import signal
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from telegram import Update
from telegram.error import Forbidden, InvalidToken, TelegramError

from bot.storage.updates import Turn

if TYPE_CHECKING:
    from bot.context import BotApp

__all__ = ["Poller", "TelegramUnavailableError", "UpdateGate", "WebhookServer", "serve"]

_log = logging.getLogger(__name__)
_SEEN_DAYS = 2  # Telegram keeps undelivered updates for 24 hours
_RETRY = (1, 2, 5, 10, 30)
_TURN_POLL = 0.01  # seconds between looks while an earlier update of the person is applied
_WAITING_FOR = 30  # a waiting update not renewed for this long belongs to a dead process


class TelegramUnavailableError(Exception):
    """An update could not be answered because Telegram was unreachable: apply it again later."""


def person_key(update: Update) -> int:
    """Whose updates must stay in order: the sender, else the chat."""
    if update.effective_user is not None:
        return update.effective_user.id
    if update.effective_chat is not None:
        return update.effective_chat.id
    return 0


class UpdateGate:
    """Applies updates: different people concurrently, one person's in order, each once."""

    def __init__(self, app: BotApp) -> None:
        self._app = app
        self._locks: dict[int, asyncio.Lock] = {}
        self._users: dict[int, int] = {}
        self._seen: set[int] = set()

    async def load(self) -> None:
        """Remember the updates applied recently (a redelivery after a crash is skipped)."""
        services = self._app.bot_data.services
        self._seen = set(await services.updates.recent(services.clock.now() - _SEEN_DAYS * 86400))

    async def run(self, update: Update) -> None:
        """Apply one update unless it was applied already."""
        if update.update_id in self._seen:
            return
        if self._app.bot_data.services.db.backend == "postgresql":
            await self._run_shared(update)
            return
        key = person_key(update)
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._users[key] = self._users.get(key, 0) + 1
        try:
            async with lock:
                if update.update_id in self._seen:
                    return
                services = self._app.bot_data.services
                await self._apply(update)
                await services.updates.applied(update.update_id, services.clock.now())
        finally:
            self._users[key] -= 1
            if not self._users[key]:
                del self._users[key]
                self._locks.pop(key, None)

    async def _run_shared(self, update: Update) -> None:
        """Several processes on one database: the person's turn is decided in the database.

        No lock in memory here: an update waiting behind one would not be noted in the
        database yet, and another process could start a later update of the same person
        first. Every update this process received is noted at once, and the database lets
        one of the person's updates go at a time, the lowest waiting id first.
        """
        services = self._app.bot_data.services
        if not await self._turn(update.update_id, person_key(update)):
            self._seen.add(update.update_id)  # another process applied it
            return
        applied = False
        try:
            await self._apply(update)
            applied = True
        finally:
            # recorded and the turn handed on, in one transaction
            await services.updates.finish(update.update_id, services.clock.now(), applied=applied)

    async def _apply(self, update: Update) -> None:
        """Run the handlers; raise :class:`TelegramUnavailableError` if the reply did not go."""
        services = self._app.bot_data.services
        await self._app.process_update(update)
        if update.update_id in services.unanswered:
            # the reply could not reach Telegram: leave the update unconfirmed, so it is
            # applied again once Telegram answers (handlers are safe to repeat)
            services.unanswered.discard(update.update_id)
            raise TelegramUnavailableError
        self._seen.add(update.update_id)

    async def _turn(self, update_id: int, key: int) -> bool:
        """Wait until this update is the person's next (several processes on one database).

        Returns ``False`` if another process applied it already. Telegram may send one
        person's updates over several connections at once, and the proxy may hand them to
        different processes: the lowest id goes first, one at a time.
        """
        services = self._app.bot_data.services
        lease = services.settings.outbox_lease_seconds
        pause = _TURN_POLL
        while True:
            turn = await services.updates.take_turn(
                update_id, key, services.clock.now(), waiting_for=_WAITING_FOR,
                applying_for=lease,
            )  # fmt: skip
            if turn is Turn.GO:
                return True
            if turn is Turn.APPLIED:
                return False
            await asyncio.sleep(pause)
            pause = min(pause * 2, 0.1)

    async def run_all(self, updates: Iterable[Update]) -> None:
        """Apply a batch; tasks start in order, so each person's keep their order."""
        results = await asyncio.gather(
            *(self.run(update) for update in updates), return_exceptions=True
        )
        unavailable = False
        for result in results:
            if isinstance(result, BaseException) and not isinstance(result, Exception):
                raise result
            if isinstance(result, TelegramUnavailableError):
                unavailable = True
            elif isinstance(result, Exception):  # handlers' errors go to the error handler
                _log.error("an update could not be applied: %s", type(result).__name__)
        if unavailable:
            raise TelegramUnavailableError


class Poller:
    """Long polling that confirms a batch only after it was applied."""

    def __init__(self, app: BotApp, gate: UpdateGate, timeout: int = 10) -> None:
        self._app = app
        self._gate = gate
        self._timeout = timeout
        self._task: asyncio.Task[None] | None = None
        self._busy = False
        self._stopping = False
        self.failed = False

    async def start(self) -> None:
        """Drop any webhook and start polling in the background."""
        await self._app.bot.delete_webhook(drop_pending_updates=False)
        self._task = asyncio.create_task(self._loop(), name="polling")

    @property
    def task(self) -> asyncio.Task[None] | None:
        """The polling task, while it runs."""
        return self._task

    async def stop(self) -> None:
        """Finish the batch being applied, then stop."""
        self._stopping = True
        task, self._task = self._task, None
        if task is None:
            return
        if not self._busy:
            task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            try:
                await task
            except Exception:  # already logged where it happened
                self.failed = True

    async def _loop(self) -> None:
        offset: int | None = None
        failures = 0
        while not self._stopping:
            try:
                updates = await self._app.bot.get_updates(
                    offset=offset, timeout=self._timeout, allowed_updates=Update.ALL_TYPES
                )
            except (InvalidToken, Forbidden):
                _log.critical("Telegram refused the bot token; stopping")
                raise
            except TelegramError as exc:
                delay = _RETRY[min(failures, len(_RETRY) - 1)]
                failures += 1
                _log.warning("getUpdates failed (%s); retrying in %s s", type(exc).__name__, delay)
                await asyncio.sleep(delay)
                continue
            failures = 0
            if not updates:
                continue
            self._busy = True
            try:
                await self._gate.run_all(updates)
            except TelegramUnavailableError:
                delay = _RETRY[min(failures, len(_RETRY) - 1)]
                failures += 1
                _log.warning("Telegram unavailable while answering; retrying in %s s", delay)
                await asyncio.sleep(delay)
                continue  # not confirmed: the same batch comes again (applied ones are skipped)
            finally:
                self._busy = False
            offset = updates[-1].update_id + 1  # confirmed by the next getUpdates
        if offset is not None:  # confirm the last batch before leaving
            with contextlib.suppress(TelegramError):
                await self._app.bot.get_updates(offset=offset, timeout=0, limit=1)


class WebhookServer:
    """Receives updates over HTTPS from Telegram; answers only after applying them."""

    def __init__(
        self, app: BotApp, gate: UpdateGate, listen: str, port: int, path: str, secret: str
    ) -> None:
        self._app, self._gate = app, gate
        self._listen, self._port, self._path, self._secret = listen, port, path, secret
        self._server: Any = None

    async def start(self) -> None:
        """Listen for Telegram's POSTs."""
        from tornado.httpserver import HTTPServer
        from tornado.web import Application, RequestHandler

        gate, secret, bot = self._gate, self._secret, self._app.bot

        class _Handler(RequestHandler):
            async def post(self) -> None:
                given = self.request.headers.get("X-Telegram-Bot-Api-Secret-Token", "")
                if not hmac.compare_digest(given.encode(), secret.encode()):
                    self.set_status(403)
                    return
                try:
                    data = json.loads(self.request.body)
                    update = Update.de_json(data, bot)
                except (ValueError, TypeError, KeyError, AttributeError):
                    self.set_status(400)
                    return
                try:
                    await gate.run(update)
                except TelegramUnavailableError:
                    self.set_status(503)  # Telegram delivers it again later
                    return
                self.set_status(200)

            def log_exception(self, *args: Any) -> None:
                _log.error("webhook request failed")

        app = Application([(f"/{self._path.strip('/')}", _Handler)], log_function=lambda _h: None)
        self._server = HTTPServer(app, xheaders=True)
        self._server.listen(self._port, self._listen)

    async def stop(self) -> None:
        """Stop listening; requests in flight finish."""
        if self._server is not None:
            self._server.stop()
            await self._server.close_all_connections()


async def serve(app: BotApp) -> int:
    """Run the bot until SIGINT or SIGTERM (or polling fails for good); return the exit status."""
    from bot.app import on_shutdown, on_startup

    settings = app.bot_data.services.settings
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(signum, stop.set)
    await app.initialize()
    await on_startup(app)
    await app.start()
    gate = UpdateGate(app)
    await gate.load()
    receiver: Poller | WebhookServer
    if settings.webhook_url is not None:
        url = str(settings.webhook_url)
        secret = settings.webhook_secret_token
        assert secret is not None  # settings refuse webhook mode without one
        receiver = WebhookServer(
            app,
            gate,
            settings.webhook_listen,
            settings.webhook_port,
            url.split("://", 1)[1].partition("/")[2],
            secret.get_secret_value(),
        )
        await receiver.start()
        await app.bot.set_webhook(
            url, secret_token=secret.get_secret_value(), allowed_updates=Update.ALL_TYPES
        )
        _log.info(
            "webhook mode: listening on %s:%s", settings.webhook_listen, settings.webhook_port
        )
    else:
        receiver = Poller(app, gate)
        await receiver.start()
        _log.info("starting with long polling")
    if isinstance(receiver, Poller) and receiver.task is not None:
        receiver.task.add_done_callback(lambda _task: stop.set())  # e.g. the token was revoked
    try:
        await stop.wait()
    finally:
        _log.info("stopping")
        await receiver.stop()
        await app.stop()
        await on_shutdown(app)
        await app.shutdown()
    return 1 if isinstance(receiver, Poller) and receiver.failed else 0
