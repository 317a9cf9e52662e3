"""Several real processes on one inbox file: what the app showed as done is on disk.

The app runs under Pilot in a process of its own; ``seed``, ``import`` and a second store
writer run in others, each opening and closing the file while the app has it open (which
used to let one of them delete the app's live WAL). The app's process is then killed with
SIGKILL: every decision it acknowledged must be on disk, with everything the others wrote,
and the file must pass SQLite's integrity check.
"""

from __future__ import annotations

import json
import sqlite3

import pytest
from _processes import AppProcess, acknowledged, cli, decide
from conftest import Inv, make_db

from tui.store import Store


def on_disk(db) -> dict:
    """What a fresh connection sees: name -> (status, sessions that decided it)."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        found = {}
        for name, status, sessions in conn.execute(
            "SELECT p.name, i.status, group_concat(d.session) FROM invitations i "
            "JOIN people p ON p.id = i.person_id LEFT JOIN decisions d ON d.invitation_id = i.id "
            "GROUP BY i.id"
        ):
            found[name] = (status, sessions)
        return found
    finally:
        conn.close()


@pytest.fixture
def inbox(tmp_path):
    return make_db(tmp_path, [Inv(f"Person {n:02d}", minutes=n + 1) for n in range(30)])


def test_what_the_app_showed_survives_other_writers_and_sigkill(tmp_path, inbox):
    app = AppProcess(inbox, "app", tmp_path / "app.log")
    try:
        app.wait_for("Pending 30")
        cli(inbox, "seed", "--count", "5")
        cases = tmp_path / "cases.jsonl"
        cases.write_text(
            "\n".join(
                json.dumps({"name": name, "sent_at": "2026-01-15T09:00:00", "key": name})
                for name in ("Imported One", "Imported Two")
            )
            + "\n"
        )
        cli(inbox, "import", str(cases))
        decide(inbox, "ignore", "other writer", [26, 27, 28, 29, 30])  # the five oldest
        app.wait_for("Pending 32")  # 30 + 5 seeded + 2 imported - 5 ignored elsewhere
        shown = [acknowledged(app.press(key)) for key in "axaxa"]
        assert len({name for _, name in shown}) == 5
        while_running = on_disk(inbox)
        for status, name in shown:
            assert while_running[name] == (status, "app"), name
    finally:
        app.kill()
    after = on_disk(inbox)
    for status, name in shown:
        assert after[name] == (status, "app"), name
    for n in range(25, 30):
        assert after[f"Person {n:02d}"] == ("ignored", "other writer")
    assert {"Imported One", "Imported Two"} <= set(after)
    assert len(after) == 37


def test_undo_across_windows_never_reverts_the_other_windows_later_decision(tmp_path, inbox):
    first = AppProcess(inbox, "first", tmp_path / "first.log")
    second = AppProcess(inbox, "second", tmp_path / "second.log")
    try:
        assert acknowledged(first.press("a")) == ("accepted", "Person 00")
        second.wait_for("Accepted 1")
        second.press("4")  # the accepted split: Person 00 alone
        assert acknowledged(second.press("x")) == ("ignored", "Person 00")
        first.wait_for("Ignored 1")
        screen = first.press("z")
        assert "not undone: Person 00 was decided again elsewhere since" in screen
        second.wait_for("Ignored 1")
    finally:
        first.kill()
        second.kill()
    assert on_disk(inbox)["Person 00"] == ("ignored", "first,second")


def test_a_bulk_decision_killed_part_way_leaves_whole_chunks(tmp_path):
    db = make_db(tmp_path, [Inv(f"Person {n:05d}", minutes=n + 1) for n in range(20_000)])
    app = AppProcess(db, "app", tmp_path / "app.log")
    try:
        app.press("*", "a")
        app.type("y")
        # Killed as soon as the first chunks are reported (or, on a very fast machine,
        # when all are done: what is on disk must be consistent either way).
        app.wait_for("accepting…", "accepted 20,000 invitations")
    finally:
        app.kill()
    with Store.open(db) as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        decided = store.conn.execute(
            "SELECT count(*), count(DISTINCT batch) FROM decisions"
        ).fetchone()
        # Every decision written is matched by its invitation's status, and nothing else
        # moved: no chunk is ever half there.
        accepted = store.counts()["accepted"]
        mismatched = store.conn.execute(
            "SELECT count(*) FROM decisions d JOIN invitations i ON i.id = d.invitation_id "
            "WHERE i.status != d.new_status"
        ).fetchone()[0]
    assert decided[0] == accepted > 0
    assert decided[1] == 1
    assert mismatched == 0
