"""Training mode: the triage app around a :class:`~tui.simulate.training.TrainingSession`.

:class:`TrainingApp` is the ordinary :class:`~tui.ui.app.InviteTriageApp` (same keys, same
list, same detail pane, same keymap and theme) with three differences: its store is the
session's exercise inbox, its default screen is the
:class:`~tui.ui.screens.training_inbox.TrainingInboxScreen`, and it knows the simulated
clock (the list's "when" column and the banner read it; a timer ticks the simulator).

:func:`run_training` is what ``invite-triage train`` calls once the command line is
checked: it builds the exercise in its own database file, never in the user's inbox, and
keeps the results in the user's database (``--db``) where ``invite-triage report`` and
``export --results`` find them.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui.domain.safe_text import visible
from tui.ui.app import InviteTriageApp

# How often (real seconds) the simulator is ticked: replies and arrivals show within this.
TICK_SECONDS = 0.5
SETTLED = ("accepted", "ignored")


class TrainingView:
    """What the inbox screen asks of ``training``: may this invitation's flags be shown?

    Only once it is settled in this session (accepted or ignored). While an invitation
    still waits on the trainee (pending, or asked with a reply or silence to judge), the
    recommendation would give the answer away, so the raw invitation is shown.
    """

    def __init__(self, session) -> None:
        self.session = session

    def reveal(self, invitation) -> bool:
        return invitation.status in SETTLED and self.session.revealed(invitation.id)


class TrainingApp(InviteTriageApp):
    """The triage app on a training session. ``trainer`` is the session."""

    def __init__(
        self,
        trainer,
        *,
        clock,
        db_path: str | os.PathLike = ":training:",
        title: str | None = None,
        tick_interval: float | None = TICK_SECONDS,
        **kwargs: Any,
    ) -> None:
        """``tick_interval=None`` leaves ticking to the caller (tests drive the clock)."""
        kwargs.setdefault("now", clock.now)
        kwargs.setdefault("policy", trainer.policy)
        super().__init__(
            db_path,
            store=trainer.inbox,
            training=TrainingView(trainer),
            session=trainer.id,
            **kwargs,
        )
        self.trainer = trainer
        self.clock = clock
        self.tick_interval = tick_interval
        self.trainee_label = visible(trainer.trainee, keep_newlines=False)[:60]
        self.exercise_label = visible(title or trainer.scenario, keep_newlines=False)[:80]
        self.sub_title = f"training · {self.trainee_label}"

    def get_default_screen(self):
        from tui.ui.screens.training_inbox import TrainingInboxScreen

        return TrainingInboxScreen(training=self.training)


# ---------------------------------------------------------------------- the command's engine


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


def scope_bindings() -> list[list]:
    """Binding groups a keymap may rebind in training (the app's, then the training screens')."""
    from tui.ui.app import rebindable_scopes
    from tui.ui.screens.training_inbox import TrainingInboxScreen
    from tui.ui.screens.training_report import TrainingReportScreen
    from tui.ui.screens.verdict import VerdictScreen

    return [
        *rebindable_scopes(),
        list(TrainingInboxScreen.BINDINGS),
        list(VerdictScreen.BINDINGS),
        list(TrainingReportScreen.BINDINGS),
    ]


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


def load_training_config():
    """The user's config (keymap, theme) checked against the training screens' bindings."""
    from textual.theme import BUILTIN_THEMES

    from tui.ui.config import load_config

    return load_config(None, scopes=scope_bindings(), themes=BUILTIN_THEMES)
