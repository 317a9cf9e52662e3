"""Training's decisions: each goes through the session, which records it and answers with
a verdict; undo goes through the session too, so the saved results follow."""

from __future__ import annotations

from tui.store import Cursor, Store
from tui.ui.gateway import error_text
from tui.ui.inbox.decisions import Decisions, Outcome


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
    """One decision at a time, through ``trainer`` (a training session)."""

    def __init__(self, *args, trainer, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.trainer = trainer

    def record_now(self, ids, marks, action, message, assessments, names) -> None:
        try:
            if not ids or len(ids) != 1:
                raise ValueError("training decides one invitation at a time")
            decision, verdict, invitation = self.gateway.call(
                decide, self.trainer, ids[0], action, message
            )
        except Exception as exc:
            self.node.call_later(self._write_failed, error_text(exc))
            return
        outcome = Outcome(action, [decision], names=names, extra=(verdict, invitation))
        self.node.call_later(self._written, outcome)

    def undo_now(self) -> None:
        try:
            reverted, cursor, names = self.gateway.call(undo, self.trainer)
        except Exception as exc:
            self.node.call_later(self._write_failed, error_text(exc))
            return
        self.node.call_later(self._written, Outcome("undo", reverted, False, names, cursor))
