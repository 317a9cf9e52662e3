"""The line above the keys: where the cursor is, what the list shows, and what just happened.

Everything a user needs to know about the list's state is spelled out in words here, so
nothing depends on colour or on remembering which keys were pressed. Two kinds of message
share the end of the line, one at a time: ``progress`` (something under way: "exporting…")
until it is done, and ``note`` (what just happened: "accepted Ada Lovelace · z undoes")
until the next key, so a message never outlives the moment it describes. A key only marks
the note stale: it goes with the line's next change (the key's own, as a rule: a move, or
the next decision's note), or a moment later, so it costs no paint of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, ClassVar

from rich.text import Text
from textual.timer import Timer

from tui.domain.safe_text import visible
from tui.ui.inbox.line_bar import LineBar


@dataclass(frozen=True)
class ListState:
    """What the status line says about the list."""

    position: int = 0
    total: int | None = None  # None while the first rows load
    total_known: bool = False
    marked: int = 0
    flagged_only: bool = False
    limit: str | None = None
    find: str | None = None
    match: tuple[int, int] | None = None  # (n, of how many) when on a match of the find
    matches: int | None = None  # how many rows the find matches
    read_only: bool = False


def _clean(text: str) -> str:
    return visible(text, keep_newlines=False)


class StatusBar(LineBar):
    COMPONENT_CLASSES: ClassVar[set[str]] = {"status-bar--strong"}
    DEFAULT_CSS = """
    StatusBar {
        height: 1;
        background: $panel;
        color: $text-muted;
    }
    StatusBar > .status-bar--strong {
        color: $text;
        text-style: bold;
    }
    """

    STALE_NOTE_WAIT = 0.1  # seconds a stale note waits for the line's next change

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.state = ListState()
        self.note: str | None = None
        self.progress: str | None = None
        self._stale: Timer | None = None

    def show(self, **changes: Any) -> None:
        """Update what the line says about the list (fields of :class:`ListState`)."""
        state = replace(self.state, **changes)
        if state != self.state:
            self.state = state
            self._drop_stale()
            self.update_line()

    def say(self, note: str | None) -> None:
        """What just happened, until the next key (or ``None`` to say nothing)."""
        dropped = self._drop_stale()
        if note != self.note or dropped:
            self.note = note
            self.update_line()

    @property
    def waiting(self) -> bool:
        """True while a stale note waits to go."""
        return self._stale is not None

    def expire_note(self) -> None:
        """A key was pressed: the note has had its moment (see the module docstring)."""
        if self.note is not None and self._stale is None:
            self._stale = self.set_timer(self.STALE_NOTE_WAIT, lambda: self.say(None))

    def _drop_stale(self) -> bool:
        """Forget a stale note (the caller repaints); True if there was one."""
        if self._stale is None:
            return False
        self._stale.stop()
        self._stale = None
        self.note = None
        return True

    def busy(self, progress: str | None) -> None:
        """What is under way, until it is done (``None``)."""
        if progress != self.progress:
            self.progress = progress
            self.update_line()

    def line(self, width: int) -> Text:
        p = self.state
        strong = self.get_component_rich_style("status-bar--strong", partial=True)
        text = Text(no_wrap=True, overflow="ellipsis")
        if p.total is None:
            text.append(" loading…")
        elif p.total == 0:
            text.append(" empty list")
        else:
            text.append(f" {p.position + 1:,}", strong)
            text.append(f" of {p.total:,}{'' if p.total_known else '+'}")
        if p.marked:
            text.append(" · ")
            text.append(f"{p.marked:,} marked", strong)
        if p.flagged_only:
            text.append(" · ")
            text.append("flagged only", strong)
        if p.limit:
            text.append(" · limit: ")
            text.append(_clean(p.limit), strong)
        if p.find:
            text.append(" · find: ")
            text.append(_clean(p.find), strong)
            if p.match is not None:
                text.append(f" (match {p.match[0]:,} of {p.match[1]:,})")
            elif p.matches is not None:
                text.append(f" ({p.matches:,} match{'' if p.matches == 1 else 'es'})")
        if p.read_only:
            text.append(" · read-only (sent by you)")
        message = self.progress or self.note
        if message:
            text.append(" · ")
            text.append(_clean(message), strong)
        text.truncate(width, overflow="ellipsis", pad=True)
        return text
