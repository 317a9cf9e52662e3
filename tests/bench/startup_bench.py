"""Benchmark: how long the app takes to start until the first invitation's detail shows.

Each run is a fresh interpreter (nothing cached), headless through ``App.run_test``, on a
100-invitation seeded inbox. It prints the medians of:

- **import**: importing the app module;
- **first row**: from before the import until the inbox list shows its first row;
- **detail**: from before the import until the detail pane shows that invitation with its
  flags and evidence, which is where the note reader first reads a note (and so where its
  model file is read).

``--code DIR`` runs another checkout's code (for example ``main``, unpacked with
``git archive main | tar -x -C DIR``) against the same inbox, so two versions can be compared
on one machine at one time; the inbox is seeded by the code being measured.

    .venv/bin/python tests/bench/startup_bench.py [--runs 7] [--code DIR ...]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve()
REPO = HERE.parents[2]


async def _measure(db: str) -> dict:
    started = time.perf_counter()
    from tui.ui.app import InviteTriageApp

    imported = time.perf_counter()
    sys.path.insert(0, str(HERE.parent))
    from tui_bench import detail_shown, wait_until

    app = InviteTriageApp(db, session="bench", tune_gc=True)
    app.animation_level = "none"
    result = {"import_ms": (imported - started) * 1000}
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(lambda: app.screen.is_mounted and app.screen.inbox.row is not None)
        await pilot.pause(0)
        result["first_row_ms"] = (time.perf_counter() - started) * 1000
        await wait_until(lambda: detail_shown(app))
        result["detail_ms"] = (time.perf_counter() - started) * 1000
    return result


def _child(db: str) -> None:
    print(json.dumps(asyncio.run(_measure(db))))


def _run(code: Path, db: str, runs: int) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(code)}
    samples: dict[str, list[float]] = {}
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, str(HERE), "--child", db],
            cwd=code, env=env, capture_output=True, text=True, check=True,
        )  # fmt: skip
        for key, value in json.loads(done.stdout.strip().splitlines()[-1]).items():
            samples.setdefault(key, []).append(value)
    return {key: statistics.median(values) for key, values in samples.items()}


def _seed(code: Path, db: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(code)}
    script = (
        "import sys; from tui.commands.seed import seed_database; "
        "seed_database(sys.argv[1], count=100, seed=7, workers=0)"
    )
    subprocess.run([sys.executable, "-c", script, db], cwd=code, env=env, check=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--code", type=Path, action="append", default=[])
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child)
        return
    print(f"{'code':<28}{'import ms':>11}{'first row ms':>14}{'detail ms':>11}")
    for code in [REPO, *args.code]:
        with tempfile.TemporaryDirectory() as folder:
            db = str(Path(folder) / "inbox.db")
            _seed(code, db)
            medians = _run(code.resolve(), db, args.runs)
        print(f"{str(code)[-28:]:<28}{medians['import_ms']:>11.1f}"
              f"{medians['first_row_ms']:>14.1f}{medians['detail_ms']:>11.1f}")  # fmt: skip


if __name__ == "__main__":
    main()
