"""One inbox row as a :class:`~textual.strip.Strip`: status, flags, name, headline, when.

Rows are built from segments directly (no markup is ever parsed), so a name such as
``[bold red]x[/]`` shows as typed, and control characters are made visible first by
:func:`tui.domain.safe_text.visible`. Every column has a fixed width for a given list width, so
the list reads as a table at any size from 80 columns up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from tui.domain.models import InboxRow
from tui.domain.safe_text import visible
from tui.domain.vocabulary import RED_FLAGS, SIGNALS
from tui.ui.render.timefmt import compact_age

# Status marks stand out without colour; the help screen explains them.
STATUS_MARKS = {
    "pending": "•",
    "asked": "?",
    "replied": "↩",
    "accepted": "✔",
    "ignored": "✘",
    "sent": "↗",
}
# What every mark in a row means, for the help screen's legend (the order rows read in).
LEGEND: tuple[tuple[str, str], ...] = (
    ("▶", "the selected invitation: every key acts on it"),
    ("*", "marked: a decision key then applies to every marked one"),
    ("•", "pending: not decided yet"),
    ("?", "asked: you asked why they want to connect, no reply yet"),
    ("↩", "replied: they answered your question"),
    ("✔", "accepted"),
    ("✘", "ignored"),
    ("↗", "sent: an invitation you sent (read-only)"),
    ("▲", "a red flag, high (solid red) or medium; one per flag, worst first"),
    ("△", "a low red flag: weak on its own"),
    ("4▲", "four or more red flags: the count and the worst one"),
    ("✚", "no red flag, and a good sign (known contact, a stated reason)"),
)
# Positive signals, should a stored assessment ever carry them beside the red flags.
SIGNAL_CODES = frozenset(SIGNALS)
# Longest text we ever look at for one cell: a 10 kB name costs no more than a short one.
CLIP = 300
FLAGS_WIDTH = 3
TIME_WIDTH = 6


@dataclass(frozen=True)
class RowStyles:
    """Rich styles for the parts of a row, resolved from the list's component classes."""

    base: Style
    cursor: Style
    marked: Style
    name: Style
    headline: Style
    time: Style
    flag_low: Style
    flag_mid: Style
    flag_high: Style
    signal: Style
    match: Style  # the find text where it occurs in a name or headline


def clean(text: str | None) -> str:
    """Database text made safe for one line: controls shown as escapes, newlines as spaces."""
    if not text:
        return ""
    return visible(text[:CLIP], keep_newlines=False)


def fit(text: str, width: int) -> str:
    """Exactly ``width`` cells: padded, or cut with an ellipsis."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + "…"


# Worst first: a filled triangle for high and medium flags, a hollow one for low, as in
# the detail pane's flag list, so the column ranks by shape as well as by colour.
RANK = {"high": 0, "medium": 1, "low": 2}
GLYPH = {"high": "▲", "medium": "▲", "low": "△"}


def flag_cell(codes: tuple[str, ...], styles: RowStyles) -> tuple[str, Style]:
    """The compact flag column: a triangle per red flag (a count past three), ✚ for good signs.

    Coloured by the worst flag; the shapes alone still rank rows under ``NO_COLOR``.
    Severities are the defaults from :mod:`tui.domain.vocabulary`; unknown codes count as medium.
    """
    severities = sorted(
        (RED_FLAGS.get(code, "medium") for code in codes if code not in SIGNAL_CODES),
        key=lambda severity: RANK.get(severity, 1),
    )
    if not severities:
        if any(code in SIGNAL_CODES for code in codes):
            return "✚", styles.signal
        return "", styles.base
    worst = severities[0]
    style = {"high": styles.flag_high, "medium": styles.flag_mid}.get(worst, styles.flag_low)
    if len(severities) > FLAGS_WIDTH:
        return f"{len(severities)}{GLYPH.get(worst, '▲')}", style
    return "".join(GLYPH.get(severity, "▲") for severity in severities), style


PREFIX_WIDTH = 4  # cursor, mark, a space, status


def columns(width: int) -> tuple[int, int]:
    """(name width, headline width) for a list ``width`` cells wide; headline may be 0."""
    rest = width - (PREFIX_WIDTH + 1 + FLAGS_WIDTH + 1 + 1 + TIME_WIDTH)
    name = max(8, min(26, rest * 2 // 5))
    headline = rest - name - 1
    if headline < 8:
        return max(1, rest), 0
    return name, headline


def matches(text: str, term: str | None) -> list[tuple[int, int]]:
    """Where ``term`` occurs in ``text``, ignoring case: ``[(start, end), ...]``."""
    if not term:
        return []
    found, folded, needle = [], text.casefold(), term.casefold()
    if len(folded) != len(text):  # case folding changed the length: no safe positions
        return []
    at = folded.find(needle)
    while at >= 0 and needle:
        found.append((at, at + len(needle)))
        at = folded.find(needle, at + len(needle))
    return found


def render_row(
    row: InboxRow,
    width: int,
    *,
    now: datetime,
    cursor: bool,
    marked: bool,
    show_flags: bool,
    styles: RowStyles,
    find: str | None = None,
) -> Strip:
    """The row at ``width`` cells; the cursor row carries a ▶ and a marked row a ``*`` as
    well as their colours. ``find`` is highlighted where it shows in the name or headline."""
    name_w, headline_w = columns(width)
    overlay = styles.cursor if cursor else (styles.marked if marked else None)
    segments: list[Segment] = []

    def part(text: str, style: Style) -> None:
        if not text:
            return
        style = styles.base + style
        segments.append(Segment(text, style + overlay if overlay else style))

    def cell(text: str, style: Style) -> None:
        last = 0
        for start, end in matches(text, find):
            if start > last:
                part(text[last:start], style)
            part(text[start:end], style + styles.match)
            last = end
        if last < len(text):
            part(text[last:], style)

    flags, flag_style = flag_cell(row.flag_codes, styles) if show_flags else ("", styles.base)
    part("▶" if cursor else " ", styles.name)
    part("*" if marked else " ", styles.marked if marked else styles.base)
    part(" ", styles.base)
    part(STATUS_MARKS.get(row.status, "·"), styles.time)
    part(" ", styles.base)
    part(flags, flag_style)  # the marks alone in the flag's colours (a high one is a badge)
    part(" " * (FLAGS_WIDTH - cell_len(flags)), styles.base)
    part(" ", styles.base)
    cell(fit(clean(row.name), name_w), styles.name)
    if headline_w:
        headline = clean(row.headline) or clean(row.company)
        part(" ", styles.base)
        cell(fit(headline, headline_w), styles.headline)
    part(" " + compact_age(row.sent_at, now).rjust(TIME_WIDTH), styles.time)
    strip = Strip(segments)
    return strip.crop_extend(0, width, styles.base + overlay if overlay else styles.base)
