"""Rich styles shared by the detail pane, the flag list and the dialogs.

Colours are fixed (white on a strong background) so they read on dark and light themes
alike. Every style that marks a judgement also carries bold, underline or italic, and every
badge carries its own symbol and words, so nothing depends on colour alone: under
``NO_COLOR`` Textual greys the colours out and the marks still stand out.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

# Evidence painted inside the note or the reply.
RED_SPAN = Style(color="#ffffff", bgcolor="#b71c1c", bold=True, underline=True)
GOOD_SPAN = Style(color="#ffffff", bgcolor="#1b5e20", italic=True)
# The cue a training verdict is about, over any evidence style: a highlighter pen (dark
# on amber, bold and underlined), so the one cue stands out from the other flags' words.
CUE_SPAN = Style(color="#000000", bgcolor="#ffd54f", bold=True, underline=True)
# A flag about the field as a whole (no exact words to point at): coloured and underlined
# text rather than a solid background, so exact evidence still stands out above it.
RED_WHOLE = Style(color="#ef5350", underline=True)
GOOD_WHOLE = Style(color="#66bb6a", italic=True)

# Text-level judgements (flag markers, "— empty —" when it is a red flag).
RED_TEXT = Style(color="#ef5350", bold=True)
WARN_TEXT = Style(color="#ffa726", bold=True)
LOW_TEXT = Style(color="#b59a00")  # darker than medium: a weak flag reads weaker
GOOD_TEXT = Style(color="#66bb6a", bold=True)
# A high-severity flag is a solid white-on-red badge: red is darker than orange or yellow,
# so as plain text it read dimmer than a medium flag (and as a darker grey under NO_COLOR).
HIGH_BADGE = Style(color="#ffffff", bgcolor="#c62828", bold=True)

# Neutral facts.
HEADING = Style(bold=True, underline=True)
LABEL = Style(bold=True)
MUTED = Style(dim=True)
EMPTY = Style(italic=True, dim=True)
EMPTY_FLAGGED = Style(color="#ef5350", italic=True, bold=True)
UNKNOWN = Style(italic=True, dim=True)
NAME = Style(bold=True)


def badge(bgcolor: str, color: str = "#ffffff") -> Style:
    """A solid badge background; bold so it survives a monochrome terminal."""
    return Style(color=color, bgcolor=bgcolor, bold=True)


NEUTRAL_BADGE = badge("#546e7a")


def styled(words: str, style: Style | str | None) -> Text:
    """``words`` in ``style`` as a span, not as the Text's base style.

    A base style would spread to everything appended to the Text later.
    """
    text = Text()
    text.append(words, style)
    return text
