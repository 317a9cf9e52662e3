"""The detail pane: everything needed to decide on one invitation, in reading order.

Who sent it (name, photo badge, known or stranger, headline), what to do (the recommended
action and its reasons), why (the note with the evidence painted, our message and their
reply, the flags and signals), then the evidence behind the flags (numbers, "About this
profile", each profile section as content, empty or unknown).

The pane is a focusable ``VerticalScroll``: the app focuses it on Enter and the arrows,
PageUp/PageDown and Home/End scroll it. ``show(..., reveal=False)`` is the training view:
the raw profile and note only, with no flags, highlights, verdict badges or recommendation.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui.models import Flag, Invitation, Recommendation
from tui.ui import render_flags, render_note, render_profile, styles
from tui.ui.render_profile import clip, when


def _heading(words: str) -> Text:
    return styles.styled(words, styles.HEADING)


def conversation(invitation: Invitation, flags: Iterable[Flag], *, reveal: bool = True) -> Text:
    """The note, then each message: ours ("You asked") and theirs ("Reply")."""
    flags = list(flags)
    text = _heading("Note")
    text.append("\n")
    text.append_text(render_note.note_text(invitation.note, flags, reveal=reveal))
    latest_in = max(
        (i for i, message in enumerate(invitation.messages) if message.direction == "in"),
        default=None,
    )
    for index, message in enumerate(invitation.messages):
        text.append("\n\n")
        who = "Reply" if message.direction == "in" else "You asked"
        text.append_text(_heading(who))
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


class DetailPane(VerticalScroll, can_focus=True):
    """Shows one invitation: sender's card, note with evidence, flags, recommendation."""

    DEFAULT_CSS = """
    DetailPane {
        padding: 0 1;
        scrollbar-size-vertical: 1;
    }
    DetailPane > Static {
        width: 1fr;
        height: auto;
        margin-bottom: 1;
    }
    DetailPane > #detail-empty {
        color: $text-muted;
        text-style: italic;
    }
    DetailPane:focus {
        background-tint: $foreground 4%;
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
        self._empty = Static(Text("No invitation selected."), id="detail-empty")
        self._header = Static(id="detail-header")
        self._recommendation = Static(id="detail-recommendation")
        self._conversation = Static(id="detail-conversation")
        self._flags = Static(id="detail-flags")
        self._profile = Static(id="detail-profile")
        self._parts = (
            self._header,
            self._recommendation,
            self._conversation,
            self._flags,
            self._profile,
        )
        self._shown_id: int | None = None
        self._reveal = True
        self._show_parts(False, reveal=True)

    @property
    def invitation_id(self) -> int | None:
        """The id of the invitation on show, or ``None``."""
        return self._shown_id

    @property
    def revealed(self) -> bool:
        """Whether flags, highlights and the recommendation are on show."""
        return self._reveal

    def compose(self):
        yield self._empty
        yield from self._parts

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
        changed = (invitation.id if invitation else None) != self._shown_id
        self._shown_id = invitation.id if invitation else None
        self._reveal = reveal
        if invitation is None:
            self._show_parts(False, reveal=reveal)
        else:
            flags = list(flags) if reveal else []
            self._header.update(render_profile.header(invitation, flags, judge=reveal))
            self._recommendation.update(render_flags.recommendation_text(recommendation))
            self._conversation.update(conversation(invitation, flags, reveal=reveal))
            self._flags.update(render_flags.flag_list(flags))
            self._profile.update(render_profile.profile_details(invitation, flags, judge=reveal))
            self._show_parts(True, reveal=reveal)
        if changed and self.is_mounted:
            self.scroll_home(animate=False)

    def _show_parts(self, present: bool, *, reveal: bool) -> None:
        self._empty.display = not present
        for part in self._parts:
            part.display = present
        if present and not reveal:
            self._recommendation.display = False
            self._flags.display = False

    def plain_text(self) -> str:
        """What the pane shows, as plain text (for tests and screen readers' sake)."""
        shown = [self._empty, *self._parts]
        return "\n\n".join(str(part.content) for part in shown if part.display)
