"""How hard an invitation is to judge, 1 (easy) to 5 (hard), after the NIST Phish Scale.

The Phish Scale rates a phishing e-mail by two things: how many *cues* it carries (more
cues, easier to spot) and how well its *premise* fits the reader (more plausible, harder).
An invitation works the same way once you see that one cue carries the premise: the one
the rules decide on (you know the sender, the note states a reason or offers a job, the
note is a sales pitch; with none of those, the rules ask), and once you see which way
doubt falls. Under the taught rules doubt ends in ignoring (ask; no reason, no reply:
ignore), so a harmful sender has two defences (their red flags, and asking), while a
genuine one is lost by missing the one cue that shows they are genuine:

==========================================  =====  =====================================
the invitation                              level  because
==========================================  =====  =====================================
harmful, red flags weighing 3 or more       1      a pitch, or a profile that gives them
  (a sales pitch weighs 3)                         away; asking would too
harmful, fewer red flags                    2      the rules ask, and asking exposes them
genuine, with a welcoming cue (known,       3      right, but missing that one cue turns
  a stated reason, a job offer)                    them away
genuine, no welcoming cue                   4      only a reply can show it, and some
                                                   never answer
the deciding cue points the wrong way       5      the rules themselves are fooled: a fake
                                                   or a seller with a convincing reason,
                                                   a genuine person whose note reads as a
                                                   pitch
==========================================  =====  =====================================

Red-flag weights follow the severities (high 2, medium 1, low 0.5; a sales pitch 3). The
rating reads only what the invitation shows before any reply: what the trainee judges
first.

The levels come from ``tests/bench/difficulty_bench.py``: simulated trainees of four
skills (the rules applied to the cues they notice, with slips) play exercises drawn to an
even mix, and no level may have fewer errors than the one below beyond sampling noise.
What it shows (README, *Difficulty*): levels 1 to 3 are all easy for a careful trainee
and part only for careless ones; 4 and 5 are where everyone errs. At 5 a careless trainee
errs no more than at 4: they follow the rules that are fooled there only part of the time.
An earlier grid added up "misleading" cues without asking whether they decide anything:
it put fakes with a convincing reason (which fool the rules every time) at level 3 beside
easy senders, and made its level 5 a mix that careful trainees got right 4 times in 10.
"""

from __future__ import annotations

from collections.abc import Iterable

from tui.domain.models import Flag

GENUINE = ("known", "networker", "recruiter")
RED_WEIGHT = {"high": 2.0, "medium": 1.0, "low": 0.5}
DECISIVE_RED = {"sales_pitch": 3.0}
CLEAN = 1.0  # no medium or high red flag: the invitation looks genuine
MANY_RED = 3.0  # red flags that expose a harmful sender before any reply

# The cue the rules decide on, and which way it points.
WELCOMING = ("known_contact", "stated_reason", "recruiter_note")
TURNING_AWAY = ("sales_pitch",)


def weights(flags: Iterable[Flag]) -> tuple[float, float]:
    """How strongly an invitation looks suspect, and how strongly it looks genuine."""
    red = signal = 0.0
    serious = False
    for flag in flags:
        if flag.kind == "red":
            red += DECISIVE_RED.get(flag.code, RED_WEIGHT.get(flag.severity, 1.0))
            serious = serious or flag.severity in ("high", "medium")
        else:
            signal += 2.0 if flag.code in WELCOMING else 1.0
    return red, signal + (0.0 if serious else CLEAN)


def premise(flags: Iterable[Flag]) -> str | None:
    """``accept`` or ``ignore``: where the deciding cue points; None when the rules ask."""
    from tui.domain.recommend import deciding_code

    code = deciding_code(list(flags))
    if code in WELCOMING:
        return "accept"
    if code in TURNING_AWAY:
        return "ignore"
    return None


def rate(flags: Iterable[Flag], intent: str | None) -> int | None:
    """The difficulty of judging a sender of ``intent`` who shows ``flags`` (None if unknown)."""
    if intent is None:
        return None
    flags = list(flags)
    genuine = intent in GENUINE
    points = premise(flags)
    if points is not None and (points == "accept") != genuine:
        return 5
    if genuine:
        return 3 if points == "accept" else 4
    red, _ = weights(flags)
    return 1 if red >= MANY_RED else 2


def rate_item(item) -> int | None:
    """Rate an Invitation or NewInvitation with the red-flag rules (before any reply)."""
    from dataclasses import replace

    from tui.domain.flags import evaluate

    if getattr(item, "messages", ()):
        item = replace(item, messages=())
    return rate(evaluate(item, evidence=False), item.person.intent)
