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
