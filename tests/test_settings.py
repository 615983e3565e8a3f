"""Settings: parsing, validation, and the CLI's exit code 2 with one line per problem."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from bot.settings import SettingsError, load_settings

TOKEN = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def test_defaults_and_urls() -> None:
    settings = load_settings(None, telegram_bot_token=TOKEN)
    assert settings.api_base_url == "https://api.telegram.org/bot"
    assert settings.api_file_url == "https://api.telegram.org/file/bot"
    assert settings.default_locale == "en"
    assert settings.default_timezone == "UTC"
    assert settings.database_path == Path("data/checkin.db")


def test_environment_and_dotenv(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text(f"TELEGRAM_BOT_TOKEN={TOKEN}\nADMIN_IDS=111, 222\n")
    monkeypatch.setenv("TELEGRAM_API_URL", "http://127.0.0.1:8081/")
    settings = load_settings(env_file)
    assert settings.admin_ids == (111, 222)
    assert settings.api_base_url == "http://127.0.0.1:8081/bot"
    assert settings.api_file_url == "http://127.0.0.1:8081/file/bot"
    assert TOKEN not in repr(settings)


def test_every_problem_is_listed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADMIN_IDS", "12,abc")
    monkeypatch.setenv("DEFAULT_LOCALE", "fr")
    monkeypatch.setenv("DEFAULT_TIMEZONE", "Europe/Atlantis")
    monkeypatch.setenv("TELEGRAM_API_URL", "not a url")
    with pytest.raises(SettingsError) as caught:
        load_settings(None)
    names = [line.split(":")[0] for line in caught.value.problems]
    assert names == ["TELEGRAM_API_URL", "ADMIN_IDS", "DEFAULT_LOCALE", "DEFAULT_TIMEZONE"]


def test_run_with_bad_settings_exits_2_with_one_line_each(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ADMIN_IDS", "twelve")
    monkeypatch.setenv("WEBHOOK_PORT", "99999")
    with pytest.raises(SystemExit) as caught:
        main(["run"])
    assert caught.value.code == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("Setting TELEGRAM_BOT_TOKEN: missing")
    assert any("ADMIN_IDS" in line for line in lines)
    assert any("WEBHOOK_PORT" in line for line in lines)


def test_token_is_never_printed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    assert main(["check-settings"]) == 0
    out = capsys.readouterr().out
    assert "TELEGRAM_BOT_TOKEN=<set>" in out
    assert TOKEN.split(":")[1] not in out


def test_real_process_exits_2_without_traceback(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={
            "PATH": "/usr/bin:/bin",
            "ADMIN_IDS": "x",
            "PYTHONPATH": str(Path(__file__).parents[1]),
        },
        check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        "Setting TELEGRAM_BOT_TOKEN: missing; get one from @BotFather (see README.md)",
        "Setting ADMIN_IDS: must be comma-separated Telegram user ids, e.g. 111,222",
    ]


def test_help_explains_each_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "run" in out
    assert "long polling" in out


def test_logging_never_shows_the_token_or_telegram_debug(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import logging

    from bot.cli import setup_logging

    settings = load_settings(None, telegram_bot_token=TOKEN, log_level="DEBUG")
    setup_logging(settings)
    try:
        logging.getLogger("bot.test").info("calling https://api.telegram.org/bot%s/getMe", TOKEN)
        assert logging.getLogger("telegram").getEffectiveLevel() == logging.INFO
        assert logging.getLogger("httpx").getEffectiveLevel() == logging.WARNING
        err = capsys.readouterr().err
        assert "bot<token>/getMe" in err
        assert TOKEN not in err
    finally:
        logging.getLogger().handlers.clear()


@pytest.mark.parametrize("secret", ["", "short", "has spaces in it but long enough"])
def test_webhook_mode_refuses_to_start_without_a_real_secret(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], secret: str
) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("WEBHOOK_URL", "https://bot.example.org/telegram")
    if secret:
        monkeypatch.setenv("WEBHOOK_SECRET_TOKEN", secret)
    with pytest.raises(SystemExit) as caught:
        main(["run"])
    assert caught.value.code == 2
    [line] = capsys.readouterr().err.strip().splitlines()
    assert "WEBHOOK_SECRET_TOKEN" in line
