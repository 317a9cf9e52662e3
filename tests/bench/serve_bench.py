"""Benchmark: how many trainees one machine serves with ``invite-triage serve``.

Starts ``serve`` (training, ``--scenario mixed-inbox``) on a free local port and, for each
N in ``--sessions`` (default 1, 10, 30), opens N sessions at once over the WebSocket,
speaking textual-serve's protocol as the page's JavaScript does (no browser: what is
measured is the server and the app processes, not Chromium). Each session types a name
and waits for its inbox, then presses ``j`` and ``k`` in turn (``--presses`` times, with
a pause of ``--think`` seconds between presses, as a person reading would), all sessions
at the same time. It prints, per N:

- **start-up**: seconds from opening the WebSocket to the name screen, and from Enter on
  the name to the inbox with its rows (median and worst of the N sessions). All N start
  at the same instant, the worst case of a class told "go";
- **key**: milliseconds from sending a key to receiving the frame that shows the list's
  new position (``2 of 30`` / ``1 of 30``): the round trip a trainee feels, through the
  server, the app and back (median and p95 over every press of every session);
- **start CPU**: CPU seconds a session process has used by the time its inbox shows
  (Python, Textual, building the exercise): the cost that decides how fast a whole class
  gets going on a given number of cores, whatever else the machine is doing;
- **decide**: milliseconds from ``x`` (ignore) to the verdict on screen, every session
  deciding at the same moment: the decision is committed to the session's exercise and,
  with the session's results, to the one results database all sessions share (WAL, busy
  timeout); afterwards every session must have its decision in that database;
- **memory**: resident (RSS) and proportional (PSS: shared pages split between the
  processes sharing them, the fair share of the machine) memory per session process,
  median, read from ``/proc/PID/smaps_rollup`` once all N are in their inbox; the
  server's own RSS;
- **idle CPU**: percent of one core per session while the trainees read (the simulated
  clock ticks twice a second, and the banner repaints);
- **end**: seconds from closing all N WebSockets until every session process has exited.

Quote medians and ratios: the machine (2 cores) is shared and noisy. Loopback only;
everything it starts, it stops.

    .venv/bin/python tests/bench/serve_bench.py [--sessions 1 10 30] [--presses 20]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for _serve_support

from _serve_support import pid_alive, running_server, terminal, wait_until

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def memory_kib(pid: int) -> tuple[int, int]:
    """(RSS, PSS) in KiB."""
    fields = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value, *_ = line.split()
        fields[name.rstrip(":")] = int(value)
    return fields["Rss"], fields["Pss"]


def cpu_seconds(pid: int) -> float:
    parts = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(parts[11]) + int(parts[12])) / CLOCK_TICKS  # utime + stime


def saved_decisions(db: Path, count: int) -> int:
    """Sessions of this round (the newest ``count``) whose decision reached the results."""
    from tui.store import Store

    with Store.open(db, readonly=True) as store:
        sessions = sorted(store.sessions(), key=lambda s: s.started_at)[-count:]
        return sum(any(r.outcome != "undecided" for r in store.results(s.id)) for s in sessions)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def one_session(server, number: int, ready: asyncio.Event, args, out: dict) -> None:
    async with terminal(server, 100, 30) as tab:
        opened = time.monotonic()
        await tab.wait_for("Type your name", timeout=300)
        named = time.monotonic()
        await tab.type(f"bench {number}\r")
        await tab.wait_for(" of 30", timeout=300)  # the list's position: rows are in
        out["name_screen"].append(named - opened)
        out["inbox"].append(time.monotonic() - named)
        out["ready"] += 1
        await ready.wait()
        for press in range(args.presses):
            key, expect = ("j", "2 of 30") if press % 2 == 0 else ("k", "1 of 30")
            sent = time.monotonic()
            await tab.type(key)
            await tab.wait_for(expect, timeout=120)
            out["keys"].append((time.monotonic() - sent) * 1000)
            await asyncio.sleep(args.think)
        sent = time.monotonic()
        await tab.type("x")  # a decision: written to the exercise and to the shared results
        await tab.wait_for("policy:", timeout=120)
        out["decide"].append((time.monotonic() - sent) * 1000)
        out["done"] += 1
        await out["close"].wait()


async def measure(server, count: int, args) -> dict:
    out = {"name_screen": [], "inbox": [], "keys": [], "decide": [], "ready": 0, "done": 0}
    out["close"] = asyncio.Event()
    ready = asyncio.Event()
    tasks = [asyncio.create_task(one_session(server, n, ready, args, out)) for n in range(count)]
    await wait_until(lambda: out["ready"] == count or any(t.done() for t in tasks), timeout=600)
    for task in tasks:
        if task.done():
            task.result()  # a session that failed: say why
    pids = [int((d / "pid").read_text()) for d in server.session_dirs()]
    memory = [memory_kib(pid) for pid in pids]
    before = {pid: cpu_seconds(pid) for pid in pids}
    idle_start = time.monotonic()
    await asyncio.sleep(args.idle)
    idle_cpu = [
        (cpu_seconds(pid) - before[pid]) / (time.monotonic() - idle_start) * 100 for pid in pids
    ]
    server_rss = memory_kib(server.process.pid)[0]
    ready.set()
    await wait_until(lambda: out["done"] == count, timeout=600)
    out["close"].set()
    closing = time.monotonic()
    await asyncio.gather(*tasks)
    await wait_until(lambda: not any(pid_alive(p) for p in pids), timeout=120)
    out["end"] = time.monotonic() - closing
    out["saved"] = saved_decisions(server.db, count)
    await wait_until(lambda: not server.session_dirs(), timeout=120)
    out["rss"] = statistics.median(m[0] for m in memory) / 1024
    out["pss"] = statistics.median(m[1] for m in memory) / 1024
    out["pss_total"] = sum(m[1] for m in memory) / 1024
    out["server_rss"] = server_rss / 1024
    out["idle_cpu"] = statistics.median(idle_cpu)
    out["start_cpu"] = statistics.median(before.values())
    return out


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, nargs="+", default=[1, 10, 30])
    parser.add_argument("--presses", type=int, default=20)
    parser.add_argument("--think", type=float, default=0.3, help="seconds between presses")
    parser.add_argument("--idle", type=float, default=5.0, help="seconds of idle CPU sampling")
    args = parser.parse_args()
    print(f"cores: {os.cpu_count()}, think time {args.think}s, {args.presses} presses each")
    header = (
        f"{'N':>3} {'name screen s':>14} {'inbox s':>10} {'key ms':>13} {'decide ms':>11} "
        f"{'saved':>5} {'start CPU':>9} "
        f"{'RSS MiB':>8} {'PSS MiB':>8} {'PSS all':>8} {'idle CPU':>9} {'end s':>6} {'server':>7}"
    )
    print(header)
    with tempfile.TemporaryDirectory() as folder:
        limit = str(max(args.sessions))
        with running_server(
            Path(folder), "--scenario", "mixed-inbox", "--max-sessions", limit
        ) as server:
            for count in args.sessions:
                r = await measure(server, count, args)
                keys = r["keys"]
                print(
                    f"{count:>3} "
                    f"{statistics.median(r['name_screen']):>6.1f} / {max(r['name_screen']):>5.1f} "
                    f"{statistics.median(r['inbox']):>4.1f} / {max(r['inbox']):>3.1f} "
                    f"{statistics.median(keys):>5.0f} / {pct(keys, 0.95):>5.0f} "
                    f"{statistics.median(r['decide']):>4.0f} / {max(r['decide']):>4.0f} "
                    f"{r['saved']:>5} "
                    f"{r['start_cpu']:>8.2f}s "
                    f"{r['rss']:>8.0f} {r['pss']:>8.0f} {r['pss_total']:>8.0f} "
                    f"{r['idle_cpu']:>8.1f}% {r['end']:>6.1f} {r['server_rss']:>7.0f}",
                    flush=True,
                )
    print(
        "start-up and decide: median / worst; key: median / p95; saved: sessions whose "
        "decision is in the results database; memory: median per session"
    )


if __name__ == "__main__":
    asyncio.run(main())
