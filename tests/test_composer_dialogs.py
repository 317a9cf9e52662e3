"""The confirmation dialog and the help screen."""

from __future__ import annotations

import pytest
from textual.app import App
from textual.containers import VerticalScroll
from textual.geometry import Region
from textual.widgets import Static

from tui.ui.dialogs.confirm import ConfirmScreen
from tui.ui.dialogs.help import HelpScreen, group_bindings, group_of

BINDINGS = [
    ("j", "Next invitation", "cursor_down"),
    ("down", "Next invitation", "cursor_down"),
    ("k", "Previous invitation", "cursor_up"),
    ("a", "Accept", "accept"),
    ("x", "Ignore", "ignore"),
    ("r", "Ask: write a reply", "ask"),
    ("z", "Undo the last decision", "undo"),
    ("u", "Undo the last decision", "undo"),
    ("space", "Mark or unmark", "toggle_mark"),
    ("/", "Search", "search"),
    ("f", "Flagged only", "toggle_flagged"),
    ("tab", "Next split", "next_split"),
    ("?", "Help", "help"),
    ("q", "Quit", "quit"),
    ("F9", "Something new", "frobnicate"),
]


class DialogApp(App):
    def __init__(self, screen) -> None:
        super().__init__()
        self.animation_level = "none"
        self.dialog = screen
        self.results: list = []

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self.results.append)


@pytest.mark.parametrize(
    ("keys", "answer"), [("y", True), ("enter", False), ("n", False), ("escape", False)]
)
async def test_confirm_keys(keys, answer):
    app = DialogApp(ConfirmScreen("Ignore 3 marked invitations?"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(keys)
        await pilot.pause()
        assert app.results == [answer]


@pytest.mark.parametrize(("button", "answer"), [("#confirm-yes", True), ("#confirm-no", False)])
async def test_confirm_buttons(button, answer):
    app = DialogApp(ConfirmScreen("Accept 2?"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.click(button)
        await pilot.pause()
        assert app.results == [answer]


async def test_confirm_starts_on_no_and_tab_then_enter_answers_yes():
    app = DialogApp(ConfirmScreen("Accept 2?"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "confirm-no"
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert app.results == [True]


async def test_confirm_question_shown_literally():
    app = DialogApp(ConfirmScreen("Accept [b]5[/b]\x1b?"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        question = app.dialog.query_one("#confirm-question", Static)
        assert str(question.content) == "Accept [b]5[/b]\\x1b?"


def test_groups_from_binding_ids():
    assert group_of("cursor_down") == "Move"
    assert group_of("inbox.accept") == "Decide"
    assert group_of("toggle_mark") == "Mark"
    assert group_of("mark_all") == "Mark"
    assert group_of("clear_search") == "Search and filter"
    assert group_of("next_split") == "Views"
    assert group_of("command_palette") == "App"
    assert group_of("frobnicate") == "Other"


def test_group_bindings_merges_keys_of_one_id_and_orders_groups():
    grouped = group_bindings(BINDINGS)
    names = [group for group, _ in grouped]
    assert names == ["Move", "Decide", "Mark", "Search and filter", "Views", "App", "Other"]
    rows = dict(grouped)
    assert ("j / down", "Next invitation", "cursor_down") in rows["Move"]
    assert ("z / u", "Undo the last decision", "undo") in rows["Decide"]
    assert rows["Other"] == [("F9", "Something new", "frobnicate")]


def test_explicit_group_wins():
    grouped = group_bindings([("e", "Export to CSV", "export", "Files")])
    assert grouped == [("Files", [("e", "Export to CSV", "export")])]


def table_text(app) -> str:
    table = app.dialog.query_one("#help-table", Static)
    width, height = table.size
    return "\n".join(strip.text for strip in table.render_lines(Region(0, 0, width, height)))


async def test_help_lists_every_given_binding():
    app = DialogApp(HelpScreen(BINDINGS))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = table_text(app)
        for key, description, _ in BINDINGS:
            assert key in text and description in text
        for heading in ("Move", "Decide", "Mark", "Views", "Other"):
            assert heading in text


@pytest.mark.parametrize("key", ["escape", "q", "question_mark"])
async def test_help_closes(key):
    app = DialogApp(HelpScreen(BINDINGS))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        assert app.results == [None]


async def test_help_scrolls_when_it_does_not_fit():
    many = [(f"f{i}", f"Action number {i}", f"action_{i}") for i in range(60)]
    app = DialogApp(HelpScreen(many))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        body = app.dialog.query_one("#help-body", VerticalScroll)
        assert body.max_scroll_y > 0
        await pilot.press("j", "j", "j")
        await pilot.pause()
        assert body.scroll_y == 3
        await pilot.press("pagedown")
        await pilot.pause()
        assert body.scroll_y > 3


async def test_help_shows_hostile_descriptions_literally():
    app = DialogApp(HelpScreen([("x", "[red]Boom[/] \x1b[2J", "boom")]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "[red]Boom[/] \\x1b[2J" in table_text(app)
