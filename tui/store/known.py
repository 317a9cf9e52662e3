"""Refreshing what earlier imports recorded about senders, once a newer export says more.

An ``Invitations.csv`` imported alone leaves ``known`` unknown; importing the whole export
later (with ``Connections.csv``) finds those invitations already present and, through
this, fills in ``known`` and refreshes their stored flags. A connection made since an
earlier export is picked up the same way.
"""

from __future__ import annotations

from collections.abc import Callable

from tui.domain.models import Assessment
from tui.store import rows

CHUNK = 500  # keys per query, well under SQLite's variable limit


def update_known(
    store,
    known_by_key: dict[str, bool],
    assess: Callable[..., Assessment],
    work_by_key: dict[str, tuple[str | None, str | None]] | None = None,
) -> int:
    """Set ``known`` for invitations stored under these external keys; returns how many changed.

    Each chunk of keys is one short transaction (a window sharing the file waits for one
    chunk at most); running it again after a failure finishes the rest. Each changed
    invitation is assessed again with ``assess`` so the list's flag column agrees with the
    new fact. ``work_by_key`` gives a connection's ``(company, position)`` from
    Connections.csv, filled in where the sender has none.
    """
    work_by_key = work_by_key or {}
    keys = list(known_by_key)
    changed = 0
    for start in range(0, len(keys), CHUNK):
        chunk = keys[start : start + CHUNK]
        with store.transaction() as conn:
            found = conn.execute(
                "SELECT i.id, i.person_id, i.external_key, p.known, p.company, p.position "
                "FROM invitations i "
                "JOIN people p ON p.id = i.person_id "
                f"WHERE i.external_key IN ({', '.join('?' * len(chunk))})",
                chunk,
            ).fetchall()
            for row in found:
                company, position = work_by_key.get(row["external_key"], (None, None))
                if (company and not row["company"]) or (position and not row["position"]):
                    conn.execute(
                        "UPDATE people SET company = coalesce(company, ?), "
                        "position = coalesce(position, ?) WHERE id = ?",
                        (company, position, row["person_id"]),
                    )
                new = known_by_key[row["external_key"]]
                if row["known"] is not None and bool(row["known"]) == new:
                    continue
                conn.execute(
                    "UPDATE people SET known = ? WHERE id = ?", (int(new), row["person_id"])
                )
                rows.write_assessment(conn, row["id"], assess(store.get(row["id"])))
                changed += 1
    return changed
