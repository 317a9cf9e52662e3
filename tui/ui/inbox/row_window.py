"""The inbox list's window: which rows are in memory, where the cursor is, what to fetch.

A plain object (no Textual): the list widget asks it what to fetch, runs those requests in
thread workers (:func:`fetch`), and hands the results back (:meth:`RowWindow.apply`).

The window is a contiguous run of a few hundred rows (``rows``, starting at list position
``lo``) out of ``total``. As the cursor or the viewport nears an edge it asks for keyset
pages ``after``/``before`` its ends; far jumps ask for a page ``at`` a position (``OFFSET``)
or the ``end``; ``around`` recentres on one invitation (a reload that keeps the selection).
Every view change bumps ``generation``: a result for an older one is dropped. A decision
changes the window in place (:meth:`RowWindow.replace_statuses`), with no query.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from tui.domain.models import InboxRow
from tui.store import Cursor, Filter, Store, seek

PAGE = 200  # rows per keyset page
MARGIN = 60  # fetch more when the cursor or viewport comes this close to the window's edge
WINDOW_CAP = 1000  # rows kept in memory; the far side is dropped beyond this
NEAR = 2 * PAGE  # targets further than this from the window are jumped to, not walked to

Request = tuple  # ("top",) ("at", index) ("end",) ("around", cursor) ("after"/"before", cursor)
JUMPS = frozenset({"top", "at", "end", "around"})


class RowWindow:
    """Rows of one :class:`~tui.store.Filter`, newest first, with a cursor."""

    def __init__(self) -> None:
        self.view = Filter()
        self.generation = 0
        self.lo = 0
        self.rows: list[InboxRow] = []
        self.total = 0
        self.total_known = False
        self.cursor = 0
        self.loaded = False  # the first page of this view has arrived
        self.inflight: set[Request] = set()
        self.counting = False
        self.top = 0  # the first row the viewport showed when last asked

    # ------------------------------------------------------------------ reading

    def row_at(self, index: int) -> InboxRow | None:
        offset = index - self.lo
        if 0 <= offset < len(self.rows):
            return self.rows[offset]
        return None

    @property
    def row(self) -> InboxRow | None:
        """The row under the cursor, or None while it is loading (or the list is empty)."""
        return self.row_at(self.cursor)

    # ------------------------------------------------------------------ asking

    def reset(self, view: Filter, select: Cursor | None) -> Request:
        """Start over on ``view``; the request that fetches its first rows."""
        self.view = view
        self.generation += 1
        self.inflight.clear()
        self.counting = False
        self.rows = []
        self.loaded = False
        self.total_known = False
        return ("around", select) if select is not None else ("top",)

    def wanted(self, top: int, height: int) -> list[Request]:
        """What the viewport (``height`` rows from ``top``) and the cursor need next."""
        self.top = top
        if not self.loaded or self.total <= 0:
            return []
        want_lo = max(0, min(top, self.cursor) - MARGIN)
        want_hi = min(self.total, max(top + height, self.cursor + 1) + MARGIN)
        lo, hi = self.lo, self.lo + len(self.rows)
        if not self.rows or want_hi <= lo - NEAR or want_lo >= hi + NEAR:
            target = min(top, self.cursor)
            if self.total_known and target >= self.total - PAGE:
                return [("end",)]
            return [("at", max(0, target - PAGE // 4))]
        requests = []
        if want_lo < lo:
            requests.append(("before", Cursor.of(self.rows[0])))
        if want_hi > hi and (not self.total_known or hi < self.total):
            requests.append(("after", Cursor.of(self.rows[-1])))
        return requests

    def claim(self, request: Request) -> bool:
        """True if ``request`` is not already on its way (and now is)."""
        if request in self.inflight:
            return False
        self.inflight.add(request)
        return True

    def wants_count(self) -> bool:
        """True once, after a jump, until the count of the view arrives."""
        if self.total_known or self.counting:
            return False
        self.counting = True
        return True

    # ------------------------------------------------------------------ results

    def forget(self, request: Request, generation: int) -> None:
        if generation == self.generation:
            self.inflight.discard(request)
            if request[0] == "count":
                self.counting = False

    def apply(self, request: Request, generation: int, result) -> bool:
        """Take a fetched result in; False when it belongs to an older view."""
        if generation != self.generation:
            return False
        self.inflight.discard(request)
        kind = request[0]
        more = False  # a full page came back: there may be rows past it
        if kind == "count":
            self.total, self.total_known, self.counting = result, True, False
        elif kind in ("top", "at"):
            self._replace(request[1] if kind == "at" else 0, result)
            more = len(result) >= PAGE
        elif kind == "end":
            total, rows = result
            self.total, self.total_known = total, True
            self._replace(max(0, total - len(rows)), rows)
            self.cursor = max(0, total - 1)
        elif kind == "around":
            index, rows, first = result
            self._replace(first, rows)
            self.cursor = index
            more = len(rows) >= PAGE
        elif kind == "after":
            self._extend_below(request[1], result)
            more = len(result) >= PAGE
        elif kind == "before":
            self._extend_above(request[1], result)
        if not self.total_known:
            # Until the count arrives, promise one row past a full page so the cursor can
            # move on and ask for the next one.
            self.total = self.lo + len(self.rows) + (1 if more else 0)
        self.cursor = max(0, min(self.cursor, self.total - 1))
        return True

    def _extend_below(self, anchor: Cursor, rows: list[InboxRow]) -> None:
        if not self.rows or Cursor.of(self.rows[-1]) != anchor:
            return  # the window moved on meanwhile
        self.rows.extend(rows)
        overflow = len(self.rows) - WINDOW_CAP
        if overflow > 0 and self.lo + overflow <= min(self.top, self.cursor):
            del self.rows[:overflow]
            self.lo += overflow

    def _extend_above(self, anchor: Cursor, rows: list[InboxRow]) -> None:
        if not self.rows or Cursor.of(self.rows[0]) != anchor:
            return
        rows = rows[-self.lo :] if self.lo else []
        self.rows[:0] = rows
        self.lo -= len(rows)
        overflow = len(self.rows) - WINDOW_CAP
        if overflow > 0:
            del self.rows[-overflow:]

    def _replace(self, first: int, rows: list[InboxRow]) -> None:
        self.lo = first
        self.rows = list(rows)
        self.loaded = True

    # ------------------------------------------------------------------ decisions

    def replace_statuses(self, changed: dict[int, str]) -> tuple[list[int], int | None]:
        """Apply status changes made by a decision, without a query.

        Rows still in the view get their new status; rows that left it are removed and the
        cursor stays on the same index, which now holds the next row. Returns the ids
        removed and the first list position that changed (None if none is loaded).
        """
        rows = self.rows
        at = self.cursor - self.lo
        if len(changed) == 1 and 0 <= at < len(rows) and rows[at].id in changed:
            positions = [at]  # the usual case: one decision, on the cursor row
        else:
            positions = [offset for offset, row in enumerate(rows) if row.id in changed]
        removed: list[int] = []
        removed_above = 0
        for offset in reversed(positions):  # from the bottom, so offsets stay valid
            row = rows[offset]
            status = changed[row.id]
            if self.view.status is None or self.view.status == status:
                rows[offset] = replace(row, status=status)
            else:
                del rows[offset]
                removed.append(row.id)
                removed_above += self.lo + offset < self.cursor
        removed.reverse()
        if removed:
            self.total = max(0, self.total - len(removed))
            self.cursor = max(0, min(self.cursor - removed_above, self.total - 1))
        first = self.lo + positions[0] if positions else None
        return removed, first

    def next_with_status(self, status: str) -> int | None:
        """The position of the next loaded row from the cursor down with ``status``."""
        for index in range(self.cursor, self.lo + len(self.rows)):
            row = self.row_at(index)
            if row is not None and row.status == status:
                return index
        return None


# ---------------------------------------------------------------------- queries (worker side)


def fetch(store: Store, view: Filter, request: Request):
    """Run one request against the store (on a worker thread, through the gateway)."""
    return QUERIES[request[0]](store, view, *request[1:])


def _count(store: Store, view: Filter) -> int:
    return store.count(view)


def _top(store: Store, view: Filter) -> list[InboxRow]:
    return store.page(view, limit=PAGE)


def _at(store: Store, view: Filter, index: int) -> list[InboxRow]:
    return seek.page_at(store, view, index, limit=PAGE)


def _end(store: Store, view: Filter) -> tuple[int, list[InboxRow]]:
    return store.count(view), store.page(view, from_end=True, limit=PAGE)


def _after(store: Store, view: Filter, cursor: Cursor) -> list[InboxRow]:
    return store.page(view, after=cursor, limit=PAGE)


def _before(store: Store, view: Filter, cursor: Cursor) -> list[InboxRow]:
    return store.page(view, before=cursor, limit=PAGE)


def _around(store: Store, view: Filter, cursor: Cursor) -> tuple[int, list[InboxRow], int]:
    """A window centred on ``cursor``: (cursor's index, rows, index of the first row).

    When the row itself has left the view the cursor lands on the row that took its place.
    """
    position = store.position(view, cursor)
    above = store.page(view, before=cursor, limit=PAGE // 2)
    # (sent_at, id + 1) as the keyset bound includes the row itself when it is in the view.
    below = store.page(view, after=Cursor(cursor.sent_at, cursor.id + 1), limit=PAGE)
    # When the row was the last one and has left, select the new last row.
    index = position if below else max(0, position - 1)
    return index, above + below, position - len(above)


QUERIES: dict[str, Callable] = {
    "count": _count,
    "top": _top,
    "at": _at,
    "end": _end,
    "after": _after,
    "before": _before,
    "around": _around,
}
