"""Turn a note (or a reply) plus the flags' evidence spans into highlighted Rich ``Text``.

Pure functions, no Textual: they are unit-tested on exact character ranges. The text comes
from the database and is untrusted, so it is never parsed as markup, and control or bidi
characters are shown as visible escapes. Escaping lengthens the text (one character becomes
``\\x1b``), so spans are applied segment by segment on the original text and each segment is
escaped on its own: the painted words stay exactly the ones the flag pointed at.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

from rich.style import Style
from rich.text import Text

from tui.domain.models import Flag
from tui.domain.safe_text import visible
from tui.ui.render import styles


def evidence_ranges(
    text: str, flags: Iterable[Flag], field: str
) -> list[tuple[int, int, str, bool]]:
    """The ``(start, end, kind, whole)`` ranges inside ``text`` that flags on ``field`` mark.

    A flag on the field with no spans marks the whole text (``whole=True``): a stock note
    is wrong as a whole. Spans are clamped to the text; empty or reversed spans are dropped.
    """
    size = len(text)
    ranges: list[tuple[int, int, str, bool]] = []
    for flag in flags:
        if flag.field != field:
            continue
        whole = not flag.spans
        for start, end in flag.spans or ((0, size),):
            start, end = max(0, min(start, size)), max(0, min(end, size))
            if start < end:
                ranges.append((start, end, flag.kind, whole))
    return ranges


def highlight(
    text: str,
    flags: Iterable[Flag],
    field: str,
    *,
    window: tuple[int, int] | None = None,
    red: Style = styles.RED_SPAN,
    good: Style = styles.GOOD_SPAN,
    red_whole: Style = styles.RED_WHOLE,
    good_whole: Style = styles.GOOD_WHOLE,
    emphasis: Iterable[tuple[int, int]] = (),
    emphasis_style: Style = styles.CUE_SPAN,
) -> Text:
    """``text`` shown literally, with red-flag evidence in ``red`` and signals in ``good``;
    only ``text[start:end]`` when a ``window`` is given (spans still count from 0).

    Exact words beat whole-field marks, and where a red flag and a signal point at the
    same words, the red flag wins. ``emphasis`` ranges (a training verdict's cue) are
    painted in ``emphasis_style`` over all of them.
    """
    ranges = evidence_ranges(text, flags, field)
    size = len(text)
    stressed = [
        (max(0, min(a, size)), max(0, min(b, size)))
        for a, b in emphasis
        if max(0, min(a, size)) < max(0, min(b, size))
    ]
    lo, hi = window if window is not None else (0, len(text))
    points = {p for r in ranges for p in r[:2]} | {p for r in stressed for p in r}
    cuts = sorted({lo, hi, *(p for p in points if lo < p < hi)})
    ranked = ((False, "red", red), (False, "signal", good), (True, "red", red_whole))
    pieces: list[tuple[str, Style | None]] = []
    for start, end in pairwise(cuts):
        marks = {(whole, kind) for a, b, kind, whole in ranges if a <= start and end <= b}
        style = next((s for whole, kind, s in ranked if (whole, kind) in marks), None)
        if style is None and marks:
            style = good_whole
        if any(a <= start and end <= b for a, b in stressed):
            style = emphasis_style
        if pieces and pieces[-1][1] == style:
            pieces[-1] = (pieces[-1][0] + text[start:end], style)
        else:
            pieces.append((text[start:end], style))
    result = Text()
    for piece, style in pieces:
        result.append(visible(piece), style)
    return result


def excerpt_window(text: str, flags: Iterable[Flag], field: str, size: int) -> tuple[int, int]:
    """The ``size`` characters of ``text`` worth showing first: from a little before the
    first exact evidence (a red flag's before a signal's), else from the start."""
    if len(text) <= size:
        return 0, len(text)
    exact = [r for r in evidence_ranges(text, flags, field) if not r[3]]
    exact.sort(key=lambda r: (r[2] != "red", r[0]))
    start = 0
    if exact:
        first, last = exact[0][0], exact[0][1]
        lead = min(size // 4, max(0, size - (last - first)) // 2)
        start = max(0, min(first - lead, len(text) - size))
        # Start at a word: back to the space before, if there is one near.
        space = text.rfind(" ", max(0, start - 12), start + 1)
        if start and space >= 0:
            start = space + 1
    end = min(len(text), start + size)
    if end < len(text):
        space = text.rfind(" ", end - 12, end)
        if space > start:
            end = space
    return start, end


def note_excerpt(note: str | None, flags: Iterable[Flag], size: int) -> Text:
    """At most ``size`` characters of the note around its evidence, with ``…`` where
    it is cut and newlines shown as spaces: the note at a glance."""
    flags = list(flags)
    if note is None or not note.strip():
        return note_text(note, flags)
    return _excerpt(note, flags, "note", size)


def reply_excerpt(reply: str, flags: Iterable[Flag], size: int) -> Text:
    """The sender's reply at a glance, as :func:`note_excerpt` shows the note."""
    return _excerpt(reply, list(flags), "reply", size)


def _excerpt(text: str, flags: list[Flag], field: str, size: int) -> Text:
    # Newlines become spaces one for one, so the flags' spans still point at their words.
    flat = text.replace("\r\n", " \n").replace("\n", " ").replace("\r", " ")
    start, end = excerpt_window(flat, flags, field, max(8, size - 2))
    shown = Text("…" if start else "")
    shown.append_text(highlight(flat, flags, field, window=(start, end)))
    if end < len(flat):
        shown.append("…")
    return shown


def note_text(
    note: str | None,
    flags: Iterable[Flag],
    *,
    reveal: bool = True,
    emphasis: Iterable[tuple[int, int]] | None = None,
) -> Text:
    """The invitation's note, highlighted when ``reveal``; a missing note says so.

    A missing or blank note that a flag points at (the stock-or-no-note flag) is shown as a
    red ``(no note)`` so the absence itself reads as evidence. ``emphasis``: see
    :func:`highlight`; an empty one (not None) stresses the whole note, or its absence.
    """
    flags = list(flags) if reveal else []
    if note is None or not note.strip():
        flagged = any(flag.field == "note" and flag.kind == "red" for flag in flags)
        if emphasis is not None:
            return styles.styled("⚑ (no note)" if flagged else "(no note)", styles.CUE_SPAN)
        if flagged:
            return styles.styled("⚑ (no note)", styles.RED_SPAN)
        return styles.styled("(no note)", styles.EMPTY)
    return highlight(note, flags, "note", emphasis=_stressed(note, emphasis))


def reply_text(
    reply: str,
    flags: Iterable[Flag],
    *,
    reveal: bool = True,
    emphasis: Iterable[tuple[int, int]] | None = None,
) -> Text:
    """The sender's latest reply, with the evidence of flags on the ``reply`` field
    (``emphasis`` as in :func:`note_text`)."""
    flags = list(flags) if reveal else []
    return highlight(reply, flags, "reply", emphasis=_stressed(reply, emphasis))


def _stressed(text: str, emphasis: Iterable[tuple[int, int]] | None) -> list[tuple[int, int]]:
    """The ranges to stress: none for None, the whole text for an empty list (a cue about
    the field as a whole, such as the stock note, has no words of its own)."""
    if emphasis is None:
        return []
    return list(emphasis) or [(0, len(text))]
