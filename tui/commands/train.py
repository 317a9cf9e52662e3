"""``invite-triage train``: work through a scenario in the app and get scored.

The exercise is built in its own database under ``training/`` beside ``--db`` (one file
per trainee and scenario, started afresh each session), so training invitations never mix
with the real inbox. The results are written to ``--db`` after every decision, where
``invite-triage report`` and ``export --results`` read them.

The simulated clock runs ``--speed`` times faster than real time (by default three
minutes a second, so the quickest scripted reply comes after the trainee has had time to
read the next invitation); ``--live`` adds new invitations as
the session runs, ``--rate`` of them a real minute.
"""

from __future__ import annotations

import getpass
import shlex
import sys
from pathlib import Path

import click

from tui.domain.safe_text import visible
from tui.domain.trainee import NAME_LIMIT


def default_trainee() -> str:
    try:
        return getpass.getuser() or "trainee"
    except (KeyError, OSError):
        return "trainee"


def check_trainee(name: str | None) -> str:
    name = (name if name is not None else default_trainee()).strip()
    if not name:
        raise click.BadParameter("a trainee needs a name", param_hint="--trainee")
    if len(name) > NAME_LIMIT:
        raise click.BadParameter(
            f"a trainee name is at most {NAME_LIMIT} characters", param_hint="--trainee"
        )
    return name


def check_scenario(name: str | None) -> tuple[str, str]:
    """The scenario's name and title; a bad name or file is one line (exit 2)."""
    from tui.simulate import scenarios

    name = name or scenarios.DEFAULT
    try:
        title, _ = scenarios.describe(name)
    except scenarios.ScenarioError as exc:
        raise click.BadParameter(str(exc), param_hint="--scenario") from None
    return name, title


def has_terminal() -> bool:
    """Both ends on a terminal: without one the app cannot read keys (and would spin)."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def keymap_scopes() -> list:
    # Imported only when a keymap is there to check: it imports every screen.
    from tui.ui.keymap import training_scopes

    return training_scopes()


@click.command()
@click.option(
    "--scenario",
    default=None,
    metavar="NAME|FILE.toml",
    help="A built-in scenario (see `simulate --list`), 'generated', or a scenario file. "
    "[default: mixed-inbox]",
)
@click.option("--trainee", default=None, help="Whose results these are. [default: login name]")
@click.option(
    "--speed",
    type=click.FloatRange(min=0, min_open=True, max=10_000_000),
    default=None,
    help="Simulated seconds per real second. [default: 180, three minutes a second]",
)
@click.option("--live", is_flag=True, help="New invitations keep arriving during the session.")
@click.option(
    "--rate",
    type=click.FloatRange(min=0, min_open=True, max=600),
    default=None,
    help="With --live: new invitations per real minute. [default: 2]",
)
@click.option("--seed", type=int, default=1, show_default=True, help="Seed for drawn replies.")
@click.option(
    "--count",
    type=click.IntRange(1, 5000),
    default=40,
    show_default=True,
    help="Invitations in a generated scenario.",
)
@click.pass_context
def command(ctx, scenario, trainee, speed, live, rate, seed, count) -> None:
    """Train on a scenario: flags stay hidden until you decide, then a verdict and a score."""
    from tui.commands.launch import load_config, load_policy
    from tui.commands.training_session import Options, run_training
    from tui.simulate.arrivals import DEFAULT_PER_REAL_MINUTE
    from tui.simulate.clock import DEFAULT_SPEED
    from tui.simulate.scenarios.generated import MixError

    if rate is not None and not live:
        raise click.UsageError("--rate only applies with --live")
    trainee = check_trainee(trainee)
    scenario, title = check_scenario(scenario)
    if not has_terminal():
        from tui.cli import fail

        fail("train needs an interactive terminal (run it without redirecting input or output)")
    from tui.cli import folder_for_new_database

    folder_for_new_database(ctx)  # the results are kept in --db, created when missing
    policy_path = ctx.obj.get("policy")
    policy = load_policy(policy_path)
    config = load_config(keymap_scopes)
    options = Options(
        db_path=Path(ctx.obj["db"]),
        trainee=trainee,
        scenario=scenario,
        speed=speed or DEFAULT_SPEED,
        live_rate=(rate or DEFAULT_PER_REAL_MINUTE) if live else None,
        seed=seed,
        count=count,
        policy_path=str(policy_path) if policy_path else None,
    )
    try:
        session_id, summary, code = run_training(
            options, config=config, policy=policy, title=title or scenario
        )
    except MixError as exc:
        raise click.BadParameter(str(exc), param_hint="--count") from None
    shown = visible(trainee, keep_newlines=False)
    click.echo(
        f"Saved session {session_id} for {shown}: {summary.score} / {summary.max_score} "
        f"({summary.percent:.0f}%), decided {summary.decided} of {summary.count}."
    )
    again = ["invite-triage"]
    if ctx.find_root().get_parameter_source("db_path") != click.core.ParameterSource.DEFAULT:
        again += ["--db", str(options.db_path)]
    again += ["report", "--trainee", trainee]
    click.echo(f"See it again: {visible(shlex.join(again), keep_newlines=False)}")
    if code:
        raise SystemExit(code)
