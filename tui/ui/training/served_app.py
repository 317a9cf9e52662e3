"""Training in a browser tab: the training app, with the trainee's name asked first.

``invite-triage serve`` runs one of these per tab (through the hidden ``served-training``
command, :mod:`tui.commands.served_training`, which builds it). It differs from ``train``
in three ways, and only these:

- the exercise is built in the session's own directory (the server removes it), and the
  results go to the class's results database;
- the first screen asks who is training; the session is opened in the results database
  under that name only then (:meth:`TrainingSession.begin`), so a tab closed before a name
  was typed leaves nothing behind;
- the simulated clock stands still until then, so a slow typist's exercise does not start
  days old.
"""

from __future__ import annotations

from typing import Any

from textual import work
from textual.screen import Screen

from tui.domain.safe_text import visible
from tui.ui.gateway import error_text
from tui.ui.training.app import TrainingApp
from tui.ui.training.trainee_name import TraineeNameScreen


class ServedTrainingApp(TrainingApp):
    """:class:`TrainingApp` for a session whose trainee has not said who they are yet."""

    def __init__(self, trainer, *, clock, **kwargs: Any) -> None:
        super().__init__(trainer, clock=clock, **kwargs)
        self.trainee_label = ""
        self.sub_title = "training"

    def get_default_screen(self) -> Screen:
        return TraineeNameScreen(self.exercise_label)

    def on_trainee_name_screen_named(self, message: TraineeNameScreen.Named) -> None:
        self._begin(message.trainee)

    @work(thread=True, exclusive=True, group="begin", exit_on_error=False)
    def _begin(self, trainee: str) -> None:
        trainer = self.trainer
        try:
            self.gateway.call(lambda _store: trainer.begin(trainee))
        except Exception as exc:
            self.call_later(self._not_begun, f"could not start the session: {error_text(exc)}")
            return
        self.call_later(self._begun, trainee)

    def _begun(self, trainee: str) -> None:
        self.clock.run()
        self.trainee_label = visible(trainee, keep_newlines=False)[:60]
        self.sub_title = f"training · {self.trainee_label}"
        # The inbox a terminal session starts on (TrainingApp's default screen), on top of
        # the name screen for good: Textual cannot switch away from the first screen.
        self.push_screen(super().get_default_screen())

    def _not_begun(self, reason: str) -> None:
        screen = self.screen
        if isinstance(screen, TraineeNameScreen):
            screen.failed(reason)
