"""The one exception importers raise: a refusal a user can act on, naming file and line.

Every message is a single line. Values quoted from the file go through :func:`shown`, so a
hostile cell (ANSI escapes, bidi overrides, a 10 kB name) cannot garble the terminal or
flood it, while the stored data itself is never altered.
"""

from __future__ import annotations

import json

from tui.domain.safe_text import visible

SHOWN_LIMIT = 60


class ImportFileError(Exception):
    """A file that cannot be imported; ``str()`` gives ``FILE:LINE: reason`` on one line."""

    def __init__(self, where: str, reason: str, line: int | None = None):
        self.where = where
        self.line = line
        self.reason = reason
        location = where if line is None else f"{where}:{line}"
        super().__init__(f"{location}: {reason}")


def shown(value: object) -> str:
    """A short, terminal-safe rendering of a value taken from an imported file."""
    if isinstance(value, str):
        text = json.dumps(value, ensure_ascii=True)  # escapes controls, bidi, and newlines
    else:
        text = json.dumps(value, ensure_ascii=True, default=repr)
    if len(text) > SHOWN_LIMIT:
        text = text[: SHOWN_LIMIT - 3] + "..."
    return text


def label(path: object) -> str:
    """A file name fit for an error line (control and bidi characters escaped)."""
    return visible(str(path), keep_newlines=False)
