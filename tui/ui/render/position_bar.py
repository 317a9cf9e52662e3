"""Where the one-cell position bar of the list and of the detail pane shows its thumb."""

from __future__ import annotations


def thumb_lines(height: int, top: int, total: int) -> range:
    """The lines of a ``height``-line viewport, scrolled to ``top`` over ``total`` lines,
    that the thumb covers (none when everything fits)."""
    if not total > height > 0:
        return range(0)
    size = max(1, height * height // total)
    # Scaled so that the thumb touches the bottom exactly when the view does.
    start = (height - size) * min(top, total - height) // (total - height)
    return range(start, start + size)
