"""``invite-triage served-training`` (hidden): one browser tab's training session.

``invite-triage serve`` starts this in a process of its own for every tab, under Textual's
web driver; it is not for a terminal (``train`` is). The exercise is built in the
session's own directory (``--workdir``, made and removed by the server); the results go to
``--db``, the class's results database, under the name the trainee types first.
"""

from __future__ import annotations

from pathlib import Path

import click

from tui.cli import fail


@click.command(name="served-training", hidden=True)
@click.option(
    "--workdir",
    required=True,
    type=click.Path(exists=True, file_okay=False, writable=True, path_type=Path),
    help="The session's own directory (made by the server).",
)
@click.option("--scenario", default=None, metavar="NAME|FILE.toml")
@click.pass_context
def command(ctx, workdir: Path, scenario: str | None) -> None:
    """Run one served training session (started by `invite-triage serve`)."""
    from tui.commands.train import check_scenario
    from tui.serve.watchdog import end_with_parent
    from tui.serve.web_driver import served

    if not served():
        fail("served-training runs inside `invite-triage serve`; at a terminal use `train`")
    scenario, title = check_scenario(scenario)
    from tui.commands.launch import load_config, load_policy
    from tui.commands.train import keymap_scopes

    policy_path = ctx.obj.get("policy")
    policy = load_policy(policy_path)
    config = load_config(keymap_scopes)
    end_with_parent()
    code = run_served_training(
        results_path=Path(ctx.obj["db"]),
        workdir=workdir,
        scenario=scenario,
        policy=policy,
        policy_label=str(policy_path) if policy_path else None,
        config=config,
        title=title or scenario,
    )
    if code:
        raise SystemExit(code)


EXERCISE_FILE = "exercise.db"


def run_served_training(
    *,
    results_path: Path,
    workdir: Path,
    scenario: str,
    policy,
    policy_label: str | None,
    config,
    title: str,
) -> int:
    """Build the exercise in ``workdir``, run the app; returns the app's exit code.

    ``results_path`` must exist (the server made it); ``StoreError``/``OSError`` reach the
    command line as one line.
    """
    from tui.simulate.clock import DEFAULT_SPEED, ScaledClock
    from tui.simulate.training import TrainingSession
    from tui.store import Store

    clock = ScaledClock(DEFAULT_SPEED, paused=True)
    exercise = workdir / EXERCISE_FILE
    results = Store.open(results_path)
    inbox = None
    try:
        inbox = Store.open(exercise, create=True, clock=clock.iso)
        session = TrainingSession.prepare(
            inbox,
            scenario=scenario,
            results=results,
            policy=policy,
            policy_label=policy_label,
            clock=clock,
        )
        from tui.ui.training.served_app import ServedTrainingApp

        app = ServedTrainingApp(
            session, clock=clock, db_path=exercise, config=config, title=title, tune_gc=True
        )
        app.run()
        return app.return_code or 0
    finally:
        if inbox is not None:
            inbox.close()
        results.close()
