"""The split counts are kept by the file itself (schema v7 ``status_counts``): whatever
writes an invitation, its status or its removal, the counts read equal a fresh count."""

from __future__ import annotations

import sqlite3

import sqlite_utils
from conftest import make_db

from tui.store import Filter, Store
from tui.store.schema import migrate

STATUSES = ("pending", "asked", "replied", "accepted", "ignored", "sent")


def counted(store: Store) -> dict[str, int]:
    """The counts as a full scan of the invitations gives them."""
    result = dict.fromkeys(STATUSES, 0)
    for status, count in store.conn.execute(
        "SELECT status, count(*) FROM invitations GROUP BY status"
    ):
        result[status] = count
    result["all"] = sum(v for k, v in result.items() if k != "sent")
    return result


def lengths(store: Store) -> dict[str | None, int]:
    return {status: store.count(Filter(status)) for status in (*STATUSES, None)}


def scanned_lengths(store: Store) -> dict[str | None, int]:
    """Each split's length as a full scan gives it."""
    scan = counted(store)
    return {status: scan["all" if status is None else status] for status in (*STATUSES, None)}


def test_counts_follow_decisions_undo_replies_and_deletes(tmp_path):
    path = make_db(tmp_path)
    with Store.open(path) as store:
        assert store.counts() == counted(store)
        assert store.counts()["pending"] == 5
        pending = [row.id for row in store.page(Filter("pending"))]
        store.record_decision(pending[0], "accept", session="s")
        store.record_decision(pending[1], "ask", session="s", message="Why?")
        store.record_decisions(pending[2:4], "ignore", session="s")
        assert store.counts() == counted(store)
        assert store.counts()["pending"] == 1
        store.record_reply(pending[1], "Because.")  # asked -> replied
        assert store.counts() == counted(store)
        store.undo_last(session="s")
        assert store.counts() == counted(store)
        assert lengths(store) == scanned_lengths(store)
        with store.transaction() as conn:
            conn.execute("DELETE FROM messages")
            conn.execute("DELETE FROM decisions")
            conn.execute("DELETE FROM invitations WHERE status = 'pending'")
        assert store.counts() == counted(store)
        assert store.counts()["pending"] == 0
        assert lengths(store) == scanned_lengths(store)


def test_another_connection_keeps_them_too(tmp_path):
    """Another process writing with plain SQL (no invite-triage code) still counts."""
    path = make_db(tmp_path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("UPDATE invitations SET status = 'accepted' WHERE status = 'pending'")
    conn.close()
    with Store.open(path) as store:
        assert store.counts() == counted(store)
        assert store.counts()["pending"] == 0
        assert store.count(Filter("accepted")) == 6


def test_an_older_file_gets_its_counts_when_migrated(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, 0, target=6)
    db = sqlite_utils.Database(conn)
    db["people"].insert({"id": 1, "name": "From v6"})
    for index, status in enumerate(("pending", "pending", "asked", "sent"), start=1):
        db["invitations"].insert(
            {"id": index, "person_id": 1, "sent_at": f"2025-12-0{index}", "status": status}
        )
    conn.close()
    with Store.open(path) as store:
        assert store.counts() == counted(store)
        assert store.counts()["pending"] == 2
        assert store.count(Filter(None)) == 3  # every status but sent
