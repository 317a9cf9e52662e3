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
from typing import ClassVar

from rich.segment import Segment
from textual import events
from textual.cache import LRUCache
from textual.geometry import Region
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.domain.models import InboxRow
from tui.store import Cursor, Filter
from tui.ui.deliver import DeliverMixin
from tui.ui.gateway import Gateway
from tui.ui.inbox_window import PagedWindow
from tui.ui.marks import Marks
from tui.ui.position_bar import thumb_lines
from tui.ui.row_format import RowStyles, render_row
from tui.ui.widgets.ansi_filter import OwnTruecolorFilter


class InboxList(
    PagedWindow,
    DeliverMixin,
    OwnTruecolorFilter,
    ScrollView,
    can_focus=True,
    inherit_bindings=False,
):
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
        /* The list draws its own one-cell position bar (see _frame): Textual's scrollbar
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
        self._forget_painted()
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

    def _forget_painted(self) -> None:
        """Paint every row afresh from now on (the ages in the rows move on with it)."""
        self._strips.clear()
        self.forget_frames()

    def invalidate(self) -> None:
        """Repaint every row (marks, find highlight or theme changed)."""
        self._forget_painted()
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
            self.repaint(Region(0, y, self.size.width, 1))

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
        self._styles = None  # the cursor row's colours follow focus
        self.refresh()

    on_blur = on_focus

    def on_resize(self) -> None:
        self._forget_painted()
        self._follow_cursor()
        self._ensure()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles = None
        self._forget_painted()
        self.forget_truecolor_background()

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

    def _frame(self) -> tuple:
        """What every line of a frame shares: the top row shown, the row width, the
        colours, focus, and the position bar (shown at all, and where its thumb is)."""
        size = self.painting_size()
        top = self.scroll_offset.y
        has_bar = self.total > size.height > 0
        thumb_at = thumb_lines(size.height, top, self.total)
        return top, size.width - 1, self._row_styles(), self.has_focus, has_bar, thumb_at

    def render_line(self, y: int) -> Strip:
        """Line ``y`` of the viewport: the row there plus one cell of the position bar.

        Whole lines are cached (row state, width and bar cell), so a repaint hands Textual
        the same ``Strip`` objects again: Textual keeps caches on each strip, and new
        strips for unchanged rows would only be work (and garbage) for it.
        """
        return self._line(y, self._frame())

    def paint_lines(self, lines: range) -> list[Strip]:
        frame = self._frame()
        return [self._line(y, frame) for y in lines]

    def _line(self, y: int, frame: tuple) -> Strip:
        top, width, styles, focus, has_bar, thumb_at = frame
        index = top + y
        thumb = ("┃" if y in thumb_at else "│") if has_bar else " "
        if index >= self.total:  # past the end: the same blank line on every row
            key = (None, width, focus, thumb)
            strip = self._strips.get(key)
            if strip is None:
                bar = self._bar_cell(thumb)
                blank = Strip([Segment(" " * width, styles.base), bar], width + 1)
                strip = self._strips[key] = self.truecolor(blank)
            return strip
        row = self.row_at(index)
        if row is None:
            style = styles.base + self.get_component_rich_style("inbox-list--placeholder")
            if index == self.cursor:
                style += styles.cursor
            bar = self._bar_cell(thumb)
            return self.truecolor(Strip([Segment("  …".ljust(width), style), bar], width + 1))
        cursor = index == self.cursor
        marked = self.marks.is_marked(row.id)
        key = (row.id, row.status, row.flag_codes, cursor, marked, width, focus, thumb)
        strip = self._strips.get(key)
        if strip is None:
            body = render_row(
                row,
                width,
                now=self.now(),
                cursor=cursor,
                marked=marked,
                show_flags=self.show_flags,
                styles=styles,
            )
            bar = self._bar_cell(thumb)
            strip = self._strips[key] = self.truecolor(Strip([*body, bar], width + 1))
        return strip

    def _bar_cell(self, thumb: str) -> Segment:
        return Segment(thumb, self._thumb_style if thumb == "┃" else self._bar_style)

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
