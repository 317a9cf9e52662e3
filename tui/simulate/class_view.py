"""A trainer's view of a class: every trainee of a scenario side by side.

Built from the saved results alone (any results database: the one ``train`` writes, or
one that ``serve`` sessions share), so ``report`` and any other front end show the same
numbers. Each trainee counts with their latest session of the scenario (where they stand
now); ``sessions`` and ``best_percent`` say how they got there. The cues most often missed
are counted over those latest sessions: one per invitation judged "cue-missed" on it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from tui.simulate.results import Summary, summarize
from tui.store.training import SessionRow


@dataclass(frozen=True, slots=True)
class TraineeLine:
    """One trainee's row: their latest session of the scenario, summarised."""

    trainee: str
    sessions: int
    latest: SessionRow
    summary: Summary
    best_percent: float

    @property
    def harmful(self) -> int:
        return _mistakes(self.summary, "harmful")

    @property
    def missed(self) -> int:
        return _mistakes(self.summary, "missed")

    @property
    def extra_steps(self) -> int:
        return _mistakes(self.summary, "extra-step")

    def as_dict(self) -> dict:
        s = self.summary
        return {
            "trainee": self.trainee,
            "strategy": self.latest.strategy,
            "sessions": self.sessions,
            "latest_session": self.latest.id,
            "finished": self.latest.finished_at is not None,
            "score": s.score,
            "max_score": s.max_score,
            "percent": round(s.percent, 1),
            "best_percent": round(self.best_percent, 1),
            "invitations": s.count,
            "decided": s.decided,
            "asked_open": s.asked_open,
            "untouched": s.untouched,
            "mistakes": {
                "harmful": self.harmful,
                "missed": self.missed,
                "extra-step": self.extra_steps,
            },
            "verdicts": dict(s.verdicts),
            "cues_missed": dict(s.cues_missed.most_common()),
            "misled_by": dict(s.misled_by.most_common()),
        }


@dataclass(frozen=True, slots=True)
class ClassView:
    scenario: str
    trainees: tuple[TraineeLine, ...]  # best score first
    cues_missed: Counter  # cue code -> invitations missed on it, over the latest sessions
    misled_by: Counter  # cue code -> invitations it misled, over the latest sessions
    missed_by: dict[str, tuple[str, ...]]  # cue code -> trainees who missed it at least once

    def as_dict(self) -> dict:
        return {
            "scenario": self.scenario,
            "trainees": [line.as_dict() for line in self.trainees],
            "cues_missed": [
                {"cue": code, "invitations": n, "trainees": list(self.missed_by.get(code, ()))}
                for code, n in self.cues_missed.most_common()
            ],
            "misled_by": [
                {"cue": code, "invitations": n} for code, n in self.misled_by.most_common()
            ],
        }


def class_views(store, scenario: str | None = None) -> list[ClassView]:
    """One view per scenario with results (just ``scenario`` when given), by name."""
    by_scenario: dict[str, dict[str, list[SessionRow]]] = {}
    for session in store.sessions():
        if scenario is not None and session.scenario != scenario:
            continue
        by_scenario.setdefault(session.scenario, {}).setdefault(session.trainee, []).append(session)
    return [_view(store, name, by_trainee) for name, by_trainee in sorted(by_scenario.items())]


def _view(store, scenario: str, by_trainee: dict[str, list[SessionRow]]) -> ClassView:
    lines = []
    for trainee, sessions in by_trainee.items():
        summaries = [summarize(store.results(s.id)) for s in sessions]  # oldest first
        lines.append(
            TraineeLine(
                trainee=trainee,
                sessions=len(sessions),
                latest=sessions[-1],
                summary=summaries[-1],
                best_percent=max(s.percent for s in summaries),
            )
        )
    lines.sort(key=lambda line: (-line.summary.percent, line.trainee))
    cues_missed: Counter = Counter()
    misled_by: Counter = Counter()
    missed_by: dict[str, list[str]] = {}
    for line in lines:
        cues_missed.update(line.summary.cues_missed)
        misled_by.update(line.summary.misled_by)
        for code in line.summary.cues_missed:
            missed_by.setdefault(code, []).append(line.trainee)
    return ClassView(
        scenario=scenario,
        trainees=tuple(lines),
        cues_missed=cues_missed,
        misled_by=misled_by,
        missed_by={code: tuple(names) for code, names in missed_by.items()},
    )


def _mistakes(summary: Summary, kind: str) -> int:
    return sum(stats.mistakes[kind] for stats in summary.by_intent.values())
