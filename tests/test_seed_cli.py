"""``invite-triage seed`` from a user's side: counts, bad input, unwritable places, --reset."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest
from click.testing import CliRunner

import seed.personas
from tui.cli import main
from tui.store import Store


def run(*args):
    return CliRunner().invoke(main, list(args))


def rows(path) -> list:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT p.name, p.headline, i.note, i.sent_at FROM invitations i "
            "JOIN people p ON p.id = i.person_id ORDER BY i.id"
        ).fetchall()
    finally:
        conn.close()


def file_hash(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def error_lines(result) -> list[str]:
    return [line for line in result.output.splitlines() if line.strip()]


def test_seed_into_a_missing_folder_is_refused_and_creates_nothing(tmp_path):
    db = tmp_path / "new" / "inbox.db"
    result = run("--db", str(db), "seed", "--count", "25")
    assert result.exit_code == 1
    assert result.output.strip() == (
        f"invite-triage: error: there is no folder {db.parent} for the database "
        "(create it first, or check --db)"
    )
    assert not db.parent.exists()


def test_seed_creates_the_default_folder_and_database(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("seed", "--count", "5")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "data" / "inbox.db").is_file()


def test_seed_creates_the_database_and_reports(tmp_path):
    db = tmp_path / "new" / "inbox.db"
    db.parent.mkdir()
    result = run("--db", str(db), "seed", "--count", "25", "--seed", "3")
    assert result.exit_code == 0, result.output
    assert "Added 25 invitations" in result.output and "seed 3" in result.output
    with Store.open(db) as store:
        assert store.counts()["pending"] == 25
        assert store.get_meta("seed") == "3"


def test_seed_adds_to_an_existing_inbox(tmp_path):
    db = tmp_path / "inbox.db"
    assert run("--db", str(db), "seed", "-n", "10").exit_code == 0
    assert run("--db", str(db), "seed", "-n", "5", "--seed", "9").exit_code == 0
    assert len(rows(db)) == 15


def test_negative_count_exits_2_with_a_clear_message(tmp_path):
    db = tmp_path / "inbox.db"
    result = run("--db", str(db), "seed", "--count", "-1")
    assert result.exit_code == 2
    assert "--count" in result.output and "-1" in result.output
    assert "Traceback" not in result.output
    assert not db.exists()


def test_unknown_locale_exits_2_and_names_it(tmp_path):
    db = tmp_path / "inbox.db"
    result = run("--db", str(db), "seed", "--locale", "en_GB", "--locale", "xx_QQ")
    assert result.exit_code == 2
    assert "unknown locale 'xx_QQ'" in result.output
    assert not db.exists()


def test_locales_are_used(tmp_path):
    db = tmp_path / "inbox.db"
    result = run("--db", str(db), "seed", "-n", "30", "--locale", "fr-fr")
    assert result.exit_code == 0, result.output
    with Store.open(db) as store:
        people = [inv.person for inv in store.iter_invitations()]
    assert any(p.location.endswith("France") for p in people)


@pytest.mark.parametrize("where", ["proc", "under_a_file"])
@pytest.mark.parametrize("reset", [False, True])
def test_unwritable_path_fails_in_one_line(tmp_path, where, reset):
    # /proc refuses even root; a path "inside" a regular file refuses everyone.
    if where == "proc":
        db = "/proc/invite-triage-test/inbox.db"
    else:
        blocker = tmp_path / "plain.txt"
        blocker.write_text("not a directory")
        db = str(blocker / "inbox.db")
    result = run("--db", db, "seed", "-n", "5", *(["--reset"] if reset else []))
    assert result.exit_code != 0
    lines = error_lines(result)
    assert len(lines) == 1, result.output
    assert lines[0].startswith("invite-triage: error:")
    assert "Traceback" not in result.output


def test_reset_replaces_the_inbox_with_the_new_seed(tmp_path):
    db, fresh = tmp_path / "inbox.db", tmp_path / "fresh.db"
    assert run("--db", str(db), "seed", "-n", "40", "--seed", "1").exit_code == 0
    result = run("--db", str(db), "seed", "-n", "12", "--seed", "2", "--reset")
    assert result.exit_code == 0, result.output
    assert "Replaced the inbox with 12 invitations" in result.output
    assert run("--db", str(fresh), "seed", "-n", "12", "--seed", "2").exit_code == 0
    assert rows(db) == rows(fresh)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fresh.db", "inbox.db"]


def test_reset_refuses_to_replace_a_file_that_is_not_an_inbox(tmp_path):
    db = tmp_path / "notes.txt"
    db.write_text("my precious notes")
    result = run("--db", str(db), "seed", "-n", "5", "--reset")
    assert result.exit_code == 1
    assert "not an SQLite database" in result.output
    assert db.read_text() == "my precious notes"


def _failing_generate(fail_after: int, error: BaseException):
    real = seed.personas.generate

    def generate(count, seed, locales=None, *, start=0):
        for number, item in enumerate(real(count, seed, locales, start=start), start=start):
            if number == fail_after:
                raise error
            yield item

    return generate


def test_failed_reseed_leaves_the_old_inbox_untouched(tmp_path, monkeypatch):
    db = tmp_path / "inbox.db"
    assert run("--db", str(db), "seed", "-n", "30", "--seed", "5").exit_code == 0
    before_rows, before_hash = rows(db), file_hash(db)
    # The disk fills up half way through building the new inbox.
    monkeypatch.setattr(
        seed.personas, "generate", _failing_generate(50, OSError(28, "No space left on device"))
    )
    result = run("--db", str(db), "seed", "-n", "100", "--seed", "6", "--reset")
    assert result.exit_code == 1
    assert error_lines(result) == ["invite-triage: error: No space left on device"]
    assert file_hash(db) == before_hash
    assert rows(db) == before_rows
    assert [p.name for p in tmp_path.iterdir()] == ["inbox.db"]  # no half-built file left


def test_failed_plain_seed_adds_nothing(tmp_path, monkeypatch):
    db = tmp_path / "inbox.db"
    assert run("--db", str(db), "seed", "-n", "20").exit_code == 0
    before = rows(db)
    monkeypatch.setattr(seed.personas, "generate", _failing_generate(7, OSError(5, "I/O error")))
    result = run("--db", str(db), "seed", "-n", "50", "--seed", "8")
    assert result.exit_code == 1
    assert rows(db) == before


def test_no_progress_bar_when_output_is_not_a_terminal(tmp_path, monkeypatch):
    import tui.commands.seed as seed_command

    monkeypatch.setattr(seed_command, "PROGRESS_FROM", 1)
    result = run("--db", str(tmp_path / "inbox.db"), "seed", "-n", "30")
    assert result.exit_code == 0
    assert error_lines(result) == [
        "Added 30 invitations in " + str(tmp_path / "inbox.db") + " (seed 42)."
    ]
