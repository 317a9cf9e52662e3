"""A horizontal bar chart of what the trainee did with each kind of sender.

One bar per intent (someone known, networker, recruiter, salesperson, fake profile), its
length the number of invitations, split into segments by outcome. Each outcome has its own
block character as well as its own colour, so the chart reads under ``NO_COLOR`` and on a
monochrome terminal; the numbers at the end of each bar say the same in digits.

The widget redraws to its width: the bars share whatever columns the labels and numbers
leave, the longest bar filling them.
"""

from __future__ import annotations

from collections.abc import Mapping

from rich.style import Style
from rich.text import Text
from textual.widget import Widget

from tui.simulate.scoring import signed
from tui.ui.render import styles
from tui.ui.training.words import OUTCOMES, intent_label

# outcome -> (glyph, colour); order is the order of segments and of the legend.
SEGMENTS: dict[str, tuple[str, Style]] = {
    "accept": ("█", Style(color="#43a047")),
    "ask_accept": ("▓", Style(color="#26a69a")),
    "ask_ignore": ("▒", Style(color="#ffa726")),
    "ignore": ("░", Style(color="#e53935")),
    "asked": ("?", Style(color="#fdd835")),
    "undecided": ("·", Style(dim=True)),
}
LABEL_WIDTH = 14
MAX_BAR = 48
CELLS_PER_ITEM = 8  # a short exercise draws short bars, not four walls


def segments(outcomes: Mapping[str, int], count: int, width: int) -> list[tuple[str, int]]:
    """(outcome, cells) for a bar of ``width`` cells holding ``count`` invitations.

    Cumulative rounding keeps the cells adding up to exactly ``width`` and gives every
    outcome that happened at least one cell when the bar has room for it.
    """
    parts = [(o, outcomes.get(o, 0)) for o in SEGMENTS if outcomes.get(o, 0)]
    if not parts or width <= 0 or count <= 0:
        return []
    cells: list[tuple[str, int]] = []
    done = 0
    used = 0
    for outcome, n in parts:
        done += n
        end = round(done * width / count)
        cells.append((outcome, end - used))
        used = end
    if width >= len(cells):  # no segment rounded away
        for i, (outcome, n) in enumerate(cells):
            if n == 0:
                donor = max(range(len(cells)), key=lambda j: cells[j][1])
                cells[donor] = (cells[donor][0], cells[donor][1] - 1)
                cells[i] = (outcome, 1)
    return cells


def legend_lines(outcomes: list[str], width: int) -> list[Text]:
    """The key to the glyphs, packed into as few lines of ``width`` as it takes."""
    lines = [Text()]
    for outcome in outcomes:
        glyph, style = SEGMENTS[outcome]
        item = Text()
        item.append(glyph * 2, style)
        item.append(f" {OUTCOMES[outcome]}")
        line = lines[-1]
        if line and line.cell_len + 2 + item.cell_len > width:
            line = Text()
            lines.append(line)
        if line:
            line.append("  ")
        line.append_text(item)
    return lines


def chart_lines(by_intent: Mapping, width: int) -> list[Text]:
    """The whole chart (legend, then one line per intent) for ``width`` columns.

    ``by_intent`` maps an intent to an object with ``count``, ``score``, ``max_score`` and
    ``outcomes`` (a Counter), as :func:`tui.simulate.results.summarize` returns.
    """
    if not by_intent:  # undecided invitations are counted, not charted: their intent is hidden
        return [styles.styled("Nothing decided yet.", styles.EMPTY)]
    used = [o for o in SEGMENTS if any(s.outcomes.get(o, 0) for s in by_intent.values())]
    lines = legend_lines(used, width)
    longest = max(stats.count for stats in by_intent.values())
    numbers = [f" {s.count:>3}  {signed(s.score):>4}/{s.max_score:<4}" for s in by_intent.values()]
    room = min(MAX_BAR, CELLS_PER_ITEM * longest, width - LABEL_WIDTH - max(map(len, numbers)))
    room = max(4, room)
    header = Text(" " * (LABEL_WIDTH + room))
    header.append(" qty  points", styles.MUTED)
    lines.append(header)
    for (intent, stats), tail in zip(by_intent.items(), numbers, strict=True):
        line = Text()
        line.append(f"{intent_label(intent)[: LABEL_WIDTH - 1]:<{LABEL_WIDTH}}", styles.LABEL)
        bar_width = max(1, round(stats.count * room / longest))
        drawn = 0
        for outcome, cells in segments(stats.outcomes, stats.count, bar_width):
            glyph, style = SEGMENTS[outcome]
            line.append(glyph * cells, style)
            drawn += cells
        line.append(" " * (room - drawn))
        line.append(tail)
        lines.append(line)
    return lines


class IntentChart(Widget):
    """Decisions by intent as stacked horizontal bars; see :func:`chart_text`."""

    DEFAULT_CSS = """
    IntentChart {
        height: auto;
        width: 1fr;
    }
    """

    def __init__(self, by_intent: Mapping, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.by_intent = dict(by_intent)

    def render(self) -> Text:
        text = Text("\n").join(chart_lines(self.by_intent, self.size.width))
        text.no_wrap = True
        text.overflow = "crop"
        return text

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(chart_lines(self.by_intent, width))
