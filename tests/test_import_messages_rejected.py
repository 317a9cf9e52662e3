"""A bad messages.csv is refused whole with FILE:LINE, and hostile text is stored as sent."""

from __future__ import annotations

import csv
import io

import pytest
from _import_support import LOOP_FIRST as FIRST
from _import_support import all_invitations, dump, existing_inbox, run_import, write_zip

from tui.importers.messages import parse_message_time, repair

HEADER = (
    "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,"
    "DATE,SUBJECT,CONTENT,FOLDER\n"
)
SAM = "https://www.linkedin.com/in/sam-rivera"
PRIYA = "https://www.linkedin.com/in/priya-natarajan-4b1a"


def export_with(tmp_path, messages: str):
    files = {p.name: p.read_bytes() for p in FIRST.iterdir()}
    files["messages.csv"] = messages.encode("utf-8")
    return write_zip(tmp_path / "Complete_LinkedInDataExport_12-06-2026.zip", files)


@pytest.mark.parametrize(
    ("body", "line", "reason"),
    [
        (f"c1,,Sam,{SAM},Priya,{PRIYA},yesterday,,Hi,INBOX\n", 2, "column 'DATE': not a time"),
        (f"c1,,Sam,{SAM},Priya,{PRIYA},2026-11-24 09:12:40 UTC,,Hi\n", 2, "expected 10 fields"),
        (f",,Sam,{SAM},Priya,{PRIYA},2026-11-24 09:12:40 UTC,,Hi,INBOX\n", 2, "'CONVERSATION ID'"),
        (
            f'c1,,Sam,{SAM},Priya,{PRIYA},2026-11-24 09:12:40 UTC,,"Hi\nthere,INBOX\n',
            2,
            "bad CSV quoting",
        ),
    ],
)
def test_a_bad_line_rejects_the_whole_export(tmp_path, body, line, reason):
    db = existing_inbox(tmp_path)
    before = dump(db)
    archive = export_with(
        tmp_path, HEADER + f"c0,,Sam,{SAM},Priya,{PRIYA},2026-11-24 09:00:00 UTC,,Hi,INBOX\n" + body
    )
    result = run_import(db, archive)
    assert result.exit_code == 1
    error = result.stderr.strip()
    assert f"messages.csv:{line + 1}: " in error and reason in error
    assert error.count("\n") == 0
    assert dump(db) == before  # the invitations of the same export were not added either


def test_a_header_without_the_needed_columns_is_named(tmp_path):
    db = tmp_path / "inbox.db"
    archive = export_with(tmp_path, "CONVERSATION ID,FROM,DATE\nc1,Sam,2026-11-24 09:00:00 UTC\n")
    result = run_import(db, archive)
    assert result.exit_code == 1
    assert "messages.csv:1: header lacks column(s) 'SENDER PROFILE URL'" in result.stderr
    assert not db.exists()


def test_hostile_text_is_stored_exactly_and_echoed_safely(tmp_path):
    hostile = '=HYPERLINK("x") [bold]hi[/] \x1b[31mred \u202eevil ' + "x" * 10_000
    db = tmp_path / "inbox.db"
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["c1", "", "Sam", SAM, "Priya", PRIYA, "2026-11-24 09:12:40 UTC", "", hostile,
                     "INBOX"])  # fmt: skip
    writer.writerow(["c1", "", "[red]Priya\x1b[0m", PRIYA, "Sam", SAM, "2026-11-25 09:12:40 UTC",
                     "", hostile, "INBOX"])  # fmt: skip
    body = out.getvalue()
    result = run_import(db, export_with(tmp_path, HEADER + body))
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    priya = all_invitations(db)["Priya Natarajan"]
    assert [m.body for m in priya.messages] == [hostile, hostile]


def test_times_and_double_encoding():
    assert parse_message_time("2023-06-11 15:33:58 UTC") == "2023-06-11T15:33:58+00:00"
    assert parse_message_time("2023-06-11T17:33:58+02:00") == "2023-06-11T15:33:58+00:00"
    with pytest.raises(ValueError):
        parse_message_time("2023-06-11 15:33:58")  # no zone: refused, not guessed
    assert repair("JosÃ© GarcÃ­a") == "José García"
    assert repair("\x1b[31m\u202e") == "\x1b[31m\u202e"  # nothing else is touched
