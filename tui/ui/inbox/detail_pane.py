"""The detail pane: everything needed to decide on one invitation, in reading order.

Who sent it, then at a glance what to do and why (the recommendation, the note around its
highlighted words, every flag by title), then the whole story: every reason, the note and
any messages, the flags explained, and the profile (see :mod:`tui.ui.render.detail`).

A line-API ``ScrollView`` over a :class:`~tui.ui.render.detail.PreparedDetail`: text wrapped
to the pane's width as strips, usually in a thread worker before it is needed, so showing
an invitation only hands Textual lines that are ready; a 10 kB note costs a key press no
more than a short one. The pane is focusable: Enter focuses it, then the arrows,
PageUp/PageDown and Home/End scroll it. ``show(..., reveal=False)`` is the training view:
the raw profile and note, with no flags, highlights, verdict badges or recommendation.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Region
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.domain.models import Flag, Invitation, Recommendation
from tui.ui.inbox.scrolling import set_content_height
from tui.ui.render.detail import PreparedDetail, prepare
from tui.ui.render.position_bar import thumb_lines


class DetailPane(ScrollView, can_focus=True):
    """Shows one invitation: sender's card, the evidence at a glance, the full story."""

    DEFAULT_CSS = """
    DetailPane {
        width: 1fr;
        height: 1fr;
        padding: 0 1;
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-size-vertical: 0;  /* the pane draws its own position bar */
    }
    DetailPane:focus {
        background: $boost;
    }
    DetailPane > .detail-pane--bar { color: $text-disabled; }
    DetailPane > .detail-pane--thumb { color: $accent; }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"detail-pane--bar", "detail-pane--thumb"}

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._detail = prepare(None, [], None)
        self._base: Style | None = None  # the pane's colours, looked up once per style
        self._bar: tuple[Segment, Segment] | None = None  # the position bar's two cells
        self._thumb: range = range(0)
        # Lines as painted, with the pane's colours and a cell of the bar: (line, cell) ->
        # strip, where cell is 0 (no bar), 1 (track) or 2 (thumb). Scrolling back and
        # forth, or a repaint of the same lines, reuses them.
        self._painted: dict[tuple[int, int], Strip] = {}

    @property
    def detail(self) -> PreparedDetail:
        """What the pane shows."""
        return self._detail

    @property
    def invitation_id(self) -> int | None:
        """The id of the invitation on show, or ``None``."""
        invitation = self._detail.invitation
        return invitation.id if invitation is not None else None

    @property
    def revealed(self) -> bool:
        """Whether flags, highlights and the recommendation are on show."""
        return self._detail.reveal

    @property
    def content_width(self) -> int:
        """Cells per wrapped line: the pane's width less the position bar's cell."""
        return max(0, self.scrollable_content_region.width - 1)

    @property
    def allow_vertical_scroll(self) -> bool:
        """The wheel and the keys scroll the pane: it has no scrollbar widget to say so
        (see :mod:`tui.ui.inbox.scrolling`)."""
        return not self.disabled and self.max_scroll_y > 0

    def part(self, name: str) -> Text | None:
        """The ``Text`` of one block on show (``header``, ``glance``, ``recommendation``,
        ``conversation``, ``flags``, ``profile``, or ``empty``), or ``None`` if hidden."""
        return self._detail.parts.get(name)

    def plain_text(self) -> str:
        """Everything the pane holds, as plain text (what scrolling would reveal)."""
        return self._detail.plain

    # ------------------------------------------------------------------ what to show

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
        """Show a detail built by :func:`~tui.ui.render.detail.prepare` (maybe elsewhere).

        A different invitation is shown from its top, so the name and the recommendation
        are what the eye lands on.
        """
        changed = detail.invitation is None or detail.invitation.id != self.invitation_id
        self._detail = detail
        self._painted.clear()
        if not self.is_mounted:
            return
        self._fit()
        if changed and self.scroll_offset.y:
            self.scroll_to(y=0, animate=False, immediate=True)
        self.refresh()

    def _fit(self) -> None:
        """Wrap the detail to the pane's width, if it was not wrapped for it."""
        width = self.content_width
        if width > 0 and self._detail.width != width:
            self._detail.wrap(self.app.console, width)
            self._painted.clear()
        set_content_height(self, len(self._detail.lines))

    # ------------------------------------------------------------------ events and painting

    def on_mount(self) -> None:
        self._fit()

    def on_resize(self) -> None:
        self._fit()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._base = None  # focus tint or theme changed
        self._bar = None
        self._painted.clear()

    def render_lines(self, crop: Region) -> list[Strip]:
        # Once per paint, not per line: the colours, and where the bar's thumb is.
        if self._base is None or self._bar is None:
            self._base = base = self.rich_style
            track, thumb = (
                base + self.get_component_rich_style(part, partial=True)
                for part in ("detail-pane--bar", "detail-pane--thumb")
            )
            self._bar = (Segment("│", track), Segment("┃", thumb))
        height = self.scrollable_content_region.height
        self._thumb = thumb_lines(height, self.scroll_offset.y, len(self._detail.lines))
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        """Line ``y`` of the viewport: a wrapped line on the pane's colours, and a cell of
        the position bar."""
        index = self.scroll_offset.y + y
        cell = (2 if y in self._thumb else 1) if self._thumb else 0
        strip = self._painted.get((index, cell))
        if strip is None:
            strip = self._painted[index, cell] = self._paint(index, cell)
        return strip

    def _paint(self, index: int, cell: int) -> Strip:
        base, bar = self._base, self._bar
        assert base is not None and bar is not None  # set by render_lines
        lines = self._detail.lines
        width = self._detail.width
        if index >= len(lines):
            body = [Segment(" " * width, base)]
        else:
            body = list(Segment.apply_style(lines[index], base))
            padding = width - lines[index].cell_length
            if padding > 0:
                body.append(Segment(" " * padding, base))
        body.append(bar[cell - 1] if cell else Segment(" ", base))
        return Strip(body, width + 1)
