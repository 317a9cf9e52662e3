"""The end of a training session: the score, the chart, the mistakes and the flags.

Read top to bottom it answers what a trainee asks after an exercise: how did I do (score,
how often I agreed with the policy, how much I decided), with whom did I go wrong (a
chart of decisions by the senders' real intents), which choices cost the most and why
(each mistake with its explanation and the flags that should have warned), the small
costs (asking when the answer was already clear), and which flags I misread (points lost
per flag).

``q`` quits (the results are already saved); Esc goes back to the inbox to carry on, and
finishing again later updates the same session.
"""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from tui.domain.safe_text import visible
from tui.simulate.scoring import score
from tui.ui.render import flags as render_flags
from tui.ui.render import styles
from tui.ui.training.intent_chart import IntentChart
from tui.ui.training.words import OUTCOMES, intent_label, points_text, signed

NAME_WIDTH = 28


def _name(name: str, width: int = NAME_WIDTH) -> str:
    shown = visible(name, keep_newlines=False)
    return shown if len(shown) <= width else shown[: width - 1] + "…"


def head_text(report, title: str | None = None) -> Text:
    """Who, which exercise, and the score in one glance."""
    s = report.summary
    text = styles.styled("Trainee ", styles.MUTED)
    text.append(_name(report.trainee, 40), styles.LABEL)
    text.append("   exercise ", styles.MUTED)
    text.append(visible(title or report.scenario, keep_newlines=False), styles.LABEL)
    text.append("\n")
    text.append("Score ", styles.MUTED)
    text.append(f"{s.score} / {s.max_score}", styles.HEADING)
    text.append(f"  ({s.percent:.0f}%)", styles.LABEL)
    text.append(f"   decided {s.decided} of {s.count}", styles.MUTED)
    text.append(f"   matched the policy {s.matched_policy} of {s.count}", styles.MUTED)
    return text


def _entries(title: str, rows: list[tuple[Text, Text]]) -> Group:
    """A heading, then rows of (points, text) whose text wraps under itself, not the points."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(ratio=1)
    for left, right in rows:
        grid.add_row(left, right)
    return Group(styles.styled(title, styles.HEADING), grid)


def mistakes_renderable(report) -> Group:
    """Costliest first, each with why it cost and the flags it carried."""
    mistakes = report.summary.mistakes
    rows = []
    for row in mistakes:
        text = Text()
        text.append(_name(row.name), styles.LABEL)
        text.append(f"  {intent_label(row.intent)}, {OUTCOMES.get(row.outcome, row.outcome)}")
        why = score(row.intent, row.outcome).explanation
        if why:
            text.append("\n")
            text.append(why)
        warned = [f for f in report.mistake_flags.get(row.slot, ()) if f.kind == "red"]
        text.append("\n")
        if warned:
            lead = "should have warned you: " if row.mistake == "harmful" else "its flags: "
            text.append(lead, styles.MUTED)
            text.append(", ".join(render_flags.title(f.code) for f in warned))
        else:
            text.append("no red flags: a polished profile can still hide an intent", styles.MUTED)
        rows.append((points_text(row.points, row.max_points), text))
    if not rows:
        rows.append(
            (Text("✔", styles.GOOD_TEXT), styles.styled("None that cost more than a point.", None))
        )
    return _entries(f"Mistakes ({len(mistakes)})", rows)


def small_costs_renderable(report) -> Group | None:
    """Asking when the answer was already clear: a point each, listed without alarm."""
    extra = [r for r in report.rows if r.mistake == "extra-step"]
    if not extra:
        return None
    rows = []
    for row in extra:
        text = Text()
        text.append(_name(row.name), styles.LABEL)
        why = score(row.intent, row.outcome).explanation
        text.append(f"  {why or OUTCOMES.get(row.outcome, row.outcome)}")
        rows.append((Text(signed(row.points - row.max_points), styles.MUTED), text))
    return _entries(f"Small costs ({len(extra)})", rows)


def flags_text(report) -> Text:
    """Per red flag: how many invitations carried it, and the points lost on them."""
    by_flag = report.summary.by_flag
    text = styles.styled("By flag", styles.HEADING)
    if not by_flag:
        text.append("\n")
        text.append("No red flags in this exercise.", styles.MUTED)
        return text
    text.append("\n")
    text.append(f"{'flag':<26}{'invitations':>12}{'points lost':>13}", styles.MUTED)
    ranked = sorted(by_flag.items(), key=lambda item: (-item[1][1], item[0]))
    for code, (count, lost) in ranked:
        text.append("\n")
        text.append(f"{render_flags.title(code)[:25]:<26}")
        text.append(f"{count:>12}")
        text.append(f"{lost:>13}", styles.RED_TEXT if lost else None)
    return text


def difficulty_text(report) -> Text | None:
    levels = report.summary.by_difficulty
    if not levels:
        return None
    text = styles.styled("By difficulty (1 easy … 5 hard)", styles.HEADING)
    for level, (count, got, most) in levels.items():
        text.append("\n")
        text.append(f"level {level}  {count:>3} invitation{'' if count == 1 else 's'}  ")
        text.append(f"{got} / {most}")
    return text


class TrainingReportScreen(Screen[str | None]):
    """Dismisses with ``"back"`` (carry on training); ``q`` quits the app."""

    DEFAULT_CSS = """
    TrainingReportScreen #report-head {
        height: auto;
        border: round $accent;
        padding: 0 1;
    }
    TrainingReportScreen #report-body {
        height: 1fr;
        padding: 0 1;
        scrollbar-size-vertical: 1;
    }
    TrainingReportScreen #report-body:focus {
        background: $boost;
    }
    TrainingReportScreen .report-section {
        margin-top: 1;
    }
    TrainingReportScreen #report-chart-title {
        margin-top: 0;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "app.quit", "Quit", id="report.quit"),
        Binding("escape", "back", "Back to the inbox", id="report.back"),
        Binding("j", "scroll(1)", "Scroll", show=False, id="report.down"),
        Binding("k", "scroll(-1)", "Scroll", show=False, id="report.up"),
    ]

    def __init__(self, report, *, title: str | None = None) -> None:
        super().__init__()
        self.report = report
        self.title_text = title

    def compose(self) -> ComposeResult:
        head = Static(head_text(self.report, self.title_text), id="report-head")
        head.border_title = "Training report"
        yield head
        with VerticalScroll(id="report-body"):
            yield Static(
                styles.styled("Decisions by intent", styles.HEADING), id="report-chart-title"
            )
            yield IntentChart(self.report.summary.by_intent, id="report-chart")
            yield Static(mistakes_renderable(self.report), classes="report-section")
            small = small_costs_renderable(self.report)
            if small is not None:
                yield Static(small, classes="report-section")
            yield Static(flags_text(self.report), classes="report-section")
            levels = difficulty_text(self.report)
            if levels is not None:
                yield Static(levels, classes="report-section")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#report-body").focus()

    def action_back(self) -> None:
        self.dismiss("back")

    def action_scroll(self, lines: int) -> None:
        self.query_one("#report-body", VerticalScroll).scroll_relative(y=lines, animate=False)
