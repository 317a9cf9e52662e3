"""The detail pane: everything needed to decide on one invitation, in reading order.

Who sent it (name, photo badge, known or stranger, headline), what to do (the recommended
action and its reasons), why (the note with the evidence painted, our message and their
reply, the flags and signals), then the evidence behind the flags (numbers, "About this
profile", each profile section as content, empty or unknown).

It is a line-API ``ScrollView`` (like toolong's log view) over a
:class:`~tui.ui.detail_content.PreparedDetail`: text wrapped once to the pane's width, the
first screenfuls already painted as strips (the inbox prepares the next invitation's
detail in a thread worker before it is needed), the rest painted when scrolled to. The
pane keeps its size while the content changes, so a new invitation repaints the pane alone
instead of re-laying-out the screen; a 10 kB note costs no more per key press than a short
one. Like the inbox list it draws its own one-cell position bar: Textual's scrollbar widget
repaints in full whenever the content's length changes, which is on every invitation.

The pane is focusable: the app focuses it on Enter, then the arrows, PageUp/PageDown and
Home/End scroll it. ``show(..., reveal=False)`` is the training view: the raw profile and
note only, with no flags, highlights, verdict badges or recommendation.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.domain.models import Flag, Invitation, Recommendation
from tui.ui.detail_content import PreparedDetail, paint, prepare
from tui.ui.position_bar import thumb_lines
from tui.ui.widgets.ansi_filter import OwnTruecolorFilter

RETIRED_KEPT = 4  # details that went off screen, waiting to be freed


class DetailPane(OwnTruecolorFilter, ScrollView, can_focus=True):
    """Shows one invitation: sender's card, note with evidence, flags, recommendation."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"detail-pane--bar", "detail-pane--thumb"}

    DEFAULT_CSS = """
    DetailPane {
        width: 1fr;
        height: 1fr;
        padding: 0;
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-size-vertical: 0;
    }
    DetailPane:focus {
        background: $boost;
    }
    DetailPane > .detail-pane--bar { color: $text-disabled; }
    DetailPane > .detail-pane--thumb { color: $accent; }
    """

    def __init__(
        self,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self._detail = prepare(None, [], None)
        self._strips: LRUCache[tuple[int, Style], Strip] = LRUCache(512)
        self._base_style: Style | None = None
        self._bars: tuple[Strip, Strip] | None = None
        self._retired: list[PreparedDetail] = []

    @property
    def invitation_id(self) -> int | None:
        """The id of the invitation on show, or ``None``."""
        invitation = self._detail.invitation
        return invitation.id if invitation is not None else None

    @property
    def revealed(self) -> bool:
        """Whether flags, highlights and the recommendation are on show."""
        return self._detail.reveal

    def part(self, name: str) -> Text | None:
        """The ``Text`` of one block on show (``header``, ``recommendation``,
        ``conversation``, ``flags``, ``profile``, or ``empty``), or ``None`` if hidden."""
        return self._detail.parts.get(name)

    def plain_text(self) -> str:
        """Everything the pane holds, as plain text (what scrolling would reveal)."""
        return self._detail.text.plain

    # ------------------------------------------------------------------ what to show

    def text_width(self) -> int:
        """Cells per wrapped line: the content width less the margins and the position bar.

        The one-cell margins either side are painted into each line (see
        :func:`~tui.ui.detail_content.paint`) rather than left to CSS padding, which
        Textual would add to every line again on every repaint.
        """
        return max(0, self.scrollable_content_region.width - 3)

    def paint_style(self) -> Style:
        """The pane's own colours, looked up once per style change (not once per line)."""
        if self._base_style is None:
            self._base_style = self.rich_style
        return self._base_style

    def show(
        self,
        invitation: Invitation | None,
        flags: list[Flag],
        recommendation: Recommendation | None,
        *,
        reveal: bool = True,
    ) -> None:
        """Show ``invitation`` (or the empty state for ``None``) with its flags and verdict."""
        self.show_prepared(prepare(invitation, flags, recommendation, reveal=reveal))

    def show_prepared(self, detail: PreparedDetail) -> None:
        """Show a detail built by :func:`~tui.ui.detail_content.prepare` (maybe elsewhere).

        Scrolls back to the top when a different invitation is shown, so the name and the
        recommendation are always what the eye lands on.
        """
        changed = detail.invitation is None or detail.invitation.id != self.invitation_id
        self._retire(self._detail)
        self._detail = detail
        self._strips.clear()
        if not self.is_mounted:
            return
        width = self.text_width()
        if not detail.fits(width, self.paint_style()):
            detail.wrap(self.app.console, width, self.paint_style())
        if changed and (self.scroll_offset.y or self.scroll_target_y):
            self.scroll_to(y=0, animate=False, immediate=True)
        self._resize_content()

    def _retire(self, detail: PreparedDetail) -> None:
        """Keep a detail that went off screen until :meth:`release_retired`.

        Freeing one (its texts, wrapped lines and painted strips) takes a few tenths of a
        millisecond, which would land on the key press that replaced it. The inbox
        releases them when it next has a quiet moment; a few at most are kept.
        """
        self._retired.append(detail)
        if len(self._retired) > RETIRED_KEPT:
            del self._retired[0]

    def release_retired(self) -> None:
        """Free the details that went off screen (call when nothing is being pressed)."""
        self._retired.clear()

    def _resize_content(self) -> None:
        """Resize the scrollable area to the lines, without a screen-wide layout pass.

        The pane's own size does not change (fixed by CSS), only its content's length, and
        with no scrollbar widget to update nothing but this pane needs repainting.
        """
        size = Size(self._detail.width + 3, len(self._detail.lines))
        if size != self.virtual_size:
            self.set_reactive(ScrollView.virtual_size, size)
            if self.scroll_offset.y > self.max_scroll_y:
                self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)
        self.repaint()

    @property
    def allow_vertical_scroll(self) -> bool:
        """The wheel scrolls the pane even though Textual's scrollbar is hidden."""
        return not self._check_disabled() and self.max_scroll_y > 0

    # ------------------------------------------------------------------ events

    def on_mount(self) -> None:
        self.show_prepared(self._detail)

    def on_resize(self, event: events.Resize) -> None:
        if self.text_width() != self._detail.width:
            self._strips.clear()
            self._detail.wrap(self.app.console, self.text_width(), self.paint_style())
            self._resize_content()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        # Focus tint or theme changed: paint lines afresh.
        self._base_style = None
        self._bars = None
        self._strips.clear()
        self.forget_truecolor_background()

    # ------------------------------------------------------------------ painting

    def bar_strips(self) -> tuple[Strip, Strip]:
        """The position bar's two cells, track and thumb, in the pane's colours."""
        if self._bars is None:
            cells = []
            for thumb, part in ((False, "detail-pane--bar"), (True, "detail-pane--thumb")):
                style = self.paint_style() + self.get_component_rich_style(part, partial=True)
                cells.append(self.truecolor(Strip([Segment("┃" if thumb else "│", style)], 1)))
            # One tuple per style: prepared details tell by its identity what they joined.
            self._bars = (cells[0], cells[1])
        return self._bars

    def _frame(self) -> tuple[int, Style, range]:
        """What every line of a frame shares: the top line shown, the colours, and the
        lines of the viewport the thumb covers."""
        top = self.scroll_offset.y
        height = self.painting_size().height
        return top, self.paint_style(), thumb_lines(height, top, len(self._detail.lines))

    def render_line(self, y: int) -> Strip:
        return self._line(y, self._frame())

    def paint_lines(self, lines: range) -> list[Strip]:
        frame = self._frame()
        return [self._line(y, frame) for y in lines]

    def frame_key(self, crop: Region) -> tuple:
        return crop, self._frame(), self.bar_strips(), self._detail.serial

    def paint_ahead(self, detail: PreparedDetail) -> None:
        """Paint, ahead, the frame ``detail`` shows first (scrolled to the top), so that
        a key that brings it hands the compositor lines already painted (call when idle).
        """
        if (
            not self.is_mounted
            or self.scroll_offset.y
            or not detail.fits(self.text_width(), self.paint_style())
        ):
            return
        shown, kept = self._detail, self._strips
        self._detail, self._strips = detail, LRUCache(16)  # its lines must not mix in
        try:
            self.render_lines(Region(0, 0, *self.outer_size))  # as the compositor asks
        finally:
            self._detail, self._strips = shown, kept

    def _line(self, y: int, frame: tuple[int, Style, range]) -> Strip:
        top, base, thumb_at = frame
        detail = self._detail
        if detail.base != base:  # painted for other colours: paint this line afresh
            return Strip.join([self._body(top + y, base), self.bar_strips()[y in thumb_at]])
        return detail.framed_line(top + y, y in thumb_at, self.bar_strips(), self._body)

    def _body(self, index: int, base: Style | None = None) -> Strip:
        """Line ``index`` without the bar, in the pane's colours."""
        detail = self._detail
        base = base or self.paint_style()
        if detail.base == base:
            ready = detail.ready_body(index, self.truecolor)
            if ready is not None:
                return ready
        if index >= len(detail.lines):
            return Strip.blank(detail.width + 2, base)
        key = (index, base)
        body = self._strips.get(key)
        if body is None:
            body = paint(self.app.console, detail.lines[index], detail.width, base, index)
            self._strips[key] = body
        return self.truecolor(body)
