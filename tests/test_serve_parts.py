"""The parts of ``serve`` that need no server: seats, the session command, sizes, names, the
paused clock, and a training session that is named after it is built."""

from __future__ import annotations

import shlex
import stat
from datetime import timedelta

import pytest

from tui.commands.serve import is_loopback
from tui.domain.trainee import NAME_LIMIT, check_name
from tui.serve.classroom import Classroom
from tui.serve.plan import Plan
from tui.serve.server import MAX_SIZE, MIN_SIZE, terminal_size
from tui.simulate.clock import EPOCH, ScaledClock
from tui.simulate.training import TrainingSession
from tui.store import Filter, Store


def test_a_classroom_has_a_private_directory_per_seat_and_a_cap(tmp_path):
    room = Classroom(tmp_path, limit=2)
    first, second = room.take(), room.take()
    assert first and second and first.directory != second.directory
    assert stat.S_IMODE(first.directory.stat().st_mode) == 0o700
    assert room.full and room.take() is None
    (first.directory / "exercise.db").write_bytes(b"x")
    room.leave(first)
    assert not first.directory.exists() and second.directory.exists()
    third = room.take()
    assert third and third.directory not in (first.directory, second.directory)
    assert room.active == 2


def test_the_session_command_is_fixed_and_quoted(tmp_path):
    hostile = tmp_path / "a dir; rm -rf ~ $(touch x) `id`"
    hostile.mkdir()
    room = Classroom(hostile, limit=1)
    seat = room.take()
    plan = Plan(results=hostile / "res ults.db", scenario="the-post", policy="strict")
    command = plan.command(seat)
    # The shell sees three commands joined by &&, every argument one word.
    words = shlex.split(command)
    first_and, second_and = (i for i, w in enumerate(words) if w == "&&")
    assert words[:first_and] == ["cd", str(seat.directory)]
    assert words[first_and + 1 : second_and] == ["echo", "$$", ">", str(seat.pid_file)]
    assert words[second_and + 1 :] == ["exec", *plan.arguments(seat)]
    arguments = plan.arguments(seat)
    assert arguments[1:4] == ["-I", "-m", "tui"]  # isolated: no PYTHON* variables
    assert arguments[4:] == [
        "--db",
        str(hostile / "res ults.db"),
        "--policy",
        "strict",
        "served-training",
        "--workdir",
        str(seat.directory),
        "--scenario",
        "the-post",
    ]


def test_a_demo_session_gets_its_own_copy_of_the_inbox(tmp_path):
    from tui.commands.seed import seed_database

    demo = tmp_path / "demo.db"
    seed_database(demo, count=5, seed=1)
    room = Classroom(tmp_path / "room", limit=2)
    (tmp_path / "room").mkdir()
    plan = Plan(results=tmp_path / "unused.db", demo=demo)
    one, two = room.take(), room.take()
    plan.prepare(one)
    plan.prepare(two)
    with Store.open(one.directory / "inbox.db") as store:
        pending = store.counts()["pending"]
        first = next(store.iter_invitations(Filter(status="pending")))
        store.record_decision(first.id, "accept")
        assert store.counts()["pending"] == pending - 1
    with Store.open(two.directory / "inbox.db") as store:
        assert store.counts()["pending"] == pending > 0  # the other copy is untouched
    with Store.open(demo) as store:
        assert store.counts()["pending"] == pending
    assert plan.arguments(one)[-1] == "open"
    assert str(one.directory / "inbox.db") in plan.arguments(one)
    assert not (tmp_path / "unused.db").exists()


@pytest.mark.parametrize(
    ("asked", "given"),
    [
        ((100, 30), (100, 30)),
        ((10**9, 10**9), MAX_SIZE),
        ((-5, 0), MIN_SIZE),
        (("wide", None), (80, 24)),
        (("120", "40"), (120, 40)),
        ((float("inf"), [1]), (80, 24)),
    ],
)
def test_terminal_sizes_are_clamped(asked, given):
    assert terminal_size(*asked) == given


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("localhost", True),
        ("::1", True),
        ("[::1]", True),
        ("0.0.0.0", False),
        ("::", False),
        ("192.168.1.20", False),
        ("classroom.example", False),
    ],
)
def test_only_loopback_addresses_count_as_safe(host, loopback):
    assert is_loopback(host) is loopback


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("  Robin  ", "Robin"),
        ("[bold]Robin[/bold]", "[bold]Robin[/bold]"),  # markup is kept as plain text
        ("=HYPERLINK(1)", "=HYPERLINK(1)"),  # escaped where it is exported, not here
        ("Zoë Ångström-李", "Zoë Ångström-李"),
        ("x" * NAME_LIMIT, "x" * NAME_LIMIT),
    ],
)
def test_names_are_kept_as_typed(typed, stored):
    assert check_name(typed) == stored


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("", "needs a name"),
        ("   ", "needs a name"),
        ("x" * (NAME_LIMIT + 1), "at most 200"),
        ("x" * 10_000, "at most 200"),
        ("Eve\x1b[31mRed", "control characters"),
        ("Eve\u202eevil", "control characters"),
        ("two\tparts", "control characters"),
        ("line\nbreak", "control characters"),
    ],
)
def test_hostile_names_are_refused_with_a_reason(typed, problem):
    with pytest.raises(ValueError, match=problem):
        check_name(typed)


def test_a_paused_clock_stands_still_until_it_runs():
    now = [100.0]
    clock = ScaledClock(3600, monotonic=lambda: now[0], paused=True)
    now[0] += 60
    assert clock.now() == EPOCH
    clock.run()
    now[0] += 2
    assert clock.now() == EPOCH + timedelta(hours=2)
    clock.run()  # running already: no restart
    assert clock.now() == EPOCH + timedelta(hours=2)


def test_a_prepared_session_writes_no_results_until_it_is_named(tmp_path):
    with (
        Store.open(tmp_path / "exercise.db", create=True) as inbox,
        Store.open(tmp_path / "results.db", create=True) as results,
    ):
        session = TrainingSession.prepare(inbox, scenario="the-post", results=results)
        assert len(session.invitation_ids) == 4
        assert results.sessions() == []
        with pytest.raises(ValueError, match="needs a name"):
            session.begin("  ")
        session.begin(" Robin ")
        (row,) = results.sessions()
        assert (row.id, row.trainee, row.scenario) == (session.id, "Robin", "the-post")
        assert len(results.results(session.id)) == 4
        with pytest.raises(RuntimeError, match="already belongs"):
            session.begin("Sam")
        assert [s.trainee for s in results.sessions()] == ["Robin"]
