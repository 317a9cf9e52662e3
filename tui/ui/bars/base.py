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


class LinePainter:
    """Paints a bar line's pieces as one strip ``width`` cells wide on ``base``; a line
    too long for the width ends in ``…``.

    ``finish`` turns a segment's whole style into the one to draw (the screen passes its
    line filters: true colour, ``NO_COLOR``). Each piece's finished segment and width are
    kept, so repainting a line whose count changed builds only the pieces that did.
    Going through Rich ``Text`` (or Textual's visuals) on every repaint cost about a
    millisecond, so only a line too long for the bar does.
    """

    KEEP = 512  # pieces kept; past that the cache starts afresh (status texts vary)

    def __init__(self, base: Style, console: Console, finish: Callable[[Style], Style]):
        self.base = base
        self.console = console
        self._finish = finish
        self._finished: dict[Style, Style] = {}
        self._pieces: dict[Piece, tuple[Segment, int]] = {}

    def finish(self, style: Style) -> Style:
        done = self._finished.get(style)
        if done is None:
            done = self._finished[style] = self._finish(style)
        return done

    def paint(self, pieces: list[Piece], width: int) -> Strip:
        kept = self._pieces
        if len(kept) > self.KEEP:
            kept.clear()
            self._finished.clear()
        segments = []
        used = 0
        for piece in pieces:
            painted = kept.get(piece)
            if painted is None:
                text, style = piece
                if not text:
                    continue
                whole = self.base + style if style else self.base
                painted = kept[piece] = (Segment(text, self.finish(whole)), cell_len(text))
            segments.append(painted[0])
            used += painted[1]
        if used > width:
            return self._cut(pieces, width)
        if used < width:
            segments.append(Segment(" " * (width - used), self.finish(self.base)))
        return Strip(segments, width)

    def _cut(self, pieces: list[Piece], width: int) -> Strip:
        finish = self.finish
        text = Text.assemble(
            *(piece for piece in pieces if piece[0]), no_wrap=True, overflow="ellipsis"
        )
        text.truncate(width, overflow="ellipsis")
        rendered = Segment.apply_style(text.render(self.console), self.base)
        segments = [Segment(text, finish(style) if style else style) for text, style, _ in rendered]
        return Strip(segments).crop_extend(0, width, finish(self.base))
