"""The sandbox: seeding, the terminal chat, the clock, transcripts, `make run` without a token."""

from __future__ import annotations

import builtins
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from bot.sandbox import SandboxOptions, run_sandbox
from bot.sandbox.clockwork import clock_text, parse_duration, parse_start
from bot.sandbox.fake_telegram import FakeMessage
from bot.sandbox.personas import alias_of
from bot.sandbox.render import choices, format_choices, redact_invites, render_html, shown_text

START = "2026-03-02T09:00Z"  # a Monday, before the clocks change in Europe
REPO = Path(__file__).resolve().parents[1]

SCRIPT = """\
# Alex checks in, a day passes, the practitioner invites someone new
/checkin
7
:tap 6
:tap skip
I slept better <b>this</b> week & walked twice
1
:advance 2d
:as practitioner
/invite
:new sam
:open
1
:as dana
:as alex
/progress
:foo
42
"""


def _run(db: Path, script: Path) -> tuple[int, str]:
    out = io.StringIO()
    status = run_sandbox(SandboxOptions(db, True, script, parse_start(START)), out=out)
    return status, out.getvalue()


@pytest.fixture(scope="module")
def transcripts(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """The script run twice from scratch on the same database path: (sandbox dir, outputs)."""
    where = tmp_path_factory.mktemp("sandbox")
    script = where / "demo.txt"
    script.write_text(SCRIPT, "utf-8")
    first_status, first = _run(where / "sandbox.db", script)
    second_status, second = _run(where / "sandbox.db", script)
    assert first_status == second_status == 1  # `:foo` and `42` are problems
    return where, [first, second]


def _blocks(transcript: str) -> list[tuple[str, str]]:
    """``(command line, what it printed)`` for each echoed command."""
    blocks = []
    for part in transcript.split("\n\n> ")[1:]:
        line, _, printed = part.partition("\n")
        blocks.append((line, printed))
    return blocks


def _output(transcript: str, command: str, occurrence: int = 0) -> str:
    found = [out for line, out in _blocks(transcript) if line == command]
    assert len(found) > occurrence, f"{command!r} not in the transcript"
    return found[occurrence]


def test_new_sandbox_is_seeded_with_people_and_history(
    transcripts: tuple[Path, list[str]],
) -> None:
    banner = transcripts[1][0].split("\n\n> ", 1)[0]
    assert "New sandbox: an admin, a practitioner and two clients, with 15 check-ins" in banner
    assert "Clock: Mon 2 Mar 2026 09:00 UTC" in banner
    assert re.search(r"robin, admin +Robin +admin +English +UTC", banner)
    assert re.search(
        r"dana, practitioner +Dana Weber +practitioner +English +Europe/Berlin", banner
    )
    assert re.search(r"\* alex, client1 +Alex +client +English +Europe/London", banner)
    assert re.search(r"lucia, client2 +Lucía +client +Spanish +Europe/Madrid", banner)
    if (REPO / "examples" / "resources.yaml").exists():
        assert "The admin uploaded the example resource catalogue: 6 categories" in banner


def test_a_client_checks_in_by_tapping(transcripts: tuple[Path, list[str]]) -> None:
    transcript = transcripts[1][0]
    question = _output(transcript, "alex: /checkin")
    assert question.startswith("bot → Alex:\n  Overall, how have things been since last time?")
    assert "  [0]   [1]   [2]   [3]   [4]   [5]\n  [6]   [7]   [8]   [9]   [10]\n  [11] Skip" in (
        question
    )
    tapped = _output(transcript, "alex: 7")
    assert "bot → Alex (edited):\n  Overall, how have things been since last time?" in tapped
    assert "  → 7\nbot → Alex:\n  How is it going with Get to bed by eleven" in tapped
    assert "→ 6" in _output(transcript, "alex: :tap 6")
    assert "→ Skipped" in _output(transcript, "alex: :tap skip")
    share = _output(transcript, "alex: I slept better <b>this</b> week & walked twice")
    assert "[1] Share   [2] ✓ Keep private" in share
    summary = _output(transcript, "alex: 1")
    assert "Overall: 7/10" in summary
    assert "• Walk to the park three times a week: skipped" in summary
    assert "Your note was shared with your practitioner." in summary


def test_advancing_a_day_sends_the_daily_reminder(transcripts: tuple[Path, list[str]]) -> None:
    advanced = _output(transcripts[1][0], "alex: :advance 2d")
    assert advanced.startswith("⏩ Mon 2 Mar 2026 09:00 UTC → Wed 4 Mar 2026 09:00 UTC\n")
    # Alex checked in on Monday: no reminder that day, the next one on Tuesday
    assert "[Mon 2 Mar 18:00]" not in advanced
    assert "[Tue 3 Mar 18:00] bot → Alex:\n  🌿 Hi! Would you like to check in?" in advanced
    assert "  [1] ✅ Check in now\n  [2] ⏰ Later   [3] Not today" in advanced
    assert re.search(r"\(Dana Weber has \d+ new messages?: :as dana\)", advanced)


def test_switching_person_shows_what_arrived_meanwhile(
    transcripts: tuple[Path, list[str]],
) -> None:
    transcript = transcripts[1][0]
    switched = _output(transcript, "alex: :as practitioner")
    assert switched.startswith("Now typing as Dana Weber (practitioner).\n[")
    assert "] bot → Dana:" in switched
    assert "I slept better <b>this</b> week & walked twice" in switched  # the shared note
    link = _output(transcript, "dana: /invite")
    assert "https://t.me/checkin_sandbox_bot?start=<code>" in link
    assert not re.search(r"start=(?!<code>)", transcript)  # no invite code in the transcript
    assert "now typing as them" in _output(transcript, "dana: :new sam")
    opened = _output(transcript, "sam: :open")
    assert opened.startswith("(opening the invite link from Dana Weber's chat)\nbot → Sam:")
    assert "  [1] ✅ I agree   [2] Not now" in opened
    agreed = _output(transcript, "sam: 1")
    assert "bot → Sam (edited):\n  Thank you. You're now connected" in agreed
    assert "(Dana Weber has 1 new message: :as dana)" in agreed
    assert "🤝 Sam accepted your invitation" in _output(transcript, "sam: :as dana")
    assert _output(transcript, "dana: :as alex").startswith("Now typing as Alex (client1).")


def test_photos_are_saved_and_problems_explained(transcripts: tuple[Path, list[str]]) -> None:
    where, [transcript, _] = transcripts
    progress = _output(transcript, "alex: /progress")
    found = re.search(r"\[photo saved: (\S+)\]", progress)
    assert found is not None, progress
    saved = Path(found.group(1))
    saved = saved if saved.is_absolute() else Path.cwd() / saved
    assert saved.parent == where / "sandbox-files"
    assert saved.read_bytes().startswith(b"\x89PNG")
    assert "Your goals over time" in progress
    assert "Unknown sandbox command :foo" in _output(transcript, "alex: :foo")
    assert "No button '42' on the latest message (choices: 1" in _output(transcript, "alex: 42")


def test_transcripts_are_deterministic(transcripts: tuple[Path, list[str]]) -> None:
    first, second = transcripts[1]
    assert first == second


def test_make_run_without_token_starts_the_interactive_sandbox(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    typed = iter([":who", "/help", ":advance 2h", ":as nobody", "/progress", "/goals"])
    prompts: list[str] = []

    def fake_input(prompt: str = "") -> str:
        prompts.append(prompt)
        try:
            return next(typed)
        except StopIteration:
            raise EOFError from None

    def broken(*args: object) -> object:
        raise RuntimeError("a bug")

    monkeypatch.setattr(builtins, "input", fake_input)
    monkeypatch.setattr("bot.services.progress.ProgressService.goals", broken)
    assert main(["start"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("No TELEGRAM_BOT_TOKEN is set, so this starts the local sandbox")
    assert "put TELEGRAM_BOT_TOKEN in .env (see .env.example)" in out
    assert "New sandbox: an admin, a practitioner and two clients" in out
    assert "/checkin — Check in: how is it going?" in out
    assert "Nobody called 'nobody' here" in out
    # a failing handler: the bot apologises, the sandbox says where the details are, and goes on
    assert "Sorry, something went wrong on my side." in out
    assert "(sandbox: the bot failed on that with RuntimeError;" in out
    assert "data/sandbox.log" in out
    assert "Your goals" in out or "no active goals" in out  # the next command still works
    assert prompts[0].endswith("] alex> ")
    assert (tmp_path / "data" / "sandbox.db").exists()
    state = json.loads((tmp_path / "data" / "sandbox.json").read_text())
    assert state["current"] == "client1"

    # the next start continues where the clock stopped, without seeding again
    script = tmp_path / "again.txt"
    script.write_text(":who\n", "utf-8")
    assert main(["sandbox", "--script", str(script)]) == 0
    again = capsys.readouterr().out
    assert "New sandbox" not in again
    assert f"Clock: {clock_text(state['now'])}." in again
    prompt_time = re.search(r"\[(\w{3} \d+ \w{3} \d\d:\d\d) London\]", prompts[-1])
    assert prompt_time is not None


def test_the_cli_runs_a_script(tmp_path: Path) -> None:
    script = tmp_path / "short.txt"
    script.write_text("# comments and blank lines are skipped\n\n:as lucia\n/checkin\n", "utf-8")
    env = {key: value for key, value in os.environ.items() if key != "TELEGRAM_BOT_TOKEN"}
    done = subprocess.run(
        [sys.executable, "-m", "bot", "sandbox", "--script", str(script), "--fresh",
         "--db", str(tmp_path / "s.db"), "--start", START],
        capture_output=True, text=True, timeout=600, cwd=REPO, env=env, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "> alex: :as lucia\nNow typing as Lucía (client2)." in done.stdout
    assert "> lucia: /checkin\nbot → Lucía:\n  En general, ¿cómo te ha ido" in done.stdout
    assert "# comments" not in done.stdout


# ----- the pieces ------------------------------------------------------------------------------


def test_html_is_rendered_for_the_terminal() -> None:
    markup = (
        'Hi <b>Alex</b>, <i>see</i> <a href="https://example.org/a?b=1&amp;c=2">this page</a> '
        "&amp; <code>/checkin</code> &lt;3"
    )
    assert render_html(markup, ansi=False) == (
        "Hi Alex, see this page (https://example.org/a?b=1&c=2) & /checkin <3"
    )
    styled = render_html("<b>bold <i>both</i></b> plain", ansi=True)
    assert styled == "\x1b[1mbold \x1b[3mboth\x1b[0m\x1b[1m\x1b[0m plain"
    assert render_html('<a href="https://x.org">https://x.org</a>', ansi=False) == "https://x.org"
    message = FakeMessage(1, 1, 0, True, text="a < b", markup="a < b")
    assert shown_text(message, ansi=False) == "a < b"  # not HTML: shown as sent


def test_buttons_are_numbered_choices() -> None:
    agree = {"text": "✅ I agree", "callback_data": "c:y"}
    later = {"text": "Not now", "callback_data": "c:n"}
    consent = {"inline_keyboard": [[agree, later], [{"text": "Site", "url": "https://x.org"}]]}
    assert format_choices(choices(consent)) == [
        "[1] ✅ I agree   [2] Not now",
        "[3] Site (https://x.org)",
    ]
    rating = {"inline_keyboard": [[{"text": str(v), "callback_data": f"r:{v}"} for v in range(11)],
                                  [{"text": "Skip", "callback_data": "r:s"}]]}  # fmt: skip
    numbered = [choice for row in choices(rating) for choice in row]
    assert [c.number for c in numbered] == [*range(11), 11]
    assert numbered[7].data == "r:7"
    assert (
        redact_invites("https://t.me/bot?start=Ab_9-x end") == "https://t.me/bot?start=<code> end"
    )


def test_durations_starts_and_names() -> None:
    assert parse_duration("1d") == 86400
    assert parse_duration("1d12h") == 129600
    assert parse_duration("30m") == 1800
    assert parse_duration("1w") == 604800
    assert parse_duration("90s") is None
    assert parse_duration("soon") is None
    assert parse_start("2026-03-02T09:00:30Z").isoformat() == "2026-03-02T09:00:00+00:00"
    assert parse_start("2026-03-02T10:00+01:00").isoformat() == "2026-03-02T09:00:00+00:00"
    assert alias_of("Lucía Pérez") == "lucia"


def test_a_database_the_sandbox_did_not_make_is_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "checkin.db"
    other.write_bytes(b"not ours")
    options = SandboxOptions(other, fresh=True, script=None, start=None)
    assert run_sandbox(options, out=io.StringIO()) == 2
    assert other.read_bytes() == b"not ours"
    assert "may not be a sandbox database" in capsys.readouterr().err
