"""Benchmark: the decisions export against a plain ``csv.writer`` dump of the same query.

    .venv/bin/python tests/bench/export_bench.py                  # 1,000,000 decisions
    .venv/bin/python tests/bench/export_bench.py --count 100000   # quicker
    .venv/bin/python tests/bench/export_bench.py --db /tmp/big.db # build once, then reuse

Builds (or reuses) an inbox of N invitations, each with one decision, through the store
API in big batches; then times (wall and CPU, median of a few runs): the query alone, a plain
``csv.writer`` dump of it, our export (formula neutralising, atomic write, fsync) in current
mode, and the ``--all-history`` export. Prints rows per second and the ratio to the plain
dump. A plain script, not collected by pytest.
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from tui.domain.models import ACTIONS, Assessment, NewInvitation, Person
from tui.export import export_decisions
from tui.store import Store

NOTES = (
    None,
    "I'd like to add you to my professional network.",
    "Loved your article on onboarding, would be glad to connect.",
    '=HYPERLINK("http://example.com","click")',
    'Hi,\nwe help teams like yours "scale", can we talk?',
)
FLAGS = (("stock_note", "no_photo"), (), ("sparse_profile",), ("pitch",))
RECOMMENDED = ("ask", "accept", "ask", "ignore")


def build(path: Path, count: int) -> None:
    started = time.perf_counter()

    def items():
        for n in range(count):
            yield NewInvitation(
                person=Person(
                    name=f"Person {n}" if n % 97 else f"-Person {n}",
                    headline=f"Engineer at Company {n % 5000}",
                    company=f"Company {n % 5000}, Ltd",
                ),
                note=NOTES[n % len(NOTES)],
                sent_at=f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}T{n % 24:02d}:00:{n % 60:02d}",
                source="bench",
            )

    def assess(item):
        k = len(item.person.name) % len(FLAGS)
        return Assessment(FLAGS[k], RECOMMENDED[k])

    with Store.open(path, create=True) as store:
        store.add_invitations(items(), assess=assess)
        built = time.perf_counter()
        batch = 50_000
        for start in range(1, count + 1, batch):
            ids = list(range(start, min(start + batch, count + 1)))
            for index, action in enumerate(ACTIONS):
                chosen = ids[index :: len(ACTIONS)]
                store.record_decisions(chosen, action, session=f"bench-{start // batch}")
        decided = time.perf_counter()
        for invitation_id in range(3, min(count, 3000) + 1, 3):  # every third was an "ask"
            store.record_reply(invitation_id, "Growing my network in data engineering.")
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    print(
        f"built {count:,} invitations in {built - started:.1f} s, "
        f"{count:,} decisions in {decided - built:.1f} s, replies in "
        f"{time.perf_counter() - decided:.1f} s"
    )


def timed(runs: int, action) -> tuple[float, float, int]:
    """Median wall time, median CPU time (steadier on a busy machine), and the row count."""
    walls, cpus, rows = [], [], 0
    for _ in range(runs):
        started, cpu = time.perf_counter(), time.process_time()
        rows = action()
        walls.append(time.perf_counter() - started)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus), rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, help="reuse (or build once) this database")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        db = args.db or Path(scratch) / "bench.db"
        if not db.exists():
            build(db, args.count)
        out = Path(scratch) / "out.csv"
        with Store.open(db, readonly=True) as store:

            def query_only():
                return sum(1 for _ in store.export_rows())

            expected_rows = query_only()  # also warms the OS cache before timing

            def plain_dump():
                with out.open("w", encoding="utf-8", newline="") as handle:
                    writer = csv.writer(handle, lineterminator="\r\n")
                    writer.writerow(["header"] * 14)
                    writer.writerows(store.export_rows())
                return expected_rows

            def ours():
                return export_decisions(store, out)

            def ours_history():
                return export_decisions(store, out, all_history=True)

            results = [
                ("query only", *timed(args.runs, query_only)),
                ("plain csv.writer", *timed(args.runs, plain_dump)),
                ("export (current)", *timed(args.runs, ours)),
                ("export --all-history", *timed(args.runs, ours_history)),
            ]
        size = out.stat().st_size
    plain, plain_cpu = results[1][1], results[1][2]
    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} cpus, load {os.getloadavg()[0]:.1f}, "
        f"median of {args.runs} runs"
    )
    for label, wall, cpu, rows in results:
        print(
            f"{label:22} {rows:>10,} rows  wall {wall:6.2f} s {rows / wall:>10,.0f} rows/s "
            f"x{wall / plain:4.2f}  cpu {cpu:6.2f} s x{cpu / plain_cpu:4.2f} of plain"
        )
    print(f"last file: {size / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
