"""Training mode: the triage app around a :class:`~tui.simulate.training.TrainingSession`.

:class:`TrainingApp` is the ordinary :class:`~tui.ui.app.InviteTriageApp` (same keys, same
list, same detail pane, same keymap and theme) with three differences: its store is the
session's exercise inbox, its default screen is the
:class:`~tui.ui.training.inbox_screen.TrainingInboxScreen`, and it knows the simulated
clock (the list's "when" column and the banner read it; a timer ticks the simulator).
``invite-triage train`` (:mod:`tui.commands.training_session`) builds the exercise and
runs it.
"""

from __future__ import annotations

import os
from typing import Any

from textual.screen import Screen

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

    def get_default_screen(self) -> Screen:
        from tui.ui.training.inbox_screen import TrainingInboxScreen

        return TrainingInboxScreen(self.services, training=self.training)
