"""Messages: the question an ask sends, the sender's answer, and which of them still stand.

Every message belongs to an ask decision: the question is written with its ask, and an
answer belongs to the ask it answers (the newest one still standing). Undoing an ask
hides both, so the log stays append-only and asking again shows one question, not two.
Messages read from the platform's ``messages.csv`` carry an ``external_key`` so that
importing the same file again adds nothing, even after the ask they belong to was undone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from tui.domain.models import Assessment, Invitation
from tui.store import rows
from tui.store.errors import StoreError


def visible(alias: str) -> str:
    """SQL true for a message (table alias ``alias``) that still stands: one whose ask
    has not been undone."""
    return (
        f"({alias}.decision_id IS NULL OR NOT EXISTS "
        f"(SELECT 1 FROM decisions u WHERE u.undoes = {alias}.decision_id))"
    )


VISIBLE = visible("m")
# The newest ask on an invitation that has not been undone.
_CURRENT_ASK = (
    "SELECT d.id, d.decided_at FROM decisions d WHERE d.invitation_id = ? AND d.action = 'ask' "
    "AND NOT EXISTS (SELECT 1 FROM decisions u WHERE u.undoes = d.id) ORDER BY d.id DESC LIMIT 1"
)
# Statuses a reply may be recorded in: you asked, and perhaps they answered already.
REPLYABLE = ("asked", "replied")
KEY_CHUNK = 500


class MessageLog:
    """Mixed into :class:`~tui.store.store.Store`; relies on its ``conn``, ``transaction``,
    ``clock`` and ``get``."""

    def visible_messages(self, invitation_id: int) -> list:
        return self.conn.execute(
            f"SELECT m.direction, m.body, m.at FROM messages m "
            f"WHERE m.invitation_id = ? AND {VISIBLE} ORDER BY m.id",
            (invitation_id,),
        ).fetchall()

    def asked_at(self, invitation_id: int) -> str | None:
        """When the ask an invitation stands on was made (None when there is none)."""
        row = self.conn.execute(_CURRENT_ASK, (invitation_id,)).fetchone()
        return None if row is None else row["decided_at"]

    def _add_message(
        self,
        conn,
        invitation_id: int,
        direction: str,
        body: str,
        at: str,
        decision_id: int | None,
        external_key: str | None = None,
    ) -> None:
        conn.execute(
            "INSERT INTO messages (invitation_id, direction, body, at, decision_id, "
            "external_key) VALUES (?, ?, ?, ?, ?, ?)",
            (invitation_id, direction, body, at, decision_id, external_key),
        )

    def record_reply(
        self,
        invitation_id: int,
        body: str,
        *,
        at: str | None = None,
        assessment: Assessment | None = None,
        assess: Callable[[Invitation], Assessment] | None = None,
        external_key: str | None = None,
    ) -> Invitation:
        """The sender answered your ask: store the answer, move the invitation to replied,
        and refresh its stored flags and recommendation; returns the invitation as it now is.

        One transaction. ``assess`` (the app's policy) is given the invitation with its new
        reply; ``assessment`` is a ready one instead. Only an asked (or already replied)
        invitation takes a reply, and it needs some text; anything else is a StoreError.
        """
        with self.transaction() as conn:
            self._check_replyable(conn, invitation_id, body)
            self._write_reply(
                conn, invitation_id, body, at or self.clock(), assessment, external_key
            )
            if assess is not None:
                rows.write_assessment(conn, invitation_id, assess(self.get(invitation_id)))
            return self.get(invitation_id)

    def _write_reply(
        self, conn, invitation_id: int, body: str, at: str, assessment, external_key=None
    ) -> None:
        """Inside a caller's transaction: the message, the replied status, the new flags."""
        ask = conn.execute(_CURRENT_ASK, (invitation_id,)).fetchone()
        self._add_message(
            conn, invitation_id, "in", body, at, None if ask is None else ask["id"], external_key
        )
        conn.execute(
            "UPDATE invitations SET status = 'replied' WHERE id = ? AND status = 'asked'",
            (invitation_id,),
        )
        if assessment is not None:
            rows.write_assessment(conn, invitation_id, assessment)

    def add_replies(
        self,
        replies: Iterable[tuple[int, str, str, str | None]],
        assess: Callable[[Invitation], Assessment],
    ) -> None:
        """Many answers at once (an import): ``(invitation_id, body, at, external_key)``
        each, checked as :meth:`record_reply` checks them; each invitation touched is
        assessed once, after its last answer. One transaction."""
        touched: dict[int, None] = {}
        with self.transaction() as conn:
            for invitation_id, body, at, key in replies:
                self._check_replyable(conn, invitation_id, body)
                self._write_reply(conn, invitation_id, body, at, None, key)
                touched[invitation_id] = None
            for invitation_id in touched:
                rows.write_assessment(conn, invitation_id, assess(self.get(invitation_id)))

    def _check_replyable(self, conn, invitation_id: int, body: str) -> None:
        if not body or not body.strip():
            raise StoreError("a reply needs some text")
        row = conn.execute("SELECT status FROM invitations WHERE id = ?", (invitation_id,))
        found = row.fetchone()
        if found is None:
            raise StoreError(f"no invitation with id {invitation_id}")
        if found["status"] not in REPLYABLE:
            raise StoreError(
                f"invitation {invitation_id} is {found['status']}: a reply answers an ask"
            )

    def record_ask(
        self, invitation_id: int, body: str, *, at: str, session: str, external_key: str
    ):
        """An ask made on the platform (read from ``messages.csv``): the decision, dated
        when the message was sent, and its message under ``external_key``."""
        return self.record_decisions(
            [invitation_id], "ask", session=session, message=body, at=at, message_key=external_key
        )[0]

    def known_message_keys(self, keys: Iterable[str]) -> set[str]:
        """Which of these external keys are stored already (undone asks' messages too)."""
        keys = list(keys)
        found: set[str] = set()
        for start in range(0, len(keys), KEY_CHUNK):
            chunk = keys[start : start + KEY_CHUNK]
            marks = ", ".join("?" * len(chunk))
            sql = f"SELECT external_key FROM messages WHERE external_key IN ({marks})"
            found.update(row[0] for row in self.conn.execute(sql, chunk))
        return found

    def reply_candidates(self) -> list[tuple[int, str, str, str, str | None]]:
        """Incoming invitations from your own data that an ask or a reply could belong to:
        ``(id, profile_url, sent_at, status, asked_at)`` for pending, asked and replied ones
        with a profile URL, imported from the export or JSON Lines (not demo or training
        invitations, whose URLs are made up)."""
        found = self.conn.execute(
            "SELECT i.id, p.profile_url, i.sent_at, i.status FROM invitations i "
            "JOIN people p ON p.id = i.person_id WHERE i.direction = 'incoming' "
            "AND i.status IN ('pending', 'asked', 'replied') AND p.profile_url IS NOT NULL "
            "AND i.source IN ('export', 'jsonl')"
        ).fetchall()
        return [
            (r["id"], r["profile_url"], r["sent_at"], r["status"], self.asked_at(r["id"]))
            for r in found
        ]
