"""Sizing chunks of a big write so that each holds SQLite's write lock about 100 ms.

Another window or command that wants to write waits at most about one chunk. The time a
row takes varies a hundredfold (a fresh file against a million-row inbox whose indexes no
longer fit the cache), so the size follows the time the last chunks took.
"""

from __future__ import annotations

CHUNK_SECONDS = 0.1  # lock held per chunk, about
FIRST_CHUNK = 200  # rows in the first chunk, before any timing is known
SMALLEST_CHUNK = 20
LARGEST_CHUNK = 50_000


class ChunkSizer:
    """Sizes the next chunk so that it takes about ``budget`` seconds, from the last ones."""

    def __init__(self, budget: float = CHUNK_SECONDS, first: int | None = None) -> None:
        self.budget = budget
        self.size = FIRST_CHUNK if first is None else first

    def took(self, rows: int, seconds: float) -> None:
        if rows <= 0:
            return
        per_row = max(seconds, 1e-6) / rows
        wanted = int(self.budget / per_row)
        # Grow at most fourfold at a time: one quick chunk (a warm cache) is no promise.
        self.size = max(SMALLEST_CHUNK, min(LARGEST_CHUNK, wanted, self.size * 4))
