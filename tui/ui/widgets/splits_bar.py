"""The status splits across the top, each with its live count.

The active split is drawn reversed and bracketed, so it reads without colour. When the
full labels do not fit (80 columns and a million-row inbox) the bar falls back to short
labels and compact numbers rather than cutting splits off.
"""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

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


class SplitsBar(Widget):
    """One line: ``1 Pending 57  2 Asked 3 …`` with the current split highlighted."""

    DEFAULT_CSS = """
    SplitsBar {
        height: 1;
        background: $panel;
        color: $text;
    }
    SplitsBar > .splits-bar--active {
        background: $accent;
        color: $text;
        text-style: bold reverse;
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

    def _text(self, *, short: bool) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        key_style = self.get_component_rich_style("splits-bar--key", partial=True)
        active_style = self.get_component_rich_style("splits-bar--active", partial=True)
        counts = self.counts
        for number, key in enumerate(visible_splits(counts), start=1):
            if counts is None:
                amount = "…"
            else:
                value = counts.get(key, 0)
                amount = compact_number(value) if short else f"{value:,}"
            label = f"{self.label(key, short=short)} {amount}"
            if number > 1:
                text.append(" ")
            text.append(f"{number}", key_style)
            if key == self.active:
                text.append(f"[{label}]", active_style)
            else:
                text.append(f" {label} ")
        return text

    def render(self) -> Text:
        full = self._text(short=False)
        if full.cell_len <= self.size.width:
            return full
        return self._text(short=True)
