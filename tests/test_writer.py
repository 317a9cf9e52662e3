"""The writer thread: jobs run in order, off the caller's thread, and survive a bad job."""

import threading

import pytest

from tui.ui.writer import Writer


def test_jobs_run_in_order_on_one_other_thread():
    writer = Writer()
    seen: list[tuple[int, str]] = []
    for n in range(50):
        writer.submit(lambda n=n: seen.append((n, threading.current_thread().name)))
    writer.close()
    writer.join(5)
    assert [n for n, _ in seen] == list(range(50))
    assert {name for _, name in seen} == {"invite-triage-writer"}


def test_a_job_that_raises_does_not_stop_the_next():
    writer = Writer()
    done = threading.Event()

    def bad():
        raise ValueError("boom")

    writer.submit(bad)
    writer.submit(done.set)
    assert done.wait(5)
    writer.close()


def test_queued_jobs_finish_after_close_and_nothing_new_is_taken():
    writer = Writer()
    gate = threading.Event()
    seen = []
    writer.submit(gate.wait, 5)
    writer.submit(seen.append, "queued before close")
    writer.close()
    with pytest.raises(RuntimeError):
        writer.submit(seen.append, "after close")
    gate.set()
    writer.join(5)
    assert seen == ["queued before close"]


async def test_quitting_while_a_decision_is_written_keeps_it(tmp_path, monkeypatch):
    import time

    from conftest import db_statuses, make_db, open_app, settle

    from tui.store import Store

    db = make_db(tmp_path)
    original = Store.record_decisions

    def slow(self, *args, **kwargs):
        time.sleep(0.3)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Store, "record_decisions", slow)
    app = open_app(db)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        first = app.screen.inbox.row.name
        await pilot.press("a")
        await pilot.press("ctrl+q")
    assert db_statuses(db)[first] == "accepted"
