"""Accuracy on the hand-labelled notes stays above the floor measured when it was written.

The sets and their history are in ``tests/data/labelled_notes*.txt``; run
``tests/bench/note_accuracy.py --errors`` to see every miss. The floors sit a little below
the accuracy measured after tuning (99.4% over all 349 notes), so a rule change that costs
more than a handful of notes fails here. The untuned first measurements of the holdout sets
(about 70%) are the honest estimate for wording nobody here has seen.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "bench"))
from note_accuracy import DATA, load, measure

ALL_SETS = sorted(DATA.glob("labelled_notes*.txt"))
OVERALL_FLOOR = 0.97
CLASS_FLOOR = 0.90


def test_the_labelled_sets_are_big_and_varied():
    pairs = [pair for path in ALL_SETS for pair in load(path)]
    assert len(load(DATA / "labelled_notes.txt")) >= 150
    labels = {tag for tag, _ in pairs}
    assert labels == {
        "stock", "pitch", "recruiter", "other", "none", "reason:grow_network",
        "reason:appreciation", "reason:profile_view", "reason:referral",
    }  # fmt: skip
    written = [note for _, note in pairs if note]  # the empty note appears in every set
    assert len(set(written)) == len(written), "a note is labelled twice"


def test_overall_accuracy_stays_above_the_floor():
    pairs = [pair for path in ALL_SETS for pair in load(path)]
    accuracy, _, _, misses = measure(pairs)
    assert accuracy >= OVERALL_FLOOR, misses


def test_each_class_keeps_its_recall():
    pairs = [pair for path in ALL_SETS for pair in load(path)]
    _, per_class, _, misses = measure(pairs)
    for name, (right, total) in per_class.items():
        assert right / total >= CLASS_FLOOR, (name, misses)


@pytest.mark.parametrize("path", ALL_SETS, ids=lambda p: p.stem)
def test_each_set_stays_above_the_floor(path):
    accuracy, _, _, misses = measure(load(path))
    assert accuracy >= OVERALL_FLOOR, misses
