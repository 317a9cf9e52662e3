"""Schema and migrations. ``PRAGMA user_version`` holds the version a file is at.

Each migration runs inside the caller's ``BEGIN IMMEDIATE`` transaction, so a file is
either fully at the old version or fully at the new one. Append migrations; never edit one
that has shipped.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils


def _v1_core(db: sqlite_utils.Database) -> None:
    db["people"].create(
        {
            "id": int,
            "name": str,
            "headline": str,
            "company": str,
            "position": str,
            "location": str,
            "photo": str,  # NULL = unknown
            "about": str,
            "experience": str,  # JSON list, NULL = unknown
            "education": str,
            "skills": str,
            "recommendations": int,
            "connections": int,
            "mutual_connections": int,
            "known": int,
            "profile_created": str,
            "profile_url": str,
            "intent": str,
        },
        pk="id",
        not_null={"name"},
    )
    db["invitations"].create(
        {
            "id": int,
            "person_id": int,
            "note": str,
            "sent_at": str,
            "status": str,
            "direction": str,
            "source": str,
            "external_key": str,
            "difficulty": int,
            # Kept beside the row so the list can filter "flagged only" and show the flag
            # column for a page without loading every profile.
            "flag_codes": str,
            "flag_count": int,
            "recommended": str,
        },
        pk="id",
        foreign_keys=[("person_id", "people", "id")],
        not_null={"person_id", "sent_at", "status", "direction", "source", "flag_count"},
        defaults={
            "status": "pending",
            "direction": "incoming",
            "source": "seed",
            "flag_codes": "",
            "flag_count": 0,
        },
    )
    db["decisions"].create(
        {
            "id": int,
            "invitation_id": int,
            "action": str,
            "decided_at": str,
            "previous_status": str,
            "new_status": str,
            "session": str,
            "batch": int,
            "note": str,
            "flag_codes": str,
            "recommended": str,
            "undoes": int,
        },
        pk="id",
        foreign_keys=[("invitation_id", "invitations", "id"), ("undoes", "decisions", "id")],
        not_null={"invitation_id", "action", "decided_at", "previous_status", "new_status"},
    )
    db.execute("CREATE INDEX idx_inv_status_sent ON invitations(status, sent_at, id)")
    db.execute("CREATE INDEX idx_inv_sent ON invitations(sent_at, id)")
    db.execute(
        "CREATE INDEX idx_inv_flagged ON invitations(status, sent_at, id) WHERE flag_count > 0"
    )
    db.execute("CREATE UNIQUE INDEX idx_inv_external ON invitations(external_key)")
    db.execute("CREATE INDEX idx_inv_person ON invitations(person_id)")
    db.execute("CREATE INDEX idx_dec_invitation ON decisions(invitation_id, id)")
    db.execute("CREATE INDEX idx_dec_undoes ON decisions(undoes)")
    db.execute("CREATE INDEX idx_dec_session ON decisions(session, id)")


def _v2_messages_and_meta(db: sqlite_utils.Database) -> None:
    db["messages"].create(
        {"id": int, "invitation_id": int, "direction": str, "body": str, "at": str},
        pk="id",
        foreign_keys=[("invitation_id", "invitations", "id")],
        not_null={"invitation_id", "direction", "body", "at"},
    )
    db.execute("CREATE INDEX idx_msg_invitation ON messages(invitation_id, id)")
    db["meta"].create({"key": str, "value": str}, pk="key")


def _v3_simulation_and_training(db: sqlite_utils.Database) -> None:
    # One row per invitation the simulator knows how the sender will answer an "ask":
    # written ahead by a scenario (scripted) or drawn when the ask is first seen. ``body``
    # NULL means the sender stays silent; ``due_at`` is set once an ask starts the clock.
    db["sim_replies"].create(
        {
            "invitation_id": int,
            "body": str,
            "delay_seconds": float,
            "origin": str,  # script or drawn
            "ask_decision_id": int,
            "due_at": str,
            "delivered_at": str,
        },
        pk="invitation_id",
        foreign_keys=[("invitation_id", "invitations", "id")],
        not_null={"delay_seconds", "origin"},
    )
    db.execute(
        "CREATE INDEX idx_sim_due ON sim_replies(due_at) "
        "WHERE due_at IS NOT NULL AND delivered_at IS NULL AND body IS NOT NULL"
    )
    db["training_sessions"].create(
        {
            "id": str,
            "trainee": str,
            "scenario": str,
            "strategy": str,  # NULL for a person; the strategy name for a recorded simulation
            "policy": str,
            "started_at": str,
            "finished_at": str,
            "score": int,
            "max_score": int,
        },
        pk="id",
        not_null={"trainee", "scenario", "started_at"},
    )
    # Results copy what the trainee saw and did, so they outlive the scenario's inbox.
    db["training_results"].create(
        {
            "id": int,
            "session_id": str,
            "slot": str,  # the scenario's stable key for the invitation
            "name": str,
            "intent": str,
            "difficulty": int,
            "outcome": str,
            "recommended": str,
            "matched_policy": int,
            "points": int,
            "max_points": int,
            "mistake": str,
            "flag_codes": str,
            "decided_at": str,
            "reply": str,
        },
        pk="id",
        foreign_keys=[("session_id", "training_sessions", "id")],
        not_null={"session_id", "slot", "outcome", "points", "max_points"},
    )
    db.execute("CREATE UNIQUE INDEX idx_result_slot ON training_results(session_id, slot)")
    db.execute("CREATE INDEX idx_session_trainee ON training_sessions(trainee, started_at)")


def _v4_decision_batches(db: sqlite_utils.Database) -> None:
    # Each decision asks for max(batch) and undo looks a batch up: without this index both
    # scan the whole log, which grows with every key press.
    db.execute("CREATE INDEX idx_dec_batch ON decisions(batch)")


def _v5_training_verdicts(db: sqlite_utils.Database) -> None:
    # Why each settled invitation scored what it did (tui/simulate/verdict.py), so reports
    # and the results CSV can count mistakes by kind and the cues most often missed.
    # Rows saved before stay NULL here: their verdicts were never worked out.
    results = db["training_results"]
    results.add_column("verdict", str)
    results.add_column("cue", str)
    results.add_column("caught_by", str)
    results.add_column("policy_points", int)


def _v6_message_threads(db: sqlite_utils.Database) -> None:
    # A message belongs to the ask it was sent with, or answers: undoing that ask hides
    # them both (the log stays append-only). external_key: a message read from the
    # platform's messages.csv, so importing it again adds nothing.
    db.execute("ALTER TABLE messages ADD COLUMN decision_id INTEGER REFERENCES decisions(id)")
    db.execute("ALTER TABLE messages ADD COLUMN external_key TEXT")
    db.execute("CREATE UNIQUE INDEX idx_msg_external ON messages(external_key)")
    db.execute("CREATE INDEX idx_msg_decision ON messages(decision_id)")
    # Until now an ask's message was written with the ask, at the decision's time; an
    # answer belongs to the newest ask made before it.
    db.execute(
        "UPDATE messages SET decision_id = (SELECT d.id FROM decisions d "
        "WHERE d.invitation_id = messages.invitation_id AND d.action = 'ask' "
        "AND d.decided_at = messages.at ORDER BY d.id DESC LIMIT 1) WHERE direction = 'out'"
    )
    db.execute(
        "UPDATE messages SET decision_id = (SELECT d.id FROM decisions d "
        "WHERE d.invitation_id = messages.invitation_id AND d.action = 'ask' "
        "AND d.decided_at <= messages.at ORDER BY d.id DESC LIMIT 1) WHERE direction = 'in'"
    )
    # Your own sent invitations are not judged: no stored flags, no recommendation.
    db.execute(
        "UPDATE invitations SET flag_codes = '', flag_count = 0, recommended = NULL "
        "WHERE direction = 'outgoing'"
    )


def _v7_status_counts(db: sqlite_utils.Database) -> None:
    # How many invitations each status holds, kept by triggers in the same transaction as
    # every insert, status change and delete (whichever process writes): the split counts
    # and a split's length are then read, not counted. Counting a million rows by status
    # takes a fifth of a second per query here, which the app paid at every start.
    db.execute(
        "CREATE TABLE status_counts (status TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID"
    )
    db.execute(
        "INSERT INTO status_counts (status, n) "
        "SELECT status, count(*) FROM invitations GROUP BY status"
    )
    db.execute(
        "CREATE TRIGGER status_counts_insert AFTER INSERT ON invitations BEGIN "
        "INSERT INTO status_counts (status, n) VALUES (new.status, 1) "
        "ON CONFLICT (status) DO UPDATE SET n = n + 1; END"
    )
    db.execute(
        "CREATE TRIGGER status_counts_delete AFTER DELETE ON invitations BEGIN "
        "UPDATE status_counts SET n = n - 1 WHERE status = old.status; END"
    )
    db.execute(
        "CREATE TRIGGER status_counts_update AFTER UPDATE OF status ON invitations "
        "WHEN old.status IS NOT new.status BEGIN "
        "UPDATE status_counts SET n = n - 1 WHERE status = old.status; "
        "INSERT INTO status_counts (status, n) VALUES (new.status, 1) "
        "ON CONFLICT (status) DO UPDATE SET n = n + 1; END"
    )


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _v1_core,
    _v2_messages_and_meta,
    _v3_simulation_and_training,
    _v4_decision_batches,
    _v5_training_verdicts,
    _v6_message_threads,
    _v7_status_counts,
]
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection, current: int, target: int = SCHEMA_VERSION) -> None:
    """Bring ``conn`` from ``current`` to ``target`` in one ``BEGIN IMMEDIATE`` transaction."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Re-read under the write lock: another process may have migrated meanwhile.
        current = conn.execute("PRAGMA user_version").fetchone()[0]
        # Imported here: only a new or older file needs it, and it is slow to import
        # (a tenth of a second here), which every start of the app would pay.
        import sqlite_utils

        db = sqlite_utils.Database(conn)
        for version in range(current, target):
            MIGRATIONS[version](db)
        conn.execute(f"PRAGMA user_version = {int(target)}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
