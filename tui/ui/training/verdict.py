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

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from tui.domain.models import Invitation
from tui.ui.render import flags as render_flags
from tui.ui.render import styles
from tui.ui.render.detail import detail_parts
from tui.ui.training.words import (
    ACTIONS,
    DIFFERS,
    MATCHED,
    intent_label,
    intent_sentence,
    points_text,
)

# The order the revealed invitation is read in (names from detail_parts).
BODY_ORDER = ("header", "flags", "conversation", "recommendation", "profile")


def summary_rows(verdict) -> list[tuple[str, Text]]:
    """The three answers: your choice against the policy, the real intent, the points."""
    choice = Text()
    choice.append(ACTIONS.get(verdict.action, verdict.action.upper()), styles.LABEL)
    choice.append("   policy: ")
    choice.append_text(render_flags.action_badge(verdict.recommendation.action))
    choice.append("   ")
    if verdict.matched_policy:
        choice.append("✔ matches the policy", MATCHED)
    else:
        choice.append("✘ differs from the policy", DIFFERS)
    sender = Text()
    if verdict.settled:
        sender.append(intent_sentence(verdict.intent), styles.LABEL)
        sender.append(f"  [{intent_label(verdict.intent)}]", styles.MUTED)
    else:
        sender.append("hidden until you decide on their reply, or on their silence", styles.MUTED)
    points = Text()
    if verdict.settled and verdict.points is not None and verdict.max_points is not None:
        points.append_text(points_text(verdict.points, verdict.max_points))
        if verdict.explanation:
            points.append(f" — {verdict.explanation}")
        elif verdict.points >= verdict.max_points:
            points.append(" — the best choice for this sender")
    else:
        points.append("none yet: an ask is scored when you settle it (accept or ignore)")
    return [("You", choice), ("Sender", sender), ("Points", points)]


def summary_table(verdict) -> Table:
    """:func:`summary_rows` as a grid whose second column wraps under itself."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, style=styles.LABEL)
    grid.add_column(ratio=1)
    for label, value in summary_rows(verdict):
        grid.add_row(label, value)
    return grid


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
        summary = Static(summary_table(self.verdict), id="verdict-summary")
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
