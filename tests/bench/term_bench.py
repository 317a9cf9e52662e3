"""Benchmark from outside, in a real pseudo-terminal: start-up and key-to-screen latency.

Runs ``/work/shared/tools/keylat`` (or ``--keylat PATH``) against the app on a 100- and a
1,000,000-invitation inbox (the cached inboxes of ``tui_bench.py``, copied fresh for every
run) and against an empty Textual app (a Label and a Footer, ``empty_app.py``) in the same
terminal size:

- **start-up**: seconds from exec until the last byte of the first full screen (keylat's
  ``startup_s``: output then stays quiet for 1.5 s), median of ``--repeat`` runs, and its
  ratio to the empty app's;
- **j**, **a**: milliseconds from writing the key until the first and the last byte of the
  app's answer, median and p95 over ``--presses`` presses (a run's presses are 120 ms apart).

    .venv/bin/python tests/bench/term_bench.py [--size 80x24] [--presses 40] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def keylat(tool: str, size: str, key: str, presses: int, command: list[str]) -> dict:
    cols, rows = size.split("x")
    done = subprocess.run(
        [sys.executable, tool, cols, rows, key, str(presses), "--", *command],
        capture_output=True,
        text=True,
        check=False,
    )
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        sys.exit(f"keylat failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return json.loads(lines[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="80x24")
    parser.add_argument("--presses", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=5, help="start-up runs per program")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/invite-triage-bench"))
    parser.add_argument("--keylat", default="/work/shared/tools/keylat")
    parser.add_argument("--app", default=str(Path(sys.executable).parent / "invite-triage"))
    parser.add_argument("--big", type=int, default=1_000_000)
    args = parser.parse_args()

    inboxes = {n: args.cache / f"inbox-{n}.db" for n in (100, args.big)}
    for path in inboxes.values():
        if not path.exists():
            sys.exit(f"{path} is missing: run tests/bench/tui_bench.py once to build it")
    empty = [sys.executable, str(HERE / "empty_app.py")]

    def app(db: Path) -> list[str]:
        return [args.app, "--db", str(db)]

    startup: dict[str, list[float]] = {"empty": [], **{str(n): [] for n in inboxes}}
    keys: dict[tuple[str, str], dict] = {}
    with tempfile.TemporaryDirectory(dir=args.cache) as work:
        for run in range(args.repeat):
            startup["empty"].append(keylat(args.keylat, args.size, "j", 1, empty)["startup_s"])
            for count, source in inboxes.items():
                copy = Path(work) / f"run-{count}.db"
                shutil.copyfile(source, copy)
                key = "j" if run < args.repeat - 1 else None
                if key is None:  # the last run measures both keys
                    for measured in ("j", "a"):
                        shutil.copyfile(source, copy)
                        result = keylat(args.keylat, args.size, measured, args.presses, app(copy))
                        keys[str(count), measured] = result
                        startup[str(count)].append(result["startup_s"])
                else:
                    startup[str(count)].append(keylat(args.keylat, args.size, "j", 1, app(copy))["startup_s"])

    base = statistics.median(startup["empty"])
    print(f"terminal benchmark, {args.size}, start-up median of {len(startup['empty'])} runs")
    print(f"{'start-up, s':30}{'median':>10}{'x empty':>10}")
    for name, values in startup.items():
        median = statistics.median(values)
        print(f"{name:30}{median:10.3f}{median / base:10.2f}")
    print(f"{'key (ms)':30}{'first med':>10}{'first p95':>10}{'done med':>10}{'done p95':>10}{'answered':>10}")
    for (count, key), result in keys.items():
        print(
            f"{count + ' ' + key:30}{result['first_med']:10.2f}{result['first_p95']:10.2f}"
            f"{result['done_med']:10.2f}{result['done_p95']:10.2f}"
            f"{str(result['answered']) + '/' + str(result['sent']):>10}"
        )


if __name__ == "__main__":
    main()
