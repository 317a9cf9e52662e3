"""An empty Textual app (a Label and a Footer): the start-up baseline."""
from textual.app import App
from textual.widgets import Footer, Label


class Empty(App):
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self):
        yield Label("empty")
        yield Footer()


if __name__ == "__main__":
    Empty().run()
