"""Decisions, bulk decisions and undo: keys in order, each written before it is shown done.

A decision key joins a queue; one decision at a time is taken from it, asked about if it
needs asking (a bulk decision's confirmation, the composer for "ask"), and written on the
writer thread by :class:`~tui.ui.inbox.decision_jobs.DecisionJobs`, never on the UI
thread: a single decision in one transaction that expects the status the user saw, a bulk
decision or an undo in chunks of about 100 ms of lock each (progress in the status line,
Esc cancels). Only once the write has returned does the screen hear of it (``on_done``)
and change the list and the counts, so what the screen shows as done is on disk. Keys
typed while a write runs wait their turn and then apply to whatever is selected: ``a a a``
decides three invitations in a row. A failed write empties the queue and changes nothing;
a decision another window got to first is refused (``on_refused``).

A decision acts on the highlighted row only while it is on screen: a key pressed while the
list shows other rows (scrolled away with the wheel) brings the highlighted row back into
view and decides nothing.

Recording a sender's answer (``reply``) takes its turn in the same queue: the reply box
opens on the highlighted asked invitation, and the answer is written on the writer thread
like a decision, so a key typed after it acts on the invitation as it then is.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from textual.widget import Widget

from tui.domain.models import Assessment, Decision, Invitation, Recommendation
from tui.store import Cursor, Store
from tui.store.bulk import BulkOutcome
from tui.store.messages import REPLYABLE
from tui.ui.gateway import Gateway, error_text
from tui.ui.inbox.decision_jobs import DecisionJobs
from tui.ui.inbox.inbox_list import InboxList
from tui.ui.inbox.marks import Marks
from tui.ui.render.row import clean, fit

# action -> (question verb, what happened, what is happening)
VERBS = {
    "accept": ("Accept", "accepted", "accepting"),
    "ignore": ("Ignore", "ignored", "ignoring"),
    "ask": ("Ask", "asked", "asking"),
}
NAMED = 3  # senders a bulk confirmation names


def plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def short(name: str, width: int = 30) -> str:
    """A sender's name cleaned and cut for a one-line message."""
    text = clean(name)
    return fit(text, width).rstrip() if len(text) > width else text


def who(names: list[str], count: int) -> str:
    """``Ada Lovelace``, ``Ada Lovelace, Brook Stone and 3 more``."""
    shown = ", ".join(short(name) for name in names[:NAMED])
    rest = count - min(len(names), NAMED)
    return f"{shown} and {rest:,} more" if rest > 0 and shown else shown


def first_senders(store: Store, marks: Marks, limit: int = NAMED) -> list[str]:
    """The names of the first few marked senders, in list order."""
    if marks.all_of is not None:
        rows = store.page(marks.all_of, limit=limit + len(marks.excluded))
        return [row.name for row in rows if row.id not in marks.excluded][:limit]
    invitations = [store.get(invitation_id) for invitation_id in sorted(marks.ids)]
    invitations.sort(key=lambda i: (i.sent_at, i.id), reverse=True)
    return [invitation.person.name for invitation in invitations[:limit]]


def names_of(store: Store, ids: list[int]) -> list[str]:
    """The senders' names of the first few invitations."""
    return [store.get(invitation_id).person.name for invitation_id in ids[:NAMED]]


@dataclass
class Outcome:
    """A decision or an undo as written: what the screen shows next."""

    action: str  # accept, ignore, ask, or undo
    decisions: list[Decision]  # written, or (undo) reverted; a bulk one's first chunk only
    bulk: bool = False
    names: list[str] = field(default_factory=list)  # the first few senders
    cursor: Cursor | None = None  # undo: where the first reverted invitation sits
    extra: tuple = ()  # what a training session answers besides (its verdict)
    done: int = 0  # how many were written (all of a bulk one, not only ``decisions``)
    total: int = 0  # how many a bulk one was asked for
    moves: dict = field(default_factory=dict)  # (from status, to status) -> how many
    cancelled: bool = False  # a bulk job stopped part way (Esc)
    skipped: int = 0  # decided elsewhere meanwhile, left as they were
    last: Decision | None = None  # undo: the oldest decision reverted
    message: str | None = None  # ask: the question as written in the composer
    invitation: Invitation | None = None  # reply: the invitation as it now is
    advice: Recommendation | None = None  # reply: what the policy now recommends


class Decisions:
    """The decision queue of one inbox screen (``node``: its workers and its messages)."""

    def __init__(
        self,
        node: Widget,
        gateway: Gateway,
        inbox: InboxList,
        *,
        session: str,
        assessment_for: Callable[[int], Assessment | None],
        on_done: Callable[[Outcome], None],
        on_failed: Callable[[str], None],
        on_refused: Callable[[str], None],
        on_idle: Callable[[], None],
        say: Callable[[str | None], None],
        busy: Callable[[str | None], None],
    ) -> None:
        self.node = node
        self.gateway = gateway
        self.inbox = inbox
        self.session = session
        self.assessment_for = assessment_for
        self.on_done = on_done
        self.on_failed = on_failed
        self.on_refused = on_refused
        self.on_idle = on_idle
        self.say = say
        self.busy_with = busy
        self.queue: deque[str] = deque()
        self.writing = False
        self.jobs = DecisionJobs(gateway, node.call_later)

    @property
    def busy(self) -> bool:
        """True while a decision or an undo is being written (or its dialog is open)."""
        return self.writing or bool(self.queue)

    def request(self, action: str) -> None:
        """A decision key (``accept``, ``ignore``, ``ask``), ``undo`` or ``reply``: its
        turn will come."""
        self.queue.append(action)
        self._pump()

    def cancel_bulk(self) -> bool:
        """Esc while a bulk decision or undo is written: stop after the current chunk."""
        return self.jobs.cancel()

    def close(self) -> None:
        """The screen is going: a bulk job stops after its chunk, a decision being written
        finishes (a few seconds at most) before the app closes the store under it. Keys
        still waiting their turn are dropped: nothing showed them as done."""
        self.jobs.close()

    def _pump(self) -> None:
        while not self.writing and self.queue:
            action = self.queue.popleft()
            self.writing = True
            if action == "undo":
                self.write_undo()
            elif action == "reply":
                self._begin_reply()
            else:
                self._begin(action)

    def _finish(self) -> None:
        self.writing = False
        self._pump()
        if not self.busy:
            self.on_idle()

    def _visible_row(self):
        """The highlighted row a key may act on; ``None`` (having said why, and ended this
        turn) when it is off screen: a key only ever acts on what the user can see."""
        inbox = self.inbox
        row = inbox.visible_row
        if row is None:
            self.node.app.bell()
            if inbox.row is not None:
                inbox.follow_cursor()
                self.say("the selected invitation was off screen: it is shown now")
            self._finish()
        return row

    # ------------------------------------------------------------------ asking first

    def _begin(self, action: str) -> None:
        inbox = self.inbox
        count = inbox.marks.count(inbox.total)
        if count:
            marks = inbox.marks.copy()
            self.node.run_worker(
                partial(self._name_senders, action, marks, count),
                group="confirm",
                thread=True,
                exit_on_error=False,
            )
            return
        row = self._visible_row()
        if row is None:
            return
        if action == "ask":
            self._compose(row.id, row.status, None, [row.name])
            return
        assessments = None
        assessment = self.assessment_for(row.id)
        if assessment is not None:
            assessments = {row.id: assessment}
        self.write_single(row.id, row.status, action, None, assessments, [row.name])

    def _name_senders(self, action: str, marks: Marks, count: int) -> None:
        """Worker thread: the first few marked senders, for the confirmation to name."""
        try:
            names = self.gateway.call(first_senders, marks)
        except Exception as exc:
            self.node.call_later(self._write_failed, error_text(exc))
            return
        self.node.call_later(self._confirm, action, marks, count, names)

    def _confirm(self, action: str, marks: Marks, count: int, names: list[str]) -> None:
        from tui.ui.dialogs.confirm import ConfirmScreen  # loaded when first needed

        question = f"{VERBS[action][0]} {plural(count, 'marked invitation')}?"
        self.node.app.push_screen(
            ConfirmScreen(question, detail=who(names, count)),
            partial(self._confirmed, action, marks, names),
        )

    def _confirmed(self, action: str, marks: Marks, names: list[str], yes: bool | None) -> None:
        if not yes:
            self.say("nothing changed")
            self._finish()
        elif action == "ask":
            row = self.inbox.row
            if row is None:
                self._finish()
            else:
                self._compose(row.id, row.status, marks, names)
        else:
            self.write_bulk(marks, action, None, names)

    def _compose(self, invitation_id: int, status: str, marks: Marks | None, names) -> None:
        self.node.run_worker(
            partial(self._load_for_composer, invitation_id, status, marks, names),
            group="compose",
            thread=True,
            exit_on_error=False,
        )

    def _load_for_composer(self, invitation_id: int, status: str, marks, names) -> None:
        try:
            invitation = self.gateway.call(Store.get, invitation_id)
        except Exception as exc:
            self.node.call_later(self._write_failed, error_text(exc))
            return
        self.node.call_later(self._open_composer, invitation, status, marks, names)

    def _open_composer(self, invitation, status: str, marks: Marks | None, names) -> None:
        from tui.ui.dialogs.composer import ComposerScreen  # loaded when first needed

        self.node.app.push_screen(
            ComposerScreen(invitation),
            partial(self._composed, invitation.id, status, marks, names),
        )

    def _composed(self, invitation_id: int, status: str, marks, names, text: str | None) -> None:
        if text is None:
            self.say("ask cancelled: nothing recorded")
            self._finish()
        elif marks is not None:
            self.write_bulk(marks, "ask", text, names)
        else:
            self.write_single(invitation_id, status, "ask", text, None, names)

    # ------------------------------------------------------------------ their answer

    def _begin_reply(self) -> None:
        """Open the reply box on the highlighted invitation, if it was asked."""
        row = self._visible_row()
        if row is None:
            return
        if row.status not in REPLYABLE:
            self.node.app.bell()
            if row.status == "sent":
                self.say("sent invitations are yours: there is no answer to record")
            else:
                self.say(
                    f"{short(row.name)} is {row.status}: a reply answers your question, "
                    "so ask first"
                )
            self._finish()
            return
        self.node.run_worker(
            partial(self._load_for_reply, row.id),
            group="reply",
            thread=True,
            exit_on_error=False,
        )

    def _load_for_reply(self, invitation_id: int) -> None:
        try:
            invitation = self.gateway.call(Store.get, invitation_id)
        except Exception as exc:
            self.node.call_later(self._write_failed, error_text(exc))
            return
        self.node.call_later(self._open_reply_box, invitation)

    def _open_reply_box(self, invitation: Invitation) -> None:
        from tui.ui.dialogs.reply_box import ReplyBoxScreen  # loaded when first needed

        self.node.app.push_screen(
            ReplyBoxScreen(invitation), partial(self._reply_typed, invitation)
        )

    def _reply_typed(self, invitation: Invitation, text: str | None) -> None:
        if text is None:
            self.say("reply not recorded: nothing changed")
            self._finish()
            return
        self.busy_with("recording their reply…")
        was = invitation.status

        def done(updated: Invitation, advice: Recommendation | None) -> None:
            moves = {(was, updated.status): 1} if updated.status != was else {}
            self._written(
                Outcome(
                    "reply",
                    [],
                    names=[invitation.person.name],
                    done=1,
                    moves=moves,
                    invitation=updated,
                    advice=advice,
                )
            )

        self.jobs.reply(invitation.id, text, on_done=done, on_failed=self._write_failed)

    # ------------------------------------------------------------------ writing

    def write_single(self, invitation_id, status, action, message, assessments, names) -> None:
        """One decision, expecting the status the user saw (another window may have moved
        it meanwhile: then it is refused)."""

        def done(outcome: BulkOutcome) -> None:
            self._written(
                Outcome(action, outcome.decisions, names=names, done=outcome.done, message=message)
            )

        self.jobs.decide(
            action,
            session=self.session,
            seen=(invitation_id, status),
            message=message,
            assessments=assessments,
            on_done=done,
            on_refused=self._refused,
            on_failed=self._write_failed,
        )

    def write_bulk(self, marks: Marks, action: str, message: str | None, names) -> None:
        doing = VERBS[action][2]
        self.busy_with(f"{doing} every marked invitation…")

        def done(outcome: BulkOutcome) -> None:
            self._written(
                Outcome(
                    action,
                    outcome.decisions,
                    bulk=True,
                    names=names,
                    done=outcome.done,
                    total=outcome.total,
                    moves=dict(outcome.moves),
                    cancelled=outcome.cancelled,
                    skipped=outcome.skipped,
                    message=message,
                )
            )

        self.jobs.decide(
            action,
            session=self.session,
            marks=marks,
            message=message,
            on_done=done,
            on_refused=self._refused,
            on_failed=self._write_failed,
            on_progress=partial(self._progress, doing),
        )

    def write_undo(self) -> None:
        """Revert this session's newest decision (a whole batch, in chunks)."""
        self.jobs.undo(
            session=self.session,
            on_done=self._undone,
            on_refused=self._refused,
            on_failed=self._write_failed,
            on_progress=partial(self._progress, "undoing"),
        )

    def _undone(self, outcome: BulkOutcome, cursor: Cursor | None) -> None:
        ids = [d.invitation_id for d in reversed(outcome.decisions)]
        self.node.run_worker(
            partial(self._name_undone, outcome, cursor, ids),
            group="undone",
            thread=True,
            exit_on_error=False,
        )

    def _name_undone(self, outcome: BulkOutcome, cursor, ids: list[int]) -> None:
        """Worker thread: who was undone, for the status line to name."""
        try:
            names = self.gateway.call(names_of, ids)
        except Exception:
            names = []
        result = Outcome(
            "undo",
            outcome.decisions,
            bulk=outcome.done > 1,
            names=names,
            cursor=cursor,
            done=outcome.done,
            moves=dict(outcome.moves),
            cancelled=outcome.cancelled,
            last=outcome.last,
        )
        self.node.call_later(self._written, result)

    def _progress(self, doing: str, done: int, total: int) -> None:
        if self.jobs.bulk_running:
            share = f" ({done * 100 // total}%)" if total else ""
            self.busy_with(f"{doing}… {done:,} of {total:,}{share} · Esc cancels")

    def _written(self, outcome: Outcome) -> None:
        self.busy_with(None)
        self.on_done(outcome)
        self._finish()

    def _refused(self, text: str) -> None:
        """Another window got there first: nothing was changed."""
        self.queue.clear()
        self.busy_with(None)
        self.node.app.bell()
        self.on_refused(text)
        self._finish()

    def _write_failed(self, text: str) -> None:
        self.queue.clear()
        self.busy_with(None)
        self.on_failed(f"Not saved: {text}")
        self._finish()
