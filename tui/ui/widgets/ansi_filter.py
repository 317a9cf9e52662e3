"""Converting ANSI colours once per cached strip instead of once per repaint.

Textual runs every repainted line through its ``ANSIToTruecolor`` filter (named colours and
``dim`` turned into the theme's true colours). It caches the result on the strip it is
given, but that is a fresh strip on every repaint, so each line is converted again: about
a third of what repainting a list row costs. The list and the detail pane cache their
strips, so they apply the filter themselves, where the result stays cached, and leave
Textual the other filters (``NO_COLOR``'s among them).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.color import Color
from textual.filter import ANSIToTruecolor, LineFilter
from textual.strip import Strip
from textual.widget import Widget


class OwnTruecolorFilter:
    """Mixed into a line-API widget that keeps its strips: see the module docstring."""

    def get_line_filters(self: Widget) -> Sequence[LineFilter]:
        return [
            line_filter
            for line_filter in self.app.get_line_filters()
            if not isinstance(line_filter, ANSIToTruecolor)
        ]

    def truecolor(self: Widget, strip: Strip) -> Strip:
        """``strip`` as Textual's filter would leave it (cached on the strip itself)."""
        for line_filter in self.app.get_line_filters():
            if isinstance(line_filter, ANSIToTruecolor):
                strip = strip.apply_filter(line_filter, self._filter_background())
        return strip

    def truecolor_ahead(self: Widget) -> Callable[[Strip], object]:
        """A function that converts strips before their first paint, from any thread:
        the result is cached on the strip, where :meth:`truecolor` finds it."""
        background = self._filter_background()
        filters = [f for f in self.app.get_line_filters() if isinstance(f, ANSIToTruecolor)]

        def convert(strip: Strip) -> Strip:
            for line_filter in filters:
                strip = strip.apply_filter(line_filter, background)
            return strip

        return convert

    def _filter_background(self: Widget) -> Color:
        background: Color | None = getattr(self, "_truecolor_background", None)
        if background is None:
            # Looked up once per style change: it walks up the DOM.
            background = self._truecolor_background = self.background_colors[1]
        return background

    def forget_truecolor_background(self) -> None:
        """Call from ``notify_style_update``: the background may have changed."""
        self._truecolor_background = None
