"""Points for what a trainee (or a strategy) finally did with an invitation, by true intent.

Why a table and not "right or wrong": choices differ in what they cost. Accepting a fake
profile puts a stranger with bad intentions among your contacts (they see them, and can
use your name to reach them), so it costs the most. Accepting a salesperson costs less
(a stream of pitches). Ignoring a genuine sender loses a useful contact but harms nobody.
Asking first is the careful choice; it only costs the sender one extra message, so it loses
a single point when the answer was already clear.

Every invitation is worth at most ``MAX_POINTS`` (the best choice had you known the
sender's intent). Harmful choices go below zero, so a policy that accepts everything cannot
hide its fakes behind its genuine contacts.

Outcomes, from what the log shows in the end:

- ``accept`` / ``ignore``: decided outright;
- ``ask_accept`` / ``ask_ignore``: asked first, then decided;
- ``asked``: asked and never concluded (you are not connected, so it scores as ``ask_ignore``);
- ``undecided``: never touched (no points: the exercise is to decide).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tui.domain.models import Decision

MAX_POINTS = 10
OUTCOMES = ("accept", "ask_accept", "ask_ignore", "asked", "ignore", "undecided")
GENUINE = ("known", "networker", "recruiter")
HARMFUL = ("salesperson", "fake")

# intent -> outcome -> points (the README documents this table).
POINTS: dict[str, dict[str, int]] = {
    "known": {"accept": 10, "ask_accept": 8, "ask_ignore": 2, "asked": 2, "ignore": 2},
    "networker": {"accept": 10, "ask_accept": 9, "ask_ignore": 3, "asked": 3, "ignore": 3},
    "recruiter": {"accept": 10, "ask_accept": 9, "ask_ignore": 7, "asked": 7, "ignore": 7},
    "salesperson": {"accept": -5, "ask_accept": -5, "ask_ignore": 9, "asked": 9, "ignore": 10},
    "fake": {"accept": -10, "ask_accept": -10, "ask_ignore": 9, "asked": 9, "ignore": 10},
}

# What a shortfall is called, so a report can group mistakes by how much they matter.
MISTAKE_KINDS = ("harmful", "missed", "extra-step", "undecided")

_EXPLAIN = {
    ("harmful", "fake"): "accepted a fake profile: it now sees your contacts and your name",
    ("harmful", "salesperson"): "accepted a salesperson: expect pitches, not a relationship",
    ("missed", "known"): "turned away someone you know",
    ("missed", "networker"): "turned away a genuine person who would have said why",
    ("missed", "recruiter"): "turned away a recruiter with a real opening",
    ("extra-step", "known"): "asked someone you already know to explain themselves",
    ("extra-step", "networker"): "asked first although the answer was already clear",
    ("extra-step", "recruiter"): "asked first although the answer was already clear",
    ("extra-step", "salesperson"): "asked first although ignoring was already safe",
    ("extra-step", "fake"): "asked first although ignoring was already safe",
}


@dataclass(frozen=True, slots=True)
class Score:
    outcome: str
    intent: str | None
    points: int
    max_points: int
    mistake: str | None  # one of MISTAKE_KINDS, or None when nothing was lost

    @property
    def explanation(self) -> str | None:
        if self.mistake is None:
            return None
        if self.mistake == "undecided":
            return "left undecided"
        return _EXPLAIN.get((self.mistake, self.intent or ""))


def score(intent: str | None, outcome: str) -> Score:
    """Points for one invitation. An unknown intent (real, imported data) scores 0 of 0."""
    if outcome not in OUTCOMES:
        raise ValueError(f"unknown outcome {outcome!r}")
    if intent not in POINTS:
        return Score(outcome, intent, 0, 0, None)
    if outcome == "undecided":
        return Score(outcome, intent, 0, MAX_POINTS, "undecided")
    points = POINTS[intent][outcome]
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
