"""Snapshots of the detail pane and the dialogs at 80x24, in small harness apps.

Regenerate with ``pytest tests/test_detail_snapshots.py --snapshot-update`` and look at the
SVGs in ``tests/__snapshots__/test_detail_snapshots/`` before committing them.
"""

from __future__ import annotations

from _ui_samples import (
    KNOWN_FLAGS,
    KNOWN_RECOMMENDATION,
    PITCH_FLAGS,
    PITCH_RECOMMENDATION,
    SAMPLE_BINDINGS,
    known_invitation,
    pitch_invitation,
)
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import TextArea

from tui.ui.dialogs.composer import ComposerScreen
from tui.ui.dialogs.confirm import ConfirmScreen
from tui.ui.dialogs.help import HelpScreen
from tui.ui.inbox.detail_pane import DetailPane


class PaneHarness(App):
    """Just a detail pane showing one invitation."""

    def __init__(self, invitation, flags, recommendation, *, reveal: bool = True) -> None:
        super().__init__()
        self.animation_level = "none"
        self.args = (invitation, flags, recommendation)
        self.reveal = reveal

    def compose(self) -> ComposeResult:
        yield DetailPane()

    def on_mount(self) -> None:
        self.query_one(DetailPane).show(*self.args, reveal=self.reveal)


class DialogHarness(App):
    """Pushes one modal screen over an empty app."""

    def __init__(self, screen_factory) -> None:
        super().__init__()
        self.animation_level = "none"
        self.screen_factory = screen_factory

    def on_mount(self) -> None:
        screen: Screen = self.screen_factory()
        self.push_screen(screen)


def test_flagged_invitation(snap_compare):
    app = PaneHarness(pitch_invitation(), PITCH_FLAGS, PITCH_RECOMMENDATION)
    assert snap_compare(app, terminal_size=(80, 24))


def test_flagged_invitation_scrolled_to_the_flags(snap_compare):
    app = PaneHarness(pitch_invitation(), PITCH_FLAGS, PITCH_RECOMMENDATION)

    async def scroll(pilot) -> None:
        await pilot.pause()  # let the first layout give the pane its width and lines
        pilot.app.query_one(DetailPane).focus()
        await pilot.press("pagedown")

    assert snap_compare(app, terminal_size=(80, 24), run_before=scroll)


def test_flagged_invitation_no_color(snap_compare, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = PaneHarness(pitch_invitation(), PITCH_FLAGS, PITCH_RECOMMENDATION)
    assert snap_compare(app, terminal_size=(80, 24))


def test_training_view_hides_the_verdict(snap_compare):
    app = PaneHarness(pitch_invitation(), PITCH_FLAGS, PITCH_RECOMMENDATION, reveal=False)
    assert snap_compare(app, terminal_size=(80, 24))


def test_known_contact_with_full_profile(snap_compare):
    app = PaneHarness(known_invitation(), KNOWN_FLAGS, KNOWN_RECOMMENDATION)
    assert snap_compare(app, terminal_size=(80, 24))


def test_hostile_ten_kilobyte_name(snap_compare):
    name = "[bold red]x[/] \x1b[31m\u202e" + "W" * 10_000
    app = PaneHarness(pitch_invitation(name=name), PITCH_FLAGS, PITCH_RECOMMENDATION)
    assert snap_compare(app, terminal_size=(80, 24))


def test_composer(snap_compare):
    app = DialogHarness(lambda: ComposerScreen(pitch_invitation()))

    async def steady_cursor(pilot) -> None:
        pilot.app.screen.query_one(TextArea).cursor_blink = False

    assert snap_compare(app, terminal_size=(80, 24), run_before=steady_cursor)


def test_confirm(snap_compare):
    app = DialogHarness(lambda: ConfirmScreen("Ignore the 12 marked invitations?"))
    assert snap_compare(app, terminal_size=(80, 24))


def test_help(snap_compare):
    app = DialogHarness(lambda: HelpScreen(SAMPLE_BINDINGS))
    assert snap_compare(app, terminal_size=(80, 24))
