"""Replies arrive when due on a driven clock, by intent; fakes never answer; undo cancels."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tui.domain.models import Assessment, NewInvitation, Person
from tui.simulate.clock import EPOCH, DrivenClock, ScaledClock, iso
from tui.simulate.simulator import Simulator
from tui.store import Store

HOUR = 3600

# A stand-in for seed.replies.draw_reply with known delays, so timing is exact.
DELAYS = {"known": 1 * HOUR, "networker": 2 * HOUR, "recruiter": 5 * HOUR, "salesperson": 3 * HOUR}


def draw(intent, rng, person=None):
    if intent == "fake":
        return None, 1 * HOUR
    return f"{intent} answers", DELAYS[intent]


def assess(invitation):
    # Recommend accepting once a networker's reply is in: proves re-assessment happened.
    return Assessment(flag_codes=("replied",), recommended="accept" if invitation.reply else "ask")


@pytest.fixture
def clock():
    return DrivenClock()


@pytest.fixture
def store(tmp_path, clock):
    with Store.open(tmp_path / "inbox.db", create=True, clock=clock.iso) as s:
        yield s


def add(store, *intents):
    items = [
        NewInvitation(
            person=Person(name=f"{intent} {n}", intent=intent),
            note=None,
            sent_at=iso(EPOCH - timedelta(days=1)),
            external_key=f"t:{n}",
        )
        for n, intent in enumerate(intents)
    ]
    store.add_invitations(items)
    keys = store.ids_for_keys(f"t:{n}" for n in range(len(intents)))
    return [keys[f"t:{n}"] for n in range(len(intents))]


def simulator(store, clock):
    return Simulator(store, clock, seed=7, draw=draw, assess=assess)


def test_each_intent_replies_after_its_delay_and_a_fake_never(store, clock):
    ids = add(store, "networker", "salesperson", "recruiter", "fake")
    for invitation_id in ids:
        store.record_decision(invitation_id, "ask", message="Why connect?")
    sim = simulator(store, clock)
    assert sim.tick().replies == ()

    clock.advance(2 * HOUR - 1)
    assert sim.tick().replies == ()
    clock.advance(1)
    assert sim.tick().replies == (ids[0],)
    clock.advance(1 * HOUR)
    assert sim.tick().replies == (ids[1],)
    clock.advance(30 * 24 * HOUR)
    assert sim.tick().replies == (ids[2],)
    assert sim.tick().replies == ()

    networker = store.get(ids[0])
    assert networker.status == "replied"
    assert networker.reply == "networker answers"
    assert networker.messages[-1].at == iso(EPOCH + timedelta(hours=2))
    assert store.get(ids[3]).status == "asked"
    assert store.get(ids[3]).reply is None
    # The stored recommendation was re-evaluated with the reply in hand.
    assert store.assessment_of(ids[0]) == Assessment(("replied",), "accept")


def test_the_reply_is_stamped_when_due_however_late_the_tick(store, clock):
    (invitation_id,) = add(store, "networker")
    store.record_decision(invitation_id, "ask")
    sim = simulator(store, clock)
    sim.tick()
    clock.advance(10 * HOUR)
    assert sim.tick().replies == (invitation_id,)
    assert store.get(invitation_id).messages[-1].at == iso(EPOCH + timedelta(hours=2))


def test_nothing_is_delivered_twice(store, clock):
    (invitation_id,) = add(store, "networker")
    store.record_decision(invitation_id, "ask", message="Why?")
    sim = simulator(store, clock)
    sim.tick()
    clock.advance(3 * HOUR)
    sim.tick()
    sim.tick()
    # Asking again after the answer does not make the sender answer twice.
    store.record_decision(invitation_id, "ask", message="And?")
    clock.advance(10 * HOUR)
    assert sim.tick().replies == ()
    assert [m.direction for m in store.get(invitation_id).messages] == ["out", "in", "out"]


def test_an_undone_ask_brings_no_reply_and_a_new_ask_restarts_the_clock(store, clock):
    (invitation_id,) = add(store, "networker")
    store.record_decision(invitation_id, "ask")
    sim = simulator(store, clock)
    sim.tick()
    clock.advance(1 * HOUR)
    store.undo_last()
    clock.advance(2 * HOUR)
    assert sim.tick().replies == ()
    assert store.get(invitation_id).status == "pending"

    store.record_decision(invitation_id, "ask")  # asked again at 3h: due at 5h
    clock.advance(1 * HOUR)
    assert sim.tick().replies == ()
    clock.advance(1 * HOUR)
    assert sim.tick().replies == (invitation_id,)


def test_same_sender_same_answer_whatever_the_order_of_asks(tmp_path):
    def random_draw(intent, rng, person=None):
        return f"answer {rng.random():.6f}", rng.uniform(HOUR, 9 * HOUR)

    answers = []
    for order in (slice(None), slice(None, None, -1)):
        clock = DrivenClock()
        with Store.open(tmp_path / f"{len(answers)}.db", create=True, clock=clock.iso) as store:
            ids = add(store, "networker", "networker", "recruiter")
            for invitation_id in ids[order]:
                store.record_decision(invitation_id, "ask")
                clock.advance(60)
            sim = Simulator(store, clock, seed=3, draw=random_draw, assess=assess)
            sim.run_until(EPOCH + timedelta(days=1))
            answers.append([store.get(i).reply for i in ids])
    assert answers[0] == answers[1]
    assert len(set(answers[0])) == 3


def test_real_people_get_no_simulated_reply(store, clock):
    store.add_invitations(
        [NewInvitation(person=Person(name="Real Person"), note=None, sent_at=iso(EPOCH))]
    )
    (row,) = store.page()
    store.record_decision(row.id, "ask")
    sim = simulator(store, clock)
    clock.advance(90 * 24 * HOUR)
    assert sim.tick().replies == ()
    assert store.get(row.id).status == "asked"


def test_run_until_lets_a_strategy_answer_each_reply_as_it_comes(store, clock):
    ids = add(store, "networker", "salesperson", "fake")
    for invitation_id in ids:
        store.record_decision(invitation_id, "ask")
    sim = simulator(store, clock)
    seen = []

    def on_events(events):
        for invitation_id in events.replies:
            seen.append((invitation_id, clock.now() - EPOCH))
            store.record_decision(invitation_id, "accept")

    sim.run_until(EPOCH + timedelta(days=3), on_events=on_events)
    assert seen == [(ids[0], timedelta(hours=2)), (ids[1], timedelta(hours=3))]
    assert clock.now() == EPOCH + timedelta(days=3)
    assert store.get(ids[0]).status == "accepted"


def test_scaled_clock_runs_at_speed_and_can_skip_ahead():
    now = [100.0]
    clock = ScaledClock(3600, monotonic=lambda: now[0])
    assert clock.now() == EPOCH
    now[0] += 2  # two real seconds = two simulated hours
    assert clock.now() == EPOCH + timedelta(hours=2)
    clock.advance(HOUR)
    assert clock.now() == EPOCH + timedelta(hours=3)
    with pytest.raises(ValueError):
        clock.advance(-1)
    with pytest.raises(ValueError):
        ScaledClock(0)


def test_at_the_default_speed_no_scripted_reply_interrupts_reading_the_next_invitation():
    # tests/bench/pace_bench.py: a long detail pane and the ask's message take about 39 s
    # to read; the quickest scripted reply must come after that.
    from tui.simulate import cast, scenarios
    from tui.simulate.clock import DEFAULT_SPEED

    for name in scenarios.BUILT_IN:
        for role in scenarios.load(name).roles:
            body, delay = cast.reply_plan(role)
            if body is not None:
                assert delay / DEFAULT_SPEED >= 39, (name, role.slot)
