"""Telling files apart by content, and reading the export's dates and profile URLs."""

from __future__ import annotations

import pytest
from _import_support import CASES, EXPORT, dump, existing_inbox, run_import

from tui.importers.connections import NO_DETAILS, Connections
from tui.importers.dates import parse_export_time
from tui.importers.identity import url_key


@pytest.mark.parametrize(
    ("name", "source"),
    [
        ("cases.csv", CASES),  # JSON Lines with the wrong extension
        ("invitations.txt", EXPORT / "Invitations.csv"),  # the export's CSV under another name
    ],
)
def test_content_decides_not_the_extension(tmp_path, name, source):
    db = tmp_path / "inbox.db"
    path = tmp_path / name
    path.write_bytes(source.read_bytes())
    result = run_import(db, path)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Imported {path}: added ")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"\xef\xbb\xbf  \n\n", "empty file"),
        (b'[{"name": "A", "sent_at": "2026-01-01"}]', "a JSON array; JSON Lines needs one"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "upload.dat:3: binary data, not text"),
        (b"\x1f\x8b\x08\x08\xff\xfe", "upload.dat:1: not UTF-8 text (byte 0x8b)"),
        (b"name;sent_at\nAda;2026\n", "cannot tell what this file is; expected JSON Lines"),
        (
            (EXPORT / "Connections.csv").read_bytes(),
            "this is Connections.csv; import the export zip or folder",
        ),
    ],
)
def test_unknown_or_junk_files_are_refused_in_one_line(tmp_path, content, reason):
    db = existing_inbox(tmp_path)
    before = dump(db)
    path = tmp_path / "upload.dat"
    path.write_bytes(content)
    result = run_import(db, path)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"invite-triage: error: {path}")
    assert reason in result.stderr
    assert result.stderr.count("\n") == 1
    assert dump(db) == before


def test_a_missing_path_is_a_usage_error(tmp_path):
    result = run_import(tmp_path / "inbox.db", tmp_path / "nope.jsonl")
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1/29/26, 2:37 PM", "2026-01-29T14:37:00"),
        ("01/09/26, 02:07 PM", "2026-01-09T14:07:00"),
        ("12/1/25, 12:05 AM", "2025-12-01T00:05:00"),
        ("12/1/25, 12:05 PM", "2025-12-01T12:05:00"),
        ("2/3/2026, 9:15\u202fPM", "2026-02-03T21:15:00"),
        ("2/3/26 9:15 p.m.", "2026-02-03T21:15:00"),
        ("2/3/26, 21:15", "2026-02-03T21:15:00"),
        ("2/3/26, 9:15:42 AM", "2026-02-03T09:15:42"),
        ("2/29/24, 1:00 AM", "2024-02-29T01:00:00"),
        (" 2/3/26, 9:15 AM ", "2026-02-03T09:15:00"),
        ("2026-02-03 21:15:00", "2026-02-03T21:15:00"),
    ],
)
def test_export_times(text, expected):
    assert parse_export_time(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "yesterday",
        "2/29/25, 1:00 AM",
        "13/1/26, 1:00 AM",
        "1/1/26, 0:30 AM",
        "1/1/26, 24:00",
        "1/1/26",
        "1/1/26, 1:60 PM",
        "1-29-26 2:37 PM",
    ],
)
def test_bad_export_times(text):
    with pytest.raises(ValueError):
        parse_export_time(text)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (
            "https://www.linkedin.com/in/jane/",
            "https://www.linkedin.com/in/jane?utm_source=x",
            True,
        ),
        ("http://LinkedIn.com/in/jane", "https://www.linkedin.com/in/jane//", True),
        ("www.linkedin.com/in/jane", "https://www.linkedin.com/in/jane#about", True),
        ("https://www.linkedin.com/in/j%C3%B6rg", "https://www.linkedin.com/in/jörg", True),
        ("https://www.linkedin.com/in/jane", "https://www.linkedin.com/in/jane-2", False),
        ("https://www.linkedin.com/in/jane", "https://www.evil.example/in/jane", False),
    ],
)
def test_profile_urls_compare_without_tracking_and_slashes(a, b, same):
    assert (url_key(a) == url_key(b)) is same


def test_name_matching_ignores_case_width_and_spacing():
    zoe = {"zoë martin": NO_DETAILS}
    people = Connections(where="x", names=zoe, names_without_url=dict(zoe))
    assert people.knows("  ZOË   Martin ", None)
    assert people.knows("Zoë Martin", "https://www.linkedin.com/in/zoe")  # theirs has no URL
    assert not people.knows("Zoe Martin", None)
