"""Queries the inbox list needs beyond keyset pages: random access, and find within a list.

The list still pages by keyset for every ordinary move; these are for what a keyset cannot
express (all of them are :mod:`tui.store.list_query` underneath):

* :func:`page_at` fetches the rows at a given position (dragging the scrollbar half way
  down a million-row list). It uses ``OFFSET``, which costs time in proportion to the
  position (about 40 ms at 500,000 rows here), so the UI calls it only for far jumps and
  only from a worker thread.
* :func:`find_next` and :func:`find_last` return the next (or the bottom-most) row of a
  list that also matches a search, so "find" works inside a filtered or limited list;
  :func:`match_position` says which match a row is, and of how many.
"""

from __future__ import annotations

from tui.domain.models import InboxRow
from tui.store.list_query import Cursor, Filter, count_rows, list_rows
from tui.store.store import Store


def page_at(store: Store, view: Filter, index: int, *, limit: int = 100) -> list[InboxRow]:
    """The rows of ``view`` from position ``index`` (0 = newest), at most ``limit``."""
    return list_rows(store.conn, view, offset=index, limit=limit)


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
    found = list_rows(store.conn, view, after=after, before=before, matching=text, limit=1)
    return found[0] if found else None


def find_last(store: Store, view: Filter, text: str) -> InboxRow | None:
    """The bottom-most row of ``view`` matching ``text`` (where a backwards find wraps to)."""
    found = list_rows(store.conn, view, from_end=True, matching=text, limit=1)
    return found[0] if found else None


def match_position(store: Store, view: Filter, text: str, row: Cursor) -> tuple[int, int]:
    """``(n, total)``: ``row`` is the n-th of the ``total`` rows of ``view`` matching
    ``text`` (counted from 1, in list order)."""
    total = count_rows(store.conn, view, matching=text)
    above = count_rows(store.conn, view, before=row, matching=text)
    return above + 1, total
