"""The accuracy bench counts the way its docstring says (the blind sets are judged by it)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "bench"))
from note_accuracy import measure

from tui.domain.notes.corpus import Example


def example(*labels: str) -> Example:
    return Example(tuple(labels), "a note", "blind_test")


def test_any_accepted_label_is_right_and_counts_on_the_diagonal_of_the_first():
    readings = [
        (example("pitch"), "pitch"),
        (example("pitch"), "reason:grow_network"),
        (example("reason:met_before", "reason:appreciation"), "reason:appreciation"),
        (example("other"), "pitch"),
    ]
    result = measure(readings)
    assert (result["right"], result["count"]) == (2, 4)
    assert result["confusion"][("reason:met_before", "reason:met_before")] == 1
    assert result["confusion"][("pitch", "reason:grow_network")] == 1
    precision, recall, total = result["per_class"]["pitch"]
    assert (precision, recall, total) == (0.5, 0.5, 2)  # read as pitch twice, once rightly
    # appreciation was accepted where it was read, though no note has it first
    assert result["per_class"]["reason:appreciation"] == (1.0, None, 0)
    assert [got for _, got in result["misses"]] == ["reason:grow_network", "pitch"]
