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

Cue weights follow the flag severities (high 2, medium 1, low 0.5); a cue that settles the
question on its own (you know the sender; the note is a sales pitch) weighs 3, a stated
reason or a job offer 2. A profile without any medium or high red flag also looks genuine,
which counts 1 for the "welcome" side. The rating reads only what the invitation shows
before any reply: that is what the trainee judges first.
"""

from __future__ import annotations

from collections.abc import Iterable

from tui.domain.models import Flag

GENUINE = ("known", "networker", "recruiter")
RED_WEIGHT = {"high": 2.0, "medium": 1.0, "low": 0.5}
SIGNAL_WEIGHT = {"known_contact": 3.0, "stated_reason": 2.0, "recruiter_note": 2.0}
DECISIVE_RED = {"sales_pitch": 3.0}
CLEAN = 1.0  # no medium or high red flag: the invitation looks genuine

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
    """How strongly an invitation looks suspect, and how strongly it looks genuine."""
    red = signal = 0.0
    serious = False
    for flag in flags:
        if flag.kind == "red":
            red += DECISIVE_RED.get(flag.code, RED_WEIGHT.get(flag.severity, 1.0))
            serious = serious or flag.severity in ("high", "medium")
        else:
            signal += SIGNAL_WEIGHT.get(flag.code, 1.0)
    return red, signal + (0.0 if serious else CLEAN)


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

    from tui.domain.flags import evaluate

    if getattr(item, "messages", ()):
        item = replace(item, messages=())
    return rate(evaluate(item, evidence=False), item.person.intent)
