"""The pretend Telegram over real HTTP on loopback: a local Bot API emulator.

Point the bot at it with ``TELEGRAM_API_URL=http://127.0.0.1:<port>`` and it runs unchanged:
``/bot<token>/<method>`` answers Bot API calls (``getUpdates`` long-polls a queue of user
actions), ``/file/bot<token>/<path>`` serves uploaded files. Tests and demos put user actions
in the queue with :meth:`FakeBotApiServer.push`.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
from typing import Any

from tornado.httpserver import HTTPServer
from tornado.web import Application, RequestHandler

from bot.sandbox.fake_telegram import FakeTelegram

__all__ = ["FakeBotApiServer"]

_JSON_PARAMS = {"reply_markup", "commands", "scope", "allowed_updates", "link_preview_options"}


class _ApiHandler(RequestHandler):
    """Answers ``/bot<token>/<method>`` and ``/file/bot<token>/<path>``."""

    def initialize(self, server: FakeBotApiServer) -> None:
        """Keep a reference to the emulator."""
        self.server = server

    def check_xsrf_cookie(self) -> None:
        """The Bot API has no XSRF cookies."""

    async def get(self, path: str) -> None:
        """Serve files, and methods called with GET."""
        await self._dispatch(path)

    async def post(self, path: str) -> None:
        """Serve methods called with POST (form, multipart or JSON bodies)."""
        await self._dispatch(path)

    async def _dispatch(self, path: str) -> None:
        if path.startswith("file/bot"):
            content = self.server.telegram.download(path.split("/", 2)[2])
            if content is None:
                self.set_status(404)
                return
            self.write(content)
            return
        method = path.rsplit("/", 1)[-1]
        params = self._params()
        files = {
            name: (uploads[0]["filename"], bytes(uploads[0]["body"]))
            for name, uploads in self.request.files.items()
        }
        if method == "getUpdates":
            result = await self.server.updates(int(params.get("offset", 0) or 0),
                                               float(params.get("timeout", 0) or 0))  # fmt: skip
            self.write({"ok": True, "result": result})
            return
        status, body = self.server.telegram.handle(method, params, files)
        self.set_status(status)
        self.set_header("Content-Type", "application/json")
        self.write(json.dumps(body))

    def _params(self) -> dict[str, Any]:
        content_type = self.request.headers.get("Content-Type", "")
        if content_type.startswith("application/json") and self.request.body:
            loaded: dict[str, Any] = json.loads(self.request.body)
            return loaded
        params: dict[str, Any] = {}
        for name, values in self.request.arguments.items():
            if name in self.request.files:
                continue
            raw = values[-1].decode("utf-8")
            params[name] = json.loads(raw) if name in _JSON_PARAMS else raw
        return params


class FakeBotApiServer:
    """Serves a :class:`FakeTelegram` over HTTP on 127.0.0.1."""

    def __init__(self, telegram: FakeTelegram) -> None:
        self.telegram = telegram
        self._pending: list[dict[str, Any]] = []
        self.confirmed = 0  # the highest offset getUpdates has confirmed
        self._arrived = asyncio.Event()
        self._server: HTTPServer | None = None
        self.port = 0

    @property
    def url(self) -> str:
        """The base URL to put in ``TELEGRAM_API_URL``."""
        return f"http://127.0.0.1:{self.port}"

    async def start(self) -> None:
        """Listen on a free loopback port."""
        # no access log: Bot API URLs contain the token
        app = Application(
            [(r"/(.*)", _ApiHandler, {"server": self})], log_function=lambda _handler: None
        )
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        sock.listen(16)
        sock.setblocking(False)
        self.port = sock.getsockname()[1]
        self._server = HTTPServer(app)
        self._server.add_sockets([sock])

    async def stop(self) -> None:
        """Stop listening and release any long poll."""
        self._arrived.set()
        if self._server is not None:
            self._server.stop()
            await self._server.close_all_connections()

    def push(self, update: dict[str, Any]) -> None:
        """Queue an update (from ``FakeTelegram.text_update`` etc.) for ``getUpdates``."""
        self._pending.append(update)
        self._arrived.set()

    async def updates(self, offset: int, wait: float) -> list[dict[str, Any]]:
        """Confirm updates below ``offset``; wait up to ``wait`` seconds for new ones."""
        self.confirmed = max(self.confirmed, offset)
        self._pending = [u for u in self._pending if u["update_id"] >= offset]
        if not self._pending and wait > 0:
            self._arrived.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._arrived.wait(), timeout=min(wait, 5.0))
        return list(self._pending)
