"""The detail pane: everything needed to decide on one invitation, in reading order.

Who sent it (name, photo badge, known or stranger, headline), what to do (the recommended
action and its reasons), why (the note with the evidence painted, our message and their
reply, the flags and signals), then the evidence behind the flags (numbers, "About this
profile", each profile section as content, empty or unknown).

It is a line-API ``ScrollView`` (like toolong's log view): ``show`` builds Rich ``Text``,
wraps it once to the pane's width, and ``render_line`` paints only the visible lines from a
small cache. The pane keeps its size while the content changes, so a new invitation
repaints the pane alone instead of re-laying-out the whole screen; a 10 kB note costs no
more per key press than a short one. The vertical scrollbar is always there so the width
never jumps.

The pane is focusable: the app focuses it on Enter, then the arrows, PageUp/PageDown and
Home/End scroll it. ``show(..., reveal=False)`` is the training view: the raw profile and
note only, with no flags, highlights, verdict badges or recommendation.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.cache import LRUCache
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.models import Flag, Invitation, Recommendation
from tui.ui import render_flags, render_note, render_profile, styles
from tui.ui.render_profile import clip, when

EMPTY_TEXT = "No invitation selected."
PART_NAMES = ("header", "recommendation", "conversation", "flags", "profile")


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


class DetailPane(ScrollView, can_focus=True):
    """Shows one invitation: sender's card, note with evidence, flags, recommendation."""

    DEFAULT_CSS = """
    DetailPane {
        width: 1fr;
        height: 1fr;
        padding: 0 1;
        overflow-x: hidden;
        overflow-y: scroll;
        scrollbar-size-vertical: 1;
    }
    DetailPane:focus {
        background: $boost;
    }
    """

    def __init__(
        self,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self._parts: dict[str, Text] = {"empty": styles.styled(EMPTY_TEXT, styles.EMPTY)}
        self._text = Text()
        self._lines: list[Text] = []
        self._wrapped_width = 0
        self._strips: LRUCache[tuple[int, Style], Strip] = LRUCache(512)
        self._shown_id: int | None = None
        self._reveal = True
        self._base_style: Style | None = None
        self._compose_text()

    @property
    def invitation_id(self) -> int | None:
        """The id of the invitation on show, or ``None``."""
        return self._shown_id

    @property
    def revealed(self) -> bool:
        """Whether flags, highlights and the recommendation are on show."""
        return self._reveal

    def part(self, name: str) -> Text | None:
        """The ``Text`` of one block on show (``header``, ``recommendation``,
        ``conversation``, ``flags``, ``profile``, or ``empty``), or ``None`` if hidden."""
        return self._parts.get(name)

    def plain_text(self) -> str:
        """Everything the pane holds, as plain text (what scrolling would reveal)."""
        return self._text.plain

    def show(
        self,
        invitation: Invitation | None,
        flags: list[Flag],
        recommendation: Recommendation | None,
        *,
        reveal: bool = True,
    ) -> None:
        """Show ``invitation`` (or the empty state for ``None``) with its flags and verdict.

        Scrolls back to the top when a different invitation is shown, so the name and the
        recommendation are always what the eye lands on.
        """
        new_id = invitation.id if invitation is not None else None
        changed = new_id != self._shown_id
        self._shown_id = new_id
        self._reveal = reveal
        if invitation is None:
            self._parts = {"empty": styles.styled(EMPTY_TEXT, styles.EMPTY)}
        else:
            self._parts = detail_parts(invitation, flags, recommendation, reveal=reveal)
        self._compose_text()
        self._reflow()
        if changed and self.is_mounted:
            self.scroll_home(animate=False, immediate=True)

    def _compose_text(self) -> None:
        text = Text("\n\n").join(self._parts.values())
        text.expand_tabs(4)
        self._text = text

    def _reflow(self) -> None:
        """Wrap the text to the current width and resize the scrollable area."""
        width = self.scrollable_content_region.width
        if not self.is_mounted or width <= 0:
            return
        self._wrapped_width = width
        self._lines = list(self._text.wrap(self.app.console, width, overflow="fold"))
        self._strips.clear()
        size = Size(width, len(self._lines))
        if size != self.virtual_size:
            # Resize the scrollable area without a screen-wide layout pass: the pane's own
            # size does not change (fixed by CSS, scrollbar always shown), only its content.
            self.set_reactive(ScrollView.virtual_size, size)
            self._scroll_update(size)
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        if self.scrollable_content_region.width != self._wrapped_width:
            self._reflow()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._base_style = None  # focus tint or theme changed: paint lines afresh

    def _style(self) -> Style:
        """The pane's own colours, looked up once per style change (not once per line)."""
        if self._base_style is None:
            self._base_style = self.rich_style
        return self._base_style

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        base = self._style()
        if index >= len(self._lines):
            return Strip.blank(width, base)
        key = (index, base)
        strip = self._strips.get(key)
        if strip is None:
            segments = self._lines[index].render(self.app.console)
            strip = Strip(list(Segment.apply_style(segments, base)))
            strip = strip.crop_extend(0, width, base)
            self._strips[key] = strip
        return strip.apply_offsets(0, index)
