"""The decisions export: columns, current decision versus full history, filters, defaults."""

from __future__ import annotations

import csv
import io
from datetime import datetime

import pytest

from tui.domain.models import Assessment, NewInvitation, Person
from tui.export import (
    HEADER,
    check_statuses,
    default_export_path,
    export_decisions,
    parse_since,
)
from tui.store import Store

EXPECTED_HEADER = [
    "invitation_id",
    "name",
    "headline",
    "company",
    "profile_url",
    "sent_at",
    "note",
    "status",
    "decided_at",
    "decision",
    "recommended",
    "agreed_with_recommendation",
    "flags",
    "reply",
    "session",
]
HOSTILE_NAME = "[bold]Eve[/] \x1b[31mred\x1b[0m \u202eevil"
STOCK = Assessment(("stock_note", "no_photo"), "ask")


class Clock:
    """Each store write gets the next minute, so every decision has its own time."""

    def __init__(self):
        self.minute = 0

    def __call__(self) -> str:
        self.minute += 1
        return f"2026-11-01T10:{self.minute:02d}:00+00:00"


def new(name, day, note=None, **extra):
    return NewInvitation(
        person=Person(
            name=name,
            headline=f"{name} headline",
            company="Acme, Inc.",
            profile_url=f"https://www.example.com/in/{name.lower()}" if name == "Ann" else None,
        ),
        note=note,
        sent_at=f"2026-03-{day:02d}T09:00:00",
        **extra,
    )


@pytest.fixture
def store(tmp_path):
    """Ann asked and replied; Bob accepted then undone; Cy ignored against the advice;
    Dee never decided; one outgoing invitation."""
    (tmp_path / "data").mkdir()
    with Store.open(tmp_path / "data" / "inbox.db", create=True, clock=Clock()) as s:
        s.add_invitations(
            [
                new("Ann", 1, note="I'd like to join your network."),
                new('=HYPERLINK("http://e.vil","Bob")', 2, note="line one\nline, two"),
                new("Cy", 3),
                new(HOSTILE_NAME, 4, note='She said "hi"'),
                new("Out Going", 5, status="sent", direction="outgoing"),
            ],
            assess=lambda item: STOCK,
        )
        s.record_decision(1, "ask", session="s1", message="Why connect?")  # 10:01
        s.record_reply(1, "Expanding my network in data.")  # 10:02
        s.record_decision(2, "accept", session="s1")  # 10:03
        s.undo_last()  # 10:04
        s.record_decision(3, "ignore", session="s2", assessment=Assessment((), "accept"))  # 10:05
        yield s


def export(store, **options) -> list[list[str]]:
    stream = io.StringIO(newline="")
    count = export_decisions(store, stream, **options)
    rows = list(csv.reader(io.StringIO(stream.getvalue(), newline="")))
    assert count == len(rows) - 1
    return rows


def by_id(rows):
    return {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}


def test_header_names_and_order():
    assert list(HEADER) == EXPECTED_HEADER


def test_one_row_per_invitation_in_id_order_without_outgoing(store):
    rows = export(store)
    assert rows[0] == EXPECTED_HEADER
    assert [row[0] for row in rows[1:]] == ["1", "2", "3", "4"]


def test_a_decided_row_in_full(store):
    ann = by_id(export(store))["1"]
    assert list(ann.values()) == [
        "1",
        "Ann",
        "Ann headline",
        "Acme, Inc.",
        "https://www.example.com/in/ann",
        "2026-03-01T09:00:00",
        "I'd like to join your network.",
        "replied",
        "2026-11-01T10:01:00+00:00",
        "ask",
        "ask",
        "yes",
        "stock_note;no_photo",
        "Expanding my network in data.",
        "s1",
    ]


def test_agreement_uses_the_recommendation_recorded_with_the_decision(store):
    cy = by_id(export(store))["3"]
    assert (cy["decision"], cy["recommended"], cy["agreed_with_recommendation"]) == (
        "ignore",
        "accept",
        "no",
    )
    assert cy["flags"] == ""
    assert cy["session"] == "s2"


def test_undecided_and_undone_rows_have_empty_decision_columns(store):
    rows = by_id(export(store))
    for key in ("2", "4"):
        row = rows[key]
        assert row["status"] == "pending"
        assert [row[c] for c in ("decided_at", "decision", "agreed_with_recommendation")] == [
            "",
            "",
            "",
        ]
        assert row["session"] == ""
        # The current assessment is still shown, so the file says what to do next.
        assert (row["recommended"], row["flags"]) == ("ask", "stock_note;no_photo")


def test_hostile_text_is_neutralised_or_kept_exactly(store):
    rows = by_id(export(store))
    assert rows["2"]["name"] == "'" + '=HYPERLINK("http://e.vil","Bob")'
    assert rows["2"]["note"] == "line one\nline, two"
    assert rows["4"]["name"] == HOSTILE_NAME
    assert rows["4"]["note"] == 'She said "hi"'


def test_all_history_has_every_log_entry_with_undos(store):
    rows = export(store, all_history=True)
    entries = [(r[0], r[8], r[9], r[11]) for r in rows[1:]]
    assert entries == [
        ("1", "2026-11-01T10:01:00+00:00", "ask", "yes"),
        ("2", "2026-11-01T10:03:00+00:00", "accept", "no"),
        ("2", "2026-11-01T10:04:00+00:00", "undo", ""),
        ("3", "2026-11-01T10:05:00+00:00", "ignore", "no"),
    ]
    # each row carries the status that entry left the invitation in
    assert [r[7] for r in rows[1:]] == ["asked", "accepted", "pending", "ignored"]


def test_status_filter_applies_to_the_current_status(store):
    assert [r[0] for r in export(store, statuses=["replied"])[1:]] == ["1"]
    assert [r[0] for r in export(store, statuses=["pending", "ignored"])[1:]] == ["2", "3", "4"]
    assert [r[0] for r in export(store, statuses=["sent"])[1:]] == ["5"]
    assert len(export(store, statuses=["all", "sent"])) == 1 + 5
    assert [r[0] for r in export(store, statuses=["pending"], all_history=True)[1:]] == ["2", "2"]


def test_since_keeps_later_decisions_and_recently_sent_undecided(store):
    later = export(store, since="2026-11-01T10:02:00")
    assert [r[0] for r in later[1:]] == ["3"]
    history = export(store, since="2026-11-01T10:03:00", all_history=True)
    assert [(r[0], r[9]) for r in history[1:]] == [("2", "accept"), ("2", "undo"), ("3", "ignore")]
    spring = export(store, since="2026-03-02")
    assert [r[0] for r in spring[1:]] == ["1", "2", "3", "4"]
    assert [r[0] for r in export(store, since="2026-11-02")[1:]] == []


def test_since_with_a_zone_is_compared_in_utc(store):
    # 11:02 in Paris (+01:00) is 10:02 UTC
    assert [r[0] for r in export(store, since="2026-11-01T11:02:00+01:00")[1:]] == ["3"]


def test_bad_filters_are_refused_with_one_line():
    with pytest.raises(ValueError, match="unknown status 'done'"):
        check_statuses(["pending", "done"])
    with pytest.raises(ValueError, match=r"'yesterday' is not a date \(YYYY-MM-DD\)"):
        parse_since("yesterday")


@pytest.mark.parametrize(
    ("text", "stored"),
    [
        ("2026-01-29", "2026-01-29"),
        ("2026-01-29T10:00", "2026-01-29T10:00:00"),
        ("2026-01-29T10:00:00Z", "2026-01-29T10:00:00"),
        ("2026-01-29T10:00:00+02:00", "2026-01-29T08:00:00"),
        ("2026-01-29 10:00:00.250", "2026-01-29T10:00:00.250000"),
    ],
)
def test_since_forms(text, stored):
    assert parse_since(text) == stored


def test_statuses_all_means_every_status_but_sent():
    assert check_statuses(["all"]) == ("pending", "asked", "replied", "accepted", "ignored")
    assert check_statuses(["ALL", "sent"])[-1] == "sent"
    assert check_statuses([]) is None


def test_default_path_is_exports_beside_the_database_and_never_reused(store, tmp_path):
    now = datetime(2026, 1, 29, 14, 37, 5)
    db = tmp_path / "data" / "inbox.db"
    first = default_export_path(db, now)
    assert first == tmp_path / "data" / "exports" / "decisions-20260129-143705.csv"
    assert first.parent.is_dir()
    assert export_decisions(store, first, statuses=["pending"]) == 2
    second = default_export_path(db, now)
    assert second.name == "decisions-20260129-143705-2.csv"


def test_export_from_a_read_write_store_as_the_app_does(store, tmp_path):
    path = default_export_path(tmp_path / "data" / "inbox.db")
    assert export_decisions(store, path, statuses=["replied"], bom=True) == 1
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == EXPECTED_HEADER
    assert rows[1][1] == "Ann"
