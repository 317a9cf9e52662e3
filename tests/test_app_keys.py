"""Help, command palette, themes, export, quitting, SIGTERM, and the keymap config."""

from __future__ import annotations

import csv
import os
import signal

import pytest
from conftest import make_db, open_app, press, screen_text, settle
from textual.command import CommandPalette
from textual.theme import BUILTIN_THEMES

from tui.commands.open_app import run_app
from tui.ui.config import Config, ConfigError, load_config, valid_key
from tui.ui.dialogs.help import HelpScreen
from tui.ui.inbox.detail_pane import DetailPane
from tui.ui.inbox.inbox_list import InboxList
from tui.ui.keymap import rebindable_scopes


def current(app) -> str | None:
    row = app.screen.query_one(InboxList).row
    return row.name if row else None


async def test_help_lists_every_key_of_the_inbox(db):
    app = open_app(db)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        entries = {entry[2]: entry for entry in app.screen.bindings}
        for binding_id in (
            "accept",
            "ignore",
            "ask",
            "undo",
            "mark",
            "mark_all",
            "find",
            "limit",
            "flagged_only",
            "next_split",
            "export",
            "theme",
            "help",
            "quit",
            "cursor_down",
            "first",
            "last",
            "page_down",
            "open_detail",
        ):
            assert binding_id in entries, binding_id
        assert entries["accept"][0] == "a"
        text = screen_text(app)
        assert "Accept the invitation" in text
        await press(pilot, "escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_a_keymap_rebinds_keys_and_help_shows_the_new_ones(db):
    app = open_app(db, config=Config(keymap={"accept": "y", "cursor_down": "ctrl+n"}))
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "a")  # no longer bound
        assert current(app) == "Ada Lovelace"
        await press(pilot, "y")
        assert current(app) == "Brook Stone"
        await press(pilot, "ctrl+n")
        assert current(app) == "Cyrus Vale"
        await press(pilot, "j", "down")  # both of the id's keys were replaced
        assert current(app) == "Cyrus Vale"
        await press(pilot, "question_mark")
        entries = {entry[2]: entry for entry in app.screen.bindings}
        assert entries["accept"][0] == "y"
        assert "Accept" in screen_text(app)


async def test_command_palette_offers_actions_with_their_keys(db):
    app = open_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        for char in "accept":
            await pilot.press(char)
        await settle(pilot)
        await pilot.pause(0.3)
        assert "Accept  (a)" in screen_text(app)
        await press(pilot, "enter")
        await settle(pilot)
        assert current(app) == "Brook Stone"  # the accept ran


async def test_theme_key_cycles_themes(db):
    app = open_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        first = app.theme
        await press(pilot, "t")
        assert app.theme != first
        await press(pilot, "t")
        assert len({first, app.theme}) == 2 or app.theme != first


async def test_export_writes_the_split_and_says_where_until_the_next_key(db):
    app = open_app(db)
    async with app.run_test(size=(250, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "a", "4", "e")
        status = screen_text(app).splitlines()[-2]
        assert "exported 2 rows to " in status
        path = status.split("exported 2 rows to ")[-1].strip()
        await press(pilot, "j")
        assert "exported" not in screen_text(app)  # the next key moves on
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {row["name"] for row in rows} == {"Ada Lovelace", "Hana Ito"}
    assert os.path.dirname(path) == str(db.parent / "exports")


async def test_q_quits(db):
    app = open_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_ctrl_q_quits(db):
    app = open_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0


async def test_sigterm_closes_the_app_cleanly(db):
    app = open_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        os.kill(os.getpid(), signal.SIGTERM)
        await pilot.pause(0.2)
    assert app.return_code == 0
    with pytest.raises(Exception, match="closed"):
        app.gateway.call(lambda store: None)  # the store was closed on the way out


# ---------------------------------------------------------------------- config file


def write(tmp_path, text: str):
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_config_keymap_and_theme_load(tmp_path):
    path = write(tmp_path, 'theme = "nord"\n[keymap]\naccept = "y"\nignore = "i,delete"\n')
    config = load_config(path, scopes=rebindable_scopes(), themes=BUILTIN_THEMES)
    assert config.keymap == {"accept": "y", "ignore": "i,delete"}
    assert config.theme == "nord"


def test_missing_default_config_is_fine(tmp_path, monkeypatch):
    monkeypatch.delenv("INVITE_TRIAGE_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert load_config(scopes=rebindable_scopes()) == Config()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[keymap\naccept = 'y'", "not valid TOML"),
        ("[keymap]\nacept = 'y'", "unknown binding id 'acept' (did you mean 'accept'? known"),
        ("[keymap]\naccept = 3", "must be a key in quotes"),
        ("[keymap]\naccept = 'ctrl+'", "is not a key name"),
        ("[keymap]\naccept = 'hyperdrive'", "is not a key name"),
        ("[keymap]\naccept = 'x'", "would do both"),
        ("colour = 'red'", "unknown setting 'colour'"),
        ("theme = 'neon'", "is not a theme"),
        ("keymap = 'y'", "[keymap] must be a table"),
    ],
)
def test_bad_config_is_one_clear_line(tmp_path, text, expected):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_config(path, scopes=rebindable_scopes(), themes=BUILTIN_THEMES)
    message = str(caught.value)
    assert expected in message and str(path) in message and "\n" not in message


def test_rebinding_both_sides_of_a_swap_is_allowed(tmp_path):
    path = write(tmp_path, "[keymap]\naccept = 'x'\nignore = 'a'\n")
    config = load_config(path, scopes=rebindable_scopes())
    assert config.keymap == {"accept": "x", "ignore": "a"}


def test_dialog_keys_may_reuse_inbox_keys(tmp_path):
    path = write(tmp_path, "[keymap]\n'confirm.yes' = 'a'\n")
    assert load_config(path, scopes=rebindable_scopes()).keymap == {"confirm.yes": "a"}


@pytest.mark.parametrize("key", ["y", "Y", "ctrl+y", "shift+tab", "f5", "question_mark", "?"])
def test_valid_keys(key):
    assert valid_key(key)


def test_invalid_config_stops_before_the_app_starts(tmp_path, monkeypatch, capsys):
    db = make_db(tmp_path)
    path = write(tmp_path, "[keymap]\nnope = 'y'\n")
    monkeypatch.setenv("INVITE_TRIAGE_CONFIG", str(path))
    with pytest.raises(SystemExit) as caught:
        run_app(db)
    assert caught.value.code == 1
    err = capsys.readouterr().err
    assert err.startswith("invite-triage: error: ") and "unknown binding id 'nope'" in err
    assert err.count("\n") == 1


def test_config_named_by_the_environment_must_exist(tmp_path, monkeypatch):
    monkeypatch.setenv("INVITE_TRIAGE_CONFIG", str(tmp_path / "missing.toml"))
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(scopes=rebindable_scopes())


async def test_a_keymap_that_gives_down_to_a_fast_key_leaves_it_scrolling_the_detail(db):
    # The letter half of cursor_down is a priority binding; the keymap must not make Down
    # one too, or a focused detail pane could no longer scroll with it.
    app = open_app(db, config=Config(keymap={"cursor_down": "j,down"}))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "enter", "down")
        detail = app.screen.query_one(DetailPane)
        assert detail.scroll_y == 1 and current(app) == "Ada Lovelace"
        await press(pilot, "j")
        assert current(app) == "Brook Stone"
