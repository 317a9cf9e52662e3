"""Verdicts score what the trainee could know: each kind on a hand-written sender.

Every case is a real scenario sender decided through a training session on a driven clock,
so the verdict comes from the same flags, policy and replies the trainee meets.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from tui.simulate.clock import DrivenClock
from tui.simulate.training import TrainingSession
from tui.store import Store


@pytest.fixture
def clock():
    return DrivenClock()


@pytest.fixture
def inbox(tmp_path, clock):
    with Store.open(tmp_path / "exercise.db", create=True, clock=clock.iso) as store:
        yield store


def session_on(inbox, clock, scenario):
    return TrainingSession.start(inbox, trainee="Robin", scenario=scenario, clock=clock)


def evidence(session, slot, cue) -> str:
    """The words a cue's span points at, in the field it names."""
    invitation = session.inbox.get(session.built.ids[slot])
    text = {"note": invitation.note, "reply": invitation.reply}[cue.field]
    return " … ".join(text[start:end] for start, end in cue.spans)


def test_correct_names_the_cue_that_pointed_the_right_way(inbox, clock):
    session = session_on(inbox, clock, "the-post")
    priya = session.built.ids["priya"]
    session.decide(priya, "ask")
    clock.advance(3 * 3600)
    session.tick()
    verdict = session.decide(priya, "accept")
    judgement = verdict.judgement
    assert judgement.kind == "correct" and (judgement.points, judgement.max_points) == (10, 10)
    assert judgement.cue.code == "reply_reason" and judgement.cue.field == "reply"
    assert "network" in evidence(session, "priya", judgement.cue)
    assert judgement.headline == "Correct: the best choice for this sender."


def test_asking_someone_you_know_is_an_extra_step(inbox, clock):
    session = session_on(inbox, clock, "mixed-inbox")
    ana = session.built.ids["k-ana"]
    session.decide(ana, "ask")
    session.simulator.run_until(clock.now() + timedelta(days=3))
    verdict = session.decide(ana, "accept")
    judgement = verdict.judgement
    assert judgement.kind == "extra-step"
    assert (judgement.points, judgement.policy_points) == (8, 10)
    assert judgement.cue.code == "known_contact"
    assert judgement.headline == "An extra step: a known contact already made the answer clear."
    assert "accept outright" in judgement.explanation


def test_a_clear_cue_missed_is_named_with_its_evidence_and_the_rest(inbox, clock):
    session = session_on(inbox, clock, "the-post")
    verdict = session.decide(session.built.ids["jason"], "accept")
    judgement = verdict.judgement
    assert judgement.kind == "cue-missed"
    assert (judgement.points, judgement.policy_points) == (-10, 10)
    assert judgement.policy_outcome == "ask_ignore"
    assert judgement.cue.code == "generic_note"
    assert evidence(session, "jason", judgement.cue).startswith("I'd like to add you")
    assert {"no_photo", "sparse_profile", "new_profile"} <= {c.code for c in judgement.also}
    assert "they never answer" in judgement.explanation


def test_giving_up_before_the_reply_came_is_a_cue_missed(inbox, clock):
    session = session_on(inbox, clock, "the-post")
    priya = session.built.ids["priya"]
    session.decide(priya, "ask")
    judgement = session.decide(priya, "ignore").judgement  # no wait for her reply
    assert judgement.kind == "cue-missed" and judgement.cue.code == "reply_due"
    assert "3 hours" in judgement.cue.explanation


def test_a_polished_pitch_misleads_and_asking_is_the_defence(inbox, clock):
    session = session_on(inbox, clock, "polished-pitches")
    verdict = session.decide(session.built.ids["s-anna"], "accept")
    judgement = verdict.judgement
    assert verdict.matched_policy  # the policy is fooled too...
    assert judgement.kind == "misled"  # ...so this is not a cue the trainee missed
    assert (judgement.points, judgement.policy_points) == (-5, -5)
    assert judgement.cue.code == "stated_reason"
    assert "your article" in evidence(session, "s-anna", judgement.cue)
    assert [c.code for c in judgement.caught_by] == ["ask"]
    assert "Asking is the defence" in judgement.explanation
    assert "sales pitch" in judgement.explanation


def test_accepting_after_the_ask_showed_a_pitch_is_a_cue_missed_not_misled(inbox, clock):
    session = session_on(inbox, clock, "polished-pitches")
    anna = session.built.ids["s-anna"]  # her note misleads the policy too, her reply does not
    session.decide(anna, "ask")
    session.simulator.run_until(clock.now() + timedelta(days=3))
    judgement = session.decide(anna, "accept").judgement
    assert judgement.kind == "cue-missed" and judgement.cue.code == "reply_pitch"
    assert judgement.headline == "A clear cue missed: a sales pitch in the reply."
    assert judgement.explanation.endswith(
        "Reading their reply, the policy would ignore, for 10 of 10."
    )
    assert "expect pitches" in judgement.explanation


def test_a_polished_fake_shows_the_weak_cue_that_could_have_caught_it(inbox, clock):
    session = session_on(inbox, clock, "polished-pitches")
    judgement = session.decide(session.built.ids["f-ethan"], "accept").judgement
    assert judgement.kind == "misled"
    assert [c.code for c in judgement.caught_by] == ["no_mutual_connections", "ask"]
    assert "What could have caught it: no mutual connections" in judgement.explanation


def test_when_nothing_visible_could_tell_the_verdict_says_so(inbox, clock):
    session = session_on(inbox, clock, "polished-pitches")
    devika = session.built.ids["n-dev"]  # a genuine student who never answers
    session.decide(devika, "ask")
    clock.advance(4 * 24 * 3600)
    session.tick()
    judgement = session.decide(devika, "ignore").judgement
    assert judgement.kind == "misled" and judgement.cue.code == "no_reply"
    assert judgement.caught_by == ()
    assert "Nothing visible could have told" in judgement.explanation


def test_the_stored_result_carries_the_verdict_for_reports(inbox, clock):
    session = session_on(inbox, clock, "polished-pitches")
    session.decide(session.built.ids["f-ethan"], "accept")
    (row,) = [r for r in inbox.results(session.id) if r.slot == "f-ethan"]
    assert (row.verdict, row.cue, row.caught_by) == (
        "misled",
        "stated_reason",
        ("no_mutual_connections", "ask"),
    )
    assert row.policy_points == -10


def test_a_finished_early_report_reveals_nothing_undecided(inbox, clock):
    session = session_on(inbox, clock, "the-post")
    ids = session.built.ids
    session.decide(ids["jason"], "ignore")
    session.decide(ids["dale"], "ask")  # asked, never settled
    report = session.finish()
    assert report.finished_early
    s = report.summary
    assert (s.decided, s.asked_open, s.untouched, s.count) == (1, 1, 2, 4)
    assert (s.score, s.max_score) == (10, 40)  # the open ask is not scored
    assert s.mistakes == [] and set(report.judgements) == {"jason"}
    assert set(s.by_intent) == {"fake"} and set(s.by_difficulty) == {1}
    for row in report.rows:
        if row.slot != "jason":
            assert (row.intent, row.difficulty, row.flag_codes, row.recommended) == (
                None,
                None,
                (),
                None,
            )
            assert row.points == 0 and row.verdict is None
    jason = next(r for r in report.rows if r.slot == "jason")
    assert set(s.by_flag) == set(jason.flag_codes)  # only the decided one's flags
    assert all(n == 0 for o, c in s.confusion.items() for i, n in c.items() if i != "fake")
