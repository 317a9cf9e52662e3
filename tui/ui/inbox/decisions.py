"""Decisions, bulk decisions and undo: keys in order, each written before it is shown done.

A decision key joins a queue; one decision at a time is taken from it, asked about if it
needs asking (a bulk decision's confirmation, the composer for "ask"), and written by the
store in one transaction on the writer thread (:mod:`tui.ui.writer`), never on the UI
thread. Only once the write has returned does the screen hear of it (``on_done``) and
change the list and the counts, so what the screen shows as done is on disk. Keys typed
while a write runs wait their turn and then apply to whatever is selected: ``a a a``
decides three invitations in a row. A failed write empties the queue and changes nothing.

A decision acts on the highlighted row only while it is on screen: a key pressed while the
list shows other rows (scrolled away with the wheel) brings the highlighted row back into
view and decides nothing.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from textual.widget import Widget

from tui.domain.models import Assessment, Decision
from tui.store import Cursor, Store
from tui.ui.gateway import Gateway, error_text
from tui.ui.inbox.inbox_list import InboxList
from tui.ui.inbox.marks import Marks
from tui.ui.render.row import clean, fit
from tui.ui.writer import Writer

# action -> (question verb, what happened, what is happening)
VERBS = {
    "accept": ("Accept", "accepted", "accepting"),
    "ignore": ("Ignore", "ignored", "ignoring"),
    "ask": ("Ask", "asked", "asking"),
}
WRITER_EXIT_WAIT = 5.0  # seconds the closing screen waits for queued decisions
ID_CHUNK = 5000  # ids fetched per page when a decision covers a whole marked list
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


def first_senders(store: Store, marks: Marks, limit: int = NAMED) -> list[str]:
    """The names of the first few marked senders, in list order."""
    if marks.all_of is not None:
        rows = store.page(marks.all_of, limit=limit + len(marks.excluded))
        return [row.name for row in rows if row.id not in marks.excluded][:limit]
    invitations = [store.get(invitation_id) for invitation_id in sorted(marks.ids)]
    invitations.sort(key=lambda i: (i.sent_at, i.id), reverse=True)
    return [invitation.person.name for invitation in invitations[:limit]]


def undo_last(store: Store, session: str) -> tuple[list[Decision], Cursor | None, list[str]]:
    """Revert ``session``'s newest decision (a whole batch at once): what was reverted,
    where its first invitation sits, and the names of the first few senders."""
    reverted = store.undo_last(session=session)
    if not reverted:
        return [], None, []
    # Decisions come newest first; select the first one taken (top of a bulk batch).
    first = store.get(reverted[-1].invitation_id)
    names = [store.get(d.invitation_id).person.name for d in reverted[::-1][:NAMED]]
    return reverted, Cursor(first.sent_at, first.id), names


@dataclass
class Outcome:
    """A decision or an undo as written: what the screen shows next."""

    action: str  # accept, ignore, ask, or undo
    decisions: list[Decision]  # written, or (undo) reverted
    bulk: bool = False
    names: list[str] = field(default_factory=list)  # the first few senders
    cursor: Cursor | None = None  # undo: where the first reverted invitation sits
    extra: tuple = ()  # what a training session answers besides (its verdict)


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
        self.say = say
        self.busy_with = busy
        self.queue: deque[str] = deque()
        self.writing = False
        self.writer = Writer()

    @property
    def busy(self) -> bool:
        """True while a decision or an undo is being written (or its dialog is open)."""
        return self.writing or bool(self.queue)

    def request(self, action: str) -> None:
        """A decision key (``accept``, ``ignore``, ``ask``) or ``undo``: its turn will come."""
        self.queue.append(action)
        self._pump()

    def close(self) -> None:
        """The screen is going: let the decision being written finish (waiting a few
        seconds at most) before the app closes the store under it. Keys still waiting
        their turn are dropped: nothing showed them as done."""
        self.writer.close()
        self.writer.join(WRITER_EXIT_WAIT)

    def _pump(self) -> None:
        while not self.writing and self.queue:
            action = self.queue.popleft()
            self.writing = True
            if action == "undo":
                self.writer.submit(self.undo_now)
            else:
                self._begin(action)

    def _finish(self) -> None:
        self.writing = False
        self._pump()

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
        row = inbox.visible_row
        if row is None:
            self.node.app.bell()
            if inbox.row is not None:
                inbox.follow_cursor()
                self.say("the selected invitation was off screen: it is shown now")
            self._finish()
            return
        if action == "ask":
            self._compose(row.id, None, [row.name])
            return
        assessments = None
        assessment = self.assessment_for(row.id)
        if assessment is not None:
            assessments = {row.id: assessment}
        self._write([row.id], None, action, None, assessments, [row.name])

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
                self._compose(row.id, marks, names)
        else:
            self._write(None, marks, action, None, None, names)

    def _compose(self, invitation_id: int, marks: Marks | None, names: list[str]) -> None:
        self.node.run_worker(
            partial(self._load_for_composer, invitation_id, marks, names),
            group="compose",
            thread=True,
            exit_on_error=False,
        )

    def _load_for_composer(self, invitation_id: int, marks: Marks | None, names) -> None:
        try:
            invitation = self.gateway.call(Store.get, invitation_id)
        except Exception as exc:
            self.node.call_later(self._write_failed, error_text(exc))
            return
        self.node.call_later(self._open_composer, invitation, marks, names)

    def _open_composer(self, invitation, marks: Marks | None, names: list[str]) -> None:
        from tui.ui.dialogs.composer import ComposerScreen  # loaded when first needed

        self.node.app.push_screen(
            ComposerScreen(invitation), partial(self._composed, invitation.id, marks, names)
        )

    def _composed(self, invitation_id: int, marks, names: list[str], text: str | None) -> None:
        if text is None:
            self.say("ask cancelled: nothing sent")
            self._finish()
            return
        ids = None if marks is not None else [invitation_id]
        self._write(ids, marks, "ask", text, None, names)

    # ------------------------------------------------------------------ writing

    def _write(self, ids, marks, action, message, assessments, names) -> None:
        if marks is not None and marks.all_of is not None:
            self.busy_with(f"{VERBS[action][2]} every marked invitation…")
        self.writer.submit(self.record_now, ids, marks, action, message, assessments, names)

    def record_now(self, ids, marks, action, message, assessments, names) -> None:
        """Writer thread: one transaction for the whole decision (one row or every marked
        one)."""
        try:
            if ids is None:
                ids = self.gateway.call(marked_ids, marks)
            decisions = self.gateway.call(
                Store.record_decisions,
                ids,
                action,
                session=self.session,
                assessments=assessments,
                message=message,
            )
        except Exception as exc:
            self.node.call_later(self._write_failed, error_text(exc))
            return
        outcome = Outcome(action, decisions, bulk=marks is not None, names=names)
        self.node.call_later(self._written, outcome)

    def undo_now(self) -> None:
        """Writer thread: revert this session's newest decision (a whole batch at once)."""
        try:
            reverted, cursor, names = self.gateway.call(undo_last, self.session)
        except Exception as exc:
            self.node.call_later(self._write_failed, error_text(exc))
            return
        outcome = Outcome("undo", reverted, len(reverted) > 1, names, cursor)
        self.node.call_later(self._written, outcome)

    def _written(self, outcome: Outcome) -> None:
        self.busy_with(None)
        self.on_done(outcome)
        self._finish()

    def _write_failed(self, text: str) -> None:
        self.queue.clear()
        self.busy_with(None)
        self.on_failed(f"Not saved: {text}")
        self._finish()
