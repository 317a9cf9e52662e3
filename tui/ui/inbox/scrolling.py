"""Telling a line-API ``ScrollView`` how many lines it scrolls over, without a layout pass
when nothing on screen moves."""

from __future__ import annotations

from textual.geometry import Size
from textual.scroll_view import ScrollView


def set_content_height(view: ScrollView, height: int) -> None:
    """Make ``view`` scroll over ``height`` lines.

    Assigning ``virtual_size`` lays the whole screen out again (it may show or hide a
    scrollbar), after which Textual repaints every widget: for a decision that was more
    work than all the rest of it. When the scrollbar stays as it is (shown before and
    after, or hidden before and after) only the scroll range and the thumb change, so the
    size is set without the layout pass and the scrollbar is told its new range directly.
    """
    size = Size(view.virtual_size.width, height)
    if size == view.virtual_size:
        return
    viewport = view.scrollable_content_region.height
    if not view.is_mounted or view.show_vertical_scrollbar != (height > viewport):
        view.virtual_size = size  # the scrollbar comes or goes: the layout must change
        return
    view.set_reactive(ScrollView.virtual_size, size)
    if view.show_vertical_scrollbar:
        view.vertical_scrollbar.window_virtual_size = height
    if view.scroll_offset.y > view.max_scroll_y:
        view.scroll_to(y=view.max_scroll_y, animate=False, immediate=True, force=True)
