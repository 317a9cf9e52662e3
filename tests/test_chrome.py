"""The bars and the divider the inbox screen paints itself (``tui.ui.chrome``): clicks on
the key line, the divider's colour following the detail's focus, and layout around them."""

from __future__ import annotations

from conftest import idle, make_db, open_app, press, screen_text, settle
from test_app_snapshots import SNAPSHOT_INBOX
from textual import events
from textual.color import Color
from textual.geometry import Offset

from tui.ui.screens.help import HelpScreen
from tui.ui.widgets.detail_pane import DetailPane
from tui.ui.widgets.inbox_list import InboxList


def cell_colour(app, x: int, y: int) -> Color:
    strip = app.screen._compositor.render_strips()[y]
    column = 0
    for segment in strip:
        if column + len(segment.text) > x:
            return Color.from_rich_color(segment.style.color)
        column += len(segment.text)
    raise AssertionError(f"no cell at {x},{y}")


async def click(pilot, x: int, y: int) -> None:
    """A click at a screen cell, as the driver sends it. (``pilot.click`` refuses rows
    outside ``screen.size``, which leaves out the padding the bars are painted in.)"""
    app = pilot.app
    where = {"x": x, "y": y, "delta_x": 0, "delta_y": 0, "button": 1}
    where |= {"shift": False, "meta": False, "ctrl": False, "screen_x": x, "screen_y": y}
    for kind in (events.MouseDown, events.MouseUp, events.Click):
        await pilot.pause()
        app.mouse_position = Offset(x, y)
        app.screen._forward_event(kind(None, **where))
    await settle(pilot)


def near(a: Color, b: Color) -> bool:
    return max(abs(a.r - b.r), abs(a.g - b.g), abs(a.b - b.b)) <= 2


async def test_clicking_a_key_in_the_key_line_runs_it(tmp_path):
    app = open_app(make_db(tmp_path, SNAPSHOT_INBOX))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        keys = screen_text(app).splitlines()[-1]
        assert "? Help" in keys
        await click(pilot, keys.index("? Help") + 2, 29)
        assert isinstance(app.screen, HelpScreen)


async def test_a_click_between_keys_does_nothing(tmp_path):
    app = open_app(make_db(tmp_path, SNAPSHOT_INBOX))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        before = screen_text(app)
        await click(pilot, 99, 29)  # past the last key: empty bar
        await click(pilot, 60, 28)  # the status line has no keys
        assert screen_text(app) == before


async def test_the_divider_lights_up_while_the_detail_has_focus(tmp_path):
    app = open_app(make_db(tmp_path, SNAPSHOT_INBOX))
    async with app.run_test(size=(160, 48)) as pilot:  # wide: a column left of the detail
        await settle(pilot)
        detail = app.screen.query_one(DetailPane).region
        x, y = detail.x - 1, detail.y + 3
        assert screen_text(app).splitlines()[y][x] == "▏"
        accent = Color.parse(app.current_theme.accent)
        assert not near(cell_colour(app, x, y), accent)
        await press(pilot, "enter")
        assert near(cell_colour(app, x, y), accent)
        await press(pilot, "escape")
        assert not near(cell_colour(app, x, y), accent)


async def test_stacked_the_divider_is_a_row_above_the_detail(tmp_path):
    app = open_app(make_db(tmp_path, SNAPSHOT_INBOX))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        inbox, detail = screen.query_one(InboxList).region, screen.query_one(DetailPane).region
        assert inbox.y == 1 and detail.bottom == 22  # splits above, status and keys below
        assert detail.y == inbox.bottom + 1
        assert screen_text(app).splitlines()[inbox.bottom] == "▔" * 80


async def frames_painted_by(pilot, key: str) -> int:
    """How many frames the screen paints for ``key``, pressed once everything around
    the cursor is prepared (so the detail of the next row shows at once)."""
    screen = pilot.app.screen
    await idle(pilot)
    painted = []
    paint = screen._on_timer_update
    screen._on_timer_update = lambda: (painted.append(key), paint())
    try:
        await pilot.press(key)
    finally:
        del screen._on_timer_update
    return len(painted)


async def test_a_key_is_painted_in_one_frame_and_nothing_is_left_to_wake_after_it(tmp_path):
    app = open_app(make_db(tmp_path, SNAPSHOT_INBOX))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        await settle(pilot)
        before = screen_text(app)
        # The list's cursor, the detail, and the status line's position all move.
        assert await frames_painted_by(pilot, "j") == 1
        after = screen_text(app)
        assert after.splitlines()[-2] != before.splitlines()[-2]
        assert not screen._dirty_widgets and not screen._compositor._dirty_regions
        assert not screen._update_timer.due and not screen._chrome_waiting
