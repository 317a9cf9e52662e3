"""Schema and migrations. ``PRAGMA user_version`` holds the version a file is at.

Each migration runs inside the caller's ``BEGIN IMMEDIATE`` transaction, so a file is
either fully at the old version or fully at the new one. Append migrations; never edit one
that has shipped.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

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


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _v1_core,
    _v2_messages_and_meta,
]
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection, current: int, target: int = SCHEMA_VERSION) -> None:
    """Bring ``conn`` from ``current`` to ``target`` in one ``BEGIN IMMEDIATE`` transaction."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Re-read under the write lock: another process may have migrated meanwhile.
        current = conn.execute("PRAGMA user_version").fetchone()[0]
        db = sqlite_utils.Database(conn)
        for version in range(current, target):
            MIGRATIONS[version](db)
        conn.execute(f"PRAGMA user_version = {int(target)}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
