"""The help screen: what the list's marks mean, and every key the app has, grouped.

First a legend of the marks a list row carries (status, flags, cursor, mark). Then the
keys: the app hands over its bindings as ``(key display, description, binding id)`` so the
screen shows the keys as the user's keymap has them, with each binding's id (the name a
``[keymap]`` entry rebinds it by). Entries sharing an id are merged (``j / down``). Groups
are guessed from the binding id's words; a fourth tuple item, when given, names the group
explicitly. Esc, ``q`` or ``?`` closes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import ClassVar

from rich.cells import cell_len
from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from tui.domain.safe_text import visible
from tui.ui.render import styles

# Groups for ids whose words alone would land them in the wrong group.
ID_GROUPS = {
    "back": "Move",
    "open_detail": "Move",
    "quit": "App",
    "quit_app": "App",
    "open_profile": "On the platform",
    "copy": "On the platform",
}

# (group, words in a binding id that put it there), checked in this order.
GROUPS: tuple[tuple[str, frozenset[str]], ...] = (
    ("Decide", frozenset({"accept", "ignore", "ask", "undo", "decide", "reply", "compose"})),
    ("Mark", frozenset({"mark", "unmark", "select", "selection"})),
    (
        "Search and filter",
        frozenset({"search", "find", "limit", "filter", "flagged", "clear", "sort"}),
    ),
    (
        "Views",
        frozenset(
            {"split", "splits", "tab", "status", "view", "pending", "asked", "replied"}
            | {"accepted", "ignored", "all", "training", "reveal"}
        ),
    ),
    (
        "App",
        frozenset(
            {"help", "quit", "palette", "command", "theme", "export", "screenshot", "refresh"}
        ),
    ),
    (
        "Move",
        frozenset(
            {"cursor", "down", "up", "first", "last", "top", "bottom", "page", "pageup"}
            | {"pagedown", "focus", "next", "previous", "prev", "move", "scroll", "home"}
            | {"end", "open", "detail", "left", "right"}
        ),
    ),
)
OTHER = "Other"
ORDER = ("Move", "Decide", "On the platform", "Mark", "Search and filter", "Views", "App", OTHER)


def group_of(binding_id: str) -> str:
    """The help group for a binding id such as ``inbox.accept`` or ``cursor_down``."""
    words = set(re.split(r"[^a-z0-9]+", binding_id.lower()))
    for group, keywords in GROUPS:
        if words & keywords:
            return group
    return OTHER


def group_bindings(
    bindings: Iterable[Sequence[str]],
) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """``[(group, [(keys, description, binding id), ...]), ...]`` in a stable, sensible
    order.

    Entries with the same binding id are merged into one row listing all their keys.
    """
    rows: dict[str, list[str]] = {}  # id -> [keys, description, group, id]
    for entry in bindings:
        key, description, binding_id = entry[0], entry[1], entry[2]
        group = entry[3] if len(entry) > 3 else group_of(binding_id)
        row = rows.setdefault(
            binding_id or f"{key}:{description}", ["", description, group, binding_id or ""]
        )
        if key not in row[0].split(" / "):
            row[0] = f"{row[0]} / {key}" if row[0] else key
    groups: dict[str, list[tuple[str, str, str]]] = {}
    for keys, description, group, binding_id in rows.values():
        groups.setdefault(group, []).append((keys, description, binding_id))
    ranked = sorted(groups, key=lambda g: (ORDER.index(g) if g in ORDER else len(ORDER), g))
    return [(group, groups[group]) for group in ranked]


def legend_table(legend: Iterable[tuple[str, str]]) -> Group:
    """The marks a list row carries, each with what it means."""
    table = Table.grid(padding=(0, 3))
    table.add_column("mark", style="bold", width=4, no_wrap=True)
    table.add_column("meaning", ratio=1)
    for mark, meaning in legend:
        table.add_row(Text(mark), Text(meaning))
    return Group(styles.styled("The list", styles.HEADING), table)


def help_table(bindings: Iterable[Sequence[str]]) -> Group:
    """A titled block (keys, what they do, binding id) per group, key columns aligned."""
    grouped = [
        (
            visible(group, keep_newlines=False),
            [tuple(visible(part, keep_newlines=False) for part in row) for row in rows],
        )
        for group, rows in group_bindings(bindings)
    ]
    key_width = min(24, max((cell_len(r[0]) for _, rows in grouped for r in rows), default=1))
    blocks: list = [
        styles.styled(
            "The last column is each key's binding id: a [keymap] entry in the config "
            "file rebinds the key by it.",
            styles.MUTED,
        )
    ]
    for group, rows in grouped:
        blocks.append(Text())
        blocks.append(styles.styled(group, styles.HEADING))
        table = Table.grid(padding=(0, 2))
        table.add_column("keys", style="bold", width=key_width, overflow="fold")
        table.add_column("description", ratio=1)
        table.add_column("id", style="dim", no_wrap=True)
        for keys, description, binding_id in rows:
            table.add_row(Text(keys), Text(description), Text(binding_id))
        blocks.append(table)
    return Group(*blocks)


class HelpScreen(ModalScreen[None]):
    """Lists the given bindings, grouped; scrolls with the arrows and PageUp/PageDown."""

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    HelpScreen > #help-dialog {
        width: 90%;
        max-width: 80;
        height: 90%;
        border: thick $primary;
        border-title-style: bold;
        background: $surface;
        padding: 0 1;
    }
    HelpScreen #help-body {
        height: 1fr;
    }
    HelpScreen #help-legend {
        margin-bottom: 1;
    }
    HelpScreen #help-footer {
        color: $text-muted;
        height: 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="help.close"),
        Binding("q", "close", "Close", show=False, id="help.quit"),
        Binding("question_mark", "close", "Close", show=False, id="help.toggle"),
        Binding("j", "scroll(1)", "Down", show=False, id="help.down"),
        Binding("k", "scroll(-1)", "Up", show=False, id="help.up"),
    ]

    def __init__(
        self,
        bindings: Iterable[Sequence[str]],
        *,
        legend: Iterable[tuple[str, str]] = (),
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.bindings = [tuple(entry) for entry in bindings]
        self.legend = list(legend)

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog") as dialog:
            dialog.border_title = "Help"
            with VerticalScroll(id="help-body"):
                if self.legend:
                    yield Static(legend_table(self.legend), id="help-legend")
                yield Static(help_table(self.bindings), id="help-table")
            yield Static(
                Text("↑/↓ j/k PageUp/PageDown scroll · Esc, q or ? closes"), id="help-footer"
            )

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

    def action_scroll(self, lines: int) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        body.scroll_relative(y=lines, animate=False)

    def action_close(self) -> None:
        self.dismiss(None)


def bound_keys(screen: Screen) -> list[tuple[str, ...]]:
    """``screen``'s keys as they are bound now (after the user's keymap), as entries for
    :class:`HelpScreen`, and the command palette's key last."""
    entries: list[tuple[str, ...]] = []
    for active in screen.active_bindings.values():
        binding = active.binding
        if binding.system or not binding.description:
            continue
        binding_id = binding.id or binding.action
        group = ID_GROUPS.get(binding_id)
        description = binding.tooltip or binding.description
        display = screen.app.get_key_display(binding)
        entry = (display, description, binding_id)
        entries.append((*entry, group) if group else entry)
    entries.append(("ctrl+p", "Command palette: every action, searchable", "palette"))
    return entries
