"""Scenarios build deterministic inboxes, and the post's situation plays out as described."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tui.simulate import scenarios
from tui.simulate.clock import EPOCH, DrivenClock
from tui.simulate.results import result_for, summarize
from tui.simulate.simulator import Simulator
from tui.store import Filter, Store


@pytest.fixture
def clock():
    return DrivenClock()


@pytest.fixture
def store(tmp_path, clock):
    with Store.open(tmp_path / "train.db", create=True, clock=clock.iso) as s:
        yield s


def test_the_post_plays_out_as_described(store, clock):
    built = scenarios.build_scenario("the-post", store)
    ids = built.ids
    assert store.counts()["pending"] == 4
    # All four are strangers with the stock note: the policy says ask, for every one.
    assert {store.get(i).note for i in ids.values()} == {
        "I'd like to add you to my professional network on LinkedIn."
    }
    assert {store.assessment_of(i).recommended for i in ids.values()} == {"ask"}
    for invitation_id in ids.values():
        store.record_decision(invitation_id, "ask", message="What made you want to connect?")

    sim = Simulator(store, clock, seed=1)
    arrivals = []
    sim.run_until(
        EPOCH + timedelta(days=3),
        on_events=lambda events: arrivals.extend((i, clock.now()) for i in events.replies),
    )
    # One replies first, with a reason (growing their network), and is recommended for a yes.
    first_id, first_at = arrivals[0]
    assert first_id == ids["priya"]
    assert first_at == EPOCH + timedelta(hours=3)
    priya = store.get(ids["priya"])
    assert "network" in priya.reply
    assert store.assessment_of(ids["priya"]).recommended == "accept"
    # The salesperson answers later with a pitch; the fake and the bulk recruiter never do.
    assert [i for i, _ in arrivals] == [ids["priya"], ids["dale"]]
    assert store.assessment_of(ids["dale"]).recommended == "ignore"
    assert store.get(ids["jason"]).status == "asked"
    assert store.get(ids["mia"]).status == "asked"

    store.record_decision(ids["priya"], "accept")
    for slot in ("dale", "jason", "mia"):
        store.record_decision(ids[slot], "ignore")
    summary = summarize(result_for(store, i, slot) for slot, i in ids.items())
    # The policy asks all four (stock notes), so no ask is an extra step: only Mia, a real
    # recruiter who never answered, costs points.
    assert (summary.score, summary.max_score) == (10 + 10 + 10 + 7, 40)
    assert store.counts()["accepted"] == 1


@pytest.mark.parametrize("name", scenarios.BUILT_IN)
def test_every_scenario_builds_with_difficulty_and_scripted_replies(store, name):
    built = scenarios.build_scenario(name, store)
    spec = scenarios.load(name)
    assert list(built.ids) == [role.slot for role in spec.roles]
    rows = list(store.iter_invitations(Filter(status=None)))
    assert len(rows) == len(spec.roles)
    assert all(1 <= row.difficulty <= 5 for row in rows)
    assert all(row.source == "scenario" for row in rows)
    assert {row.person.intent for row in rows} <= {
        "known",
        "networker",
        "recruiter",
        "salesperson",
        "fake",
    }


def test_building_twice_adds_nothing(store):
    first = scenarios.build_scenario("mixed-inbox", store)
    again = scenarios.build_scenario("mixed-inbox", store)
    assert first == again
    assert store.counts()["all"] == 30


def test_the_default_scenario_covers_every_intent_and_difficulty(store):
    scenarios.build_scenario(scenarios.DEFAULT, store)
    rows = list(store.iter_invitations(Filter(status=None)))
    assert {r.person.intent for r in rows} == {
        "known",
        "networker",
        "recruiter",
        "salesperson",
        "fake",
    }
    assert {r.difficulty for r in rows} == {1, 2, 3, 4, 5}


def test_same_name_same_inbox(tmp_path):
    seen = []
    for n in range(2):
        with Store.open(tmp_path / f"{n}.db", create=True) as store:
            scenarios.build_scenario("mixed-inbox", store)
            seen.append(
                [
                    (r.person.name, r.note, r.sent_at, r.difficulty)
                    for r in store.iter_invitations(Filter(status=None))
                ]
            )
    assert seen[0] == seen[1]


def test_a_generated_exercise_is_reproducible_and_meets_its_difficulty_mix(tmp_path):
    from tui.simulate.scenarios.generated import build_generated, parse_mix

    mix = parse_mix("1:1,5:1")
    seen = []
    for n in range(2):
        with Store.open(tmp_path / f"g{n}.db", create=True) as store:
            build_generated(store, seed=9, count=10, mix=mix)
            rows = list(store.iter_invitations(Filter(status=None)))
            seen.append([(r.person.name, r.difficulty) for r in rows])
    assert seen[0] == seen[1]
    levels = sorted(level for _, level in seen[0])
    assert levels == [1] * 5 + [5] * 5


def test_difficulty_mixes_are_checked():
    from tui.simulate.scenarios.generated import MixError, parse_mix, quotas

    assert quotas(10, parse_mix("1:1,2:1,3:1")) == {1: 4, 2: 3, 3: 3}
    for bad in ("", "6:1", "1:x", "1:0", "1-2"):
        with pytest.raises(MixError):
            parse_mix(bad)
