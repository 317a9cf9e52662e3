"""The inbox screen paints its own chrome: the bars above and below the two panes, and the
line between them.

Textual pays for every widget on every key press, not only on the frames it changes in:
each one's message loop wakes for the rounds of callbacks and idle checks a key sets off,
and the compositor cuts and joins every line of every widget under a changed area (a
decision changes the whole screen). As widgets, the splits, the status line, the keys and
the detail's frame were four of the inbox's seven, and cost about 1.5 ms of a decision's
7. A screen's own lines lie behind its children and show only where none covers them: the
rows its padding keeps free, and the one-cell gap the detail pane's margin leaves. The
screen paints the bars (:mod:`tui.ui.bars`) in those rows and the divider in that gap.

The bars' colours are component classes of the screen (``chrome--*`` in its CSS), composed
over the screen's background as Textual composes a child widget's; each painted line is
kept until its bar, the width or the theme changes, and goes through the app's line
filters (true colour, ``NO_COLOR``) once.
"""

from __future__ import annotations

from collections.abc import Hashable

from rich.segment import Segment
from rich.style import Style
from textual import events, messages
from textual.color import Color
from textual.css.styles import StylesBase
from textual.errors import NoWidget
from textual.filter import LineFilter
from textual.geometry import Region
from textual.screen import UPDATE_PERIOD
from textual.strip import Strip
from textual.widget import Widget

from tui.ui.bars.base import Bar, LinePainter
from tui.ui.frame_timer import FrameTimer, ask_frame
from tui.ui.later import Later

VERTICAL_DIVIDER = "▏"  # Textual's ``vkey`` border, left edge
HORIZONTAL_DIVIDER = "▔"  # Textual's ``hkey`` border, top edge


CHROME_PARTS = {
    "chrome--splits",
    "chrome--splits-active",
    "chrome--splits-key",
    "chrome--status",
    "chrome--status-strong",
    "chrome--keys",
    "chrome--keys-key",
    "chrome--keys-label",
    "chrome--divider",
    "chrome--divider-focus",
}
# Component classes only style what a screen paints itself; nothing else reads them.
CHROME_CSS = """
InboxScreen > .chrome--splits {
    background: $panel;
    color: $text;
}
InboxScreen > .chrome--splits-active {
    background: $primary;
    color: $foreground;
    text-style: bold;
}
InboxScreen > .chrome--splits-key {
    color: $text-muted;
}
InboxScreen > .chrome--status {
    background: $panel;
    color: $text-muted;
}
InboxScreen > .chrome--status-strong {
    color: $text;
    text-style: bold;
}
InboxScreen > .chrome--keys {
    background: $panel;
    color: $text;
}
InboxScreen > .chrome--keys-key {
    color: $accent;
    text-style: bold;
}
InboxScreen > .chrome--keys-label {
    color: $text;
}
InboxScreen > .chrome--divider {
    color: $panel-lighten-2;
}
InboxScreen > .chrome--divider-focus {
    color: $accent;
}
"""


def layered_style(node: Widget, styles: StylesBase) -> tuple[Style, Color]:
    """The style and background a child of ``node`` styled by ``styles`` would have
    (Textual's ``DOMNode.rich_style``, with ``styles`` as one more node at the bottom)."""
    background = Color(0, 0, 0, 0)
    color = Color(255, 255, 255, 0)
    style = Style()
    opacity = 1.0
    for level in [*(n.styles for n in reversed(node.ancestors_with_self)), styles]:
        opacity *= level.opacity
        text_background = background
        if level.has_rule("background"):
            tinted = level.background.tint(level.background_tint)
            text_background = background + tinted
            background += tinted.multiply_alpha(opacity)
        if level.has_rule("color"):
            color = level.color
        style += level.text_style
        if level.has_rule("auto_color") and level.auto_color:
            color = text_background.get_contrast_text(color.a)
    style += Style.from_color(
        (background + color).rich_color if (background.a or color.a) else None,
        background.rich_color if background.a else None,
    )
    return style, background


class ChromeMixin:
    """Mixed into the inbox screen, ahead of ``Screen``. ``init_chrome`` names the bars
    painted on top and at the bottom; ``chrome_divided`` the widget whose leading gap
    (left when there is room beside it, else above) holds the divider."""

    def chrome_divided(self) -> Widget | None:
        return None

    def init_chrome(self: Widget, top: list[Bar], bottom: list[Bar]) -> None:
        self._chrome_top = top
        self._chrome_bottom = bottom
        for bar in (*top, *bottom):
            bar.on_change = self._bar_changed
        self.styles.padding = (len(top), 0, len(bottom), 0)
        self._chrome_painted: dict[Bar, tuple[Hashable, Strip]] = {}
        self._chrome_blank: dict[Hashable, Strip] = {}
        self._chrome_styles: dict[str, Style] = {}
        self._chrome_lines: dict[str, tuple[Style, Color]] = {}
        self._chrome_painters: dict[str, LinePainter] = {}
        self._chrome_filters: list[LineFilter] = []
        self._chrome_waiting = False
        self._chrome_timer: Later | None = None
        self._frame_timer = FrameTimer(self, UPDATE_PERIOD)

    @property
    def _update_timer(self) -> FrameTimer:
        """Textual's screen asks this for its frames (see :mod:`tui.ui.frame_timer`)."""
        return self._frame_timer

    def stop_frames(self) -> None:
        """Call when the screen goes: no frame is painted for it after this."""
        self._frame_timer.stop()
        if self._chrome_timer is not None:
            self._chrome_timer.cancel()

    # ------------------------------------------------------------------ changes

    def _bar_changed(self: Widget, bar: Bar) -> None:
        row = self._bar_row(bar)
        if row is not None:
            self._repaint(Region(0, row, self.outer_size.width, 1))

    def _repaint(self: Widget, *regions: Region) -> None:
        """Repaint ``regions`` of the screen (screen coordinates) in the next frame that
        paints anything, or in one of its own a frame's time from now.

        A screen has no ``refresh(region)`` that works like a child's. Textual drops the
        other widgets waiting for a frame in which the screen repaints itself
        (``Screen._on_timer_update``), and a screen marked dirty at once gets a frame of
        its own before the children changed in the same handler report in (their
        ``Update`` messages come a loop turn later): two frames for one decision. So the
        regions wait, and join the frame the children's updates bring.
        """
        if not self.is_mounted or not regions:
            return
        # What ``_set_dirty`` does, short of its styles cache (the screen paints its own
        # lines) and of its translation from inside the padding: these are screen rows.
        self._repaint_regions.update(regions)
        if not self._chrome_waiting:
            self._chrome_waiting = True
            self._chrome_timer = Later(self, UPDATE_PERIOD, self._chrome_frame)

    def _join_frame(self: Widget, painting: bool = False) -> None:
        if self._chrome_waiting:
            self._chrome_waiting = False
            if self._chrome_timer is not None:
                self._chrome_timer.cancel()
                self._chrome_timer = None
            self._dirty_widgets.add(self)
            if not painting:  # else the frame is being painted now: no need to ask for one
                ask_frame(self)

    def _chrome_frame(self: Widget) -> None:
        """No child repainted within a frame's time: paint the chrome on its own."""
        self._join_frame()

    async def _on_update(self, message: messages.Update) -> None:
        # A child reports a change (Textual's Screen._on_update records it after this).
        self._join_frame()

    def _on_timer_update(self: Widget) -> None:
        self._join_frame(painting=True)
        super()._on_timer_update()

    def _bar_row(self: Widget, bar: Bar) -> int | None:
        if bar in self._chrome_top:
            return self._chrome_top.index(bar)
        bottom = self._chrome_bottom
        if bar in bottom:
            return self.outer_size.height - len(bottom) + bottom.index(bar)
        return None

    def refresh_divider(self: Widget) -> None:
        """Repaint the divider (its colour follows the detail's focus)."""
        self._repaint(*self._divider_regions())

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if event.widget is self.chrome_divided():
            self.refresh_divider()

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if event.widget is self.chrome_divided():
            self.refresh_divider()

    def notify_style_update(self: Widget) -> None:
        super().notify_style_update()
        self._chrome_painted.clear()
        self._chrome_blank.clear()
        self._chrome_styles.clear()
        self._chrome_lines.clear()
        self._chrome_painters.clear()

    # ------------------------------------------------------------------ clicks

    async def on_click(self: Widget, event: events.Click) -> None:
        # Clicks on the children bubble up here too: only one on the screen's own cells
        # (a bar row not covered by a toast) is for a bar.
        x, y = event.screen_x, event.screen_y
        try:
            under, _ = self.get_widget_at(x, y)
        except NoWidget:
            return
        if under is not self:
            return
        for bar in (*self._chrome_top, *self._chrome_bottom):
            if self._bar_row(bar) == y:
                action = bar.action_at(x)
                if action is not None:
                    event.stop()
                    await self.run_action(action)
                return

    # ------------------------------------------------------------------ painting

    def render_lines(self: Widget, crop: Region) -> list[Strip]:
        width, height = self.outer_size
        top, bottom = self._chrome_top, self._chrome_bottom
        first_bottom = height - len(bottom)
        # The rows between the bars: plain, or crossed by the divider (the same strip on
        # every row it crosses), worked out once per frame.
        plain = crossed = self._middle_strip(width, ())
        crossed_rows = range(0)
        divider = self._divider()
        if divider is not None:
            region, focused = divider
            if region.width == 1:
                crossed = self._middle_strip(width, ("column", region.x, focused))
            else:
                crossed = self._middle_strip(width, ("row", region.x, region.width, focused))
            crossed_rows = region.line_range
        x1, x2 = crop.column_span
        whole = x1 == 0 and x2 == width
        lines = []
        for y in crop.line_range:
            if y < len(top):
                strip = self._bar_strip(top[y], width)
            elif y >= first_bottom:
                strip = self._bar_strip(bottom[y - first_bottom], width)
            else:
                strip = crossed if y in crossed_rows else plain
            lines.append(strip if whole else strip.crop(x1, x2))
        return lines

    def _bar_strip(self: Widget, bar: Bar, width: int) -> Strip:
        key = (bar.version, width)
        painted = self._chrome_painted.get(bar)
        if painted is None or painted[0] != key:
            strip = self._painter(bar.LINE).paint(bar.pieces(width, self._part_style), width)
            painted = self._chrome_painted[bar] = (key, strip)
        return painted[1]

    def _painter(self: Widget, line: str) -> LinePainter:
        """The painter of a bar line, with the line's styles as the app's line filters
        leave them, each worked out once.

        Textual's filters convert a strip segment by segment, each by its style alone
        (and the line's background), so converting the styles gives the same strip
        without a pass over it on every repaint."""
        filters = self.app.get_line_filters()
        if filters != self._chrome_filters:  # another theme, or NO_COLOR toggled
            self._chrome_filters = filters
            self._chrome_painters.clear()
            self._chrome_painted.clear()
            self._chrome_blank.clear()
        painter = self._chrome_painters.get(line)
        if painter is None:
            base, background = self._line_style(line)

            def finish(style: Style) -> Style:
                segments = [Segment(" ", style)]
                for line_filter in filters:
                    segments = line_filter.apply(segments, background)
                return segments[0].style or Style.null()

            painter = self._chrome_painters[line] = LinePainter(base, self.app.console, finish)
        return painter

    def _middle_strip(self: Widget, width: int, where: tuple) -> Strip:
        key = (width, where)
        strip = self._chrome_blank.get(key)
        if strip is None:
            strip = self._chrome_blank[key] = self._paint_middle(width, where)
        return strip

    def _paint_middle(self: Widget, width: int, where: tuple) -> Strip:
        base, background = self._line_style("")
        if not where:
            return self._filtered(Strip.blank(width, base), background)
        color = self.get_component_styles(
            "chrome--divider-focus" if where[-1] else "chrome--divider"
        ).color
        line = Style.from_color((background + color).rich_color, background.rich_color)
        if where[0] == "column":
            x = where[1]
            segments = [Segment(" " * x, base), Segment(VERTICAL_DIVIDER, line)]
            segments.append(Segment(" " * (width - x - 1), base))
        else:
            x, length = where[1], where[2]
            segments = [Segment(" " * x, base), Segment(HORIZONTAL_DIVIDER * length, line)]
            segments.append(Segment(" " * (width - x - length), base))
        strip = Strip([s for s in segments if s.text], width)
        return self._filtered(strip, background)

    def _divider(self: Widget) -> tuple[Region, bool] | None:
        """Where the divider runs (the gap before the divided widget) and if it is lit."""
        divided = self.chrome_divided()
        if divided is None:
            return None
        try:
            region = divided.region
        except NoWidget:
            return None
        if not region:
            return None
        if region.x > 0:
            gap = Region(region.x - 1, region.y, 1, region.height)
        elif region.y > len(self._chrome_top):
            gap = Region(region.x, region.y - 1, region.width, 1)
        else:
            return None
        return gap, divided.has_focus

    def _divider_regions(self: Widget) -> list[Region]:
        divider = self._divider()
        return [] if divider is None else [divider[0]]

    def _line_style(self: Widget, name: str) -> tuple[Style, Color]:
        """A chrome line's own style and background: the screen's, or a component's
        composed over it (looked up once per theme: it walks the DOM)."""
        found = self._chrome_lines.get(name)
        if found is None:
            if name:
                found = layered_style(self, self.get_component_styles(name))
            else:
                found = (self.rich_style, self.background_colors[1])
            self._chrome_lines[name] = found
        return found

    def _part_style(self: Widget, name: str) -> Style:
        style = self._chrome_styles.get(name)
        if style is None:
            style = self._chrome_styles[name] = self.get_component_rich_style(name, partial=True)
        return style

    def _filtered(self: Widget, strip: Strip, background: Color) -> Strip:
        for line_filter in self.app.get_line_filters():
            strip = strip.apply_filter(line_filter, background)
        return strip
