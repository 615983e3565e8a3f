"""The command line: ``checkin-bot run``, ``checkin-bot start`` and friends."""

from __future__ import annotations

import argparse
import logging
from collections.abc import Sequence

from bot.settings import Settings, SettingsError, exit_on_error, load_settings, token_configured

__all__ = ["main"]

_log = logging.getLogger("bot")


class _RedactToken(logging.Filter):
    """Replace the bot token wherever it would appear in a log line."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self._token = token

    def filter(self, record: logging.LogRecord) -> bool:
        if self._token:
            message = record.getMessage()
            if self._token in message:
                record.msg = message.replace(self._token, "<token>")
                record.args = ()
        return True


def setup_logging(settings: Settings) -> None:
    """Log to stderr at ``LOG_LEVEL``; keep the token and HTTP noise out."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    token = settings.telegram_bot_token.get_secret_value() if settings.telegram_bot_token else ""
    handler.addFilter(_RedactToken(token))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(settings.log_level)
    # httpx logs every request URL, and Bot API URLs contain the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="checkin-bot",
        description="A Telegram check-in bot for client-centred care. Settings come from the "
        "environment or a .env file (see .env.example).",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser(
        "run",
        help="run the bot against Telegram (long polling; webhook mode when WEBHOOK_URL is set)",
        description="Run the bot. Needs TELEGRAM_BOT_TOKEN. Uses long polling unless WEBHOOK_URL "
        "is set, in which case it listens on WEBHOOK_LISTEN:WEBHOOK_PORT.",
    )
    commands.add_parser(
        "start",
        help="what `make run` does: run the bot if TELEGRAM_BOT_TOKEN is set, else explain",
        description="Run the bot when a token is configured; otherwise say how to get one.",
    )
    commands.add_parser("check-settings", help="validate the settings and print them (no secrets)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``checkin-bot`` and ``python -m bot``."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    try:
        settings = load_settings()
    except SettingsError as error:
        if args.command == "run" and not token_configured():
            error.problems.insert(0, _MISSING_TOKEN)
        exit_on_error(error)
        return 2
    if args.command == "check-settings":
        return _check_settings(settings)
    if args.command == "start" and settings.telegram_bot_token is None:
        print(_NO_TOKEN_HELP)
        return 0
    if settings.telegram_bot_token is None:
        exit_on_error(SettingsError([_MISSING_TOKEN]))
        return 2
    setup_logging(settings)
    return _run(settings)


_MISSING_TOKEN = "TELEGRAM_BOT_TOKEN: missing; get one from @BotFather (see README.md)"  # noqa: S105

_NO_TOKEN_HELP = """\
No TELEGRAM_BOT_TOKEN is set, so the bot cannot talk to Telegram yet.
Create a bot with @BotFather in Telegram, then put the token in a .env file:
    cp .env.example .env   # and set TELEGRAM_BOT_TOKEN=123456:ABC...
and run `make run` again. See README.md for every setting."""  # noqa: S105


def _check_settings(settings: Settings) -> int:
    for name, value in settings.model_dump().items():
        shown = "<set>" if "token" in name and value is not None else value
        print(f"{name.upper()}={shown}")
    return 0


def _run(settings: Settings) -> int:
    from bot.app import build_application

    application = build_application(settings)
    if settings.webhook_url is not None:
        url = str(settings.webhook_url)
        path = url.split("://", 1)[1].partition("/")[2]
        secret = settings.webhook_secret_token
        _log.info(
            "starting in webhook mode on %s:%s", settings.webhook_listen, settings.webhook_port
        )
        application.run_webhook(
            listen=settings.webhook_listen,
            port=settings.webhook_port,
            url_path=path,
            webhook_url=url,
            secret_token=secret.get_secret_value() if secret else None,
        )
    else:
        _log.info("starting with long polling")
        application.run_polling()
    return 0
