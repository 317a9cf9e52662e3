"""From a played inbox to results: one row per invitation, then totals a report can show.

The same rows serve the headless ``simulate`` command, a trainee's session, the ``report``
command and the per-trainee results CSV, so every view agrees on every number.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from tui.domain.models import INTENTS
from tui.simulate.scoring import (
    MISTAKE_KINDS,
    OUTCOMES,
    SETTLED_OUTCOMES,
    UNSETTLED_OUTCOMES,
    Score,
    outcome_of,
    score,
)
from tui.store.training import ResultRow


def result_for(store, invitation_id: int, slot: str, *, policy=None, replies=None) -> ResultRow:
    """Score one invitation as it stands in ``store`` (by its final status and its log).

    ``policy`` is the reference (default: built-in); ``replies`` (a
    :class:`~tui.simulate.replies.Replies`) says how the sender answers an ask, which a
    verdict needs to know what following the policy would have earned. A settled row
    carries its verdict; an unsettled one reveals nothing: see :func:`masked`.
    """
    from tui.simulate.verdict import judge

    invitation = store.get(invitation_id)
    log = store.decisions(invitation_id)
    undone = {d.undoes for d in log if d.action == "undo"}
    live = [d for d in log if d.action != "undo" and d.id not in undone]
    outcome = outcome_of(invitation.status, log)
    first = live[0] if live else None
    points = score(invitation.person.intent, outcome, advised=first.recommended if first else None)
    current = store.assessment_of(invitation_id)
    row = ResultRow(
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
    if outcome in UNSETTLED_OUTCOMES:
        return masked(row)
    if policy is None:
        from tui.domain.policy import load_policy

        policy = load_policy(None)
    reply = replies.preview(invitation_id) if replies is not None else None
    judgement = judge(invitation, live, policy, reply)
    if judgement is None:
        return row
    return replace(
        row,
        verdict=judgement.kind,
        cue=judgement.cue.code if judgement.cue else None,
        caught_by=tuple(c.code for c in judgement.caught_by),
        policy_points=judgement.policy_points,
    )


def masked(row: ResultRow) -> ResultRow:
    """An unsettled invitation as every report shows it: counted, never unmasked.

    Its intent, difficulty, flags, the policy's advice, and its points (which follow from
    the intent) would give the answer away, and a retry of the same scenario would no
    longer be a fair test. Settled rows pass as they are. Rows saved by earlier versions,
    which scored an open ask as ignored, are masked and scored 0 on the way out too.
    """
    if row.outcome not in UNSETTLED_OUTCOMES:
        return row
    return replace(
        row,
        points=0,
        mistake="undecided" if row.max_points else None,
        intent=None,
        difficulty=None,
        recommended=None,
        matched_policy=None,
        flag_codes=(),
        verdict=None,
        cue=None,
        caught_by=(),
        policy_points=None,
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


def consequence(row: ResultRow) -> str | None:
    """What a row's outcome cost, in words (the scoring table's explanation)."""
    return Score(row.outcome, row.intent, row.points, row.max_points, row.mistake).explanation


@dataclass
class Summary:
    """Totals over a session's results. Unsettled rows count toward ``max_score`` (0 points
    each) and toward ``asked_open`` / ``untouched``, and nowhere else."""

    score: int
    max_score: int
    count: int
    by_intent: dict[str, IntentStats]
    confusion: dict[str, dict[str, int]]  # outcome -> intent -> count (settled only)
    by_flag: dict[str, tuple[int, int]]  # flag code -> (invitations, points lost)
    by_difficulty: dict[int, tuple[int, int, int]]  # level -> (count, score, max)
    matched_policy: int
    decided: int  # settled: accepted or ignored, with or without asking first
    asked_open: int  # asked and not settled when the results were saved
    untouched: int  # never decided
    mistakes: list[ResultRow]  # harmful and missed, costliest first
    verdicts: Counter  # verdict kind -> invitations (settled, known intent)
    cues_missed: Counter  # cue code -> invitations judged "cue-missed" on it
    misled_by: Counter  # cue code -> invitations judged "misled" by it

    @property
    def percent(self) -> float:
        return 100.0 * self.score / self.max_score if self.max_score else 0.0

    @property
    def undecided(self) -> int:
        return self.asked_open + self.untouched

    def as_dict(self) -> dict:
        from tui.simulate.verdict import KINDS

        return {
            "score": self.score,
            "max_score": self.max_score,
            "percent": round(self.percent, 1),
            "invitations": self.count,
            "matched_policy": self.matched_policy,
            "decided": self.decided,
            "asked_open": self.asked_open,
            "untouched": self.untouched,
            "by_intent": {k: v.as_dict() for k, v in self.by_intent.items()},
            "confusion": self.confusion,
            "by_flag": {
                k: {"invitations": n, "points_lost": lost} for k, (n, lost) in self.by_flag.items()
            },
            "by_difficulty": {
                str(level): {"count": n, "score": s, "max_score": m}
                for level, (n, s, m) in self.by_difficulty.items()
            },
            "verdicts": {k: self.verdicts[k] for k in KINDS if self.verdicts[k]},
            "cues_missed": dict(self.cues_missed.most_common()),
            "misled_by": dict(self.misled_by.most_common()),
            "mistakes": [
                {
                    "slot": r.slot,
                    "name": r.name,
                    "intent": r.intent,
                    "outcome": r.outcome,
                    "points": r.points,
                    "max_points": r.max_points,
                    "mistake": r.mistake,
                    "explanation": consequence(r),
                    "verdict": r.verdict,
                    "cue": r.cue,
                    "caught_by": list(r.caught_by),
                    "policy_points": r.policy_points,
                }
                for r in self.mistakes
            ],
        }


def summarize(rows: Iterable[ResultRow]) -> Summary:
    rows = [masked(row) for row in rows]
    by_intent = {intent: IntentStats() for intent in INTENTS}
    confusion = {outcome: dict.fromkeys(INTENTS, 0) for outcome in OUTCOMES}
    by_flag: dict[str, list[int]] = {}
    by_difficulty: dict[int, list[int]] = {}
    verdicts: Counter = Counter()
    cues_missed: Counter = Counter()
    misled_by: Counter = Counter()
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
        if row.verdict:
            verdicts[row.verdict] += 1
            if row.cue and row.verdict == "cue-missed":
                cues_missed[row.cue] += 1
            elif row.cue and row.verdict == "misled":
                misled_by[row.cue] += 1
    ranked = sorted(
        (r for r in rows if r.mistake in ("harmful", "missed")),
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
        decided=sum(1 for r in rows if r.outcome in SETTLED_OUTCOMES),
        asked_open=sum(1 for r in rows if r.outcome == "asked"),
        untouched=sum(1 for r in rows if r.outcome == "undecided"),
        mistakes=ranked,
        verdicts=verdicts,
        cues_missed=cues_missed,
        misled_by=misled_by,
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
    # Added later, so earlier spreadsheets keep their columns:
    "verdict",
    "cue",
    "caught_by",
    "policy_points",
    "attempt",
    "latest",
)


def attempts(sessions) -> dict[str, tuple[int, bool]]:
    """Session id -> (its number among the trainee's sessions of that scenario, is it the
    latest). ``sessions`` come oldest first, as ``Store.sessions`` returns them."""
    numbers: dict[str, tuple[int, bool]] = {}
    last: dict[tuple[str, str], str] = {}
    seen: Counter = Counter()
    for session in sessions:
        key = (session.trainee, session.scenario)
        seen[key] += 1
        numbers[session.id] = (seen[key], False)
        last[key] = session.id
    for session_id in last.values():
        numbers[session_id] = (numbers[session_id][0], True)
    return numbers


def results_csv_rows(store, trainee: str | None = None) -> Iterator[tuple]:
    """One row per invitation of every session (of ``trainee`` when given), oldest first.

    ``points`` can be negative, which the safe writer's formula rule prefixes with ``'``;
    ``points_lost`` (never negative) is the column to sum in a spreadsheet. Undecided
    invitations are counted (outcome, points, max_points) but not unmasked. ``attempt``
    and ``latest`` let a pivot table keep each trainee's latest try of a scenario, as
    ``report`` does for the class.
    """
    sessions = store.sessions(trainee)
    numbers = attempts(sessions)
    for session in sessions:
        attempt, latest = numbers[session.id]
        for r in map(masked, store.results(session.id)):
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
                r.verdict,
                r.cue,
                " ".join(r.caught_by),
                r.policy_points,
                attempt,
                "yes" if latest else "no",
            )


def export_results(store, target, *, trainee: str | None = None, bom: bool = False) -> int:
    """Write the results CSV (spreadsheet-safe, atomic); returns the number of rows.

    ``target`` is a path, ``"-"`` for standard output, or an open text stream.
    """
    from tui.export import write_safe_csv

    return write_safe_csv(target, RESULTS_HEADER, results_csv_rows(store, trainee), bom=bom)
