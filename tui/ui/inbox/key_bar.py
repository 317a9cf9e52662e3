"""The footer: the keys that matter now, as one line, with Help and Quit always on it.

The shown bindings of the screen, with the keys as the user's keymap has them, and the
command palette's key on the right. When the line is too narrow for every key, keys are
dropped from the middle, never Help or Quit: those two are how a user finds the rest and
gets out. Clicking a key presses it.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.screen import Screen

from tui.ui.inbox.line_bar import LineBar

ALWAYS = ("help", "quit")  # binding ids never dropped for lack of room

Item = tuple[str, str, str, str]  # (key as displayed, label, key to press, binding id)


class KeyBar(LineBar):
    COMPONENT_CLASSES: ClassVar[set[str]] = {"key-bar--key"}
    DEFAULT_CSS = """
    KeyBar {
        height: 1;
        background: $panel;
        color: $text;
    }
    KeyBar > .key-bar--key {
        color: $accent;
        text-style: bold;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.items: list[Item] = []
        self._spans: list[tuple[int, int, str]] = []  # (start, end, key) as drawn

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        """The shown, enabled bindings of ``screen``, with keys as the keymap has them."""
        app = screen.app
        items: list[Item] = []
        seen: set[str] = set()
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if not binding.show or binding.action in seen or not active.enabled:
                continue
            seen.add(binding.action)
            display = app.get_key_display(binding)
            items.append((display, binding.description, key, binding.id or binding.action))
        if items != self.items:
            self.items = items
            self.update_line()

    def _fitting(self, width: int) -> list[Item]:
        """The items that fit ``width``, in order; Help and Quit kept whatever else goes."""
        kept = list(self.items)

        def used(items: list[Item]) -> int:
            return sum(cell_len(key) + 1 + cell_len(label) for key, label, _, _ in items) + max(
                0, len(items) - 1
            )

        while kept and used(kept) > width:
            droppable = [i for i, item in enumerate(kept) if item[3] not in ALWAYS]
            kept.pop(droppable[-1] if droppable else -1)
        return kept

    def line(self, width: int) -> Text:
        key_style = self.get_component_rich_style("key-bar--key", partial=True)
        palette = ""
        if self.app.ENABLE_COMMAND_PALETTE:
            palette = f"{self.app.COMMAND_PALETTE_BINDING.replace('ctrl+', '^')} palette"
        items = self._fitting(width)
        room = width - (len(palette) + 2 if palette else 0)
        if palette and sum(cell_len(i[0]) + cell_len(i[1]) + 2 for i in items) - 1 > room:
            palette = ""
        text = Text(no_wrap=True, overflow="crop")
        self._spans = []
        for display, label, key, _ in items:
            if text:
                text.append(" ")
            start = text.cell_len
            text.append(display, key_style)
            text.append(f" {label}")
            self._spans.append((start, text.cell_len, key))
        if palette:
            key, label = palette.split(" ", 1)
            text.append(" " * max(1, width - text.cell_len - len(palette)))
            start = text.cell_len
            text.append(key, key_style)
            text.append(f" {label}")
            self._spans.append((start, text.cell_len, self.app.COMMAND_PALETTE_BINDING))
        return text

    def key_at(self, x: int) -> str | None:
        """The key drawn at column ``x``, if any."""
        for start, end, key in self._spans:
            if start <= x < end:
                return key
        return None

    def on_click(self, event: events.Click) -> None:
        key = self.key_at(event.x)
        if key is not None:
            self.app.simulate_key(key)
