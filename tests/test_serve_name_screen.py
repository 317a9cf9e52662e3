"""A served training session starts by asking the trainee's name (headless, Pilot).

The session is opened in the results database only once a good name is typed, under that
name exactly; until then the simulated clock stands still. Hostile names are refused with
a reason on the screen, or kept as plain text when they are only unusual.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from conftest import press, screen_text, settle
from textual import events
from textual.widgets import Input

from tui.simulate.clock import EPOCH, ScaledClock
from tui.simulate.training import TrainingSession
from tui.store import Store
from tui.ui.training.inbox_screen import TrainingInboxScreen
from tui.ui.training.served_app import ServedTrainingApp
from tui.ui.training.trainee_name import TraineeNameScreen
from tui.ui.training.verdict import VerdictScreen

SIZE = (100, 30)


class FakeTime:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def time_source():
    return FakeTime()


@pytest.fixture
def served(tmp_path, time_source):
    clock = ScaledClock(3600, monotonic=time_source, paused=True)
    with (
        Store.open(tmp_path / "exercise.db", create=True, clock=clock.iso) as inbox,
        Store.open(tmp_path / "results.db", create=True) as results,
    ):
        session = TrainingSession.prepare(inbox, scenario="the-post", results=results, clock=clock)
        app = ServedTrainingApp(
            session,
            clock=clock,
            db_path=tmp_path / "exercise.db",
            title="Four strangers and a stock note",
            tick_interval=None,
            settle_delay=0.0,
        )
        app.animation_level = "none"
        yield app, results


async def type_text(pilot, text: str) -> None:
    for character in text:
        await pilot.press(character if character != " " else "space")


async def test_the_name_comes_first_and_names_the_session(served, time_source):
    app, results = served
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, TraineeNameScreen)
        assert "Type your name and press Enter" in screen_text(app)
        time_source.now += 120  # two minutes to type: two days at 3600x, if it ran
        await press(pilot, "enter")
        assert "A trainee needs a name." in screen_text(app)
        assert isinstance(app.screen, TraineeNameScreen) and results.sessions() == []
        await type_text(pilot, "[bold]Ro bin")
        await press(pilot, "enter")
        await settle(pilot)
        assert isinstance(app.screen, TrainingInboxScreen)
        (row,) = results.sessions()
        assert (row.trainee, row.scenario, row.id) == ("[bold]Ro bin", "the-post", app.trainer.id)
        assert app.clock.now() == EPOCH  # it starts now, not two days ago
        text = screen_text(app)
        assert "TRAINING" in text and "[bold]Ro bin" in text  # shown as typed, not as markup
        time_source.now += 1
        assert app.clock.now() == EPOCH + timedelta(hours=1)
        await press(pilot, "x")
        assert isinstance(app.screen, VerdictScreen)
        decided = [r for r in results.results(row.id) if r.outcome != "undecided"]
        assert [r.outcome for r in decided] == ["ignore"]


async def test_hostile_pastes_are_refused(served):
    app, results = served
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        field = app.screen.query_one("#trainee-name", Input)
        field.post_message(events.Paste("Eve\u202eevil\x1b[31m"))  # bidi override, ANSI
        await settle(pilot)
        assert field.value == "Eve\u202eevil\x1b[31m"  # a paste keeps them...
        await press(pilot, "enter")
        assert "A name cannot hold control characters" in screen_text(app)  # ...the check not
        assert isinstance(app.screen, TraineeNameScreen) and results.sessions() == []
        field.value = ""
        field.post_message(events.Paste("x" * 10_000))
        await settle(pilot)
        assert field.value == ""  # longer than the field takes: nothing is pasted
        await press(pilot, "enter")
        assert "A trainee needs a name." in screen_text(app)
        assert results.sessions() == []


def test_the_name_screen_looks_right(snap_compare, tmp_path):
    clock = ScaledClock(3600, paused=True)
    inbox = Store.open(tmp_path / "exercise.db", create=True, clock=clock.iso)
    results = Store.open(tmp_path / "results.db", create=True)
    session = TrainingSession.prepare(inbox, scenario="the-post", results=results, clock=clock)
    app = ServedTrainingApp(
        session,
        clock=clock,
        db_path=tmp_path / "exercise.db",
        title="Four strangers and a stock note",
        tick_interval=None,
    )

    async def run_before(pilot):
        await settle(pilot)  # the field has focus once the screen is mounted
        await type_text(pilot, "Robin")

    try:
        assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
    finally:
        inbox.close()
        results.close()
