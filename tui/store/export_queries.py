"""Read queries for the CSV export: one streaming SELECT per export, no rows held in memory.

Kept apart from ``store.py`` because the export reads the log in a shape nothing else needs
(the current decision of every invitation, or the whole log with each sender's reply).
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable, Iterator

from tui.store.messages import VISIBLE, visible

# What each tuple from :meth:`ExportQueries.export_rows` holds, in order.
EXPORT_FIELDS = (
    "invitation_id",
    "name",
    "headline",
    "company",
    "profile_url",
    "sent_at",
    "note",
    "status",
    "decided_at",
    "action",
    "recommended",
    "flag_codes",
    "reply",
    "session",
)

# The answer to the latest question, as ``Invitation.reply`` reads it: the sender's
# messages since your last one still standing, one per line.
_LAST_QUESTION = (
    "(SELECT coalesce(max(o.id), 0) FROM messages o WHERE o.invitation_id = i.id "
    f"AND o.direction = 'out' AND {visible('o')})"
)
_REPLY = (
    "(SELECT group_concat(a.body, char(10)) FROM (SELECT m.body FROM messages m "
    f"WHERE m.invitation_id = i.id AND m.direction = 'in' AND {VISIBLE} "
    f"AND m.id > {_LAST_QUESTION} ORDER BY m.id) a)"
)

# The decision an invitation currently stands on: its newest entry that is not an undo and
# has not been undone. ``undo_last`` reverts newest first, so this matches ``status``.
# Walking the invitation's entries newest first stops at the first one that qualifies.
_CURRENT_DECISION = (
    "(SELECT x.id FROM decisions x WHERE x.invitation_id = i.id AND x.action != 'undo' "
    "AND NOT EXISTS (SELECT 1 FROM decisions u WHERE u.undoes = x.id) "
    "ORDER BY x.id DESC LIMIT 1)"
)

_CURRENT_SELECT = (
    "SELECT i.id, p.name, p.headline, p.company, p.profile_url, i.sent_at, i.note, i.status, "
    "d.decided_at, d.action, "
    "CASE WHEN d.id IS NULL THEN i.recommended ELSE d.recommended END, "
    "CASE WHEN d.id IS NULL THEN i.flag_codes ELSE d.flag_codes END, "
    f"{_REPLY}, d.session "
    "FROM invitations i JOIN people p ON p.id = i.person_id "
    f"LEFT JOIN decisions d ON d.id = {_CURRENT_DECISION}"
)

# In the history each row carries the status that entry left the invitation in.
_HISTORY_SELECT = (
    "SELECT i.id, p.name, p.headline, p.company, p.profile_url, i.sent_at, i.note, "
    "d.new_status, "
    "d.decided_at, d.action, d.recommended, d.flag_codes, "
    f"{_REPLY}, d.session "
    "FROM decisions d JOIN invitations i ON i.id = d.invitation_id "
    "JOIN people p ON p.id = i.person_id"
)


class ExportQueries:
    """Mixed into :class:`~tui.store.store.Store`; relies on its ``conn``."""

    def export_rows(
        self,
        *,
        statuses: Iterable[str] | None = None,
        since: str | None = None,
        all_history: bool = False,
    ) -> Iterator[tuple]:
        """Stream plain tuples in :data:`EXPORT_FIELDS` order, from one consistent snapshot.

        Current mode (the default): one row per invitation in id (arrival) order, with the
        decision it stands on, or empty decision fields when it has none; the
        recommendation and flags are those recorded with that decision (the current
        assessment when undecided). ``since`` keeps rows whose decision time, or sent time
        when undecided, is at or after it.

        ``all_history``: one row per log entry (undo entries included), oldest first, with
        the status that entry left the invitation in; ``since`` compares the entry's time.

        ``statuses`` filters on the invitation's current status in both modes; ``None``
        means every status but "sent". ``since`` is compared as text, so pass it in the
        stored form (``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM:SS``, UTC).
        """
        wanted = tuple(statuses) if statuses is not None else None
        clauses: list[str] = []
        params: list = []
        if wanted is None:
            clauses.append("i.status != 'sent'")
        else:
            clauses.append(f"i.status IN ({', '.join('?' * len(wanted))})" if wanted else "0")
            params.extend(wanted)
        if all_history:
            if since is not None:
                clauses.append("d.decided_at >= ?")
                params.append(since)
            order = "d.id"
            select = _HISTORY_SELECT
        else:
            if since is not None:
                clauses.append("coalesce(d.decided_at, i.sent_at) >= ?")
                params.append(since)
            # Invitation id order reads the table front to back; the inbox's newest-first
            # order would look each row up through the sent_at index, twice as slow.
            order = "i.id"
            select = _CURRENT_SELECT
        cursor = self.conn.cursor()
        cursor.row_factory = None  # plain tuples: a million sqlite3.Row objects cost seconds
        cursor.arraysize = 1000
        try:
            cursor.execute(f"{select} WHERE {' AND '.join(clauses)} ORDER BY {order}", params)
            while batch := cursor.fetchmany():
                yield from batch
        finally:
            with contextlib.suppress(sqlite3.ProgrammingError):  # the store closed first
                cursor.close()
