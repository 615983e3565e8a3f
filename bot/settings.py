"""Settings read from the environment and an optional ``.env`` file."""

from __future__ import annotations

import re
import sys
import zoneinfo
from pathlib import Path
from typing import Annotated, Any, TextIO

from pydantic import (
    AnyHttpUrl,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.storage.database import describe_url, sqlite_path

__all__ = [
    "SUPPORTED_LOCALES",
    "Settings",
    "SettingsError",
    "exit_on_error",
    "load_settings",
    "token_configured",
]

SUPPORTED_LOCALES: tuple[str, ...] = ("en", "es", "de", "uk")


class SettingsError(Exception):
    """Raised when settings are invalid; ``problems`` holds one line per problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


class Settings(BaseSettings):
    """Every setting the bot reads; see ``.env.example`` for documentation."""

    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        case_sensitive=False,
    )

    telegram_bot_token: SecretStr | None = None
    telegram_api_url: AnyHttpUrl = AnyHttpUrl("https://api.telegram.org")
    database_path: Path = Path("data/checkin.db")
    # unset or sqlite:///path: SQLite (DATABASE_PATH); postgresql://user:pass@host/db: PostgreSQL
    database_url: SecretStr | None = None
    admin_ids: Annotated[tuple[int, ...], NoDecode] = ()
    default_locale: str = "en"
    default_timezone: str = "UTC"
    invite_ttl_days: int = Field(default=7, ge=1, le=365)
    max_active_goals: int = Field(default=5, ge=1, le=50)
    snooze_hours: int = Field(default=2, ge=1, le=24)
    on_call_chat_id: int | None = None
    safety_ack_minutes: int = Field(default=30, ge=1, le=24 * 60)
    retention_months: int = Field(default=0, ge=0, le=600)  # 0: keep check-ins until erased
    semantic_screen: bool = True  # the multilingual meaning check beside the crisis rules
    tick_seconds: float = Field(default=30.0, ge=1.0, le=600.0)
    # how long a message being sent stays its process's before another may take it for lost
    outbox_lease_seconds: int = Field(default=120, ge=2, le=3600)
    # Telegram's limit on messages a second for one bot token (about 30; raise it only for a
    # bot with paid broadcasts, or a local Bot API server that allows more)
    telegram_messages_per_second: int = Field(default=30, ge=1, le=1000)
    webhook_url: AnyHttpUrl | None = None
    webhook_listen: str = "0.0.0.0"  # noqa: S104 - listening on all interfaces is the point
    webhook_port: int = Field(default=8443, ge=1, le=65535)
    webhook_secret_token: SecretStr | None = None
    log_level: str = "INFO"

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_admin_ids(cls, value: Any) -> Any:
        if isinstance(value, str):
            parts = [part.strip() for part in value.split(",") if part.strip()]
            try:
                return tuple(int(part) for part in parts)
            except ValueError:
                raise ValueError(
                    "must be comma-separated Telegram user ids, e.g. 111,222"
                ) from None
        return value

    @field_validator(
        "telegram_bot_token",
        "on_call_chat_id",
        "webhook_url",
        "webhook_secret_token",
        "database_url",
        mode="before",
    )
    @classmethod
    def _empty_is_unset(cls, value: Any) -> Any:
        if isinstance(value, str) and not value.strip():
            return None
        return value

    @field_validator("telegram_bot_token")
    @classmethod
    def _check_token_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None:
            bot_id, _, secret = value.get_secret_value().partition(":")
            if not bot_id.isdigit() or len(secret) < 20:
                raise ValueError("does not look like a token from @BotFather (123456:ABC...)")
        return value

    @field_validator("database_url")
    @classmethod
    def _check_database_url(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None:
            return None
        url = value.get_secret_value().strip()
        scheme = url.split(":", 1)[0].lower()
        if scheme in {"postgresql", "postgres"}:
            if not url.lower().startswith(f"{scheme}://"):
                raise ValueError("looks like postgresql://user:password@host:5432/dbname")
        elif scheme == "sqlite":
            sqlite_path(url)  # raises ValueError with the expected shape
        else:
            raise ValueError(
                "must start with sqlite:/// or postgresql:// "
                "(e.g. postgresql://user:password@host:5432/dbname)"
            )
        return SecretStr(url)

    @model_validator(mode="after")
    def _sqlite_url_names_the_path(self) -> Settings:
        if self.database_url is not None and self.database_backend == "sqlite":
            self.database_path = sqlite_path(self.database_url.get_secret_value())
        return self

    @field_validator("default_locale")
    @classmethod
    def _check_locale(cls, value: str) -> str:
        if value not in SUPPORTED_LOCALES:
            raise ValueError(f"must be one of {', '.join(SUPPORTED_LOCALES)}")
        return value

    @field_validator("default_timezone")
    @classmethod
    def _check_timezone(cls, value: str) -> str:
        try:
            zoneinfo.ZoneInfo(value)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise ValueError("must be an IANA time zone name such as Europe/Berlin") from None
        return value

    @field_validator("log_level")
    @classmethod
    def _check_log_level(cls, value: str) -> str:
        level = value.upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError("must be DEBUG, INFO, WARNING, ERROR or CRITICAL")
        return level

    @model_validator(mode="after")
    def _check_webhook(self) -> Settings:
        if self.webhook_secret_token is not None and self.webhook_url is None:
            raise ValueError("WEBHOOK_SECRET_TOKEN is set but WEBHOOK_URL is not")
        if self.webhook_url is not None:
            secret = (
                self.webhook_secret_token.get_secret_value() if self.webhook_secret_token else ""
            )
            if not secret:
                raise ValueError(
                    "WEBHOOK_SECRET_TOKEN is required in webhook mode (without it anyone could "
                    "send the bot forged updates); use 16-256 letters, digits, _ or -"
                )
            if not re.fullmatch(r"[A-Za-z0-9_-]{16,256}", secret):
                raise ValueError(
                    "WEBHOOK_SECRET_TOKEN must be 16-256 letters, digits, _ or - (Telegram's rule)"
                )
        return self

    @property
    def database_backend(self) -> str:
        """``sqlite`` or ``postgresql``."""
        if self.database_url is None:
            return "sqlite"
        scheme = self.database_url.get_secret_value().split(":", 1)[0].lower()
        return "sqlite" if scheme == "sqlite" else "postgresql"

    @property
    def database_target(self) -> str:
        """What :func:`bot.storage.open_database` opens: the PostgreSQL URL or the SQLite path."""
        if self.database_backend == "postgresql" and self.database_url is not None:
            return self.database_url.get_secret_value()
        return str(self.database_path)

    @property
    def database_shown(self) -> str:
        """The database in use, the password hidden (for people and logs)."""
        if self.database_backend == "postgresql":
            return describe_url(self.database_target)
        return f"sqlite:///{self.database_path}"

    @property
    def api_base_url(self) -> str:
        """Base for Bot API methods: ``<TELEGRAM_API_URL>/bot``."""
        return str(self.telegram_api_url).rstrip("/") + "/bot"

    @property
    def api_file_url(self) -> str:
        """Base for file downloads: ``<TELEGRAM_API_URL>/file/bot``."""
        return str(self.telegram_api_url).rstrip("/") + "/file/bot"

    def is_admin(self, telegram_id: int) -> bool:
        """Say whether ``telegram_id`` is listed in ``ADMIN_IDS``."""
        return telegram_id in self.admin_ids


def _describe(error: dict[str, Any]) -> str:
    location = [str(part) for part in error.get("loc", ()) if part != "__root__"]
    message = str(error.get("msg", "invalid value"))
    message = message.removeprefix("Value error, ")
    if not location:
        return message
    return f"{location[0].upper()}: {message}"


def load_settings(env_file: str | Path | None = ".env", **overrides: Any) -> Settings:
    """Read settings; raise :class:`SettingsError` listing every problem."""
    try:
        return Settings(_env_file=env_file, **overrides)  # type: ignore[call-arg]
    except ValidationError as exc:
        raise SettingsError([_describe(dict(error)) for error in exc.errors()]) from None


class _TokenOnly(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")
    telegram_bot_token: str = ""


def token_configured(env_file: str | Path | None = ".env") -> bool:
    """Say whether any TELEGRAM_BOT_TOKEN is given (valid or not)."""
    return bool(_TokenOnly(_env_file=env_file).telegram_bot_token.strip())  # type: ignore[call-arg]


def exit_on_error(error: SettingsError, stream: TextIO | None = None) -> None:
    """Print one line per problem and exit with status 2."""
    for problem in error.problems:
        print(f"Setting {problem}", file=stream or sys.stderr)
    raise SystemExit(2)
