"""The end of a training session: the score, the chart, the mistakes and the flags.

Read top to bottom it answers what a trainee asks after an exercise: how did I do (score,
how much I decided, how often I agreed with the policy, the verdicts by kind), with whom
did I go wrong (a chart of decisions by the senders' real intents), which choices cost the
most and why (each mistake with its verdict: the cue missed, or the cue that misled and
what could have caught it), the small costs (asking when the answer was already clear),
and which flags I misread (points lost per flag).

A session finished early reveals only what was decided: the invitations left undecided
(untouched, or asked and not settled) are counted, never unmasked, so a retry of the same
scenario stays a fair test. Every number comes from the session's results
(:class:`~tui.simulate.training.Report`), points written as :mod:`tui.simulate.scoring`
writes them.

``q`` quits (the results are already saved); Esc goes back to the inbox to carry on, and
``q`` there shows this report again, updated with whatever was decided meanwhile.
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
from tui.simulate.results import consequence
from tui.simulate.scoring import signed
from tui.simulate.verdict import KINDS
from tui.ui.render import flags as render_flags
from tui.ui.render import styles
from tui.ui.training.intent_chart import IntentChart
from tui.ui.training.words import KIND_MARKS, OUTCOMES, intent_label, kind_count, styled_points

NAME_WIDTH = 28


def _name(name: str, width: int = NAME_WIDTH) -> str:
    shown = visible(name, keep_newlines=False)
    return shown if len(shown) <= width else shown[: width - 1] + "…"


def _total(points: int) -> str:
    """A total as the scoring table writes points, without the ``+`` of a single score."""
    return signed(points) if points < 0 else str(points)


def undecided_words(summary) -> str | None:
    """``3 undecided: counted, not revealed`` (with the open asks among them), or None."""
    if not summary.undecided:
        return None
    words = f"{summary.undecided} undecided: counted, not revealed"
    if summary.asked_open:
        words += f" ({summary.asked_open} asked, not settled)"
    return words


def head_text(report, title: str | None = None) -> Text:
    """Who, which exercise, the score, what was decided, and the verdicts by kind."""
    s = report.summary
    text = styles.styled("Trainee ", styles.MUTED)
    text.append(_name(report.trainee, 40), styles.LABEL)
    text.append("   exercise ", styles.MUTED)
    text.append(visible(title or report.scenario, keep_newlines=False), styles.LABEL)
    text.append("\n")
    text.append("Score ", styles.MUTED)
    text.append(f"{_total(s.score)} / {s.max_score}", styles.HEADING)
    text.append(f"  ({_total(round(s.percent))}%)", styles.LABEL)
    text.append(f"   decided {s.decided} of {s.count}", styles.MUTED)
    if s.decided:
        text.append(f"   matched the policy {s.matched_policy} of {s.decided}", styles.MUTED)
    undecided = undecided_words(s)
    if undecided:
        text.append("\n")
        text.append(undecided, styles.LABEL)
    text.append("\n")
    text.append_text(verdicts_text(s.verdicts))
    return text


def verdicts_text(verdicts) -> Text:
    """``Verdicts  ✔ 3 correct  ✘ 2 clear cues missed``: the kinds that happened."""
    text = styles.styled("Verdicts  ", styles.MUTED)
    found = [kind for kind in KINDS if verdicts.get(kind)]
    if not found:
        text.append("none yet: nothing settled", styles.MUTED)
    text.append("  ".join(kind_count(kind, verdicts[kind]) for kind in found))
    return text


def _entries(title: str, rows: list[tuple[Text, Text]]) -> Group:
    """A heading, then rows of (points, text) whose text wraps under itself, not the points."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(ratio=1)
    for left, right in rows:
        grid.add_row(left, right)
    return Group(styles.styled(title, styles.HEADING), grid)


def _verdict(report, row) -> Text:
    """The settled row's verdict: its kind and headline, then what it cost and why."""
    judgement = report.judgements.get(row.slot)
    text = Text()
    if judgement is None:
        text.append(consequence(row) or OUTCOMES.get(row.outcome, row.outcome))
        return text
    text.append(f"{KIND_MARKS[judgement.kind]} {visible(judgement.headline)}", styles.LABEL)
    if judgement.explanation:
        text.append("\n")
        text.append(visible(judgement.explanation))
    return text


def mistakes_renderable(report) -> Group:
    """Settled decisions that cost more than a step, costliest first, each with its
    verdict. Undecided invitations are not mistakes here: the head counts them."""
    mistakes = report.summary.mistakes
    rows = []
    for row in mistakes:
        text = Text()
        text.append(_name(row.name), styles.LABEL)
        text.append(f"  {intent_label(row.intent)}, {OUTCOMES.get(row.outcome, row.outcome)}")
        text.append("\n")
        text.append_text(_verdict(report, row))
        rows.append((styled_points(row.points, row.max_points), text))
    if not rows and not report.summary.decided:
        rows.append((Text("·", styles.MUTED), styles.styled("Nothing decided yet.", styles.MUTED)))
    elif not rows:
        none = "None that cost more than a step" + (
            " among those you decided." if report.summary.undecided else "."
        )
        rows.append((Text("✔", styles.GOOD_TEXT), styles.styled(none, None)))
    return _entries(f"Mistakes ({len(mistakes)})", rows)


def small_costs_renderable(report) -> Group | None:
    """Asking when the answer was already clear: a point or two each, listed without alarm."""
    extra = [r for r in report.rows if r.mistake == "extra-step"]
    if not extra:
        return None
    rows = []
    for row in extra:
        text = Text()
        text.append(_name(row.name), styles.LABEL)
        judgement = report.judgements.get(row.slot)
        why = judgement.headline if judgement is not None else consequence(row)
        text.append(f"  {why or OUTCOMES.get(row.outcome, row.outcome)}")
        rows.append((Text(signed(row.points - row.max_points), styles.MUTED), text))
    return _entries(f"Small costs ({len(extra)})", rows)


def flags_text(report) -> Text:
    """Per red flag: how many invitations carried it, and the points lost on them."""
    by_flag = report.summary.by_flag
    text = styles.styled("By flag", styles.HEADING)
    if not by_flag:
        text.append("\n")
        if report.summary.undecided:  # an undecided invitation's flags stay hidden
            text.append("No flags on what you decided.", styles.MUTED)
        else:
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
        text.append(f"{_total(got)} / {most}")
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
