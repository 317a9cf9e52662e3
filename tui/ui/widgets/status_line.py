"""The line above the footer: where the cursor is, what the list is limited to, marks.

Everything a user needs to know about the list's state is spelled out in words here, so
nothing depends on colour or on remembering which keys were pressed.
"""

from __future__ import annotations

from rich.text import Text

from tui.safe_text import visible
from tui.ui.widgets.one_line import OneLineBar


class StatusLine(OneLineBar):
    DEFAULT_CSS = """
    StatusLine {
        height: 1;
        background: $panel;
        color: $text-muted;
    }
    StatusLine > .status-line--strong {
        color: $text;
        text-style: bold;
    }
    """

    COMPONENT_CLASSES = frozenset({"status-line--strong"})

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self._parts: dict[str, object] = {}

    def show(
        self,
        *,
        position: int | None,
        total: int | None,
        total_known: bool,
        marked: int,
        flagged_only: bool,
        limit: str | None,
        find: str | None,
        busy: str | None,
        read_only: bool,
    ) -> None:
        parts = dict(locals())
        parts.pop("self")
        if parts != self._parts:
            self._parts = parts
            self.refresh()

    def line_state(self):
        return tuple(self._parts.items())

    def line_text(self) -> Text:
        p = self._parts
        strong = self.part_style("status-line--strong")
        text = Text(no_wrap=True, overflow="ellipsis")
        total = p.get("total")
        if total is None:
            text.append(" loading…")
        elif total == 0:
            text.append(" empty list")
        else:
            approx = "" if p.get("total_known") else "+"
            text.append(f" {p.get('position', 0) + 1:,}", strong)
            text.append(f" of {total:,}{approx}")
        if p.get("marked"):
            text.append(" · ")
            text.append(f"{p['marked']:,} marked", strong)
        if p.get("flagged_only"):
            text.append(" · ")
            text.append("flagged only", strong)
        if p.get("limit"):
            text.append(" · limit: ")
            text.append(visible(str(p["limit"]), keep_newlines=False), strong)
        if p.get("find"):
            text.append(" · find: ")
            text.append(visible(str(p["find"]), keep_newlines=False), strong)
        if p.get("read_only"):
            text.append(" · read-only (sent by you)")
        if p.get("busy"):
            text.append(" · ")
            text.append(str(p["busy"]), strong)
        return text
