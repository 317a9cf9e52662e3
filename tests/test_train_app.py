"""Training mode in the app, on a driven clock: hidden flags, verdicts, replies, the report.

Each test builds a scenario into a fresh exercise database and keeps the results in a
second one, as ``invite-triage train`` does, and drives the simulated clock by hand.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from click.testing import CliRunner
from conftest import notifications, press, screen_text, settle

from tui.cli import main
from tui.simulate.clock import DrivenClock
from tui.simulate.training import TrainingSession
from tui.store import Store
from tui.ui.dialogs.composer import ComposerScreen
from tui.ui.dialogs.confirm import ConfirmScreen
from tui.ui.inbox.detail_pane import DetailPane
from tui.ui.inbox.inbox_list import InboxList
from tui.ui.training.app import TrainingApp
from tui.ui.training.inbox_screen import TrainingInboxScreen
from tui.ui.training.report import TrainingReportScreen
from tui.ui.training.verdict import VerdictScreen

SIZE = (100, 32)


@pytest.fixture
def clock():
    return DrivenClock()


@pytest.fixture
def stores(tmp_path, clock):
    inbox = Store.open(tmp_path / "exercise.db", create=True, clock=clock.iso)
    results = Store.open(tmp_path / "inbox.db", create=True)
    yield inbox, results
    inbox.close()
    results.close()


def training_app(stores, clock, *, scenario="the-post", trainee="Robin", **start):
    inbox, results = stores
    session = TrainingSession.start(
        inbox, trainee=trainee, scenario=scenario, results=results, clock=clock, **start
    )
    app = TrainingApp(session, clock=clock, tick_interval=None, settle_delay=0.0)
    app.animation_level = "none"
    return app


def detail(app) -> DetailPane:
    return app.screen.query_one(DetailPane)


def current(app) -> str | None:
    row = app.screen.query_one(InboxList).row
    return row.name if row else None


def notes(app) -> list[str]:
    return notifications(app)


async def tick(pilot, clock, hours: float) -> None:
    clock.advance(hours * 3600)
    screen = pilot.app.screen
    assert isinstance(screen, TrainingInboxScreen)
    screen.tick()
    await settle(pilot)


async def ask(pilot) -> None:
    """r, send the composer's default text, then close the verdict."""
    await press(pilot, "r")
    assert isinstance(pilot.app.screen, ComposerScreen)
    await press(pilot, "ctrl+s")
    assert isinstance(pilot.app.screen, VerdictScreen)
    await press(pilot, "enter")


async def test_flags_are_hidden_until_the_decision_then_revealed(stores, clock):
    app = training_app(stores, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert current(app) == "Priya Raman"
        pane = detail(app)
        assert not pane.revealed
        assert "Red flags" not in pane.plain_text()
        assert "Recommended" not in pane.plain_text()
        top = screen_text(app).splitlines()
        assert "TRAINING" in top[0] and "Robin" in top[0] and "Mon 02 Mar 09:00" in top[0]
        assert "Pending 4" in top[1]  # the banner sits above the splits, hiding nothing

        await press(pilot, "x")
        verdict = app.screen
        assert isinstance(verdict, VerdictScreen)
        text = screen_text(app)
        assert "Red flags (4)" in text and "Stock or missing note" in text
        assert "a genuine person growing their network" in text  # the real intent
        assert "+3 of 10" in text and "differs from the policy" in text
        # The policy would have asked her, and she answers with a reason: a cue missed.
        assert "A clear cue missed: a stock or missing note." in text
        assert "Turned away a genuine person" in text

        await press(pilot, "enter")
        assert isinstance(app.screen, TrainingInboxScreen)
        assert current(app) == "Jason Miller"
        assert not detail(app).revealed  # the next one is still to decide
        await press(pilot, "5")  # the ignored split: Priya, now settled
        assert current(app) == "Priya Raman"
        assert detail(app).revealed
        assert "Red flags (4)" in detail(app).plain_text()


async def test_the_post_ask_all_four_one_replies_accept_it_and_finish(stores, clock, tmp_path):
    app = training_app(stores, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for _ in range(4):
            await ask(pilot)
        assert "Asked 4" in screen_text(app)

        await tick(pilot, clock, 1)
        assert "Replied 0" in screen_text(app)  # Priya answers after three hours
        await tick(pilot, clock, 2)
        assert "Replied 1" in screen_text(app) and "Asked 3" in screen_text(app)
        # Announced in the banner, not in a toast over the detail pane.
        assert "↩ Priya Raman replied" in screen_text(app).splitlines()[0]
        assert notes(app) == []

        await press(pilot, "3")
        assert current(app) == "Priya Raman"
        pane = detail(app)
        assert "expand my network" in pane.plain_text()
        assert not pane.revealed  # the reply is hers to judge, not the policy's
        await press(pilot, "a")
        text = screen_text(app)
        # Asking was the policy's advice too (the stock note): full points, no extra step.
        assert "✔ matches the policy" in text and "+10 of 10" in text
        assert "a genuine person growing their network" in text
        await press(pilot, "enter")

        await press(pilot, "q")
        assert isinstance(app.screen, ConfirmScreen)
        assert "3 waiting on a reply" in screen_text(app)
        await press(pilot, "y")
        assert isinstance(app.screen, TrainingReportScreen)
        text = screen_text(app)
        # Three asks never settled: counted (0 of 10 each), their senders not unmasked.
        assert "Score 10 / 40" in text and "decided 1 of 4" in text
        assert "Decisions by intent" in text and "networker" in text
        for hidden in ("Jason", "Dale", "Mia", "fake", "salesperson", "recruiter"):
            assert hidden not in text

    results = tmp_path / "inbox.db"
    with Store.open(results) as store:
        (saved,) = store.sessions("Robin")
        assert saved.finished_at and (saved.score, saved.max_score) == (10, 40)
        assert {r.intent for r in store.results(saved.id) if r.slot != "priya"} == {None}
    out = CliRunner().invoke(main, ["--db", str(results), "report", "--trainee", "Robin"])
    assert out.exit_code == 0
    assert "Robin  (1 session(s))" in out.output and "10 / 40" in out.output


async def test_undo_from_the_verdict_takes_the_decision_back(stores, clock):
    app = training_app(stores, clock)
    inbox, results = stores
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "j", "a")  # accept Jason: a fake profile
        text = screen_text(app)
        assert "a fake profile" in text and "−10 of 10" in text
        assert "Accepted a fake profile" in text
        await press(pilot, "z")
        assert isinstance(app.screen, TrainingInboxScreen)
        assert "Pending 4" in screen_text(app)
        assert "undone" in screen_text(app)
        session = app.trainer
        assert inbox.get(session.built.ids["jason"]).status == "pending"
        rows = {r.slot: r for r in results.results(session.id)}
        assert rows["jason"].outcome == "undecided"


async def test_training_turns_off_marks_and_the_flagged_filter(stores, clock):
    app = training_app(stores, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "space")
        assert "no marking" in screen_text(app)
        assert not app.screen.query_one(InboxList).marks
        await press(pilot, "f")
        assert "flags stay hidden" in screen_text(app)
        assert app.screen.flagged_only is False
        assert "f Flagged" not in screen_text(app)  # off, so off the key bar too
        finish = [e for e in app.screen.help_entries() if e[2] == "training.finish"]
        assert finish == [("q", finish[0][1], "training.finish", "App")]
        assert finish[0][1].startswith("Finish the session and see your report")


async def test_finishing_with_everything_settled_needs_no_confirmation(stores, clock):
    app = training_app(stores, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for _ in range(4):
            await press(pilot, "x", "enter")
        assert "every invitation is settled: q shows your report" in screen_text(app)
        await press(pilot, "q")
        assert isinstance(app.screen, TrainingReportScreen)
        text = screen_text(app)
        assert "Score 30 / 40" in text and "Mistakes (2)" in text
        await press(pilot, "escape")  # back to the inbox; finishing again is allowed
        assert isinstance(app.screen, TrainingInboxScreen)


async def test_live_arrivals_are_announced_counted_and_scored(stores, clock):
    app = training_app(stores, clock, arrivals_per_hour=2.0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "Pending 4" in screen_text(app)
        await tick(pilot, clock, 6)
        arrived = len(app.trainer.invitation_ids) - 4
        assert arrived > 0
        assert f"Pending {4 + arrived}" in screen_text(app)
        new = "1 new invitation" if arrived == 1 else f"{arrived} new invitations"
        assert f"✚ {new}" in screen_text(app).splitlines()[0]
        assert notes(app) == []
        await press(pilot, "g", "x")  # the newest: a live arrival
        verdict = app.screen
        assert isinstance(verdict, VerdictScreen)
        assert verdict.verdict.settled and verdict.verdict.intent is not None


async def test_a_hostile_trainee_name_is_shown_as_typed(stores, clock):
    app = training_app(stores, clock, trainee="[bold red]Eve\x1b[31m")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "[bold red]Eve\\x1b[31m" in screen_text(app)


async def test_replies_arrive_only_when_the_clock_says_so(stores, clock):
    app = training_app(stores, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await ask(pilot)
        await tick(pilot, clock, 0)
        assert "Replied 0" in screen_text(app)
        clock.advance(timedelta(hours=2, minutes=59).total_seconds())
        app.screen.tick()
        await settle(pilot)
        assert "Replied 0" in screen_text(app)
        await tick(pilot, clock, 1 / 60)
        assert "Replied 1" in screen_text(app)


async def test_list_ages_follow_the_simulated_clock(stores, clock):
    app = training_app(stores, clock)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)

        def age() -> str:
            return next(ln for ln in screen_text(app).splitlines() if "Priya Raman" in ln).split()[
                -1
            ]

        before = age()
        await tick(pilot, clock, 24)
        assert (before, age()) == ("2d", "3d")


async def test_news_in_the_banner_gathers_then_clears():
    from datetime import UTC, datetime

    from textual.app import App

    from tui.ui.training.banner_bar import BannerBar

    banner = BannerBar(
        trainee="Robin",
        exercise="the-post",
        now=lambda: datetime(2026, 3, 2, 9, 0, tzinfo=UTC),
        speed=180,
        news_seconds=0.2,
    )

    class Harness(App):
        def compose(self):
            yield banner

    async with Harness().run_test(size=(120, 3)) as pilot:
        banner.announce(replied=["Priya [bold]Raman\x1b[31m"])
        banner.announce(replied=["Dale"], arrived=2)
        await pilot.pause()
        assert banner.news == "↩ 2 replies: Priya [bold]Raman\\x1b[31m, Dale · ✚ 2 new invitations"
        assert banner.news in screen_text(pilot.app)
        await pilot.pause(0.4)
        assert banner.news is None and "↩" not in screen_text(pilot.app)
