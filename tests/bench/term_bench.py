"""Benchmark from outside, in a real pseudo-terminal: start-up and key-to-screen latency.

Runs ``keylat`` (``/work/shared/tools/keylat``, or ``--keylat PATH``) against the app on a
100- and a 1,000,000-invitation inbox (the cached inboxes of ``tui_bench.py``, copied
fresh for every run) and against an empty Textual app (a Label and a Footer,
``empty_app.py``) in the same terminal size:

- **start-up**: seconds from exec until the last byte of the first full screen (keylat's
  ``startup_s``: the output then stays quiet for 1.5 s), median of ``--repeat`` runs, and
  its ratio to the empty app's median;
- **j**, **a**: milliseconds from writing the key until the first and the last byte of the
  app's answer, median and p95 over ``--presses`` presses (120 ms apart).

Several builds can be compared in one run, interleaved so that a busy machine weighs on
each alike: ``--app before=/path/to/old/invite-triage --app after=.venv/bin/invite-triage``.

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
    parser.add_argument(
        "--app", action="append", help="NAME=COMMAND of a build to measure (repeatable)"
    )
    parser.add_argument(
        "--app-cache",
        action="append",
        help="NAME=DIR: that build's inboxes (one of another schema version), else --cache",
    )
    parser.add_argument("--big", type=int, default=1_000_000)
    args = parser.parse_args()

    apps = dict(item.split("=", 1) for item in args.app or [])
    apps = apps or {"app": str(Path(sys.executable).parent / "invite-triage")}
    caches = {
        name: Path(folder) for name, folder in (i.split("=", 1) for i in args.app_cache or [])
    }

    def inboxes(name: str) -> dict[int, Path]:
        folder = caches.get(name, args.cache)
        return {n: folder / f"inbox-{n}.db" for n in (100, args.big)}

    for name in apps:
        for path in inboxes(name).values():
            if not path.exists():
                sys.exit(f"{path} is missing: run tests/bench/tui_bench.py once to build it")
    empty = [sys.executable, str(HERE / "empty_app.py")]

    startup: dict[str, list[float]] = {"empty app": []}
    keys: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(dir=args.cache) as work:
        copy = Path(work) / "inbox.db"
        for _ in range(args.repeat):
            startup["empty app"].append(keylat(args.keylat, args.size, "j", 1, empty)["startup_s"])
            for name, app in apps.items():
                for count, source in inboxes(name).items():
                    shutil.copyfile(source, copy)
                    result = keylat(args.keylat, args.size, "j", 1, [app, "--db", str(copy)])
                    startup.setdefault(f"{name} {count:,}", []).append(result["startup_s"])
        for key in ("j", "a"):
            for name, app in apps.items():
                for count, source in inboxes(name).items():
                    shutil.copyfile(source, copy)
                    command = [app, "--db", str(copy)]
                    keys[f"{name} {count:,} {key}"] = keylat(
                        args.keylat, args.size, key, args.presses, command
                    )

    base = statistics.median(startup["empty app"])
    print(f"terminal benchmark, {args.size}; start-up: median of {args.repeat} runs")
    print(f"{'start-up':32}{'median s':>10}{'x empty':>10}")
    for label, values in startup.items():
        median = statistics.median(values)
        print(f"{label:32}{median:10.3f}{median / base:10.2f}")
    heading = ("first med", "first p95", "last med", "last p95", "answered")
    print(f"{'key to screen, ms':32}" + "".join(f"{h:>10}" for h in heading))
    for label, result in keys.items():
        answered = f"{result['answered']}/{result['sent']}"
        figures = [result[k] for k in ("first_med", "first_p95", "done_med", "done_p95")]
        print(f"{label:32}" + "".join(f"{f:10.2f}" for f in figures) + f"{answered:>10}")


if __name__ == "__main__":
    main()
