"""The decisions-by-intent chart: bars that add up, every outcome visible, fits its width."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import pytest

from tui.ui.training.intent_chart import SEGMENTS, chart_lines, segments


@dataclass
class Stats:
    count: int
    score: int = 0
    max_score: int = 0
    outcomes: Counter = field(default_factory=Counter)


def test_glyphs_differ_so_the_chart_reads_without_colour():
    glyphs = [glyph for glyph, _ in SEGMENTS.values()]
    assert len(set(glyphs)) == len(glyphs)


@pytest.mark.parametrize("width", [1, 3, 7, 20, 48])
def test_segments_fill_the_bar_exactly_and_keep_every_outcome_that_fits(width):
    outcomes = {"accept": 40, "ignore": 1, "undecided": 1}
    cells = segments(outcomes, 42, width)
    assert sum(n for _, n in cells) == width
    if width >= 3:
        assert all(n >= 1 for _, n in cells)  # the single ignore still shows
    assert [o for o, _ in cells] == ["accept", "ignore", "undecided"]


def test_an_empty_bar_has_no_segments():
    assert segments({}, 0, 10) == []
    assert segments({"accept": 2}, 2, 0) == []


@pytest.mark.parametrize("width", [40, 80, 160])
def test_every_line_fits_and_bars_grow_with_the_count(width):
    by_intent = {
        "networker": Stats(10, 80, 100, Counter(accept=7, ask_accept=2, ignore=1)),
        "fake": Stats(2, -10, 20, Counter(accept=1, ignore=1)),
    }
    lines = chart_lines(by_intent, width)
    assert all(line.cell_len <= width for line in lines)
    bars = {line.plain.split()[0]: line.plain for line in lines[-2:]}
    long_bar = sum(bars["networker"].count(g) for g, _ in SEGMENTS.values())
    short_bar = sum(bars["fake"].count(g) for g, _ in SEGMENTS.values())
    assert long_bar > short_bar >= 2
    assert "−10/20" in bars["fake"] and "+80/100" in bars["networker"]


def test_nothing_decided_says_so():
    assert chart_lines({}, 80)[0].plain == "Nothing decided yet."
