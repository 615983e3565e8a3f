"""`checkin-bot sandbox --script docs/demo.script` reproduces docs/demo.md exactly."""

from __future__ import annotations

from bot.sandbox.demo import DEMO_MD, demo_markdown


def test_demo_transcript_is_current() -> None:
    assert demo_markdown() == DEMO_MD.read_text(encoding="utf-8"), "run `make demo`"
