"""The detail pane: everything needed to decide on one invitation, in reading order.

Who sent it, then at a glance what to do and why (the recommendation, the note around its
highlighted words, every flag by title), then the whole story: every reason, the note and
any messages, the flags explained, and the profile (see :mod:`tui.ui.render.detail`).

A line-API ``ScrollView`` over a :class:`~tui.ui.render.detail.PreparedDetail`: text wrapped
to the pane's width as strips, usually in a thread worker before it is needed, so showing
an invitation only hands Textual lines that are ready; a 10 kB note costs a key press no
more than a short one. The pane is focusable: Enter focuses it, then the arrows,
PageUp/PageDown and Home/End scroll it. ``show(..., reveal=False)`` is the training view:
the raw profile and note, with no flags, highlights, verdict badges or recommendation.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.domain.models import Flag, Invitation, Recommendation
from tui.ui.inbox.scrolling import set_content_height
from tui.ui.render.detail import PreparedDetail, prepare


class DetailPane(ScrollView, can_focus=True):
    """Shows one invitation: sender's card, the evidence at a glance, the full story."""

    DEFAULT_CSS = """
    DetailPane {
        width: 1fr;
        height: 1fr;
        padding: 0 1;
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-size-vertical: 1;
        scrollbar-gutter: stable;
    }
    DetailPane:focus {
        background: $boost;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._detail = prepare(None, [], None)
        self._base: Style | None = None  # the pane's colours, looked up once per style

    @property
    def detail(self) -> PreparedDetail:
        """What the pane shows."""
        return self._detail

    @property
    def invitation_id(self) -> int | None:
        """The id of the invitation on show, or ``None``."""
        invitation = self._detail.invitation
        return invitation.id if invitation is not None else None

    @property
    def revealed(self) -> bool:
        """Whether flags, highlights and the recommendation are on show."""
        return self._detail.reveal

    @property
    def content_width(self) -> int:
        """Cells per wrapped line (the scrollbar's gutter is kept whether shown or not)."""
        return self.scrollable_content_region.width

    def part(self, name: str) -> Text | None:
        """The ``Text`` of one block on show (``header``, ``glance``, ``recommendation``,
        ``conversation``, ``flags``, ``profile``, or ``empty``), or ``None`` if hidden."""
        return self._detail.parts.get(name)

    def plain_text(self) -> str:
        """Everything the pane holds, as plain text (what scrolling would reveal)."""
        return self._detail.plain

    # ------------------------------------------------------------------ what to show

    def show(
        self,
        invitation: Invitation | None,
        flags: list[Flag],
        recommendation: Recommendation | None,
        *,
        reveal: bool = True,
    ) -> None:
        """Show ``invitation`` (or the empty state for ``None``) with its flags and verdict."""
        self.show_prepared(prepare(invitation, flags, recommendation, reveal=reveal))

    def show_prepared(self, detail: PreparedDetail) -> None:
        """Show a detail built by :func:`~tui.ui.render.detail.prepare` (maybe elsewhere).

        A different invitation is shown from its top, so the name and the recommendation
        are what the eye lands on.
        """
        changed = detail.invitation is None or detail.invitation.id != self.invitation_id
        self._detail = detail
        if not self.is_mounted:
            return
        self._fit()
        if changed and self.scroll_offset.y:
            self.scroll_to(y=0, animate=False, immediate=True)
        self.refresh()

    def _fit(self) -> None:
        """Wrap the detail to the pane's width, if it was not wrapped for it."""
        width = self.content_width
        if width > 0 and self._detail.width != width:
            self._detail.wrap(self.app.console, width)
        set_content_height(self, len(self._detail.lines))

    # ------------------------------------------------------------------ events and painting

    def on_mount(self) -> None:
        self._fit()

    def on_resize(self) -> None:
        self._fit()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._base = None  # focus tint or theme changed

    def render_line(self, y: int) -> Strip:
        """Line ``y`` of the viewport: a wrapped line on the pane's colours (kept on the
        strip by ``apply_style``, so a line shown again costs nothing)."""
        if self._base is None:
            self._base = self.rich_style
        index = self.scroll_offset.y + y
        lines = self._detail.lines
        if index >= len(lines):
            return Strip.blank(self._detail.width, self._base)
        return lines[index].apply_style(self._base)
