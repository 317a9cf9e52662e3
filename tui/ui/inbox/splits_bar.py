"""The status splits across the top, each with its live count.

The active split is drawn reversed and marked with ``▸``, so it reads without colour. When the
full labels do not fit (80 columns and a million-row inbox) the bar falls back to short
labels and compact numbers rather than cutting splits off.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text

from tui.ui.inbox.line_bar import LineBar

# (key, long label, short label); the number key that selects each is its position + 1.
SPLITS: tuple[tuple[str, str, str], ...] = (
    ("pending", "Pending", "Pend"),
    ("asked", "Asked", "Ask"),
    ("replied", "Replied", "Repl"),
    ("accepted", "Accepted", "Acc"),
    ("ignored", "Ignored", "Ign"),
    ("all", "All", "All"),
    ("sent", "Sent", "Sent"),
)
SPLIT_KEYS = tuple(key for key, _, _ in SPLITS)


def compact_number(value: int) -> str:
    """``999``, ``1.2k``, ``12k``, ``1.0M``: at most four cells."""
    if value < 1000:
        return str(value)
    if value < 10_000:
        return f"{value / 1000:.1f}k"
    if value < 1_000_000:
        return f"{value // 1000}k"
    return f"{value / 1_000_000:.1f}M"


def visible_splits(counts: dict[str, int] | None) -> tuple[str, ...]:
    """Every split, except "sent" while there are no outgoing invitations."""
    if counts and counts.get("sent", 0) > 0:
        return SPLIT_KEYS
    return SPLIT_KEYS[:-1]


class SplitsBar(LineBar):
    """One line: ``▸1 Pending 57  2 Asked 3 …`` with the current split highlighted."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"splits-bar--key", "splits-bar--active"}
    DEFAULT_CSS = """
    SplitsBar {
        height: 1;
        background: $panel;
        color: $text;
    }
    SplitsBar > .splits-bar--key { color: $text-muted; }
    SplitsBar > .splits-bar--active {
        background: $primary;
        color: $foreground;
        text-style: bold;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._counts: dict[str, int] | None = None
        self._active = "pending"

    @property
    def counts(self) -> dict[str, int] | None:
        return self._counts

    @counts.setter
    def counts(self, counts: dict[str, int] | None) -> None:
        self._counts = None if counts is None else dict(counts)
        self.update_line()

    @property
    def active(self) -> str:
        return self._active

    @active.setter
    def active(self, split: str) -> None:
        if split != self._active:
            self._active = split
            self.update_line()

    def line(self, width: int) -> Text:
        # Every text here is one cell a character (digits, Latin labels, ``▸``, ``…``).
        for level in (0, 1):
            text = self._line(level)
            if text.cell_len <= width:
                return text
        return self._line(2)

    def _line(self, level: int) -> Text:
        """Level 0: full labels; 1: short labels, compact numbers; 2: numbers only."""
        key_style = self.get_component_rich_style("splits-bar--key", partial=True)
        active_style = self.get_component_rich_style("splits-bar--active", partial=True)
        counts = self._counts
        text = Text(no_wrap=True, overflow="crop")
        gap = "" if level else " "
        shown = visible_splits(counts)
        for number, (key, long_label, short_label) in enumerate(SPLITS, 1):
            if key not in shown:
                continue
            if counts is None:
                amount = "…"
            else:
                value = counts.get(key, 0)
                amount = f"{value:,}" if level == 0 else compact_number(value)
            label = "" if level == 2 else f"{short_label if level else long_label} "
            active = key == self._active
            # The active split is marked by a ▸ as well as by colour (NO_COLOR).
            mark = "▸" if active else " "
            text.append(mark if number == 1 else gap + mark)
            text.append(str(number), active_style if active else key_style)
            text.append(f" {label}{amount}", active_style if active else None)
        return text
