"""``invite-triage explain`` as a user runs it: text, JSON Lines, filters and hostile text."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from tui.cli import main
from tui.domain.assessment import assess
from tui.domain.models import NewInvitation, Person
from tui.store import Store

STOCK = "I'd like to add you to my professional network on LinkedIn."
HOSTILE_NAME = '[bold red]Eve[/] \x1b[31mRed\x1b[0m \u202eevil\u202c =HYPERLINK("x")'
LONG_NOTE = "x" * 10_000 + " " + STOCK
FLAG_KEYS = {"code", "severity", "field", "span", "explanation"}


def sender(name, **fields):
    return Person(name=name, known=False, **fields)


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "inbox.db"
    items = [
        NewInvitation(
            sender(
                "Ana Ruiz",
                photo="selfie",
                headline="Growth lead",
                company="Acme",
                mutual_connections=0,
            ),
            STOCK,
            "2026-01-29T10:00:00",
        ),
        NewInvitation(
            sender("Ben Okafor", photo="headshot"),
            "I loved your article on payroll!",
            "2026-01-28T10:00:00",
        ),
        NewInvitation(sender(HOSTILE_NAME), LONG_NOTE, "2026-01-27T10:00:00"),
        NewInvitation(
            sender("Cy Sent"), None, "2026-01-26T10:00:00", status="sent", direction="outgoing"
        ),
    ]
    with Store.open(path, create=True) as store:
        store.add_invitations(items, assess=assess)
        store.record_decision(1, "ask", session="test")
        store.record_reply(1, "I'm expanding my network in fintech.", at="2026-01-30T09:00:00")
    return path


def run(db, *args):
    return CliRunner().invoke(main, ["--db", str(db), "explain", *args])


def records(result):
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_json_lines_have_exactly_the_promised_keys(db):
    rows = records(run(db, "--json"))
    assert [r["id"] for r in rows] == [1, 2, 3]  # newest first, "sent" left out
    for row in rows:
        assert set(row) == {
            "id", "name", "status", "profile_url", "flags", "signals", "recommendation"
        }  # fmt: skip
        assert set(row["recommendation"]) == {"action", "reasons"}
        for flag in row["flags"]:
            assert set(flag) == FLAG_KEYS
        for signal in row["signals"]:
            assert set(signal) == FLAG_KEYS | {"detail"}
            assert signal["severity"] == "info"


def test_json_content_for_a_replied_ask(db):
    ana = records(run(db, "--json", "--id", "1"))[0]
    assert ana["status"] == "replied"
    assert ana["recommendation"]["action"] == "accept"
    codes = {f["code"] for f in ana["flags"]}
    assert {"generic_note", "unprofessional_photo", "no_mutual_connections"} <= codes
    reply = next(s for s in ana["signals"] if s["code"] == "reply_reason")
    assert reply["field"] == "reply" and reply["detail"] == ["grow_network"]
    generic = next(f for f in ana["flags"] if f["code"] == "generic_note")
    assert STOCK[generic["span"][0] : generic["span"][1]].startswith("I'd like to add you")


def test_hostile_text_round_trips_unchanged_in_json(db):
    result = run(db, "--json", "--id", "3")
    row = records(result)[0]
    assert row["name"] == HOSTILE_NAME
    generic = next(f for f in row["flags"] if f["code"] == "generic_note")
    start, end = generic["span"]
    assert start > 10_000 and LONG_NOTE[start:end] == STOCK.rstrip(".")
    raw = result.stdout_bytes
    assert b"\x1b" not in raw and "\u202e".encode() not in raw  # escaped by json.dumps
    assert raw.count(b"\n") == 1


def test_text_mode_shows_sender_flags_and_recommendation(db):
    result = run(db, "--id", "2")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "#2  Ben Okafor  (pending)" in out
    assert "+ signal stated_reason" in out and "appreciates something you made" in out
    assert "recommendation: ACCEPT" in out


def test_text_mode_escapes_hostile_text_and_cuts_long_notes(db):
    out = run(db, "--id", "3").stdout
    assert "\x1b" not in out and "\u202e" not in out
    assert "\\x1b[31mRed" in out and "\\u202eevil" in out
    assert "[bold red]Eve[/]" in out  # plain output: markup is shown, never interpreted
    assert "(10,060 characters)" in out
    assert len(max(out.splitlines(), key=len)) < 600


def test_status_filter_and_sent(db):
    assert [r["id"] for r in records(run(db, "--json", "--status", "pending"))] == [2, 3]
    assert [r["id"] for r in records(run(db, "--json", "--status", "sent"))] == [4]
    assert records(run(db, "--json", "--status", "ignored")) == []


def test_your_own_sent_invitations_get_no_flags_and_no_recommendation_only_their_age(db):
    (sent,) = records(run(db, "--json", "--status", "sent"))
    assert sent["flags"] == [] and sent["signals"] == []
    assert sent["recommendation"] is None
    assert sent["age_days"] >= 100  # sent on 2026-01-26
    out = run(db, "--status", "sent").stdout
    assert "#4  Cy Sent  (sent)" in out
    assert "your invitation, sent 2026-01-26T10:00:00, waiting " in out
    assert "red flag" not in out and "!" not in out and "recommendation" not in out


def test_an_unanswered_ask_says_wait_with_the_reason(tmp_path):
    path = tmp_path / "inbox.db"
    with Store.open(path, create=True) as store:
        store.add_invitations(
            [NewInvitation(sender("Dee Asked"), STOCK, "2026-01-29T10:00:00")], assess=assess
        )
        store.record_decision(1, "ask", session="test", message="Why connect?")
    (row,) = records(run(path, "--json"))
    assert row["recommendation"]["action"] == "wait"
    assert row["recommendation"]["reasons"][0] == (
        "You asked why they want to connect today "
        f"({row['recommendation']['reasons'][0].split('(')[1].split(')')[0]}); no reply yet."
    )
    assert "give them 7 days to reply" in row["recommendation"]["reasons"][1]


def test_bad_arguments_fail_cleanly(db, tmp_path):
    missing = run(db, "--id", "99")
    assert missing.exit_code == 1
    assert missing.stderr.strip() == "invite-triage: error: no invitation with id 99"
    both = run(db, "--id", "1", "--status", "pending")
    assert both.exit_code == 2 and "either --id or --status" in both.stderr
    assert run(db, "--status", "maybe").exit_code == 2
    no_db = CliRunner().invoke(main, ["--db", str(tmp_path / "none.db"), "explain"])
    assert no_db.exit_code == 1 and "no database at" in no_db.stderr
    assert not (tmp_path / "none.db").exists()


def test_reads_a_write_protected_inbox_without_changing_it(db):
    before = db.read_bytes()
    os.chmod(db, 0o444)
    try:
        assert len(records(run(db, "--json"))) == 3
    finally:
        os.chmod(db, 0o644)
    assert db.read_bytes() == before


def test_streams_past_one_page(tmp_path):
    path = tmp_path / "big.db"
    items = (
        NewInvitation(sender(f"Sender {i}"), STOCK if i % 2 else None, f"2026-01-01T00:{i % 60:02}")
        for i in range(650)
    )
    with Store.open(path, create=True) as store:
        store.add_invitations(items, assess=assess)
    rows = records(run(path, "--json"))
    assert len(rows) == 650 and len({r["id"] for r in rows}) == 650


def test_a_closed_pipe_ends_quietly(tmp_path):
    path = tmp_path / "pipe.db"
    with Store.open(path, create=True) as store:
        store.add_invitations(
            (NewInvitation(sender(f"S{i}"), STOCK, "2026-01-01") for i in range(600)), assess=assess
        )
    process = subprocess.Popen(
        [sys.executable, "-m", "tui", "--db", str(path), "explain"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout.readline().startswith(b"#")
    process.stdout.close()
    stderr = process.stderr.read()
    process.wait(timeout=60)
    assert b"Traceback" not in stderr and b"error" not in stderr
