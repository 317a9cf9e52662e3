"""Opening files: bad ones are refused with one line and left exactly as they were."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest
import sqlite_utils

from tui.domain.models import NewInvitation, Person
from tui.store import SCHEMA_VERSION, Filter, Store, StoreError, schema
from tui.store.schema import MIGRATIONS, migrate


def make_inbox(path, names=("Kept Person",)):
    with Store.open(path, create=True) as store:
        store.add_invitations(
            NewInvitation(person=Person(name=n), note=None, sent_at="2026-01-01T00:00:00")
            for n in names
        )


def test_missing_file_is_not_created_unless_asked(tmp_path):
    path = tmp_path / "typo.db"
    with pytest.raises(StoreError, match="no database at"):
        Store.open(path)
    assert not path.exists()


def test_non_sqlite_file_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"my precious notes\n" * 100)
    before = path.read_bytes()
    for create in (False, True):
        with pytest.raises(StoreError, match="not an SQLite database"):
            Store.open(path, create=create)
    assert path.read_bytes() == before


def test_corrupt_database_is_refused(tmp_path):
    path = tmp_path / "inbox.db"
    make_inbox(path)
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wreck the schema page, keep the magic header
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="is damaged"):
        Store.open(path)


def test_newer_schema_is_refused_and_not_downgraded(tmp_path):
    path = tmp_path / "future.db"
    make_inbox(path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer than this invite-triage knows"):
        Store.open(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 5
    conn.close()


def test_other_programs_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="another program"):
        Store.open(path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_file_is_refused_for_writing_but_readable(tmp_path):
    path = tmp_path / "inbox.db"
    make_inbox(path)
    path.chmod(0o444)
    with pytest.raises(StoreError, match="read-only"):
        Store.open(path)
    with Store.open(path, readonly=True) as store:
        assert store.counts()["pending"] == 1


def test_read_only_open_never_writes(tmp_path):
    path = tmp_path / "inbox.db"
    make_inbox(path)
    with Store.open(path, readonly=True) as store:
        assert store.counts()["pending"] == 1
        with pytest.raises(StoreError, match="cannot write"):
            store.record_decision(1, "accept")


def test_migrates_an_older_file_keeping_its_data(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, 0, target=1)
    db = sqlite_utils.Database(conn)
    db["people"].insert({"id": 1, "name": "From v1"})
    db["invitations"].insert(
        {"id": 1, "person_id": 1, "sent_at": "2025-12-01T00:00:00", "status": "pending"}
    )
    conn.close()
    with Store.open(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert [r.name for r in store.page(Filter())] == ["From v1"]
        store.record_decision(1, "ask", message="Why?")  # v2's messages table exists
        assert store.get(1).messages[0].body == "Why?"
    assert len(MIGRATIONS) == SCHEMA_VERSION


def test_failed_migration_leaves_file_at_old_version(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, 0, target=1)
    conn.close()

    def explode(db):
        db.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("disk fell off")

    monkeypatch.setattr(schema, "MIGRATIONS", [MIGRATIONS[0], explode])
    with pytest.raises(RuntimeError):
        Store.open(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "half_done" not in tables
    conn.close()


def test_pragmas_for_durability(tmp_path):
    with Store.open(tmp_path / "inbox.db", create=True) as store:
        pragma = lambda name: store.conn.execute(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") > 0


def run_cli(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=60,
    )


@pytest.mark.parametrize(
    "content",
    [b"not a database at all", b"SQLite format 3\x00" + b"\x00" * 84 + b"\xff" * 4000],
    ids=["text-file", "corrupt-sqlite"],
)
def test_cli_reports_bad_files_in_one_line(tmp_path, content):
    path = tmp_path / "bad.db"
    path.write_bytes(content)
    result = run_cli("--db", str(path), "seed", "--count", "1")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("invite-triage: error:"), result.stderr
    assert path.read_bytes() == content


def test_domain_code_never_imports_textual():
    code = (
        "import sys, pkgutil, importlib, tui, seed\n"
        "for pkg in (tui, seed):\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        if m.name.startswith('tui.ui') or m.name.endswith('__main__'):\n"
        "            continue\n"
        "        importlib.import_module(m.name)\n"
        "loaded = sorted(n for n in sys.modules if n == 'textual' or n.startswith('textual.'))\n"
        "print(len(loaded))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "0"


def test_read_only_directory_is_still_readable(tmp_path, monkeypatch):
    folder = tmp_path / "ro"
    folder.mkdir()
    make_inbox(folder / "inbox.db", names=("A", "B"))
    folder.chmod(0o555)
    real_access = os.access
    # Root ignores permission bits: make the directory look unwritable as it would to a user.
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode)
    )
    try:
        with Store.open(folder / "inbox.db", readonly=True) as store:
            assert store.counts()["pending"] == 2
        with pytest.raises(StoreError, match="read-only"):
            Store.open(folder / "inbox.db")
    finally:
        folder.chmod(0o755)
    assert not (folder / "inbox.db-wal").exists()


def test_decision_batches_are_looked_up_by_index(tmp_path):
    with Store.open(tmp_path / "inbox.db", create=True) as store:
        plan = store.conn.execute(
            "EXPLAIN QUERY PLAN SELECT coalesce(max(batch), 0) + 1 FROM decisions"
        ).fetchall()
    assert any("idx_dec_batch" in row[-1] for row in plan), plan
