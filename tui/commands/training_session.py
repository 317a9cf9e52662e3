"""The engine of ``invite-triage train``: build the exercise, run the app on it, sum it up.

The exercise is built in its own database file, never in the user's inbox; the results are
kept in the user's database (``--db``) where ``invite-triage report`` and
``export --results`` find them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Options:
    """What ``invite-triage train`` was asked for, already checked."""

    db_path: Path
    trainee: str
    scenario: str
    speed: float
    live_rate: float | None  # new invitations per real minute, or None without --live
    seed: int
    count: int
    policy_path: str | None


def slug(text: str, limit: int = 40) -> str:
    """A file-name-safe form of a trainee or scenario name (never empty)."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-.")[:limit].strip("-.")
    return cleaned or "x"


def exercise_path(db_path: Path, trainee: str, scenario: str) -> Path:
    """Where a trainee's exercise inbox lives: ``training/`` beside the user's database."""
    name = Path(scenario).stem if scenario.endswith(".toml") else scenario
    return db_path.parent / "training" / f"{slug(trainee)}-{slug(name)}.db"


def fresh_file(path: Path) -> None:
    """Start each session on an empty exercise: drop the last one (results live elsewhere)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def run_training(options: Options, *, config=None, policy=None, title: str | None = None):
    """Build the exercise, run the app, return ``(session id, summary)`` of what was saved.

    Raises ``StoreError``/``OSError`` (the CLI prints them as one line), ``ValueError``
    for a bad trainee name and the scenario loader's errors for a bad scenario.
    """
    from tui.simulate.arrivals import per_sim_hour
    from tui.simulate.clock import ScaledClock
    from tui.simulate.results import summarize
    from tui.simulate.training import TrainingSession
    from tui.store import Store

    clock = ScaledClock(options.speed)
    exercise = exercise_path(options.db_path, options.trainee, options.scenario)
    options.db_path.parent.mkdir(parents=True, exist_ok=True)
    results = Store.open(options.db_path, create=True)
    inbox = None
    try:
        fresh_file(exercise)
        inbox = Store.open(exercise, create=True, clock=clock.iso)
        rate = options.live_rate
        session = TrainingSession.start(
            inbox,
            trainee=options.trainee,
            scenario=options.scenario,
            results=results,
            policy=policy,
            policy_label=options.policy_path,
            clock=clock,
            seed=options.seed,
            count=options.count,
            arrivals_per_hour=per_sim_hour(rate, options.speed) if rate else None,
        )
        from tui.ui.training.app import TrainingApp

        app = TrainingApp(session, clock=clock, db_path=exercise, config=config, title=title)
        app.run()
        if app.fatal_message:
            from tui.store import StoreError

            raise StoreError(app.fatal_message)
        summary = summarize(results.results(session.id))
        return session.id, summary, app.return_code
    finally:
        if inbox is not None:
            inbox.close()
        results.close()
