"""Making untrusted text safe to print in a terminal without changing what it says."""

from __future__ import annotations

import re

# C0 and C1 controls (tab and newline excepted), DEL, and the Unicode bidirectional
# controls that can reorder what a terminal shows (the "Trojan Source" characters).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def visible(text: str, *, keep_newlines: bool = True) -> str:
    """Show control and bidi-override characters as escapes (``\\x1b``, ``\\u202e``)."""
    if not keep_newlines:
        text = text.replace("\r\n", "\n").replace("\n", " ").replace("\t", " ")

    def escape(match: re.Match) -> str:
        code = ord(match.group())
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _UNSAFE.sub(escape, text)


def has_controls(text: str) -> bool:
    """Whether ``text`` holds a character :func:`visible` would escape (newlines count too)."""
    return bool(_UNSAFE.search(text)) or "\n" in text or "\t" in text
