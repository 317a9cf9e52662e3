"""A ``TextArea`` that keeps pasted text exactly but never sends its control codes to the
terminal.

Textual's ``TextArea`` paints each line as it stands, so a pasted ``ESC [31m`` (or an OSC
sequence that writes the clipboard or the window title) would reach the terminal and act
there, and a right-to-left override would reorder what the user sees. The document keeps
every character as pasted (what is saved is what was pasted); only the painted line shows
each such character as one visible stand-in: a control picture (``␛`` for ESC, ``␇`` for
BEL) or ``�`` for C1 controls and bidi marks. One character for one, so the cursor and the
selection still fall on the right characters; the stand-ins take a cell where the original
took none, so a line holding them may paint a little wider than the editor wrapped it.
"""

from __future__ import annotations

import re

from rich.text import Text
from textual.widgets import TextArea

# As tui.domain.safe_text.visible escapes them (tab kept: the editor expands it).
UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
REPLACEMENT = "\ufffd"


def stand_in(char: str) -> str:
    """The visible character painted in place of an unsafe one."""
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟
    if code == 0x7F:
        return "\u2421"  # ␡
    return REPLACEMENT


def painted(line: str) -> str:
    """``line`` as the editor paints it: every unsafe character replaced one for one."""
    return UNSAFE.sub(lambda match: stand_in(match.group()), line)


def unsafe_count(text: str) -> int:
    """How many characters of ``text`` (newlines and tabs aside) are painted as stand-ins."""
    return sum(1 for char in UNSAFE.findall(text) if char != "\n")


class SafeTextArea(TextArea):
    """A ``TextArea`` whose painted lines hold no control or bidi characters."""

    def get_line(self, line_index: int) -> Text:
        # As TextArea builds it, but painted first: Rich's Text would drop BEL, BS, VT,
        # FF and CR outright, which shifts the cursor off the characters after them.
        return Text(painted(self.document.get_line(line_index)), end="", no_wrap=True)
