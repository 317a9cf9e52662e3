"""The words training screens use for senders' intents, outcomes and points.

One table so the verdict, the report and its chart call each thing by the same name.
Every label is plain text that reads without colour.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

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
    "asked": "asked, never settled",
    "undecided": "undecided",
}

# action -> what the trainee did, as a badge-like word with its own symbol
ACTIONS: dict[str, str] = {"accept": "✔ ACCEPT", "ignore": "✘ IGNORE", "ask": "? ASK"}

MATCHED = styles.GOOD_TEXT
DIFFERS = styles.WARN_TEXT
GAIN = Style(bold=True)


def intent_label(intent: str | None) -> str:
    return INTENTS.get(intent or "", (intent or "unknown", ""))[0]


def intent_sentence(intent: str | None) -> str:
    found = INTENTS.get(intent or "")
    return found[1] if found else f"unknown ({intent or 'no intent recorded'})"


def signed(points: int) -> str:
    """``+9``, ``0``, ``−10`` (a real minus sign, which no spreadsheet or eye misreads)."""
    if points > 0:
        return f"+{points}"
    return f"−{-points}" if points < 0 else "0"


def points_text(points: int, max_points: int) -> Text:
    """``+9 of 10`` with the shortfall, if any, marked without relying on colour."""
    text = Text()
    style = styles.GOOD_TEXT if points >= max_points else styles.RED_TEXT if points < 0 else None
    text.append(signed(points), style or GAIN)
    text.append(f" of {max_points}")
    return text
