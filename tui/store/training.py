"""Simulator and training tables: scheduled replies, training sessions and their results.

Mixed into :class:`~tui.store.store.Store` so the simulator never writes SQL of its own.
Times are ISO 8601 strings from the store's clock; they compare correctly as text because
one clock writes them all in one format.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from tui.domain.models import Assessment
from tui.store.schema import migrate

# The newest ask on an invitation that has not been undone.
_LIVE_ASK = (
    "SELECT max(d.id) FROM decisions d WHERE d.invitation_id = i.id AND d.action = 'ask' "
    "AND NOT EXISTS (SELECT 1 FROM decisions u WHERE u.undoes = d.id)"
)


@dataclass(frozen=True, slots=True)
class PendingAsk:
    """An invitation waiting on an ask whose reply the simulator has not timed yet."""

    invitation_id: int
    ask_decision_id: int
    asked_at: str
    intent: str | None
    planned: bool  # a scripted (or earlier drawn) reply already exists


@dataclass(frozen=True, slots=True)
class DueReply:
    invitation_id: int
    body: str
    due_at: str
    ask_decision_id: int


@dataclass(frozen=True, slots=True)
class SessionRow:
    id: str
    trainee: str
    scenario: str
    strategy: str | None
    policy: str | None
    started_at: str
    finished_at: str | None
    score: int | None
    max_score: int | None


@dataclass(frozen=True, slots=True)
class ResultRow:
    """One invitation's outcome in a session: what happened, and what it was worth."""

    slot: str
    name: str
    intent: str | None
    difficulty: int | None
    outcome: str
    recommended: str | None
    matched_policy: bool | None
    points: int
    max_points: int
    mistake: str | None
    flag_codes: tuple[str, ...] = ()
    decided_at: str | None = None
    reply: str | None = None
    verdict: str | None = None  # correct, extra-step, cue-missed or misled (settled only)
    cue: str | None = None  # the cue there to see, or the one that misled
    caught_by: tuple[str, ...] = ()  # misled: cue codes that could have caught it ("ask")
    policy_points: int | None = None  # what following the policy would have scored


_RESULT_COLUMNS = (
    "slot, name, intent, difficulty, outcome, recommended, matched_policy, points, "
    "max_points, mistake, flag_codes, decided_at, reply, verdict, cue, caught_by, policy_points"
)


class TrainingTables:
    """Mixed into the Store; relies on its ``conn``, ``transaction`` and ``clock``."""

    @classmethod
    def in_memory(cls, *, clock: Callable[[], str] | None = None):
        """A fresh, migrated store that lives in memory (headless simulations)."""
        conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn, 0)
        return cls(conn) if clock is None else cls(conn, clock=clock)

    # ------------------------------------------------------------------ scheduled replies

    def plan_replies(self, plans: Iterable[tuple[int, str | None, float]], *, origin: str) -> None:
        """Say ahead how senders will answer an ask: ``(invitation_id, body|None, delay)``.

        ``None`` is a sender who stays silent. Replaces any plan not yet delivered.
        """
        with self.transaction() as conn:
            conn.executemany(
                "INSERT INTO sim_replies (invitation_id, body, delay_seconds, origin) "
                "VALUES (?, ?, ?, ?) ON CONFLICT(invitation_id) DO UPDATE SET "
                "body = excluded.body, delay_seconds = excluded.delay_seconds, "
                "origin = excluded.origin WHERE delivered_at IS NULL",
                [(i, body, float(delay), origin) for i, body, delay in plans],
            )

    def pending_asks(self) -> list[PendingAsk]:
        """Asked invitations whose latest ask is not on the reply clock yet.

        That is a new ask, or a new ask after the earlier one was undone; an invitation
        that already received its reply is not asked twice.
        """
        sql = (
            "SELECT * FROM (SELECT i.id, p.intent, r.invitation_id AS planned, "
            f"r.ask_decision_id AS clocked, r.delivered_at, ({_LIVE_ASK}) AS ask_id "
            "FROM invitations i JOIN people p ON p.id = i.person_id "
            "LEFT JOIN sim_replies r ON r.invitation_id = i.id WHERE i.status = 'asked') "
            "WHERE ask_id IS NOT NULL AND delivered_at IS NULL "
            "AND (clocked IS NULL OR clocked != ask_id) ORDER BY ask_id"
        )
        found = []
        for row in self.conn.execute(sql).fetchall():
            asked_at = self.conn.execute(
                "SELECT decided_at FROM decisions WHERE id = ?", (row["ask_id"],)
            ).fetchone()[0]
            found.append(
                PendingAsk(
                    row["id"], row["ask_id"], asked_at, row["intent"], row["planned"] is not None
                )
            )
        return found

    def planned_reply(self, invitation_id: int) -> tuple[str | None, float] | None:
        """How the sender will answer an ask ``(body or None for silence, delay)``, if planned."""
        row = self.conn.execute(
            "SELECT body, delay_seconds FROM sim_replies WHERE invitation_id = ?",
            (invitation_id,),
        ).fetchone()
        return None if row is None else (row[0], row[1])

    def reply_delay(self, invitation_id: int) -> float:
        """How long after an ask the planned reply comes (0 when nothing is planned)."""
        row = self.conn.execute(
            "SELECT delay_seconds FROM sim_replies WHERE invitation_id = ?", (invitation_id,)
        ).fetchone()
        return 0.0 if row is None else row[0]

    def start_reply_clock(self, invitation_id: int, ask_decision_id: int, due_at: str) -> None:
        with self.transaction() as conn:
            conn.execute(
                "UPDATE sim_replies SET ask_decision_id = ?, due_at = ? "
                "WHERE invitation_id = ? AND delivered_at IS NULL",
                (ask_decision_id, due_at, invitation_id),
            )

    def due_replies(self, now: str) -> list[DueReply]:
        """Replies whose time has come and that have not been delivered, oldest first."""
        found = self.conn.execute(
            "SELECT invitation_id, body, due_at, ask_decision_id FROM sim_replies "
            "WHERE due_at IS NOT NULL AND delivered_at IS NULL AND body IS NOT NULL "
            "AND due_at <= ? ORDER BY due_at, invitation_id",
            (now,),
        )
        return [DueReply(*row) for row in found]

    def next_reply_due(self) -> str | None:
        """When the next scheduled reply falls due (None when nothing is on the clock)."""
        return self.conn.execute(
            "SELECT min(due_at) FROM sim_replies "
            "WHERE due_at IS NOT NULL AND delivered_at IS NULL AND body IS NOT NULL"
        ).fetchone()[0]

    def is_undone(self, decision_id: int) -> bool:
        sql = "SELECT 1 FROM decisions WHERE undoes = ?"
        return self.conn.execute(sql, (decision_id,)).fetchone() is not None

    def stop_reply_clock(self, invitation_id: int) -> None:
        """The ask was undone: the sender never got it, so nothing will arrive."""
        with self.transaction() as conn:
            conn.execute(
                "UPDATE sim_replies SET due_at = NULL, ask_decision_id = NULL "
                "WHERE invitation_id = ? AND delivered_at IS NULL",
                (invitation_id,),
            )

    def deliver_reply(
        self, invitation_id: int, body: str, *, at: str, assessment: Assessment | None
    ) -> None:
        """Store a simulated reply exactly once: message, status, flags and mark together."""
        with self.transaction() as conn:
            marked = conn.execute(
                "UPDATE sim_replies SET delivered_at = ? "
                "WHERE invitation_id = ? AND delivered_at IS NULL",
                (at, invitation_id),
            ).rowcount
            if not marked:
                return
            self._write_reply(conn, invitation_id, body, at, assessment)

    def external_keys(self, ids: Iterable[int]) -> dict[int, str | None]:
        """The stable keys (scenario slots, import keys) of some invitations."""
        ids = list(ids)
        found: dict[int, str | None] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            sql = f"SELECT id, external_key FROM invitations WHERE id IN ({marks})"
            found.update((row[0], row[1]) for row in self.conn.execute(sql, chunk))
        return found

    def assessment_of(self, invitation_id: int) -> Assessment:
        """The flags and recommendation stored with an invitation right now."""
        row = self.conn.execute(
            "SELECT flag_codes, recommended FROM invitations WHERE id = ?", (invitation_id,)
        ).fetchone()
        if row is None:
            return Assessment()
        codes = tuple(c for c in (row[0] or "").split(";") if c)
        return Assessment(flag_codes=codes, recommended=row[1])

    def ids_for_keys(self, keys: Iterable[str]) -> dict[str, int]:
        """Invitation ids by external key (keys not stored are left out)."""
        keys = list(keys)
        found: dict[str, int] = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            sql = f"SELECT external_key, id FROM invitations WHERE external_key IN ({marks})"
            found.update((row[0], row[1]) for row in self.conn.execute(sql, chunk))
        return found

    def set_difficulty(self, ratings: Iterable[tuple[int, int]]) -> None:
        """Store difficulty ratings ``(invitation_id, 1..5)`` computed after the fact."""
        with self.transaction() as conn:
            conn.executemany(
                "UPDATE invitations SET difficulty = ? WHERE id = ?",
                [(level, invitation_id) for invitation_id, level in ratings],
            )

    # ------------------------------------------------------------------ training results

    def start_session(
        self,
        session_id: str,
        *,
        trainee: str,
        scenario: str,
        strategy: str | None = None,
        policy: str | None = None,
    ) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO training_sessions (id, trainee, scenario, strategy, policy, "
                "started_at) VALUES (?, ?, ?, ?, ?, ?)",
                (session_id, trainee, scenario, strategy, policy, self.clock()),
            )

    def save_results(self, session_id: str, results: Iterable[ResultRow]) -> None:
        """Write (or rewrite) invitations' results; one row per scenario slot."""
        values = [
            (
                session_id,
                r.slot,
                r.name,
                r.intent,
                r.difficulty,
                r.outcome,
                r.recommended,
                None if r.matched_policy is None else int(r.matched_policy),
                r.points,
                r.max_points,
                r.mistake,
                ";".join(r.flag_codes),
                r.decided_at,
                r.reply,
                r.verdict,
                r.cue,
                ";".join(r.caught_by),
                r.policy_points,
            )
            for r in results
        ]
        with self.transaction() as conn:
            conn.executemany(
                f"INSERT INTO training_results (session_id, {_RESULT_COLUMNS}) "
                f"VALUES ({', '.join('?' * 18)}) ON CONFLICT(session_id, slot) DO UPDATE SET "
                + ", ".join(
                    f"{c.strip()} = excluded.{c.strip()}" for c in _RESULT_COLUMNS.split(",")[1:]
                ),
                values,
            )

    def finish_session(self, session_id: str, *, score: int, max_score: int) -> None:
        with self.transaction() as conn:
            conn.execute(
                "UPDATE training_sessions SET finished_at = ?, score = ?, max_score = ? "
                "WHERE id = ?",
                (self.clock(), score, max_score, session_id),
            )

    def sessions(self, trainee: str | None = None) -> list[SessionRow]:
        """Training sessions, oldest first (of one trainee when given)."""
        sql = "SELECT * FROM training_sessions"
        params: list = []
        if trainee is not None:
            sql += " WHERE trainee = ?"
            params.append(trainee)
        sql += " ORDER BY started_at, rowid"  # rowid: sessions begun in the same second
        return [
            SessionRow(
                r["id"],
                r["trainee"],
                r["scenario"],
                r["strategy"],
                r["policy"],
                r["started_at"],
                r["finished_at"],
                r["score"],
                r["max_score"],
            )
            for r in self.conn.execute(sql, params)
        ]

    def results(self, session_id: str) -> list[ResultRow]:
        found = self.conn.execute(
            f"SELECT {_RESULT_COLUMNS} FROM training_results WHERE session_id = ? ORDER BY id",
            (session_id,),
        )
        return [
            ResultRow(
                slot=r["slot"],
                name=r["name"],
                intent=r["intent"],
                difficulty=r["difficulty"],
                outcome=r["outcome"],
                recommended=r["recommended"],
                matched_policy=None if r["matched_policy"] is None else bool(r["matched_policy"]),
                points=r["points"],
                max_points=r["max_points"],
                mistake=r["mistake"],
                flag_codes=tuple(c for c in (r["flag_codes"] or "").split(";") if c),
                decided_at=r["decided_at"],
                reply=r["reply"],
                verdict=r["verdict"],
                cue=r["cue"],
                caught_by=tuple(c for c in (r["caught_by"] or "").split(";") if c),
                policy_points=r["policy_points"],
            )
            for r in found
        ]
