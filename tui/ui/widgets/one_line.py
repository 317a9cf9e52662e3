"""A base for the one-line bars (splits, status, keys): painted straight to one cached strip.

A widget whose ``render`` returns ``Text`` goes through Textual's visual pipeline
(conversion to ``Content``, wrapping, justification) on every repaint, which for a bar
that changes with each decision cost about a millisecond. These bars list their pieces
(text and style) once per change of state and paint them with Textual's line API
instead, one segment per piece (handing the compositor the cached strip, see
:mod:`tui.ui.widgets.ansi_filter`); only a line too long for the bar goes through Rich's
``Text`` to be cut with an ellipsis.
"""

from __future__ import annotations

from collections.abc import Hashable

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip
from textual.widget import Widget

from tui.ui.widgets.ansi_filter import OwnTruecolorFilter

Piece = tuple[str, Style | None]


class OneLineBar(OwnTruecolorFilter, Widget):
    """Subclasses give :meth:`line_pieces` and a :meth:`line_state` that changes with them.

    Piece texts must be free of control characters (callers clean what users typed).
    """

    DEFAULT_CSS = """
    OneLineBar {
        height: 1;
    }
    """

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self._painted: tuple[Hashable, Strip] | None = None
        self._base: Style | None = None
        self._part_styles: dict[str, Style] = {}

    def line_state(self) -> Hashable:
        """Everything the line depends on besides width and colours."""
        return None

    def line_pieces(self) -> list[Piece]:
        """The line as ``(text, style)`` pieces, left to right; the style is partial."""
        return []

    def part_style(self, name: str) -> Style:
        """A component class's style (partial), looked up once per style change: each
        lookup walks the DOM, and a bar asked for two or three on every repaint."""
        style = self._part_styles.get(name)
        if style is None:
            style = self._part_styles[name] = self.get_component_rich_style(name, partial=True)
        return style

    def line_width(self) -> int:
        """The width the line is painted for."""
        return self.painting_size().width

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._painted = None  # theme changed
        self._base = None
        self._part_styles.clear()
        self.forget_truecolor_background()

    def render_line(self, y: int) -> Strip:
        width = self.line_width()
        if self._base is None:
            self._base = self.rich_style  # looked up once per style change: it walks the DOM
        base = self._base
        if y != 0:
            return Strip.blank(width, base)
        key = (self.line_state(), width, base)
        if self._painted is None or self._painted[0] != key:
            self._painted = (key, self.truecolor(self._paint(width, base)))
        return self._painted[1]

    def _paint(self, width: int, base: Style) -> Strip:
        pieces = [(text, style) for text, style in self.line_pieces() if text]
        used = sum(cell_len(text) for text, _ in pieces)
        if used > width:
            text = Text.assemble(*pieces, no_wrap=True, overflow="ellipsis")
            text.truncate(width, overflow="ellipsis")
            segments = Segment.apply_style(text.render(self.app.console), base)
            return Strip(list(segments)).crop_extend(0, width, base)
        segments = [Segment(text, base + style if style else base) for text, style in pieces]
        if used < width:
            segments.append(Segment(" " * (width - used), base))
        return Strip(segments, width)
