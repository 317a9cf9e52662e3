"""The reply box: paste or type the sender's answer to your question, then save it.

For users who do not re-export their data: the answer came on the platform, and the user
brings it here so that it is read like any reply and the recommendation follows the
policy. Shows who it is for and the question it answers, then an editor.

Dismisses with the text exactly as it stands in the editor (``ctrl+s`` or the Save
button; nothing trimmed, nothing escaped: the store keeps what was pasted, the detail shows
it escaped), or ``None`` (Esc or Cancel). An empty answer, or one longer than
``REPLY_LIMIT`` characters, is refused with a hint. Control codes and bidi marks in a paste
are painted as visible stand-ins (:class:`~tui.ui.dialogs.safe_text_area.SafeTextArea`)
and the line under the editor says how many there are. Line endings are kept as newlines.
On a short terminal (under 24 rows) the box fills the screen and the buttons go compact,
so Save and Cancel stay on screen down to 60x18.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static, TextArea

from tui.domain.models import Invitation
from tui.ui.dialogs.safe_text_area import SafeTextArea, unsafe_count
from tui.ui.render import styles
from tui.ui.render.profile import clip

REPLY_LIMIT = 100_000  # characters: a real answer is a few hundred
EMPTY_HINT = "Paste or type their answer before saving, or press Esc to cancel."
LONG_HINT = f"That is more than {REPLY_LIMIT:,} characters: keep the answer itself."


def newlines(text: str) -> str:
    """``text`` with Windows line endings as newlines (the editor keeps a paste's own)."""
    return text.replace("\r\n", "\n")


class ReplyBoxScreen(ModalScreen[str | None]):
    """Record what the sender answered to your question."""

    DEFAULT_CSS = """
    ReplyBoxScreen {
        align: center middle;
    }
    ReplyBoxScreen > #reply-dialog {
        width: 90%;
        max-width: 88;
        height: auto;
        max-height: 95%;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }
    ReplyBoxScreen #reply-title {
        text-style: bold;
    }
    ReplyBoxScreen #reply-question {
        color: $text-muted;
        max-height: 3;
    }
    ReplyBoxScreen #reply-text {
        height: 8;
        min-height: 4;
        margin-top: 1;
    }
    ReplyBoxScreen #reply-status {
        color: $text-muted;
    }
    ReplyBoxScreen #reply-status.-error {
        color: $error;
        text-style: bold;
    }
    ReplyBoxScreen #reply-buttons {
        height: auto;
        align-horizontal: right;
    }
    ReplyBoxScreen #reply-buttons Button {
        margin-left: 1;
    }
    ReplyBoxScreen.-short > #reply-dialog {
        width: 100%;
        max-height: 100%;
        border: none;
        border-top: thick $primary;
    }
    ReplyBoxScreen.-short #reply-question {
        max-height: 2;
    }
    ReplyBoxScreen.-short #reply-text {
        height: 5;
        min-height: 3;
        margin-top: 0;
    }
    ReplyBoxScreen.-short #reply-buttons Button {
        border: none;
        height: 1;
        min-width: 0;
    }
    """

    VERTICAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-short"), (24, "-tall")]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save reply", id="reply_box.save"),
        Binding("escape", "cancel", "Cancel", id="reply_box.cancel"),
    ]

    def __init__(
        self,
        invitation: Invitation,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.invitation = invitation

    def _heading(self) -> tuple[Text, Text]:
        """The title, and the question it answers (the latest one you asked)."""
        invitation = self.invitation
        title = Text("Record ")
        title.append(clip(invitation.person.name, 60) or "(no name)", styles.NAME)
        title.append("'s answer")
        asked = next((m for m in reversed(invitation.messages) if m.direction == "out"), None)
        question = styles.styled("You asked: ", styles.LABEL)
        if asked is None:
            question.append("(your question is not recorded)", styles.EMPTY)
        else:
            question.append(clip(asked.body, 200))
        if invitation.reply is not None:
            question.append("  They answered already; this adds to it.", styles.MUTED)
        return title, question

    def compose(self) -> ComposeResult:
        title, question = self._heading()
        with Vertical(id="reply-dialog"):
            yield Static(title, id="reply-title")
            yield Static(question, id="reply-question")
            yield SafeTextArea("", id="reply-text", soft_wrap=True)
            yield Static(self._status(""), id="reply-status")
            with Horizontal(id="reply-buttons"):
                yield Button("Save reply (ctrl+s)", id="reply-save", variant="primary")
                yield Button("Cancel (esc)", id="reply-cancel")

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    @property
    def text(self) -> str:
        """The answer as it stands in the editor, its line endings as newlines."""
        return newlines(self.query_one(TextArea).text)

    @staticmethod
    def _status(text: str, error: str | None = None) -> Text:
        if error:
            return Text(error)
        if not text:
            return Text("Paste or type their answer · ctrl+s saves")
        line = f"{len(text):,} characters"
        hidden = unsafe_count(text)
        if hidden:
            kind = "character" if hidden == 1 else "characters"
            line += f" · {hidden:,} control or bidi {kind}, kept as pasted, shown as ␛/�"
        return Text(line)

    @on(TextArea.Changed)
    def _text_changed(self, event: TextArea.Changed) -> None:
        status = self.query_one("#reply-status", Static)
        status.remove_class("-error")
        status.update(self._status(newlines(event.text_area.text)))

    def _refuse(self, hint: str) -> None:
        status = self.query_one("#reply-status", Static)
        status.add_class("-error")
        status.update(self._status("", hint))
        self.app.bell()
        self.query_one(TextArea).focus()

    def action_save(self) -> None:
        text = self.text
        if not text.strip():
            self._refuse(EMPTY_HINT)
        elif len(text) > REPLY_LIMIT:
            self._refuse(LONG_HINT)
        else:
            self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#reply-save")
    def _save_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed, "#reply-cancel")
    def _cancel_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_cancel()
