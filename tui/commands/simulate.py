"""``invite-triage simulate``: play a scenario headless with a strategy and print the score.

The run uses a private in-memory inbox on a driven clock, so it never touches the user's
database and finishes instantly. ``--save`` records the run as a training session in the
database (``--db``) under the trainee ``simulate:STRATEGY`` (or ``--trainee``), so a
trainer can set trainees' results beside the policy's in ``report``.
"""

from __future__ import annotations

import json
import textwrap

import click

from tui.domain.safe_text import visible

OUTCOME_LABELS = {
    "accept": "accept",
    "ask_accept": "ask, then accept",
    "ask_ignore": "ask, then ignore",
    "asked": "asked, never settled",
    "ignore": "ignore",
    "undecided": "undecided",
}


def run_strategies(scenario: str, names: list[str], *, seed: int, count: int, policy_path):
    """Play ``scenario`` once per strategy; returns the runs (raises click errors on bad input)."""
    from tui.domain.policy import PolicyError, load_policy
    from tui.simulate import scenarios
    from tui.simulate.play import play
    from tui.simulate.scenarios.generated import MixError
    from tui.simulate.strategies import StrategyError, resolve

    try:
        reference = load_policy(policy_path)
    except PolicyError as exc:
        raise click.BadParameter(str(exc), param_hint="--policy") from None
    try:
        strategies = [resolve(name, policy_path=policy_path) for name in names]
    except StrategyError as exc:
        raise click.BadParameter(str(exc), param_hint="--strategy") from None
    try:
        scenarios.load(scenario) if scenario != scenarios.GENERATED else None
    except scenarios.ScenarioError as exc:
        raise click.BadParameter(str(exc), param_hint="--scenario") from None
    runs = []
    for strategy in strategies:
        try:
            runs.append(play(scenario, strategy, seed=seed, count=count, policy=reference))
        except MixError as exc:
            raise click.BadParameter(str(exc), param_hint="--count") from None
    return runs


def _table(header: list[str], rows: list[list], first_width: int = 22) -> list[str]:
    widths = [first_width] + [max(len(h), 5) for h in header[1:]]
    lines = [
        "  ".join(
            h.ljust(w) if i == 0 else h.rjust(w)
            for i, (h, w) in enumerate(zip(header, widths, strict=True))
        )
    ]
    for row in rows:
        cells = [str(c) for c in row]
        lines.append(
            "  ".join(
                c.ljust(w) if i == 0 else c.rjust(w)
                for i, (c, w) in enumerate(zip(cells, widths, strict=True))
            )
        )
    return lines


def verdict_counts(summary) -> str:
    """``correct 24 · extra step 0 · cue missed 1 · misled 5``: why points were lost."""
    from tui.simulate.verdict import KINDS

    return " · ".join(f"{kind.replace('-', ' ')} {summary.verdicts[kind]}" for kind in KINDS)


def mistake_line(row) -> str:
    """One costly decision: points as every view writes them, what it cost, and why."""
    from tui.simulate.results import consequence
    from tui.simulate.scoring import points_text

    why = consequence(row) or ""
    cause = cause_text(row)
    return (
        f"  {points_text(row.points, row.max_points):>9}  "
        f"{visible(row.name, keep_newlines=False)} ({row.intent}, {OUTCOME_LABELS[row.outcome]}): "
        f"{why}{'; ' + cause if cause else ''}"
    )


def cause_text(row) -> str:
    """The verdict from a stored row's codes: "misled by a stated reason (would have caught
    it: asking first)", "missed a clear cue: a sales pitch"."""
    from tui.simulate.verdict import cue_phrase as phrase

    def cue_phrase(code: str) -> str:  # codes come from a results file: show them inert
        return visible(phrase(code), keep_newlines=False)

    if row.verdict == "cue-missed" and row.cue:
        return f"missed a clear cue: {cue_phrase(row.cue)}"
    if row.verdict == "misled" and row.cue:
        caught = ", ".join(cue_phrase(code) for code in row.caught_by)
        return f"misled by {cue_phrase(row.cue)}" + (
            f" (would have caught it: {caught})" if caught else " (nothing visible could have)"
        )
    if row.verdict == "extra-step" and row.cue:
        return f"an extra step: {cue_phrase(row.cue)} already made it clear"
    return ""


def render_run(run, *, title: str) -> list[str]:
    from tui.simulate.scoring import total_text

    s = run.summary
    lines = [
        f"Scenario  {visible(run.scenario, keep_newlines=False)}: {title} "
        f"({s.count} invitation{'' if s.count == 1 else 's'})",
        f"Strategy  {visible(run.strategy)}",
        f"Score     {total_text(s.score)} / {s.max_score} ({s.percent:.1f}%)   "
        f"matched the policy on {s.matched_policy} of {s.count}",
        f"Verdicts  {verdict_counts(s)}",
        "",
    ]
    intents = list(s.by_intent)
    rows = []
    for intent, stats in s.by_intent.items():
        rows.append(
            [
                intent,
                stats.count,
                total_text(stats.score),
                stats.max_score,
                stats.mistakes["harmful"],
                stats.mistakes["missed"],
                stats.mistakes["extra-step"],
            ]
        )
    lines += _table(["by intent", "count", "score", "max", "harmful", "missed", "extra"], rows)
    lines.append("")
    rows = [[OUTCOME_LABELS[o], *(c[i] for i in intents)] for o, c in s.confusion.items()]
    lines += _table(["decision \\ intent", *intents], rows)
    if s.mistakes:
        lines += ["", "Mistakes (costliest first):"]
        lines += [mistake_line(m) for m in s.mistakes]
    return lines


def render_comparison(runs) -> list[str]:
    from tui.simulate.scoring import total_text

    rows = []
    for run in runs:
        s = run.summary
        harmful = sum(v.mistakes["harmful"] for v in s.by_intent.values())
        missed = sum(v.mistakes["missed"] for v in s.by_intent.values())
        rows.append(
            [
                visible(run.strategy),
                total_text(s.score),
                s.max_score,
                f"{s.percent:.1f}%",
                harmful,
                missed,
                s.verdicts["cue-missed"],
                s.verdicts["misled"],
            ]
        )
    header = ["strategy", "score", "max", "%", "harmful", "missed", "cue missed", "misled"]
    return _table(header, rows)


@click.command()
@click.option(
    "--scenario",
    default=None,
    metavar="NAME|FILE.toml",
    help="A built-in scenario, 'generated', or a scenario file. [default: mixed-inbox]",
)
@click.option(
    "--strategy",
    "strategies",
    multiple=True,
    metavar="NAME|FILE.toml",
    help="default, strict, accept-all, ignore-all, or a policy file (repeatable). "
    "[default: default]",
)
@click.option("--compare", is_flag=True, help="Play every built-in strategy and compare them.")
@click.option(
    "--seed",
    type=int,
    default=1,
    show_default=True,
    help="Seed for drawn replies and for the generated scenario.",
)
@click.option(
    "--count",
    type=click.IntRange(1, 5000),
    default=40,
    show_default=True,
    help="Invitations in a generated scenario.",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--save", is_flag=True, help="Record the run(s) as training sessions in --db.")
@click.option("--trainee", default=None, help="Name to record a saved run under.")
@click.option("--list", "list_scenarios", is_flag=True, help="List the scenarios and exit.")
@click.pass_context
def command(
    ctx, scenario, strategies, compare, seed, count, as_json, save, trainee, list_scenarios
) -> None:
    """Play a scenario without a screen and score a strategy against the senders' intents."""
    from tui.simulate import scenarios
    from tui.simulate.strategies import BUILT_IN

    if list_scenarios:
        for name in scenarios.names():
            title, about = scenarios.describe(name)
            click.echo(f"{name:18} {title}")
            click.echo(
                textwrap.fill(about, width=88, initial_indent=" " * 19, subsequent_indent=" " * 19)
            )
        return
    scenario = scenario or scenarios.DEFAULT
    names = list(strategies) or ["default"]
    if compare:
        names = [*BUILT_IN, *(n for n in names if n not in BUILT_IN)]
    runs = run_strategies(
        scenario, names, seed=seed, count=count, policy_path=ctx.obj.get("policy")
    )
    if save:
        from tui.cli import folder_for_new_database

        folder_for_new_database(ctx)
        _save(ctx.obj["db"], runs, trainee)
    if as_json:
        if len(runs) == 1:
            payload = runs[0].as_dict()
        else:
            payload = {
                "scenario": runs[0].scenario,
                "seed": seed,
                "runs": [r.as_dict() for r in runs],
            }
        click.echo(json.dumps(payload, ensure_ascii=False))
        return
    title = visible(scenarios.describe(scenario)[0], keep_newlines=False)
    for number, run in enumerate(runs):
        if number:
            click.echo("")
        click.echo("\n".join(render_run(run, title=title or run.scenario)))
    if len(runs) > 1:
        click.echo("")
        click.echo("\n".join(render_comparison(runs)))


def _save(db_path, runs, trainee) -> None:
    from tui.simulate.training import new_session_id
    from tui.store import Store

    with Store.open(db_path, create=True) as store:
        for run in runs:
            session_id = new_session_id()
            store.start_session(
                session_id,
                trainee=trainee or f"simulate:{run.strategy}",
                scenario=run.scenario,
                strategy=run.strategy,
            )
            store.save_results(session_id, run.rows)
            store.finish_session(
                session_id, score=run.summary.score, max_score=run.summary.max_score
            )
    click.echo(f"Saved {len(runs)} run(s) to {visible(str(db_path))}.", err=True)
