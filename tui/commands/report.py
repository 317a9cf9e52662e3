"""``invite-triage report``: training results, the class side by side, then each trainee.

Without options it shows, per scenario, every trainee side by side (their latest session:
score, mistakes by kind, the cues most often missed), then every trainee's sessions.
``--scenario`` narrows to one scenario, ``--trainee`` to one person's sessions,
``--session`` shows one session invitation by invitation. ``--json`` prints the same as
one JSON object. Invitations a session left undecided are counted, never unmasked. The
command only reads (a database at an older schema version is upgraded first, as any
command does).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import click

from tui.domain.safe_text import visible
from tui.simulate.scoring import total_text

NAME_WIDTH = 20


def _open(db_path):
    from tui.store import Store

    path = Path(db_path)
    readonly = path.exists() and not os.access(path, os.W_OK)
    return Store.open(path, readonly=readonly)


def session_dict(store, session) -> dict:
    from tui.simulate.results import masked, summarize

    rows = [masked(r) for r in store.results(session.id)]
    summary = summarize(rows)
    return {
        "session": session.id,
        "trainee": session.trainee,
        "scenario": session.scenario,
        "strategy": session.strategy,
        "started_at": session.started_at,
        "finished_at": session.finished_at,
        "results": [
            {
                "slot": r.slot,
                "name": r.name,
                "intent": r.intent,
                "difficulty": r.difficulty,
                "outcome": r.outcome,
                "recommended": r.recommended,
                "matched_policy": r.matched_policy,
                "points": r.points,
                "max_points": r.max_points,
                "mistake": r.mistake,
                "flags": list(r.flag_codes),
                "verdict": r.verdict,
                "cue": r.cue,
                "caught_by": list(r.caught_by),
                "policy_points": r.policy_points,
            }
            for r in rows
        ],
        **summary.as_dict(),
    }


def decided_text(summary) -> str:
    """``decided 2/4 (1 asked, not settled; 1 untouched)``: the words match the JSON keys."""
    text = f"decided {summary.decided}/{summary.count}"
    left = []
    if summary.asked_open:
        left.append(f"{summary.asked_open} asked, not settled")
    if summary.untouched:
        left.append(f"{summary.untouched} untouched")
    return text + (f" ({'; '.join(left)})" if left else "")


def _line(session, summary) -> str:
    state = "finished" if session.finished_at else "unfinished"
    return (
        f"  {session.id}  {visible(session.scenario, keep_newlines=False):18} "
        f"{total_text(summary.score):>4} / {summary.max_score:<4} {summary.percent:5.1f}%  "
        f"{decided_text(summary)}  {session.started_at}  {state}"
    )


def _name(text: str, width: int = NAME_WIDTH) -> str:
    shown = visible(text, keep_newlines=False)
    return shown if len(shown) <= width else shown[: width - 1] + "…"


def class_lines(view) -> list[str]:
    """One scenario's trainees side by side, then the cues they missed most often."""
    from tui.simulate.verdict import cue_phrase as phrase

    def cue_phrase(code: str) -> str:  # codes come from the results file: show them inert
        return visible(phrase(code), keep_newlines=False)

    count = len(view.trainees)
    lines = [
        f"Class  {visible(view.scenario, keep_newlines=False)}: {count} trainee"
        f"{'' if count == 1 else 's'}, latest session each",
        f"  {'trainee':<{NAME_WIDTH}} {'tries':>5} {'score':>9} {'%':>6} {'best':>6} "
        f"{'decided':>7}  {'harmful':>7} {'missed':>6} {'extra':>5} {'cue missed':>10} "
        f"{'misled':>6}",
    ]
    for line in view.trainees:
        s = line.summary
        lines.append(
            f"  {_name(line.trainee):<{NAME_WIDTH}} {line.sessions:>5} "
            f"{f'{total_text(s.score)}/{s.max_score}':>9} {s.percent:>5.1f}% "
            f"{line.best_percent:>5.1f}% "
            f"{f'{s.decided}/{s.count}':>7}  {line.harmful:>7} {line.missed:>6} "
            f"{line.extra_steps:>5} {s.verdicts['cue-missed']:>10} {s.verdicts['misled']:>6}"
        )
    if view.cues_missed:
        parts = []
        for code, n in view.cues_missed.most_common(5):
            who = ", ".join(_name(t, 16) for t in view.missed_by.get(code, ())[:4])
            more = len(view.missed_by.get(code, ())) - 4
            parts.append(f"{cue_phrase(code)} {n} ({who}{f', +{more}' if more > 0 else ''})")
        lines.append("  Cues most often missed: " + "; ".join(parts))
    else:
        lines.append("  Cues most often missed: none")
    if view.misled_by:
        parts = [f"{cue_phrase(code)} {n}" for code, n in view.misled_by.most_common(5)]
        lines.append("  Most often misled by: " + "; ".join(parts))
    return lines


@click.command()
@click.option("--trainee", default=None, help="Only this trainee's sessions.")
@click.option("--scenario", default=None, help="Only this scenario (its class, then sessions).")
@click.option("--session", "session_id", default=None, help="One session in detail.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.pass_context
def command(
    ctx, trainee: str | None, scenario: str | None, session_id: str | None, as_json: bool
) -> None:
    """Print training results: the class side by side, then each trainee's sessions."""
    from tui.simulate.class_view import class_views
    from tui.simulate.results import masked, summarize

    with _open(ctx.obj["db"]) as store:
        sessions = store.sessions(trainee)
        if scenario is not None:
            sessions = [s for s in sessions if s.scenario == scenario]
        if session_id is not None:
            sessions = [s for s in sessions if s.id == session_id]
            if not sessions:
                raise click.BadParameter(
                    f"no session {visible(session_id)!r}"
                    + (" for that trainee" if trainee else ""),
                    param_hint="--session",
                )
        with_class = trainee is None and session_id is None
        views = class_views(store, scenario) if with_class else []
        if as_json:
            payload = {"sessions": [session_dict(store, s) for s in sessions]}
            if with_class:
                payload = {"classes": [v.as_dict() for v in views], **payload}
            click.echo(json.dumps(payload, ensure_ascii=False))
            return
        if not sessions:
            who = f" for {visible(trainee)!r}" if trainee else ""
            what = f" of {visible(scenario)!r}" if scenario else ""
            click.echo(f"No training results{who}{what} in {visible(str(ctx.obj['db']))}.")
            return
        for view in views:
            click.echo("\n".join(class_lines(view)))
            click.echo("")
        by_trainee: dict[str, list] = {}
        for session in sessions:
            by_trainee.setdefault(session.trainee, []).append(session)
        for number, (name, theirs) in enumerate(by_trainee.items()):
            if number:
                click.echo("")
            click.echo(f"{visible(name, keep_newlines=False)}  ({len(theirs)} session(s))")
            for session in theirs:
                rows = [masked(r) for r in store.results(session.id)]
                summary = summarize(rows)
                click.echo(_line(session, summary))
                if session_id is not None:
                    _detail(rows, summary)


def _detail(rows, summary) -> None:
    from tui.commands.simulate import OUTCOME_LABELS, cause_text
    from tui.simulate.results import consequence
    from tui.simulate.scoring import points_text

    click.echo("")
    for r in rows:
        why = "; ".join(part for part in (consequence(r), cause_text(r)) if part)
        intent = visible(r.intent or "—", keep_newlines=False)
        outcome = visible(OUTCOME_LABELS.get(r.outcome, r.outcome), keep_newlines=False)
        click.echo(
            f"    {points_text(r.points, r.max_points):>9}  "
            f"{visible(r.name, keep_newlines=False)[:40]:40} {intent:12} "
            f"{outcome:22} {visible(why, keep_newlines=False)}"
        )
    click.echo("")
    for intent, stats in summary.by_intent.items():
        click.echo(f"    {intent:12} {total_text(stats.score):>4} / {stats.max_score}")
    if summary.undecided:
        click.echo(f"    {summary.undecided} not settled: counted, not revealed")
