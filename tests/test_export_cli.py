"""``invite-triage export`` as a user runs it: where output goes, and clean refusals."""

from __future__ import annotations

import csv
import io
import os
import signal

import pytest
from click.testing import CliRunner

from tui.cli import main
from tui.commands import export as export_command
from tui.domain.models import Assessment, NewInvitation, Person
from tui.store import Store


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "data" / "inbox.db"
    path.parent.mkdir()
    with Store.open(path, create=True, clock=lambda: "2026-11-01T10:00:00+00:00") as store:
        store.add_invitations(
            [
                NewInvitation(
                    person=Person(name=name, company="-Minus Corp"),
                    note="hello\r\nthere",
                    sent_at=f"2026-02-0{day}T08:00:00",
                )
                for day, name in enumerate(("Ann", "@Bob", "Cy"), start=1)
            ],
            assess=lambda item: Assessment(("stock_note",), "ask"),
        )
        store.record_decision(1, "accept", session="cli")
        store.record_decision(2, "ask", session="cli")
        store.record_reply(2, "=cmd|' /C calc'!A0")
    return path


def run(db, *args):
    return CliRunner().invoke(main, ["--db", str(db), "export", *args])


def parse(text):
    return list(csv.reader(io.StringIO(text, newline="")))


def test_piped_output_is_the_csv_and_nothing_else(db):
    result = run(db)
    assert result.exit_code == 0, result.output
    rows = parse(result.stdout_bytes.decode())
    assert rows[0][:3] == ["invitation_id", "name", "headline"]
    assert [r[0] for r in rows[1:]] == ["1", "2", "3"]
    bob = rows[2]
    assert bob[1] == "'@Bob"
    assert bob[3] == "'-Minus Corp"
    assert bob[6] == "hello\r\nthere"
    assert bob[13] == "'=cmd|' /C calc'!A0"
    assert result.stderr == ""


def test_out_file_reports_where_it_went(db, tmp_path):
    target = tmp_path / "mine.csv"
    result = run(db, "--out", str(target), "--status", "accepted", "--bom")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Exported 1 invitations to {target}\n"
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfinvitation_id,")
    assert parse(raw.decode("utf-8-sig"))[1][:2] == ["1", "Ann"]


def test_out_directory_gets_a_fresh_timestamped_file(db, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    result = run(db, "-o", str(folder), "--all-history")
    assert result.exit_code == 0, result.output
    (made,) = folder.iterdir()
    assert made.name.startswith("decisions-") and made.suffix == ".csv"
    assert f"Exported 2 log entries to {made}" in result.stdout


def test_in_a_terminal_the_default_is_a_file_beside_the_database(db, monkeypatch):
    monkeypatch.setattr(export_command, "_stdout_is_terminal", lambda: True)
    result = run(db)
    assert result.exit_code == 0, result.output
    (made,) = (db.parent / "exports").iterdir()
    assert result.stdout == f"Exported 3 invitations to {made}\n"
    assert len(parse(made.read_text(encoding="utf-8"))) == 4


def test_dash_forces_standard_output(db, monkeypatch):
    result = run(db, "--out", "-", "--status", "replied")
    assert result.exit_code == 0
    assert [r[1] for r in parse(result.stdout_bytes.decode())[1:]] == ["'@Bob"]


def test_refuses_to_overwrite_the_database(db):
    before = db.read_bytes()
    for target in (db, f"{db}-wal"):
        result = run(db, "--out", str(target))
        assert result.exit_code == 2
        assert "is the database" in result.output
    assert db.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--status", "done"], "unknown status 'done'"),
        (["--since", "last week"], "'last week' is not a date"),
        (["--out", ""], "give a file name, a directory or -"),
    ],
)
def test_bad_options_are_usage_errors(db, args, message):
    result = run(db, *args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_unwritable_target_is_one_line_and_exit_1(db, tmp_path):
    result = run(db, "--out", str(tmp_path / "missing" / "x.csv"))
    assert result.exit_code == 1
    assert result.stderr.startswith("invite-triage: error: cannot write ")
    assert result.stderr.count("\n") == 1


def test_a_failed_export_keeps_the_previous_file(db, tmp_path, monkeypatch):
    target = tmp_path / "decisions.csv"
    target.write_bytes(b"previous\r\n")

    def full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("tui.export.safe_csv.os.fsync", full)
    result = run(db, "--out", str(target))
    assert result.exit_code == 1
    assert result.stderr == (
        f"invite-triage: error: cannot write {target}: No space left on device\n"
    )
    assert target.read_bytes() == b"previous\r\n"
    assert sorted(os.listdir(tmp_path)) == ["data", "decisions.csv"]


def test_missing_database_is_not_created(tmp_path):
    result = run(tmp_path / "nope.db")
    assert result.exit_code == 1
    assert "no database at" in result.stderr
    assert not (tmp_path / "nope.db").exists()


def test_a_read_only_database_still_exports_and_is_not_changed(db):
    before = db.read_bytes()
    db.chmod(0o444)
    try:
        result = run(db)
    finally:
        db.chmod(0o644)
    assert result.exit_code == 0, result.output
    assert len(parse(result.stdout_bytes.decode())) == 4
    assert db.read_bytes() == before


def test_kill_mid_export_keeps_the_previous_file_and_leaves_no_temp(db, tmp_path, monkeypatch):
    target = tmp_path / "decisions.csv"
    target.write_bytes(b"previous\r\n")

    def rows_then_killed(store, **options):
        for n in range(1000):
            if n == 500:
                os.kill(os.getpid(), signal.SIGTERM)
            yield (n,) * 14

    monkeypatch.setattr("tui.export.decisions.decision_rows", rows_then_killed)
    handler_before = signal.getsignal(signal.SIGTERM)
    result = run(db, "--out", str(target))
    assert result.exit_code == 128 + signal.SIGTERM
    assert target.read_bytes() == b"previous\r\n"
    assert sorted(os.listdir(tmp_path)) == ["data", "decisions.csv"]
    assert signal.getsignal(signal.SIGTERM) == handler_before


def test_a_closed_pipe_stops_quietly(db, monkeypatch):
    def reader_left(header, rows, *, bom):
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr("tui.export.safe_csv._write_stdout", reader_left)
    result = run(db, "--out", "-")
    assert result.exit_code == 1
    assert result.stderr == ""
