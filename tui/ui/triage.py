"""Decisions, bulk decisions and undo for the inbox screen.

The writing itself is :class:`~tui.ui.decision_jobs.DecisionJobs` (a plain object on the
writer thread): one transaction per decision, bulk decisions and undo in chunks of about
100 ms of lock each (with progress in the status line and Esc to cancel). The list and
the counts change only once a write has returned, so what the screen shows as done is on
disk. Decision keys pressed while a write is still running wait in a queue and apply, in
order, to whatever is selected when their turn comes: typing ``a a a`` decides three
invitations in a row. A failed write shows an error, empties the queue and changes
nothing; a decision or an undo that another window got to first is refused in the status
line, and the list is refreshed.
Exporting the decisions to CSV runs here too, in a thread worker.
"""

from __future__ import annotations

from collections import deque
from functools import partial
from typing import TYPE_CHECKING

from textual import work

from tui.domain.models import Decision
from tui.store import Cursor, Store
from tui.store.bulk import BulkOutcome
from tui.ui.decision_jobs import DecisionJobs
from tui.ui.gateway import assessment_of, error_text
from tui.ui.marks import Marks

if TYPE_CHECKING:
    from tui.ui.screens.inbox import InboxScreen

# action -> (question verb, what happened, what is happening)
VERBS = {
    "accept": ("Accept", "accepted", "accepting"),
    "ignore": ("Ignore", "ignored", "ignoring"),
    "ask": ("Ask", "asked", "asking"),
}


def plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


class TriageMixin:
    """Mixed into :class:`~tui.ui.screens.inbox.InboxScreen`."""

    def init_triage(self: InboxScreen) -> None:
        self._queue: deque[str] = deque()
        self._busy = False
        self.jobs = DecisionJobs(self.triage_app.gateway, self.deliver)

    def close_writer(self: InboxScreen) -> None:
        """The screen is going: a bulk job stops after its chunk, a decision being written
        finishes (a few seconds at most) before the app closes the store under it. Keys
        still waiting their turn are dropped: nothing showed them as done."""
        self.jobs.close()

    def cancel_bulk(self: InboxScreen) -> bool:
        """Esc while a bulk decision or undo is written: stop after the current chunk."""
        if self.jobs.cancel():
            self.say("cancelling after this chunk…")
            return True
        return False

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
        if not self.deciding:
            self.outside_change_waiting()

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
            self._ask_about(row.id, row.status, None)
            return
        assessment = None
        if self.invitation is not None and self.invitation.id == row.id:
            assessment = {row.id: assessment_of(*self.assessment)}
        self._write([row.id], None, action, None, assessment, expect={row.id: row.status})

    def _confirmed(self: InboxScreen, action: str, marks: Marks, yes: bool | None) -> None:
        if not yes:
            self.say("nothing changed")
            self._finish()
            return
        row = self.inbox.row
        if action == "ask" and row is not None:
            self._ask_about(row.id, row.status, marks)
        elif action == "ask":
            self._finish()
        else:
            self._write(None, marks, action, None, None)

    # ------------------------------------------------------------------ ask

    def _ask_about(self: InboxScreen, invitation_id: int, status: str, marks: Marks | None) -> None:
        if self.invitation is not None and self.invitation.id == invitation_id:
            self._open_composer(self.invitation, status, marks)
        else:
            self._load_for_composer(invitation_id, status, marks)

    @work(thread=True, group="compose", exit_on_error=False)
    def _load_for_composer(
        self: InboxScreen, invitation_id: int, status: str, marks: Marks | None
    ) -> None:
        try:
            invitation = self.triage_app.gateway.call(Store.get, invitation_id)
        except Exception as exc:
            self.deliver(self._write_failed, error_text(exc))
            return
        self.deliver(self._open_composer, invitation, status, marks)

    def _open_composer(self: InboxScreen, invitation, status: str, marks: Marks | None) -> None:
        from tui.ui.screens.composer import ComposerScreen

        self.app.push_screen(
            ComposerScreen(invitation), partial(self._composed, invitation.id, status, marks)
        )

    def _composed(
        self: InboxScreen, invitation_id: int, status: str, marks: Marks | None, text: str | None
    ) -> None:
        if text is None:
            self.say("ask cancelled: nothing sent")
            self._finish()
            return
        if marks is not None:
            self._write(None, marks, "ask", text, None)
        else:
            self._write([invitation_id], None, "ask", text, None, expect={invitation_id: status})

    # ------------------------------------------------------------------ writing

    def _write(self: InboxScreen, ids, marks, action, message, assessments, expect=None) -> None:
        if marks is not None:
            self.say(f"{VERBS[action][2]} every marked invitation…")
        self._record(ids, marks, action, message, assessments, self.triage_app.session, expect)

    def _record(
        self: InboxScreen, ids, marks, action, message, assessments, session: str, expect=None
    ) -> None:
        if marks is not None:
            self.jobs.decide(
                action,
                session=session,
                marks=marks,
                message=message,
                on_done=partial(self._bulk_recorded, action),
                on_refused=self._refused,
                on_failed=self._write_failed,
                on_progress=partial(self._bulk_progress, VERBS[action][2]),
            )
            return
        (invitation_id,) = ids
        self.jobs.decide(
            action,
            session=session,
            seen=(invitation_id, (expect or {}).get(invitation_id)),
            message=message,
            assessments=assessments,
            on_done=lambda outcome: self._recorded(action, outcome.decisions, False),
            on_refused=self._refused,
            on_failed=self._write_failed,
        )

    def _bulk_progress(self: InboxScreen, doing: str, done: int, total: int) -> None:
        if self.jobs.bulk_running:
            share = f" ({done * 100 // total}%)" if total else ""
            self.say(f"{doing}… {done:,} of {total:,}{share} · Esc cancels")

    def _bulk_recorded(self: InboxScreen, action: str, outcome: BulkOutcome) -> None:
        self.forget_prepared()
        self.shown = None
        inbox = self.inbox
        inbox.marks.clear()
        self.load_counts()
        inbox.reload()
        past = VERBS[action][1]
        said = f"{past} {plural(outcome.done, 'invitation')}"
        if outcome.cancelled:
            said += f" of {outcome.total:,}, then cancelled"
        if outcome.skipped:
            said += f"; {outcome.skipped:,} decided elsewhere meanwhile were left as they are"
        self.say(said + (" · z undoes" if outcome.done else ""))
        self._finish()

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

    def _refused(self: InboxScreen, text: str) -> None:
        """Another window got there first: say so, change nothing, show what is there now."""
        self._queue.clear()
        self.app.bell()
        self.say(text)
        self.refresh_inbox()
        self._finish()

    def _write_failed(self: InboxScreen, text: str) -> None:
        self._queue.clear()
        self.say(None)
        self.failed(f"Not saved: {text}")
        self._finish()

    # ------------------------------------------------------------------ undo

    def _undo(self: InboxScreen, session: str) -> None:
        self.jobs.undo(
            session=session,
            on_done=self._undone_outcome,
            on_refused=self._refused,
            on_failed=self._write_failed,
            on_progress=partial(self._bulk_progress, "undoing"),
        )

    def _undone_outcome(self: InboxScreen, outcome: BulkOutcome, cursor: Cursor | None) -> None:
        if outcome.last is None:
            self._undone([], None)
            return
        if outcome.done > len(outcome.decisions):  # a large batch: recount, reload
            self.forget_prepared()
            self.load_counts()
        else:
            self.forget_prepared(d.invitation_id for d in outcome.decisions)
            self.shift_counts([(d.new_status, d.previous_status) for d in outcome.decisions])
        self._show_undone(outcome.last, outcome.done, cursor, cancelled=outcome.cancelled)

    def _undone(self: InboxScreen, reverted: list[Decision], cursor: Cursor | None) -> None:
        """What an undo reverted (newest first); training undoes through here too."""
        if not reverted:
            self.say("nothing left to undo in this session")
            self._finish()
            return
        self.forget_prepared(d.invitation_id for d in reverted)
        self.shift_counts([(d.new_status, d.previous_status) for d in reverted])
        self._show_undone(reverted[-1], len(reverted), cursor, cancelled=False)

    def _show_undone(
        self: InboxScreen, first: Decision, count: int, cursor: Cursor | None, *, cancelled: bool
    ) -> None:
        status = first.previous_status
        if self.split not in ("all", status):
            self.split = status
            self.splits_line.active = status
        self.reload_view(select=cursor)
        verb = VERBS.get(first.action, ("", first.action, ""))[1]
        said = f"undone: back from {verb} ({plural(count, 'invitation')})"
        if cancelled:
            said += ", then cancelled: z undoes the rest"
        self.say(said)
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


def _short(name: str, width: int = 30) -> str:
    from tui.ui.row_format import clean, fit

    text = clean(name)
    return fit(text, width).rstrip() if len(text) > width else text
