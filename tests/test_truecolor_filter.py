"""The list and the detail pane hand the compositor their own painted, filtered strips
(see :mod:`tui.ui.widgets.ansi_filter`): the screen must come out exactly as Textual's own
path (styles cache, then line filters) draws them, on a dark and a light theme, with the
detail focused and scrolled, and under ``NO_COLOR``. (The bars and the divider around them
are the screen's own painting, which has no Textual path to compare with; the snapshots
hold them.)"""

from __future__ import annotations

import re

import pytest
from conftest import idle, make_db, open_app, press, settle
from test_app_snapshots import SNAPSHOT_INBOX

from tui.ui.widgets.ansi_filter import OwnTruecolorFilter


async def screenshots(db) -> list[str]:
    app = open_app(db)
    shots = []
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "j", "j")
        await idle(pilot)  # the neighbours prepared ahead too: nothing left to arrive
        for theme in ("textual-dark", "textual-light"):
            app.theme = theme
            await pilot.pause()
            await settle(pilot)
            shots.append(screenshot(app))
        await press(pilot, "enter", "pagedown")  # the detail focused (tinted) and scrolled
        shots.append(screenshot(app))
    return shots


def screenshot(app) -> str:
    # Ids inside the SVG differ from run to run; the drawing must not.
    return re.sub(r"terminal-\d+", "t", app.export_screenshot())


@pytest.mark.parametrize("no_color", [False, True], ids=["colour", "NO_COLOR"])
async def test_same_screen_as_textuals_own_filter(tmp_path, monkeypatch, no_color):
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    db = make_db(tmp_path, SNAPSHOT_INBOX, real_flags=True)
    ours = await screenshots(db)
    # Hand the lines back to Textual: every one through its styles cache and filters.
    monkeypatch.delattr(OwnTruecolorFilter, "render_lines")
    monkeypatch.delattr(OwnTruecolorFilter, "get_line_filters")
    monkeypatch.setattr(OwnTruecolorFilter, "truecolor", lambda self, strip: strip)
    monkeypatch.setattr(OwnTruecolorFilter, "painting_size", lambda self: self.size)
    textuals = await screenshots(db)
    assert ours == textuals
