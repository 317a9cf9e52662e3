"""The status splits across the top, each with its live count.

The active split is drawn reversed and marked with ``▸``, so it reads without colour. When the
full labels do not fit (80 columns and a million-row inbox) the bar falls back to short
labels and compact numbers rather than cutting splits off.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.reactive import reactive

from tui.ui.widgets.one_line import OneLineBar, Piece

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


class SplitsBar(OneLineBar):
    """One line: ``▸1 Pending 57  2 Asked 3 …`` with the current split highlighted."""

    DEFAULT_CSS = """
    SplitsBar {
        height: 1;
        background: $panel;
        color: $text;
    }
    SplitsBar > .splits-bar--active {
        background: $primary;
        color: $foreground;
        text-style: bold;
    }
    SplitsBar > .splits-bar--key {
        color: $text-muted;
    }
    """

    COMPONENT_CLASSES = frozenset({"splits-bar--active", "splits-bar--key"})

    counts: reactive[dict[str, int] | None] = reactive(None, always_update=True)
    active: reactive[str] = reactive("pending")

    def label(self, key: str, *, short: bool) -> str:
        for split, long_label, short_label in SPLITS:
            if split == key:
                return short_label if short else long_label
        return key

    def _pieces(self, level: int) -> list[Piece]:
        """Level 0: full labels; 1: short labels, compact numbers; 2: numbers only."""
        pieces: list[Piece] = []
        key_style = self.part_style("splits-bar--key")
        active_style = self.part_style("splits-bar--active")
        counts = self.counts
        gap = "  " if level == 0 else " "
        for number, key in enumerate(visible_splits(counts), start=1):
            if counts is None:
                amount = "…"
            else:
                value = counts.get(key, 0)
                amount = f"{value:,}" if level == 0 else compact_number(value)
            label = "" if level == 2 else f"{self.label(key, short=level > 0)} "
            active = key == self.active
            # The active split is marked by a ▸ as well as by colour (NO_COLOR).
            mark = "▸" if active else " "
            pieces.append((mark if number == 1 else gap[:-1] + mark, None))
            pieces.append((f"{number}", active_style if active else key_style))
            pieces.append((f" {label}{amount}", active_style if active else None))
        return pieces

    def line_state(self):
        counts = self.counts
        return (self.active, None if counts is None else tuple(sorted(counts.items())))

    def line_pieces(self) -> list[Piece]:
        for level in (0, 1):
            pieces = self._pieces(level)
            if sum(cell_len(text) for text, _ in pieces) <= self.line_width():
                return pieces
        return self._pieces(2)
