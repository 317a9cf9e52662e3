"""The reply composer for "ask": pick a template, edit it, record it or cancel.

invite-triage sends nothing anywhere: the button records the ask here and copies the
question to the clipboard, for the user to send on the platform (the inbox does both once
the ask is on disk).

For one sender the templates come with the sender's first name filled in. For several
marked senders (``recipients=N``) the text keeps the ``{first_name}`` placeholder so that
each sender can be greeted by name when the caller records the message.

Dismisses with the message text (``ctrl+s`` or the "Record ask & copy" button) or ``None``
(Esc or Cancel). An empty message is refused with a hint rather than recorded. Switching templates
(``ctrl+t``, or the tabs) keeps what was typed in each, so trying another wording never
loses an edit. The sender's name and note come from the database and are shown as
``Text``, never as markup. On a short terminal (under 24 rows) the editor and the note
shrink and the buttons go compact, so both buttons stay on screen down to 60x18. Control
codes in a paste are painted as visible stand-ins
(:class:`~tui.ui.dialogs.safe_text_area.SafeTextArea`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static, Tab, Tabs, TextArea

from tui.domain.models import Invitation
from tui.ui.dialogs.reply_templates import DEFAULT_TEMPLATES, PLACEHOLDER, ReplyTemplate, fill
from tui.ui.dialogs.safe_text_area import SafeTextArea
from tui.ui.render import styles
from tui.ui.render.profile import clip

EMPTY_HINT = "Write a message before recording it, or press Esc to cancel."
SEND_LABEL = "Record ask & copy (ctrl+s)"  # it sends nothing: the user does, on the platform


class ComposerScreen(ModalScreen[str | None]):
    """Compose the message that asks a sender why they want to connect."""

    DEFAULT_CSS = """
    ComposerScreen {
        align: center middle;
    }
    ComposerScreen > #composer-dialog {
        width: 90%;
        max-width: 88;
        height: auto;
        max-height: 95%;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }
    ComposerScreen #composer-title {
        text-style: bold;
    }
    ComposerScreen #composer-note {
        color: $text-muted;
        max-height: 3;
    }
    ComposerScreen Tabs {
        margin-top: 1;
    }
    ComposerScreen #composer-text {
        height: 8;
        min-height: 4;
    }
    ComposerScreen #composer-status {
        color: $text-muted;
    }
    ComposerScreen #composer-status.-error {
        color: $error;
        text-style: bold;
    }
    ComposerScreen #composer-buttons {
        height: auto;
        align-horizontal: right;
    }
    ComposerScreen #composer-buttons Button {
        margin-left: 1;
    }
    ComposerScreen.-short > #composer-dialog {
        width: 100%;
        max-height: 100%;
        border: none;
        border-top: thick $primary;
    }
    ComposerScreen.-short #composer-note {
        max-height: 1;
    }
    ComposerScreen.-short Tabs {
        margin-top: 0;
    }
    ComposerScreen.-short #composer-text {
        height: 4;
        min-height: 3;
    }
    ComposerScreen.-short #composer-buttons Button {
        border: none;
        height: 1;
        min-width: 0;
    }
    """

    VERTICAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-short"), (24, "-tall")]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "send", "Record & copy", id="composer.send"),
        Binding("escape", "cancel", "Cancel", id="composer.cancel"),
        Binding("ctrl+t", "next_template", "Next template", id="composer.next_template"),
    ]

    def __init__(
        self,
        invitation: Invitation | None,
        templates: Sequence[ReplyTemplate] | None = None,
        *,
        recipients: int = 1,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """``recipients > 1`` writes one message for many marked senders: the text keeps
        the ``{first_name}`` placeholder, for the caller to fill in per sender with
        :func:`tui.ui.dialogs.reply_templates.fill`."""
        super().__init__(name=name, id=id, classes=classes)
        self.invitation = invitation
        self.recipients = recipients if invitation is not None else max(recipients, 2)
        self.templates = tuple(templates or DEFAULT_TEMPLATES)
        if self.recipients > 1 or invitation is None:
            self._texts = [template.body for template in self.templates]
        else:
            self._texts = [fill(t, invitation.person.name) for t in self.templates]
        self._current = 0

    def _heading(self) -> tuple[Text, Text]:
        """The title, and the line under it: their note, or how the placeholder works."""
        if self.recipients > 1 or self.invitation is None:
            title = Text(f"Ask {self.recipients:,} marked senders what prompted the invitation")
            hint = styles.styled(PLACEHOLDER, styles.LABEL)
            hint.append(" becomes each sender's own first name.")
            return title, hint
        title = Text("Ask ")
        title.append(clip(self.invitation.person.name, 60) or "(no name)", styles.NAME)
        title.append(" what prompted the invitation")
        note = self.invitation.note
        their_note = styles.styled("Their note: ", styles.LABEL)
        if note and note.strip():
            their_note.append(clip(note, 200))
        else:
            their_note.append("(no note)", styles.EMPTY)
        return title, their_note

    def compose(self) -> ComposeResult:
        title, under = self._heading()
        with Vertical(id="composer-dialog"):
            yield Static(title, id="composer-title")
            yield Static(under, id="composer-note")
            yield Tabs(
                *(
                    Tab(Text(clip(template.title, 30)), id=f"template-{index}")
                    for index, template in enumerate(self.templates)
                ),
                id="composer-templates",
            )
            yield SafeTextArea(self._texts[0], id="composer-text", soft_wrap=True)
            yield Static(self._status(), id="composer-status")
            with Horizontal(id="composer-buttons"):
                yield Button(SEND_LABEL, id="composer-send", variant="primary")
                yield Button("Cancel (esc)", id="composer-cancel")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    @property
    def text(self) -> str:
        """The message as it stands in the editor."""
        return self.query_one(TextArea).text

    @property
    def template_index(self) -> int:
        """Which template is being edited."""
        return self._current

    def _status(self, error: str | None = None) -> Text:
        if error:
            return Text(error)
        count = len(self._texts[self._current].strip())
        return Text(f"{count} characters · ctrl+t next template · Tab moves between parts")

    def select_template(self, index: int) -> None:
        """Switch to template ``index``, keeping the edits made in the current one."""
        index %= len(self.templates)
        if index == self._current:
            return
        area = self.query_one(TextArea)
        self._texts[self._current] = area.text
        self._current = index
        area.load_text(self._texts[index])
        area.move_cursor(area.document.end)
        tabs = self.query_one(Tabs)
        if tabs.active != f"template-{index}":
            tabs.active = f"template-{index}"

    @on(Tabs.TabActivated)
    def _tab_activated(self, event: Tabs.TabActivated) -> None:
        event.stop()
        if event.tab.id and event.tab.id.startswith("template-"):
            self.select_template(int(event.tab.id.removeprefix("template-")))

    @on(TextArea.Changed)
    def _text_changed(self, event: TextArea.Changed) -> None:
        self._texts[self._current] = event.text_area.text
        status = self.query_one("#composer-status", Static)
        status.remove_class("-error")
        status.update(self._status())

    def action_next_template(self) -> None:
        self.select_template(self._current + 1)

    def action_send(self) -> None:
        message = self.text.strip()
        if not message:
            status = self.query_one("#composer-status", Static)
            status.add_class("-error")
            status.update(self._status(EMPTY_HINT))
            self.app.bell()
            self.query_one(TextArea).focus()
            return
        self.dismiss(message)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#composer-send")
    def _send_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_send()

    @on(Button.Pressed, "#composer-cancel")
    def _cancel_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_cancel()
