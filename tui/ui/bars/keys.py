"""The footer: the keys that matter now, drawn as one line of text.

Textual's ``Footer`` mounts a widget per key and rebuilds them whenever bindings change;
every widget also costs a little on every frame and every key press. This bar draws the
same thing: the shown bindings of the current screen, with the keys as the user's keymap
has them, and the command palette key on the right. Clicking a key runs it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len

from tui.ui.bars.base import Bar, PartStyle, Piece

if TYPE_CHECKING:
    from textual.screen import Screen

Item = tuple[str, str, str]  # (key as displayed, label, action)


class KeyLine(Bar):
    LINE = "chrome--keys"

    def __init__(self) -> None:
        super().__init__()
        self._items: list[Item] = []
        self._palette = ""
        self._spans: list[tuple[int, int, str]] = []  # (start, end, action) as drawn

    def show(self, items: list[Item], palette: str) -> None:
        """``palette``: the command palette's key and label (``^p palette``), or empty."""
        if items != self._items or palette != self._palette:
            self._items = items
            self._palette = palette
            self.changed()

    def collect(self, screen: Screen) -> None:
        """The shown, enabled bindings of ``screen``, with keys as the keymap has them."""
        app = screen.app
        items: list[Item] = []
        seen: set[str] = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            if not binding.show or binding.action in seen or not active.enabled:
                continue
            seen.add(binding.action)
            items.append((app.get_key_display(binding), binding.description, binding.action))
        palette = ""
        if app.ENABLE_COMMAND_PALETTE:
            palette = f"{app.COMMAND_PALETTE_BINDING.replace('ctrl+', '^')} palette"
        self.show(items, palette)

    def state(self):
        return (tuple(self._items), self._palette)

    def pieces(self, width: int, part: PartStyle) -> list[Piece]:
        key_style = part("chrome--keys-key")
        label_style = part("chrome--keys-label")
        palette = self._palette
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

    def action_at(self, x: int) -> str | None:
        for start, end, action in self._spans:
            if start <= x < end:
                return action
        return None
