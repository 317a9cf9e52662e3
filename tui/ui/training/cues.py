"""A verdict's cues on screen: which flag lines to mark, which words to stress, and the few
lines that name them.

A :class:`~tui.simulate.verdict.Judgement` names one cue (the one that pointed the right
way, made an ask unneeded, was missed, or misled) and, for the two mistakes, the cues
around it: ``also`` (the others pointing the same way) and ``caught_by`` (what could have
caught it, asking included). The verdict screen shows them where the trainee can check
them: the cue's flag line is marked ``▶`` and its title stressed, the others' ``▷``; when
the cue is in the note or the reply, its words are stressed there (the cue's own spans, or
the whole field when the cue is about it as a whole, as a stock note is). Cues that are
moments (silence, a reply on its way, what asking would have shown) have nothing to point
at, so :func:`lesson_text` says them in words.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text

from tui.domain.safe_text import visible
from tui.simulate.verdict import Cue, Judgement
from tui.ui.render import styles

CUE_MARK = "▶"
OTHER_MARK = "▷"
# Where the trainee finds a flag's evidence on the verdict screen, by the flag's field.
WHERE = {
    "note": "the note, marked below",
    "reply": "their reply, marked below",
    "photo": "the photo, beside their name",
    "known": "the known-contact badge, beside their name",
    "profile": "the profile",
    "mutual_connections": "the mutual connections, in the profile",
    "profile_created": "the profile's creation date, in the profile",
}
# kind -> (what the cue did, what the other cues did)
ROLES: dict[str, tuple[str, str | None]] = {
    "correct": ("pointed the right way", None),
    "extra-step": ("already made the answer clear", None),
    "cue-missed": ("the cue you missed", "Pointing the same way"),
    "misled": ("what misled you", "Could have caught it"),
}
STRESSED_FIELDS = ("note", "reply")


def others(judgement: Judgement) -> tuple[Cue, ...]:
    """The cues beside the main one: pointing the same way, or able to catch it."""
    if judgement.kind == "cue-missed":
        return judgement.also
    if judgement.kind == "misled":
        return judgement.caught_by
    return ()


def marks(judgement: Judgement | None) -> dict[str, str]:
    """Flag code -> the mark its flag line carries (the main cue wins a tie)."""
    if judgement is None:
        return {}
    found = {cue.code: OTHER_MARK for cue in others(judgement) if cue.kind != "moment"}
    if judgement.cue is not None and judgement.cue.kind != "moment":
        found[judgement.cue.code] = CUE_MARK
    return found


def stressed(judgement: Judgement | None) -> set[str]:
    """The flag whose title is painted as the cue: the main one only."""
    cue = judgement.cue if judgement is not None else None
    return {cue.code} if cue is not None and cue.kind != "moment" else set()


def emphasis(judgement: Judgement | None) -> dict[str, tuple[tuple[int, int], ...]]:
    """``note`` or ``reply`` -> the main cue's words there (empty: the whole field)."""
    cue = judgement.cue if judgement is not None else None
    if cue is None or cue.field not in STRESSED_FIELDS:
        return {}
    return {cue.field: cue.spans}


def skipped_the_ask(judgement: Judgement) -> bool:
    """The policy would have asked where the trainee decided outright: the cue did not
    point to the trainee's answer or against it, it called for asking (the post's method)."""
    return judgement.policy_outcome.startswith("ask_") and not judgement.outcome.startswith("ask_")


def lesson_text(judgement: Judgement, shown: Iterable[str]) -> Text | None:
    """ "What to look at": the cue and its role, where it is, then the cues beside it.

    ``shown`` are the flag codes whose lines the screen shows; a cue without one (a
    moment, or a flag the trainee met at another stage) is explained here instead.
    Nothing when the verdict names no cue (a lucky guess: its explanation says so).
    """
    cue = judgement.cue
    role, beside = ROLES.get(judgement.kind, ("the cue", None))
    if judgement.kind == "cue-missed" and skipped_the_ask(judgement):
        role = "the cue to ask first, which you skipped"
    around = others(judgement)
    if cue is None and not around:
        return None
    shown = set(shown)
    text = styles.styled("What to look at", styles.HEADING)
    if cue is not None:
        text.append("\n")
        text.append(f"{CUE_MARK} ", styles.LABEL)
        text.append(cue.title, styles.CUE_SPAN)
        text.append(f": {role}")
        where = WHERE.get(cue.field or "")
        if where and cue.code in shown:
            text.append(f" — see {where}")
        text.append(".")
        if cue.kind == "moment" or cue.code not in shown:
            text.append(f" {visible(cue.explanation)}")
    # A missed cue may stand alone; for a misleading one, "nothing" is the lesson itself.
    if beside is not None and (around or judgement.kind == "misled"):
        text.append("\n")
        text.append(f"{OTHER_MARK} ", styles.LABEL)
        text.append(f"{beside}: ", styles.LABEL)
        if around:
            text.append("; ".join(_beside(c, shown) for c in around))
            text.append(".")
        else:
            text.append("nothing visible.")
    return text


def _beside(cue: Cue, shown: set[str]) -> str:
    if cue.kind == "moment":
        return f"{cue.title.lower()} ({_lower_first(visible(cue.explanation).rstrip('.'))})"
    if cue.code in shown:
        return cue.title
    return f"{cue.title} ({_lower_first(visible(cue.explanation).rstrip('.'))})"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]
