"""Find and limit for the inbox screen: ``/``, ``n``/``N``, ``\\`` and the search bar.

Find leaves the list whole and jumps to the next match (from the cursor, wrapping once);
limit reloads the list with the matches only. Both search name, company, headline and
note, as literal text. Matching runs in the store, in a thread worker, so a find in a
million rows never holds up a key press.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work

from tui.domain.models import InboxRow
from tui.store import Cursor, Filter, seek
from tui.ui.gateway import error_text
from tui.ui.widgets.search_bar import SearchBar

if TYPE_CHECKING:
    from tui.ui.screens.inbox import InboxScreen


class FindMixin:
    """Mixed into :class:`~tui.ui.screens.inbox.InboxScreen`."""

    async def action_search(self: InboxScreen, mode: str) -> None:
        current = self.find_text if mode == "find" else self.limit_text
        bars = self.query(SearchBar)
        if bars:
            bar = bars.first()
        else:
            # Mounted on first use: every widget on the screen costs a little per frame.
            bar = SearchBar(id="search")
            await self.mount(bar, before=self.inbox)
        await bar.open(mode, current or "")

    # Handlers by name, not @on: Textual only collects @on handlers from the class body
    # of a widget or screen, and this is a mixin.
    def on_search_bar_submitted(self: InboxScreen, event: SearchBar.Submitted) -> None:
        self.inbox.focus()
        text = event.text or None
        if event.mode == "limit":
            self.limit_text = text
            self.reload_view()
            return
        self.find_text = text
        self.update_status()
        if text:
            self.start_find(text, 1, include_current=True)

    def on_search_bar_cancelled(self: InboxScreen, event: SearchBar.Cancelled) -> None:
        self.inbox.focus()

    async def action_find_next(self: InboxScreen, direction: int) -> None:
        if not self.find_text:
            await self.action_search("find")
            return
        self.start_find(self.find_text, direction)

    def start_find(
        self: InboxScreen, text: str, direction: int, *, include_current: bool = False
    ) -> None:
        row = self.inbox.row
        here = Cursor.of(row) if row else None
        if include_current and here is not None:
            here = Cursor(here.sent_at, here.id + 1)  # count the current row as "below"
        self.find(text, direction, self.inbox.view, here)

    @work(thread=True, exclusive=True, group="find", exit_on_error=False)
    def find(
        self: InboxScreen, text: str, direction: int, view: Filter, here: Cursor | None
    ) -> None:
        """Worker: the next match below (or above) ``here``, wrapping around once."""
        gateway = self.triage_app.gateway
        try:
            if direction > 0:
                match = gateway.slow_read(seek.find_next, view, text, after=here)
                wrapped = match is None and here is not None
                if wrapped:
                    match = gateway.slow_read(seek.find_next, view, text)
            else:
                match = gateway.slow_read(seek.find_next, view, text, before=here)
                wrapped = match is None and here is not None
                if wrapped:
                    match = gateway.slow_read(seek.find_last, view, text)
        except Exception as exc:
            self.deliver(self.failed, error_text(exc))
            return
        self.deliver(self._found, text, match, wrapped)

    def _found(self: InboxScreen, text: str, match: InboxRow | None, wrapped: bool) -> None:
        if match is None:
            self.say(f"no match for {text!r}")
            return
        self.say("search wrapped around" if wrapped else None)
        row = self.inbox.row
        if row is None or row.id != match.id:
            self.inbox.reload(select=Cursor.of(match))
