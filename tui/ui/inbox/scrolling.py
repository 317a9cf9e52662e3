"""Scrolling for the list and the detail pane: how many lines they scroll over, and the
one-cell position bar they draw in their own lines.

Both panes draw their position bar as the last cell of each line (see
:func:`~tui.ui.render.position_bar.thumb_lines`) rather than use Textual's scrollbar
widget: a scrollbar is repainted whole whenever the content's length changes, which is on
every decision and every new detail, and at 160x48 that was more lines than the panes'
own. So the panes scroll without a scrollbar widget, and say so to Textual.
"""

from __future__ import annotations

from textual.geometry import Region, Size
from textual.scroll_view import ScrollView

from tui.ui.render.position_bar import thumb_lines


def set_content_height(view: ScrollView, height: int) -> None:
    """Make ``view`` scroll over ``height`` lines, repainting the bar cells whose thumb
    moved. Without a scrollbar widget nothing else on screen changes, so this sets the
    size without Textual's layout pass (which would repaint every widget)."""
    size = Size(view.virtual_size.width, height)
    if size == view.virtual_size:
        return
    viewport = view.scrollable_content_region.height
    top = view.scroll_offset.y
    before = set(thumb_lines(viewport, top, view.virtual_size.height))
    view.set_reactive(ScrollView.virtual_size, size)
    if view.scroll_offset.y > view.max_scroll_y:
        view.scroll_to(y=view.max_scroll_y, animate=False, immediate=True, force=True)
        return  # scrolled: everything is repainted
    after = set(thumb_lines(viewport, top, height))
    width = view.size.width
    for y in sorted(before ^ after):
        view.refresh(Region(width - 1, y, 1, 1))
