"""An empty Textual app, a Label and a Footer: the start-up baseline for term_bench.py."""

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.widgets import Footer, Label


class Empty(App):
    BINDINGS: ClassVar[list[BindingType]] = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Label("empty")
        yield Footer()


if __name__ == "__main__":
    Empty().run()
