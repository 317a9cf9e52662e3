"""The words training screens use for senders' intents, outcomes and points.

One table so the verdict, the report and its chart call each thing by the same name.
Every label is plain text that reads without colour. Points are written by
:mod:`tui.simulate.scoring` (``+9 of 10``, ``−10``), as ``simulate`` and the CSV write them.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from tui.simulate.scoring import points_text, signed
from tui.ui.render import styles

# intent -> (short label for tables, what the sender really was, in a sentence)
INTENTS: dict[str, tuple[str, str]] = {
    "known": ("someone known", "someone you already know"),
    "networker": ("networker", "a genuine person growing their network"),
    "recruiter": ("recruiter", "a recruiter with a real opening"),
    "salesperson": ("salesperson", "a salesperson looking for leads"),
    "fake": ("fake profile", "a fake profile: nobody real is behind it"),
}

# outcome -> label (from tui.simulate.scoring.OUTCOMES)
OUTCOMES: dict[str, str] = {
    "accept": "accepted",
    "ask_accept": "asked, then accepted",
    "ask_ignore": "asked, then ignored",
    "ignore": "ignored",
    "asked": "asked, not settled",
    "undecided": "undecided",
}

# action -> what the trainee did, as a badge-like word with its own symbol
ACTIONS: dict[str, str] = {"accept": "✔ ACCEPT", "ignore": "✘ IGNORE", "ask": "? ASK"}

# verdict kind -> its mark in titles and lists (the kind's title says the rest)
KIND_MARKS: dict[str, str] = {
    "correct": "✔",
    "extra-step": "~",
    "cue-missed": "✘",
    "misled": "⚠",
}

# verdict kind -> (one, several): how a count of them reads ("2 clear cues missed")
KIND_COUNTS: dict[str, tuple[str, str]] = {
    "correct": ("correct", "correct"),
    "extra-step": ("extra step", "extra steps"),
    "cue-missed": ("clear cue missed", "clear cues missed"),
    "misled": ("misled", "misled"),
}

MATCHED = styles.GOOD_TEXT
DIFFERS = styles.WARN_TEXT
GAIN = Style(bold=True)


def intent_label(intent: str | None) -> str:
    return INTENTS.get(intent or "", (intent or "unknown", ""))[0]


def intent_sentence(intent: str | None) -> str:
    found = INTENTS.get(intent or "")
    return found[1] if found else f"unknown ({intent or 'no intent recorded'})"


def styled_points(points: int, max_points: int) -> Text:
    """:func:`tui.simulate.scoring.points_text` (``+9 of 10``), the shortfall marked
    without relying on colour: the words are the scoring table's, only the style is ours."""
    style = styles.GOOD_TEXT if points >= max_points else styles.RED_TEXT if points < 0 else GAIN
    text = Text(points_text(points, max_points))
    text.stylize(style, 0, len(signed(points)))
    return text


def kind_count(kind: str, count: int) -> str:
    """``✘ 2 clear cues missed``: a count of one verdict kind, with its mark."""
    one, several = KIND_COUNTS.get(kind, (kind, kind))
    return f"{KIND_MARKS.get(kind, '·')} {count} {one if count == 1 else several}"
