"""How well the note reader reads notes: blind sets, and leave-one-batch-out on the corpus.

    .venv/bin/python tests/bench/note_accuracy.py [--errors] [--no-cv | --cv-only] [FILE ...]

For every blind set present (``tests/data/notes/blind_*.txt``, or the FILEs given; same format
as the training batches, see ``tests/data/notes/LABELS.md``) it prints the shipped reader's
accuracy, each class's precision and recall, and the confusion matrix. Blind sets are written
by people who never see the reader or its corpus, and nobody tunes on them.

Then, when scikit-learn is installed (the ``train`` extra), the cross-validated figure on the
training corpus: every batch is read by a model trained on the other batches only, offsets
chosen without it too (leave-one-batch-out: reading a voice the model has not seen). That is
the honest estimate for wording nobody here wrote; accuracy on the training notes themselves
measures memory, not reading. ``--no-cv`` skips it; ``--cv-only`` reads no set at all (not
the blind sets, nor any FILE), only the cross-validation: what to run while working on the
reader, since nobody may tune on the blind sets.

How a prediction counts: right when it is any of the note's accepted labels. In the matrix a
right reading is counted on the diagonal of the note's first label; a wrong one at (first
label, label read). Precision of a class: of the notes read as it, the share where it was
accepted. Recall: of the notes whose first label is the class, the share read right.
"""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

from tui.domain.notes import classify, label
from tui.domain.notes.corpus import LABELS, NOTES_DIR, Example, load


def measure(readings: list[tuple[Example, str]]) -> dict:
    """Accuracy, per-class precision and recall, the confusion counts and the misses."""
    confusion: Counter = Counter()
    misses = []
    read_as: Counter = Counter()
    read_right: Counter = Counter()
    for example, got in readings:
        right = got in example.labels
        confusion[(example.best, example.best if right else got)] += 1
        read_as[got] += 1
        read_right[got] += got in example.labels
        if not right:
            misses.append((example, got))
    per_class = {}
    for name in LABELS:
        total = sum(n for (best, _), n in confusion.items() if best == name)
        if total or read_as[name]:
            recall = confusion[(name, name)] / total if total else None
            precision = read_right[name] / read_as[name] if read_as[name] else None
            per_class[name] = (precision, recall, total)
    right = sum(got in example.labels for example, got in readings)
    return {
        "accuracy": right / len(readings) if readings else 0.0,
        "right": right,
        "count": len(readings),
        "per_class": per_class,
        "confusion": confusion,
        "misses": misses,
    }


def shipped_readings(examples: list[Example]) -> list[tuple[Example, str]]:
    return [(example, label(classify(example.note))) for example in examples]


def _percent(value: float | None) -> str:
    return "  -  " if value is None else f"{value:5.1%}"


def report(title: str, result: dict, show_errors: bool) -> None:
    print(f"\n{title}: {result['right']}/{result['count']} = {result['accuracy']:.1%}")
    short = {name: name.removeprefix("reason:")[:9] for name in LABELS}
    names = list(result["per_class"])
    print(f"{'':<22}{'precision':>10}{'recall':>9}{'notes':>7}   read as: "
          + " ".join(f"{short[n]:>9}" for n in names))  # fmt: skip
    for name, (precision, recall, total) in result["per_class"].items():
        row = " ".join(f"{result['confusion'][(name, got)] or '.':>9}" for got in names)
        print(f"{name:<22}{_percent(precision):>10}{_percent(recall):>9}{total:>7}   "
              f"          {row}")  # fmt: skip
    if show_errors:
        for example, got in result["misses"]:
            print(f"- {','.join(example.labels)} read as {got} [{example.batch}]: "
                  f"{example.note[:110]!r}")  # fmt: skip


def main(argv: list[str]) -> None:
    show_errors = "--errors" in argv
    if "--cv-only" in argv and "--no-cv" in argv:
        print("--cv-only and --no-cv exclude each other", file=sys.stderr)
        sys.exit(2)
    files = [Path(a) for a in argv if not a.startswith("--")]
    if "--cv-only" in argv:
        files = []
    elif not files:
        files = sorted(NOTES_DIR.glob("blind_*.txt"))
        if not files:
            print("no blind sets found (tests/data/notes/blind_*.txt)")
    for path in files:
        kind = "blind set" if path.name.startswith("blind_") else "set"
        report(f"{kind} {path.name}, shipped reader", measure(shipped_readings(load(path))),
               show_errors)  # fmt: skip
    if "--no-cv" in argv:
        return
    if importlib.util.find_spec("sklearn") is None:
        print("\nleave-one-batch-out needs scikit-learn: pip install -e '.[train]'")
        return
    from tui.domain.notes.train import leave_one_batch_out

    readings = leave_one_batch_out()
    report("leave-one-batch-out on the training corpus", measure(readings), show_errors)
    print("\nby batch:")
    for batch in sorted({example.batch for example, _ in readings}):
        result = measure([(e, got) for e, got in readings if e.batch == batch])
        print(f"  {batch:<22}{result['right']:>4}/{result['count']:<4} {result['accuracy']:.1%}")
    without = measure([(e, got) for e, got in readings if e.batch != "train_legacy"])
    print(f"  without train_legacy  {without['right']:>4}/{without['count']:<4} "
          f"{without['accuracy']:.1%}")  # fmt: skip


if __name__ == "__main__":
    main(sys.argv[1:])
