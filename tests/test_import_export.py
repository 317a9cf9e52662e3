"""Importing the platform's data export: zip, folder or Invitations.csv, and Connections.csv."""

from __future__ import annotations

import csv
import io

import pytest
from _import_support import (
    EXPORT,
    ZIP_NAME,
    all_invitations,
    dump,
    export_files,
    run_import,
    write_zip,
)
from click.testing import CliRunner

from tui.cli import main
from tui.importers.linkedin_export import read_invitations
from tui.store import Store, StoreError

SUMMARY = (
    "added 8 (7 incoming as pending, 1 outgoing as sent); skipped 0 already present; "
    "3 of 7 senders are among your 5 connections."
)


def _projection(db):
    """What a user sees of each invitation (ids aside)."""
    return {
        name: (inv.note, inv.sent_at, inv.status, inv.direction, inv.person.known)
        for name, inv in all_invitations(db).items()
    }


def test_folder_import_reads_every_row_as_the_export_says(tmp_path):
    db = tmp_path / "inbox.db"
    result = run_import(db, EXPORT)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"Imported {EXPORT}: {SUMMARY}"
    found = all_invitations(db)
    assert sorted(found) == sorted(
        [
            "Jane Doe",
            "Li Wei, PhD",
            "Priya Natarajan",
            "Omar Khalil",
            "Zoë Martin",
            "[bold red]Admin[/]",
            "Eve \u202egnp.exe",
            "John Smith",
        ]
    )
    jane = found["Jane Doe"]
    assert jane.sent_at == "2026-01-29T14:37:00"
    assert jane.note is None  # an empty Message is no note
    assert jane.person.profile_url == (
        "https://www.linkedin.com/in/jane-doe-1a2b3c?utm_source=share&utm_medium=member_desktop"
    )
    assert (jane.status, jane.direction, jane.source) == ("pending", "incoming", "export")
    li = found["Li Wei, PhD"]
    assert li.note == (
        "Hi Sam,\nI read your article on hiring, and loved it.\nWould be glad to connect, Li"
    )
    assert found["Eve \u202egnp.exe"].note == "\x1b[31mred\x1b[0m line one\r\nline two"
    assert found["[bold red]Admin[/]"].note == '=HYPERLINK("http://example.invalid","click")'


def test_what_the_export_lacks_is_unknown(tmp_path):
    db = tmp_path / "inbox.db"
    run_import(db, EXPORT)
    person = all_invitations(db)["Li Wei, PhD"].person
    for field in (
        *("headline", "company", "position", "location", "photo", "about", "experience"),
        *("education", "skills", "recommendations", "connections", "mutual_connections"),
        *("profile_created", "intent"),
    ):
        assert getattr(person, field) is None, field


def test_odd_dates_are_read_in_the_exports_format(tmp_path):
    db = tmp_path / "inbox.db"
    run_import(db, EXPORT)
    sent = {name: inv.sent_at for name, inv in all_invitations(db).items()}
    assert sent["Priya Natarajan"] == "2025-12-01T00:05:00"  # 12:05 AM is just after midnight
    assert sent["Omar Khalil"] == "2026-02-03T21:15:00"  # four-digit year, U+202F before PM
    assert sent["[bold red]Admin[/]"] == "2025-12-31T12:00:00"  # 12:00 PM is noon
    assert sent["Eve \u202egnp.exe"] == "2026-01-05T07:03:00"  # lower-case "am"
    assert sent["John Smith"] == "2025-10-10T23:59:00"


def test_connections_mark_senders_known(tmp_path):
    db = tmp_path / "inbox.db"
    run_import(db, EXPORT)
    known = {name: inv.person.known for name, inv in all_invitations(db).items()}
    assert known["Jane Doe"] is True  # ?utm_ suffix on one side, trailing slash on the other
    assert known["Omar Khalil"] is True  # WWW.LinkedIn.com host, different case
    assert known["Zoë Martin"] is True  # no URL on either side: the name decides
    assert known["John Smith"] is False  # a namesake with another profile URL
    assert known["Li Wei, PhD"] is False
    assert known["Priya Natarajan"] is True  # outgoing, since accepted


def test_outgoing_invitations_are_kept_as_sent_and_read_only(tmp_path):
    db = tmp_path / "inbox.db"
    run_import(db, EXPORT)
    priya = all_invitations(db)["Priya Natarajan"]
    assert (priya.status, priya.direction) == ("sent", "outgoing")
    assert priya.note == "Great meeting you at the meetup!"
    assert priya.person.profile_url == "https://www.linkedin.com/in/priya-n/"
    with Store.open(db) as store:
        assert store.counts()["sent"] == 1
        with pytest.raises(StoreError, match="cannot be decided"):
            store.record_decision(priya.id, "accept")


@pytest.mark.parametrize("folder", ["", "Basic_LinkedInDataExport_11-28-2026/"])
def test_zip_gives_the_same_inbox_as_the_folder(tmp_path, folder):
    from_folder = tmp_path / "folder.db"
    run_import(from_folder, EXPORT)
    archive = write_zip(
        tmp_path / ZIP_NAME,
        {f"{folder}{name}": data for name, data in export_files().items()}
        | {f"{folder}Profile.csv": b"First Name,Last Name\nSam,Rivera\n"},
    )
    from_zip = tmp_path / "zip.db"
    result = run_import(from_zip, archive)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"Imported {archive}: {SUMMARY}"
    assert _projection(from_zip) == _projection(from_folder)


def test_a_lone_invitations_csv_leaves_known_unknown_until_the_full_export(tmp_path):
    db = tmp_path / "inbox.db"
    alone = tmp_path / "Invitations.csv"
    alone.write_bytes((EXPORT / "Invitations.csv").read_bytes())
    result = run_import(db, alone)
    assert result.exit_code == 0, result.output
    assert "so whether you know each sender is left unknown" in result.stdout
    assert {inv.person.known for inv in all_invitations(db).values()} == {None}

    later = run_import(db, EXPORT)
    assert "added 0; skipped 8 already present" in later.stdout
    assert "filled in 'known' on 8 invitations imported before" in later.stdout
    assert _projection(db)["Jane Doe"][-1] is True
    assert _projection(db)["Li Wei, PhD"][-1] is False


def test_a_connection_made_since_the_last_export_is_picked_up(tmp_path):
    db = tmp_path / "inbox.db"
    run_import(db, EXPORT)
    newer = tmp_path / "newer"
    newer.mkdir()
    (newer / "Invitations.csv").write_bytes((EXPORT / "Invitations.csv").read_bytes())
    (newer / "Connections.csv").write_bytes(
        (EXPORT / "Connections.csv").read_bytes()
        + b'Li,"Wei, PhD",https://www.linkedin.com/in/li-wei-phd,,,,01 Dec 2026\r\n'
    )
    result = run_import(db, newer)
    assert "filled in 'known' on 1 invitations imported before" in result.stdout
    assert _projection(db)["Li Wei, PhD"][-1] is True


def test_reimporting_the_export_adds_nothing_twice(tmp_path):
    db = tmp_path / "inbox.db"
    archive = write_zip(tmp_path / ZIP_NAME, export_files())
    run_import(db, archive)
    before = dump(db)
    for again in (archive, EXPORT, EXPORT / "Invitations.csv"):
        result = run_import(db, again)
        assert result.exit_code == 0, result.output
        assert "added 0; skipped 8 already present" in result.stdout
    assert dump(db) == before


def test_repeated_rows_in_one_file_count_once(tmp_path):
    db = tmp_path / "inbox.db"
    path = tmp_path / "Invitations.csv"
    data = (EXPORT / "Invitations.csv").read_bytes().rstrip(b"\n")
    last_row = data.rsplit(b"\n", 1)[1]
    path.write_bytes(data + b"\n" + last_row + b"\n")
    result = run_import(db, path)
    assert "added 8 " in result.stdout
    assert "ignored 1 repeated in the file" in result.stdout


def test_older_exports_without_url_columns_still_import(tmp_path):
    db = tmp_path / "inbox.db"
    path = tmp_path / "Invitations.csv"
    path.write_text(
        'From,To,Sent At,Message,Direction\nAda Byron,Sam,"3/4/24, 10:00 AM",,INCOMING\n',
        encoding="utf-8",
    )
    result = run_import(db, path)
    assert result.exit_code == 0, result.output
    ada = all_invitations(db)["Ada Byron"]
    assert (ada.sent_at, ada.person.profile_url) == ("2024-03-04T10:00:00", None)


def _one_row_csv(name: str, message: str) -> str:
    quoted = message.replace('"', '""')
    return (
        "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
        f'{name},Me,"1/2/26, 3:04 PM","{quoted}",INCOMING,,\n'
    )


def test_huge_names_and_messages_are_stored_verbatim(tmp_path):
    db = tmp_path / "inbox.db"
    name = "[link=http://x]" + "N" * 10_000
    message = '"=cmd|' + "\u202e" * 10 + "x" * 20_000
    path = tmp_path / "Invitations.csv"
    path.write_text(_one_row_csv(name, message), encoding="utf-8")
    result = run_import(db, path)
    assert result.exit_code == 0, result.output
    assert all_invitations(db)[name].note == message


def test_fields_beyond_the_csv_modules_default_limit_are_read():
    message = "x" * 200_000  # the csv module refuses fields over 128 kB unless told otherwise
    data = _one_row_csv("Long Writer", message).encode()
    (record,) = read_invitations(data, "Invitations.csv")
    assert record.item.note == message


def test_round_trip_import_decide_export_read_back(tmp_path):
    db = tmp_path / "inbox.db"
    run_import(db, EXPORT)
    found = all_invitations(db)
    with Store.open(db) as store:
        store.record_decision(found["Jane Doe"].id, "accept", session="t")
        store.record_decision(found["Li Wei, PhD"].id, "ask", session="t", message="Why?")
        store.record_decision(found["[bold red]Admin[/]"].id, "ignore", session="t")
    result = CliRunner().invoke(main, ["--db", str(db), "export", "--out", "-"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    by_name = {row["name"]: row for row in rows}
    assert len(rows) == 7  # incoming only: sent invitations are not decisions
    assert by_name["Jane Doe"]["decision"] == "accept"
    assert by_name["Jane Doe"]["sent_at"] == "2026-01-29T14:37:00"
    assert by_name["Li Wei, PhD"]["status"] == "asked"
    assert by_name["Li Wei, PhD"]["note"] == found["Li Wei, PhD"].note  # newlines survive
    admin = by_name["[bold red]Admin[/]"]
    assert admin["decision"] == "ignore"
    assert admin["note"] == "'" + found["[bold red]Admin[/]"].note  # formula neutralised
    assert by_name["Zoë Martin"]["decision"] == ""
