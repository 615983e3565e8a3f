"""The built wheel carries everything: a Spanish client is answered in Spanish from an install.

The wheel is built from the project, installed into a folder of its own (dependencies come from
the test environment), and the bot is run from a directory outside the checkout, so nothing
can be read from the source tree by accident: translations, migrations and the crisis model
must all come from the installed package.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = """
import asyncio, pathlib, sys
import bot
assert pathlib.Path(bot.__file__).is_relative_to(sys.argv[1]), bot.__file__
from bot.clock import ManualClock
from bot.settings import load_settings
from bot.sandbox.harness import Harness
from bot.sandbox.fake_telegram import FakeUser

async def main() -> None:
    settings = load_settings(None, database_path="packaged.db", admin_ids=(1,),
                             telegram_bot_token="123456:PACKAGE-TOKEN-abcdefghijklmnopqrstuvwxyz")
    async with Harness(settings, ManualClock(1_772_442_000)) as harness:
        [hello] = await harness.send(FakeUser(55, "Lucía", "es"), "/start")
        print(hello.text)
        assert await harness.services.db.schema_version() >= 6
        assert await harness.services.safety.assess("ya no quiero seguir viviendo")

asyncio.run(main())
"""


def test_the_wheel_answers_a_spanish_client_in_spanish(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(wheels)],
        capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    assert "BuildBackendWarning" not in built.stderr and "Deprecat" not in built.stderr
    [wheel] = list(wheels.glob("*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for needed in (
        "bot/locales/es/LC_MESSAGES/messages.po",
        "bot/storage/migrations/0001_people_and_invites.sql",
        "bot/data/crisis_model.npz",
        "handlers/views/__init__.py",
    ):
        assert needed in names, needed
    site = tmp_path / "site"
    installed = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site),
         str(wheel)],
        capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip
    assert installed.returncode == 0, installed.stderr
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site), "PYTHONSAFEPATH": "1"}
    for name in list(env):
        if name.startswith(("TELEGRAM_", "DATABASE_", "ADMIN_")):
            del env[name]
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(site)],
        cwd=elsewhere, env=env, capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "¡Hola!" in run.stdout, run.stdout
