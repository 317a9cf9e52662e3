"""Snapshots at 80x24 of the training verdict and report screens, on the post's scenario.

Regenerate with ``pytest tests/test_train_snapshots.py --snapshot-update`` and look at the
SVGs in ``tests/__snapshots__/test_train_snapshots/`` before committing them.
"""

from __future__ import annotations

import pytest
from textual.app import App

from tui.simulate.clock import DrivenClock
from tui.simulate.training import TrainingSession
from tui.store import Store
from tui.ui.training.report import TrainingReportScreen
from tui.ui.training.verdict import VerdictScreen

SIZE = (80, 24)
TITLE = "Four strangers and a stock note"


class ScreenHarness(App):
    """Pushes one screen over an empty app."""

    def __init__(self, screen) -> None:
        super().__init__()
        self.animation_level = "none"
        self.pushed = screen

    def on_mount(self) -> None:
        self.push_screen(self.pushed)


@pytest.fixture
def clock():
    return DrivenClock()


@pytest.fixture
def session(tmp_path, clock):
    with (
        Store.open(tmp_path / "exercise.db", create=True, clock=clock.iso) as inbox,
        Store.open(tmp_path / "results.db", create=True, clock=clock.iso) as results,
    ):
        session = TrainingSession.start(
            inbox, trainee="Robin", scenario="the-post", results=results, clock=clock
        )
        yield session


def verdict_screen(session, slot: str, action: str) -> VerdictScreen:
    invitation_id = session.built.ids[slot]
    verdict = session.decide(invitation_id, action)
    return VerdictScreen(verdict, session.inbox.get(invitation_id))


def played_report(session, clock):
    """Accept the fake, ask Priya and accept her reply, ignore Dale, leave Mia."""
    ids = session.built.ids
    session.decide(ids["jason"], "accept")
    session.decide(ids["priya"], "ask")
    clock.advance(3 * 3600)
    session.tick()
    session.decide(ids["priya"], "accept")
    session.decide(ids["dale"], "ignore")
    return session.finish()


def test_verdict_of_a_harmful_accept(snap_compare, session):
    app = ScreenHarness(verdict_screen(session, "jason", "accept"))
    assert snap_compare(app, terminal_size=SIZE)


def test_verdict_of_an_ask_keeps_the_intent_hidden(snap_compare, session):
    app = ScreenHarness(verdict_screen(session, "priya", "ask"))
    assert snap_compare(app, terminal_size=SIZE)


def test_report(snap_compare, session, clock):
    app = ScreenHarness(TrainingReportScreen(played_report(session, clock), title=TITLE))
    assert snap_compare(app, terminal_size=SIZE)


def test_report_no_color(snap_compare, session, clock, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = ScreenHarness(TrainingReportScreen(played_report(session, clock), title=TITLE))
    assert snap_compare(app, terminal_size=SIZE)


def test_report_scrolled_to_the_flags(snap_compare, session, clock):
    app = ScreenHarness(TrainingReportScreen(played_report(session, clock), title=TITLE))

    async def scroll(pilot) -> None:
        await pilot.pause()
        await pilot.press("end")

    assert snap_compare(app, terminal_size=SIZE, run_before=scroll)
