"""The SQL of the inbox list, written once: which rows a view holds, in what order, from where.

A list is a :class:`Filter` (status, flagged only, a search) in the inbox order, newest
first: ``(sent_at, id)`` descending. Every way of reading it goes through :func:`list_rows`
and :func:`count_rows`: keyset pages below or above a :class:`Cursor` (the ordinary move),
the last page, a page at a position (``OFFSET``: only for far jumps), and the first match of
a further search in either direction (find).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from tui.domain.models import InboxRow
from tui.store import rows

INBOX_SELECT = (
    "SELECT i.id, i.sent_at, i.status, i.flag_codes, i.recommended, "
    "p.name, p.headline, p.company FROM invitations i JOIN people p ON p.id = i.person_id"
)
SEARCHED_FIELDS = ("p.name", "p.company", "p.headline", "i.note")


@dataclass(frozen=True, slots=True)
class Cursor:
    """A position in the inbox order (newest first): the keyset for the next page."""

    sent_at: str
    id: int

    @classmethod
    def of(cls, row: InboxRow) -> Cursor:
        return cls(row.sent_at, row.id)


@dataclass(frozen=True, slots=True)
class Filter:
    """Which invitations a list shows. ``status=None`` means every status but "sent"."""

    status: str | None = "pending"
    flagged_only: bool = False
    search: str | None = None


def search_clause(text: str) -> tuple[str, list[str]]:
    """SQL matching ``text`` literally (``%`` and ``_`` too) in name, company, headline, note."""
    pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    clause = "(" + " OR ".join(f"{field} LIKE ? ESCAPE '\\'" for field in SEARCHED_FIELDS) + ")"
    return clause, [pattern] * len(SEARCHED_FIELDS)


def keyset_clause(*, after: Cursor | None = None, before: Cursor | None = None):
    """The rows below ``after`` or above ``before`` in the inbox order, as ``(sql, params)``;
    ``None`` without a cursor."""
    if after is not None:
        return "(i.sent_at, i.id) < (?, ?)", [after.sent_at, after.id]
    if before is not None:
        return "(i.sent_at, i.id) > (?, ?)", [before.sent_at, before.id]
    return None


def view_clauses(view: Filter, matching: str | None = None) -> tuple[list[str], list]:
    """The WHERE clauses of a list (and of a search within it), with their parameters."""
    clauses: list[str] = []
    params: list = []
    if view.status is None:
        clauses.append("i.status != 'sent'")
    else:
        clauses.append("i.status = ?")
        params.append(view.status)
    if view.flagged_only:
        clauses.append("i.flag_count > 0")
    for text in (view.search, matching):
        if text:
            clause, values = search_clause(text)
            clauses.append(clause)
            params.extend(values)
    return clauses, params


def list_rows(
    conn: sqlite3.Connection,
    view: Filter,
    *,
    after: Cursor | None = None,
    before: Cursor | None = None,
    from_end: bool = False,
    matching: str | None = None,
    offset: int = 0,
    limit: int = 100,
) -> list[InboxRow]:
    """Rows of ``view`` in list order: below ``after``, above ``before``, the last ones
    (``from_end``), or from position ``offset``; ``matching`` narrows them to a search
    within the list.

    Rows above a cursor and the last rows are read backwards (nearest first) and returned in
    list order, so ``limit`` keeps the rows closest to the cursor or the end.
    """
    clauses, params = view_clauses(view, matching)
    keyset = keyset_clause(after=after, before=before)
    if keyset is not None:
        clauses.append(keyset[0])
        params.extend(keyset[1])
    backwards = before is not None or (from_end and after is None)
    order = "ASC" if backwards else "DESC"
    sql = (
        f"{INBOX_SELECT} WHERE {' AND '.join(clauses)} "
        f"ORDER BY i.sent_at {order}, i.id {order} LIMIT ? OFFSET ?"
    )
    found = [rows.inbox_row(r) for r in conn.execute(sql, [*params, limit, max(0, offset)])]
    return found[::-1] if backwards else found


def count_rows(
    conn: sqlite3.Connection,
    view: Filter,
    *,
    before: Cursor | None = None,
    matching: str | None = None,
) -> int:
    """How many rows ``view`` holds (above ``before``; matching a search within it)."""
    if before is None and not matching and not view.search and not view.flagged_only:
        # A whole split: its length is kept per status (see schema ``status_counts``).
        if view.status is None:
            sql, params = "SELECT sum(n) FROM status_counts WHERE status != 'sent'", []
        else:
            sql, params = "SELECT sum(n) FROM status_counts WHERE status = ?", [view.status]
        return conn.execute(sql, params).fetchone()[0] or 0
    clauses, params = view_clauses(view, matching)
    keyset = keyset_clause(before=before)
    if keyset is not None:
        clauses.append(keyset[0])
        params.extend(keyset[1])
    # The people table is needed only to search names, companies and headlines.
    searched = view.search or matching
    join = " JOIN people p ON p.id = i.person_id" if searched else ""
    sql = f"SELECT count(*) FROM invitations i{join} WHERE {' AND '.join(clauses)}"
    return conn.execute(sql, params).fetchone()[0]
