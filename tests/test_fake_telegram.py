"""The pretend Telegram rejects what Telegram rejects, so tests catch our mistakes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut

from bot.sandbox.fake_telegram import ParseError, html_to_text
from bot.sandbox.harness import Harness
from bot.text import esc, split_message
from tests.conftest import CLIENT


@pytest.mark.parametrize(
    "markup",
    ["<b>open", "<script>x</script>", "a < b", "fish & chips", "<b><i>x</b></i>", "</b>"],
)
def test_malformed_html_is_rejected(markup: str) -> None:
    with pytest.raises(ParseError):
        html_to_text(markup)


def test_valid_html_gives_plain_text() -> None:
    assert html_to_text('<b>Hi</b> &lt;3 <a href="https://x.org">x</a> &amp; co') == "Hi <3 x & co"


@given(st.text())
def test_escaped_user_text_is_always_accepted_and_shown_unchanged(text: str) -> None:
    assert html_to_text(f"<b>{esc(text)}</b>") == text


@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=12000))
def test_split_message_respects_the_limit_and_keeps_text(text: str) -> None:
    parts = split_message(esc(text))
    for part in parts:
        assert len(html_to_text(part)) <= 4096
    joined = "".join(html_to_text(part) for part in parts)
    assert (
        joined.replace("\n", "").replace(" ", "")
        == text.strip("\n").replace("\n", "").replace(" ", "")
        or not text.strip()
    )


async def test_bot_api_errors_match_telegram(harness: Harness) -> None:
    bot = harness.app.bot
    with pytest.raises(BadRequest, match="parse entities"):
        await bot.send_message(CLIENT.id, "<b>unclosed")
    with pytest.raises(BadRequest, match="too long"):
        await bot.send_message(CLIENT.id, "x" * 4097)
    with pytest.raises(BadRequest, match=r"(?i)button_data_invalid"):
        await bot.send_message(
            CLIENT.id,
            "hi",
            reply_markup=InlineKeyboardMarkup(
                [[InlineKeyboardButton("a", callback_data="x" * 65)]]
            ),
        )
    sent = await bot.send_message(CLIENT.id, "hello")
    with pytest.raises(BadRequest, match="not modified"):
        await bot.edit_message_text("hello", CLIENT.id, sent.message_id)
    with pytest.raises(BadRequest, match=r"(?i)message to edit not found"):
        await bot.edit_message_text("x", CLIENT.id, 999999)
    harness.telegram.blocked_chats.add(CLIENT.id)
    with pytest.raises(Forbidden):
        await bot.send_message(CLIENT.id, "hello")


async def test_injected_failures(harness: Harness) -> None:
    bot = harness.app.bot
    harness.telegram.fail_next("server_error", method="sendMessage")
    with pytest.raises(NetworkError):
        await bot.send_message(CLIENT.id, "a")
    harness.telegram.fail_next("retry_after", retry_after=7)
    with pytest.raises(RetryAfter):
        await bot.send_message(CLIENT.id, "a")
    harness.telegram.fail_next("timeout_after_delivery")
    with pytest.raises(TimedOut):
        await bot.send_message(CLIENT.id, "delivered anyway")
    assert harness.telegram.last(CLIENT.id).text == "delivered anyway"


@given(
    st.lists(
        st.tuples(
            st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=50),
            st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=900),
        ),
        max_size=25,
    )
)
def test_split_message_keeps_every_part_valid_html_whatever_the_notes(
    entries: list[tuple[str, str]],
) -> None:
    """A digest-like text: names in bold, multi-line notes in italics, cut anywhere."""
    markup = "\n".join(f"<b>{esc(name)}</b>\n   💬 <i>{esc(note)}</i>" for name, note in entries)
    parts = split_message(markup)
    shown = [html_to_text(part) for part in parts]  # raises on invalid HTML
    assert all(len(part.encode("utf-16-le")) // 2 <= 4096 for part in shown)
    squeeze = str.maketrans("", "", " \n\t")
    assert "".join(shown).translate(squeeze) == html_to_text(markup).translate(squeeze)
