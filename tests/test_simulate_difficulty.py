"""Difficulty: many cues pointing the right way is easy; cues that mislead make it hard."""

from __future__ import annotations

from tui.domain.models import Flag
from tui.simulate import scenarios
from tui.simulate.cast import invitation
from tui.simulate.difficulty import rate, rate_item


def red(code, severity="medium"):
    return Flag(code, "red", severity, "x")


def signal(code):
    return Flag(code, "signal", "info", "x")


def test_the_same_cues_are_easy_for_a_fake_and_hard_for_a_genuine_sender():
    weak = [red("generic_note"), red("no_photo"), red("sparse_profile"), red("new_profile", "low")]
    assert rate(weak, "fake") == 1
    assert rate(weak, "networker") == 5


def test_a_polished_fake_is_the_hardest_and_an_open_pitch_the_easiest():
    polished = [signal("stated_reason"), red("no_mutual_connections", "low")]
    assert rate(polished, "fake") == 5
    assert rate([red("sales_pitch", "high")], "salesperson") == 1
    assert rate([signal("known_contact")], "known") == 1


def test_unknown_intent_has_no_rating():
    assert rate([], None) is None


def _role(scenario, slot):
    return next(r for r in scenarios.load(scenario).roles if r.slot == slot)


def test_scenario_senders_are_rated_from_the_real_rules():
    assert rate_item(invitation("x", _role("mixed-inbox", "f-daniel"))) == 5
    assert rate_item(invitation("x", _role("mixed-inbox", "f-jessica"))) == 1
    assert rate_item(invitation("x", _role("mixed-inbox", "k-ana"))) == 1
    assert rate_item(invitation("x", _role("the-post", "priya"))) == 5
