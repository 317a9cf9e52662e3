"""The inbox list: a virtual, keyset-paged view over any number of invitations.

Only a window of a few hundred rows is ever in memory, and only the visible lines are
rendered (Textual's Line API: :meth:`render_line`). The window grows and slides by keyset
pages (``Store.page(after=/before=)``) as the cursor or the viewport nears its edges, so
moving through a 1,000,000-row split costs the same as moving through a 100-row one.
Far jumps (the scrollbar dragged half way, ``G``) fetch a fresh window at the target.

All store access happens in thread workers through the :class:`~tui.ui.gateway.Gateway`;
results come back as messages and are dropped when the list has changed view meanwhile
(each view change bumps a generation number).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import ClassVar

from rich.segment import Segment
from textual import events
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import get_current_worker

from tui.models import InboxRow
from tui.store import Cursor, Filter, Store, seek
from tui.ui.deliver import DeliverMixin
from tui.ui.gateway import Gateway, error_text
from tui.ui.marks import Marks
from tui.ui.row_format import RowStyles, render_row

PAGE = 200  # rows per keyset page
MARGIN = 60  # prefetch when the cursor or viewport comes this close to the window's edge
WINDOW_CAP = 1000  # rows kept in memory; the far side is dropped beyond this
NEAR = 2 * PAGE  # targets further than this from the window are jumped to, not walked to


class InboxList(DeliverMixin, ScrollView, can_focus=True, inherit_bindings=False):
    """Rows of one :class:`~tui.store.Filter`, newest first, with a cursor and marks."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "inbox-list--cursor",
        "inbox-list--cursor-blurred",
        "inbox-list--marked",
        "inbox-list--name",
        "inbox-list--headline",
        "inbox-list--time",
        "inbox-list--flag-low",
        "inbox-list--flag-mid",
        "inbox-list--flag-high",
        "inbox-list--signal",
        "inbox-list--placeholder",
        "inbox-list--bar",
        "inbox-list--thumb",
    }

    DEFAULT_CSS = """
    InboxList {
        background: $surface;
        overflow-x: hidden;
        overflow-y: auto;
        /* The list draws its own one-cell position bar (see _thumb): Textual's scrollbar
           widget costs more to repaint than the rows themselves. */
        scrollbar-size-vertical: 0;
    }
    InboxList > .inbox-list--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: bold;
    }
    InboxList > .inbox-list--cursor-blurred {
        background: $block-cursor-blurred-background;
        text-style: bold;
    }
    InboxList > .inbox-list--marked { background: $accent-darken-3; text-style: bold; }
    InboxList > .inbox-list--name { text-style: bold; }
    InboxList > .inbox-list--headline { color: $text-muted; }
    InboxList > .inbox-list--time { color: $text-muted; }
    InboxList > .inbox-list--flag-low { color: $warning; }
    InboxList > .inbox-list--flag-mid { color: $warning; text-style: bold; }
    InboxList > .inbox-list--flag-high { color: $error; text-style: bold; }
    InboxList > .inbox-list--signal { color: $success; text-style: bold; }
    InboxList > .inbox-list--placeholder { color: $text-disabled; }
    InboxList > .inbox-list--bar { color: $text-disabled; }
    InboxList > .inbox-list--thumb { color: $accent; }
    """

    class Changed(Message):
        """The cursor row, the position or the total changed."""

        def __init__(self, inbox: InboxList, row: InboxRow | None) -> None:
            super().__init__()
            self.inbox = inbox
            self.row = row

    class LoadFailed(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(
        self,
        gateway: Gateway,
        *,
        now: Callable[[], datetime],
        show_flags: bool = True,
        on_change: Callable[[InboxList], None] | None = None,
        id: str | None = None,
    ) -> None:
        """``on_change(inbox)`` is called whenever the cursor row, the position or the total
        changes; without it the list posts :class:`InboxList.Changed` instead."""
        super().__init__(id=id)
        self.on_change = on_change
        self.gateway = gateway
        self.now = now
        self.show_flags = show_flags
        self.view = Filter()
        self.total = 0
        self.total_known = False
        self.cursor = 0
        self.marks = Marks()
        self._lo = 0
        self._rows: list[InboxRow] = []
        self._gen = 0
        self._inflight: set[tuple] = set()
        self._announced: tuple | None = None
        self._strips: LRUCache[tuple, Strip] = LRUCache(512)
        self._styles: RowStyles | None = None
        self._loaded_once = False
        self._counting = False

    # ------------------------------------------------------------------ public state

    @property
    def row(self) -> InboxRow | None:
        """The row under the cursor, or None while it is still loading (or the list is empty)."""
        return self.row_at(self.cursor)

    def row_at(self, index: int) -> InboxRow | None:
        offset = index - self._lo
        if 0 <= offset < len(self._rows):
            return self._rows[offset]
        return None

    @property
    def loaded(self) -> bool:
        """True once the first page of the current view has arrived."""
        return self._loaded_once

    def loaded_rows(self) -> list[InboxRow]:
        return list(self._rows)

    # ------------------------------------------------------------------ changing what is shown

    def set_view(self, view: Filter, *, select: Cursor | None = None) -> None:
        """Show another list (split, flagged-only, limit); keep ``select`` selected if present."""
        if view != self.view:
            self.marks.clear()
        self.view = view
        self.reload(select=select)

    def reload(self, *, select: Cursor | None = None) -> None:
        """Fetch the current view afresh, around ``select`` or the current row."""
        if select is None and self.row is not None:
            select = Cursor.of(self.row)
        self._gen += 1
        self._inflight.clear()
        self._counting = False
        self._strips.clear()
        self._rows = []
        self._loaded_once = False
        self.total_known = False
        # The count (O(rows) in SQLite) is asked for once the first page is in: the page
        # must never queue behind it for the store's lock.
        if select is not None:
            self._request(("around", select))
        else:
            self._request(("top",))

    def refresh_total(self) -> None:
        """Recount the current list (for example after new invitations arrived)."""
        self._count()

    def replace_rows(self, changed: dict[int, str]) -> list[int]:
        """Apply status changes made by a decision to the window, without a query.

        Rows still in the view get their new status; rows that left it are removed and the
        cursor stays on the same index, which is now the next row. Returns the ids removed.
        """
        removed: list[int] = []
        kept: list[InboxRow] = []
        removed_above = 0
        first_changed = None
        for offset, row in enumerate(self._rows):
            new_status = changed.get(row.id)
            if new_status is None:
                kept.append(row)
                continue
            index = self._lo + offset
            first_changed = index if first_changed is None else first_changed
            if self.view.status is None or self.view.status == new_status:
                kept.append(_with_status(row, new_status))
            else:
                removed.append(row.id)
                removed_above += index < self.cursor
        self._rows = kept
        if removed:
            self.total = max(0, self.total - len(removed))
            self.cursor = max(0, min(self.cursor - removed_above, self.total - 1))
            self.marks.forget(set(removed))
        self._update_virtual_size()
        if first_changed is not None:
            # Rows above the first change are as they were: repaint from there down only.
            y = max(0, first_changed - self.scroll_offset.y)
            if y < self.size.height:
                self.refresh(Region(0, y, self.size.width, self.size.height - y))
        self._ensure()
        self._announce(force=True)
        return removed

    def select_next_matching(self, status: str) -> bool:
        """Move the cursor down to the next loaded row with ``status`` (the "All" split)."""
        for index in range(self.cursor, self._lo + len(self._rows)):
            row = self.row_at(index)
            if row is not None and row.status == status:
                self.move_to(index)
                return True
        return False

    def invalidate(self) -> None:
        """Repaint every row (marks, find highlight or theme changed)."""
        self._strips.clear()
        self._styles = None
        self.refresh()
        self._announce(force=True)

    # ------------------------------------------------------------------ cursor movement

    def move_to(self, index: int) -> None:
        if self.total <= 0:
            return
        index = max(0, min(index, self.total - 1))
        old = self.cursor
        self.cursor = index
        self._follow_cursor()
        if old != index:
            self._refresh_row(old)
            self._refresh_row(index)
        self._ensure()
        self._announce()

    def move(self, delta: int) -> None:
        self.move_to(self.cursor + delta)

    def page(self, direction: int) -> None:
        step = max(1, self.scrollable_content_region.height - 1)
        target = self.cursor + direction * step
        self.scroll_to(y=self.scroll_offset.y + direction * step, animate=False, immediate=True)
        self.move_to(target)

    def first(self) -> None:
        self.move_to(0)

    def last(self) -> None:
        if self.total_known:
            self.move_to(self.total - 1)
        else:
            self._request(("end",))

    def _refresh_row(self, index: int) -> None:
        """Repaint one row."""
        y = index - self.scroll_offset.y
        if 0 <= y < self.size.height:
            self.refresh(Region(0, y, self.size.width, 1))

    def _follow_cursor(self) -> None:
        """Keep the cursor in view; stepping past an edge turns the page.

        Scrolling repaints every row, so, as mutt does, the list turns a page at a time
        rather than one row per key: holding ``j`` repaints the whole list once per page,
        not on every press. The last rows of the old page stay in view for context.
        """
        height = max(1, self.scrollable_content_region.height)
        top = self.scroll_offset.y
        context = min(2, height // 4)
        if self.cursor < top:
            step = self.cursor == top - 1
            target = self.cursor - (height - 1 - context if step else 0)
        elif self.cursor >= top + height:
            step = self.cursor == top + height
            target = self.cursor - (context if step else height - 1)
        else:
            return
        target = max(0, min(target, self.total - height))
        self.scroll_to(y=target, animate=False, immediate=True)

    def _center_cursor(self) -> None:
        height = max(1, self.scrollable_content_region.height)
        self.scroll_to(y=max(0, self.cursor - height // 3), animate=False, immediate=True)

    # ------------------------------------------------------------------ events

    def on_click(self, event: events.Click) -> None:
        self.move_to(self.scroll_offset.y + event.y)

    def on_focus(self) -> None:
        self._styles = None
        self.refresh()

    def on_blur(self) -> None:
        self._styles = None
        self.refresh()

    def on_resize(self) -> None:
        self._strips.clear()
        self._follow_cursor()
        self._ensure()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles = None
        self._strips.clear()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) != round(new_value):
            self._ensure()

    # ------------------------------------------------------------------ rendering

    def _row_styles(self) -> RowStyles:
        if self._styles is None:
            get = self.get_component_rich_style
            self._styles = RowStyles(
                base=self.rich_style,
                cursor=get(
                    "inbox-list--cursor" if self.has_focus else "inbox-list--cursor-blurred"
                ),
                marked=get("inbox-list--marked", partial=True),
                name=get("inbox-list--name", partial=True),
                headline=get("inbox-list--headline", partial=True),
                time=get("inbox-list--time", partial=True),
                flag_low=get("inbox-list--flag-low", partial=True),
                flag_mid=get("inbox-list--flag-mid", partial=True),
                flag_high=get("inbox-list--flag-high", partial=True),
                signal=get("inbox-list--signal", partial=True),
            )
            self._bar_style = self._styles.base + get("inbox-list--bar", partial=True)
            self._thumb_style = self._styles.base + get("inbox-list--thumb", partial=True)
        return self._styles

    @property
    def allow_vertical_scroll(self) -> bool:
        """The wheel scrolls the list even though Textual's scrollbar is hidden."""
        return not self._check_disabled() and self.total > self.size.height

    def _thumb(self, y: int) -> Segment:
        """The position bar's cell on line ``y``: a thumb where the viewport is."""
        height = self.size.height
        if self.total <= height or height <= 0:
            return Segment(" ", self._row_styles().base)
        size = max(1, height * height // self.total)
        start = min(height - size, self.scroll_offset.y * height // self.total)
        if start <= y < start + size:
            return Segment("┃", self._thumb_style)
        return Segment("│", self._bar_style)

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.size.width - 1
        styles = self._row_styles()
        thumb = self._thumb(y)
        if index >= self.total:
            return Strip([Segment(" " * width, styles.base), thumb], width + 1)
        row = self.row_at(index)
        if row is None:
            style = styles.base + self.get_component_rich_style("inbox-list--placeholder")
            if index == self.cursor:
                style += styles.cursor
            return Strip([Segment("  …".ljust(width), style), thumb], width + 1)
        cursor = index == self.cursor
        marked = self.marks.is_marked(row.id)
        key = (row.id, row.status, row.flag_codes, cursor, marked, width, self.has_focus)
        strip = self._strips.get(key)
        if strip is None:
            strip = render_row(
                row,
                width,
                now=self.now(),
                cursor=cursor,
                marked=marked,
                show_flags=self.show_flags,
                styles=styles,
            )
            self._strips[key] = strip
        return Strip([*strip, thumb], width + 1)

    # ------------------------------------------------------------------ the window

    def _update_virtual_size(self) -> None:
        """Tell the scrolling machinery how many rows there are, without a layout pass.

        Assigning ``virtual_size`` makes Textual lay out the whole screen again (for the
        scrollbars this list does not use), which would cost a full repaint per decision.
        """
        size = Size(self.size.width, self.total)
        if size != self.virtual_size:
            self.set_reactive(InboxList.virtual_size, size)
            if self.scroll_offset.y > self.max_scroll_y:
                self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)

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
        call = self.gateway.count_call if request[0] == "count" else self.gateway.call
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
                self._count()
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
        self._strips.clear()
        self._loaded_once = True

    def _announce(self, force: bool = False) -> None:
        row = self.row
        state = (
            row.id if row else None,
            self.cursor,
            self.total,
            self.total_known,
            self._loaded_once,
        )
        if force or state != self._announced:
            self._announced = state
            if self.on_change is not None:
                self.on_change(self)  # direct: a message per key press costs a dispatch
            else:
                self.post_message(self.Changed(self, row))


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
