"""Files that are not (healthy) inboxes, given as --db to every command.

Each is refused with one line and exit code 1, and left exactly as it was: the same bytes
(sha256 before and after) and no -wal, -shm or -journal beside it. The plain app run is
started in a real pseudo-terminal, as a user starts it.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
from _terminal import run_in_a_terminal
from click.testing import CliRunner
from conftest import make_db

from tui.cli import main
from tui.store import SCHEMA_VERSION, Store


def inbox(tmp_path: Path) -> Path:
    path = make_db(tmp_path, name="made.db")
    with Store.open(path) as store:  # everything in the main file, none in a -wal
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def text_file(tmp_path, path):
    path.write_bytes(b"my precious notes\n" * 200)


def sqlite_magic_then_garbage(tmp_path, path):
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 84 + b"\xff" * 8000)


def damaged_past_the_first_pages(tmp_path, path):
    data = bytearray(inbox(tmp_path).read_bytes())
    data[-8192:] = b"\x13" * 8192  # header, schema and first pages intact
    path.write_bytes(bytes(data))


def truncated(tmp_path, path):
    data = inbox(tmp_path).read_bytes()
    path.write_bytes(data[: len(data) // 2])


def newer_schema(tmp_path, path):
    made = inbox(tmp_path)
    conn = sqlite3.connect(made)
    conn.execute("PRAGMA journal_mode = DELETE")  # so that a switch to WAL would show
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    path.write_bytes(made.read_bytes())


def another_programs_database(tmp_path, path):
    conn = sqlite3.connect(tmp_path / "other.db")  # rollback journal, SQLite's default
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.execute("INSERT INTO recipes VALUES ('soup')")
    conn.commit()
    conn.close()
    path.write_bytes((tmp_path / "other.db").read_bytes())


def empty_file(tmp_path, path):
    path.write_bytes(b"")


HOSTILE = [
    text_file,
    sqlite_magic_then_garbage,
    damaged_past_the_first_pages,
    truncated,
    newer_schema,
    another_programs_database,
    empty_file,
]

# An empty file is where seed and import are allowed to create the inbox.
CREATING = {"seed", "seed --reset", "import", "simulate --save"}


def commands(tmp_path) -> dict[str, list[str]]:
    cases = tmp_path / "cases.jsonl"
    cases.write_text(json.dumps({"name": "A Person", "sent_at": "2026-01-01T10:00:00"}) + "\n")
    return {
        "seed": ["seed", "-n", "2"],
        "seed --reset": ["seed", "-n", "2", "--reset"],
        "import": ["import", str(cases)],
        "explain": ["explain"],
        "export": ["export", "-o", str(tmp_path / "out.csv")],
        "report": ["report"],
        "simulate --save": ["simulate", "--scenario", "the-post", "--save"],
    }


def fingerprint(path: Path) -> tuple[str, list[str]]:
    """The file's sha256 and every file beside it that shares its name."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    companions = sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name))
    return digest, companions


def assert_refused(exit_code: int, output: str, path: Path, before) -> None:
    lines = [line for line in output.splitlines() if line.strip()]
    assert exit_code == 1, output
    assert len(lines) == 1, output
    assert lines[0].startswith("invite-triage: error: "), output
    assert "Traceback" not in output
    assert fingerprint(path) == before


@pytest.mark.parametrize("make", HOSTILE, ids=lambda f: f.__name__)
def test_every_command_refuses_the_file_and_leaves_it_as_it_was(tmp_path, make):
    path = tmp_path / "inbox.db"
    make(tmp_path, path)
    before = fingerprint(path)
    assert before[1] == ["inbox.db"]
    for name, args in commands(tmp_path).items():
        if make is empty_file and name in CREATING:
            continue
        result = CliRunner().invoke(main, ["--db", str(path), *args])
        assert_refused(result.exit_code, result.output, path, before)


@pytest.mark.parametrize("make", HOSTILE, ids=lambda f: f.__name__)
def test_the_plain_app_run_refuses_the_file_in_one_line(tmp_path, make):
    path = tmp_path / "inbox.db"
    make(tmp_path, path)
    before = fingerprint(path)
    code, output = run_in_a_terminal(["--db", str(path)])
    assert_refused(code, output, path, before)
