"""Benchmark: big writes in chunks, and how long they make another writer wait.

Prints, for a copy of an inbox of ``--count`` invitations (seeded once and kept in
``--cache``):

- a bulk decision over every pending invitation (what ``*`` then ``a`` writes): total
  time, chunks, and the write lock held per chunk (median, p95, max);
- its undo (one ``z``), the same figures;
- seeding 20,000 invitations into it: lock held per chunk (sized to about 100 ms);
- meanwhile a second process makes single decisions in a loop: how long each waited for
  the lock and took (median, p95, max), and how many failed with "database is locked".

    .venv/bin/python tests/bench/chunk_bench.py [--count 1000000] [--cache DIR]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tui.commands.seed import seed_database
from tui.store import Cursor, Filter, Store
from tui.store.bulk import decide_in_chunks, undo_in_chunks

ROOT = Path(__file__).resolve().parents[2]

# A second writer: single decisions (on invitations the bulk decision does not touch,
# then on any), timing each from asking for the lock to its commit.
OTHER = r"""
import json, os, sys, time
from tui.store import Store, StoreError
db, stop = sys.argv[1], sys.argv[2]
times, failed = [], 0
with Store.open(db, verify=False) as store:
    ids = [r[0] for r in store.conn.execute(
        "SELECT id FROM invitations WHERE status = 'asked' LIMIT 200")] or [1]
    n = 0
    print("ready", flush=True)
    while not os.path.exists(stop):
        began = time.perf_counter()
        try:
            store.record_decision(ids[n % len(ids)], "ask", session="other")
        except StoreError:
            failed += 1
        times.append(time.perf_counter() - began)
        n += 1
        time.sleep(0.02)
print(json.dumps({"times": times, "failed": failed}))
"""


def quantiles(values: list[float]) -> str:
    if not values:
        return "none"
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return (
        f"median {statistics.median(ordered) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
        f"max {ordered[-1] * 1000:.0f} ms ({len(ordered)} chunks)"
    )


def other_writer(db: Path) -> tuple[subprocess.Popen, Path]:
    stop = db.parent / f"stop-{time.monotonic_ns()}"
    process = subprocess.Popen(
        [sys.executable, "-c", OTHER, str(db), str(stop)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout.readline().strip() == "ready"  # deciding before the write begins
    return process, stop


def report_other(other: tuple[subprocess.Popen, Path]) -> str:
    process, stop = other
    stop.touch()
    out, _ = process.communicate(timeout=3600)
    found = json.loads(out)
    times = found["times"] or [0.0]
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] if ordered else 0
    return (
        f"{len(times)} single decisions meanwhile: median {statistics.median(times) * 1000:.0f} "
        f"ms, p95 {p95 * 1000:.0f} ms, max {max(times) * 1000:.0f} ms; "
        f"{found['failed']} failed (locked)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "it-chunk-bench"))
    args = parser.parse_args()
    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    source = cache / f"inbox-{args.count}.db"
    if not source.exists():
        print(f"seeding {args.count:,} invitations into {source} (kept for next time)…")
        seed_database(source, count=args.count, seed=7)
    work = Path(tempfile.mkdtemp()) / "inbox.db"
    shutil.copyfile(source, work)  # a copy: nothing has it open
    with Store.open(work, verify=False) as store:
        # A few asked invitations for the other writer, outside the pending split.
        asked = [row.id for row in store.page(Filter(status="pending"), limit=200)]
        store.record_decisions(asked, "ask", session="setup")
        pending = store.count(Filter(status="pending"))
        seen = []
        after = None
        while page := store.seen_page(Filter(status="pending"), after=after, limit=5000):
            seen += [(i, s) for i, s, _ in page]
            after = Cursor(page[-1][2], page[-1][0])
        call = lambda fn, *a, **k: fn(store, *a, **k)  # noqa: E731
        print(f"inbox of {args.count:,}: {pending:,} pending")

        other = other_writer(work)
        time.sleep(3)
        print("another process deciding alone:", report_other(other))

        other = other_writer(work)
        began = time.perf_counter()
        outcome = decide_in_chunks(call, seen, "accept", session="bench")
        took = time.perf_counter() - began
        print(
            f"bulk accept of {outcome.done:,}: {took:.1f} s; lock per chunk "
            f"{quantiles(outcome.chunk_seconds)}"
        )
        print("  meanwhile:", report_other(other))
        other = other_writer(work)
        began = time.perf_counter()
        undone = undo_in_chunks(call, outcome.batch)
        took = time.perf_counter() - began
        print(
            f"undo of {undone.done:,}: {took:.1f} s; lock per chunk "
            f"{quantiles(undone.chunk_seconds)}"
        )
        print("  meanwhile:", report_other(other))

    # Seeding into the same file: the lock is held by each chunk's transaction.
    chunk_times: list[float] = []
    real_write = Store._write_chunk  # noqa: SLF001 (timing the store's own chunk)

    def timed_write(self, prepared, seen, sizer):
        began = time.perf_counter()
        try:
            return real_write(self, prepared, seen, sizer)
        finally:
            chunk_times.append(time.perf_counter() - began)

    Store._write_chunk = timed_write  # type: ignore[method-assign]  # noqa: SLF001
    other = other_writer(work)
    began = time.perf_counter()
    seed_database(work, count=20_000, seed=8)
    print(
        f"seed of 20,000 into it: {time.perf_counter() - began:.1f} s; lock per chunk "
        f"{quantiles(chunk_times)}"
    )
    print("  meanwhile:", report_other(other))
    shutil.rmtree(work.parent)


if __name__ == "__main__":
    main()
