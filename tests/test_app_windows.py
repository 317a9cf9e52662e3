"""The app while other windows and commands write to the same inbox.

"Another window" here is a second connection to the same file (what another process has);
the app notices its commits through SQLite's data_version. Everything is checked as a user
would: keys pressed, what the screen says, and what is on disk.
"""

from __future__ import annotations

import asyncio
import threading
import time

import pytest
from conftest import Inv, db_statuses, make_db, open_app, press, screen_text, settle

from tui.domain.models import NewInvitation, Person
from tui.store import Store, chunking

WAIT = 20.0  # seconds: generous, the app answers within about one second


async def until(pilot, predicate, what: str, timeout: float = WAIT) -> None:
    """Poll (letting the app run) until ``predicate()`` holds; fail saying ``what``.

    It does not wait for the app to settle: a bulk decision may still be running."""
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, (
            f"timed out waiting for {what}:\n{screen_text(pilot.app)}"
        )
        await asyncio.sleep(0.02)


def shows(app, *texts: str):
    return lambda: all(text in screen_text(app) for text in texts)


def outside(db):
    """Another window's connection, deciding as its own session."""
    return Store.open(db)


async def test_counts_and_rows_follow_an_outside_write_and_the_cursor_stays(db):
    app = open_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "j", "j")  # Cyrus Vale, 3 of 5 pending
        assert "3 of 5" in screen_text(app)
        with outside(db) as other:
            other.record_decision(1, "accept", session="other window")  # Ada, above the cursor
            other.add_invitations(
                [NewInvitation(Person(name="Zoe Newcomer"), None, "2026-02-01T11:59:00")]
            )
        await until(pilot, shows(app, "Pending 5", "Accepted 2", "All 10"), "the new counts")
        await until(pilot, shows(app, "3 of 5", "Zoe Newcomer"), "the list reloaded")
        # The cursor is still on Cyrus Vale: a decision now decides him.
        await press(pilot, "x")
    assert db_statuses(db)["Cyrus Vale"] == "ignored"
    assert db_statuses(db)["Ada Lovelace"] == "accepted"


async def test_undo_refuses_to_revert_a_decision_someone_else_took_since(db):
    app = open_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "a")  # Ada Lovelace accepted here
        assert db_statuses(db)["Ada Lovelace"] == "accepted"
        with outside(db) as other:
            other.record_decision(1, "ignore", session="other window")
        await until(pilot, shows(app, "Ignored 2"), "the other window's decision")
        await press(pilot, "z")
        text = screen_text(app)
        assert "not undone: Ada Lovelace was decided again elsewhere since" in text
        assert "nothing changed" in text
    assert db_statuses(db)["Ada Lovelace"] == "ignored"
    with Store.open(db) as store:
        assert [d.action for d in store.decisions(1)] == ["accept", "ignore"]


async def test_a_split_emptied_elsewhere_is_shown_empty(tmp_path):
    db = make_db(tmp_path, [Inv("Only One", 5)])
    app = open_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        with outside(db) as other:
            other.record_decision(1, "accept", session="other window")
        await until(pilot, shows(app, "Pending 0", "Accepted 1", "empty list"), "the empty list")
        await press(pilot, "a")  # nothing left to decide here: nothing happens
    assert db_statuses(db) == {"Only One": "accepted"}


@pytest.fixture
def big_split(tmp_path):
    return make_db(tmp_path, [Inv(f"Person {n:04d}", minutes=n + 1) for n in range(600)])


@pytest.fixture
def small_chunks(monkeypatch):
    """Chunks of 20 rows, so a bulk decision over 600 takes many of them."""
    monkeypatch.setattr(chunking, "FIRST_CHUNK", 20)
    monkeypatch.setattr(chunking, "LARGEST_CHUNK", 20)


def pending_count(db) -> int:
    return sum(1 for status in db_statuses(db).values() if status == "pending")


async def test_a_bulk_decision_is_written_in_chunks_and_undoes_as_one(big_split, small_chunks):
    app = open_app(big_split)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "*", "a", "y")
        await until(pilot, shows(app, "accepted 600 invitations", "z undoes"), "the bulk result")
        assert pending_count(big_split) == 0
        with Store.open(big_split) as store:
            batches = {d.batch for d in store.decisions()}
        assert len(batches) == 1  # thirty chunks, one decision
        await press(pilot, "z")
        await until(pilot, shows(app, "undone: back from accepted (600 invitations)"), "the undo")
        assert pending_count(big_split) == 600
        assert "Pending 600" in screen_text(app)


async def test_a_bulk_decision_shows_progress_and_esc_cancels_after_a_chunk(
    big_split, small_chunks, monkeypatch
):
    # The writer waits in its second chunk until the test has seen the first chunk's
    # progress and pressed Esc, so what happens does not depend on this machine's speed.
    resume = threading.Event()
    real = Store.record_decisions
    chunks = []

    def gated(store, ids, *args, **kwargs):
        made = real(store, ids, *args, **kwargs)
        chunks.append(len(made))
        if len(chunks) == 2:
            resume.wait(WAIT)
        return made

    monkeypatch.setattr(Store, "record_decisions", gated)
    app = open_app(big_split)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("*", "a", "y")
        await until(pilot, shows(app, "accepting… 20 of 600", "Esc cancels"), "the progress")
        await pilot.press("escape")
        resume.set()
        await until(pilot, shows(app, "accepted 40 invitations of 600, then cancelled"), "cancel")
        assert pending_count(big_split) == 560
        await press(pilot, "z")
        await until(pilot, shows(app, "undone: back from accepted (40 invitations)"), "the undo")
    assert pending_count(big_split) == 600


async def test_a_bulk_decision_leaves_what_another_window_decided_meanwhile(
    big_split, small_chunks, monkeypatch
):
    real = Store.record_decisions
    calls = []

    def other_window_acts_during_the_bulk(store, ids, *args, **kwargs):
        calls.append(ids)
        if len(calls) == 2:
            with Store.open(big_split) as other:  # the oldest, last in the list: not reached yet
                other.record_decision(600, "ignore", session="other window")
        return real(store, ids, *args, **kwargs)

    monkeypatch.setattr(Store, "record_decisions", other_window_acts_during_the_bulk)
    app = open_app(big_split)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "*", "a", "y")
        await until(pilot, shows(app, "accepted 599 invitations; 1 decided elsewhere"), "result")
    statuses = db_statuses(big_split)
    assert statuses["Person 0599"] == "ignored"
    assert sum(1 for s in statuses.values() if s == "accepted") == 599
