"""Training teaches the lesson it sets: each verdict kind on screen, as a trainee meets it.

Every test plays a built-in scenario through the training app on a driven clock and reads
the screen: the verdict's kind, headline and explanation in the top box, and the cue it
names marked where the trainee can check it (▶ on its flag line, its words stressed in the
note or the reply, the cues beside it ▷). Then a session finished early: its report counts
what was left undecided and unmasks none of it, and ``q`` keeps the status line's promise.
Last, one play of every settled outcome: the verdicts, the report and the results CSV show
the points ``simulate`` gives the same decisions.
"""

from __future__ import annotations

import pytest
from conftest import notifications, press, screen_strips, screen_text, settle

from tui.simulate.clock import DrivenClock
from tui.simulate.play import play
from tui.simulate.results import results_csv_rows
from tui.simulate.scoring import SETTLED_OUTCOMES, points_text
from tui.simulate.scoring import UNSETTLED_OUTCOMES as UNSETTLED
from tui.simulate.training import TrainingSession
from tui.simulate.verdict import KIND_TITLES
from tui.store import Store
from tui.ui.dialogs.confirm import ConfirmScreen
from tui.ui.inbox.inbox_list import InboxList
from tui.ui.render.styles import CUE_SPAN
from tui.ui.training.app import TrainingApp
from tui.ui.training.inbox_screen import TrainingInboxScreen
from tui.ui.training.report import TrainingReportScreen
from tui.ui.training.verdict import VerdictScreen
from tui.ui.training.words import KIND_MARKS

SIZE = (100, 40)


@pytest.fixture
def clock():
    return DrivenClock()


@pytest.fixture
def stores(tmp_path, clock):
    with (
        Store.open(tmp_path / "exercise.db", create=True, clock=clock.iso) as inbox,
        Store.open(tmp_path / "results.db", create=True) as results,
    ):
        yield inbox, results


def training_app(stores, clock, scenario: str) -> TrainingApp:
    inbox, results = stores
    session = TrainingSession.start(
        inbox, trainee="Robin", scenario=scenario, results=results, clock=clock
    )
    app = TrainingApp(session, clock=clock, tick_interval=None, settle_delay=0.0)
    app.animation_level = "none"
    return app


async def select(pilot, name: str) -> None:
    """Move to ``name``: from the top of the list, down."""
    inbox = pilot.app.screen.query_one(InboxList)
    await press(pilot, "g")
    for _ in range(inbox.total):
        if inbox.row is not None and inbox.row.name == name:
            return
        await press(pilot, "j")
    raise AssertionError(f"{name} is not in the list")


async def wait_for_replies(pilot, clock, hours: float) -> None:
    clock.advance(hours * 3600)
    pilot.app.screen.tick()
    await settle(pilot)


def stressed(app) -> str:
    """The words on screen painted as the verdict's cue, runs joined by single spaces."""
    runs, run = [], []
    for strip in screen_strips(app):
        for segment in strip:
            style = segment.style
            if style is not None and style.bgcolor == CUE_SPAN.bgcolor:
                run.append(segment.text)
            elif run:
                runs.append("".join(run))
                run = []
        if run:
            runs.append("".join(run))
            run = []
    return " ".join(" ".join(runs).split())


def words(text: str) -> str:
    """The screen's words in one line: box sides dropped, wrapped sentences joined."""
    return " ".join(text.replace("│", " ").split())


def line_with(text: str, words: str) -> str:
    return next(line for line in text.splitlines() if words in line)


async def test_a_clear_cue_missed_names_the_stock_note_and_marks_it(stores, clock):
    app = training_app(stores, clock, "the-post")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select(pilot, "Jason Miller")
        await press(pilot, "a")  # a fake profile with the stock note, no photo, an empty profile
        assert isinstance(app.screen, VerdictScreen)
        text = screen_text(app)
        assert "✘ A clear cue missed" in text.splitlines()[0]  # the box's title: the kind
        assert "−10 of 10" in text
        assert "A clear cue missed: a stock or missing note." in text
        assert "The policy would ask, then ignore (they never answer), for 10 of 10." in words(text)
        assert (
            "▶ Stock or missing note: the cue to ask first, which you skipped — see the note"
            in text
        )
        assert "▷ Pointing the same way: No photo; Sparse profile;" in text
        assert line_with(text, "Stock or missing note —").lstrip().startswith("▶ ▲ MED")
        assert line_with(text, "No photo —").lstrip().startswith("▷ ▲ MED")
        # The stock wording is the cue: it is stressed in the note, and nothing else is.
        cue = app.screen.verdict.judgement.cue
        note = app.screen.invitation.note
        ((start, end),) = cue.spans
        assert note[start:end] == "I'd like to add you to my professional network on LinkedIn"
        assert stressed(app) == f"Stock or missing note {note[start:end]} Stock or missing note"


async def test_a_polished_pitch_misled_and_asking_is_what_would_have_caught_it(stores, clock):
    app = training_app(stores, clock, "polished-pitches")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select(pilot, "Anna Reyes")
        await press(pilot, "a")  # a salesperson whose note praises your article
        text = screen_text(app)
        assert "⚠ Misled by a cue" in text.splitlines()[0]
        assert "✔ matches the policy (misled too)" in text and "−5 of 10" in text
        assert "Misled by a stated reason." in text
        assert "Asking is the defence: asked why, they answer with a sales pitch." in words(text)
        assert "▶ States a reason: what misled you — see the note, marked below." in text
        assert "▷ Could have caught it: asking first (asked why they want to connect" in text
        assert "No red flags." in text  # nothing else on screen says otherwise
        assert line_with(text, "States a reason —").lstrip().startswith("▶ ✚ GOOD")
        # Only the reason's own words are stressed in the note, not the whole of it.
        painted = stressed(app)
        assert painted.startswith("States a reason really") and "your article" in painted
        assert painted.endswith("States a reason")
        assert "I really" not in painted and "Would love to connect!" not in painted


async def test_an_extra_step_after_asking_someone_known(stores, clock):
    app = training_app(stores, clock, "polished-pitches")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select(pilot, "Alex Moreno")
        await press(pilot, "r", "ctrl+s")
        verdict = screen_text(app)
        assert "Verdict: asked, not settled yet" in verdict.splitlines()[0]
        assert "hidden until you decide on their reply" in verdict
        await press(pilot, "enter")
        await wait_for_replies(pilot, clock, 48)
        await press(pilot, "3")  # the Replied split
        await select(pilot, "Alex Moreno")
        await press(pilot, "a")
        text = screen_text(app)
        assert "~ An extra step" in text.splitlines()[0] and "+8 of 10" in text
        assert "An extra step: a known contact already made the answer clear." in text
        assert "Asked someone you already know to explain themselves." in text
        assert "▶ Known contact: already made the answer clear — see the known" in text
        assert "★ known contact" in text  # where it says it is
        assert "▷" not in text  # an extra step names one cue
        assert stressed(app) == "Known contact Known contact"  # its title, in both places


async def test_a_correct_decision_names_the_cue_that_pointed_the_right_way(stores, clock):
    app = training_app(stores, clock, "the-post")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "r", "ctrl+s", "enter")  # ask Priya
        await wait_for_replies(pilot, clock, 3)
        await press(pilot, "3", "a")
        text = screen_text(app)
        assert "✔ Correct" in text.splitlines()[0] and "+10 of 10" in text
        assert "Correct: the best choice for this sender." in text
        assert "A reason in the reply pointed the right way." in text
        assert "▶ Reply gives a reason: pointed the right way — see their reply" in text
        reply = app.trainer.inbox.get(app.trainer.built.ids["priya"]).reply
        cue = app.screen.verdict.judgement.cue
        for start, end in cue.spans:  # exactly the reason's words, wherever the line wraps
            assert reply[start:end] in stressed(app)
        assert "Thanks for writing back" not in stressed(app)


async def test_a_session_finished_early_reveals_nothing_undecided(stores, clock):
    app = training_app(stores, clock, "polished-pitches")
    async with app.run_test(size=(100, 60)) as pilot:
        await settle(pilot)
        await select(pilot, "Anna Reyes")
        await press(pilot, "a", "enter")  # misled: a salesperson
        await select(pilot, "Raymond Osei")
        await press(pilot, "x")  # a cue missed: a networker turned away (the policy asks)
        assert ": the cue to ask first, which you skipped — see" in screen_text(app)
        await press(pilot, "enter")
        await select(pilot, "Rob Kettering")
        await press(pilot, "a")  # a cue missed: a salesperson pitching in the note
        assert "▶ Sales pitch: the cue you missed — see the note" in screen_text(app)
        await press(pilot, "enter")
        await select(pilot, "Gwen Harper")
        await press(pilot, "r", "ctrl+s", "enter")  # asked, left open
        await press(pilot, "q")
        assert isinstance(app.screen, ConfirmScreen)
        await press(pilot, "y")
        assert isinstance(app.screen, TrainingReportScreen)
        text = screen_text(app)
        assert "decided 3 of 12" in text
        assert "9 undecided: counted, not revealed (1 asked, not settled)" in text
        assert "✘ 2 clear cues missed  ⚠ 1 misled" in text
        assert "Mistakes (3)" in text
        assert "⚠ Misled by a stated reason." in text
        assert "✘ A clear cue missed: a stock or missing note." in text
        undecided = [row.name for row in app.screen.report.rows if row.outcome in UNSETTLED]
        assert len(undecided) == 9
        for name in undecided:  # not one of them is named, let alone unmasked
            assert name not in text
        for intent in ("fake", "someone known", "recruiter"):  # none of those was decided
            assert intent not in text

        await press(pilot, "escape")
        assert isinstance(app.screen, TrainingInboxScreen)
        text = screen_text(app)
        assert "q shows the report again" in text
        footer = text.splitlines()[-1]
        assert "q Report" in footer and "Finish" not in footer
        await press(pilot, "q")  # ...and it does, without asking "Finish now?" again
        assert isinstance(app.screen, TrainingReportScreen)
        assert notifications(app) == []


async def test_a_session_finished_before_any_decision_says_so(stores, clock):
    app = training_app(stores, clock, "the-post")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "q", "y")
        text = screen_text(app)
        assert "decided 0 of 4" in text and "4 undecided: counted, not revealed" in text
        assert "Verdicts  none yet: nothing settled" in text
        assert text.count("Nothing decided yet.") == 2  # the chart and the mistakes
        assert "No flags on what you decided." in text  # not "no red flags in this exercise"
        for name in ("Priya", "Jason", "Dale", "Mia"):
            assert name not in text


FIRST = {"Jason Miller": "accept", "Mia Okafor": "ignore"}  # the others are asked


class Scripted:
    """What the trainee below does, as a ``simulate`` strategy: the same decisions."""

    name = "scripted"

    def decide(self, invitation, stage: str) -> str:
        if stage == "first":
            return FIRST.get(invitation.person.name, "ask")
        return "accept" if invitation.person.name == "Priya Raman" else "ignore"


async def test_simulate_and_training_show_the_same_points_for_every_outcome(stores, clock):
    """accept, ignore, ask → accept (on a reason), ask → ignore (on a pitch): each verdict
    on screen, the report and the results CSV say what ``simulate`` says for the same play."""
    headless = {row.slot: row for row in play("the-post", Scripted()).rows}
    assert {row.outcome for row in headless.values()} == set(SETTLED_OUTCOMES)
    app = training_app(stores, clock, "the-post")
    seen = {}

    async def decide(name: str, key: str) -> None:
        await select(pilot, name)
        await press(pilot, key)
        seen[name] = screen_text(app)
        await press(pilot, "enter")

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await decide("Jason Miller", "a")
        await decide("Mia Okafor", "x")
        for name in ("Priya Raman", "Dale Whitcombe"):
            await select(pilot, name)
            await press(pilot, "r", "ctrl+s", "enter")
        await wait_for_replies(pilot, clock, 30)  # Priya answers after 3 hours, Dale after 30
        await press(pilot, "3")
        await decide("Priya Raman", "a")
        await decide("Dale Whitcombe", "x")
        await press(pilot, "q")  # all settled: straight to the report
        assert isinstance(app.screen, TrainingReportScreen)
        report = screen_text(app)

    slots = {name: slot for slot, name in ((r.slot, r.name) for r in headless.values())}
    for name, text in seen.items():
        row = headless[slots[name]]
        assert points_text(row.points, row.max_points) in line_with(text, "Points"), name
        assert text.splitlines()[0].startswith(f"╭─ {KIND_MARKS[row.verdict]} ")
        assert KIND_TITLES[row.verdict] in text.splitlines()[0], name
    total = sum(row.points for row in headless.values())
    assert f"Score {total} / 40" in report
    for row in headless.values():
        if row.mistake in ("harmful", "missed"):
            assert f"{points_text(row.points, row.max_points)}  {row.name}" in report
    _, results = stores
    csv_points = {r[5]: (r[9], r[12], r[18]) for r in results_csv_rows(results, "Robin")}
    assert csv_points == {s: (r.outcome, r.points, r.verdict) for s, r in headless.items()}
