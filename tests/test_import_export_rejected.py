"""Importing the platform's data export: what is rejected, whole, with a line to say why.

A malformed file, a zip without one clear Invitations.csv, a damaged zip or member, a
folder without the export: nothing is stored and the message names the file and line.
"""

from __future__ import annotations

import pytest
from _import_support import (
    EXPORT,
    ZIP_NAME,
    dump,
    existing_inbox,
    export_files,
    run_import,
    write_zip,
)

INVITATIONS = (EXPORT / "Invitations.csv").read_bytes()
CONNECTIONS = (EXPORT / "Connections.csv").read_bytes()


def _swap(data: bytes, old: str, new: str) -> bytes:
    assert old.encode() in data
    return data.replace(old.encode(), new.encode(), 1)


# (Invitations.csv, Connections.csv or None, file named in the error, expected error text)
MALFORMED = [
    (
        _swap(INVITATIONS, ",Direction,", ",Way,"),
        CONNECTIONS,
        "Invitations.csv:1",
        "header lacks column(s) 'Direction'",
    ),
    (
        _swap(INVITATIONS, "1/30/26, 9:05 AM", "13/45/26, 9:05 AM"),
        CONNECTIONS,
        "Invitations.csv:3",  # the record starts on line 3 and spans three lines
        "column 'Sent At': no such date or time",
    ),
    (
        _swap(INVITATIONS, "1/29/26, 2:37 PM", "yesterday"),
        CONNECTIONS,
        "Invitations.csv:2",
        "column 'Sent At': not a date and time like 1/29/26, 2:37 PM, got \"yesterday\"",
    ),
    (
        _swap(INVITATIONS, "1/29/26, 2:37 PM", "1/29/26, 14:37 PM"),
        CONNECTIONS,
        "Invitations.csv:2",
        "hour 14 does not exist on a 12-hour clock",
    ),
    (
        _swap(INVITATIONS, "OUTGOING", "SIDEWAYS"),
        CONNECTIONS,
        "Invitations.csv:6",
        "column 'Direction': expected INCOMING or OUTGOING, got \"SIDEWAYS\"",
    ),
    (
        _swap(INVITATIONS, "Omar Khalil,Sam Rivera,", "Omar Khalil,"),
        CONNECTIONS,
        "Invitations.csv:7",
        "expected 7 fields as in the header, found 6",
    ),
    (
        _swap(INVITATIONS, "Zoë Martin,", ",").replace(b"\n\n", b"\n"),
        CONNECTIONS,
        "Invitations.csv:8",
        "column 'From': the name is empty",
    ),
    (INVITATIONS + b'"unterminated,x\n', CONNECTIONS, "Invitations.csv:14", "bad CSV quoting"),
    (
        _swap(INVITATIONS, "John Smith", "John\x00Smith"),
        CONNECTIONS,
        "Invitations.csv:12",
        "binary data (a NUL byte)",
    ),
    (
        INVITATIONS.replace("Zoë".encode(), "Zoë".encode("latin-1")),
        CONNECTIONS,
        "Invitations.csv:8",
        "not UTF-8 text (byte 0xeb)",
    ),
    (b"", CONNECTIONS, "Invitations.csv", "empty file"),
    (b"\xef\xbb\xbf\n \n", CONNECTIONS, "Invitations.csv", "empty file"),
    (
        INVITATIONS,
        _swap(CONNECTIONS, "First Name,Last Name", "Given,Family"),
        "Connections.csv",
        "no header line First Name,Last Name,URL,... found",
    ),
    (
        INVITATIONS,
        _swap(CONNECTIONS, "First Name,Last Name,URL", "First Name,Last Name,Link"),
        "Connections.csv:4",
        "header lacks column(s) 'URL'",
    ),
    (
        INVITATIONS,
        _swap(CONNECTIONS, "Omar,Khalil,", "Omar Khalil,"),
        "Connections.csv:6",
        "expected 7 fields as in the header, found 6",
    ),
    (INVITATIONS, b"", "Connections.csv", "empty file"),
]


@pytest.mark.parametrize("packed", [False, True], ids=["folder", "zip"])
@pytest.mark.parametrize(("invitations", "connections", "where", "reason"), MALFORMED)
def test_a_malformed_export_is_rejected_whole(
    tmp_path, packed, invitations, connections, where, reason
):
    db = existing_inbox(tmp_path)
    before = dump(db)
    files = {"Invitations.csv": invitations}
    if connections is not None:
        files["Connections.csv"] = connections
    if packed:
        path = write_zip(tmp_path / ZIP_NAME, files)
        prefix = f"{path}/"
    else:
        path = tmp_path / "export"
        path.mkdir()
        for name, data in files.items():
            (path / name).write_bytes(data)
        prefix = f"{path}/"
    result = run_import(db, path)
    assert result.exit_code == 1
    assert result.stdout == ""
    message = result.stderr
    assert message.count("\n") == 1 and "Traceback" not in message
    assert message.startswith(f"invite-triage: error: {prefix}{where}: ")
    assert reason in message
    assert dump(db) == before


@pytest.mark.parametrize(
    ("files", "reason"),
    [
        ({"Connections.csv": CONNECTIONS}, "no Invitations.csv or messages.csv inside"),
        (
            {"a/Invitations.csv": INVITATIONS, "b/Invitations.csv": INVITATIONS},
            "holds 2 files named Invitations.csv",
        ),
    ],
)
def test_a_zip_without_one_clear_invitations_csv_is_rejected(tmp_path, files, reason):
    db = existing_inbox(tmp_path)
    before = dump(db)
    path = write_zip(tmp_path / ZIP_NAME, files)
    result = run_import(db, path)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"invite-triage: error: {path}: {reason}")
    assert result.stderr.count("\n") == 1
    assert dump(db) == before


def test_a_corrupt_zip_is_rejected(tmp_path):
    db = existing_inbox(tmp_path)
    before = dump(db)
    whole = write_zip(tmp_path / "whole.zip", export_files()).read_bytes()
    path = tmp_path / ZIP_NAME
    path.write_bytes(whole[: len(whole) // 2])
    result = run_import(db, path)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"invite-triage: error: {path}: not a readable zip file")
    assert result.stderr.count("\n") == 1
    assert dump(db) == before


def test_a_zip_with_a_damaged_member_is_rejected(tmp_path):
    db = existing_inbox(tmp_path)
    before = dump(db)
    path = write_zip(tmp_path / ZIP_NAME, export_files())
    data = bytearray(path.read_bytes())
    start = data.index(b"Invitations.csv") + len("Invitations.csv")
    for offset in range(start + 20, start + 60):  # scribble over the compressed bytes
        data[offset] ^= 0xFF
    path.write_bytes(bytes(data))
    result = run_import(db, path)
    assert result.exit_code == 1
    assert "Invitations.csv" in result.stderr
    assert result.stderr.count("\n") == 1
    assert dump(db) == before


def test_a_folder_without_invitations_is_rejected(tmp_path):
    db = existing_inbox(tmp_path)
    folder = tmp_path / "holiday-photos"
    folder.mkdir()
    (folder / "beach.jpg").write_bytes(b"\xff\xd8\xff")
    result = run_import(db, folder)
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"invite-triage: error: {folder}: no Invitations.csv or messages.csv in this folder "
        "(is it the unpacked data export?)"
    )
