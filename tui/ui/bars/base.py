"""What a bar is: a line of (text, style) pieces that the screen paints as one strip.

A bar keeps its own state and says when it changed; it knows nothing of Textual's
widgets. ``pieces`` gets a function that looks up a part's style (a component class of
the screen, looked up once per theme) and the width the line is painted for.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from rich.cells import cell_len
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

Piece = tuple[str, Style | None]
PartStyle = Callable[[str], Style]


class Bar:
    """Subclasses name their line's component class in ``LINE`` and give the pieces.

    Piece texts must be free of control characters (callers clean what users typed).
    """

    LINE = ""  # the component class for the line's background and colour

    def __init__(self) -> None:
        self.on_change: Callable[[Bar], None] = lambda bar: None
        self.version = 0  # goes up with every change: the painted line is kept until then
        self._state: Hashable = None

    def changed(self) -> None:
        """Call after changing what the line shows; a call that changed nothing
        (``state`` is as before) costs no repaint."""
        state = self.state()
        if state != self._state:
            self._state = state
            self.version += 1
            self.on_change(self)

    def state(self) -> Hashable:
        """Everything the line depends on besides width and colours."""
        return None

    def pieces(self, width: int, part: PartStyle) -> list[Piece]:
        """The line as ``(text, style)`` pieces, left to right; the style is partial."""
        return []

    def action_at(self, x: int) -> str | None:
        """The action a click at column ``x`` runs, if any."""
        return None


def paint(pieces: list[Piece], width: int, base: Style, console: Console) -> Strip:
    """``pieces`` as one strip ``width`` cells wide on ``base``; too long, it ends in ``…``.

    One segment per piece: going through Rich ``Text`` (or Textual's visuals) for every
    repaint of a bar cost about a millisecond, so only a line too long for the bar does.
    """
    pieces = [(text, style) for text, style in pieces if text]
    used = sum(cell_len(text) for text, _ in pieces)
    if used > width:
        text = Text.assemble(*pieces, no_wrap=True, overflow="ellipsis")
        text.truncate(width, overflow="ellipsis")
        segments = Segment.apply_style(text.render(console), base)
        return Strip(list(segments)).crop_extend(0, width, base)
    segments = [Segment(text, base + style if style else base) for text, style in pieces]
    if used < width:
        segments.append(Segment(" " * (width - used), base))
    return Strip(segments, width)
