"""Loading the detail pane's invitation, and preparing its neighbours before they are asked for.

A decision selects the next invitation and ``j``/``k`` a neighbouring one, so once a detail
has been on show for a moment (``PREFETCH_DELAY``, while the user reads it) the loader
prepares those neighbours in a thread worker: read from the store, judged by the policy,
built and wrapped for the pane (:func:`~tui.ui.render.detail.prepare`). The key press that
brings one up then shows it at once, with no store call and no text work on the UI thread.
The delay keeps that work away from the key presses themselves: a user who keeps moving
never waits on a neighbour being prepared.

A prepared detail is used only while it matches the row (same status) and the pane (same
width); a decision or an undo drops the ones it touched (:meth:`DetailLoader.forget`).
Training prepares nothing ahead: whether flags may be shown changes with each decision.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable
from functools import partial

from textual.timer import Timer
from textual.widget import Widget
from textual.worker import Worker, get_current_worker

from tui.domain.models import InboxRow, Invitation
from tui.ui.gateway import Gateway, error_text
from tui.ui.inbox.detail_pane import DetailPane
from tui.ui.inbox.inbox_list import InboxList
from tui.ui.render.detail import PreparedDetail, prepare

KEEP = 8  # prepared details kept (the one on show, its neighbours, a few just left)
PREFETCH_DELAY = 0.25  # seconds a detail is on show, untouched, before its neighbours load


class DetailLoader:
    """Brings ``pane`` to the row under ``inbox``'s cursor; runs its work on ``node``
    (the screen: its workers and timers end with it)."""

    def __init__(
        self,
        node: Widget,
        gateway: Gateway,
        inbox: InboxList,
        pane: DetailPane,
        *,
        reveal: Callable[[Invitation], bool],
        prefetch: bool,
        on_shown: Callable[[PreparedDetail], None],
        on_error: Callable[[str], None],
    ) -> None:
        self.node = node
        self.gateway = gateway
        self.inbox = inbox
        self.pane = pane
        self.reveal = reveal
        self.prefetch = prefetch
        self.on_shown = on_shown
        self.on_error = on_error
        self.prepared: OrderedDict[int, PreparedDetail] = OrderedDict()
        self.epoch = 0  # goes up whenever prepared details are dropped
        self._timer: Timer | None = None
        self._worker: Worker | None = None

    @property
    def prefetch_pending(self) -> bool:
        """True while the neighbours are due to be prepared (the timer has not fired)."""
        return self._timer is not None

    # ------------------------------------------------------------------ showing

    def show(self, row: InboxRow) -> None:
        """Bring the pane to ``row``: from what was prepared, or by loading it."""
        ready = self.prepared.get(row.id)
        if ready is not None and self._usable(ready, row.status):
            self.prepared.move_to_end(row.id)
            self._show(ready)
        else:
            self.cancel_prefetch()
            self.node.run_worker(
                partial(self._load, row.id, self.pane.content_width),
                group="detail",
                exclusive=True,
                thread=True,
                exit_on_error=False,
            )

    def show_nothing(self) -> None:
        self.cancel_prefetch()
        self.pane.show(None, [], None)

    def _usable(self, ready: PreparedDetail, status: str) -> bool:
        invitation = ready.invitation
        return (
            invitation is not None
            and invitation.status == status
            and ready.width == self.pane.content_width
        )

    def _show(self, ready: PreparedDetail) -> None:
        self.pane.show_prepared(ready)
        self.on_shown(ready)
        self.schedule_prefetch()

    def _build(self, invitation_id: int, width: int) -> PreparedDetail:
        """Worker side: one invitation from the store, its verdict, its wrapped detail."""
        invitation, flags, recommendation = self.gateway.load(invitation_id)
        return prepare(
            invitation,
            flags,
            recommendation,
            reveal=self.reveal(invitation),
            console=self.node.app.console,
            width=width,
        )

    def _load(self, invitation_id: int, width: int) -> None:
        """Worker thread: prepare the row the cursor is on."""
        try:
            ready = self._build(invitation_id, width)
        except Exception as exc:
            self.node.call_later(self.on_error, error_text(exc))
            return
        if not get_current_worker().is_cancelled:
            self.node.call_later(self._loaded, ready)

    def _loaded(self, ready: PreparedDetail) -> None:
        row = self.inbox.row
        if row is None or ready.invitation is None or row.id != ready.invitation.id:
            return  # the cursor moved on meanwhile
        self._keep(ready)
        self._show(ready)

    # ------------------------------------------------------------------ preparing ahead

    def schedule_prefetch(self) -> None:
        """Prepare the neighbours once the user has stayed on this row a moment."""
        self.cancel_prefetch()
        if self.prefetch:
            self._timer = self.node.set_timer(PREFETCH_DELAY, self._prefetch_neighbours)

    def cancel_prefetch(self) -> None:
        """The cursor moved: the neighbours due to be prepared may no longer be."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        worker, self._worker = self._worker, None
        if worker is not None and worker.is_running:
            worker.cancel()

    def forget(self, ids: Iterable[int] | None = None) -> None:
        """Drop the details prepared for ``ids`` (decided or undone), or all of them (the
        inbox changed under them)."""
        self.epoch += 1  # a prefetch still running read them before this
        if ids is None:
            self.prepared.clear()
        else:
            for invitation_id in ids:
                self.prepared.pop(invitation_id, None)

    def _prefetch_neighbours(self) -> None:
        self._timer = None
        cursor = self.inbox.cursor
        wanted = []
        for index in (cursor + 1, cursor - 1):
            row = self.inbox.row_at(index)
            if row is None:
                continue
            ready = self.prepared.get(row.id)
            if ready is None or not self._usable(ready, row.status):
                wanted.append(row.id)
        if wanted:
            self._worker = self.node.run_worker(
                partial(self._prefetch, wanted, self.pane.content_width, self.epoch),
                group="prefetch",
                exclusive=True,
                thread=True,
                exit_on_error=False,
            )

    def _prefetch(self, ids: list[int], width: int, epoch: int) -> None:
        """Worker thread: prepare the rows a decision, ``j`` or ``k`` would show next."""
        worker = get_current_worker()
        for invitation_id in ids:
            if worker.is_cancelled:
                return
            try:
                ready = self._build(invitation_id, width)
            except Exception:
                return  # ahead of need: the real load reports any failure
            if worker.is_cancelled:
                return
            self.node.call_later(self._keep_prefetched, ready, epoch)

    def _keep_prefetched(self, ready: PreparedDetail, epoch: int) -> None:
        """Keep a neighbour prepared ahead, unless it was read before a decision, an undo
        or a reload that may have changed it."""
        if epoch == self.epoch:
            self._keep(ready)

    def _keep(self, ready: PreparedDetail) -> None:
        if ready.invitation is None:
            return
        self.prepared[ready.invitation.id] = ready
        self.prepared.move_to_end(ready.invitation.id)
        while len(self.prepared) > KEEP:
            self.prepared.popitem(last=False)
