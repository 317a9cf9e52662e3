"""Training mode without a screen: the API the training UI calls.

A session puts a scenario into an inbox store, lets the trainee decide, and answers each
decision with a :class:`Verdict`: the flags now revealed, the policy's recommendation,
whether the decision matched it, and, once the invitation is settled, the sender's real
intent and the points earned. After an "ask" the intent stays hidden until the trainee
decides on the reply (or gives up waiting), otherwise the reveal would spoil the reply.

Results are written after every decision to ``results`` (which may be the same store),
so a crash mid-session loses nothing, and :meth:`TrainingSession.finish` closes the
session with its score. The UI keeps calling :meth:`tick` (or the app's own simulator)
so replies arrive.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from tui.domain.models import Flag, Recommendation
from tui.simulate import scenarios
from tui.simulate.clock import DrivenClock
from tui.simulate.reference import ASK_MESSAGE, reference_assessment, stage_of
from tui.simulate.results import Summary, consequence, result_for, summarize
from tui.simulate.simulator import SimEvents, Simulator
from tui.simulate.verdict import Judgement, judge
from tui.store.training import ResultRow


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the trainee sees once they have decided."""

    invitation_id: int
    action: str
    flags: tuple[Flag, ...]  # red flags and positive signals, now revealed
    recommendation: Recommendation  # what the policy advised before this decision
    matched_policy: bool
    settled: bool  # accepted or ignored: the intent and points are known
    intent: str | None  # None until settled
    points: int | None
    max_points: int | None
    explanation: str | None  # the verdict in words: what it cost, why, what would have told
    # Why, scored on what the trainee could see (None until settled, or for real data):
    # kind, the cue to highlight, what would have caught it. See tui/simulate/verdict.py.
    judgement: Judgement | None = None

    @property
    def kind(self) -> str | None:
        """correct, extra-step, cue-missed or misled; None until settled."""
        return self.judgement.kind if self.judgement else None


@dataclass(frozen=True, slots=True)
class Report:
    """The end of a session: totals, every row, and the mistakes with their flags."""

    session_id: str
    trainee: str
    scenario: str
    summary: Summary
    rows: tuple[ResultRow, ...]  # unsettled rows masked: counted, never unmasked
    mistake_flags: dict[str, tuple[Flag, ...]]  # slot -> the flags that should have warned
    judgements: dict[str, Judgement]  # slot -> verdict, for every settled invitation

    @property
    def finished_early(self) -> bool:
        return self.summary.undecided > 0


def _checked(trainee: str) -> str:
    trainee = trainee.strip()
    if not trainee:
        raise ValueError("a trainee needs a name")
    return trainee


def new_session_id(now: datetime | None = None) -> str:
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    return f"{stamp}-{secrets.token_hex(3)}"


class TrainingSession:
    def __init__(self, inbox, results, *, session_id, trainee, scenario, built, policy, simulator):
        self.inbox = inbox
        self.results = results
        self.id = session_id
        self.trainee = trainee
        self.scenario = scenario
        self.built = built
        self.policy = policy
        self.simulator = simulator
        self._slots = {invitation_id: slot for slot, invitation_id in built.ids.items()}
        self._decided: set[int] = set()
        self._policy_label: str | None = None

    @classmethod
    def start(cls, inbox, *, trainee: str, **options) -> TrainingSession:
        """Build a scenario into ``inbox`` (a fresh store) and open a session for ``trainee``:
        :meth:`prepare` (``options`` are its keywords), then :meth:`begin`.

        ``clock`` should be the clock ``inbox`` was opened with (a ScaledClock in the app).
        """
        trainee = _checked(trainee)
        session = cls.prepare(inbox, **options)
        session.begin(trainee)
        return session

    @classmethod
    def prepare(
        cls,
        inbox,
        *,
        scenario: str = scenarios.DEFAULT,
        results=None,
        policy=None,
        policy_label: str | None = None,
        clock: DrivenClock | None = None,
        seed: int = 1,
        count: int = 40,
        arrivals_per_hour: float | None = None,
    ) -> TrainingSession:
        """Build ``scenario`` into ``inbox`` for a trainee not named yet: see :meth:`begin`.

        Nothing is written to ``results`` until then, so a served session whose trainee
        leaves before typing a name leaves no trace in the class's results.
        """
        from tui.domain.policy import load_policy

        results = results if results is not None else inbox
        clock = clock or DrivenClock()
        built = scenarios.build_scenario(scenario, inbox, seed=seed, count=count)
        simulator = Simulator(inbox, clock, seed=seed, arrivals_per_hour=arrivals_per_hour)
        session = cls(
            inbox,
            results,
            session_id=new_session_id(),
            trainee="",  # named by begin()
            scenario=built.name,
            built=built,
            policy=policy if policy is not None else load_policy(None),
            simulator=simulator,
        )
        session._policy_label = policy_label
        return session

    def begin(self, trainee: str) -> None:
        """Open the session in ``results`` under ``trainee`` (once)."""
        if self.trainee:
            raise RuntimeError(f"session {self.id} already belongs to a trainee")
        trainee = _checked(trainee)
        self.results.start_session(
            self.id, trainee=trainee, scenario=self.scenario, policy=self._policy_label
        )
        self.trainee = trainee
        self._save(self.built.ids.values())

    # ------------------------------------------------------------------ during the session

    @property
    def invitation_ids(self) -> list[int]:
        return list(self.built.ids.values())

    def revealed(self, invitation_id: int) -> bool:
        """Whether flags may be shown: only once the trainee has decided this invitation."""
        return invitation_id in self._decided

    def tick(self) -> SimEvents:
        """Advance the simulation; live arrivals join the session so they are scored too."""
        events = self.simulator.tick()
        if events.arrivals:
            self.adopt(events.arrivals)
        return events

    def adopt(self, ids) -> None:
        """Make invitations that arrived during the session part of the exercise.

        Each gets a slot named after its external key (``live:SEED:N`` → ``live-SEED-N``).
        """
        ids = [i for i in ids if i not in self._slots]
        if not ids:
            return
        keys = self.inbox.external_keys(ids)
        for invitation_id in ids:
            slot = (keys.get(invitation_id) or f"live:{invitation_id}").replace(":", "-")
            self.built.ids[slot] = invitation_id
            self._slots[invitation_id] = slot

    def decide(self, invitation_id: int, action: str, *, message: str | None = None) -> Verdict:
        """Record the trainee's decision and reveal what it meant."""
        from tui.domain.assessment import evaluate

        invitation = self.inbox.get(invitation_id)
        stage = stage_of(invitation)
        flags, advice = evaluate(invitation, self.policy)
        reference = reference_assessment(invitation, self.policy, stage)
        if action == "ask" and message is None:
            message = ASK_MESSAGE
        self.inbox.record_decision(
            invitation_id, action, session=self.id, assessment=reference, message=message
        )
        self._decided.add(invitation_id)
        (row,) = self._save([invitation_id])
        settled = action in ("accept", "ignore")
        judgement = self.judgement(invitation_id) if settled else None
        explanation = None
        if judgement is not None:
            explanation = f"{judgement.headline} {judgement.explanation}"
        elif settled and row.points < row.max_points:
            explanation = consequence(row)
        return Verdict(
            invitation_id=invitation_id,
            action=action,
            flags=tuple(flags),
            recommendation=Recommendation(reference.recommended or advice.action, advice.reasons),
            matched_policy=action == reference.recommended,
            settled=settled,
            intent=row.intent if settled else None,
            points=row.points if settled else None,
            max_points=row.max_points if settled else None,
            explanation=explanation,
            judgement=judgement,
        )

    def judgement(self, invitation_id: int) -> Judgement | None:
        """The verdict on a settled invitation as it stands (None while it is open)."""
        invitation = self.inbox.get(invitation_id)
        log = self.inbox.decisions(invitation_id)
        undone = {d.undoes for d in log if d.action == "undo"}
        live = [d for d in log if d.action != "undo" and d.id not in undone]
        reply = self.simulator.replies.preview(invitation_id)
        return judge(invitation, live, self.policy, reply)

    def undo(self) -> list[int]:
        """Undo the trainee's last decision; returns the invitation ids it touched."""
        undone = self.inbox.undo_last(session=self.id)
        ids = [d.invitation_id for d in undone]
        self._save(ids)
        return ids

    def finish(self) -> Report:
        """Close the session: what was settled is revealed, the rest only counted."""
        rows = self._save(self.invitation_ids)
        summary = summarize(rows)
        self.results.finish_session(self.id, score=summary.score, max_score=summary.max_score)
        judgements = {}
        for row in rows:
            if row.verdict is not None:
                found = self.judgement(self.built.ids[row.slot])
                if found is not None:
                    judgements[row.slot] = found
        return Report(
            session_id=self.id,
            trainee=self.trainee,
            scenario=self.scenario,
            summary=summary,
            rows=tuple(rows),
            mistake_flags={
                m.slot: self._flags_of(self.built.ids[m.slot]) for m in summary.mistakes
            },
            judgements=judgements,
        )

    # ------------------------------------------------------------------ helpers

    def _flags_of(self, invitation_id: int) -> tuple[Flag, ...]:
        from tui.domain.assessment import evaluate

        flags, _ = evaluate(self.inbox.get(invitation_id), self.policy)
        return tuple(flags)

    def _save(self, ids) -> list[ResultRow]:
        rows = [
            result_for(
                self.inbox,
                i,
                self._slots[i],
                policy=self.policy,
                replies=self.simulator.replies,
            )
            for i in ids
            if i in self._slots
        ]
        self.results.save_results(self.id, rows)
        return rows
