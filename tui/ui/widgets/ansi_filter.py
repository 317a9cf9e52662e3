"""Handing the compositor the list's and the detail pane's lines as they were painted.

Textual passes every repainted line of a widget through its styles cache (padding,
borders, background, tint, opacity) into a fresh strip, then through its line filters
(``ANSIToTruecolor``: named colours and ``dim`` turned into the theme's true colours;
``NO_COLOR``'s filter). The filters cache their result on the strip, but the strip is new
on every repaint, so every line was rebuilt and converted again: about 40 µs a line, and
a decision repaints a screenful. The list and the detail pane use none of those styles
(no padding, no border; their strips carry their own background) and cache their strips,
so they apply the filters to their cached strips themselves, where the results stay
cached, and give the compositor those strips directly. A test checks that the screen
comes out exactly as Textual's own path draws it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from textual.color import Color
from textual.dom import NoScreen
from textual.filter import ANSIToTruecolor, LineFilter
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widget import Widget

from tui.ui.frame_timer import ask_frame


class OwnTruecolorFilter:
    """Mixed into a line-API widget that keeps its strips: see the module docstring."""

    FRAMES_KEPT = 4  # painted frames kept: the one on show and those painted ahead

    def render_lines(self: Widget, crop: Region) -> list[Strip]:
        # Once per frame: ``size`` walks the screen's map, and a line asking for it
        # each time cost more than the line. Refreshed here, not in on_resize, because
        # Textual paints the first frame at a new size before the Resize event arrives.
        self._paint_size = self.size
        background = self._filter_background()
        filters = self.get_line_filters()
        # Kept only for whole frames: a one-line crop (Textual asks for the style under
        # the mouse) must not push out the frames painted ahead.
        whole = crop.x == crop.y == 0 and crop.size == self.outer_size
        key = self.frame_key(crop) if whole else None
        if key is not None:
            key = (key, background, tuple(self.app.get_line_filters()))
            frames = self._frames()
            for index, (kept, strips) in enumerate(frames):
                if kept == key:
                    frames.insert(0, frames.pop(index))  # the newest used stay longest
                    return strips
        x1, x2 = crop.column_span
        strips = []
        for strip in self.paint_lines(crop.line_range):
            if strip.cell_length < x2:  # before the first layout pass: pad, never leave holes
                strip = strip.extend_cell_length(x2, self.rich_style)
            for line_filter in filters:
                strip = strip.apply_filter(line_filter, background)
            strips.append(strip if x1 == 0 and strip.cell_length == x2 else strip.crop(x1, x2))
        if key is not None:
            frames = self._frames()
            frames.insert(0, (key, strips))
            del frames[self.FRAMES_KEPT :]
        return strips

    def frame_key(self: Widget, crop: Region) -> tuple | None:
        """Everything the lines of ``crop`` depend on (besides the line filters), for a
        widget that keeps whole painted frames; ``None`` paints the frame afresh.

        A key press often brings a frame painted ahead (or one shown before): handing
        the compositor that list of lines again skips the per-line work of a frame.
        Keys are compared with ``==``, never hashed, so they may hold rows."""
        return None

    def _frames(self: Widget) -> list[tuple[tuple, list[Strip]]]:
        frames = getattr(self, "_painted_frames", None)
        if frames is None:
            frames = self._painted_frames = []
        return frames

    def forget_frames(self: Widget) -> None:
        """Drop the painted frames (their colours or their content changed)."""
        self._painted_frames = []

    def paint_lines(self: Widget, lines: range) -> Iterable[Strip]:
        """The strips of ``lines``, as :meth:`render_line` paints them one by one; a widget
        may override it to work out what its lines share (scroll position, colours) once."""
        return [self.render_line(y) for y in lines]

    def repaint(self: Widget, *regions: Region) -> None:
        """``refresh(*regions)`` for a key press's or a decision's repaint, without the
        three messages it costs: a refresh wakes the widget with a ``Prompt``, its idle
        check posts an ``Update`` to the screen, and only that puts the widget in the
        next frame, which the screen's ``Prompt`` then asks for. This puts it there at
        once, as ``Screen._on_update`` does, and asks for the frame (nothing else a
        refresh does is needed: these widgets keep their own line caches)."""
        try:
            screen = self.screen
        except NoScreen:
            return  # taken off the screen: nothing to paint
        if not self.is_mounted or self not in screen._compositor:
            self.refresh(*regions)  # not laid out yet: Textual's own way
            return
        self._set_dirty(*regions)
        screen._dirty_widgets.add(self)
        ask_frame(screen)

    def get_line_filters(self: Widget) -> Sequence[LineFilter]:
        return [
            line_filter
            for line_filter in self.app.get_line_filters()
            if not isinstance(line_filter, ANSIToTruecolor)
        ]

    def painting_size(self: Widget) -> Size:
        """The widget's size as of the frame being painted."""
        size: Size | None = getattr(self, "_paint_size", None)
        if size is None:
            size = self._paint_size = self.size
        return size

    def truecolor(self: Widget, strip: Strip) -> Strip:
        """``strip`` as Textual's filter would leave it (cached on the strip itself)."""
        return _convert(strip, self.app.get_line_filters(), self._filter_background())

    def truecolor_ahead(self: Widget) -> Callable[[Strip], Strip]:
        """A function that converts strips as :meth:`truecolor` does, from any thread:
        called before a strip's first paint, its result is cached on the strip."""
        background = self._filter_background()
        filters = list(self.app.get_line_filters())
        return lambda strip: _convert(strip, filters, background)

    def _filter_background(self: Widget) -> Color:
        background: Color | None = getattr(self, "_truecolor_background", None)
        if background is None:
            # Looked up once per style change: it walks up the DOM.
            background = self._truecolor_background = self.background_colors[1]
        return background

    def forget_truecolor_background(self) -> None:
        """Call from ``notify_style_update``: the background may have changed."""
        self._truecolor_background = None
        self.forget_frames()


def _convert(strip: Strip, filters: Sequence[LineFilter], background: Color) -> Strip:
    for line_filter in filters:
        if isinstance(line_filter, ANSIToTruecolor):
            strip = strip.apply_filter(line_filter, background)
    return strip
