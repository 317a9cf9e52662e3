"""The reply composer: templates with the first name, switching, editing, send and cancel."""

from __future__ import annotations

import pytest
from textual.app import App
from textual.widgets import Static, Tabs, TextArea

from tui.domain.models import Invitation, Person
from tui.ui.dialogs.composer import EMPTY_HINT, ComposerScreen
from tui.ui.dialogs.reply_templates import (
    DEFAULT_TEMPLATES,
    ReplyTemplate,
    fill,
    first_name,
    templates_from_config,
)


def invitation(name: str = "Marta Silva", note: str | None = "Hello") -> Invitation:
    return Invitation(
        id=3, person=Person(name=name), note=note, sent_at="2026-02-01", status="pending"
    )


class ComposerApp(App):
    """Pushes the composer on mount and keeps what it was dismissed with."""

    def __init__(self, screen: ComposerScreen) -> None:
        super().__init__()
        self.animation_level = "none"
        self.composer = screen
        self.results: list[str | None] = []

    def on_mount(self) -> None:
        self.push_screen(self.composer, self.results.append)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Marta Silva", "Marta"),
        ("Dr. João Pereira", "João"),
        ("prof ada lovelace", "ada"),
        ("", "there"),
        (None, "there"),
        ("X" * 10_000, "there"),
        ("\x1b[31mEve Doe", "\\x1b[31mEve"),
        ("{first_name} Loop", "{first_name}"),
    ],
)
def test_first_name(name, expected):
    assert first_name(name) == expected


def test_fill_replaces_only_the_placeholder_and_never_formats():
    assert fill("Hi {first_name}, {0} {x}", "Ana B") == "Hi Ana, {0} {x}"
    assert fill(ReplyTemplate("t", "{first_name}!"), "{oops}") == "{oops}!"


def test_default_templates_are_distinct_and_greet_by_name():
    assert len(DEFAULT_TEMPLATES) >= 3
    assert len({template.title for template in DEFAULT_TEMPLATES}) == len(DEFAULT_TEMPLATES)
    for template in DEFAULT_TEMPLATES:
        assert "{first_name}" in template.body
        assert "Marta" in fill(template, "Marta Silva")


def test_templates_from_config():
    templates = templates_from_config({"Warm": "Hi {first_name}!", "Brief": "Why connect?"})
    assert [t.title for t in templates] == ["Warm", "Brief"]
    with pytest.raises(ValueError, match=r"templates\.Brief: expected non-empty text"):
        templates_from_config({"Warm": "Hi", "Brief": "  "})
    with pytest.raises(ValueError, match="empty"):
        templates_from_config({})
    with pytest.raises(ValueError, match="table"):
        templates_from_config(["not", "a", "table"])


async def test_opens_on_the_first_template_with_the_first_name():
    app = ComposerApp(ComposerScreen(invitation()))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.composer
        assert screen.text == fill(DEFAULT_TEMPLATES[0], "Marta Silva")
        assert screen.text.startswith("Hi Marta,")
        assert isinstance(app.focused, TextArea)


async def test_ctrl_s_sends_the_edited_text():
    app = ComposerApp(ComposerScreen(invitation()))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("end", "space", "T", "y", "!")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.results == [fill(DEFAULT_TEMPLATES[0], "Marta Silva") + " Ty!"]
        assert app.screen is not app.composer


async def test_send_button_sends():
    app = ComposerApp(ComposerScreen(invitation()))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.click("#composer-send")
        await pilot.pause()
        assert app.results == [fill(DEFAULT_TEMPLATES[0], "Marta Silva")]


async def test_escape_cancels():
    app = ComposerApp(ComposerScreen(invitation()))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("x", "escape")
        await pilot.pause()
        assert app.results == [None]


async def test_empty_message_is_refused_with_a_hint():
    app = ComposerApp(ComposerScreen(invitation()))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.composer.query_one(TextArea).load_text("   \n  ")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.results == []
        assert app.screen is app.composer
        status = app.composer.query_one("#composer-status", Static)
        assert str(status.content) == EMPTY_HINT
        assert status.has_class("-error")
        await pilot.press("H", "i")
        await pilot.pause()
        assert not status.has_class("-error")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.results == ["Hi"]


async def test_ctrl_t_switches_templates_and_keeps_each_edit():
    app = ComposerApp(ComposerScreen(invitation()))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.composer
        await pilot.press("end", "!")
        edited_first = screen.text
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert screen.template_index == 1
        assert screen.text == fill(DEFAULT_TEMPLATES[1], "Marta Silva")
        assert screen.query_one(Tabs).active == "template-1"
        for _ in range(len(DEFAULT_TEMPLATES) - 1):
            await pilot.press("ctrl+t")
        await pilot.pause()
        assert screen.template_index == 0
        assert screen.text == edited_first


async def test_clicking_a_template_tab_switches():
    app = ComposerApp(ComposerScreen(invitation()))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.click("#template-2")
        await pilot.pause()
        assert app.composer.template_index == 2
        assert app.composer.text == fill(DEFAULT_TEMPLATES[2], "Marta Silva")


async def test_config_templates_and_hostile_titles_show_literally():
    templates = templates_from_config({"[b]Mine[/b]": "Yo {first_name}"})
    app = ComposerApp(ComposerScreen(invitation(name="[red]Li[/] Wu"), templates))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.composer.text == "Yo [red]Li[/]"
        tab = app.composer.query_one("#template-0")
        assert "[b]Mine[/b]" in str(tab.label)
        title = app.composer.query_one("#composer-title", Static)
        assert "[red]Li[/] Wu" in str(title.content)


async def test_many_recipients_keep_the_placeholder_for_each_name():
    app = ComposerApp(ComposerScreen(invitation(), recipients=12))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.composer
        assert screen.text == DEFAULT_TEMPLATES[0].body
        title = str(screen.query_one("#composer-title", Static).content)
        assert title == "Ask 12 marked senders what prompted the invitation"
        assert "Marta" not in title
        await pilot.press("ctrl+s")
        await pilot.pause()
        sent = app.results[0]
        assert "{first_name}" in sent
        assert fill(sent, "Li Wu").startswith("Hi Li,")
