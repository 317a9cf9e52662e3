"""From a played inbox to results: one row per invitation, then totals a report can show.

The same rows serve the headless ``simulate`` command, a trainee's session, the ``report``
command and the per-trainee results CSV, so every view agrees on every number.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from tui.domain.models import INTENTS
from tui.simulate.scoring import MISTAKE_KINDS, OUTCOMES, outcome_of, score
from tui.store.training import ResultRow


def result_for(store, invitation_id: int, slot: str) -> ResultRow:
    """Score one invitation as it stands in ``store`` (by its final status and its log)."""
    invitation = store.get(invitation_id)
    log = store.decisions(invitation_id)
    undone = {d.undoes for d in log if d.action == "undo"}
    live = [d for d in log if d.action != "undo" and d.id not in undone]
    outcome = outcome_of(invitation.status, log)
    points = score(invitation.person.intent, outcome)
    first = live[0] if live else None
    current = store.assessment_of(invitation_id)
    return ResultRow(
        slot=slot,
        name=invitation.person.name,
        intent=invitation.person.intent,
        difficulty=invitation.difficulty,
        outcome=outcome,
        recommended=first.recommended if first else current.recommended,
        matched_policy=all(d.action == d.recommended for d in live) if live else None,
        points=points.points,
        max_points=points.max_points,
        mistake=points.mistake,
        flag_codes=first.flag_codes if first else current.flag_codes,
        decided_at=live[-1].decided_at if live else None,
        reply=invitation.reply,
    )


@dataclass
class IntentStats:
    count: int = 0
    score: int = 0
    max_score: int = 0
    outcomes: Counter = field(default_factory=Counter)
    mistakes: Counter = field(default_factory=Counter)

    def as_dict(self) -> dict:
        return {
            "count": self.count,
            "score": self.score,
            "max_score": self.max_score,
            "outcomes": {o: self.outcomes[o] for o in OUTCOMES if self.outcomes[o]},
            "mistakes": {k: self.mistakes[k] for k in MISTAKE_KINDS if self.mistakes[k]},
        }


@dataclass
class Summary:
    """Totals over a session's results."""

    score: int
    max_score: int
    count: int
    by_intent: dict[str, IntentStats]
    confusion: dict[str, dict[str, int]]  # outcome -> intent -> count
    by_flag: dict[str, tuple[int, int]]  # flag code -> (invitations, points lost)
    by_difficulty: dict[int, tuple[int, int, int]]  # level -> (count, score, max)
    matched_policy: int
    decided: int
    mistakes: list[ResultRow]

    @property
    def percent(self) -> float:
        return 100.0 * self.score / self.max_score if self.max_score else 0.0

    def as_dict(self) -> dict:
        return {
            "score": self.score,
            "max_score": self.max_score,
            "percent": round(self.percent, 1),
            "invitations": self.count,
            "matched_policy": self.matched_policy,
            "decided": self.decided,
            "by_intent": {k: v.as_dict() for k, v in self.by_intent.items()},
            "confusion": self.confusion,
            "by_flag": {
                k: {"invitations": n, "points_lost": lost} for k, (n, lost) in self.by_flag.items()
            },
            "by_difficulty": {
                str(level): {"count": n, "score": s, "max_score": m}
                for level, (n, s, m) in self.by_difficulty.items()
            },
            "mistakes": [
                {
                    "slot": r.slot,
                    "name": r.name,
                    "intent": r.intent,
                    "outcome": r.outcome,
                    "points": r.points,
                    "max_points": r.max_points,
                    "mistake": r.mistake,
                    "explanation": score(r.intent, r.outcome).explanation,
                }
                for r in self.mistakes
            ],
        }


def summarize(rows: Iterable[ResultRow]) -> Summary:
    rows = list(rows)
    by_intent = {intent: IntentStats() for intent in INTENTS}
    confusion = {outcome: dict.fromkeys(INTENTS, 0) for outcome in OUTCOMES}
    by_flag: dict[str, list[int]] = {}
    by_difficulty: dict[int, list[int]] = {}
    for row in rows:
        if row.intent in by_intent:
            stats = by_intent[row.intent]
            stats.count += 1
            stats.score += row.points
            stats.max_score += row.max_points
            stats.outcomes[row.outcome] += 1
            if row.mistake:
                stats.mistakes[row.mistake] += 1
            confusion[row.outcome][row.intent] += 1
        lost = row.max_points - row.points
        for code in row.flag_codes:
            entry = by_flag.setdefault(code, [0, 0])
            entry[0] += 1
            entry[1] += lost
        if row.difficulty is not None:
            entry = by_difficulty.setdefault(row.difficulty, [0, 0, 0])
            entry[0] += 1
            entry[1] += row.points
            entry[2] += row.max_points
    ranked = sorted(
        (r for r in rows if r.mistake and r.mistake != "extra-step"),
        key=lambda r: (r.points - r.max_points, r.slot),
    )
    return Summary(
        score=sum(r.points for r in rows),
        max_score=sum(r.max_points for r in rows),
        count=len(rows),
        by_intent={k: v for k, v in by_intent.items() if v.count},
        confusion={o: c for o, c in confusion.items() if any(c.values())},
        by_flag={k: (v[0], v[1]) for k, v in sorted(by_flag.items())},
        by_difficulty={k: (v[0], v[1], v[2]) for k, v in sorted(by_difficulty.items())},
        matched_policy=sum(1 for r in rows if r.matched_policy),
        decided=sum(1 for r in rows if r.outcome != "undecided"),
        mistakes=ranked,
    )


# ------------------------------------------------------------------ per-trainee CSV

RESULTS_HEADER = (
    "trainee",
    "session",
    "scenario",
    "started_at",
    "finished_at",
    "slot",
    "name",
    "intent",
    "difficulty",
    "outcome",
    "recommended",
    "matched_policy",
    "points",
    "max_points",
    "points_lost",
    "mistake",
    "flags",
    "decided_at",
)


def results_csv_rows(store, trainee: str | None = None) -> Iterator[tuple]:
    """One row per invitation of every session (of ``trainee`` when given), oldest first.

    ``points`` can be negative, which the safe writer's formula rule prefixes with ``'``;
    ``points_lost`` (never negative) is the column to sum in a spreadsheet.
    """
    for session in store.sessions(trainee):
        for r in store.results(session.id):
            yield (
                session.trainee,
                session.id,
                session.scenario,
                session.started_at,
                session.finished_at,
                r.slot,
                r.name,
                r.intent,
                r.difficulty,
                r.outcome,
                r.recommended,
                "" if r.matched_policy is None else ("yes" if r.matched_policy else "no"),
                r.points,
                r.max_points,
                r.max_points - r.points,
                r.mistake,
                ";".join(r.flag_codes),
                r.decided_at,
            )


def export_results(store, target, *, trainee: str | None = None, bom: bool = False) -> int:
    """Write the results CSV (spreadsheet-safe, atomic); returns the number of rows.

    ``target`` is a path, ``"-"`` for standard output, or an open text stream.
    """
    from tui.export import write_safe_csv

    return write_safe_csv(target, RESULTS_HEADER, results_csv_rows(store, trainee), bom=bom)
