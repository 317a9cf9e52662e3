"""How hard an invitation is to judge, 1 (easy) to 5 (hard), after the NIST Phish Scale.

The Phish Scale rates a phishing e-mail by two things: how many *cues* it carries (more
cues, easier to spot) and how well its *premise* fits the reader (more plausible, harder).
An invitation works the same way once you ask "cues for what?":

- for a sender to turn away (salesperson, fake profile) the cues are its red flags and
  the plausibility is its positive signals (a stated reason, a headshot, shared contacts):
  a polished fake with a good note is the hard one;
- for a sender to welcome (someone you know, a genuine networker, a recruiter) it is the
  other way round: the signals help and the red flags mislead, so a real person with an
  empty profile and the stock note is the hard one.

Cue weights follow the flag severities, so one high-severity flag counts like two low ones.
The rating reads only what the invitation shows before any reply: that is what the trainee
judges first.
"""

from __future__ import annotations

from collections.abc import Iterable

from tui.models import Flag

GENUINE = ("known", "networker", "recruiter")
RED_WEIGHT = {"high": 2.0, "medium": 1.0, "low": 0.5}
SIGNAL_WEIGHT = 1.0

# (helpful cues level, misleading cues level) -> difficulty.
#   cues:        many (>= 3), some (>= 1.5), few
#   misleading:  low (< 1), medium (< 3), high
_GRID = {
    ("many", "low"): 1,
    ("many", "medium"): 2,
    ("many", "high"): 3,
    ("some", "low"): 2,
    ("some", "medium"): 3,
    ("some", "high"): 4,
    ("few", "low"): 3,
    ("few", "medium"): 4,
    ("few", "high"): 5,
}


def weights(flags: Iterable[Flag]) -> tuple[float, float]:
    """The weighted red-flag and positive-signal counts of an invitation."""
    red = signal = 0.0
    for flag in flags:
        if flag.kind == "red":
            red += RED_WEIGHT.get(flag.severity, 1.0)
        else:
            signal += SIGNAL_WEIGHT
    return red, signal


def rate(flags: Iterable[Flag], intent: str | None) -> int | None:
    """The difficulty of judging a sender of ``intent`` who shows ``flags`` (None if unknown)."""
    if intent is None:
        return None
    red, signal = weights(flags)
    helpful, misleading = (signal, red) if intent in GENUINE else (red, signal)
    cues = "many" if helpful >= 3 else "some" if helpful >= 1.5 else "few"
    plausible = "low" if misleading < 1 else "medium" if misleading < 3 else "high"
    return _GRID[cues, plausible]


def rate_item(item) -> int | None:
    """Rate an Invitation or NewInvitation with the red-flag rules (before any reply)."""
    from dataclasses import replace

    from tui.flags import evaluate

    if getattr(item, "messages", ()):
        item = replace(item, messages=())
    return rate(evaluate(item), item.person.intent)
