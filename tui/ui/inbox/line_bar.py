"""A one-line bar drawn through Textual's line API, repainted only when its text changes.

The splits, status and key lines change on most keys (a count, a position, a note), and
a ``render()`` that returns a ``Text`` costs Textual about a millisecond a line to turn
into a strip, whether or not the words changed. A bar here says what it shows as a
``Text`` (:meth:`LineBar.line`); the bar keeps that text and its strip, and a change of
state (:meth:`LineBar.update_line`) repaints the line only when the text reads
differently. A new width, theme or focus tint builds both afresh.
"""

from __future__ import annotations

from rich.text import Text
from textual.strip import Strip
from textual.widget import Widget


class LineBar(Widget):
    """One line of text across the widget's width (subclasses say which, in ``line``)."""

    DEFAULT_CSS = """
    LineBar {
        height: 1;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._text: Text | None = None  # the line as drawn, for the width drawn at
        self._strip: Strip | None = None

    def line(self, width: int) -> Text:
        """What the bar says, ``width`` cells wide (or narrower); each bar says its own."""
        return Text()

    def update_line(self) -> None:
        """What the bar shows may have changed: repaint it if the line reads differently."""
        if self._text is None or not self.size.width:
            self.refresh()  # not drawn yet: the first paint builds the line
            return
        text = self.line(self.size.width)
        if text != self._text:
            self._text = text
            self._strip = None
            self.refresh()

    def _forget_line(self) -> None:
        self._text = None
        self._strip = None

    def on_resize(self) -> None:
        self._forget_line()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._forget_line()  # the theme, or a style of a part, changed

    def render_line(self, y: int) -> Strip:
        if y:
            return Strip.blank(self.size.width, self.rich_style)
        strip = self._strip
        if strip is None:
            width = self.size.width
            if self._text is None:
                self._text = self.line(width)
            base = self.rich_style
            segments = list(self._text.render(self.app.console))
            strip = Strip(segments).apply_style(base).adjust_cell_length(width, base)
            self._strip = strip
        return strip
