"""The list and the detail pane convert ANSI colours themselves (see
:mod:`tui.ui.widgets.ansi_filter`): the screen must come out exactly as with Textual's own
filter, on a dark and a light theme and under ``NO_COLOR``."""

from __future__ import annotations

import re

import pytest
from conftest import make_db, open_app, press, settle
from test_app_snapshots import SNAPSHOT_INBOX

from tui.ui.widgets.ansi_filter import OwnTruecolorFilter


async def screenshots(db) -> list[str]:
    app = open_app(db)
    shots = []
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await press(pilot, "j", "j")
        await settle(pilot)
        for theme in ("textual-dark", "textual-light"):
            app.theme = theme
            await pilot.pause()
            # Ids inside the SVG differ from run to run; the drawing must not.
            shots.append(re.sub(r"terminal-\d+", "t", app.export_screenshot()))
    return shots


@pytest.mark.parametrize("no_color", [False, True], ids=["colour", "NO_COLOR"])
async def test_same_screen_as_textuals_own_filter(tmp_path, monkeypatch, no_color):
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    db = make_db(tmp_path, SNAPSHOT_INBOX, real_flags=True)
    ours = await screenshots(db)
    # Hand the conversion back to Textual: every line filtered on every repaint.
    monkeypatch.delattr(OwnTruecolorFilter, "get_line_filters")
    monkeypatch.setattr(OwnTruecolorFilter, "truecolor", lambda self, strip: strip)
    textuals = await screenshots(db)
    assert ours == textuals
