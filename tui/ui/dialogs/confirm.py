"""A yes/no question, used before a decision applies to many marked invitations.

The question names the first few senders it is about, so "Accept 200 marked invitations?"
is never a blind yes. No has the focus: Enter presses the focused button, so a stray
Enter changes nothing; ``y`` says yes, ``n`` or Esc no, Tab moves between the buttons.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from tui.domain.safe_text import visible


class ConfirmScreen(ModalScreen[bool]):
    """Ask ``question`` (about ``detail``); dismiss with ``True`` for yes, ``False`` for no."""

    DEFAULT_CSS = """
    ConfirmScreen {
        align: center middle;
    }
    ConfirmScreen > #confirm-dialog {
        width: auto;
        min-width: 40;
        max-width: 90%;
        height: auto;
        border: thick $warning;
        background: $surface;
        padding: 1 2;
    }
    ConfirmScreen #confirm-question {
        width: auto;
        max-width: 76;
        text-style: bold;
    }
    ConfirmScreen #confirm-detail {
        width: auto;
        max-width: 76;
        color: $text-muted;
    }
    ConfirmScreen #confirm-buttons {
        width: auto;
        height: auto;
        margin-top: 1;
    }
    ConfirmScreen #confirm-buttons Button {
        margin-right: 2;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("enter", "press_focused", "Press", show=False, id="confirm.enter"),
        Binding("n", "answer(False)", "No", id="confirm.no"),
        Binding("escape", "answer(False)", "No", show=False, id="confirm.escape"),
    ]

    def __init__(
        self,
        question: str,
        *,
        detail: str | None = None,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-dialog"):
            yield Static(Text(visible(self.question)), id="confirm-question")
            if self.detail:
                yield Static(Text(visible(self.detail)), id="confirm-detail")
            with Horizontal(id="confirm-buttons"):
                yield Button("Yes (y)", id="confirm-yes", variant="warning")
                yield Button("No (n)", id="confirm-no")

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)

    def action_press_focused(self) -> None:
        """Enter: whichever button has the focus (No, unless the user moved to Yes)."""
        focused = self.focused
        self.dismiss(isinstance(focused, Button) and focused.id == "confirm-yes")

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm-yes")
