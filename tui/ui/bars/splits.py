"""The status splits across the top, each with its live count.

The active split is drawn reversed and marked with ``▸``, so it reads without colour. When the
full labels do not fit (80 columns and a million-row inbox) the bar falls back to short
labels and compact numbers rather than cutting splits off.
"""

from __future__ import annotations

from tui.ui.bars.base import Bar, PartStyle, Piece

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


class SplitsLine(Bar):
    """One line: ``▸1 Pending 57  2 Asked 3 …`` with the current split highlighted."""

    LINE = "chrome--splits"

    def __init__(self) -> None:
        super().__init__()
        self._counts: dict[str, int] | None = None
        self._active = "pending"

    @property
    def counts(self) -> dict[str, int] | None:
        return self._counts

    @counts.setter
    def counts(self, counts: dict[str, int] | None) -> None:
        # Set again after shifting the same dict in place: the state is a snapshot of
        # the counts, so an in-place shift still shows as a change.
        self._counts = counts
        self.changed()

    @property
    def active(self) -> str:
        return self._active

    @active.setter
    def active(self, split: str) -> None:
        if split != self._active:
            self._active = split
            self.changed()

    def state(self):
        counts = self._counts
        return (self._active, None if counts is None else tuple(sorted(counts.items())))

    def pieces(self, width: int, part: PartStyle) -> list[Piece]:
        # Every text here is one cell a character (digits, Latin labels, ``▸``, ``…``).
        for level in (0, 1):
            pieces = self._pieces(level, part)
            if sum(len(text) for text, _ in pieces) <= width:
                return pieces
        return self._pieces(2, part)

    def _pieces(self, level: int, part: PartStyle) -> list[Piece]:
        """Level 0: full labels; 1: short labels, compact numbers; 2: numbers only."""
        pieces: list[Piece] = []
        add = pieces.append
        key_style = part("chrome--splits-key")
        active_style = part("chrome--splits-active")
        counts = self._counts
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
            add((mark if number == 1 else gap + mark, None))
            add((str(number), active_style if active else key_style))
            add((f" {label}{amount}", active_style if active else None))
        return pieces
