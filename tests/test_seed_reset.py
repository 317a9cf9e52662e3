"""``seed --reset`` against what goes wrong: a full disk, a kill, a window with the inbox open."""

from __future__ import annotations

import hashlib
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from tui.cli import main
from tui.commands import seed as seed_command
from tui.store import Store, StoreError, connection

ROOT = Path(__file__).parent.parent


def run(*args):
    return CliRunner().invoke(main, [*map(str, args)])


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def builds(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".building-" in p.name)


def capped_open(pages: int):
    """Store.open whose connections to a reseed's build file can hold only ``pages``
    pages: SQLite then fails exactly as on a full disk (SQLITE_FULL)."""
    real = Store.open

    def open_(path, *args, **kwargs):
        store = real(path, *args, **kwargs)
        if ".building-" in str(path):
            store.conn.execute(f"PRAGMA max_page_count = {pages}")
        return store

    return open_


def test_a_reseed_that_fills_the_disk_says_so_and_keeps_the_old_inbox(tmp_path, monkeypatch):
    db = tmp_path / "inbox.db"
    assert run("--db", db, "seed", "-n", "30").exit_code == 0
    before = sha(db)
    monkeypatch.setattr(seed_command.Store, "open", capped_open(40))
    result = run("--db", db, "seed", "-n", "2000", "--reset")
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "the disk is full" in lines[0], result.output
    assert sha(db) == before
    assert builds(tmp_path) == []


def test_a_full_disk_while_creating_is_not_called_damage(tmp_path, monkeypatch):
    real = sqlite3.connect

    def no_room(*args, **kwargs):
        conn = real(*args, **kwargs)
        conn.execute("PRAGMA max_page_count = 1")  # the schema does not fit
        return conn

    monkeypatch.setattr(connection.sqlite3, "connect", no_room)
    try:
        Store.open(tmp_path / "new.db", create=True)
    except StoreError as exc:
        assert "the disk is full" in str(exc)
        assert "damaged" not in str(exc)
    else:
        raise AssertionError("a database that cannot grow was opened")


def test_a_killed_reseed_leaves_its_build_file_only_until_the_next_seed(tmp_path):
    db = tmp_path / "inbox.db"
    assert run("--db", db, "seed", "-n", "20").exit_code == 0
    before = sha(db)
    process = subprocess.Popen(
        [sys.executable, "-m", "tui", "--db", str(db), "seed", "-n", "300000", "--reset"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not any((tmp_path / name).stat().st_size for name in builds(tmp_path)):
            assert process.poll() is None, "the reseed ended before it was killed"
            assert time.monotonic() < deadline, "the reseed never started building"
            time.sleep(0.05)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(60)
    assert builds(tmp_path)  # what a kill leaves
    assert sha(db) == before  # the old inbox was never touched
    assert run("--db", db, "seed", "-n", "1").exit_code == 0
    assert builds(tmp_path) == []


def test_a_reseed_reaches_a_window_that_has_the_inbox_open(tmp_path):
    db = tmp_path / "inbox.db"
    assert run("--db", db, "seed", "-n", "30", "--seed", "1").exit_code == 0
    window = Store.open(db)
    try:
        window.record_decision(1, "accept", session="window")
        assert run("--db", db, "seed", "-n", "12", "--seed", "2", "--reset").exit_code == 0
        # The window sees the new inbox (not the old file, unlinked under it) and what it
        # writes next lands in the file everyone else reads.
        assert window.counts()["all"] == 12
        window.record_decision(2, "ignore", session="window")
    finally:
        window.close()
    with Store.open(db) as fresh:
        assert fresh.counts()["ignored"] == 1 and fresh.counts()["all"] == 12
        assert fresh.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
