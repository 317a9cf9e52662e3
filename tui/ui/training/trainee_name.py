"""The first screen of a served training session: who is training?

At a terminal ``train --trainee`` names the trainee; in a browser tab there is no command
line, so the session asks. The name is checked as the domain says
(:func:`tui.domain.trainee.check_name`): a problem shows under the field and the trainee
tries again. The screen only reports a good name (:class:`TraineeNameScreen.Named`); the
app opens the session under it, and calls :meth:`TraineeNameScreen.failed` if it cannot.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Static

from tui.domain.trainee import NAME_LIMIT, check_name
from tui.ui.render import styles


class TraineeNameScreen(Screen):
    """Ask for the trainee's name; post :class:`Named` with a good one."""

    DEFAULT_CSS = """
    TraineeNameScreen {
        align: center middle;
    }
    TraineeNameScreen > #trainee-name-dialog {
        width: 70;
        max-width: 100%;
        height: auto;
        border: thick $accent;
        background: $surface;
        padding: 1 2;
    }
    TraineeNameScreen #trainee-name-title {
        text-style: bold;
        margin-bottom: 1;
    }
    TraineeNameScreen #trainee-name-help {
        margin-bottom: 1;
    }
    TraineeNameScreen #trainee-name-error {
        height: auto;
        margin-top: 1;
    }
    """

    class Named(Message):
        """The trainee typed an acceptable name."""

        def __init__(self, trainee: str) -> None:
            super().__init__()
            self.trainee = trainee

    def __init__(self, exercise: str) -> None:
        super().__init__()
        self.exercise = exercise

    def compose(self) -> ComposeResult:
        with Vertical(id="trainee-name-dialog"):
            title = Text("Training: ", style=styles.LABEL)
            title.append(self.exercise)
            yield Static(title, id="trainee-name-title")
            yield Static(
                "Type your name and press Enter. Your trainer sees your results under this name.",
                id="trainee-name-help",
                markup=False,
            )
            yield Input(placeholder="Your name", max_length=NAME_LIMIT, id="trainee-name")
            yield Static("", id="trainee-name-error", markup=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            name = check_name(event.value)
        except ValueError as exc:
            self.failed(str(exc))
            return
        self.query_one(Input).disabled = True
        self._say(Text("Starting your session…", style=styles.MUTED))
        self.post_message(self.Named(name))

    def failed(self, reason: str) -> None:
        """Show why the name was not taken and let the trainee try again."""
        self._say(Text(reason[:1].upper() + reason[1:] + ".", style=styles.RED_TEXT))
        field = self.query_one(Input)
        field.disabled = False
        field.focus()

    def _say(self, text: Text) -> None:
        self.query_one("#trainee-name-error", Static).update(text)
