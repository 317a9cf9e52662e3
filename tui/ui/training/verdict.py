"""After each training decision: the same invitation, its flags revealed, and what it meant.

The top box answers the trainee's questions at a glance. Its title is the verdict's kind
(correct, an extra step, a clear cue missed, misled by a cue); inside: did my choice match
the policy, who was this sender really, how many points was it worth, and why, in the
verdict's own words (:class:`~tui.simulate.verdict.Judgement`: its headline, then what it
cost and what would have told). An "ask" is not the end of the story, so after one the
intent and the points stay hidden until the trainee decides on the reply (or the silence).

Below, in a scrollable pane, the invitation as the policy sees it, in the order a trainee
learns from: the sender's card, what to look at (the cue the verdict names, and the cues
beside it), the note and any reply with the evidence painted and the cue's own words
stressed, the red flags and signals with their explanations (the cue's line marked ▶, the
others ▷), the policy's advice and its reasons, then the profile. Every string from the
database is escaped and shown as ``Text``.

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
from tui.domain.safe_text import visible
from tui.ui.render import flags as render_flags
from tui.ui.render import styles
from tui.ui.render.detail import conversation, detail_parts
from tui.ui.training import cues
from tui.ui.training.words import (
    ACTIONS,
    DIFFERS,
    KIND_MARKS,
    MATCHED,
    intent_label,
    intent_sentence,
    styled_points,
)

# The order the revealed invitation is read in (names from detail_parts, and the lesson).
BODY_ORDER = ("header", "lesson", "conversation", "flags", "recommendation", "profile")


def summary_rows(verdict) -> list[tuple[str, Text]]:
    """Your choice against the policy, the real intent, the points, and why."""
    judgement = verdict.judgement
    choice = Text()
    choice.append(ACTIONS.get(verdict.action, verdict.action.upper()), styles.LABEL)
    choice.append("   policy: ")
    choice.append_text(render_flags.action_badge(verdict.recommendation.action))
    choice.append("   ")
    if verdict.matched_policy:
        choice.append("✔ matches the policy", MATCHED)
        if judgement is not None and judgement.kind == "misled":
            choice.append(" (misled too)", MATCHED)
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
        points.append_text(styled_points(verdict.points, verdict.max_points))
        if judgement is None and verdict.explanation:
            points.append(f" — {verdict.explanation}")
    else:
        points.append("none yet: an ask is scored when you settle it (accept or ignore)")
    rows = [("You", choice), ("Sender", sender), ("Points", points)]
    if judgement is not None:
        why = styles.styled(visible(judgement.headline), styles.LABEL)
        if judgement.explanation:
            why.append("\n")
            why.append(visible(judgement.explanation))
        rows.append(("Why", why))
    return rows


def summary_table(verdict) -> Table:
    """:func:`summary_rows` as a grid whose second column wraps under itself."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, style=styles.LABEL)
    grid.add_column(ratio=1)
    for label, value in summary_rows(verdict):
        grid.add_row(label, value)
    return grid


def summary_title(verdict) -> str:
    """The box's title: the verdict's kind once settled."""
    judgement = verdict.judgement
    if judgement is None:
        return "Verdict" if verdict.settled else "Verdict: asked, not settled yet"
    return f"{KIND_MARKS[judgement.kind]} {judgement.title}"


def body_text(verdict, invitation: Invitation) -> Text:
    """The invitation with everything revealed, the verdict's cues marked where they show."""
    judgement = verdict.judgement
    flags = list(verdict.flags)
    parts = detail_parts(invitation, flags, verdict.recommendation, reveal=True)
    parts["recommendation"] = _advice(verdict)
    if judgement is not None:
        lesson = cues.lesson_text(judgement, (flag.code for flag in flags))
        if lesson is not None:
            parts["lesson"] = lesson
        lines = render_flags.flag_lines(flags, cues.marks(judgement), cues.stressed(judgement))
        parts["flags"] = Text("\n").join(lines)
        parts["conversation"] = conversation(
            invitation, flags, reveal=True, emphasis=cues.emphasis(judgement)
        )
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
    VerdictScreen #verdict-summary.-correct {
        border: round $success;
    }
    VerdictScreen #verdict-summary.-extra-step {
        border: round $accent;
    }
    VerdictScreen #verdict-summary.-cue-missed {
        border: round $error;
    }
    VerdictScreen #verdict-summary.-misled {
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
        verdict = self.verdict
        summary = Static(summary_table(verdict), id="verdict-summary")
        summary.border_title = summary_title(verdict)
        if verdict.judgement is not None:
            summary.add_class(f"-{verdict.judgement.kind}")
        else:
            summary.set_class(not verdict.matched_policy, "-differs")
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
