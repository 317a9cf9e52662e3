"""Garbage collection while the user reads, not while a key is being answered.

Every repaint leaves cyclic garbage: Textual's strips keep caches that refer back to the
strip, and a decision at 160x48 repaints some ninety lines, a few thousand objects. Left
to Python's defaults, a young collection lands inside every second or third key and a
middle-aged one (10 ms and more here) inside every tenth or so: the slowest keys of any
run. So once the first full screen is up the objects alive then (Textual, our modules, the
screen: some 80,000) are frozen out of the collector's sight, automatic collections are
made rare (a backstop for a long burst of keys), and the young garbage is collected a
moment after the keys pause (``IDLE_DELAY``), when nothing waits on it. That collection
is a full one: past the freeze it walks only what the session made since the last pause
(about 6 ms here at 160x48). Collecting only the young generations left the garbage that
outlived them for Python's own full collections, which the rare automatic collections
hardly ever reach: the peak RSS grew from 53 to 71-80 MB over a benchmark run.
"""

from __future__ import annotations

import gc

from textual.app import App
from textual.timer import Timer

# Allocations between automatic young collections (Python's default is 700): a key at
# 160x48 allocates about 3,000, so only a long burst of keys reaches it.
BACKSTOP_THRESHOLD = 20_000
IDLE_DELAY = 0.08  # seconds after the last key (or the start) before collecting


class IdleCollector:
    """Collects ``app``'s garbage between keys; :meth:`poke` on every key."""

    def __init__(self, app: App) -> None:
        self.app = app
        self._timer: Timer | None = None

    def start(self) -> None:
        """Freeze what is alive now and take over the timing of collections."""
        gc.collect()
        gc.freeze()
        gc.set_threshold(BACKSTOP_THRESHOLD, *gc.get_threshold()[1:])

    def poke(self) -> None:
        """A key: collect once the keys have paused."""
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.app.set_timer(IDLE_DELAY, self._collect, name="idle-gc")

    def _collect(self) -> None:
        self._timer = None
        gc.collect()
