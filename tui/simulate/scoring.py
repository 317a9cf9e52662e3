"""Points for what a trainee (or a strategy) finally did with an invitation, by true intent.

The one scoring table: ``simulate``, training verdicts, ``report`` and the results CSV all
score through :func:`score` and print points through :func:`points_text`, so every view
shows the same number for the same outcome.

Why a table and not "right or wrong": choices differ in what they cost. Accepting a fake
profile puts a stranger with bad intentions among your contacts (they see them, and can
use your name to reach them), so it costs the most. Accepting a salesperson costs less
(a stream of pitches). Ignoring a genuine sender loses a useful contact but harms nobody.

Asking first is the careful choice. It costs a point (two with someone you know) only when
it was an *extra* step: when what the invitation showed already made the answer clear, that
is when the reference policy would not have asked (``advised`` is ``accept`` or ``ignore``)
and its answer was the best one for this sender. An ask the policy would also have made, or
one that caught what the visible cues got wrong, costs nothing: it scores as the decision
it led to.

Every invitation is worth at most ``MAX_POINTS`` (the best choice had you known the
sender's intent). Harmful choices go below zero, so a policy that accepts everything cannot
hide its fakes behind its genuine contacts.

Outcomes, from what the log shows in the end:

- ``accept`` / ``ignore``: decided outright;
- ``ask_accept`` / ``ask_ignore``: asked first, then decided on the reply or the silence;
- ``asked``: asked and never settled, and ``undecided``: never touched. Neither is scored
  (0 of 10: the exercise is to decide) nor revealed: their intent stays hidden, so a retry
  of the same scenario is still a fair test.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tui.domain.models import Decision

MAX_POINTS = 10
OUTCOMES = ("accept", "ask_accept", "ask_ignore", "asked", "ignore", "undecided")
SETTLED_OUTCOMES = ("accept", "ask_accept", "ask_ignore", "ignore")
UNSETTLED_OUTCOMES = ("asked", "undecided")
GENUINE = ("known", "networker", "recruiter")
HARMFUL = ("salesperson", "fake")

# intent -> outcome -> points when the ask was an extra step (the README prints this table).
POINTS: dict[str, dict[str, int]] = {
    "known": {"accept": 10, "ask_accept": 8, "ask_ignore": 2, "ignore": 2},
    "networker": {"accept": 10, "ask_accept": 9, "ask_ignore": 3, "ignore": 3},
    "recruiter": {"accept": 10, "ask_accept": 9, "ask_ignore": 7, "ignore": 7},
    "salesperson": {"accept": -5, "ask_accept": -5, "ask_ignore": 9, "ignore": 10},
    "fake": {"accept": -10, "ask_accept": -10, "ask_ignore": 9, "ignore": 10},
}
# What an ask led to: a needed ask scores as this outcome.
AFTER_ASK = {"ask_accept": "accept", "ask_ignore": "ignore"}

# What a shortfall is called, so a report can group mistakes by what they cost.
MISTAKE_KINDS = ("harmful", "missed", "extra-step", "undecided")

_EXPLAIN = {
    ("harmful", "fake"): "accepted a fake profile: it now sees your contacts and your name",
    ("harmful", "salesperson"): "accepted a salesperson: expect pitches, not a relationship",
    ("missed", "known"): "turned away someone you know",
    ("missed", "networker"): "turned away a genuine person growing their network",
    ("missed", "recruiter"): "turned away a recruiter with a real opening",
    ("extra-step", "known"): "asked someone you already know to explain themselves",
    ("extra-step", "networker"): "asked first although the answer was already clear",
    ("extra-step", "recruiter"): "asked first although the answer was already clear",
    ("extra-step", "salesperson"): "asked first although ignoring was already safe",
    ("extra-step", "fake"): "asked first although ignoring was already safe",
}
_UNSETTLED = {
    "undecided": "left undecided",
    "asked": "asked, but not settled: no points until you accept or ignore",
}


@dataclass(frozen=True, slots=True)
class Score:
    outcome: str
    intent: str | None
    points: int
    max_points: int
    mistake: str | None  # one of MISTAKE_KINDS, or None when nothing was lost

    @property
    def points_lost(self) -> int:
        return self.max_points - self.points

    @property
    def explanation(self) -> str | None:
        """What the outcome cost, in words (None when nothing was lost)."""
        if self.mistake is None:
            return None
        if self.mistake == "undecided":
            return _UNSETTLED.get(self.outcome, "left undecided")
        return _EXPLAIN.get((self.mistake, self.intent or ""))


def ask_needed(intent: str | None, advised: str | None) -> bool:
    """Whether asking first was more than an extra step, given the policy's first advice.

    It was when the policy would have asked too, and when the policy's outright answer
    (``accept`` or ``ignore``, read from what the invitation showed) was not the best one
    for this sender: the cues misled, and asking is what catches that. ``advised=None``
    (not recorded) counts every ask as an extra step, as scores did before this rule.
    """
    if advised is None or intent not in POINTS:
        return False
    if advised not in ("accept", "ignore"):
        return True
    return POINTS[intent][advised] < MAX_POINTS


def score(intent: str | None, outcome: str, *, advised: str | None = None) -> Score:
    """Points for one invitation; ``advised`` is the policy's advice before the first decision.

    An unknown intent (real, imported data) scores 0 of 0.
    """
    if outcome not in OUTCOMES:
        raise ValueError(f"unknown outcome {outcome!r}")
    if intent not in POINTS:
        return Score(outcome, intent, 0, 0, None)
    if outcome in UNSETTLED_OUTCOMES:
        return Score(outcome, intent, 0, MAX_POINTS, "undecided")
    counted = (
        AFTER_ASK[outcome] if outcome in AFTER_ASK and ask_needed(intent, advised) else outcome
    )
    points = POINTS[intent][counted]
    return Score(outcome, intent, points, MAX_POINTS, _mistake(intent, outcome, points))


def _mistake(intent: str, outcome: str, points: int) -> str | None:
    if points >= MAX_POINTS:
        return None
    if points < 0:
        return "harmful"
    connected = outcome in ("accept", "ask_accept")
    if intent in GENUINE and not connected:
        return "missed"
    return "extra-step"


def outcome_of(status: str, decisions: Iterable[Decision]) -> str:
    """Reduce an invitation's decision log (undo entries included) to one outcome."""
    decisions = list(decisions)
    undone = {d.undoes for d in decisions if d.action == "undo"}
    asked = any(d.action == "ask" and d.id not in undone for d in decisions)
    if status == "accepted":
        return "ask_accept" if asked else "accept"
    if status == "ignored":
        return "ask_ignore" if asked else "ignore"
    if status in ("asked", "replied"):
        return "asked"
    return "undecided"


def signed(points: int) -> str:
    """``+9``, ``0``, ``−10``: a real minus sign, which no spreadsheet or eye misreads."""
    if points > 0:
        return f"+{points}"
    return f"−{-points}" if points < 0 else "0"


def total_text(points: int) -> str:
    """A total as the per-invitation scores write theirs: ``28``, ``−5`` (no plus)."""
    return signed(points).removeprefix("+")


def points_text(points: int, max_points: int) -> str:
    """How every view writes a score for one invitation: ``−10 of 10``, ``+9 of 10``."""
    return f"{signed(points)} of {max_points}"
