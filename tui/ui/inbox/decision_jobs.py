"""Decisions and undo as jobs on the writer thread, in chunks (no Textual in here).

A screen hands this object what the user decided; the object writes it off the UI thread
and reports back through ``post(callback, *args)``, which the screen supplies (it runs the
callback on the UI thread). Every report comes back exactly once per job:

- ``on_done(outcome)``: a :class:`~tui.store.bulk.BulkOutcome`, written (or nothing left
  to undo: ``outcome.total == 0``). A cancelled bulk job reports what it did.
- ``on_refused(text)``: another window decided first (the decision, or a later decision
  on what undo would revert); nothing was changed.
- ``on_failed(text)``: the write failed (locked, read-only, disk full); nothing of the
  failing chunk was changed.
- ``on_progress(done, total)``: after each chunk of a bulk job (not a single decision).

A reply the user pasted is written here too, so that it takes its turn with the decisions.

A single decision is one transaction that expects the status the user saw. A bulk
decision (marks) and any undo are written in chunks of about 100 ms of lock each, so
other windows and commands keep working meanwhile, and :meth:`cancel` stops them after
the chunk being written (see :mod:`tui.store.bulk` for what that leaves).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from typing import Any

from tui.domain.models import Assessment, Invitation, Recommendation
from tui.store import Cursor, Store
from tui.store.bulk import BulkOutcome, decide_in_chunks, undo_in_chunks
from tui.store.errors import ChangedElsewhere
from tui.ui.gateway import Gateway, error_text
from tui.ui.inbox.marks import Marks
from tui.ui.writer import Writer

SEEN_PAGE = 5000  # ids read per store call when a decision covers a whole marked list
EXIT_WAIT = 5.0  # seconds a closing screen waits for the chunk being written

Post = Callable[..., None]


def marked_seen(call: Callable[..., Any], marks: Marks) -> list[tuple[int, str]]:
    """``(id, status)`` for every marked invitation, as it is now; "all of a list" is read
    page by page, each page one store call (the app's other reads get their turns)."""
    if marks.all_of is None:
        found = call(Store.statuses_of, sorted(marks.ids))
        return sorted(found.items())
    seen: list[tuple[int, str]] = []
    after = None
    while True:
        page = call(Store.seen_page, marks.all_of, after=after, limit=SEEN_PAGE)
        seen.extend((i, status) for i, status, _ in page if i not in marks.excluded)
        if len(page) < SEEN_PAGE:
            return seen
        last = page[-1]
        after = Cursor(last[2], last[0])


class DecisionJobs:
    """Writes decisions and undos on one writer thread, in the order asked."""

    def __init__(self, gateway: Gateway, post: Post) -> None:
        self.gateway = gateway
        self.post = post
        self._writer = Writer()
        self._cancel = threading.Event()
        self._bulk = False

    @property
    def bulk_running(self) -> bool:
        """True while a bulk decision or an undo is being written (Esc may cancel it)."""
        return self._bulk

    def cancel(self) -> bool:
        """Stop the bulk job being written after its current chunk; False if none runs."""
        if not self._bulk or self._cancel.is_set():
            return False
        self._cancel.set()
        return True

    def close(self, wait: float = EXIT_WAIT) -> None:
        """The screen is going: stop a bulk job after its chunk, let a single decision
        being written finish (waiting ``wait`` seconds at most). Jobs not yet started are
        dropped: nothing showed them as done."""
        self._cancel.set()
        self._writer.close()
        self._writer.join(wait)

    # ------------------------------------------------------------------ deciding

    def decide(
        self,
        action: str,
        *,
        session: str,
        seen: tuple[int, str] | None = None,
        marks: Marks | None = None,
        message: str | None = None,
        assessments: Mapping[int, Assessment] | None = None,
        on_done: Callable[[BulkOutcome], None],
        on_refused: Callable[[str], None],
        on_failed: Callable[[str], None],
        on_progress: Callable[[int, int], None] | None = None,
    ) -> None:
        """Decide one invitation (``seen``: its id and the status the user saw) or every
        marked one (``marks``, a copy the caller no longer changes)."""
        if (seen is None) == (marks is None):
            raise ValueError("decide one invitation (seen) or the marked ones (marks)")
        self._writer.submit(
            self._decide_now,
            action,
            session,
            seen,
            marks,
            message,
            assessments,
            (on_done, on_refused, on_failed, on_progress),
        )

    def _decide_now(self, action, session, seen, marks, message, assessments, reports) -> None:
        on_done, on_refused, on_failed, on_progress = reports
        call = self.gateway.call
        try:
            if marks is None:
                invitation_id, status = seen
                made = call(
                    Store.record_decisions,
                    [invitation_id],
                    action,
                    session=session,
                    message=message,
                    assessments=assessments,
                    expect={invitation_id: status},
                )
                outcome = BulkOutcome(total=1, done=len(made), decisions=made)
                outcome.last = made[-1] if made else None
                outcome.moves.update((d.previous_status, d.new_status) for d in made)
                self.post(on_done, outcome)
                return
            self._start_bulk()
            try:
                outcome = decide_in_chunks(
                    call,
                    marked_seen(call, marks),
                    action,
                    session=session,
                    message=message,
                    assessments=assessments,
                    on_progress=self._progress(on_progress),
                    cancelled=self._cancel.is_set,
                )
            finally:
                self._bulk = False
        except ChangedElsewhere as exc:
            self.post(on_refused, str(exc))
            return
        except Exception as exc:
            self.post(on_failed, error_text(exc))
            return
        self.post(on_done, outcome)

    # ------------------------------------------------------------------ replies

    def reply(
        self,
        invitation_id: int,
        body: str,
        *,
        on_done: Callable[[Invitation, Recommendation | None], None],
        on_failed: Callable[[str], None],
    ) -> None:
        """Record the sender's answer to an ask (typed or pasted by the user), in order
        with the decisions; ``on_done`` gets the invitation as it now is and what the
        policy recommends on it."""
        self._writer.submit(self._reply_now, invitation_id, body, on_done, on_failed)

    def _reply_now(self, invitation_id, body, on_done, on_failed) -> None:
        try:
            invitation = self.gateway.record_reply(invitation_id, body)
            _, recommendation = self.gateway.evaluate(invitation)
        except Exception as exc:
            self.post(on_failed, error_text(exc))
            return
        self.post(on_done, invitation, recommendation)

    # ------------------------------------------------------------------ undo

    def undo(
        self,
        *,
        session: str,
        on_done: Callable[[BulkOutcome, Cursor | None], None],
        on_refused: Callable[[str], None],
        on_failed: Callable[[str], None],
        on_progress: Callable[[int, int], None] | None = None,
    ) -> None:
        """Revert this session's newest decision (a whole batch, in chunks). ``on_done``
        also gets where the cursor should go: the first invitation the batch decided."""
        self._writer.submit(self._undo_now, session, (on_done, on_refused, on_failed, on_progress))

    def _undo_now(self, session, reports) -> None:
        on_done, on_refused, on_failed, on_progress = reports
        call = self.gateway.call
        try:
            batch = call(Store.undo_target, session=session)
            if batch is None:
                self.post(on_done, BulkOutcome(total=0), None)
                return
            self._start_bulk()
            try:
                outcome = undo_in_chunks(
                    call,
                    batch,
                    on_progress=self._progress(on_progress),
                    cancelled=self._cancel.is_set,
                )
            finally:
                self._bulk = False
            cursor = None
            if outcome.last is not None:
                invitation = call(Store.get, outcome.last.invitation_id)
                cursor = Cursor(invitation.sent_at, invitation.id)
        except ChangedElsewhere as exc:
            self.post(on_refused, str(exc))
            return
        except Exception as exc:
            self.post(on_failed, error_text(exc))
            return
        self.post(on_done, outcome, cursor)

    # ------------------------------------------------------------------ helpers

    def _start_bulk(self) -> None:
        if not self._writer.closed:  # a closing screen's cancel stays in force
            self._cancel.clear()
        self._bulk = True

    def _progress(self, on_progress):
        if on_progress is None:
            return None
        return lambda outcome: self.post(on_progress, outcome.done, outcome.total)
