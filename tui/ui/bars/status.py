"""The line above the keys: where the cursor is, what the list is limited to, marks.

Everything a user needs to know about the list's state is spelled out in words here, so
nothing depends on colour or on remembering which keys were pressed.
"""

from __future__ import annotations

from tui.domain.safe_text import visible
from tui.ui.bars.base import Bar, PartStyle, Piece


class StatusText(Bar):
    LINE = "chrome--status"

    def __init__(self) -> None:
        super().__init__()
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
            self.changed()

    def state(self):
        return tuple(self._parts.items())

    def pieces(self, width: int, part: PartStyle) -> list[Piece]:
        p = self._parts
        strong = part("chrome--status-strong")
        pieces: list[Piece] = []
        add = pieces.append
        total = p.get("total")
        if total is None:
            add((" loading…", None))
        elif total == 0:
            add((" empty list", None))
        else:
            approx = "" if p.get("total_known") else "+"
            add((f" {p.get('position', 0) + 1:,}", strong))
            add((f" of {total:,}{approx}", None))
        if p.get("marked"):
            add((" · ", None))
            add((f"{p['marked']:,} marked", strong))
        if p.get("flagged_only"):
            add((" · ", None))
            add(("flagged only", strong))
        if p.get("limit"):
            add((" · limit: ", None))
            add((visible(str(p["limit"]), keep_newlines=False), strong))
        if p.get("find"):
            add((" · find: ", None))
            add((visible(str(p["find"]), keep_newlines=False), strong))
        if p.get("read_only"):
            add((" · read-only (sent by you)", None))
        if p.get("busy"):
            add((" · ", None))
            add((visible(str(p["busy"]), keep_newlines=False), strong))
        return pieces
