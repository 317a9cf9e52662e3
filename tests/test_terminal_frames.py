"""What reaches a real terminal: the app sends a full frame once and then only the parts
that changed. Screenshots and ``screen_text`` render the whole screen afresh, so a change
that never made it into any update (a stale count, a cursor row left lit) would pass them
and still show in a terminal. Here every update the app sends is applied, in order, to a
grid of cells, and after each step the grid must equal a full render of the screen."""

from __future__ import annotations

import asyncio

import pytest
from conftest import make_db, open_app, press, settle
from rich.cells import cell_len
from rich.segment import ControlType
from test_app_snapshots import SNAPSHOT_INBOX
from textual._compositor import CompositorUpdate

from tui.ui import detail_loader
from tui.ui.widgets.detail_pane import DetailPane
from tui.ui.widgets.inbox_list import InboxList


class Terminal:
    """A grid of (character, style) cells that applies the compositor's updates."""

    def __init__(self, app) -> None:
        self.app = app
        self.cells: dict[tuple[int, int], tuple[str, object]] = {}
        self.updates = 0

    def apply(self, update: CompositorUpdate) -> None:
        self.updates += 1
        x = y = 0
        for segment in update.__rich_console__(self.app.console, self.app.console.options):
            if segment.control:
                for code in segment.control:
                    if code[0] == ControlType.CURSOR_MOVE_TO:
                        x, y = code[1], code[2]
                continue
            if segment.text == "\n":
                x, y = 0, y + 1
                continue
            for char in segment.text:
                self.cells[x, y] = (char, segment.style)
                x += cell_len(char)

    def differences(self) -> list[str]:
        """Rows where what the terminal shows differs from a fresh render of the screen."""
        width, height = self.app.size
        found = []
        for y, strip in enumerate(fresh_render(self.app.screen)[:height]):
            x = 0
            for segment in strip:
                for char in segment.text:
                    if self.cells.get((x, y)) != (char, segment.style):
                        shown = "".join(
                            self.cells.get((c, y), ("?", None))[0] for c in range(width)
                        )
                        found.append(f"row {y}: terminal shows {shown.rstrip()!r}")
                        break
                    x += cell_len(char)
                else:
                    continue
                break
        return found


def fresh_render(screen) -> list:
    """The screen rendered with no painted frame kept (the panes paint every line), the
    frames kept put back after: a key may still bring one painted ahead."""
    painters = [*screen.query(InboxList), *screen.query(DetailPane)]
    assert painters
    kept = [painter._frames()[:] for painter in painters]
    try:
        for painter in painters:
            painter.forget_frames()
        return screen._compositor.render_strips()
    finally:
        for painter, frames in zip(painters, kept, strict=True):
            painter._painted_frames = frames


async def idle(pilot) -> None:
    """Until the neighbours are prepared and painted ahead, as when a user pauses."""
    app = pilot.app
    for _ in range(400):
        busy = any(worker.is_running for worker in app.workers)
        if not (busy or getattr(app.screen, "prefetch_pending", False)):
            break
        await asyncio.sleep(0.005)
    await settle(pilot)


@pytest.fixture
def watched(tmp_path, monkeypatch):
    monkeypatch.setattr(detail_loader, "PREFETCH_DELAY", 0.01)

    def start(**kwargs):
        app = open_app(make_db(tmp_path, SNAPSHOT_INBOX, real_flags=True), **kwargs)
        terminal = Terminal(app)

        def display(screen, update) -> None:
            if isinstance(update, CompositorUpdate):
                terminal.apply(update)

        app._display = display  # headless drivers drop updates; keep them instead
        return app, terminal

    return start


STEPS = [
    ("j",),
    ("k",),
    ("a",),  # the list, the detail, the counts and the status all change
    ("x",),
    ("z",),
    ("space", "space"),  # marks: the status line alone
    ("escape",),
    ("enter",),  # the detail takes focus: the divider lights up
    ("escape",),
    ("tab",),  # another split
    ("shift+tab",),
    ("f",),
    ("f",),
    ("t",),  # another theme: everything repaints
    ("end",),
    ("a",),  # a decision on the last row
    ("slash", "e", "enter"),  # the search bar comes and goes
]


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
async def test_the_terminal_shows_what_the_screen_holds_after_every_key(watched, size):
    app, terminal = watched()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.pause()
        assert terminal.differences() == []
        for keys in STEPS:
            await idle(pilot)
            before = terminal.updates
            await press(pilot, *keys)
            await pilot.pause()
            assert terminal.updates > before, keys
            assert terminal.differences() == [], keys
        await pilot.resize_terminal(100, 30)
        await settle(pilot)
        await pilot.pause()
        assert terminal.differences() == []
