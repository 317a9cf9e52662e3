"""Loading the detail pane's invitation, and preparing the next ones before they are asked for.

A decision selects the next invitation and ``j``/``k`` the neighbouring one, so once the
detail on show has been on screen for a moment (``PREFETCH_DELAY``, while the user reads
it) the screen loads those neighbours in a thread worker and prepares their detail (text
built, wrapped and painted, see :mod:`tui.ui.detail_content`). The key press that brings
one up then shows it at once, with no store call and no text work on the UI thread. The
delay keeps this work away from the key presses themselves: a user who keeps moving never
waits on a neighbour being prepared, and one who stops to read pays for it unseen.

A prepared detail is used only while it matches the row (same status) and the pane (same
width and colours), and is dropped when a decision or an undo touches its invitation (an
undone "ask" keeps its message); anything else is loaded afresh. Training prepares nothing
ahead: whether flags may be shown changes with the trainee's decisions.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from textual import work
from textual.worker import get_current_worker

from tui.ui.detail_content import PreparedDetail, prepare
from tui.ui.gateway import error_text
from tui.ui.later import Later

if TYPE_CHECKING:
    from rich.console import Console
    from rich.style import Style
    from textual.strip import Strip
    from textual.worker import Worker

    from tui.domain.models import InboxRow
    from tui.ui.screens.inbox import InboxScreen

KEEP = 8  # prepared details kept (the one on show, its neighbours, a few just left)
PREFETCH_DELAY = 0.25  # seconds a detail is on show, untouched, before its neighbours load

# What a detail is painted for: console, width, colours, the pane's colour conversion,
# the position bar's cells (track, thumb) and the pane's height.
Target = tuple["Console", int, "Style", Callable[["Strip"], "Strip"], tuple["Strip", "Strip"], int]


class DetailLoaderMixin:
    """Mixed into :class:`~tui.ui.screens.inbox.InboxScreen`."""

    def init_detail_loader(self: InboxScreen) -> None:
        self._prepared: OrderedDict[int, PreparedDetail] = OrderedDict()
        self._prefetch_timer: Later | None = None
        self._prefetch_worker: Worker | None = None
        self._prefetch_around: tuple = ()
        self._prepared_epoch = 0  # bumped whenever prepared details are dropped

    @property
    def prefetch_pending(self) -> bool:
        """True while neighbours are due to be prepared (the timer has not fired yet)."""
        return self._prefetch_timer is not None

    def prefetch_still_wanted(self: InboxScreen) -> bool:
        """True while a prefetch is due or running for the rows around the cursor as they
        are now (the list changed elsewhere: a count arrived, a page loaded)."""
        worker = self._prefetch_worker
        busy = self._prefetch_timer is not None or (worker is not None and worker.is_running)
        return busy and self._prefetch_around == self._neighbourhood()

    def _neighbourhood(self: InboxScreen) -> tuple:
        """The rows a prefetch prepares around, and the epoch their details belong to."""
        inbox = self.inbox
        at = inbox.cursor
        rows = (inbox.row_at(at - 1), inbox.row_at(at), inbox.row_at(at + 1))
        return (*(row.id if row is not None else None for row in rows), self._prepared_epoch)

    def cancel_prefetch(self: InboxScreen) -> None:
        """The cursor moved: the neighbours due to be prepared may no longer be."""
        if self._prefetch_timer is not None:
            self._prefetch_timer.cancel()
            self._prefetch_timer = None
        worker, self._prefetch_worker = self._prefetch_worker, None
        if worker is not None and worker.is_running:
            worker.cancel()

    def forget_prepared(self: InboxScreen, ids: Iterable[int] | None = None) -> None:
        """Drop the details prepared for ``ids`` (decided or undone), or all of them (the
        inbox changed under them)."""
        self._prepared_epoch += 1  # a prefetch still running read them before this
        if ids is None:
            self._prepared.clear()
        else:
            for invitation_id in ids:
                self._prepared.pop(invitation_id, None)

    def paint_target(self: InboxScreen) -> Target:
        detail = self.detail
        return (
            self.app.console,
            detail.text_width(),
            detail.paint_style(),
            detail.truecolor_ahead(),
            detail.bar_strips(),
            detail.size.height,
        )

    def show_detail_of(self: InboxScreen, row: InboxRow) -> None:
        """Bring the detail pane to ``row``: from what was prepared, or by loading it."""
        ready = self._prepared.get(row.id)
        if ready is not None and self._usable(ready, row.status):
            self._prepared.move_to_end(row.id)
            self._show(ready)
            self.prefetch_later()
        else:
            self.load_detail(row.id, self.paint_target())

    def show_nothing(self: InboxScreen) -> None:
        self.shown = None
        self.invitation = None
        self.detail.show(None, [], None, reveal=True)

    def _usable(self: InboxScreen, ready: PreparedDetail, status: str) -> bool:
        width, base = self.detail.text_width(), self.detail.paint_style()
        invitation = ready.invitation
        return invitation is not None and invitation.status == status and ready.fits(width, base)

    def _show(self: InboxScreen, ready: PreparedDetail) -> None:
        self.invitation = ready.invitation
        self.assessment = (ready.flags, ready.recommendation)
        self.detail.show_prepared(ready)

    # ------------------------------------------------------------------ workers

    def _build(self: InboxScreen, invitation_id: int, target: Target) -> PreparedDetail:
        """Worker side: one invitation from the store, its verdict, its painted detail."""
        invitation, flags, recommendation = self.triage_app.gateway.load(invitation_id)
        console, width, base, convert, bars, height = target
        ready = prepare(
            invitation,
            flags,
            recommendation,
            reveal=self.reveal(invitation),
            console=console,
            width=width,
            base=base,
            convert=convert,
        )
        ready.frame_first_screen(height, bars, convert)
        return ready

    @work(thread=True, exclusive=True, group="detail", exit_on_error=False)
    def load_detail(self: InboxScreen, invitation_id: int, target: Target) -> None:
        try:
            ready = self._build(invitation_id, target)
        except Exception as exc:
            self.deliver(self.failed, error_text(exc))
            return
        if not get_current_worker().is_cancelled:
            self.deliver(self._detail_loaded, ready)

    def _detail_loaded(self: InboxScreen, ready: PreparedDetail) -> None:
        row = self.inbox.row
        if row is None or ready.invitation is None or row.id != ready.invitation.id:
            return  # the cursor moved on meanwhile
        self._keep(ready)
        self._show(ready)
        self.prefetch_later()

    def prefetch_later(self: InboxScreen) -> None:
        """Prepare the neighbours once the user has stayed on this row a moment."""
        if self.training is None and not self.prefetch_still_wanted():
            self.cancel_prefetch()
            self._prefetch_around = self._neighbourhood()
            self._prefetch_timer = Later(self, PREFETCH_DELAY, self._prefetch_neighbours)

    def _prefetch_neighbours(self: InboxScreen) -> None:
        """Prepare the rows a decision, ``j`` or ``k`` would show next."""
        self._prefetch_timer = None
        self.detail.release_retired()  # a quiet moment: free what went off screen
        self.inbox.paint_ahead()
        inbox = self.inbox
        wanted = []
        for index in (inbox.cursor + 1, inbox.cursor - 1):
            row = inbox.row_at(index)
            if row is None:
                continue
            ready = self._prepared.get(row.id)
            if ready is None or not self._usable(ready, row.status):
                wanted.append(row.id)
        if wanted:
            target = self.paint_target()
            self._prefetch_worker = self._prefetch(wanted, target, self._prepared_epoch)

    @work(thread=True, exclusive=True, group="prefetch", exit_on_error=False)
    def _prefetch(self: InboxScreen, ids: list[int], target: Target, epoch: int) -> None:
        worker = get_current_worker()
        for invitation_id in ids:
            if worker.is_cancelled:
                return
            try:
                ready = self._build(invitation_id, target)
            except Exception:
                return  # ahead of need: the real load reports any failure
            if worker.is_cancelled:
                return
            self.deliver(self._keep_prefetched, ready, epoch)

    def _keep_prefetched(self: InboxScreen, ready: PreparedDetail, epoch: int) -> None:
        """Keep a neighbour prepared ahead, unless it was read before a decision, an undo
        or a reload that may have changed it."""
        if epoch == self._prepared_epoch:
            self._keep(ready)
            following = self.inbox.row_at(self.inbox.cursor + 1)
            if following is not None and following.id == ready.invitation.id:
                self.detail.paint_ahead(ready)  # the one a decision or ``j`` shows next

    def _keep(self: InboxScreen, ready: PreparedDetail) -> None:
        if ready.invitation is None:
            return
        self._prepared[ready.invitation.id] = ready
        self._prepared.move_to_end(ready.invitation.id)
        while len(self._prepared) > KEEP:
            self._prepared.popitem(last=False)
