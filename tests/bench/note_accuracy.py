"""Note-classification accuracy on the hand-labelled notes, with a confusion table.

Run: ``.venv/bin/python tests/bench/note_accuracy.py [FILE ...] [--errors]``
(default: tests/data/labelled_notes.txt). ``--errors`` lists every misclassified note.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from tui.domain.notes import classify, label

DATA = Path(__file__).resolve().parents[1] / "data"


def load(path: Path) -> list[tuple[str, str]]:
    """``(label, note)`` pairs from a ``LABEL | NOTE`` file (``\\n`` is a line break)."""
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        tag, _, note = line.partition("|")
        pairs.append((tag.strip(), note.strip().replace("\\n", "\n")))
    return pairs


def measure(pairs):
    """Accuracy, per-class (correct, total), the confusion counts and the misses."""
    confusion: Counter = Counter()
    misses = []
    for expected, note in pairs:
        got = label(classify(note))
        confusion[(expected, got)] += 1
        if got != expected:
            misses.append((expected, got, note))
    classes = sorted({e for e, _ in pairs})
    per_class = {
        c: (confusion[(c, c)], sum(n for (e, _), n in confusion.items() if e == c)) for c in classes
    }
    accuracy = sum(confusion[(c, c)] for c in classes) / len(pairs)
    return accuracy, per_class, confusion, misses


def main(argv: list[str]) -> None:
    show_errors = "--errors" in argv
    files = [Path(a) for a in argv if not a.startswith("--")] or [DATA / "labelled_notes.txt"]
    pairs = [pair for f in files for pair in load(f)]
    accuracy, per_class, confusion, misses = measure(pairs)
    print(f"{len(pairs)} notes, accuracy {accuracy:.1%}")
    got_labels = sorted({g for _, g in confusion})
    width = max(len(c) for c in per_class) + 2
    print(" " * width + "".join(f"{g[:10]:>11}" for g in got_labels) + "     recall")
    for c, (right, total) in per_class.items():
        row = "".join(f"{confusion[(c, g)] or '.':>11}" for g in got_labels)
        print(f"{c:<{width}}{row}  {right:>3}/{total:<3} {right / total:.0%}")
    if show_errors:
        for expected, got, note in misses:
            print(f"- expected {expected}, got {got}: {note[:110]!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
