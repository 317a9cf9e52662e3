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


def test_cv_only_reads_no_set_at_all(monkeypatch, capsys):
    import note_accuracy

    opened = []
    monkeypatch.setattr(note_accuracy, "load", lambda path: opened.append(path) or [])
    # without scikit-learn the cross-validation is skipped: only the sets would be read
    monkeypatch.setattr(note_accuracy.importlib.util, "find_spec", lambda name: None)
    note_accuracy.main(["--cv-only", "tests/data/notes/train/train_replies.txt"])
    assert opened == []
    assert "leave-one-batch-out needs scikit-learn" in capsys.readouterr().out
    note_accuracy.main(["--no-cv", "tests/data/notes/train/train_replies.txt"])
    assert [path.name for path in opened] == ["train_replies.txt"]
