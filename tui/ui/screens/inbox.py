"""The main screen: splits, the virtual inbox list, the detail pane, status and footer.

Navigation, splits, search and marks live here; decisions and undo come from
:class:`~tui.ui.triage.TriageMixin`. Every store call runs off the UI thread (reads in
thread workers, decisions on the writer thread) and posts its result back, so no key
press waits on the disk.
"""

from __future__ import annotations

import contextlib
import time
from functools import partial
from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget

from tui.domain.models import Flag, Invitation, Recommendation
from tui.store import Cursor, Filter, Store
from tui.ui.bars.keys import KeyLine
from tui.ui.bars.splits import SplitsLine, visible_splits
from tui.ui.bars.status import StatusText
from tui.ui.bindings import INBOX_BINDINGS, KeymapPriorityMixin
from tui.ui.chrome import CHROME_CSS, CHROME_PARTS, ChromeMixin
from tui.ui.deliver import DeliverMixin
from tui.ui.detail_loader import DetailLoaderMixin
from tui.ui.find import FindMixin
from tui.ui.gateway import error_text
from tui.ui.outside_changes import OutsideChanges
from tui.ui.triage import TriageMixin
from tui.ui.widgets.detail_pane import DetailPane
from tui.ui.widgets.inbox_list import InboxList

if TYPE_CHECKING:
    from tui.ui.app import InviteTriageApp

W = TypeVar("W", bound=Widget)


class InboxScreen(
    KeymapPriorityMixin,
    ChromeMixin,
    FindMixin,
    TriageMixin,
    DetailLoaderMixin,
    DeliverMixin,
    Screen,
):
    """The inbox. ``split`` is a status, or ``all`` (every status but sent).

    Its children are the list and the detail pane; the bars around them and the line
    between them are painted by the screen itself (:mod:`tui.ui.chrome`).
    """

    BINDINGS: ClassVar[list[BindingType]] = INBOX_BINDINGS
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (110, "-wide")]
    AUTO_FOCUS = "InboxList"
    COMPONENT_CLASSES: ClassVar[set[str]] = CHROME_PARTS
    DEFAULT_CSS = CHROME_CSS

    def __init__(self, *, training=None) -> None:
        super().__init__()
        self.training = training
        self.split = "pending"
        self.flagged_only = False
        self.limit_text: str | None = None
        self.find_text: str | None = None
        self.counts: dict[str, int] | None = None
        self.message: str | None = None
        self.shown: tuple[int, str] | None = None  # (id, status) the detail pane shows
        self.invitation: Invitation | None = None
        self.assessment: tuple[list[Flag], Recommendation | None] = ([], None)
        self._last_change = 0.0
        self._counts_requested = False
        self._settle_timer: Timer | None = None
        self._outside: OutsideChanges | None = None
        self._outside_waiting = False
        self._own: dict[type, Widget] = {}
        self.splits_line = SplitsLine()
        self.status_text = StatusText()
        self.key_line = KeyLine()
        top, bottom = self.chrome_bars()
        self.init_chrome(top, bottom)
        self.init_triage()
        self.init_detail_loader()

    @property
    def triage_app(self) -> InviteTriageApp:
        return self.app  # type: ignore[return-value]

    # ------------------------------------------------------------------ layout

    def chrome_bars(self) -> tuple[list, list]:
        """The bars the screen paints on top and at the bottom."""
        return [self.splits_line], [self.status_text, self.key_line]

    def chrome_divided(self) -> Widget | None:
        try:
            return self.detail
        except NoMatches:
            return None  # not composed yet

    def compose(self) -> ComposeResult:
        app = self.triage_app
        # No container around the two panes: the screen lays them out itself (app.tcss),
        # one layer less for Textual to composite on every frame.
        yield InboxList(
            app.gateway,
            now=app.now,
            show_flags=self.training is None,
            on_change=self._inbox_changed,
            id="inbox",
        )
        yield DetailPane(id="detail")

    def own(self, kind: type[W]) -> W:
        """One of the widgets composed above, looked up once: they live as long as the
        screen, and a query walks the DOM (ten of them on every decision added up)."""
        found = self._own.get(kind)
        if found is None:
            found = self._own[kind] = self.query_one(kind)
        return found  # type: ignore[return-value]

    @property
    def inbox(self) -> InboxList:
        return self.own(InboxList)

    @property
    def detail(self) -> DetailPane:
        return self.own(DetailPane)

    def on_mount(self) -> None:
        self.inbox.set_view(self.view())  # the split counts follow the first page
        self.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.key_line.collect(self)
        gateway = self.triage_app.gateway
        self._outside = OutsideChanges(
            partial(gateway.call, Store.data_version),
            partial(self.deliver, self.outside_changed),
        ).start()

    def _bindings_changed(self, screen: Screen) -> None:
        if screen is self:
            self.key_line.collect(self)

    def view(self) -> Filter:
        return Filter(
            status=None if self.split == "all" else self.split,
            flagged_only=self.flagged_only,
            search=self.limit_text,
        )

    # ------------------------------------------------------------------ counts

    @work(thread=True, exclusive=True, group="counts", exit_on_error=False)
    def load_counts(self) -> None:
        try:
            counts = self.triage_app.gateway.slow_read(Store.counts)
        except Exception as exc:
            self.deliver(self.failed, error_text(exc))
            return
        self.deliver(self._counts_loaded, counts)

    def _counts_loaded(self, counts: dict[str, int]) -> None:
        self.counts = counts
        self.splits_line.counts = counts
        self.update_status()

    def shift_counts(self, moves: list[tuple[str, str]]) -> None:
        """Apply status changes ``(from, to)`` to the split counts without a recount."""
        if self.counts is None:
            return
        for old, new in moves:
            self.counts[old] = max(0, self.counts.get(old, 0) - 1)
            self.counts[new] = self.counts.get(new, 0) + 1
        self.splits_line.counts = self.counts

    def refresh_inbox(self) -> None:
        """Recount and reload (new invitations arrived, or a reply changed a status)."""
        self.forget_prepared()
        self.load_counts()
        self.inbox.reload()

    def outside_changed(self) -> None:
        """Another window or command wrote to the inbox: recount the splits and reload the
        list around the same invitation (the cursor stays on it while it is in the list).

        While this window is writing itself, the refresh waits for that write's result
        (which moves the list itself) and runs after it.
        """
        if self.deciding:
            self._outside_waiting = True
            return
        self._outside_waiting = False
        self.refresh_inbox()

    def outside_change_waiting(self) -> None:
        """Run a refresh that waited for this window's own write (see outside_changed)."""
        if self._outside_waiting:
            self.outside_changed()

    # ------------------------------------------------------------------ status and detail

    def _inbox_changed(self, inbox: InboxList) -> None:
        """Update the status line and the detail now, or once a burst of moves ends.

        Holding ``j`` moves the list at key-repeat speed; rendering the detail pane for
        every row passed would cost far more than the list itself, so during a burst
        (changes less than ``settle_delay`` apart) the detail and the position
        catch up when the keys stop. A single press after a pause updates at once.
        """
        if self.counts is None and inbox.loaded and not self._counts_requested:
            # First rows in: count the splits once they are painted, and let the app
            # settle its memory housekeeping.
            self._counts_requested = True
            self.call_after_refresh(self.load_counts)
            self.triage_app.first_page_shown()
        if not self.prefetch_still_wanted():
            self.cancel_prefetch()
        now = time.monotonic()
        delay = self.triage_app.settle_delay
        quiet = now - self._last_change >= delay
        self._last_change = now
        if self._settle_timer is not None:
            self._settle_timer.reset()
        elif quiet:
            self.settle()
        else:
            self._settle_timer = self.set_timer(delay, self.settle)

    @property
    def settling(self) -> bool:
        """True while a status and detail update is waiting for a burst of moves to end."""
        return self._settle_timer is not None

    def settle(self) -> None:
        """Bring the status line and the detail pane up to the cursor."""
        if self._settle_timer is not None:
            self._settle_timer.stop()
            self._settle_timer = None
        self.update_status()
        inbox = self.inbox
        row = inbox.row
        if row is None:
            if inbox.loaded and inbox.total == 0:
                self.show_nothing()
            return
        if self.shown != (row.id, row.status):
            self.shown = (row.id, row.status)
            self.show_detail_of(row)
        elif self.detail.invitation_id == row.id:
            self.prefetch_later()  # same row, list changed around it: neighbours anew

    @on(InboxList.LoadFailed)
    def _load_failed(self, event: InboxList.LoadFailed) -> None:
        self.failed(event.text)

    def reveal(self, invitation: Invitation) -> bool:
        """Training hides flags and the recommendation until the trainee has decided."""
        if self.training is None:
            return True
        judge = getattr(self.training, "reveal", None)
        if callable(judge):
            return bool(judge(invitation))
        return invitation.status != "pending"

    def update_status(self) -> None:
        inbox = self.inbox
        self.status_text.show(
            position=inbox.cursor,
            total=inbox.total if inbox.loaded else None,
            total_known=inbox.total_known,
            marked=inbox.marks.count(inbox.total),
            flagged_only=self.flagged_only,
            limit=self.limit_text,
            find=self.find_text,
            busy=self.message,
            read_only=self.split == "sent",
        )

    def say(self, message: str | None) -> None:
        """A short note in the status line (what just happened)."""
        self.message = message
        self.update_status()

    def failed(self, text: str) -> None:
        self.notify(text, title="Error", severity="error", timeout=8, markup=False)

    # ------------------------------------------------------------------ moving

    def action_cursor(self, delta: int) -> None:
        self.inbox.move(delta)

    def action_page(self, direction: int) -> None:
        self.inbox.page(direction)

    def action_first(self) -> None:
        self.inbox.first()

    def action_last(self) -> None:
        self.inbox.last()

    def action_open_detail(self) -> None:
        self.detail.focus()

    def action_back(self) -> None:
        """Esc: cancel a bulk decision being written; else leave the detail, else clear
        find, limit, marks and flagged-only in turn."""
        inbox = self.inbox
        if self.cancel_bulk():
            return
        if not inbox.has_focus:
            inbox.focus()
        elif self.find_text:
            self.find_text = None
            self.update_status()
        elif self.limit_text:
            self.limit_text = None
            self.reload_view()
        elif inbox.marks:
            inbox.marks.clear()
            inbox.invalidate()
        elif self.flagged_only:
            self.action_toggle_flagged()

    # ------------------------------------------------------------------ splits and filters

    def splits(self) -> tuple[str, ...]:
        return visible_splits(self.counts)

    def action_show_split(self, split: str) -> None:
        if split == "sent" and "sent" not in self.splits():
            self.say("No sent invitations")
            return
        if split != self.split:
            self.split = split
            self.splits_line.active = split
            self.reload_view()

    def action_cycle_split(self, step: int) -> None:
        splits = self.splits()
        index = splits.index(self.split) if self.split in splits else 0
        self.action_show_split(splits[(index + step) % len(splits)])

    def action_toggle_flagged(self) -> None:
        self.flagged_only = not self.flagged_only
        self.reload_view()

    def reload_view(self, select: Cursor | None = None) -> None:
        row = self.inbox.row
        if select is None and row is not None:
            select = Cursor.of(row)
        self.shown = None
        self.inbox.set_view(self.view(), select=select)
        self.update_status()

    # ------------------------------------------------------------------ marks

    def action_mark(self) -> None:
        inbox = self.inbox
        row = inbox.row
        if row is None:
            return
        inbox.marks.toggle(row.id)
        inbox.invalidate()
        inbox.move(1)
        self.update_status()

    def action_mark_all(self) -> None:
        inbox = self.inbox
        if inbox.marks.is_all and not inbox.marks.excluded:
            inbox.marks.clear()
        else:
            inbox.marks.mark_all(inbox.view)
        inbox.invalidate()
        self.update_status()

    # ------------------------------------------------------------------ help

    def help_entries(self) -> list[tuple[str, ...]]:
        """The keys as they are bound now (after the user's keymap), for the help screen."""
        from tui.ui.screens.help import bound_keys

        return bound_keys(self)

    def action_help(self) -> None:
        from tui.ui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self.help_entries()))

    def on_unmount(self) -> None:
        if self._outside is not None:
            self._outside.stop()
        self.bindings_updated_signal.unsubscribe(self)
        self.stop_frames()
        self.cancel_prefetch()
        self.close_writer()
        with contextlib.suppress(Exception):
            self.workers.cancel_all()
