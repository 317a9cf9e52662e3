"""The inbox list's window: which rows are in memory, and fetching more by keyset.

The list keeps a contiguous window of a few hundred rows (``_rows``, starting at list
position ``_lo``) and asks the store for more, in thread workers, as the cursor or the
viewport nears an edge: ``after``/``before`` keyset pages walk, ``at`` (``OFFSET``) and
``end`` jump, ``around`` recentres on one invitation. Results come back as messages and
are dropped when the list has changed view meanwhile (each view change bumps ``_gen``).
A decision changes the window in place (:meth:`PagedWindow.replace_rows`), with no query.

Kept apart from :mod:`tui.ui.widgets.inbox_list` (drawing, cursor, events), whose
:class:`~tui.ui.widgets.inbox_list.InboxList` mixes this in.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.geometry import Region, Size
from textual.worker import get_current_worker

from tui.domain.models import InboxRow
from tui.store import Cursor, Filter, Store, seek
from tui.ui.gateway import error_text

if TYPE_CHECKING:
    from tui.ui.widgets.inbox_list import InboxList

PAGE = 200  # rows per keyset page
MARGIN = 60  # prefetch when the cursor or viewport comes this close to the window's edge
WINDOW_CAP = 1000  # rows kept in memory; the far side is dropped beyond this
NEAR = 2 * PAGE  # targets further than this from the window are jumped to, not walked to


class PagedWindow:
    """Mixed into :class:`~tui.ui.widgets.inbox_list.InboxList`."""

    def _update_virtual_size(self: InboxList) -> None:
        """Tell the scrolling machinery how many rows there are, without a layout pass.

        Assigning ``virtual_size`` makes Textual lay out the whole screen again (for the
        scrollbars this list does not use), which would cost a full repaint per decision.
        """
        size = Size(self.size.width, self.total)
        if size != self.virtual_size:
            self.set_reactive(type(self).virtual_size, size)
            if self.scroll_offset.y > self.max_scroll_y:
                self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)

    def replace_rows(self: InboxList, changed: dict[int, str]) -> list[int]:
        """Apply status changes made by a decision to the window, without a query.

        Rows still in the view get their new status; rows that left it are removed and the
        cursor stays on the same index, which is now the next row. Returns the ids removed.
        """
        rows = self._rows
        at = self.cursor - self._lo
        if len(changed) == 1 and 0 <= at < len(rows) and rows[at].id in changed:
            positions = [at]  # the usual case: one decision, on the cursor row
        else:
            positions = [offset for offset, row in enumerate(rows) if row.id in changed]
        removed: list[int] = []
        removed_above = 0
        for offset in reversed(positions):  # from the bottom, so offsets stay valid
            row = rows[offset]
            new_status = changed[row.id]
            if self.view.status is None or self.view.status == new_status:
                rows[offset] = _with_status(row, new_status)
            else:
                del rows[offset]
                removed.append(row.id)
                removed_above += self._lo + offset < self.cursor
        removed.reverse()
        first_changed = self._lo + positions[0] if positions else None
        if removed:
            self.total = max(0, self.total - len(removed))
            self.cursor = max(0, min(self.cursor - removed_above, self.total - 1))
            self.marks.forget(set(removed))
        self._update_virtual_size()
        if first_changed is not None:
            # Rows above the first change are as they were: repaint from there down only
            # (or from the cursor, which moves up when the last row leaves the list).
            y = max(0, min(first_changed, self.cursor) - self.scroll_offset.y)
            width, height = self.painting_size()
            if y < height:
                self.repaint(Region(0, y, width, height - y))
        self._ensure()
        self._announce(force=True)
        return removed

    def paint_ahead(self: InboxList) -> None:
        """Paint, ahead, the lines the next ``j`` or decision will show (call when idle).

        Both bring a row under the cursor that has not been painted as the cursor row, and
        a decision that takes the row out of the split moves the rows below it up (the
        position bar's thumb with them) and a new one into view. Painting those frames now,
        with the state as it will be, keeps them (see ``frame_key``) for the key to show.
        """
        at = self.cursor - self._lo
        if not 0 <= at < len(self._rows):
            return
        if self.cursor + 1 < self.total:
            self._paint_as_if(cursor=self.cursor + 1)
        if self.view.status is not None:  # a decision takes the row out of this split
            rows = self._rows[:at] + self._rows[at + 1 :]
            self._paint_as_if(_rows=rows, total=self.total - 1)

    def frame_key(self: InboxList, crop: Region) -> tuple | None:
        """The frame's shared state, the cursor and the rows in view (compared by
        identity first, then by value), when every row in view is loaded and none is
        marked (marks are not part of the key)."""
        if self.marks:
            return None
        frame = self._frame()
        top, height = frame[0], self.painting_size().height
        start = top - self._lo
        shown = max(0, min(height, self.total - top))
        if start < 0 or start + shown > len(self._rows):
            return None
        rows = tuple(self._rows[start : start + shown])
        return crop, frame, self.cursor, self.total, self.show_flags, rows

    def _paint_as_if(self: InboxList, **state) -> None:
        """Paint the viewport with some attributes set as given, then put them back."""
        saved = {name: getattr(self, name) for name in state}
        for name, value in state.items():
            setattr(self, name, value)
        try:
            self.render_lines(Region(0, 0, *self.outer_size))  # as the compositor asks
        finally:
            for name, value in saved.items():
                setattr(self, name, value)

    def select_next_matching(self: InboxList, status: str) -> bool:
        """Move the cursor down to the next loaded row with ``status`` (the "All" split)."""
        for index in range(self.cursor, self._lo + len(self._rows)):
            row = self.row_at(index)
            if row is not None and row.status == status:
                self.move_to(index)
                return True
        return False

    def _ensure(self) -> None:
        """Request whatever rows the viewport and the cursor will need next."""
        if not self._loaded_once or self.total <= 0:
            return
        height = max(1, self.scrollable_content_region.height)
        top = self.scroll_offset.y
        want_lo = max(0, min(top, self.cursor) - MARGIN)
        want_hi = min(self.total, max(top + height, self.cursor + 1) + MARGIN)
        lo, hi = self._lo, self._lo + len(self._rows)
        if not self._rows or want_hi <= lo - NEAR or want_lo >= hi + NEAR:
            target = min(top, self.cursor)
            if self.total_known and target >= self.total - PAGE:
                self._request(("end",))
            else:
                self._request(("at", max(0, target - PAGE // 4)))
            return
        if want_lo < lo:
            self._request(("before", Cursor.of(self._rows[0])))
        if want_hi > hi and (not self.total_known or hi < self.total):
            self._request(("after", Cursor.of(self._rows[-1])))

    def _request(self, request: tuple) -> None:
        if request in self._inflight:
            return
        self._inflight.add(request)
        jump = request[0] in ("at", "end", "around", "top")
        self.run_worker(
            partial(self._fetch, request, self._gen, self.view),
            group="inbox-jump" if jump else "inbox-page",
            exclusive=jump,
            thread=True,
            exit_on_error=False,
        )

    def _count(self) -> None:
        self._counting = True
        self.run_worker(
            partial(self._fetch, ("count",), self._gen, self.view),
            group="inbox-count",
            exclusive=True,
            thread=True,
            exit_on_error=False,
        )

    def _fetch(self, request: tuple, gen: int, view: Filter) -> None:
        """Worker thread: run one query and post the result back."""
        call = self.gateway.slow_read if request[0] == "count" else self.gateway.call
        try:
            result = call(_QUERIES[request[0]], view, *request[1:])
        except Exception as exc:  # any failure must reach the user, not kill the app
            self.deliver(self._failed, request, gen, error_text(exc))
            return
        if not get_current_worker().is_cancelled:
            self.deliver(self._apply, request, gen, result)
        else:
            self.deliver(self._forget, request, gen)

    def _forget(self, request: tuple, gen: int) -> None:
        if gen == self._gen:
            self._inflight.discard(request)

    def _failed(self, request: tuple, gen: int, text: str) -> None:
        self._forget(request, gen)
        if gen == self._gen:
            if request[0] == "count":
                self._counting = False
            self.post_message(self.LoadFailed(text))

    def _apply(self, request: tuple, gen: int, result) -> None:
        if gen != self._gen:
            return
        self._inflight.discard(request)
        kind = request[0]
        more = False  # a full page came back: there may be rows past it
        if kind == "count":
            self.total, self.total_known = result, True
            self._counting = False
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
            # move on and trigger the next one.
            self.total = self._lo + len(self._rows) + (1 if more else 0)
            if kind in ("top", "at", "around") and not self._counting:
                self._counting = True
                self.call_after_refresh(self._count)  # paint the rows first
        self.cursor = max(0, min(self.cursor, self.total - 1))
        self._update_virtual_size()
        if kind in ("around", "end"):
            self.call_after_refresh(
                self._center_cursor if kind == "around" else self._follow_cursor
            )
        self.refresh()
        self._ensure()
        self._announce()

    def _extend_below(self, anchor: Cursor, rows: list[InboxRow]) -> None:
        if not self._rows or Cursor.of(self._rows[-1]) != anchor:
            return  # the window moved on meanwhile
        self._rows.extend(rows)
        overflow = len(self._rows) - WINDOW_CAP
        if overflow > 0 and self._lo + overflow <= min(self.cursor, self.scroll_offset.y):
            del self._rows[:overflow]
            self._lo += overflow

    def _extend_above(self, anchor: Cursor, rows: list[InboxRow]) -> None:
        if not self._rows or Cursor.of(self._rows[0]) != anchor:
            return
        rows = rows[-self._lo :] if self._lo else []
        self._rows[:0] = rows
        self._lo -= len(rows)
        overflow = len(self._rows) - WINDOW_CAP
        if overflow > 0:
            del self._rows[-overflow:]

    def _replace(self, first: int, rows: list[InboxRow]) -> None:
        self._lo = first
        self._rows = list(rows)
        self._forget_painted()
        self._loaded_once = True


def _with_status(row: InboxRow, status: str) -> InboxRow:
    from dataclasses import replace

    return replace(row, status=status)


# ---------------------------------------------------------------------- queries (worker side)


def _q_count(store: Store, view: Filter) -> int:
    return store.count(view)


def _q_top(store: Store, view: Filter) -> list[InboxRow]:
    return store.page(view, limit=PAGE)


def _q_at(store: Store, view: Filter, index: int) -> list[InboxRow]:
    if index == 0:
        return store.page(view, limit=PAGE)
    return seek.page_at(store, view, index, limit=PAGE)


def _q_end(store: Store, view: Filter) -> tuple[int, list[InboxRow]]:
    return store.count(view), store.page(view, from_end=True, limit=PAGE)


def _q_after(store: Store, view: Filter, cursor: Cursor) -> list[InboxRow]:
    return store.page(view, after=cursor, limit=PAGE)


def _q_before(store: Store, view: Filter, cursor: Cursor) -> list[InboxRow]:
    return store.page(view, before=cursor, limit=PAGE)


def _q_around(store: Store, view: Filter, cursor: Cursor) -> tuple[int, list[InboxRow], int]:
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


_QUERIES: dict[str, Callable] = {
    "count": _q_count,
    "top": _q_top,
    "at": _q_at,
    "end": _q_end,
    "after": _q_after,
    "before": _q_before,
    "around": _q_around,
}
