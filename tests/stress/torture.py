"""Torture: random keys in the real app, concurrent writers, random SIGKILL; nothing lost.

    .venv/bin/python tests/stress/torture.py [--rounds 200] [--writers 2] [--seed 1]

Each round starts ``invite-triage`` in a real pseudo-terminal (read back through pyte, a
terminal emulator) on one inbox, types random keys one at a time (moves, splits, marks,
accept, ignore, undo, bulk decisions and their confirmation, Esc) and records every
decision the status line reports as done: "accepted NAME · z undoes", "ignored 12
invitations · z undoes", "accepting… 400 of 900" (those chunks are committed),
"undone: back from accepted (3 invitations)". Meanwhile writer processes decide, undo,
seed and import on the same file, each logging what it committed. The round ends with a
SIGKILL at a random moment (sometimes mid-write) or, now and then, with q.

After each round a fresh connection checks: PRAGMA integrity_check is ok; every decision
the screen showed is in the decision log (by the app's session, action, name and count);
every writer's logged commit is there; each decided invitation's status is the one its
latest log entry set. Prints rounds, decisions shown, decisions lost, and exits 1 if
anything was lost. Not collected by pytest (tests/stress is not a test module path).
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import pty
import random
import re
import select
import signal
import sqlite3
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections import Counter
from pathlib import Path

import pyte

ROOT = Path(__file__).resolve().parents[2]
COLS, ROWS = 100, 30
KEYS = ["j", "j", "k", "a", "a", "a", "a", "x", "x", "x", "z", "z", "space", "*", "y", "y",
        "n", "escape", "1", "4", "5", "6", "g", "G", "tab"]  # fmt: skip
KEY_BYTES = {"space": b" ", "escape": b"\x1b", "tab": b"\t"}
SINGLE = re.compile(r"\b(accepted|ignored) (.+?) · z undoes")
BULK = re.compile(r"\b(accepted|ignored) ([\d,]+) invitations?\b.*· z undoes")
PROGRESS = re.compile(r"\b(accepting|ignoring)… ([\d,]+) of [\d,]+")
UNDONE = re.compile(r"undone: back from (accepted|ignored|asked) \(([\d,]+) invitations?\)")
ACTION = {"accepted": "accept", "ignored": "ignore", "accepting": "accept", "ignoring": "ignore"}


# ----------------------------------------------------------------------------- the app


class App:
    """The app in a pseudo-terminal, its screen kept by pyte."""

    def __init__(self, db: Path) -> None:
        self.controller, terminal = pty.openpty()
        fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tui", "--db", str(db)],
            stdin=terminal,
            stdout=terminal,
            stderr=terminal,
            env={**os.environ, "TERM": "xterm-256color", "COLUMNS": str(COLS)},
            cwd=ROOT,
            start_new_session=True,
        )
        os.close(terminal)
        self.screen = pyte.Screen(COLS, ROWS)
        self.stream = pyte.ByteStream(self.screen)

    def pump(self, quiet: float, limit: float) -> None:
        """Read output until none has come for ``quiet`` seconds (or ``limit`` passed)."""
        deadline = time.monotonic() + limit
        last = time.monotonic()
        while time.monotonic() < deadline and time.monotonic() - last < quiet:
            ready, _, _ = select.select([self.controller], [], [], 0.02)
            if ready:
                try:
                    data = os.read(self.controller, 65536)
                except OSError:
                    return
                if not data:
                    return
                self.stream.feed(data)
                last = time.monotonic()

    def pump_until(self, wanted: str, limit: float) -> bool:
        """Read output until ``wanted`` is on the screen (or ``limit`` seconds passed)."""
        deadline = time.monotonic() + limit
        while wanted not in self.text() and time.monotonic() < deadline:
            self.pump(quiet=0.05, limit=0.2)
        return wanted in self.text()

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def press(self, key: str) -> None:
        os.write(self.controller, KEY_BYTES.get(key, key.encode()))

    def kill(self) -> None:
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(30)
        os.close(self.controller)


# ----------------------------------------------------------------------------- writers

WRITER = r"""
import json, random, subprocess, sys, time
from tui.store import Store, StoreError
from tui.domain.models import NewInvitation, Person
db, name, log, seed = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
rng = random.Random(seed)
out = open(log, "a", buffering=1)
count = 0
while True:
    time.sleep(rng.uniform(0.02, 0.3))
    roll = rng.random()
    try:
        if roll < 0.05:
            subprocess.run([sys.executable, "-m", "tui", "--db", db, "seed", "-n", "20",
                            "--seed", str(rng.randrange(10**6))], capture_output=True, timeout=120)
            continue
        with Store.open(db) as store:
            if roll < 0.12:
                count += 1
                items = [NewInvitation(Person(name=f"{name} import {count} {n}"), None,
                         "2026-01-20T10:00:00", external_key=f"{name}-{count}-{n}")
                         for n in range(rng.randint(1, 30))]
                store.add_invitations(items)
                continue
            if roll < 0.2:
                for d in store.undo_last(session=name):
                    out.write(json.dumps(["undo", d.invitation_id, d.id]) + "\n")
                continue
            ids = [r[0] for r in store.conn.execute(
                "SELECT id FROM invitations WHERE status IN ('pending','accepted','ignored') "
                "ORDER BY random() LIMIT 3")]
            for i in ids:
                d = store.record_decision(i, rng.choice(["accept", "ignore"]), session=name)
                out.write(json.dumps([d.action, d.invitation_id, d.id]) + "\n")
    except StoreError:
        pass  # refused (another window first) or locked for longer than the busy timeout
"""


def start_writers(db: Path, folder: Path, count: int, seed: int) -> list[subprocess.Popen]:
    writers = []
    for number in range(count):
        name = f"writer-{number}"
        writers.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    WRITER,
                    str(db),
                    name,
                    str(folder / f"{name}.log"),
                    str(seed + number),
                ],
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
                stderr=open(folder / f"{name}.err", "a"),  # noqa: SIM115
            )
        )
    return writers


# ----------------------------------------------------------------------------- one round


def number(text: str) -> int:
    return int(text.replace(",", ""))


def reported(text: str) -> tuple | None:
    """What the status line says was just done, if anything (messages stay until the next)."""
    for line in reversed(text.splitlines()):
        if found := BULK.search(line):
            return ("bulk", ACTION[found.group(1)], number(found.group(2)))
        if found := SINGLE.search(line):
            return ("single", ACTION[found.group(1)], found.group(2))
        if found := UNDONE.search(line):
            return ("undo", "undo", number(found.group(2)))
    return None


def play(app: App, rng: random.Random, keys: int) -> tuple[list, bool]:
    """Type ``keys`` random keys, one at a time; return the decisions the status line
    reported as done (a report is counted when it changes: the same words twice in a row
    count once, so this may under-count, never over-count), and whether to quit with q."""
    shown: list[tuple[str, str | int]] = []
    if not app.pump_until(" of ", limit=60):  # the first screen, its status line
        raise RuntimeError(f"the app never showed its first screen:\n{app.text()}")
    app.pump(quiet=0.2, limit=5)
    progress: Counter = Counter()
    last = reported(app.text())
    for _ in range(keys):
        app.press(rng.choice(KEYS))
        app.pump(quiet=0.15, limit=3)  # a bulk decision keeps reporting as it goes
        text = app.text()
        for found in PROGRESS.finditer(text):
            action = ACTION[found.group(1)]
            progress[action] = max(progress[action], number(found.group(2)))
        now = reported(text)
        if now is not None and now != last:
            kind, action, what = now
            shown.append((action, what))
            if kind == "bulk":
                progress[action] = 0  # the whole is counted now
        last = now
    shown += [(f"{action}-progress", done) for action, done in progress.items() if done]
    return shown, rng.random() < 0.1


def check(db: Path, first_id: int, shown: list, writer_logs: list[Path]) -> list[str]:
    """What was shown (or logged by a writer) but is not in the log."""
    # The writers' logs first: a writer logs a decision only once it is committed, so what
    # is logged now is in any snapshot of the file taken after this.
    logged = [
        (log.stem, json.loads(line))
        for log in writer_logs
        if log.exists()
        for line in log.read_text().splitlines()
    ]
    conn = sqlite3.connect(db)
    lost: list[str] = []
    try:
        if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            lost.append("integrity_check failed")
        rows = conn.execute(
            "SELECT d.id, d.action, d.session, d.batch, p.name FROM decisions d "
            "JOIN invitations i ON i.id = d.invitation_id JOIN people p ON p.id = i.person_id "
            "WHERE d.id >= ? AND d.session LIKE 'app-%'",
            (first_id,),
        ).fetchall()
        names = Counter((action, name) for _, action, _, _, name in rows)
        in_log = Counter(action for _, action, _, _, _ in rows)
        wanted: Counter = Counter()
        for action, what in shown:
            if action.endswith("-progress"):  # chunks reported as written
                base = action.removesuffix("-progress")
                if in_log[base] < what:
                    lost.append(f"{base}: {what} reported in progress, {in_log[base]} in log")
                continue
            wanted[action] += what if isinstance(what, int) else 1
            if isinstance(what, str):  # one named invitation
                name = what.removesuffix("…")
                match = next((k for k in names if k[0] == action and k[1].startswith(name)
                              and names[k] > 0), None)  # fmt: skip
                if match is None:
                    lost.append(f"{action} {what}")
                else:
                    names[match] -= 1
        for action, count in wanted.items():
            if in_log[action] < count:
                lost.append(f"{action}: {count} shown, {in_log[action]} in the log")
        # Every writer's commit is there.
        known = {row[0] for row in conn.execute("SELECT id FROM decisions")}
        for writer, (action, _, decision_id) in logged:
            if action != "undo" and decision_id not in known:
                lost.append(f"writer {writer}: decision {decision_id}")
        # Each decided invitation stands where its latest log entry put it.
        wrong = conn.execute(
            "SELECT count(*) FROM invitations i JOIN decisions d ON d.id = "
            "(SELECT max(id) FROM decisions WHERE invitation_id = i.id) "
            "WHERE i.status != d.new_status"
        ).fetchone()[0]
        if wrong:
            lost.append(f"{wrong} invitations not in the status of their latest decision")
    finally:
        conn.close()
    return lost


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--writers", type=int, default=2)
    parser.add_argument("--invitations", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    folder = Path(tempfile.mkdtemp(prefix="invite-triage-torture-"))
    db = folder / "inbox.db"
    subprocess.run(
        [sys.executable, "-m", "tui", "--db", str(db), "seed", "-n", str(args.invitations)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    writers = start_writers(db, folder, args.writers, args.seed)
    logs = [folder / f"writer-{n}.log" for n in range(args.writers)]
    totals = Counter()
    lost_all: list[str] = []
    started = time.monotonic()
    try:
        for round_number in range(1, args.rounds + 1):
            conn = sqlite3.connect(db, timeout=30)
            first_id = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM decisions").fetchone()[0]
            conn.close()
            app = App(db)
            try:
                shown, quit_politely = play(app, rng, rng.randint(3, 30))
                if quit_politely:
                    app.press("q")
                    app.pump(quiet=0.3, limit=10)
                else:  # mid-write, sometimes: the last key's work may still be running
                    time.sleep(rng.choice([0, 0, 0.01, 0.05, 0.2]))
            finally:
                app.kill()
            lost = check(db, first_id, shown, logs)
            totals["rounds"] += 1
            totals["shown"] += sum(
                1 if isinstance(what, str) else what
                for action, what in shown
                if not action.endswith("-progress")
            )
            totals["lost"] += len(lost)
            lost_all += [f"round {round_number}: {item}" for item in lost]
            for item in lost:
                print(f"LOST round {round_number}: {item} (shown: {shown})", flush=True)
            if round_number % 10 == 0 or lost:
                print(
                    f"round {round_number}: {totals['shown']} decisions shown so far, "
                    f"{totals['lost']} lost ({time.monotonic() - started:.0f} s)",
                    flush=True,
                )
    finally:
        for writer in writers:
            writer.kill()
            writer.wait()
    writer_commits = sum(len(log.read_text().splitlines()) for log in logs if log.exists())
    print(
        f"rounds {totals['rounds']} · decisions shown {totals['shown']} · "
        f"decisions lost {totals['lost']} · writer commits checked {writer_commits} · "
        f"{time.monotonic() - started:.0f} s · files in {folder}"
    )
    return 1 if lost_all else 0


if __name__ == "__main__":
    sys.exit(main())
