"""Live arrivals come at the set rate on the driven clock, reproducibly, without repeats."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tui.simulate.arrivals import per_sim_hour
from tui.simulate.clock import EPOCH, DrivenClock
from tui.simulate.simulator import Simulator
from tui.store import Filter, Store


def open_store(path, clock):
    return Store.open(path, create=True, clock=clock.iso)


def arrivals_over(store, clock, hours, *, seed=5, per_hour=6.0):
    sim = Simulator(store, clock, seed=seed, arrivals_per_hour=per_hour)
    got = []
    sim.run_until(clock.now() + timedelta(hours=hours), on_events=lambda e: got.extend(e.arrivals))
    return got


def test_arrivals_follow_the_rate_and_land_as_pending_with_flags(tmp_path):
    clock = DrivenClock()
    with open_store(tmp_path / "live.db", clock) as store:
        got = arrivals_over(store, clock, 10)
        assert 40 <= len(got) <= 80  # 6 an hour for 10 hours, a Poisson count
        assert store.counts()["pending"] == len(got)
        rows = list(store.iter_invitations(Filter(status="pending")))
        assert all(r.source == "live" and EPOCH <= _t(r.sent_at) <= clock.now() for r in rows)
        assert all(1 <= r.difficulty <= 5 for r in rows)
        assert any(store.assessment_of(r.id).recommended for r in rows)


def _t(text):
    from tui.simulate.clock import parse

    return parse(text)


def test_the_same_seed_brings_the_same_people_at_the_same_times(tmp_path):
    seen = []
    for n in range(2):
        clock = DrivenClock()
        with open_store(tmp_path / f"{n}.db", clock) as store:
            arrivals_over(store, clock, 3)
            seen.append([(r.person.name, r.sent_at) for r in store.iter_invitations()])
    assert seen[0] == seen[1] and seen[0]


def test_a_restart_continues_instead_of_repeating(tmp_path):
    clock = DrivenClock()
    with open_store(tmp_path / "live.db", clock) as store:
        first = arrivals_over(store, clock, 2)
        second = arrivals_over(store, clock, 2)
        assert first and second and not set(first) & set(second)
        names = [r.person.name for r in store.iter_invitations()]
        assert store.counts()["pending"] == len(first) + len(second) == len(names)


def test_a_big_jump_does_not_flood_one_tick(tmp_path):
    clock = DrivenClock()
    with open_store(tmp_path / "live.db", clock) as store:
        sim = Simulator(store, clock, seed=1, arrivals_per_hour=3600.0)
        clock.advance(24 * 3600)
        assert len(sim.tick().arrivals) == 200


def test_rates_convert_from_real_minutes():
    assert per_sim_hour(2, speed=60) == 2.0
    assert per_sim_hour(1, speed=3600) == pytest.approx(1 / 60)
    with pytest.raises(ValueError):
        Simulator(Store.in_memory(), DrivenClock(), arrivals_per_hour=-1).tick()
