"""Benchmark: how fast ``invite-triage seed`` fills an inbox, against a raw insert.

Prints invitations per second (median of ``--runs``) for:

- ``seed command``: exactly what the seed command runs (``seed_database``: drawing and
  assessing in worker processes for large counts, inserting in this one), into a fresh
  database;
- ``seed, in-process``: the same with ``workers=0`` (one process does everything; the
  path small inboxes take, and large ones on a single core);
- ``raw executemany``: the same rows, already converted to tuples (flag column included),
  inserted with two ``executemany`` calls in one transaction into a fresh database of the
  same schema.

The issue's target is a seed command of at least a quarter of the raw rate, by wall clock.
CPU seconds (this process plus its finished workers) are printed too: with workers they
exceed wall time, and on a shared machine they show how much other processes stretched it.

    .venv/bin/python tests/bench/seed_bench.py [--count 100000] [--runs 3] [--workers N]
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import tempfile
import time
from pathlib import Path

from seed.pipeline import default_workers, prepared_rows
from tui.commands.seed import seed_database
from tui.store import Store, rows

PEOPLE_SQL = f"INSERT INTO people (id, {rows.PERSON_COLUMNS}) VALUES ({', '.join('?' * 18)})"
INVITATIONS_SQL = (
    f"INSERT INTO invitations (person_id, {rows.INVITATION_COLUMNS}) VALUES ({', '.join('?' * 11)})"
)


def cpu_seconds() -> float:
    """CPU time of this process and of the children it has waited for."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def timed(func, *args) -> tuple[float, float]:
    """Wall-clock and CPU seconds one call takes."""
    wall, cpu = time.perf_counter(), cpu_seconds()
    func(*args)
    return time.perf_counter() - wall, cpu_seconds() - cpu


def raw_rows(count: int, seed: int) -> tuple[list, list]:
    people, invitations = [], []
    for number, (person, invitation) in enumerate(prepared_rows(count, seed), start=1):
        people.append((number, *person))
        invitations.append((number, *invitation))
    return people, invitations


def raw_insert(path: Path, people: list, invitations: list) -> None:
    with Store.open(path, create=True) as store, store.transaction() as conn:
        conn.executemany(PEOPLE_SQL, people)
        conn.executemany(INVITATIONS_SQL, invitations)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=None, help="default: as the command")
    args = parser.parse_args()
    count, seed, workers = args.count, args.seed, args.workers

    same = {"count": count, "seed": seed}
    next(prepared_rows(10, seed))  # build the Faker pools once, as any run of the command does
    names = ("seed command", "seed, in-process", "raw executemany")
    results: dict[str, list[float]] = {name: [] for name in names}
    cpu_results: dict[str, list[float]] = {name: [] for name in names}
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(args.runs):
            paths = {name: Path(tmp, f"{run}-{i}.db") for i, name in enumerate(results)}
            steps = [
                ("raw executemany", None),
                ("seed command", lambda p: seed_database(p, **same, workers=workers)),
                ("seed, in-process", lambda p: seed_database(p, **same, workers=0)),
            ]
            # Alternate the order so neither side always runs on a warmer machine.
            if run % 2:
                steps.reverse()
            for name, step in steps:
                gc.collect()
                if step is None:
                    # Rows are built untimed and dropped afterwards: a heap of 100k kept
                    # rows would slow the garbage collector in the other steps.
                    people, invitations = raw_rows(count, seed)
                    wall, cpu = timed(raw_insert, paths[name], people, invitations)
                    del people, invitations
                else:
                    wall, cpu = timed(step, paths[name])
                results[name].append(count / wall)
                cpu_results[name].append(cpu)
            for path in paths.values():
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{path}{suffix}").unlink(missing_ok=True)

    medians = {name: statistics.median(rates) for name, rates in results.items()}
    cpu_medians = {name: statistics.median(seconds) for name, seconds in cpu_results.items()}
    raw = medians["raw executemany"]
    used = default_workers() if workers is None else workers
    auto = " (the command's choice)" if workers is None else ""
    print(f"{count} invitations, seed {seed}, median of {args.runs} runs, {used} workers{auto}")
    print(f"  {'':<18} {'wall clock':>14} {'of raw':>7}   {'CPU s (all processes)':>22}")
    for name in names:
        rate = medians[name]
        print(f"  {name:<18} {rate:>10,.0f} /s {rate / raw:>7.2f}   {cpu_medians[name]:>22.1f}")
    verdict = "meets" if medians["seed command"] >= raw / 4 else "misses"
    print(f"seed command {verdict} the target of a quarter of the raw rate ({raw / 4:,.0f}/s)")


if __name__ == "__main__":
    main()
