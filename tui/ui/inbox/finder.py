"""Find within the inbox list: ``/`` then ``n``/``N`` jump between matches.

Find leaves the list whole and jumps to the next match (from the cursor, wrapping once),
counts the matches and says which one the cursor is on; the list highlights the text where
it shows. (Limit, ``\\``, reloads the list with the matches only: that is a view of the
screen's, not a find.) Matching runs in the store, in a thread worker, so a find in a
million rows never holds up a key press.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from textual.widget import Widget

from tui.domain.models import InboxRow
from tui.store import Cursor, Filter, Store, seek
from tui.ui.gateway import Gateway, error_text


@dataclass(frozen=True)
class Found:
    """The outcome of one find: the match (or None), whether it wrapped around, and which
    match it is of how many."""

    text: str
    match: InboxRow | None
    wrapped: bool
    position: tuple[int, int] | None


def search(
    store: Store, view: Filter, text: str, direction: int, here: Cursor | None
) -> tuple[InboxRow | None, bool]:
    """The next match below (or above) ``here``, wrapping around once."""
    if direction > 0:
        match = seek.find_next(store, view, text, after=here)
        wrapped = match is None and here is not None
        if wrapped:
            match = seek.find_next(store, view, text)
    else:
        match = seek.find_next(store, view, text, before=here)
        wrapped = match is None and here is not None
        if wrapped:
            match = seek.find_last(store, view, text)
    return match, wrapped


class Finder:
    """Runs finds for one list on ``node``'s workers; ``on_found`` gets each outcome."""

    def __init__(
        self,
        node: Widget,
        gateway: Gateway,
        *,
        on_found: Callable[[Found], None],
        on_error: Callable[[str], None],
    ) -> None:
        self.node = node
        self.gateway = gateway
        self.on_found = on_found
        self.on_error = on_error
        self.text: str | None = None

    def find(
        self, view: Filter, row: InboxRow | None, direction: int, *, include_current: bool
    ) -> None:
        """Jump from ``row`` to the next match of :attr:`text` (``direction`` 1 or -1)."""
        if not self.text:
            return
        here = Cursor.of(row) if row else None
        if include_current and here is not None:
            here = Cursor(here.sent_at, here.id + 1)  # count the current row as "below"
        self.node.run_worker(
            partial(self._find, self.text, direction, view, here),
            group="find",
            exclusive=True,
            thread=True,
            exit_on_error=False,
        )

    def _find(self, text: str, direction: int, view: Filter, here: Cursor | None) -> None:
        """Worker thread: the match, and which one it is (a count: the slow reader)."""
        try:
            match, wrapped = self.gateway.slow_read(search, view, text, direction, here)
            position = None
            if match is not None:
                at = Cursor.of(match)
                position = self.gateway.slow_read(seek.match_position, view, text, at)
        except Exception as exc:
            self.node.call_later(self.on_error, error_text(exc))
            return
        self.node.call_later(self.on_found, Found(text, match, wrapped, position))
