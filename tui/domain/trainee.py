"""What a trainee's name may be: the rule the served name screen checks as it is typed.

Anything printable is kept exactly as typed (Rich markup such as ``[bold]`` and formula
prefixes are plain text here; every place that shows or exports a name escapes it), but
control characters, ANSI escapes and bidi overrides are refused: they can only come from a
paste, and would show up escaped in the trainer's report.
"""

from __future__ import annotations

from tui.domain.safe_text import has_controls

NAME_LIMIT = 200


def check_name(text: str) -> str:
    """The name as it will be stored; ``ValueError`` with a one-line reason otherwise."""
    name = text.strip()
    if not name:
        raise ValueError("a trainee needs a name")
    if len(name) > NAME_LIMIT:
        raise ValueError(f"a trainee name is at most {NAME_LIMIT} characters")
    if has_controls(name):
        raise ValueError("a name cannot hold control characters (tabs, escapes, bidi marks)")
    return name
