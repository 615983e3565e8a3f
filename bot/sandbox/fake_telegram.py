"""An in-process pretend Telegram: Bot API answers, chat state, and updates from users.

Tests and the sandbox drive the real application through it; only the transport changes.
It answers the Bot API methods the bot uses the way Telegram does, including Telegram's
errors for malformed HTML, over-long text and callback data, unchanged edits and missing
messages, and it can be told to fail (5xx, ``RetryAfter``, time-outs, a blocked chat).
"""

from __future__ import annotations

import html
import itertools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from telegram import Update
from telegram._utils.defaultvalue import DEFAULT_NONE
from telegram._utils.types import ODVInput
from telegram.error import TimedOut
from telegram.request import BaseRequest, RequestData

from bot.clock import Clock

__all__ = ["ApiCall", "FakeMessage", "FakeRequest", "FakeTelegram", "FakeUser", "html_to_text"]

MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_DATA = 64
_ALLOWED_TAGS = {
    "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler",
    "a", "code", "pre", "blockquote", "tg-emoji",
}  # fmt: skip
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[^<>]*)?)\s*(/?)>")
_ENTITY = re.compile(r"&(#[0-9]+|#x[0-9A-Fa-f]+|lt|gt|amp|quot);")


class ParseError(ValueError):
    """Telegram's "can't parse entities" error."""


def html_to_text(markup: str) -> str:
    """Validate Telegram HTML as Telegram does and return the plain text it shows."""
    stack: list[str] = []
    pieces: list[str] = []
    position = 0
    for match in _TAG.finditer(markup):
        pieces.append(_check_text(markup[position : match.start()], position))
        closing, name = match.group(1) == "/", match.group(2).lower()
        if name not in _ALLOWED_TAGS:
            raise ParseError(f'Unsupported start tag "{name}" at byte offset {match.start()}')
        if closing:
            if not stack or stack[-1] != name:
                opened = stack[-1] if stack else name
                raise ParseError(f'Can\'t find end tag corresponding to start tag "{opened}"')
            stack.pop()
        else:
            stack.append(name)
        position = match.end()
    pieces.append(_check_text(markup[position:], position))
    if stack:
        raise ParseError(f'Can\'t find end tag corresponding to start tag "{stack[-1]}"')
    return "".join(pieces)


def _check_text(text: str, offset: int) -> str:
    if "<" in text:
        raise ParseError(f"Unexpected character '<' at byte offset {offset + text.index('<')}")
    for index, char in enumerate(text):
        if char == "&" and not _ENTITY.match(text, index):
            raise ParseError(f"Unsupported HTML entity at byte offset {offset + index}")
    return html.unescape(text)


@dataclass
class FakeUser:
    """A Telegram user who talks to the bot."""

    id: int
    first_name: str
    language_code: str | None = "en"
    last_name: str | None = None
    username: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """Return the Bot API ``User`` object."""
        data: dict[str, Any] = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        for key in ("last_name", "username", "language_code"):
            if getattr(self, key) is not None:
                data[key] = getattr(self, key)
        return data


@dataclass
class FakeMessage:
    """One message in a chat, as the pretend Telegram keeps it."""

    chat_id: int
    message_id: int
    date: int
    from_bot: bool
    text: str = ""
    markup: str = ""
    reply_markup: dict[str, Any] | None = None
    photo: bytes | None = None
    document: bytes | None = None
    file_name: str | None = None
    file_id: str | None = None
    edits: int = 0

    @property
    def buttons(self) -> list[tuple[str, str]]:
        """``(text, callback_data or url)`` of every inline button, row by row."""
        rows = (self.reply_markup or {}).get("inline_keyboard", [])
        return [
            (button["text"], button.get("callback_data") or button.get("url", ""))
            for row in rows
            for button in row
        ]

    def as_dict(self, bot_user: dict[str, Any], sender: dict[str, Any] | None) -> dict[str, Any]:
        """Return the Bot API ``Message`` object."""
        data: dict[str, Any] = {
            "message_id": self.message_id,
            "date": self.date,
            "chat": (
                {"id": self.chat_id, "type": "private"}
                if self.chat_id > 0
                else {"id": self.chat_id, "type": "supergroup", "title": "A group"}
            ),
            "from": bot_user if self.from_bot else sender,
        }
        if self.photo is not None:
            data["photo"] = [
                {"file_id": self.file_id, "file_unique_id": self.file_id, "width": 800,
                 "height": 500, "file_size": len(self.photo)}
            ]  # fmt: skip
            if self.text:
                data["caption"] = self.text
        elif self.document is not None:
            data["document"] = {
                "file_id": self.file_id,
                "file_unique_id": self.file_id,
                "file_name": self.file_name,
                "file_size": len(self.document),
            }
            if self.text:
                data["caption"] = self.text
        else:
            data["text"] = self.text
        if self.reply_markup:
            data["reply_markup"] = self.reply_markup
        return data


@dataclass
class ApiCall:
    """One Bot API request the bot made."""

    method: str
    params: dict[str, Any]
    ok: bool = True
    error: str | None = None


@dataclass
class _Failure:
    method: str | None
    kind: str
    times: int
    retry_after: int = 3


@dataclass
class FakeTelegram:
    """The pretend Telegram's state and behaviour."""

    clock: Clock
    bot_id: int = 7000001
    bot_username: str = "checkin_test_bot"
    messages: dict[int, list[FakeMessage]] = field(default_factory=dict)
    calls: list[ApiCall] = field(default_factory=list)
    commands: dict[tuple[str, str], list[dict[str, str]]] = field(default_factory=dict)
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    blocked_chats: set[int] = field(default_factory=set)
    # a group upgraded to a supergroup: calls to the old id fail with its new id
    migrated_chats: dict[int, int] = field(default_factory=dict)
    users: dict[int, FakeUser] = field(default_factory=dict)
    on_message: Callable[[FakeMessage], None] | None = None
    webhook: dict[str, Any] | None = None
    first_id: int = 1
    _failures: list[_Failure] = field(default_factory=list)
    _ids: itertools.count[int] = field(init=False)

    def __post_init__(self) -> None:
        self._ids = itertools.count(self.first_id)

    # ----- what the bot sees -------------------------------------------------------------
    @property
    def bot_user(self) -> dict[str, Any]:
        """The bot's own ``User`` object."""
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": "Check-in",
            "username": self.bot_username,
            "can_join_groups": False,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }

    def request(self) -> FakeRequest:
        """Return a ``BaseRequest`` that talks to this pretend Telegram."""
        return FakeRequest(self)

    def fail_next(
        self, kind: str, *, method: str | None = None, times: int = 1, retry_after: int = 3
    ) -> None:
        """Make the next ``times`` matching calls fail.

        ``kind`` is ``server_error`` (HTTP 500), ``bad_gateway`` (502), ``retry_after``
        (429), ``timeout`` (no answer, nothing delivered) or ``timeout_after_delivery``
        (delivered, but the answer is lost).
        """
        self._failures.append(_Failure(method, kind, times, retry_after))

    def handle(
        self, method: str, params: dict[str, Any], files: dict[str, tuple[str, bytes]]
    ) -> tuple[int, dict[str, Any]]:
        """Answer one Bot API call with ``(http status, JSON body)``."""
        failure = self._take_failure(method)
        if failure is not None and failure.kind != "timeout_after_delivery":
            self.calls.append(ApiCall(method, params, ok=False, error=failure.kind))
            return self._failure_response(failure)
        handler = getattr(self, f"_api_{method}", None)
        if handler is None:
            return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
        chat_id = params.get("chat_id")
        if chat_id is not None and int(chat_id) in self.migrated_chats:
            new_id = self.migrated_chats[int(chat_id)]
            self.calls.append(ApiCall(method, params, ok=False, error="migrated"))
            return 400, {
                "ok": False,
                "error_code": 400,
                "description": "Bad Request: group chat was upgraded to a supergroup chat",
                "parameters": {"migrate_to_chat_id": new_id},
            }
        if chat_id is not None and int(chat_id) in self.blocked_chats:
            self.calls.append(ApiCall(method, params, ok=False, error="forbidden"))
            return 403, {
                "ok": False,
                "error_code": 403,
                "description": "Forbidden: bot was blocked by the user",
            }
        try:
            result = handler(params, files)
        except ParseError as exc:
            return self._bad_request(method, params, f"can't parse entities: {exc}")
        except _BadRequestError as exc:
            return self._bad_request(method, params, str(exc))
        self.calls.append(ApiCall(method, params))
        if failure is not None:  # timeout_after_delivery: it happened, the answer is lost
            raise TimedOut("Timed out (the message was delivered)")
        return 200, {"ok": True, "result": result}

    def _take_failure(self, method: str) -> _Failure | None:
        for failure in self._failures:
            if failure.method in (None, method) and method not in ("getMe", "setMyCommands"):
                failure.times -= 1
                if failure.times <= 0:
                    self._failures.remove(failure)
                return failure
        return None

    @staticmethod
    def _failure_response(failure: _Failure) -> tuple[int, dict[str, Any]]:
        if failure.kind == "timeout":
            raise TimedOut("Timed out")
        if failure.kind == "retry_after":
            return 429, {
                "ok": False,
                "error_code": 429,
                "description": f"Too Many Requests: retry after {failure.retry_after}",
                "parameters": {"retry_after": failure.retry_after},
            }
        if failure.kind == "bad_gateway":
            return 502, {"ok": False, "error_code": 502, "description": "Bad Gateway"}
        return 500, {"ok": False, "error_code": 500, "description": "Internal Server Error"}

    def _bad_request(
        self, method: str, params: dict[str, Any], description: str
    ) -> tuple[int, dict[str, Any]]:
        self.calls.append(ApiCall(method, params, ok=False, error=description))
        return 400, {"ok": False, "error_code": 400, "description": f"Bad Request: {description}"}

    # ----- Bot API methods ----------------------------------------------------------------
    def _api_getMe(self, params: dict[str, Any], files: dict[str, Any]) -> Any:  # noqa: N802
        return self.bot_user

    def _api_deleteWebhook(self, params: dict[str, Any], files: dict[str, Any]) -> Any:  # noqa: N802
        self.webhook = None
        return True

    def _api_setWebhook(self, params: dict[str, Any], files: dict[str, Any]) -> Any:  # noqa: N802
        url = str(params.get("url", ""))
        if url and not url.startswith(("https://", "http://127.0.0.1", "http://localhost")):
            raise _BadRequestError("bad webhook: HTTPS url must be provided for webhook")
        self.webhook = {"url": url, "secret_token": params.get("secret_token")} if url else None
        return True

    def _api_setMyCommands(self, params: dict[str, Any], files: dict[str, Any]) -> Any:  # noqa: N802
        scope = json.dumps(params.get("scope", {"type": "default"}), sort_keys=True)
        self.commands[(scope, str(params.get("language_code", "")))] = list(params["commands"])
        return True

    def _api_deleteMyCommands(self, params: dict[str, Any], files: dict[str, Any]) -> Any:  # noqa: N802
        scope = json.dumps(params.get("scope", {"type": "default"}), sort_keys=True)
        self.commands.pop((scope, str(params.get("language_code", ""))), None)
        return True

    def _api_answerCallbackQuery(self, params: dict[str, Any], files: dict[str, Any]) -> Any:  # noqa: N802
        return True

    def _api_sendChatAction(self, params: dict[str, Any], files: dict[str, Any]) -> Any:  # noqa: N802
        return True

    def _api_sendMessage(self, params: dict[str, Any], files: dict[str, Any]) -> Any:  # noqa: N802
        text = self._render(params.get("text", ""), params.get("parse_mode"), MAX_TEXT)
        if not text.strip():
            raise _BadRequestError("message text is empty")
        message = self._store(int(params["chat_id"]), text, params)
        return message.as_dict(self.bot_user, None)

    def _api_sendPhoto(self, params: dict[str, Any], files: dict[str, Any]) -> Any:  # noqa: N802
        return self._send_file(params, files, "photo")

    def _api_sendDocument(self, params: dict[str, Any], files: dict[str, Any]) -> Any:  # noqa: N802
        return self._send_file(params, files, "document")

    def _api_editMessageText(self, params: dict[str, Any], files: dict[str, Any]) -> Any:  # noqa: N802
        message = self._find(params)
        text = self._render(params.get("text", ""), params.get("parse_mode"), MAX_TEXT)
        markup = params.get("reply_markup")
        self._check_markup(markup)
        if text == message.text and markup == message.reply_markup:
            raise _BadRequestError(
                "message is not modified: specified new message content and reply markup "
                "are exactly the same as a current content and reply markup of the message"
            )
        message.text, message.markup, message.reply_markup = text, params["text"], markup
        message.edits += 1
        return message.as_dict(self.bot_user, None)

    def _api_editMessageReplyMarkup(self, params: dict[str, Any], files: dict[str, Any]) -> Any:  # noqa: N802
        message = self._find(params)
        markup = params.get("reply_markup")
        self._check_markup(markup)
        if markup == message.reply_markup:
            raise _BadRequestError(
                "message is not modified: specified new message content and reply markup "
                "are exactly the same as a current content and reply markup of the message"
            )
        message.reply_markup = markup
        message.edits += 1
        return message.as_dict(self.bot_user, None)

    def _api_deleteMessage(self, params: dict[str, Any], files: dict[str, Any]) -> Any:  # noqa: N802
        message = self._find(params, missing="message to delete not found")
        self.messages[message.chat_id].remove(message)
        return True

    def _api_getFile(self, params: dict[str, Any], files: dict[str, Any]) -> Any:  # noqa: N802
        file_id = str(params["file_id"])
        if file_id not in self.files:
            raise _BadRequestError("invalid file_id")
        name, content = self.files[file_id]
        return {
            "file_id": file_id,
            "file_unique_id": file_id,
            "file_size": len(content),
            "file_path": f"documents/{file_id}/{name}",
        }

    def download(self, file_path: str) -> bytes | None:
        """Return a stored file's bytes for a ``file/bot<token>/<path>`` download."""
        parts = file_path.split("/")
        if len(parts) >= 2 and parts[1] in self.files:
            return self.files[parts[1]][1]
        return None

    # ----- helpers -------------------------------------------------------------------------
    def _render(self, text: str, parse_mode: Any, limit: int) -> str:
        shown = html_to_text(text) if str(parse_mode).upper() == "HTML" else text
        if len(shown) > limit:
            raise _BadRequestError(
                "message is too long" if limit == MAX_TEXT else "caption is too long"
            )
        return shown

    @staticmethod
    def _check_markup(markup: Any) -> None:
        for row in (markup or {}).get("inline_keyboard", []):
            for button in row:
                data = button.get("callback_data")
                if data is not None and not 1 <= len(str(data).encode()) <= MAX_CALLBACK_DATA:
                    raise _BadRequestError("BUTTON_DATA_INVALID")
                if not button.get("text"):
                    raise _BadRequestError("text buttons are unallowed in the inline keyboard")

    def _store(self, chat_id: int, text: str, params: dict[str, Any]) -> FakeMessage:
        markup = params.get("reply_markup")
        self._check_markup(markup)
        message = FakeMessage(
            chat_id=chat_id,
            message_id=next(self._ids),
            date=self.clock.now(),
            from_bot=True,
            text=text,
            markup=str(params.get("text", params.get("caption", ""))),
            reply_markup=markup,
        )
        self.messages.setdefault(chat_id, []).append(message)
        if self.on_message is not None:
            self.on_message(message)
        return message

    def _send_file(self, params: dict[str, Any], files: dict[str, Any], kind: str) -> Any:
        if kind not in files:
            raise _BadRequestError(f"there is no {kind} in the request")
        name, content = files[kind]
        caption = self._render(params.get("caption", ""), params.get("parse_mode"), MAX_CAPTION)
        chat_id = int(params["chat_id"])
        file_id = f"file{next(self._ids)}"
        self.files[file_id] = (name, content)
        on_message, self.on_message = self.on_message, None
        message = self._store(chat_id, caption, params)
        self.on_message = on_message
        message.file_id, message.file_name = file_id, name
        if kind == "photo":
            message.photo = content
        else:
            message.document = content
        if self.on_message is not None:
            self.on_message(message)
        return message.as_dict(self.bot_user, None)

    def _find(self, params: dict[str, Any], missing: str = "message to edit not found") -> Any:
        chat_id, message_id = int(params["chat_id"]), int(params["message_id"])
        for message in self.messages.get(chat_id, []):
            if message.message_id == message_id:
                return message
        raise _BadRequestError(missing)

    # ----- what users do -------------------------------------------------------------------
    def _sender(self, user: FakeUser) -> dict[str, Any]:
        self.users[user.id] = user
        return user.as_dict()

    def text_update(self, user: FakeUser, text: str) -> dict[str, Any]:
        """Return the JSON of an ``Update`` in which ``user`` sends ``text``."""
        message = FakeMessage(user.id, next(self._ids), self.clock.now(), False, text=text)
        self.messages.setdefault(user.id, []).append(message)
        data = message.as_dict(self.bot_user, self._sender(user))
        data["chat"].update({"first_name": user.first_name})
        if text.startswith("/"):
            command = text.split()[0]
            data["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        return {"update_id": next(self._ids), "message": data}

    def group_text_update(self, user: FakeUser, chat_id: int, text: str) -> dict[str, Any]:
        """Return the JSON of an ``Update`` in which ``user`` writes ``text`` in a group chat."""
        message = FakeMessage(chat_id, next(self._ids), self.clock.now(), False, text=text)
        self.messages.setdefault(chat_id, []).append(message)
        data = message.as_dict(self.bot_user, self._sender(user))
        if text.startswith("/"):
            command = text.split()[0]
            data["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        return {"update_id": next(self._ids), "message": data}

    def document_update(
        self, user: FakeUser, file_name: str, content: bytes, caption: str = ""
    ) -> dict[str, Any]:
        """Return the JSON of an ``Update`` in which ``user`` uploads a document."""
        file_id = f"upload{next(self._ids)}"
        self.files[file_id] = (file_name, content)
        message = FakeMessage(
            user.id, next(self._ids), self.clock.now(), False, text=caption,
            document=content, file_name=file_name, file_id=file_id,
        )  # fmt: skip
        self.messages.setdefault(user.id, []).append(message)
        return {
            "update_id": next(self._ids),
            "message": message.as_dict(self.bot_user, self._sender(user)),
        }

    def callback_update(self, user: FakeUser, message: FakeMessage, data: str) -> dict[str, Any]:
        """Return the JSON of an ``Update`` in which ``user`` presses a button with ``data``."""
        return {
            "update_id": next(self._ids),
            "callback_query": {
                "id": str(next(self._ids)),
                "from": self._sender(user),
                "chat_instance": str(user.id),
                "data": data,
                "message": message.as_dict(self.bot_user, None),
            },
        }

    def to_update(self, data: dict[str, Any], bot: Any) -> Update:
        """Turn update JSON into a PTB ``Update`` bound to ``bot``."""
        return Update.de_json(data, bot)

    # ----- inspection ----------------------------------------------------------------------
    def chat(self, chat_id: int) -> list[FakeMessage]:
        """Every message in a chat, oldest first."""
        return self.messages.get(chat_id, [])

    def bot_messages(self, chat_id: int) -> list[FakeMessage]:
        """The bot's messages in a chat, oldest first."""
        return [message for message in self.chat(chat_id) if message.from_bot]

    def last(self, chat_id: int) -> FakeMessage:
        """The bot's latest message in a chat."""
        sent = self.bot_messages(chat_id)
        if not sent:
            raise AssertionError(f"the bot has sent nothing to chat {chat_id}")
        return sent[-1]

    def commands_for(self, chat_id: int | None = None, language: str = "") -> list[str]:
        """The command names registered for a chat scope (or the default scope)."""
        if chat_id is None:
            scope = json.dumps({"type": "default"}, sort_keys=True)
        else:
            scope = json.dumps({"chat_id": chat_id, "type": "chat"}, sort_keys=True)
        return [entry["command"] for entry in self.commands.get((scope, language), [])]


class _BadRequestError(Exception):
    """Raised inside the pretend Telegram for a 400 answer."""


class FakeRequest(BaseRequest):
    """A ``telegram.request.BaseRequest`` that answers from a :class:`FakeTelegram`."""

    def __init__(self, telegram: FakeTelegram) -> None:
        self.telegram = telegram

    @property
    def read_timeout(self) -> float | None:
        """No real network, so no read time-out."""
        return None

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to tear down."""

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = DEFAULT_NONE,
        write_timeout: ODVInput[float] = DEFAULT_NONE,
        connect_timeout: ODVInput[float] = DEFAULT_NONE,
        pool_timeout: ODVInput[float] = DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """Answer one request the way the Bot API would."""
        path = urlsplit(url).path
        if "/file/bot" in path:
            stored = self.telegram.download(path.split("/file/bot", 1)[1].split("/", 1)[1])
            return (200, stored) if stored is not None else (404, b"Not Found")
        api_method = path.rsplit("/", 1)[-1]
        params = dict(request_data.parameters) if request_data else {}
        files: dict[str, tuple[str, bytes]] = {}
        if request_data is not None and request_data.contains_files:
            for name, value in request_data.multipart_data.items():
                file_name, content = value[0], value[1]
                raw = content if isinstance(content, bytes) else content.read()
                files[name] = (str(file_name), raw)
        status, body = self.telegram.handle(api_method, params, files)
        return status, json.dumps(body).encode()
