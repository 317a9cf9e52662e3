"""``invite-triage report``: training results per trainee and session, from ``--db``.

Without options it lists every trainee with their sessions; ``--trainee`` narrows to one
person; ``--session`` shows one session invitation by invitation. ``--json`` prints the
same as one JSON object. The command only reads (a database at an older schema version
is upgraded first, as any command does).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import click

from tui.domain.safe_text import visible


def _open(db_path):
    from tui.store import Store

    path = Path(db_path)
    readonly = path.exists() and not os.access(path, os.W_OK)
    return Store.open(path, readonly=readonly)


def session_dict(store, session) -> dict:
    from tui.simulate.results import summarize

    rows = store.results(session.id)
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
            }
            for r in rows
        ],
        **summary.as_dict(),
    }


def _line(session, summary) -> str:
    state = "finished" if session.finished_at else "unfinished"
    return (
        f"  {session.id}  {visible(session.scenario, keep_newlines=False):18} "
        f"{summary.score:>4} / {summary.max_score:<4} {summary.percent:5.1f}%  "
        f"decided {summary.decided}/{summary.count}  {session.started_at}  {state}"
    )


@click.command()
@click.option("--trainee", default=None, help="Only this trainee's sessions.")
@click.option("--session", "session_id", default=None, help="One session in detail.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.pass_context
def command(ctx, trainee: str | None, session_id: str | None, as_json: bool) -> None:
    """Print training results per trainee and session."""
    from tui.simulate.results import summarize

    with _open(ctx.obj["db"]) as store:
        sessions = store.sessions(trainee)
        if session_id is not None:
            sessions = [s for s in sessions if s.id == session_id]
            if not sessions:
                raise click.BadParameter(
                    f"no session {visible(session_id)!r}"
                    + (" for that trainee" if trainee else ""),
                    param_hint="--session",
                )
        if as_json:
            payload = {"sessions": [session_dict(store, s) for s in sessions]}
            click.echo(json.dumps(payload, ensure_ascii=False))
            return
        if not sessions:
            who = f" for {visible(trainee)!r}" if trainee else ""
            click.echo(f"No training results{who} in {visible(str(ctx.obj['db']))}.")
            return
        by_trainee: dict[str, list] = {}
        for session in sessions:
            by_trainee.setdefault(session.trainee, []).append(session)
        for number, (name, theirs) in enumerate(by_trainee.items()):
            if number:
                click.echo("")
            click.echo(f"{visible(name, keep_newlines=False)}  ({len(theirs)} session(s))")
            for session in theirs:
                rows = store.results(session.id)
                summary = summarize(rows)
                click.echo(_line(session, summary))
                if session_id is not None:
                    _detail(rows, summary)


def _detail(rows, summary) -> None:
    from tui.simulate.scoring import score

    click.echo("")
    for r in rows:
        why = score(r.intent, r.outcome).explanation or ""
        click.echo(
            f"    {r.points:>4}/{r.max_points:<3} {visible(r.name, keep_newlines=False)[:40]:40} "
            f"{r.intent or '?':12} {r.outcome:11} {why}"
        )
    click.echo("")
    for intent, stats in summary.by_intent.items():
        click.echo(f"    {intent:12} {stats.score:>4} / {stats.max_score}")
