"""Queries the inbox list needs beyond keyset pages: random access and "find next".

Kept as functions over a :class:`~tui.store.store.Store` (rather than a mixin) so they add
no weight to the class. The list still pages by keyset for every ordinary move; these
are for the rare jumps a keyset cannot express:

* :func:`page_at` fetches the rows at a given position (dragging the scrollbar half way
  down a million-row list). It uses ``OFFSET``, which costs time in proportion to the
  position (about 40 ms at 500,000 rows here), so the UI calls it only for far jumps and
  only from a worker thread.
* :func:`find_next` returns the next row of a list that also matches a search, in either
  direction from a cursor, so "find" works inside a filtered or limited list.
"""

from __future__ import annotations

from tui.domain.models import InboxRow
from tui.store import rows
from tui.store.store import _INBOX_SELECT, Cursor, Filter, Store, search_clause


def page_at(store: Store, view: Filter, index: int, *, limit: int = 100) -> list[InboxRow]:
    """The rows of ``view`` from position ``index`` (0 = newest), at most ``limit``."""
    clauses, params = store._where(view)
    sql = (
        f"{_INBOX_SELECT} WHERE {' AND '.join(clauses)} "
        "ORDER BY i.sent_at DESC, i.id DESC LIMIT ? OFFSET ?"
    )
    found = store.conn.execute(sql, [*params, limit, max(0, index)])
    return [rows.inbox_row(r) for r in found]


def find_next(
    store: Store,
    view: Filter,
    text: str,
    *,
    after: Cursor | None = None,
    before: Cursor | None = None,
) -> InboxRow | None:
    """The first row of ``view`` matching ``text`` below ``after`` (or above ``before``).

    With neither cursor: the top-most match. :func:`find_last` gives the bottom-most.
    """
    clauses, params = store._where(view)
    clause, extra = search_clause(text)
    clauses.append(clause)
    params.extend(extra)
    order = "DESC"
    if after is not None:
        clauses.append("(i.sent_at, i.id) < (?, ?)")
        params.extend([after.sent_at, after.id])
    elif before is not None:
        clauses.append("(i.sent_at, i.id) > (?, ?)")
        params.extend([before.sent_at, before.id])
        order = "ASC"
    sql = (
        f"{_INBOX_SELECT} WHERE {' AND '.join(clauses)} "
        f"ORDER BY i.sent_at {order}, i.id {order} LIMIT 1"
    )
    found = store.conn.execute(sql, params).fetchone()
    return None if found is None else rows.inbox_row(found)


def find_last(store: Store, view: Filter, text: str) -> InboxRow | None:
    """The bottom-most row of ``view`` matching ``text`` (where a backwards find wraps to)."""
    clauses, params = store._where(view)
    clause, extra = search_clause(text)
    clauses.append(clause)
    params.extend(extra)
    sql = f"{_INBOX_SELECT} WHERE {' AND '.join(clauses)} ORDER BY i.sent_at ASC, i.id ASC LIMIT 1"
    found = store.conn.execute(sql, params).fetchone()
    return None if found is None else rows.inbox_row(found)
