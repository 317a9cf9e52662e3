"""The inbox list: a virtual, keyset-paged view over any number of invitations.

A line-API ``ScrollView``, as Textual's own ``Log`` and ``DataTable`` and toolong's log view:
``render_line(y)`` paints the row at that line of the viewport (rows are kept painted in a
line cache), and a change repaints only its lines with ``refresh_line``. Only a window of a
few hundred rows is in memory (:class:`~tui.ui.inbox.row_window.RowWindow`); it grows and
slides by keyset pages as the cursor or the viewport nears its edges, so moving through a
1,000,000-row split costs what moving through a 100-row one does.

Every store read runs in a thread worker through the :class:`~tui.ui.gateway.Gateway` and
comes back with ``call_later`` (a thread-safe post to this widget's message queue); a
result for a view the list has left meanwhile is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import ClassVar

from rich.segment import Segment
from textual import events
from textual.cache import LRUCache
from textual.geometry import Region
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import get_current_worker

from tui.domain.models import InboxRow
from tui.store import Cursor, Filter
from tui.ui.gateway import Gateway, error_text
from tui.ui.inbox.marks import Marks
from tui.ui.inbox.row_window import JUMPS, Request, RowWindow, fetch
from tui.ui.inbox.scrolling import set_content_height
from tui.ui.render.position_bar import thumb_lines
from tui.ui.render.row import RowStyles, render_row

AGE_TICK = 30.0  # seconds between repaints of the "when" column (a row's "3h" moves on)


class InboxList(ScrollView, can_focus=True, inherit_bindings=False):
    """Rows of one :class:`~tui.store.Filter`, newest first, with a cursor and marks.

    ``on_change(inbox)`` is called whenever the cursor row, the position or the total
    changes, and ``on_error(text)`` when a read fails.
    """

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
        "inbox-list--match",
        "inbox-list--placeholder",
        "inbox-list--bar",
        "inbox-list--thumb",
    }

    DEFAULT_CSS = """
    InboxList {
        background: $surface;
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-size-vertical: 0;  /* the list draws its own position bar */
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
    InboxList > .inbox-list--flag-low { color: $warning-darken-2; }
    InboxList > .inbox-list--flag-mid { color: $warning; text-style: bold; }
    /* High is a solid badge: as red text it read dimmer than orange (and darker grey
       under NO_COLOR). */
    InboxList > .inbox-list--flag-high { background: $error; color: #ffffff; text-style: bold; }
    InboxList > .inbox-list--signal { color: $success; text-style: bold; }
    InboxList > .inbox-list--match { text-style: bold reverse; }
    InboxList > .inbox-list--placeholder { color: $text-disabled; }
    InboxList > .inbox-list--bar { color: $text-disabled; }
    InboxList > .inbox-list--thumb { color: $accent; }
    """

    def __init__(
        self,
        gateway: Gateway,
        *,
        now: Callable[[], datetime],
        show_flags: bool = True,
        on_change: Callable[[InboxList], None] = lambda inbox: None,
        on_error: Callable[[str], None] = lambda text: None,
        age_tick: float = AGE_TICK,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.gateway = gateway
        self.now = now
        self.show_flags = show_flags
        self.on_change = on_change
        self.on_error = on_error
        self.age_tick = age_tick
        self.window = RowWindow()
        self.marks = Marks()
        self.find_text: str | None = None
        self._announced: tuple | None = None
        self._lines: LRUCache[tuple, Strip] = LRUCache(1024)
        self._styles: RowStyles | None = None
        self._width = 0
        self._thumb: range = range(0)
        self._has_bar = False

    # ------------------------------------------------------------------ state

    @property
    def view(self) -> Filter:
        return self.window.view

    @property
    def cursor(self) -> int:
        return self.window.cursor

    @property
    def total(self) -> int:
        return self.window.total

    @property
    def total_known(self) -> bool:
        return self.window.total_known

    @property
    def loaded(self) -> bool:
        """True once the first page of the current view has arrived."""
        return self.window.loaded

    @property
    def row(self) -> InboxRow | None:
        """The row under the cursor, or None while it is still loading (or the list is empty)."""
        return self.window.row

    def row_at(self, index: int) -> InboxRow | None:
        return self.window.row_at(index)

    def loaded_rows(self) -> list[InboxRow]:
        return list(self.window.rows)

    @property
    def cursor_visible(self) -> bool:
        """Whether the cursor's line is inside the viewport."""
        top = self.scroll_offset.y
        return top <= self.cursor < top + max(1, self.scrollable_content_region.height)

    @property
    def visible_row(self) -> InboxRow | None:
        """The highlighted row when it is loaded and on screen: the one a key may act on."""
        return self.row if self.loaded and self.cursor_visible else None

    # ------------------------------------------------------------------ changing what is shown

    def set_view(self, view: Filter, *, select: Cursor | None = None) -> None:
        """Show another list (split, flagged-only, limit); keep ``select`` selected if present."""
        if view != self.view:
            self.marks.clear()
        self.window.view = view
        self.reload(select=select)

    def reload(self, *, select: Cursor | None = None) -> None:
        """Fetch the current view afresh, around ``select`` or the current row."""
        if select is None and self.row is not None:
            select = Cursor.of(self.row)
        self._lines.clear()  # painted afresh: the ages in the rows move on with it
        self._request(self.window.reset(self.view, select))
        self._announce()

    def repaint_rows(self) -> None:
        """Paint every row afresh (marks, the find text, the clock or the theme changed)."""
        self._lines.clear()
        self._styles = None
        self.refresh()

    def set_find(self, text: str | None) -> None:
        """Highlight ``text`` where it shows in the rows (or nothing)."""
        if text != self.find_text:
            self.find_text = text
            self.repaint_rows()

    def replace_statuses(self, changed: dict[int, str]) -> list[int]:
        """A decision changed these rows' statuses: update the window in place and repaint
        from the first changed row down. Returns the ids that left the list."""
        removed, first = self.window.replace_statuses(changed)
        if removed:
            self.marks.forget(set(removed))
            self._resize()
        if first is not None:
            top = min(first, self.cursor)
            self.refresh_lines(top, max(1, self.scroll_offset.y + self.size.height - top))
        self._ensure()
        self._announce(force=True)
        return removed

    def select_next_matching(self, status: str) -> bool:
        """Move the cursor down to the next loaded row with ``status`` (the "All" split)."""
        index = self.window.next_with_status(status)
        if index is None:
            return False
        self.move_to(index)
        return True

    # ------------------------------------------------------------------ cursor movement

    def move_to(self, index: int) -> None:
        if self.total <= 0:
            return
        index = max(0, min(index, self.total - 1))
        old = self.cursor
        self.window.cursor = index
        if old != index:
            self.refresh_line(old)
            self.refresh_line(index)
        self.follow_cursor()
        self._ensure()
        self._announce()

    def move(self, delta: int) -> None:
        self.move_to(self.cursor + delta)

    def page(self, direction: int) -> None:
        step = max(1, self.scrollable_content_region.height - 1)
        top = self.scroll_offset.y + direction * step
        self.scroll_to(y=top, animate=False, immediate=True, force=True)
        self.move_to(self.cursor + direction * step)

    def first(self) -> None:
        self.move_to(0)

    def last(self) -> None:
        if self.total_known:
            self.move_to(self.total - 1)
        else:
            self._request(("end",))

    def follow_cursor(self) -> None:
        """Keep the cursor in view; stepping past an edge turns the page.

        As mutt does, the list turns a page at a time rather than scrolling one row per
        key: holding ``j`` repaints the whole list once per page, not on every press. The
        last rows of the old page stay in view for context; a far jump centres the cursor.
        """
        height = max(1, self.scrollable_content_region.height)
        top = self.scroll_offset.y
        context = min(2, height // 4)
        if self.cursor < top:
            step = self.cursor == top - 1
            target = self.cursor - (height - 1 - context if step else height // 3)
        elif self.cursor >= top + height:
            step = self.cursor == top + height
            target = self.cursor - (context if step else height // 3)
        else:
            return
        target = max(0, min(target, self.total - height))
        # Forced: just after the row count changed (back from an empty split) Textual has
        # not shown the scrollbar yet, and an unforced scroll would be refused.
        self.scroll_to(y=target, animate=False, immediate=True, force=True)

    # ------------------------------------------------------------------ fetching

    def _ensure(self) -> None:
        """Ask for whatever rows the viewport and the cursor will need next."""
        height = max(1, self.scrollable_content_region.height)
        for request in self.window.wanted(self.scroll_offset.y, height):
            self._request(request)

    def _request(self, request: Request) -> None:
        window = self.window
        if not window.claim(request):
            return
        jump = request[0] in JUMPS
        self.run_worker(
            partial(self._fetch, request, window.generation, window.view),
            group="inbox-jump" if jump else "inbox-page",
            exclusive=jump,
            thread=True,
            exit_on_error=False,
        )

    def _fetch(self, request: Request, generation: int, view: Filter) -> None:
        """Worker thread: run one query and post the result back."""
        read = self.gateway.slow_read if request[0] == "count" else self.gateway.call
        try:
            result = read(fetch, view, request)
        except Exception as exc:  # any failure must reach the user, not kill the app
            self.call_later(self._failed, request, generation, error_text(exc))
            return
        if get_current_worker().is_cancelled:
            self.call_later(self.window.forget, request, generation)
        else:
            self.call_later(self._apply, request, generation, result)

    def _failed(self, request: Request, generation: int, text: str) -> None:
        self.window.forget(request, generation)
        if generation == self.window.generation:
            self.on_error(text)

    def _apply(self, request: Request, generation: int, result) -> None:
        if not self.window.apply(request, generation, result):
            return
        kind = request[0]
        self._resize()
        if kind in ("top", "around", "end"):
            self.follow_cursor()  # a reload (of another split, say) lands where its cursor is
        self.refresh()
        if kind in JUMPS and self.window.wants_count():
            self.call_after_refresh(self._request, ("count",))  # paint the rows first
        self._ensure()
        self._announce()

    def _resize(self) -> None:
        """Tell the scrolling machinery how many rows there are."""
        set_content_height(self, self.total)

    # ------------------------------------------------------------------ events

    def on_mount(self) -> None:
        if self.age_tick:
            self.set_interval(self.age_tick, self._clock_ticked, name="ages")

    def _clock_ticked(self) -> None:
        """Time passed: the "when" column moves on (a row sent "3h" ago is now "4h")."""
        self._lines.clear()
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        self.move_to(self.scroll_offset.y + event.y)

    def on_focus(self) -> None:
        self.repaint_rows()  # the cursor row's colours follow focus

    def on_blur(self) -> None:
        self.repaint_rows()

    def on_resize(self) -> None:
        self.follow_cursor()
        self._ensure()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles = None
        self._lines.clear()

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
                match=get("inbox-list--match", partial=True),
            )
        return self._styles

    @property
    def allow_vertical_scroll(self) -> bool:
        """The wheel and the page keys scroll the list: it has no scrollbar widget to
        say so (see :mod:`tui.ui.inbox.scrolling`)."""
        return not self.disabled and self.max_scroll_y > 0

    def render_lines(self, crop: Region) -> list[Strip]:
        # Once per paint, not per line: the row width and where the bar's thumb is.
        height = self.scrollable_content_region.height
        self._width = self.scrollable_content_region.width - 1
        self._thumb = thumb_lines(height, self.scroll_offset.y, self.total)
        self._has_bar = self.total > height
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        """Line ``y`` of the viewport: the row there and a cell of the position bar,
        painted once and kept."""
        width = self._width
        index = self.scroll_offset.y + y
        bar = ("┃" if y in self._thumb else "│") if self._has_bar else " "
        row = self.row_at(index)
        cursor = index == self.cursor
        if index >= self.total:
            key: tuple = (None, width, bar)
        elif row is None:  # not fetched yet
            key = (None, width, bar, cursor)
        else:
            marked = self.marks.is_marked(row.id)
            key = (row.id, row.status, row.flag_codes, cursor, marked, width, bar)
        strip = self._lines.get(key)
        if strip is None:
            strip = self._lines[key] = self._paint(index, row, cursor, width, bar)
        return strip

    def _paint(self, index: int, row: InboxRow | None, cursor: bool, width: int, bar: str):
        styles = self._row_styles()
        if index >= self.total:
            body = Strip.blank(width, styles.base)
        elif row is None:
            style = styles.base + self.get_component_rich_style("inbox-list--placeholder")
            style = style + styles.cursor if cursor else style
            body = Strip([Segment("  …".ljust(width), style)])
        else:
            body = render_row(
                row,
                width,
                now=self.now(),
                cursor=cursor,
                marked=self.marks.is_marked(row.id),
                show_flags=self.show_flags,
                styles=styles,
                find=self.find_text,
            )
        part = "inbox-list--thumb" if bar == "┃" else "inbox-list--bar"
        cell = Segment(bar, styles.base + self.get_component_rich_style(part, partial=True))
        return Strip([*body, cell], width + 1)

    def _announce(self, force: bool = False) -> None:
        row = self.row
        state = (row.id if row else None, self.cursor, self.total, self.total_known, self.loaded)
        if force or state != self._announced:
            self._announced = state
            self.on_change(self)
