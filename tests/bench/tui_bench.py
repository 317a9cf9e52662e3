"""Benchmark: the app on a 100-invitation and a 1,000,000-invitation inbox, same run.

For each inbox, headless through ``App.run_test`` (Pilot), it prints:

- **first render**: wall and CPU time from creating the app until the inbox list shows its
  first row (the Pilot harness's own start-up is included, and is the same for both);
- **j**: CPU time (``time.process_time``, all threads) around each of ``--presses``
  ``pilot.press("j")``, median and p95; beside it the same for an empty Textual app. Key
  presses come faster than the settle delay, so, as when a user holds ``j``, the detail
  pane catches up once the burst ends (see ``SETTLE_DELAY`` in ``tui.ui.app``);
- **j, isolated**: the same, but waiting after each press until the detail pane shows the
  new row, with the detail render counted: what one press costs when a user taps ``j``;
- **a**: CPU time per ``a`` press until the decision is committed (one transaction, on
  disk) and the next invitation is selected in the list; **a (+detail)**: the same press
  measured on until the detail pane shows that invitation too; **a, whole cycle**: on
  until the app is idle again, which includes preparing the detail of the invitations
  next to the new one (``PREFETCH_DELAY`` in ``tui.ui.inbox.detail_loader``: a quarter of a
  second after the detail shows, while a user reads it). That idle work is not part of
  the press, but it is CPU the decision causes, so it is printed too; the harness polls
  every 5 ms while it waits, which adds about 1-2 ms to this figure;
- **peak RSS**: the high-water mark of the resident set (``VmHWM`` in
  ``/proc/self/status``; ``ru_maxrss`` where there is no ``/proc``) of the process that ran
  the inbox. Each inbox runs in a child process of its own, so the figures do not mix
  (``ru_maxrss`` alone would not do: Linux carries it over from the parent across exec).

Wall time per press through Pilot includes fixed waits of tens of milliseconds and is not
reported. The 1M inbox is built once from a pool of seeded personas (cycled, with distinct
times) and cached under ``--cache`` (default ``/tmp/invite-triage-bench``); every run works
on a fresh copy, so the ``a`` presses never change the cache.

With ``--repeat N`` every child runs N times (the small and the big inbox in turn) and
each figure printed is the median of its N values: on a shared machine a burst of load
lands in one run's p95, not in all of them.

    .venv/bin/python tests/bench/tui_bench.py [--presses 200] [--size 160x48] [--repeat 3]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

BENCH_VERSION = "1"  # bump when the cached inbox must be rebuilt
POOL = 5000
BASE = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)


# ---------------------------------------------------------------------- building inboxes


def build_inbox(path: Path, count: int) -> None:
    """``count`` invitations: a pool of seeded personas cycled with distinct send times."""
    from dataclasses import replace

    from seed.personas import generate
    from tui.domain.assessment import assess
    from tui.store import Store

    pool = list(generate(min(POOL, count), seed=7))
    assessments = {id(item.person): assess(item) for item in pool}

    def items():
        for index in range(count):
            item = pool[index % len(pool)]
            sent = (BASE - timedelta(seconds=37 * index)).isoformat(timespec="seconds")
            yield replace(item, sent_at=sent, status="pending", external_key=None)

    tmp = path.with_suffix(".building")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{tmp}{suffix}").unlink(missing_ok=True)
    with Store.open(tmp, create=True) as store:
        store.add_invitations(items(), assess=lambda item: assessments[id(item.person)])
        store.set_meta("bench_version", BENCH_VERSION)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        store.conn.execute("PRAGMA journal_mode = DELETE")
    os.replace(tmp, path)


def cached_inbox(cache: Path, count: int, rebuild: bool) -> Path:
    from tui.store import Store

    path = cache / f"inbox-{count}.db"
    if path.exists() and not rebuild:
        try:
            with Store.open(path, readonly=True) as store:
                if store.get_meta("bench_version") == BENCH_VERSION:
                    return path
        except Exception:
            pass
    cache.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    print(f"building a {count:,}-invitation inbox in {path} ...", file=sys.stderr, flush=True)
    build_inbox(path, count)
    print(f"  built in {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    return path


# ---------------------------------------------------------------------- measuring (child)


def peak_rss_mb() -> float:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def quantiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"median_ms": statistics.median(ordered) * 1000, "p95_ms": p95 * 1000}


async def wait_until(condition, timeout: float = 60.0, interval: float = 0.001) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the app did not get there in time")
        await asyncio.sleep(interval)


def detail_shown(app) -> bool:
    """Nothing being written or waiting to settle, and the detail shows the cursor row."""
    screen = app.screen
    if screen.settling or screen.deciding:
        return False
    row = screen.inbox.row
    return row is not None and screen.detail.invitation_id == row.id


def settled(app) -> bool:
    """As :func:`detail_shown`, and idle: no worker running, no prefetch due."""
    screen = app.screen
    if screen.prefetch_pending or any(worker.is_running for worker in app.workers):
        return False
    return detail_shown(app)


async def wait_settled(app) -> None:
    """Until :func:`settled` holds on three polls in a row: a worker that has just
    finished still has its completion handled on the next loop turns, and that belongs to
    the work before (the prefetch), not to the next press measured."""
    for _ in range(3):
        await wait_until(lambda: settled(app), interval=0.005)
        await asyncio.sleep(0.005)
    await wait_until(lambda: settled(app), interval=0.005)


async def undo_everything(app, pilot) -> None:
    """Put the small inbox's decisions back (not measured) so ``a`` has rows to decide."""

    def undo_all(store) -> None:
        while store.undo_last(session="bench"):
            pass

    app.gateway.call(undo_all)
    app.screen.refresh_inbox()
    await wait_until(lambda: settled(app) and app.screen.inbox.total > 2)
    await pilot.press("home")
    await wait_settled(app)


async def measure_inbox(db: Path, size: tuple[int, int], presses: int) -> dict:
    from tui.ui.app import InviteTriageApp

    result: dict = {}
    wall0, cpu0 = time.perf_counter(), time.process_time()
    app = InviteTriageApp(db, session="bench", tune_gc=True)  # as the command line runs it
    app.animation_level = "none"
    async with app.run_test(size=size) as pilot:
        await wait_until(lambda: app.screen.is_mounted and app.screen.inbox.row is not None)
        await pilot.pause(0)
        result["first_render_wall_ms"] = (time.perf_counter() - wall0) * 1000
        result["first_render_cpu_ms"] = (time.process_time() - cpu0) * 1000
        await wait_settled(app)
        await pilot.press("home")

        inbox = app.screen.inbox

        async def rewind_at_the_end() -> None:
            """A small inbox runs out of rows: go back to the top (not measured)."""
            if inbox.cursor >= inbox.total - 1:
                await pilot.press("home")
                await wait_settled(app)

        samples = []
        for _ in range(presses):
            await rewind_at_the_end()
            start = time.process_time()
            await pilot.press("j")
            samples.append(time.process_time() - start)
        result["j"] = quantiles(samples)
        await wait_settled(app)

        samples = []
        for _ in range(min(presses, 50)):
            await rewind_at_the_end()
            start = time.process_time()
            await pilot.press("j")
            await wait_until(lambda: detail_shown(app))
            samples.append(time.process_time() - start)
            await wait_settled(app)  # the user reads; neighbours get prepared (not counted)
        result["j_isolated"] = quantiles(samples)

        await pilot.press("home")
        await wait_settled(app)
        listed, shown, cycle = [], [], []
        for _ in range(presses):
            if inbox.total <= 2:
                await undo_everything(app, pilot)
            before = inbox.row.id
            start = time.process_time()
            await pilot.press("a")
            # Committed (the list only changes once the store has returned) and the next
            # invitation selected in the list ...
            await wait_until(
                lambda before=before: (
                    not app.screen.deciding and inbox.row is not None and inbox.row.id != before
                )
            )
            listed.append(time.process_time() - start)
            # ... and then shown in the detail pane too ...
            await wait_until(lambda: detail_shown(app))
            shown.append(time.process_time() - start)
            # ... and the app idle again, the next invitations prepared.
            await wait_settled(app)
            cycle.append(time.process_time() - start)
        result["a"] = quantiles(listed)
        result["a_detail"] = quantiles(shown)
        result["a_cycle"] = quantiles(cycle)
        result["decided"] = presses
    result["peak_rss_mb"] = peak_rss_mb()
    return result


async def measure_empty(size: tuple[int, int], presses: int) -> dict:
    from textual.app import App

    app = App()
    app.animation_level = "none"
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        samples = []
        for _ in range(presses):
            start = time.process_time()
            await pilot.press("j")
            samples.append(time.process_time() - start)
    result = {"j": quantiles(samples)}
    result["peak_rss_mb"] = peak_rss_mb()
    return result


def child(args) -> None:
    size = tuple(int(n) for n in args.size.split("x"))
    if args.db:
        result = asyncio.run(measure_inbox(Path(args.db), size, args.presses))
    else:
        result = asyncio.run(measure_empty(size, args.presses))
    print(json.dumps(result))


# ---------------------------------------------------------------------- the report (parent)


def run_child(args, db: Path | None) -> dict:
    command = [
        sys.executable,
        __file__,
        "--child",
        "--size",
        args.size,
        "--presses",
        str(args.presses),
    ]
    if db is not None:
        command += ["--db", str(db)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"benchmark child failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def median_of(results: list[dict]) -> dict:
    """Each figure's median over repeated runs (a noisy neighbour spoils one run, not all)."""
    first = results[0]
    if isinstance(first, dict):
        return {key: median_of([result[key] for result in results]) for key in first}
    return statistics.median(results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=200)
    parser.add_argument("--size", default="160x48", help="terminal size, COLSxROWS")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/invite-triage-bench"))
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached inboxes")
    parser.add_argument("--big", type=int, default=1_000_000, help="size of the big inbox")
    parser.add_argument(
        "--repeat", type=int, default=1, help="run every child this many times, print medians"
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return

    sources = {n: cached_inbox(args.cache, n, args.rebuild) for n in (100, args.big)}
    runs: dict[int | None, list[dict]] = {100: [], args.big: [], None: []}
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory(dir=args.cache) as work:
            for count, source in sources.items():
                copy = Path(work) / f"run-{count}.db"
                shutil.copyfile(source, copy)
                with open(copy, "rb+") as handle:  # flush it now, not in the app's first fsync
                    os.fsync(handle.fileno())
                runs[count].append(run_child(args, copy))
        runs[None].append(run_child(args, None))

    small, big, empty = (median_of(runs[key]) for key in (100, args.big, None))
    repeats = f", median of {args.repeat} runs" if args.repeat > 1 else ""
    print(f"invite-triage app benchmark, {args.size}, {args.presses} presses per figure{repeats}")
    print(f"{'':34}{'100':>12}{f'{args.big:,}':>12}{'ratio':>8}{'empty app':>12}")

    def row(label, key, sub=None, empty_value=None):
        a = small[key][sub] if sub else small[key]
        b = big[key][sub] if sub else big[key]
        ratio = b / a if a else float("nan")
        tail = f"{empty_value:12.2f}" if empty_value is not None else ""
        print(f"{label:34}{a:12.2f}{b:12.2f}{ratio:8.2f}{tail}")

    row("first render, wall ms", "first_render_wall_ms")
    row("first render, CPU ms", "first_render_cpu_ms")
    row("j, CPU ms per press, median", "j", "median_ms", empty["j"]["median_ms"])
    row("j, CPU ms per press, p95", "j", "p95_ms", empty["j"]["p95_ms"])
    row("j isolated (+detail), median", "j_isolated", "median_ms")
    row("j isolated (+detail), p95", "j_isolated", "p95_ms")
    row("a, CPU ms per press, median", "a", "median_ms")
    row("a, CPU ms per press, p95", "a", "p95_ms")
    row("a (+detail), median", "a_detail", "median_ms")
    row("a (+detail), p95", "a_detail", "p95_ms")
    row("a, whole cycle (+prefetch), median", "a_cycle", "median_ms")
    row("a, whole cycle (+prefetch), p95", "a_cycle", "p95_ms")
    row("peak RSS, MB (VmHWM)", "peak_rss_mb", None, empty["peak_rss_mb"])


if __name__ == "__main__":
    main()
