"""Training sessions: reveal only after a decision, intent only once settled, results kept."""

from __future__ import annotations

from datetime import timedelta

import pytest
from click.testing import CliRunner

from tui.cli import main
from tui.simulate.clock import DrivenClock
from tui.simulate.training import TrainingSession
from tui.store import Store


@pytest.fixture
def clock():
    return DrivenClock()


@pytest.fixture
def inbox(tmp_path, clock):
    with Store.open(tmp_path / "exercise.db", create=True, clock=clock.iso) as s:
        yield s


@pytest.fixture
def results(tmp_path):
    with Store.open(tmp_path / "results.db", create=True) as s:
        yield s


def start(inbox, results, clock, trainee="Robin"):
    return TrainingSession.start(
        inbox, trainee=trainee, scenario="the-post", results=results, clock=clock
    )


def test_flags_are_revealed_only_after_a_decision(inbox, results, clock):
    session = start(inbox, results, clock)
    priya = session.built.ids["priya"]
    assert not session.revealed(priya)
    verdict = session.decide(priya, "ask")
    assert session.revealed(priya)
    assert {f.code for f in verdict.flags} >= {"generic_note", "unprofessional_photo"}
    assert verdict.matched_policy and verdict.recommendation.action == "ask"
    # Asking is not the end: the intent stays hidden so the reply is still worth reading.
    assert not verdict.settled and verdict.intent is None and verdict.points is None


def test_deciding_on_the_reply_settles_and_scores(inbox, results, clock):
    session = start(inbox, results, clock)
    ids = session.built.ids
    session.decide(ids["priya"], "ask")
    clock.advance(3 * 3600)
    assert session.tick().replies == (ids["priya"],)
    verdict = session.decide(ids["priya"], "accept")
    assert verdict.settled and verdict.intent == "networker"
    # The policy asks a stranger with the stock note too: the ask was no extra step.
    assert (verdict.points, verdict.max_points) == (10, 10)
    assert verdict.matched_policy  # the reply states a reason: the policy says accept
    assert verdict.explanation == (
        "Correct: the best choice for this sender. A reason in the reply pointed the right way."
    )
    assert verdict.kind == "correct" and verdict.judgement.cue.code == "reply_reason"


def test_a_harmful_choice_is_revealed_and_explained(inbox, results, clock):
    session = start(inbox, results, clock)
    verdict = session.decide(session.built.ids["jason"], "accept")
    assert verdict.intent == "fake" and verdict.points == -10
    assert not verdict.matched_policy
    assert verdict.kind == "cue-missed" and verdict.judgement.cue.code == "generic_note"
    assert "accepted a fake profile" in verdict.explanation.lower()


def test_results_are_saved_as_you_go_and_finished_with_a_score(inbox, results, clock):
    session = start(inbox, results, clock)
    ids = session.built.ids
    session.decide(ids["jason"], "ignore")
    (saved,) = results.sessions("Robin")
    assert saved.finished_at is None
    rows = {r.slot: r for r in results.results(saved.id)}
    assert rows["jason"].points == 10 and rows["priya"].outcome == "undecided"

    session.decide(ids["dale"], "accept")
    assert session.undo() == [ids["dale"]]
    session.decide(ids["dale"], "ignore")
    report = session.finish()
    assert report.summary.score == 20
    assert report.summary.max_score == 40
    # Mia and Priya were never decided: counted, not listed as mistakes or unmasked.
    assert report.summary.mistakes == [] and report.summary.untouched == 2
    (saved,) = results.sessions("Robin")
    assert (saved.score, saved.max_score) == (20, 40) and saved.finished_at


def test_two_trainees_get_the_same_exercise(tmp_path):
    seen = []
    for name in ("Ann", "Bo"):
        clock = DrivenClock()
        with Store.open(tmp_path / f"{name}.db", create=True, clock=clock.iso) as inbox:
            session = TrainingSession.start(
                inbox, trainee=name, scenario="mixed-inbox", clock=clock
            )
            for invitation_id in session.invitation_ids:
                session.decide(invitation_id, "ask")
            session.simulator.run_until(clock.now() + timedelta(days=3))
            seen.append(
                [(inbox.get(i).person.name, inbox.get(i).reply) for i in session.invitation_ids]
            )
    assert seen[0] == seen[1]


def test_report_prints_trainees_and_escapes_hostile_names(tmp_path, clock):
    db = tmp_path / "results.db"
    hostile = "Eve\x1b[31m[bold]=1+1"
    with Store.open(db, create=True) as results:
        for trainee in ("Robin", hostile):
            exercise = tmp_path / f"exercise-{len(results.sessions())}.db"
            with Store.open(exercise, create=True, clock=clock.iso) as inbox:
                session = start(inbox, results, clock, trainee)
                for invitation_id in session.invitation_ids:
                    session.decide(invitation_id, "ignore")
                session.finish()
    out = CliRunner().invoke(main, ["--db", str(db), "report"]).output
    assert "Robin  (1 session(s))" in out
    assert "\x1b" not in out and "Eve\\x1b[31m[bold]=1+1" in out
    assert "30 / 40" in out
    one = CliRunner().invoke(main, ["--db", str(db), "report", "--trainee", "Robin"]).output
    assert "Eve" not in one


def test_a_trainee_needs_a_name(inbox, clock):
    with pytest.raises(ValueError):
        TrainingSession.start(inbox, trainee="  ", scenario="the-post", clock=clock)
