"""Decisions and undo: the write side a user's key presses reach.

An ask's message is written with it (see :mod:`tui.store.messages`); undoing the ask hides
that message and any answer to it.

Several windows and commands may write to one inbox at once, so two rules hold here:

- A decision can say what it expects to find (``expect``: the status the user saw). If
  another window decided the invitation meanwhile, the decision is refused (or, in a bulk
  decision, that invitation is skipped) rather than silently decided on top of theirs.
- Undo never reverts someone else's later decision: if an invitation was decided again
  after the decision being undone (and that later decision still stands), undo refuses.

Bulk decisions and their undo can be written in chunks (``batch`` ties the chunks of one
decision together, and undo reverts a batch chunk by chunk): see :mod:`tui.store.chunks`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Literal

from tui.domain.models import ACTIONS, Assessment, Decision
from tui.store import rows
from tui.store.errors import ChangedElsewhere, StoreError

NEW_STATUS = {"accept": "accepted", "ignore": "ignored", "ask": "asked"}
# Statuses a decision may be taken from: outgoing invitations ("sent") are read-only.
DECIDABLE = ("pending", "asked", "replied", "accepted", "ignored")

# A decision (not an undo entry) that no undo entry points at.
_STANDING = "d.action != 'undo' AND NOT EXISTS (SELECT 1 FROM decisions u WHERE u.undoes = d.id)"
# ... and a later standing decision on the same invitation, by anyone (aliases d and later).
_SUPERSEDED = (
    "EXISTS (SELECT 1 FROM decisions later WHERE later.invitation_id = d.invitation_id "
    "AND later.id > d.id AND later.action != 'undo' "
    "AND NOT EXISTS (SELECT 1 FROM decisions u2 WHERE u2.undoes = later.id))"
)
_INSERT_DECISION = (
    "INSERT INTO decisions (invitation_id, action, decided_at, previous_status, new_status, "
    "session, batch, note, flag_codes, recommended) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
NAME_LIMIT = 40


def _name(text: str | None) -> str:
    text = text or "an invitation"
    return text if len(text) <= NAME_LIMIT else text[: NAME_LIMIT - 1] + "…"


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
        expect: str | None = None,
    ) -> Decision:
        """Store one decision in its own transaction; returns it once it is on disk.

        ``expect``: the status the user saw; if the invitation has another one now (someone
        else decided it meanwhile), :class:`ChangedElsewhere` is raised and nothing changes.
        """
        return self.record_decisions(
            [invitation_id],
            action,
            session=session,
            note=note,
            assessments={invitation_id: assessment} if assessment else None,
            message=message,
            expect=None if expect is None else {invitation_id: expect},
        )[0]

    def record_decisions(
        self,
        invitation_ids: list[int],
        action: str,
        *,
        session: str | None = None,
        note: str | None = None,
        assessments: Mapping[int, Assessment] | None = None,
        message: str | None = None,
        expect: Mapping[int, str] | None = None,
        changed: Literal["refuse", "skip"] = "refuse",
        batch: int | None = None,
        at: str | None = None,
        message_key: str | None = None,
    ) -> list[Decision]:
        """Apply one action to several invitations in one transaction; undo reverts them
        together (with every other chunk written under the same ``batch``).

        ``expect`` maps ids to the status each was seen with. An invitation found in
        another status was decided elsewhere meanwhile: ``changed="refuse"`` raises
        :class:`ChangedElsewhere` and writes nothing, ``"skip"`` leaves it out (it is then
        missing from the result). ``batch`` continues a batch begun by an earlier chunk.
        ``at`` dates the decision (an ask read from an export: when it was sent; default
        now) and ``message_key`` is the ask message's key in that export.
        """
        if action not in ACTIONS:
            raise StoreError(f"unknown action {action!r} (expected one of {', '.join(ACTIONS)})")
        if not invitation_ids:
            return []
        now = at or self.clock()
        new_status = NEW_STATUS[action]
        assessments = assessments or {}
        with self.transaction() as conn:
            found = {
                row[0]: row
                for row in conn.execute(
                    "SELECT i.id, i.status, i.flag_codes, i.recommended, p.name "
                    "FROM invitations i JOIN people p ON p.id = i.person_id "
                    "WHERE i.id IN (SELECT value FROM json_each(?))",
                    (json.dumps(list(invitation_ids)),),
                )
            }
            values = []
            for invitation_id in invitation_ids:
                row = found.get(invitation_id)
                if row is None:
                    if changed == "skip":
                        continue
                    raise StoreError(f"no invitation with id {invitation_id}")
                status = row[1]
                wanted = None if expect is None else expect.get(invitation_id)
                if wanted is not None and status != wanted:
                    if changed == "skip":
                        continue
                    raise ChangedElsewhere(
                        f"{_name(row[4])} was just decided in another window (now {status}); "
                        "nothing changed here"
                    )
                if status not in DECIDABLE:
                    raise StoreError(
                        f"invitation {invitation_id} is {status} and cannot be decided"
                    )
                assessment = assessments.get(invitation_id)
                flag_codes = ";".join(assessment.flag_codes) if assessment else row[2]
                recommended = assessment.recommended if assessment else row[3]
                values.append([invitation_id, action, now, status, new_status, session, None])
                values[-1] += [note, flag_codes, recommended]
            if not values:
                return []
            if batch is None:
                batch = conn.execute(
                    "SELECT coalesce(max(batch), 0) + 1 FROM decisions"
                ).fetchone()[0]
            for value in values:
                value[6] = batch
            first = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM decisions").fetchone()[0]
            conn.executemany(_INSERT_DECISION, values)
            conn.execute(
                "UPDATE invitations SET status = ? WHERE id IN (SELECT value FROM json_each(?))",
                (new_status, json.dumps([value[0] for value in values])),
            )
            if message is not None:
                # Decision ids were handed out in order from ``first``: each question
                # belongs to its ask, so undoing the ask withdraws it.
                for offset, value in enumerate(values):
                    self._add_message(
                        conn, value[0], "out", message, now, first + offset, message_key
                    )
            made = conn.execute(
                "SELECT * FROM decisions WHERE id >= ? ORDER BY id", (first,)
            ).fetchall()
        return [rows.decision_from_row(row) for row in made]

    # ------------------------------------------------------------------ undo

    def undo_target(self, *, session: str | None = None) -> int | None:
        """The batch the next undo reverts: the newest with a decision still standing
        (of ``session`` if given), or None when nothing is left to undo."""
        scope, params = ("AND d.session = ?", [session]) if session is not None else ("", [])
        found = self.conn.execute(
            f"SELECT d.batch FROM decisions d WHERE {_STANDING} {scope} ORDER BY d.id DESC LIMIT 1",
            params,
        ).fetchone()
        return None if found is None else found[0]

    def undo_check(self, batch: int) -> int:
        """Refuse (:class:`ChangedElsewhere`) if any standing decision of ``batch`` was
        followed by a later standing one on the same invitation; else return how many
        decisions of the batch an undo would revert."""
        conflict = self.conn.execute(
            "SELECT p.name, i.status FROM decisions d "
            "JOIN invitations i ON i.id = d.invitation_id JOIN people p ON p.id = i.person_id "
            f"WHERE d.batch = ? AND {_STANDING} AND {_SUPERSEDED} LIMIT 1",
            (batch,),
        ).fetchone()
        if conflict is not None:
            raise ChangedElsewhere(
                f"not undone: {_name(conflict[0])} was decided again elsewhere since "
                f"(now {conflict[1]}); nothing changed"
            )
        return self.conn.execute(
            f"SELECT count(*) FROM decisions d WHERE d.batch = ? AND {_STANDING}", (batch,)
        ).fetchone()[0]

    def undo_batch(
        self, batch: int, *, limit: int | None = None, below: int | None = None
    ) -> list[Decision]:
        """Revert up to ``limit`` standing decisions of ``batch`` (newest first, and with an
        id below ``below`` if given) in one transaction; returns those reverted (empty once
        none is left). Chunks pass the last id they reverted as the next ``below``, so each
        starts where the one before stopped instead of stepping over what it undid.

        A decision that another window has since decided over is never reverted: it is
        left standing, so a later :meth:`undo_check` of the batch names it.
        """
        now = self.clock()
        with self.transaction() as conn:
            targets = conn.execute(
                f"SELECT d.* FROM decisions d WHERE d.batch = ? AND d.id < ? AND {_STANDING} "
                f"AND NOT {_SUPERSEDED} ORDER BY d.id DESC LIMIT ?",
                (batch, below if below is not None else 1 << 62, -1 if limit is None else limit),
            ).fetchall()
            if targets:
                self._write_undo(conn, targets, now)
        return [rows.decision_from_row(t) for t in targets]

    def _write_undo(self, conn, targets, now: str) -> None:
        undo_batch = conn.execute("SELECT coalesce(max(batch), 0) + 1 FROM decisions").fetchone()[0]
        current = {
            row[0]: row[1]
            for row in conn.execute(
                "SELECT id, status FROM invitations WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps([t["invitation_id"] for t in targets]),),
            )
        }
        conn.executemany(
            "INSERT INTO decisions (invitation_id, action, decided_at, previous_status, "
            "new_status, session, batch, undoes) VALUES (?, 'undo', ?, ?, ?, ?, ?, ?)",
            [
                (
                    t["invitation_id"],
                    now,
                    current[t["invitation_id"]],
                    t["previous_status"],
                    t["session"],
                    undo_batch,
                    t["id"],
                )
                for t in targets
            ],
        )
        conn.executemany(
            "UPDATE invitations SET status = ? WHERE id = ?",
            [(t["previous_status"], t["invitation_id"]) for t in targets],
        )

    def undo_last(self, *, session: str | None = None) -> list[Decision]:
        """Revert the newest batch of decisions not yet undone (of ``session`` if given), in
        one transaction. Refuses (:class:`ChangedElsewhere`, nothing changed) when any of
        them was decided again elsewhere since.

        The log stays append-only: each revert is an ``undo`` entry pointing at the decision
        it reverts. Returns the decisions that were reverted (empty when nothing is left).
        """
        with self.transaction():
            batch = self.undo_target(session=session)
            if batch is None:
                return []
            self.undo_check(batch)
            # Nested in this transaction: undo_batch joins it (see Store.transaction).
            return self.undo_batch(batch)

    def decisions(self, invitation_id: int | None = None) -> list[Decision]:
        """The decision log (undo entries included), oldest first."""
        if invitation_id is None:
            found = self.conn.execute("SELECT * FROM decisions ORDER BY id")
        else:
            found = self.conn.execute(
                "SELECT * FROM decisions WHERE invitation_id = ? ORDER BY id", (invitation_id,)
            )
        return [rows.decision_from_row(r) for r in found]
