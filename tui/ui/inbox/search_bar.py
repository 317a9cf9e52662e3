"""The one-line prompt ``/`` (find) and ``\\`` (limit) open above the list.

Find jumps to the next match and leaves the list whole; limit shows only the matches.
The prompt says which one it is, and Esc cancels without changing anything. The screen
mounts the bar when asked and removes it when done: a hidden widget still costs Textual a
little on every key.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label

PROMPTS = {"find": "Find (name, company, headline, note):", "limit": "Show only matching:"}


class SearchBar(Horizontal):
    DEFAULT_CSS = """
    SearchBar {
        height: 1;
        background: $panel;
    }
    SearchBar > Label { padding: 0 1; text-style: bold; }
    SearchBar > Input, SearchBar > Input:focus {
        border: none;
        height: 1;
        padding: 0;
        width: 1fr;
        background: $boost;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="search_cancel")
    ]

    class Submitted(Message):
        def __init__(self, mode: str, text: str) -> None:
            super().__init__()
            self.mode = mode
            self.text = text

    class Cancelled(Message):
        pass

    def __init__(self, mode: str, text: str = "", *, id: str | None = None) -> None:
        """``mode`` is ``find`` or ``limit``; ``text`` the search it starts from."""
        super().__init__(id=id)
        self.mode = mode
        self.text = text

    def compose(self) -> ComposeResult:
        yield Label(PROMPTS[self.mode])
        yield Input(self.text, placeholder="type and press Enter; Esc cancels")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Submitted(self.mode, event.value.strip()))

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled())
