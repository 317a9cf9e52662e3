"""After each training decision: the same invitation, its flags revealed, and what it meant.

The top box answers the trainee's three questions at a glance: did my choice match the
policy, who was this sender really, and how many points was it worth (with the reason
when points were lost). An "ask" is not the end of the story, so after one the intent
and the points stay hidden until the trainee decides on the reply (or on the silence).

Below, in a scrollable pane, the invitation as the policy sees it, in the order a trainee
learns from: the sender's card, the red flags and signals with their explanations, the
note and any reply with the evidence painted, the policy's advice and its reasons, then
the profile. Every string from the database is escaped and shown as ``Text``.

Enter, Space or Esc goes back to the inbox; ``z`` goes back and undoes the decision;
``q`` goes back and finishes the session (the report).
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from tui.models import Invitation
from tui.ui import render_flags, styles
from tui.ui.training_words import (
    ACTIONS,
    DIFFERS,
    MATCHED,
    intent_label,
    intent_sentence,
    points_text,
)
from tui.ui.widgets.detail_pane import detail_parts

LABEL_WIDTH = 10
# The order the revealed invitation is read in (names from detail_parts).
BODY_ORDER = ("header", "flags", "conversation", "recommendation", "profile")


def _row(label: str) -> Text:
    return styles.styled(f"{label:<{LABEL_WIDTH}}", styles.LABEL)


def summary_text(verdict) -> Text:
    """The three answers: your choice against the policy, the real intent, the points."""
    text = _row("You")
    text.append(ACTIONS.get(verdict.action, verdict.action.upper()), styles.LABEL)
    text.append("   policy: ")
    text.append_text(render_flags.action_badge(verdict.recommendation.action))
    text.append("   ")
    if verdict.matched_policy:
        text.append("✔ matches the policy", MATCHED)
    else:
        text.append("✘ differs from the policy", DIFFERS)
    text.append("\n")
    text.append_text(_row("Sender"))
    if verdict.settled:
        text.append(intent_sentence(verdict.intent), styles.LABEL)
        text.append(f"  [{intent_label(verdict.intent)}]", styles.MUTED)
    else:
        text.append("hidden until you decide on their reply, or on their silence", styles.MUTED)
    text.append("\n")
    text.append_text(_row("Points"))
    if verdict.settled and verdict.points is not None and verdict.max_points is not None:
        text.append_text(points_text(verdict.points, verdict.max_points))
        if verdict.explanation:
            text.append(f" — {verdict.explanation}")
        elif verdict.points >= verdict.max_points:
            text.append(" — the best choice for this sender")
    else:
        text.append("none yet: an ask is scored when you settle it (accept or ignore)")
    return text


def body_text(verdict, invitation: Invitation) -> Text:
    """The invitation with everything revealed, flags before the note they explain."""
    parts = detail_parts(invitation, list(verdict.flags), verdict.recommendation, reveal=True)
    parts["recommendation"] = _advice(verdict)
    ordered = [parts[name] for name in BODY_ORDER if name in parts]
    return Text("\n\n").join(ordered)


def _advice(verdict) -> Text:
    text = styles.styled("What the policy advised", styles.HEADING)
    text.append("\n")
    text.append_text(render_flags.recommendation_text(verdict.recommendation))
    return text


class VerdictScreen(Screen[str | None]):
    """Dismisses with ``None`` (carry on), ``"undo"`` or ``"finish"``."""

    DEFAULT_CSS = """
    VerdictScreen #verdict-summary {
        height: auto;
        border: round $accent;
        border-title-style: bold;
        padding: 0 1;
    }
    VerdictScreen #verdict-summary.-differs {
        border: round $warning;
    }
    VerdictScreen #verdict-body {
        height: 1fr;
        padding: 0 1;
        scrollbar-size-vertical: 1;
    }
    VerdictScreen #verdict-body:focus {
        background: $boost;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "close", "Continue", id="verdict.continue"),
        Binding("space,escape", "close", "Continue", show=False, id="verdict.close"),
        Binding("z,u", "undo", "Undo this decision", id="verdict.undo"),
        Binding("q", "finish", "Finish", id="verdict.finish"),
        Binding("j", "scroll(1)", "Scroll", show=False, id="verdict.down"),
        Binding("k", "scroll(-1)", "Scroll", show=False, id="verdict.up"),
    ]

    def __init__(self, verdict, invitation: Invitation) -> None:
        super().__init__()
        self.verdict = verdict
        self.invitation = invitation

    def compose(self) -> ComposeResult:
        summary = Static(summary_text(self.verdict), id="verdict-summary")
        summary.border_title = "Verdict"
        summary.set_class(not self.verdict.matched_policy, "-differs")
        yield summary
        with VerticalScroll(id="verdict-body"):
            yield Static(body_text(self.verdict, self.invitation), id="verdict-text")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#verdict-body").focus()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_undo(self) -> None:
        self.dismiss("undo")

    def action_finish(self) -> None:
        self.dismiss("finish")

    def action_scroll(self, lines: int) -> None:
        body = self.query_one("#verdict-body", VerticalScroll)
        body.scroll_relative(y=lines, animate=False)
