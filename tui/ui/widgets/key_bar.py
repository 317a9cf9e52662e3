"""The footer: the keys that matter now, drawn as one line of text.

Textual's ``Footer`` mounts a widget per key and rebuilds them whenever bindings change;
every extra widget also costs a little on every frame. This bar is one widget that draws
the same thing: the shown bindings of the current screen, with the keys as the user's
keymap has them, and the command palette key on the right. Clicking a key runs it. Like
the other bars it paints one cached strip (see :mod:`tui.ui.widgets.one_line`): it sits
in every full-width repaint, such as the one a decision causes, though it rarely changes.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.screen import Screen

from tui.ui.widgets.one_line import OneLineBar, Piece


class KeyBar(OneLineBar):
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
    KeyBar > .key-bar--label {
        color: $text;
    }
    """

    COMPONENT_CLASSES = frozenset({"key-bar--key", "key-bar--label"})

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self._items: list[tuple[str, str, str]] = []  # (key display, label, action)
        self._spans: list[tuple[int, int, str]] = []  # (start, end, action) as drawn

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._collect()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        if screen is self.screen:
            self._collect()

    def _collect(self) -> None:
        items: list[tuple[str, str, str]] = []
        seen: set[str] = set()
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if not binding.show or binding.action in seen or not active.enabled:
                continue
            seen.add(binding.action)
            items.append((self.app.get_key_display(binding), binding.description, binding.action))
        if items != self._items:
            self._items = items
            self.refresh()

    def _palette(self) -> str:
        if not self.app.ENABLE_COMMAND_PALETTE:
            return ""
        return f"{self.app.COMMAND_PALETTE_BINDING.replace('ctrl+', '^')} palette"

    def line_state(self):
        return (tuple(self._items), self._palette())

    def line_pieces(self) -> list[Piece]:
        key_style = self.part_style("key-bar--key")
        label_style = self.part_style("key-bar--label")
        width = self.line_width()
        palette = self._palette()
        pieces: list[Piece] = []
        used = 0
        self._spans = []
        room = width - (len(palette) + 2 if palette else 0)
        for key, label, action in self._items:
            start = used + (1 if used else 0)
            end = start + cell_len(key) + 1 + cell_len(label)
            if end > room:
                break  # drop keys from the right rather than cut one in half
            pieces += [(" " * (start - used), None), (key, key_style), (f" {label}", label_style)]
            self._spans.append((start, end, action))
            used = end
        if palette:
            key, label = palette.split(" ", 1)
            start = used + max(1, width - used - len(palette))
            pieces += [(" " * (start - used), None), (key, key_style), (f" {label}", label_style)]
            self._spans.append((start, start + len(palette), "app.command_palette"))
        return pieces

    async def on_click(self, event: events.Click) -> None:
        for start, end, action in self._spans:
            if start <= event.x < end:
                event.stop()
                await self.screen.run_action(action)
                return
