"""Training's decisions: each goes through the session, which records it and answers with
a verdict; undo goes through the session too, so the saved results follow."""

from __future__ import annotations

from tui.store import Cursor, Store
from tui.ui.gateway import error_text
from tui.ui.inbox.decisions import Decisions, Outcome
from tui.ui.writer import Writer


def decide(store: Store, trainer, invitation_id: int, action: str, message: str | None):
    verdict = trainer.decide(invitation_id, action, message=message)
    decision = store.decisions(invitation_id)[-1]
    invitation = store.get(invitation_id)
    return decision, verdict, invitation


def undo(store: Store, trainer):
    """Undo the session's last decision: the reverted decisions, where to put the cursor,
    and the sender's name."""
    ids = trainer.undo()
    if not ids:
        return [], None, []
    reverted = []
    for invitation_id in dict.fromkeys(ids):
        log = store.decisions(invitation_id)
        by_id = {d.id: d for d in log}
        undone = next(d for d in reversed(log) if d.action == "undo")
        reverted.append(by_id[undone.undoes])
    invitation = store.get(reverted[-1].invitation_id)
    return reverted, Cursor(invitation.sent_at, invitation.id), [invitation.person.name]


class TrainingDecisions(Decisions):
    """One decision at a time, through ``trainer`` (a training session), on a writer
    thread of its own."""

    def __init__(self, *args, trainer, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.trainer = trainer
        self.writer = Writer("invite-triage-training")

    def close(self) -> None:
        super().close()
        self.writer.close()
        self.writer.join(5.0)

    def write_single(self, invitation_id, status, action, message, assessments, names) -> None:
        self.writer.submit(self._decide_now, invitation_id, action, message, names)

    def write_bulk(self, marks, action, message, names) -> None:
        self._write_failed("training decides one invitation at a time")

    def _decide_now(self, invitation_id: int, action: str, message, names) -> None:
        try:
            decision, verdict, invitation = self.gateway.call(
                decide, self.trainer, invitation_id, action, message
            )
        except Exception as exc:
            self.node.call_later(self._write_failed, error_text(exc))
            return
        outcome = Outcome(action, [decision], names=names, done=1, extra=(verdict, invitation))
        self.node.call_later(self._written, outcome)

    def write_undo(self) -> None:
        self.writer.submit(self._undo_now)

    def _undo_now(self) -> None:
        try:
            reverted, cursor, names = self.gateway.call(undo, self.trainer)
        except Exception as exc:
            self.node.call_later(self._write_failed, error_text(exc))
            return
        moves: dict = {}
        for d in reverted:
            moves[d.new_status, d.previous_status] = (
                moves.get((d.new_status, d.previous_status), 0) + 1
            )
        outcome = Outcome(
            "undo",
            reverted,
            names=names,
            cursor=cursor,
            done=len(reverted),
            moves=moves,
            last=reverted[-1] if reverted else None,
        )
        self.node.call_later(self._written, outcome)
