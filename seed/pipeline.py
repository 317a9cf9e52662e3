"""Seeded invitations turned into rows ready to store, drawn in worker processes when many.

Drawing an invitation and running the flag engine on it cost about three times what
storing it does, and only one process can write to SQLite. So for a large inbox, worker
processes each draw whole chunks (see ``seed.personas.CHUNK``), assess them and convert
them to column tuples, while the calling process only inserts. Chunks are handed back in
order, and each chunk has its own random stream, so the rows are the same whatever the
number of workers: the same seed still gives a byte-identical inbox.

Small inboxes (the demo, tests) are drawn in-process: starting workers would cost more
than it saves, and a plain loop is easier to follow in a traceback.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from seed import personas
from seed.personas import CHUNK

PARALLEL_FROM = 20_000  # below this, workers cost more than they save
MAX_WORKERS = 4


def prepared_rows(
    count: int, seed: int, locales=None, *, workers: int | None = None
) -> Iterator[tuple[tuple, tuple]]:
    """``(person values, invitation values)`` for ``Store.add_rows``, in inbox order.

    ``workers``: processes to draw in (0 = in this process); by default one per core
    available when ``count`` is at least ``PARALLEL_FROM``, else none.
    """
    if count < 0:
        raise ValueError(f"count must be zero or more, not {count}")
    if workers is None:
        workers = default_workers() if count >= PARALLEL_FROM else 0
    if workers < 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield from _rows(count, seed, locales)
        return
    # Build the Faker pools and the note classifier before forking: workers inherit them.
    next(_rows(1, seed, locales), None)
    yield from _in_workers(count, seed, locales, workers)


def default_workers() -> int:
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return min(cores, MAX_WORKERS) if cores > 1 else 0


def _rows(count: int, seed: int, locales, start: int = 0) -> Iterator[tuple[tuple, tuple]]:
    from tui.domain.assessment import assess
    from tui.store.rows import invitation_values, person_values

    for item in personas.generate(count, seed, locales, start=start):
        yield person_values(item.person), invitation_values(item, assess(item))


def _chunk(count: int, seed: int, locales, start: int) -> list[tuple[tuple, tuple]]:
    return list(_rows(count, seed, locales, start))


def _start_worker(parent: int) -> None:
    # Ctrl-C reaches the whole process group; the parent alone decides what happens next.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A parent killed outright cannot stop its workers, which would wait for work forever.
    threading.Thread(target=_end_with, args=(parent,), daemon=True).start()


def _end_with(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _in_workers(count: int, seed: int, locales, workers: int) -> Iterator[tuple[tuple, tuple]]:
    """Chunks drawn by ``workers`` processes, yielded in order.

    Only a few chunks are in flight at a time, so memory stays flat however large the
    inbox, and a worker's exception is raised here when its chunk's turn comes. Workers
    are forked while the caller may hold an SQLite connection open: they never touch it,
    and leave by ``os._exit`` (as multiprocessing's forked children do), closing nothing.
    """
    chunks = ((min(CHUNK, count - start), start) for start in range(0, count, CHUNK))
    pool = ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_start_worker,
        initargs=(os.getpid(),),
    )
    pending: deque[Future] = deque()
    try:
        for size, start in chunks:
            pending.append(pool.submit(_chunk, size, seed, locales, start))
            if len(pending) > 2 * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
