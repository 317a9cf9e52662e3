"""The line above the keys: where the cursor is, what the list shows, and what just happened.

Everything a user needs to know about the list's state is spelled out in words here, so
nothing depends on colour or on remembering which keys were pressed. Two kinds of message
share the end of the line, one at a time: ``progress`` (something under way: "exporting…")
until it is done, and ``note`` (what just happened: "accepted Ada Lovelace · z undoes")
until the next key, so a message never outlives the moment it describes.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, ClassVar

from rich.text import Text
from textual.widget import Widget

from tui.domain.safe_text import visible


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


class StatusBar(Widget):
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

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.state = ListState()
        self.note: str | None = None
        self.progress: str | None = None

    def show(self, **changes: Any) -> None:
        """Update what the line says about the list (fields of :class:`ListState`)."""
        state = replace(self.state, **changes)
        if state != self.state:
            self.state = state
            self.refresh()

    def say(self, note: str | None) -> None:
        """What just happened, until the next key (or ``None`` to say nothing)."""
        if note != self.note:
            self.note = note
            self.refresh()

    def busy(self, progress: str | None) -> None:
        """What is under way, until it is done (``None``)."""
        if progress != self.progress:
            self.progress = progress
            self.refresh()

    def render(self) -> Text:
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
        text.truncate(self.size.width, overflow="ellipsis", pad=True)
        return text
