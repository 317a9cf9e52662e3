"""Scores for hand-worked examples: harm costs more than caution, and the log decides."""

from __future__ import annotations

import pytest

from tui.domain.models import Decision
from tui.simulate.results import summarize
from tui.simulate.scoring import MAX_POINTS, POINTS, outcome_of, score
from tui.store.training import ResultRow


def test_accepting_a_fake_costs_more_than_any_harmless_choice():
    harmful = MAX_POINTS - score("fake", "accept").points
    for intent in ("known", "networker", "recruiter"):
        for outcome in ("ask_accept", "ask_ignore", "ignore"):
            assert MAX_POINTS - score(intent, outcome).points < harmful


def test_asking_when_accepting_was_fine_loses_one_point_not_the_invitation():
    assert score("networker", "accept").points == 10
    assert score("networker", "ask_accept", advised="accept").points == 9
    assert score("networker", "ask_accept", advised="accept").mistake == "extra-step"
    assert score("fake", "ask_ignore", advised="ignore").points == 9
    assert score("fake", "ignore").mistake is None


def test_an_ask_the_policy_would_have_made_costs_nothing():
    # The stock note from a stranger: the policy asks too, so asking is no extra step.
    assert score("networker", "ask_accept", advised="ask").points == 10
    assert score("fake", "ask_ignore", advised="ask").points == 10
    assert score("known", "ask_accept", advised="ask").mistake is None


def test_an_ask_that_caught_what_the_cues_got_wrong_costs_nothing():
    # A salesperson with a convincing reason: the policy would accept (−5), asking caught it.
    assert score("salesperson", "ask_ignore", advised="accept").points == 10
    # ...but asking someone the policy rightly accepts is an extra step.
    assert score("known", "ask_accept", advised="accept").points == 8


def test_asking_does_not_rescue_a_wrong_final_decision():
    assert score("fake", "ask_accept", advised="ask").points == -10
    assert score("networker", "ask_ignore", advised="ask").points == 3


@pytest.mark.parametrize(
    ("intent", "outcome", "points", "mistake"),
    [
        ("fake", "accept", -10, "harmful"),
        ("fake", "ask_accept", -10, "harmful"),
        ("salesperson", "accept", -5, "harmful"),
        ("networker", "ignore", 3, "missed"),
        ("known", "ignore", 2, "missed"),
        ("recruiter", "asked", 0, "undecided"),  # an open ask is not settled: no points
        ("known", "ask_accept", 8, "extra-step"),
        ("salesperson", "ignore", 10, None),
        ("networker", "undecided", 0, "undecided"),
    ],
)
def test_points_table(intent, outcome, points, mistake):
    got = score(intent, outcome)
    assert (got.points, got.mistake) == (points, mistake)
    assert got.max_points == MAX_POINTS


def test_every_mistake_has_an_explanation():
    for intent, row in POINTS.items():
        for outcome in row:
            got = score(intent, outcome)
            assert (got.mistake is None) == (got.explanation is None)


def test_unknown_intent_scores_nothing_out_of_nothing():
    assert (score(None, "accept").points, score(None, "accept").max_points) == (0, 0)
    with pytest.raises(ValueError):
        score("fake", "maybe")


def _d(id_, action, undoes=None, invitation_id=1):
    return Decision(id_, invitation_id, action, "t", "pending", "x", undoes=undoes)


def test_outcome_follows_the_final_status_and_live_asks():
    assert outcome_of("accepted", [_d(1, "accept")]) == "accept"
    assert outcome_of("accepted", [_d(1, "ask"), _d(2, "accept")]) == "ask_accept"
    # An undone ask never reached the sender.
    assert outcome_of("ignored", [_d(1, "ask"), _d(2, "undo", undoes=1), _d(3, "ignore")]) == (
        "ignore"
    )
    assert outcome_of("replied", [_d(1, "ask")]) == "asked"
    assert outcome_of("pending", []) == "undecided"


def _row(slot, intent, outcome, flags=(), difficulty=None):
    s = score(intent, outcome)
    return ResultRow(
        slot,
        slot,
        intent,
        difficulty,
        outcome,
        None,
        None,
        s.points,
        s.max_points,
        s.mistake,
        flags,
    )


def test_summary_of_the_post_played_by_the_book():
    # Asked all four; the networker's reason was accepted; the rest ignored.
    rows = [
        _row("priya", "networker", "ask_accept", ("stock_note",), 4),
        _row("jason", "fake", "ask_ignore", ("stock_note", "no_photo"), 1),
        _row("dale", "salesperson", "ask_ignore", ("stock_note",), 2),
        _row("mia", "recruiter", "ask_ignore", ("stock_note",), 4),
    ]
    summary = summarize(rows)
    assert (summary.score, summary.max_score) == (9 + 9 + 9 + 7, 40)
    assert summary.by_intent["recruiter"].mistakes["missed"] == 1
    assert summary.confusion["ask_ignore"]["fake"] == 1
    assert summary.by_flag["stock_note"] == (4, 1 + 1 + 1 + 3)
    assert summary.by_difficulty[4] == (2, 16, 20)
    assert [m.slot for m in summary.mistakes] == ["mia"]  # extra steps are not listed


def test_summary_ranks_the_costliest_mistakes_first():
    rows = [
        _row("a", "networker", "ignore"),
        _row("b", "fake", "accept"),
        _row("c", "salesperson", "accept"),
    ]
    assert [m.slot for m in summarize(rows).mistakes] == ["b", "c", "a"]
    assert summarize(rows).as_dict()["mistakes"][0]["explanation"].startswith("accepted a fake")
