"""Carrying decisions out on the platform: ``o`` opens the profile, ``c`` copies, the
composer records the ask and copies it, ``R`` records a reply pasted by hand, and the
detail shows waiting after an ask and no verdict on your own sent invitations."""

from __future__ import annotations

import pytest
from conftest import Inv, make_db, open_app, press, screen_text, settle
from textual.widgets import TextArea

from tui.store import Store
from tui.ui.config import Config
from tui.ui.dialogs.help import group_bindings
from tui.ui.dialogs.reply_box import ReplyBoxScreen
from tui.ui.inbox.detail_pane import DetailPane

ADA_URL = "https://www.linkedin.com/in/ada-lovelace"
HOSTILE_URL = "javascript:alert(1)//[bold red]x[/] \x1b[31mred\u202e"
PLATFORM_INBOX = [
    Inv("Ada Lovelace", 5, note="Loved your talk on engines", person={"profile_url": ADA_URL}),
    Inv("Brook Stone", 30, note="Let's connect"),
    Inv("Cyrus Vale", 90, note="Buy my leads", person={"profile_url": HOSTILE_URL}),
    Inv("Farah Nadir", 60 * 24 * 3, status="asked", person={"profile_url": "https://x.test/f"}),
    Inv(
        "Theo Brandt",
        60 * 24 * 30,
        note="Buy my leads now, guaranteed results!",
        status="sent",
        direction="outgoing",
        photo="none",
        person={"profile_url": "https://www.linkedin.com/in/theo-brandt"},
    ),
]


@pytest.fixture
def platform_db(tmp_path):
    return make_db(tmp_path, PLATFORM_INBOX, real_flags=True)


@pytest.fixture
def opened(monkeypatch):
    """Every URL the app asked the browser to open (none is really opened)."""
    from tui.ui.app import InviteTriageApp

    urls: list[str] = []
    monkeypatch.setattr(InviteTriageApp, "open_url", lambda self, url, **kw: urls.append(url))
    return urls


def status_line(app) -> str:
    return screen_text(app).splitlines()[-2]


def detail(app) -> str:
    return app.screen.query_one(DetailPane).plain_text()


async def test_o_opens_the_selected_profile_shown_in_the_detail(platform_db, opened):
    app = open_app(platform_db)
    async with app.run_test(size=(160, 30)) as pilot:
        await settle(pilot)
        assert f"Profile {ADA_URL}  (o opens · c copies)" in detail(app)
        await press(pilot, "o")
        assert opened == [ADA_URL]
        assert f"opening {ADA_URL} in your browser" in status_line(app)


async def test_o_opens_nothing_without_a_web_address_and_says_why(platform_db, opened):
    app = open_app(platform_db)
    async with app.run_test(size=(160, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "j", "o")  # Brook: no address at all
        assert "Brook Stone has no profile address; nothing opened" in status_line(app)
        await press(pilot, "j", "o")  # Cyrus: a script with markup, ANSI and an RTL override
        assert opened == []
        assert "Cyrus Vale has a profile address that is not a web address" in status_line(app)
        text = screen_text(app)
        assert "[bold red]x[/]" in text  # shown as typed, not as markup
        assert "\x1b" not in text and "\u202e" not in text


async def test_c_copies_the_address_and_after_an_ask_the_question(platform_db, opened):
    app = open_app(platform_db)
    async with app.run_test(size=(160, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "c")
        assert app.clipboard == ADA_URL
        assert "copied Ada Lovelace's profile address" in status_line(app)
        await press(pilot, "r", "ctrl+s")  # the composer's button: record the ask and copy it
        with Store.open(platform_db) as store:
            ada = next(i for i in store.iter_invitations() if i.person.name == "Ada Lovelace")
        question = ada.messages[-1].body
        assert ada.status == "asked" and question.startswith("Hi Ada")
        assert app.clipboard == question
        assert "asked Ada Lovelace · question copied, send it on the platform" in (status_line(app))
        app.copy_to_clipboard("something else")
        await press(pilot, "c", "o")  # the list moved on to Brook: both act on Ada's ask
        assert app.clipboard == question and opened == [ADA_URL]
        await press(pilot, "k", "c")  # another key: c acts on the selection again (Brook)
        assert app.clipboard == question
        assert "Brook Stone has no profile address; nothing copied" in status_line(app)
        await press(pilot, "j", "c")  # Cyrus: a script is no address to paste in a browser
        assert app.clipboard == question
        assert "Cyrus Vale has a profile address that is not a web address" in status_line(app)


async def test_an_unanswered_ask_waits_and_the_reply_box_records_their_answer(platform_db):
    app = open_app(platform_db)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "R")  # Ada is pending: nothing to answer yet
        assert not isinstance(app.screen, ReplyBoxScreen)
        assert "a reply answers your question, so ask first" in status_line(app)
        await press(pilot, "j", "r", "ctrl+s", "2", "home")  # ask Brook ("Let's connect")
        assert "◷ WAIT" in detail(app) and "IGNORE" not in detail(app)
        assert "When they answer on the platform, R records it here." in detail(app)
        await press(pilot, "R")
        assert isinstance(app.screen, ReplyBoxScreen)
        assert "You asked: Hi Brook" in screen_text(app)
        answer = (
            "[bold]We met[/bold] at your engines talk \x1b[31m\u202e; I work on looms.\r\n"
            + "x" * 10_000
        )
        app.screen.query_one(TextArea).load_text(answer)
        await settle(pilot)
        shown = screen_text(app)
        assert "[bold]We met[/bold]" in shown and "\x1b" not in shown and "\u202e" not in shown
        assert "10,066 characters · 2 control or bidi characters" in shown
        await press(pilot, "ctrl+s")
        assert not isinstance(app.screen, ReplyBoxScreen)
        assert "recorded Brook Stone's reply · recommended now: accept" in status_line(app)
        assert "▸3 Replied 1" in screen_text(app)  # followed to its new split
        assert "Reply [bold]We met[/bold] at your engines talk \\x1b[31m\\u202e;" in detail(app)
        assert "\x1b" not in screen_text(app) and "\u202e" not in screen_text(app)
    with Store.open(platform_db) as store:
        brook = next(i for i in store.iter_invitations() if i.person.name == "Brook Stone")
    assert brook.status == "replied" and brook.reply == answer.replace("\r\n", "\n")


async def test_the_sent_split_shows_age_and_no_flags_or_recommendation(platform_db):
    app = open_app(platform_db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "7")
        text = detail(app)
        assert "You sent this invitation 4 weeks ago (2026-01-02 12:00)" in text
        assert "Your own invitations are not judged" in text
        for verdict in ("Recommended", "Flags", "ACCEPT", "IGNORE", "ASK", "Sales pitch"):
            assert verdict not in text
        row = next(line for line in screen_text(app).splitlines() if "Theo Brandt" in line)
        assert "▲" not in row and "△" not in row


async def test_the_platform_keys_are_in_help_and_follow_the_keymap(platform_db, opened):
    keymap = {"open_profile": "ctrl+o", "copy": "y", "reply": "ctrl+r"}
    app = open_app(platform_db, config=Config(keymap=keymap))
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert "(^o opens · y copies)" in detail(app)
        await press(pilot, "o", "c")  # no longer bound
        assert opened == [] and app.clipboard == ""
        await press(pilot, "ctrl+o", "y")
        assert opened == [ADA_URL] and app.clipboard == ADA_URL
        await press(pilot, "question_mark")
        entries = {entry[2]: entry[0] for entry in app.screen.bindings}
        assert entries["open_profile"] == "^o" and entries["copy"] == "y"
        assert entries["reply"] == "^r"
        groups = dict(group_bindings(app.screen.bindings))  # as the help screen draws them
        platform = [(keys, binding_id) for keys, _, binding_id in groups["On the platform"]]
        assert platform == [("^o", "open_profile"), ("y", "copy")]
