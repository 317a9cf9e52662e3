"""A base for the one-line bars (splits, status): painted straight to one cached strip.

A widget whose ``render`` returns ``Text`` goes through Textual's visual pipeline
(conversion to ``Content``, wrapping, justification) on every repaint, which for a bar
that changes with each decision cost about a millisecond. These bars build their ``Text``
once per change of state and paint it with Textual's line API instead (handing the
compositor the cached strip, see :mod:`tui.ui.widgets.ansi_filter`).
"""

from __future__ import annotations

from collections.abc import Hashable

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip
from textual.widget import Widget

from tui.ui.widgets.ansi_filter import OwnTruecolorFilter


class OneLineBar(OwnTruecolorFilter, Widget):
    """Subclasses give :meth:`line_text` and a :meth:`line_state` that changes with it."""

    DEFAULT_CSS = """
    OneLineBar {
        height: 1;
    }
    """

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self._painted: tuple[Hashable, Strip] | None = None
        self._base: Style | None = None
        self._parts: dict[str, Style] = {}

    def line_state(self) -> Hashable:
        """Everything the line depends on besides width and colours."""
        return None

    def line_text(self) -> Text:
        return Text()

    def part_style(self, name: str) -> Style:
        """A component class's style (partial), looked up once per style change: each
        lookup walks the DOM, and a bar asked for two or three on every repaint."""
        style = self._parts.get(name)
        if style is None:
            style = self._parts[name] = self.get_component_rich_style(name, partial=True)
        return style

    def line_width(self) -> int:
        """The width the line is painted for."""
        return self.painting_size().width

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._painted = None  # theme changed
        self._base = None
        self._parts.clear()
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
            text = self.line_text()
            text.truncate(width, overflow=text.overflow or "ellipsis")
            segments = Segment.apply_style(text.render(self.app.console), base)
            strip = Strip(list(segments)).crop_extend(0, width, base)
            self._painted = (key, self.truecolor(strip))
        return self._painted[1]
