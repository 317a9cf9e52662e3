"""Decisions and undo: the write side a user's key presses reach.

An ask's message is written with it (see :mod:`tui.store.messages`); undoing the ask hides
that message and any answer to it.
"""

from __future__ import annotations

from tui.domain.models import ACTIONS, Assessment, Decision
from tui.store import rows
from tui.store.errors import StoreError

NEW_STATUS = {"accept": "accepted", "ignore": "ignored", "ask": "asked"}
# Statuses a decision may be taken from: outgoing invitations ("sent") are read-only.
DECIDABLE = ("pending", "asked", "replied", "accepted", "ignored")


class DecisionLog:
    """Mixed into :class:`~tui.store.store.Store`; relies on its ``transaction``, ``clock``
    and ``_add_message``."""

    # ------------------------------------------------------------------ decisions

    def record_decision(
        self,
        invitation_id: int,
        action: str,
        *,
        session: str | None = None,
        note: str | None = None,
        assessment: Assessment | None = None,
        message: str | None = None,
    ) -> Decision:
        """Store one decision in its own transaction; returns it once it is on disk."""
        return self.record_decisions(
            [invitation_id],
            action,
            session=session,
            note=note,
            assessments={invitation_id: assessment} if assessment else None,
            message=message,
        )[0]

    def record_decisions(
        self,
        invitation_ids: list[int],
        action: str,
        *,
        session: str | None = None,
        note: str | None = None,
        assessments: dict[int, Assessment] | None = None,
        message: str | None = None,
    ) -> list[Decision]:
        """Apply one action to several invitations atomically; undo reverts them together."""
        if action not in ACTIONS:
            raise StoreError(f"unknown action {action!r} (expected one of {', '.join(ACTIONS)})")
        if not invitation_ids:
            return []
        now = self.clock()
        new_status = NEW_STATUS[action]
        with self.transaction() as conn:
            batch = conn.execute("SELECT coalesce(max(batch), 0) + 1 FROM decisions").fetchone()[0]
            made = []
            for invitation_id in invitation_ids:
                made.append(
                    self._decide_one(
                        conn,
                        invitation_id,
                        action,
                        new_status,
                        now,
                        session,
                        batch,
                        note,
                        (assessments or {}).get(invitation_id),
                        message,
                    )
                )
        return made

    def _decide_one(
        self,
        conn,
        invitation_id,
        action,
        new_status,
        now,
        session,
        batch,
        note,
        assessment,
        message,
        message_key=None,
    ) -> Decision:
        row = conn.execute(
            "SELECT status, flag_codes, recommended FROM invitations WHERE id = ?",
            (invitation_id,),
        ).fetchone()
        if row is None:
            raise StoreError(f"no invitation with id {invitation_id}")
        if row["status"] not in DECIDABLE:
            raise StoreError(f"invitation {invitation_id} is {row['status']} and cannot be decided")
        flag_codes = ";".join(assessment.flag_codes) if assessment else row["flag_codes"]
        recommended = assessment.recommended if assessment else row["recommended"]
        cursor = conn.execute(
            "INSERT INTO decisions (invitation_id, action, decided_at, previous_status, "
            "new_status, session, batch, note, flag_codes, recommended) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                invitation_id,
                action,
                now,
                row["status"],
                new_status,
                session,
                batch,
                note,
                flag_codes,
                recommended,
            ),
        )
        conn.execute("UPDATE invitations SET status = ? WHERE id = ?", (new_status, invitation_id))
        if message is not None:
            self._add_message(
                conn, invitation_id, "out", message, now, cursor.lastrowid, message_key
            )
        found = conn.execute("SELECT * FROM decisions WHERE id = ?", (cursor.lastrowid,))
        return rows.decision_from_row(found.fetchone())

    def undo_last(self, *, session: str | None = None) -> list[Decision]:
        """Revert the newest batch of decisions not yet undone (of ``session`` if given).

        The log stays append-only: each revert is an ``undo`` entry pointing at the decision
        it reverts. Returns the decisions that were reverted (empty when nothing is left).
        """
        now = self.clock()
        scope, params = ("AND d.session = ?", [session]) if session is not None else ("", [])
        with self.transaction() as conn:
            last = conn.execute(
                "SELECT d.batch FROM decisions d WHERE d.action != 'undo' "
                "AND NOT EXISTS (SELECT 1 FROM decisions u WHERE u.undoes = d.id) "
                f"{scope} ORDER BY d.id DESC LIMIT 1",
                params,
            ).fetchone()
            if last is None:
                return []
            targets = conn.execute(
                "SELECT * FROM decisions d WHERE d.batch = ? AND d.action != 'undo' "
                "AND NOT EXISTS (SELECT 1 FROM decisions u WHERE u.undoes = d.id) "
                "ORDER BY d.id DESC",
                (last["batch"],),
            ).fetchall()
            undo_batch = conn.execute("SELECT max(batch) + 1 FROM decisions").fetchone()[0]
            for target in targets:
                current = conn.execute(
                    "SELECT status FROM invitations WHERE id = ?", (target["invitation_id"],)
                ).fetchone()["status"]
                conn.execute(
                    "INSERT INTO decisions (invitation_id, action, decided_at, previous_status, "
                    "new_status, session, batch, undoes) VALUES (?, 'undo', ?, ?, ?, ?, ?, ?)",
                    (
                        target["invitation_id"],
                        now,
                        current,
                        target["previous_status"],
                        target["session"],
                        undo_batch,
                        target["id"],
                    ),
                )
                conn.execute(
                    "UPDATE invitations SET status = ? WHERE id = ?",
                    (target["previous_status"], target["invitation_id"]),
                )
        return [rows.decision_from_row(t) for t in targets]

    def decisions(self, invitation_id: int | None = None) -> list[Decision]:
        """The decision log (undo entries included), oldest first."""
        if invitation_id is None:
            found = self.conn.execute("SELECT * FROM decisions ORDER BY id")
        else:
            found = self.conn.execute(
                "SELECT * FROM decisions WHERE invitation_id = ? ORDER BY id", (invitation_id,)
            )
        return [rows.decision_from_row(r) for r in found]
