"""Difficulty: which way the deciding cue points, and which way doubt falls."""

from __future__ import annotations

from tui.domain.models import Flag
from tui.simulate import scenarios
from tui.simulate.cast import invitation
from tui.simulate.difficulty import rate, rate_item


def red(code, severity="medium"):
    return Flag(code, "red", severity, "x")


def signal(code):
    return Flag(code, "signal", "info", "x")


WEAK = [red("generic_note"), red("no_photo"), red("sparse_profile"), red("new_profile", "low")]


def test_the_same_cues_are_easy_for_a_fake_and_hard_for_a_genuine_sender():
    assert rate(WEAK, "fake") == 1  # red flags enough to give them away, and asking would
    assert rate(WEAK, "networker") == 4  # nothing visible says genuine: only a reply can


def test_a_harmful_sender_with_few_red_flags_is_caught_by_asking():
    assert rate([red("generic_note")], "fake") == 2


def test_a_cue_that_fools_the_rules_is_the_hardest():
    assert rate([signal("stated_reason"), red("no_mutual_connections", "low")], "fake") == 5
    assert rate([signal("recruiter_note")], "salesperson") == 5
    assert rate([red("sales_pitch", "high")], "networker") == 5


def test_a_welcoming_cue_is_easy_to_follow_and_costly_to_miss():
    assert rate([red("sales_pitch", "high")], "salesperson") == 1
    assert rate([signal("known_contact")], "known") == 3
    assert rate([signal("stated_reason"), *WEAK[1:]], "networker") == 3


def test_unknown_intent_has_no_rating():
    assert rate([], None) is None


def _role(scenario, slot):
    return next(r for r in scenarios.load(scenario).roles if r.slot == slot)


def test_scenario_senders_are_rated_from_the_real_rules():
    # a salesperson whose note reads as a reason to grow a network: the cue fools the rules
    assert rate_item(invitation("x", _role("mixed-inbox", "s-karen"))) == 5
    assert rate_item(invitation("x", _role("mixed-inbox", "f-jessica"))) == 1
    assert rate_item(invitation("x", _role("mixed-inbox", "k-ana"))) == 3
    assert rate_item(invitation("x", _role("the-post", "priya"))) == 4
    assert rate_item(invitation("x", _role("polished-pitches", "s-anna"))) == 5
