"""The frame around the detail pane: a container whose painted lines are kept.

The compositor paints every widget under a changed area, front to back, even where a
child covers it. A decision changes the list, the detail and both bars, so the changed
area is the whole screen and this frame was painted through Textual's styles cache on
every decision (about 0.1 ms, for a border that rarely changes). It keeps the strips it
got for a crop and size, and drops them whenever Textual would paint it afresh: a
refresh, a style change (theme, focus within), or a new size.
"""

from __future__ import annotations

from textual.containers import Container
from textual.geometry import Region, Size
from textual.strip import Strip


class DetailBox(Container):
    def __init__(self, *children, id: str | None = None) -> None:
        super().__init__(*children, id=id)
        self._lines: tuple[tuple[Region, Size], list[Strip]] | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        key = (crop, self.outer_size)
        if self._lines is None or self._lines[0] != key:
            self._lines = (key, super().render_lines(crop))
        return self._lines[1]

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._lines = None

    def refresh(self, *regions: Region, repaint: bool = True, **kwargs) -> DetailBox:
        if repaint:
            self._lines = None
        return super().refresh(*regions, repaint=repaint, **kwargs)
