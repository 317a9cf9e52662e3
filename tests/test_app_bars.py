"""The one-line bars around the inbox (splits, status, keys) and the line between the
panes: clicks on the key line, the divider following the detail's focus, the layout."""

from __future__ import annotations

from conftest import make_db, open_app, press, screen_text, settle
from test_app_snapshots import SNAPSHOT_INBOX
from textual.color import Color

from tui.ui.dialogs.help import HelpScreen
from tui.ui.inbox.detail_pane import DetailPane
from tui.ui.inbox.inbox_list import InboxList
from tui.ui.inbox.key_bar import KeyBar


async def test_clicking_a_key_in_the_key_line_runs_it(tmp_path):
    app = open_app(make_db(tmp_path, SNAPSHOT_INBOX))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        keys = screen_text(app).splitlines()[-1]
        assert "? Help" in keys
        await pilot.click(KeyBar, offset=(keys.index("? Help") + 2, 0))
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)


async def test_a_click_between_keys_does_nothing(tmp_path):
    app = open_app(make_db(tmp_path, SNAPSHOT_INBOX))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        before = screen_text(app)
        keys = before.splitlines()[-1]
        gap = keys.index("  ", keys.index("q Quit"))  # between the last key and the palette
        await pilot.click(KeyBar, offset=(gap + 1, 0))
        await settle(pilot)
        assert screen_text(app) == before


def near(a: Color, b: Color) -> bool:
    return max(abs(a.r - b.r), abs(a.g - b.g), abs(a.b - b.b)) <= 2


async def test_the_divider_lights_up_while_the_detail_has_focus(tmp_path):
    app = open_app(make_db(tmp_path, SNAPSHOT_INBOX))
    async with app.run_test(size=(160, 48)) as pilot:  # wide: a column left of the detail
        await settle(pilot)
        detail = app.screen.query_one(DetailPane)
        x, y = detail.region.x, detail.region.y + 3
        assert screen_text(app).splitlines()[y][x] == "▏"
        accent = Color.parse(app.current_theme.accent)
        assert not near(detail.styles.border_left[1], accent)
        await press(pilot, "enter")
        assert near(detail.styles.border_left[1], accent)
        await press(pilot, "escape")
        assert not near(detail.styles.border_left[1], accent)


async def test_stacked_the_divider_is_a_row_above_the_detail(tmp_path):
    app = open_app(make_db(tmp_path, SNAPSHOT_INBOX))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        inbox, detail = screen.query_one(InboxList).region, screen.query_one(DetailPane).region
        assert inbox.y == 1 and detail.bottom == 22  # splits above, status and keys below
        assert detail.y == inbox.bottom  # the detail's top border is the divider
        assert screen_text(app).splitlines()[detail.y] == "▔" * 80
