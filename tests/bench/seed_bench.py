"""Benchmark: how fast ``invite-triage seed`` fills an inbox, against a raw insert.

Prints invitations per second (median of ``--runs``) for:

- ``seed path``: what the seed command does (generate, assess with ``tui.assessment``,
  ``Store.add_invitations``), into a fresh database;
- ``seed, assess=None``: the same without the flag engine;
- ``generate only``: the seeder alone, nothing stored;
- ``raw executemany``: the same rows, already converted to tuples, inserted with two
  ``executemany`` calls in one transaction into a fresh database of the same schema.

The issue's target is a seed path of at least a quarter of the raw rate. Wall-clock rates
are the ones that count; rates from CPU time are printed beside them because on a shared
machine other processes stretch wall time unevenly (CPU time leaves out waiting for disk).

    .venv/bin/python tests/bench/seed_bench.py [--count 100000] [--runs 3]
"""

from __future__ import annotations

import argparse
import gc
import statistics
import tempfile
import time
from pathlib import Path

from seed.personas import generate
from tui.commands.seed import seed_database
from tui.store import Store, rows

PEOPLE_SQL = f"INSERT INTO people (id, {rows.PERSON_COLUMNS}) VALUES ({', '.join('?' * 18)})"
INVITATIONS_SQL = (
    "INSERT INTO invitations (person_id, note, sent_at, status, direction, source, "
    "external_key, difficulty, flag_codes, flag_count, recommended) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def timed(func, *args) -> tuple[float, float]:
    """Wall-clock and CPU seconds one call takes."""
    wall, cpu = time.perf_counter(), time.process_time()
    func(*args)
    return time.perf_counter() - wall, time.process_time() - cpu


def raw_rows(count: int, seed: int) -> tuple[list, list]:
    people, invitations = [], []
    for number, item in enumerate(generate(count, seed), start=1):
        people.append((number, *rows.person_values(item.person)))
        invitations.append(
            (
                number,
                item.note,
                item.sent_at,
                item.status,
                item.direction,
                item.source,
                item.external_key,
                item.difficulty,
                "",
                0,
                None,
            )
        )
    return people, invitations


def raw_insert(path: Path, people: list, invitations: list) -> None:
    with Store.open(path, create=True) as store, store.transaction() as conn:
        conn.executemany(PEOPLE_SQL, people)
        conn.executemany(INVITATIONS_SQL, invitations)


def seed_no_assess(path: Path, count: int, seed: int) -> None:
    with Store.open(path, create=True) as store:
        store.add_invitations(generate(count, seed), assess=None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    count, seed = args.count, args.seed

    list(generate(10, seed))  # build the Faker pools once, as any run of the command does
    names = ("seed path", "seed, assess=None", "generate only", "raw executemany")
    results: dict[str, list[float]] = {name: [] for name in names}
    cpu_results: dict[str, list[float]] = {name: [] for name in names}
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(args.runs):
            paths = {name: Path(tmp, f"{run}-{i}.db") for i, name in enumerate(results)}
            steps = [
                ("raw executemany", None),
                ("seed path", lambda p: seed_database(p, count=count, seed=seed)),
                ("seed, assess=None", lambda p: seed_no_assess(p, count, seed)),
                ("generate only", lambda p: sum(1 for _ in generate(count, seed))),
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
                cpu_results[name].append(count / cpu)
            for path in paths.values():
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{path}{suffix}").unlink(missing_ok=True)

    medians = {name: statistics.median(rates) for name, rates in results.items()}
    cpu_medians = {name: statistics.median(rates) for name, rates in cpu_results.items()}
    raw, cpu_raw = medians["raw executemany"], cpu_medians["raw executemany"]
    print(f"{count} invitations, seed {seed}, median of {args.runs} runs")
    print(f"  {'':<20} {'wall clock':>16} {'of raw':>7}   {'by CPU time':>16} {'of raw':>7}")
    for name in names:
        rate, cpu_rate = medians[name], cpu_medians[name]
        print(
            f"  {name:<20} {rate:>12,.0f} /s {rate / raw:>7.2f}   "
            f"{cpu_rate:>12,.0f} /s {cpu_rate / cpu_raw:>7.2f}"
        )
    verdict = "meets" if medians["seed path"] >= raw / 4 else "misses"
    print(f"seed path {verdict} the target of a quarter of the raw rate ({raw / 4:,.0f}/s)")


if __name__ == "__main__":
    main()
