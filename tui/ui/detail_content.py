"""What the detail pane paints for one invitation, built away from the widget.

:func:`prepare` turns an invitation (with its flags and recommendation) into wrapped lines
and, for the first screenfuls, finished ``Strip`` objects. It touches no widget, so a
thread worker can run it: the inbox builds the detail of the invitation a decision or a
``j`` will select next while the user is still reading, and the key press that brings it
up only hands the pane lines that are already painted.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from tui.domain.models import Flag, Invitation, Recommendation
from tui.ui import render_flags, render_note, render_profile, styles
from tui.ui.position_bar import thumb_lines
from tui.ui.render_profile import clip, when

EMPTY_TEXT = "No invitation selected."
_WRAPPINGS = itertools.count(1)
EAGER_LINES = 120  # lines painted ahead; a long profile's tail is painted when scrolled to


def conversation(invitation: Invitation, flags: Iterable[Flag], *, reveal: bool = True) -> Text:
    """The note, then each message: ours ("You asked") and theirs ("Reply")."""
    flags = list(flags)
    text = styles.styled("Note", styles.HEADING)
    text.append("\n")
    text.append_text(render_note.note_text(invitation.note, flags, reveal=reveal))
    latest_in = max(
        (i for i, message in enumerate(invitation.messages) if message.direction == "in"),
        default=None,
    )
    for index, message in enumerate(invitation.messages):
        text.append("\n\n")
        who = "Reply" if message.direction == "in" else "You asked"
        text.append(who, styles.HEADING)
        text.append(f"  {when(message.at)}", styles.MUTED)
        text.append("\n")
        if index == latest_in:
            text.append_text(render_note.reply_text(message.body, flags, reveal=reveal))
        else:
            text.append(clip(message.body, 20_000, one_line=False))
    if invitation.status == "asked" and latest_in is None:
        text.append("\n\n")
        text.append("No reply yet.", styles.UNKNOWN)
    return text


def detail_parts(
    invitation: Invitation,
    flags: Iterable[Flag],
    recommendation: Recommendation | None,
    *,
    reveal: bool = True,
) -> dict[str, Text]:
    """The pane's blocks, in reading order; without ``reveal`` no verdict blocks at all."""
    flags = list(flags) if reveal else []
    parts = {"header": render_profile.header(invitation, flags, judge=reveal)}
    if reveal:
        parts["recommendation"] = render_flags.recommendation_text(recommendation)
    parts["conversation"] = conversation(invitation, flags, reveal=reveal)
    if reveal:
        parts["flags"] = render_flags.flag_list(flags)
    parts["profile"] = render_profile.profile_details(invitation, flags, judge=reveal)
    return parts


def empty_parts() -> dict[str, Text]:
    return {"empty": styles.styled(EMPTY_TEXT, styles.EMPTY)}


@dataclass
class PreparedDetail:
    """One invitation's detail, wrapped to ``width`` and (partly) painted in ``base``."""

    invitation: Invitation | None
    flags: list[Flag]
    recommendation: Recommendation | None
    reveal: bool
    parts: dict[str, Text]
    text: Text
    width: int = 0
    base: Style | None = None
    lines: list[Text] = field(default_factory=list)
    strips: list[Strip] = field(default_factory=list)
    # Lines as the pane shows them, with the position bar's cell: (index, thumb) -> strip,
    # for the bar strips ``framed_with`` (track, thumb).
    framed: dict[tuple[int, bool], Strip] = field(default_factory=dict)
    framed_with: tuple[Strip, Strip] | None = None
    # Which wrapping this is (a new number on every wrap): what a frame painted from it
    # is known by.
    serial: int = 0

    def framed_line(
        self, index: int, thumb: bool, bars: tuple[Strip, Strip], body: Callable[[int], Strip]
    ) -> Strip:
        """Line ``index`` with the bar's cell (track or thumb) after it, joined once for
        the first lines (those painted ahead); a long detail's tail is joined when shown."""
        if self.framed_with is not bars:
            self.framed, self.framed_with = {}, bars
        strip = self.framed.get((index, thumb))
        if strip is None:
            strip = Strip.join([body(index), bars[thumb]])
            if index < EAGER_LINES:
                self.framed[(index, thumb)] = strip
        return strip

    def frame_first_screen(
        self, height: int, bars: tuple[Strip, Strip], convert: Callable[[Strip], Strip]
    ) -> None:
        """Join the lines a pane ``height`` lines tall shows first (scrolled to the top)
        with their bar cells, so that showing this detail joins nothing (any thread)."""
        if self.base is None:
            return
        thumb_at = thumb_lines(height, 0, len(self.lines))
        for y in range(height):
            body = self.ready_body(y, convert)
            if body is None:
                break  # not painted ahead: the pane paints it if it is scrolled to
            self.framed_line(y, y in thumb_at, bars, lambda _, body=body: body)

    def ready_body(self, index: int, convert: Callable[[Strip], Strip]) -> Strip | None:
        """Line ``index`` without the bar as painted ahead (converted), a blank line past
        the end, or ``None`` when it still has to be painted."""
        if index < len(self.strips):
            return convert(self.strips[index])
        if index >= len(self.lines) and self.base is not None:
            return Strip.blank(self.width + 2, self.base)
        return None

    def fits(self, width: int, base: Style | None) -> bool:
        return self.width == width and self.base == base and width > 0

    def wrap(
        self,
        console: Console,
        width: int,
        base: Style | None,
        convert: Callable[[Strip], object] | None = None,
    ) -> None:
        """Wrap to ``width`` and paint the first lines in ``base`` (any thread).

        ``convert`` is handed each painted strip: the pane's colour conversion, done here
        so that it is cached on the strip before the pane paints it.
        """
        self.width, self.base = width, base
        self.serial = next(_WRAPPINGS)
        self.framed, self.framed_with = {}, None
        self.lines = list(self.text.wrap(console, width, overflow="fold")) if width > 0 else []
        self.strips = []
        if base is not None:
            count = min(len(self.lines), EAGER_LINES)
            self.strips = [
                paint(console, line, width, base, index)
                for index, line in enumerate(self.lines[:count])
            ]
            if convert is not None:
                for strip in self.strips:
                    convert(strip)


def paint(console: Console, line: Text, width: int, base: Style, index: int) -> Strip:
    """Line ``index`` on the pane's colours: ``width`` cells between one-cell margins.

    The strip carries its own offsets (what lets a mouse selection find its text), so
    painting it again costs nothing.
    """
    segments = [Segment(" "), *line.render(console)]
    strip = Strip(list(Segment.apply_style(segments, base))).crop_extend(0, width + 2, base)
    return strip.apply_offsets(0, index)


def prepare(
    invitation: Invitation | None,
    flags: Iterable[Flag],
    recommendation: Recommendation | None,
    *,
    reveal: bool = True,
    console: Console | None = None,
    width: int = 0,
    base: Style | None = None,
    convert: Callable[[Strip], object] | None = None,
) -> PreparedDetail:
    """Build the detail; with a console and a width, wrap and paint it too."""
    flags = list(flags)
    parts = (
        empty_parts()
        if invitation is None
        else detail_parts(invitation, flags, recommendation, reveal=reveal)
    )
    text = Text("\n\n").join(parts.values())
    text.expand_tabs(4)
    prepared = PreparedDetail(invitation, flags, recommendation, reveal, parts, text)
    if console is not None and width > 0:
        prepared.wrap(console, width, base, convert)
    return prepared
