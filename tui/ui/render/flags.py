"""Render the red flags, the positive signals and the recommendation as Rich ``Text``.

Each flag starts with a symbol and a severity word (``▲ HIGH``, ``▲ MED``, ``△ LOW``,
``✚ GOOD``) so the list ranks by eye with or without colour; a high flag is a solid badge,
the most prominent mark on the pane. Explanations come from the flags engine; codes the UI
does not know still show, with a title made from the code.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

from rich.style import Style
from rich.text import Text

from tui.domain.models import Flag, Recommendation
from tui.domain.safe_text import visible
from tui.domain.vocabulary import FAMILY_LABELS, flag_title
from tui.ui.render import styles

# severity -> (symbol, word, style, rank)
SEVERITIES: dict[str, tuple[str, str, Style, int]] = {
    "high": ("▲", "HIGH", styles.HIGH_BADGE, 0),
    "medium": ("▲", "MED ", styles.WARN_TEXT, 1),
    "low": ("△", "LOW ", styles.LOW_TEXT, 2),
}
SIGNAL = ("✚", "GOOD", styles.GOOD_TEXT, 3)

ACTIONS: dict[str, tuple[str, Style]] = {
    "accept": ("✔ ACCEPT", styles.badge("#2e7d32")),
    "ask": ("? ASK FIRST", styles.badge("#f9a825", "#000000")),
    "ignore": ("✘ IGNORE", styles.badge("#c62828")),
    # Not a decision: an ask still has time to be answered.
    "wait": ("◷ WAIT", styles.badge("#0277bd")),
}

BULLET = "• "
NBSP = "\u00a0"


def title(code: str) -> str:
    """A readable title for a flag code."""
    return flag_title(visible(code, keep_newlines=False))


def _detail(flag: Flag) -> str:
    if not flag.detail:
        return ""
    words = [FAMILY_LABELS.get(item, visible(item, keep_newlines=False)) for item in flag.detail]
    if flag.code == "sparse_profile":
        return "empty: " + ", ".join(words)
    if flag.code == "stated_reason":
        return "reason: " + ", ".join(words)
    return ", ".join(words)


def _rank(flag: Flag) -> int:
    if flag.kind != "red":
        return SIGNAL[3]
    return SEVERITIES.get(flag.severity, SEVERITIES["low"])[3]


def ranked(flags: Iterable[Flag]) -> list[Flag]:
    """Red flags worst first, then the positive signals."""
    return sorted(flags, key=_rank)


def marker(flag: Flag, *, aligned: bool = False) -> Text:
    """``▲ HIGH`` and the like: the flag's symbol and severity word in its style
    (``aligned``: padded, so that the titles after it line up in a list)."""
    symbol, word, style, _ = (
        SEVERITIES.get(flag.severity, SEVERITIES["low"]) if flag.kind == "red" else SIGNAL
    )
    text = styles.styled(f"{symbol} {word.rstrip()}", style)
    if aligned:
        text.append(" " * (len(word) - len(word.rstrip())))
    return text


def flag_line(flag: Flag, *, gutter: str | None = None, stress: bool = False) -> Text:
    """One flag: marker, severity, title, explanation and its detail.

    ``gutter`` (a training verdict's): a one-cell mark before it; a blank gutter keeps the
    line aligned with marked ones. ``stress`` paints the title as the verdict's cue.
    """
    line = Text()
    if gutter is not None:
        line.append(f"{gutter or ' '} ", styles.LABEL)
    line.append_text(marker(flag, aligned=True))
    line.append(" ")
    line.append(title(flag.code), styles.CUE_SPAN if stress else styles.LABEL)
    if flag.explanation:
        line.append(" — ")
        line.append(visible(flag.explanation))
    detail = _detail(flag)
    if detail:
        line.append(f" ({detail})", styles.MUTED)
    return line


def flag_lines(
    flags: Iterable[Flag],
    marks: Mapping[str, str] | None = None,
    stress: Collection[str] = (),
) -> list[Text]:
    """Red flags first (worst first), then the positive signals, each under a heading.

    ``marks`` maps flag codes to a one-cell mark (a training verdict's cue and the cues
    beside it): every line then gets a gutter. The titles of the flags in ``stress`` (the
    verdict's cue) are painted to stand out.
    """
    ordered = ranked(flags)
    reds = [flag for flag in ordered if flag.kind == "red"]
    signals = [flag for flag in ordered if flag.kind != "red"]

    def line(flag: Flag) -> Text:
        gutter = None if marks is None else marks.get(flag.code, "")
        return flag_line(flag, gutter=gutter, stress=flag.code in stress)

    lines = [styles.styled(f"Red flags ({len(reds)})", styles.HEADING)]
    none = styles.styled("No red flags.", styles.GOOD_TEXT)
    lines += [line(flag) for flag in reds] or [none]
    if signals:
        lines.append(Text())
        lines.append(styles.styled(f"Signals ({len(signals)})", styles.HEADING))
        lines += [line(flag) for flag in signals]
    return lines


def flag_list(flags: Iterable[Flag]) -> Text:
    """:func:`flag_lines` as one ``Text``."""
    return Text("\n").join(flag_lines(flags))


def flag_titles(flags: Iterable[Flag]) -> Text:
    """Every flag and signal in one run, worst first: ``▲ HIGH Sales pitch  ▲ MED …``;
    a line break never separates a flag's mark from its title (no-break spaces)."""
    text = Text()
    for flag in ranked(flags):
        if text:
            text.append("  ")
        mark = marker(flag)
        mark.plain = mark.plain.replace(" ", NBSP)
        text.append_text(mark)
        text.append(NBSP + title(flag.code), styles.LABEL)
    if not text:
        text.append("No red flags.", styles.GOOD_TEXT)
    return text


def action_badge(action: str) -> Text:
    """The recommended action as a badge with its own symbol and words."""
    words, style = ACTIONS.get(action, (visible(action, keep_newlines=False).upper(), None))
    return styles.styled(f" {words} ", style or styles.NEUTRAL_BADGE)


def recommendation_lines(recommendation: Recommendation | None) -> list[Text]:
    """'Recommended: ✔ ACCEPT', then its reasons as bullets (one ``Text`` each)."""
    text = styles.styled("Recommended: ", styles.LABEL)
    if recommendation is None:
        text.append("no recommendation yet", styles.UNKNOWN)
        return [text]
    text.append_text(action_badge(recommendation.action))
    return [text, *(Text(BULLET + visible(reason)) for reason in recommendation.reasons)]


def recommendation_text(recommendation: Recommendation | None) -> Text:
    """:func:`recommendation_lines` as one ``Text``."""
    return Text("\n").join(recommendation_lines(recommendation))


def verdict_line(recommendation: Recommendation | None) -> Text:
    """The badge and the main why: the first reason; for a wait, the first two (since
    when you asked, and until when the policy waits before silence counts)."""
    if recommendation is None:
        return styles.styled("No recommendation yet.", styles.UNKNOWN)
    text = action_badge(recommendation.action)
    shown = 2 if recommendation.action == "wait" else 1
    for reason in recommendation.reasons[:shown]:
        text.append(" ")
        text.append(visible(reason, keep_newlines=False))
    return text
