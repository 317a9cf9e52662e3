"""JSON Lines import: every field round-trips, unknown stays unknown, bad files change nothing."""

from __future__ import annotations

import json

import pytest
from _import_support import CASES, all_invitations, dump, existing_inbox, run_import

from tui.domain.models import Education, Experience


def test_every_field_round_trips(tmp_path):
    db = tmp_path / "inbox.db"
    result = run_import(db, CASES)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == (
        f"Imported {CASES}: added 4 (4 incoming as pending); skipped 0 already present."
    )
    maria = all_invitations(db)["Maria Gonzalez"]
    person = maria.person
    assert (person.headline, person.company, person.position, person.location) == (
        "Talent partner at Northwind",
        "Northwind",
        "Talent partner",
        "Madrid, Spain",
    )
    assert person.photo == "headshot"
    assert (
        person.about == "I help engineers find teams they love.\nTwelve years in tech recruiting."
    )
    assert person.experience == (
        Experience("Talent partner", "Northwind", "2021-04", None),
        Experience("Recruiter", "Contoso", "2016", "2021-03-31"),
    )
    assert person.education == (
        Education("Universidad de Salamanca", "BA Psychology"),
        Education("Online course", None),
    )
    assert person.skills == ("Recruiting", "Interviewing")
    assert (person.recommendations, person.connections, person.mutual_connections) == (4, 1830, 12)
    assert person.known is False
    assert person.profile_created == "2014-09-02"
    assert person.profile_url == "https://www.example.com/in/maria-gonzalez"
    assert maria.note == "Hi! I saw your talk on onboarding, would love to connect."
    assert maria.sent_at == "2026-01-29T14:37:00"
    assert (maria.status, maria.direction, maria.source) == ("pending", "incoming", "jsonl")


def test_missing_fields_are_unknown_and_empty_ones_stay_empty(tmp_path):
    db = tmp_path / "inbox.db"
    run_import(db, CASES)
    found = all_invitations(db)
    unknown = found["Unknown Everything"].person
    for field in (
        *("headline", "company", "position", "location", "photo", "about", "experience"),
        *("education", "skills", "recommendations", "connections", "mutual_connections"),
        *("known", "profile_created", "profile_url"),
    ):
        assert getattr(unknown, field) is None, field
    assert found["Unknown Everything"].note is None
    assert found["Unknown Everything"].sent_at == "2026-01-28T09:00:00+01:00"

    empty = found["Left It Empty"].person
    assert (empty.headline, empty.company, empty.about) == ("", "", "")
    assert (empty.experience, empty.education, empty.skills) == ((), (), ())
    assert (empty.recommendations, empty.connections, empty.mutual_connections) == (0, 0, 0)
    assert empty.photo == "none"
    assert empty.known is False
    assert found["Left It Empty"].sent_at == "2026-01-27T08:15:00"


def test_hostile_text_is_stored_verbatim(tmp_path):
    db = tmp_path / "inbox.db"
    long_name = "Ω" * 10_000 + "[/]"
    line = json.dumps({"name": long_name, "note": "\u202e\x1b]8;;x\x07", "sent_at": "2026-01-01"})
    path = tmp_path / "hostile.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    assert run_import(db, path).exit_code == 0
    assert run_import(db, CASES).exit_code == 0
    found = all_invitations(db)
    assert found[long_name].note == "\u202e\x1b]8;;x\x07"
    boss = found["[bold red]Boss[/] \u202egnp.exe"]
    assert boss.person.headline == "\x1b[2J\x1b[31mcleared\x1b[0m"
    assert boss.person.company == '=HYPERLINK("http://example.invalid","Open")'
    assert boss.note == "+1-555 call me\r\nnow"
    assert boss.sent_at == "2026-01-26T10:00:00+00:00"


def test_reimport_adds_nothing_twice(tmp_path):
    db = tmp_path / "inbox.db"
    run_import(db, CASES)
    before = dump(db)
    again = run_import(db, CASES)
    assert again.exit_code == 0
    assert again.stdout.strip().endswith("added 0; skipped 4 already present.")
    assert dump(db) == before


def _write(tmp_path, *objects, name="cases.jsonl") -> object:
    path = tmp_path / name
    path.write_text("".join(json.dumps(o) + "\n" for o in objects), encoding="utf-8")
    return path


def test_same_name_different_people_stay_two_and_repeats_count_once(tmp_path):
    db = tmp_path / "inbox.db"
    a = {"name": "John Smith", "company": "Initech", "sent_at": "2026-01-01T09:00:00"}
    b = {"name": "John Smith", "company": "Globex", "sent_at": "2026-01-01T09:00:00"}
    path = _write(tmp_path, a, b, a)
    result = run_import(db, path)
    assert result.exit_code == 0, result.output
    assert "added 2 " in result.stdout
    assert "ignored 1 repeated in the file" in result.stdout


def test_profile_url_and_sent_at_identify_an_invitation(tmp_path):
    db = tmp_path / "inbox.db"
    first = {
        "name": "Ann",
        "profile_url": "https://x.example/in/ann?utm_source=a",
        "sent_at": "2026-01-01T09:00:00",
    }
    run_import(db, _write(tmp_path, first, name="one.jsonl"))
    # The same invitation with a fixed typo and a tidier URL is still the same invitation.
    edited = {
        "name": "Anne",
        "profile_url": "https://X.example/in/ann/",
        "sent_at": "2026-01-01T09:00:00",
    }
    result = run_import(db, _write(tmp_path, edited, name="two.jsonl"))
    assert result.stdout.strip().endswith("added 0; skipped 1 already present.")


def test_own_key_identifies_an_invitation(tmp_path):
    db = tmp_path / "inbox.db"
    run_import(db, _write(tmp_path, {"key": "case-7", "name": "A", "sent_at": "2026-01-01"}))
    result = run_import(
        db,
        _write(tmp_path, {"key": "case-7", "name": "B", "sent_at": "2026-02-02"}, name="b.jsonl"),
    )
    assert "added 0; skipped 1 already present" in result.stdout


def test_bom_and_blank_lines_are_fine(tmp_path):
    db = tmp_path / "inbox.db"
    path = tmp_path / "bom.txt"  # content decides, not the name
    path.write_bytes(b'\xef\xbb\xbf{"name": "B", "sent_at": "2026-01-01"}\r\n\r\n  \n')
    result = run_import(db, path)
    assert result.exit_code == 0, result.output
    assert "added 1 " in result.stdout


GOOD = '{"name": "Good", "sent_at": "2026-01-01T10:00:00"}'

# (second line of the file, expected end of the error line)
BAD_LINES = [
    ('{"name": "X"}', "2: field 'sent_at': is required"),
    ('{"sent_at": "2026-01-01"}', "2: field 'name': is required"),
    ('{"name": null, "sent_at": "2026-01-01"}', "2: field 'name': must not be null"),
    ('{"name": "  ", "sent_at": "2026-01-01"}', "2: field 'name': must not be empty"),
    ('{"name": 7, "sent_at": "2026-01-01"}', "2: field 'name': expected a string or null"),
    ('{"name": "X", "sent_at": "yesterday"}', "2: field 'sent_at': not an ISO 8601 date-time"),
    ('{"name": "X", "sent_at": "2026-02-30"}', "2: field 'sent_at': not an ISO 8601 date-time"),
    ('{"name": "X", "sent_at": "2026-01-01", "known": 1}', "field 'known': expected true, false"),
    ('{"name": "X", "sent_at": "2026-01-01", "known": "yes"}', "field 'known': expected true"),
    (
        '{"name": "X", "sent_at": "2026-01-01", "connections": true}',
        "field 'connections': expected a whole number or null, got true",
    ),
    (
        '{"name": "X", "sent_at": "2026-01-01", "connections": 3.0}',
        "field 'connections': expected a whole number",
    ),
    (
        '{"name": "X", "sent_at": "2026-01-01", "connections": -1}',
        "field 'connections': must be between 0 and",
    ),
    (
        '{"name": "X", "sent_at": "2026-01-01", "connections": 99999999999999999999999}',
        "field 'connections': must be between 0 and",
    ),
    (
        '{"name": "X", "sent_at": "2026-01-01", "photo": "portrait"}',
        "field 'photo': expected one of headshot, none, selfie",
    ),
    (
        '{"name": "X", "sent_at": "2026-01-01", "skills": "Python"}',
        "field 'skills': expected a list or null",
    ),
    (
        '{"name": "X", "sent_at": "2026-01-01", "skills": ["ok", 3]}',
        "field 'skills[2]': expected a string",
    ),
    (
        '{"name": "X", "sent_at": "2026-01-01", "experience": [{"title": "Dev"}]}',
        "field 'experience[1].company': is required",
    ),
    (
        '{"name": "X", "sent_at": "2026-01-01", "experience": [{"title": "D", "company": "C", '
        '"start": "2021/04"}]}',
        "field 'experience[1].start': not a date like 2021",
    ),
    (
        '{"name": "X", "sent_at": "2026-01-01", "experience": [{"title": "D", "company": "C", '
        '"end": "2021-13"}]}',
        "field 'experience[1].end': no such date",
    ),
    (
        '{"name": "X", "sent_at": "2026-01-01", "education": [{"degree": "BA"}]}',
        "field 'education[1].school': is required",
    ),
    (
        '{"name": "X", "sent_at": "2026-01-01", "education": [{"school": "S", "year": 1}]}',
        "field 'education[1].year': unknown field",
    ),
    (
        '{"name": "X", "sent_at": "2026-01-01", "profile_created": "2024-5-1"}',
        "field 'profile_created': not a date like 2024-05-01",
    ),
    (
        '{"name": "X", "sent_at": "2026-01-01", "mutual_conections": 3}',
        "field 'mutual_conections': unknown field",
    ),
    ('{"name": "X", "name": "Y", "sent_at": "2026-01-01"}', "field 'name': appears twice"),
    ('{"name": "\\ud800", "sent_at": "2026-01-01"}', "field 'name': holds an unpaired surrogate"),
    ('{"name": "X", "sent_at": "2026-01-01", "connections": NaN}', "2: not valid JSON"),
    ('{"name": "X", "sent_at": "2026-01-01",}', "2: not valid JSON"),
    ('["X", "2026-01-01"]', "2: expected one JSON object per line, got a list"),
    ('"just text"', "2: expected one JSON object per line"),
    ("[" * 100_000, "2: not valid JSON"),
    (
        '{"key": "k", "name": "Other", "sent_at": "2026-01-01"}',
        "2: the same key as line 1 but different details",
    ),
]


@pytest.mark.parametrize(("line", "expected"), BAD_LINES)
def test_a_bad_line_rejects_the_whole_file_and_changes_nothing(tmp_path, line, expected):
    db = existing_inbox(tmp_path)
    before = dump(db)
    first = GOOD if "key" not in line else '{"key": "k", "name": "Good", "sent_at": "2026-01-01"}'
    path = tmp_path / "bad.jsonl"
    path.write_text(f"{first}\n{line}\n{GOOD.replace('Good', 'After')}\n", encoding="utf-8")
    result = run_import(db, path)
    assert result.exit_code == 1
    assert result.stdout == ""
    message = result.stderr.strip()
    assert "\n" not in message and "Traceback" not in message
    assert message.startswith(f"invite-triage: error: {path}:2: ")
    assert expected in message
    assert dump(db) == before


def test_invalid_utf8_names_its_line(tmp_path):
    db = existing_inbox(tmp_path)
    before = dump(db)
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(
        f"{GOOD}\n".encode() + '{"name": "José", "sent_at": "2026-01-01"}\n'.encode("latin-1")
    )
    result = run_import(db, path)
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"invite-triage: error: {path}:2: not UTF-8 text (byte 0xe9 at column 14)"
    )
    assert dump(db) == before


def test_pretty_printed_json_gets_a_hint(tmp_path):
    path = tmp_path / "pretty.jsonl"
    path.write_text('{\n  "name": "A",\n  "sent_at": "2026-01-01"\n}\n', encoding="utf-8")
    result = run_import(tmp_path / "inbox.db", path)
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"invite-triage: error: {path}:1: not valid JSON: the line ends mid-object "
        "(JSON Lines needs each whole object on one line)"
    )


def test_a_bad_file_does_not_create_a_database(tmp_path):
    db = tmp_path / "new.db"
    path = _write(tmp_path, {"name": "X"})
    assert run_import(db, path).exit_code == 1
    assert not db.exists()


def test_hostile_values_in_errors_are_escaped_and_short(tmp_path):
    db = tmp_path / "inbox.db"
    path = _write(tmp_path, {"name": "X", "sent_at": "\x1b[31m\u202e" + "9" * 5000})
    result = run_import(db, path)
    message = result.stderr
    assert "\x1b" not in message and "\u202e" not in message
    assert len(message) < 300


def test_check_validates_without_importing(tmp_path):
    db = tmp_path / "inbox.db"
    result = run_import(db, "--check", CASES)
    assert result.exit_code == 0
    assert (
        result.stdout.strip() == f"{CASES} is valid: 4 invitations (4 incoming); nothing imported."
    )
    assert not db.exists()
