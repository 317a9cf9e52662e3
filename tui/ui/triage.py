"""Decisions, bulk decisions and undo for the inbox screen.

Each decision is written by the store in one transaction on the screen's writer thread
(:mod:`tui.ui.writer`), never on the UI thread; the list
and the counts change only once that write has returned, so what the screen shows as done
is on disk. Decision keys pressed while a write is still running wait in a queue and apply,
in order, to whatever is selected when their turn comes: typing ``a a a`` decides three
invitations in a row. A failed write shows an error, empties the queue and changes nothing.
Exporting the decisions to CSV runs here too, in a thread worker.
"""

from __future__ import annotations

from collections import deque
from functools import partial
from typing import TYPE_CHECKING

from textual import work

from tui.domain.models import Decision
from tui.store import Cursor, Store
from tui.ui.gateway import assessment_of, error_text
from tui.ui.marks import Marks
from tui.ui.writer import Writer

if TYPE_CHECKING:
    from tui.ui.screens.inbox import InboxScreen

# action -> (question verb, what happened, what is happening)
VERBS = {
    "accept": ("Accept", "accepted", "accepting"),
    "ignore": ("Ignore", "ignored", "ignoring"),
    "ask": ("Ask", "asked", "asking"),
}
WRITER_EXIT_WAIT = 5.0  # seconds the closing screen waits for queued decisions
ID_CHUNK = 5000  # ids fetched per page when a decision covers a whole marked list


def plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def marked_ids(store: Store, marks: Marks) -> list[int]:
    """The ids a set of marks stands for; "all of a list" is streamed page by page."""
    if marks.all_of is None:
        return sorted(marks.ids)
    ids: list[int] = []
    after = None
    while True:
        batch = store.page(marks.all_of, after=after, limit=ID_CHUNK)
        ids.extend(row.id for row in batch if row.id not in marks.excluded)
        if len(batch) < ID_CHUNK:
            return ids
        after = Cursor.of(batch[-1])


class TriageMixin:
    """Mixed into :class:`~tui.ui.screens.inbox.InboxScreen`."""

    def init_triage(self: InboxScreen) -> None:
        self._queue: deque[str] = deque()
        self._busy = False
        self._writer = Writer()

    def close_writer(self: InboxScreen) -> None:
        """The screen is going: let the decision being written finish (waiting a few
        seconds at most) before the app closes the store under it. Keys still waiting
        their turn are dropped: nothing showed them as done."""
        self._writer.close()
        self._writer.join(WRITER_EXIT_WAIT)

    # ------------------------------------------------------------------ keys

    def action_decide(self: InboxScreen, action: str) -> None:
        if self.split == "sent":
            self.say("sent invitations are yours: nothing to decide")
            self.app.bell()
            return
        self._queue.append(action)
        self._pump()

    def action_undo(self: InboxScreen) -> None:
        self._queue.append("undo")
        self._pump()

    @property
    def deciding(self) -> bool:
        """True while a decision or an undo is being written (or its dialog is open)."""
        return self._busy or bool(self._queue)

    def _pump(self: InboxScreen) -> None:
        while not self._busy and self._queue:
            action = self._queue.popleft()
            self._busy = True
            if action == "undo":
                self._undo(self.triage_app.session)
            else:
                self._begin(action)

    def _finish(self: InboxScreen) -> None:
        self._busy = False
        self._pump()

    def _begin(self: InboxScreen, action: str) -> None:
        from tui.ui.screens.confirm import ConfirmScreen

        inbox = self.inbox
        count = inbox.marks.count(inbox.total)
        if count:
            marks = Marks(set(inbox.marks.ids), inbox.marks.all_of, set(inbox.marks.excluded))
            verb = VERBS[action][0]
            question = f"{verb} {plural(count, 'marked invitation')}?"
            self.app.push_screen(ConfirmScreen(question), partial(self._confirmed, action, marks))
            return
        row = inbox.row
        if row is None:
            self.app.bell()
            self._finish()
            return
        if action == "ask":
            self._ask_about(row.id, None)
            return
        assessment = None
        if self.invitation is not None and self.invitation.id == row.id:
            assessment = {row.id: assessment_of(*self.assessment)}
        self._write([row.id], None, action, None, assessment)

    def _confirmed(self: InboxScreen, action: str, marks: Marks, yes: bool | None) -> None:
        if not yes:
            self.say("nothing changed")
            self._finish()
            return
        row = self.inbox.row
        if action == "ask" and row is not None:
            self._ask_about(row.id, marks)
        elif action == "ask":
            self._finish()
        else:
            self._write(None, marks, action, None, None)

    # ------------------------------------------------------------------ ask

    def _ask_about(self: InboxScreen, invitation_id: int, marks: Marks | None) -> None:
        if self.invitation is not None and self.invitation.id == invitation_id:
            self._open_composer(self.invitation, marks)
        else:
            self._load_for_composer(invitation_id, marks)

    @work(thread=True, group="compose", exit_on_error=False)
    def _load_for_composer(self: InboxScreen, invitation_id: int, marks: Marks | None) -> None:
        try:
            invitation = self.triage_app.gateway.call(Store.get, invitation_id)
        except Exception as exc:
            self.deliver(self._write_failed, error_text(exc))
            return
        self.deliver(self._open_composer, invitation, marks)

    def _open_composer(self: InboxScreen, invitation, marks: Marks | None) -> None:
        from tui.ui.screens.composer import ComposerScreen

        self.app.push_screen(
            ComposerScreen(invitation), partial(self._composed, invitation.id, marks)
        )

    def _composed(
        self: InboxScreen, invitation_id: int, marks: Marks | None, text: str | None
    ) -> None:
        if text is None:
            self.say("ask cancelled: nothing sent")
            self._finish()
            return
        ids = None if marks is not None else [invitation_id]
        self._write(ids, marks, "ask", text, None)

    # ------------------------------------------------------------------ writing

    def _write(self: InboxScreen, ids, marks, action, message, assessments) -> None:
        if marks is not None and marks.all_of is not None:
            self.say(f"{VERBS[action][2]} every marked invitation…")
        self._record(ids, marks, action, message, assessments, self.triage_app.session)

    def _record(self: InboxScreen, *args) -> None:
        self._writer.submit(self._record_now, *args)

    def _record_now(
        self: InboxScreen, ids, marks, action, message, assessments, session: str
    ) -> None:
        """Writer thread: one transaction for the whole decision (one row or every marked
        one)."""
        gateway = self.triage_app.gateway
        try:
            if ids is None:
                ids = gateway.call(marked_ids, marks)
            decisions = gateway.call(
                Store.record_decisions,
                ids,
                action,
                session=session,
                assessments=assessments,
                message=message,
            )
        except Exception as exc:
            self.deliver(self._write_failed, error_text(exc))
            return
        self.deliver(self._recorded, action, decisions, marks is not None)

    def _recorded(self: InboxScreen, action: str, decisions: list[Decision], bulk: bool) -> None:
        self.forget_prepared(d.invitation_id for d in decisions)
        if self.shown is not None and any(d.invitation_id == self.shown[0] for d in decisions):
            # Its detail is out of date even when the status stays (asking again adds a
            # message to an invitation that is already "asked").
            self.shown = None
        self.shift_counts([(d.previous_status, d.new_status) for d in decisions])
        inbox = self.inbox
        past = VERBS[action][1]
        if bulk or len(decisions) != 1:
            inbox.marks.clear()
            inbox.reload()
            self.say(f"{past} {plural(len(decisions), 'invitation')} · z undoes")
        elif decisions:
            decided = decisions[0]
            row = inbox.row
            name = row.name if row is not None and row.id == decided.invitation_id else None
            who = f" {_short(name)}" if name else ""
            # Set before the list moves, so the status line is drawn once, with the note.
            self.message = f"{past}{who} · z undoes"
            removed = inbox.replace_rows({decided.invitation_id: decided.new_status})
            if not removed and self.split == "all":
                inbox.select_next_matching("pending")
            self.update_status()
        self._finish()

    def _write_failed(self: InboxScreen, text: str) -> None:
        self._queue.clear()
        self.say(None)
        self.failed(f"Not saved: {text}")
        self._finish()

    # ------------------------------------------------------------------ undo

    def _undo(self: InboxScreen, session: str) -> None:
        self._writer.submit(self._undo_now, session)

    def _undo_now(self: InboxScreen, session: str) -> None:
        """Writer thread: revert this session's newest decision (a whole batch at once)."""
        try:
            reverted, cursor = self.triage_app.gateway.call(_undo_last, session)
        except Exception as exc:
            self.deliver(self._write_failed, error_text(exc))
            return
        self.deliver(self._undone, reverted, cursor)

    def _undone(self: InboxScreen, reverted: list[Decision], cursor: Cursor | None) -> None:
        if not reverted:
            self.say("nothing left to undo in this session")
            self._finish()
            return
        self.forget_prepared(d.invitation_id for d in reverted)
        self.shift_counts([(d.new_status, d.previous_status) for d in reverted])
        status = reverted[-1].previous_status
        if self.split not in ("all", status):
            self.split = status
            self.splits_line.active = status
        self.reload_view(select=cursor)
        verb = VERBS.get(reverted[-1].action, ("", reverted[-1].action, ""))[1]
        self.say(f"undone: back from {verb} ({plural(len(reverted), 'invitation')})")
        self._finish()

    # ------------------------------------------------------------------ export

    def action_export(self: InboxScreen) -> None:
        self.say("exporting…")
        self.export(self.split)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def export(self: InboxScreen, split: str) -> None:
        """Worker: the current split's decisions to a CSV beside the database."""
        from tui.export import default_export, export_decisions

        db_path = self.triage_app.gateway.db_path
        try:
            # A read-only connection of its own: a long export never holds the UI's lock.
            with (
                default_export(db_path) as out,
                Store.open(db_path, readonly=True, verify=False) as store,
            ):
                count = export_decisions(store, out, statuses=None if split == "all" else [split])
        except Exception as exc:
            self.deliver(self.say, None)
            self.deliver(self.failed, f"export failed: {error_text(exc)}")
            return
        self.deliver(self._exported, count, str(out))

    def _exported(self: InboxScreen, count: int, where: str) -> None:
        self.say(None)
        self.notify(
            f"{count:,} rows written to {where}", title="Exported", timeout=10, markup=False
        )


def _undo_last(store: Store, session: str) -> tuple[list[Decision], Cursor | None]:
    reverted = store.undo_last(session=session)
    if not reverted:
        return [], None
    # Decisions come newest first; select the first one taken (top of a bulk batch).
    invitation = store.get(reverted[-1].invitation_id)
    return reverted, Cursor(invitation.sent_at, invitation.id)


def _short(name: str, width: int = 30) -> str:
    from tui.ui.row_format import clean, fit

    text = clean(name)
    return fit(text, width).rstrip() if len(text) > width else text
