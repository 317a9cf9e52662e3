"""How long ``tui.domain.assessment.assess`` takes per invitation (it runs once per seeded row).

Run: ``.venv/bin/python tests/bench/assess_speed.py [--batch NAME] [--seeded N]``. Prints
the median and best microseconds per call over several rounds, for the labelled training
notes (``tests/data/notes/train/``) on varied senders (every call a cache miss: each note is
made unique), next to a baseline (one ``re.findall(r"\\w+")`` over the same notes) so
numbers from a busy machine can be read. ``notes.classify`` is timed twice: one note read
with its evidence spans (what the detail pane and ``explain`` show), and the label only (what
``assess`` and the stored flags need). ``--batch train_legacy`` times only the
old hand-labelled sets (three copies each), the notes the rule-based reader's figures were
measured on. With ``--seeded N`` it also times N invitations from the seeder. It also prints
how long reading the note model takes the first time a note needs it (in a fresh process).

Every figure is also taken with the rule-based reader from before issue 17 (commit
``481e6a8``, see ``old_reader.py``) in the same run, rounds interleaved, and the ratio
printed: on a shared, loaded machine the ratio holds when the microseconds do not.
``--no-old`` leaves the old reader out.
"""

from __future__ import annotations

import re
import statistics
import subprocess
import sys
import time
from dataclasses import replace

import old_reader

from tui.domain import flags
from tui.domain.assessment import assess, evaluate
from tui.domain.models import Education, Experience, NewInvitation, Person
from tui.domain.notes import reader as notes
from tui.domain.notes.corpus import load_all

SHIPPED = notes.classify

ROUNDS = 7


def senders() -> list[Person]:
    full = Person(
        name="Ngozi Adeyemi",
        headline="Data engineer",
        about="Pipelines and coffee.",
        experience=(Experience("Engineer", "Acme", "2020-01"),),
        education=(Education("University of Lagos", "BSc"),),
        skills=("SQL", "Python"),
        recommendations=2,
        photo="headshot",
        mutual_connections=4,
        known=False,
        profile_created="2019-03-01",
    )
    empty = replace(
        full, headline="", about="", experience=(), education=(), skills=(),
        recommendations=0, photo="selfie", mutual_connections=0, profile_created="2026-01-20",
    )  # fmt: skip
    unknown = Person(name="Imported Sender")
    return [full, empty, unknown, replace(full, known=True)]


def invitations(copies: int, batch: str | None = None) -> list[NewInvitation]:
    texts = [e.note for e in load_all() if batch is None or e.batch == batch]
    people = senders()
    items = []
    for copy in range(copies):
        for i, text in enumerate(texts):
            # a different number per copy makes every note unique, as seeded notes are
            items.append(
                NewInvitation(
                    person=people[i % len(people)],
                    note=f"{text} #{copy}" if text else text,
                    sent_at="2026-01-29T14:37:00",
                )
            )
    return items


def use(reader: str) -> None:
    """Make the flags (so assess and evaluate) read notes with ``reader``: new or old."""
    flags.classify = SHIPPED if reader == "new" else old_reader.classify


def clear_caches() -> None:
    # The note reader's caches, emptied so that every round reads afresh.
    notes._decide.cache_clear()  # noqa: SLF001
    notes._classify.cache_clear()  # noqa: SLF001
    old_reader.clear_caches()


def per_call(function, items, readers=("new",)) -> dict[str, list[float]]:
    """Microseconds per call, one list per reader, the readers' rounds interleaved."""
    timings: dict[str, list[float]] = {reader: [] for reader in readers}
    for _ in range(ROUNDS):
        for reader in readers:
            use(reader)
            clear_caches()
            start = time.process_time()
            for item in items:
                function(item)
            timings[reader].append((time.process_time() - start) / len(items) * 1e6)
    use("new")
    return timings


def report(label: str, timings: dict[str, list[float]]) -> None:
    new = timings["new"]
    line = f"{label:<34} median {statistics.median(new):6.1f} µs   best {min(new):6.1f} µs"
    if "old" in timings:
        old = timings["old"]
        line += (
            f"   | old reader {statistics.median(old):6.1f} / {min(old):6.1f} µs"
            f"   new/old {statistics.median(new) / statistics.median(old):4.2f}"
            f" / {min(new) / min(old):4.2f}"
        )
    print(line)


def model_load_ms() -> float:
    """Milliseconds to read the shipped model, in a fresh interpreter (median of 5)."""
    code = (
        "import time; from tui.domain.notes import linear; t = time.perf_counter(); "
        "linear.shipped(); print((time.perf_counter() - t) * 1e3)"
    )
    runs = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True).stdout)
        for _ in range(5)
    ]  # fmt: skip
    return statistics.median(runs)


def main(argv: list[str]) -> None:
    print(f"reading the note model on first use: median {model_load_ms():.1f} ms")
    batch = argv[argv.index("--batch") + 1] if "--batch" in argv else None
    items = invitations(copies=3 if batch else 1, batch=batch)
    readers = ("new",) if "--no-old" in argv else ("new", "old")
    words = re.compile(r"\w+")
    print(f"{len(items)} invitations, {ROUNDS} rounds, caches cleared each round")
    if "old" in readers:
        old_reader.load()
        print("each line: median / best; with the old reader (481e6a8) in the same run")
    report("baseline: re.findall(\\w+) on note", per_call(lambda i: words.findall(i.note), items))
    report("assess (stored flags, default)", per_call(assess, items, readers))
    report("evaluate (flags with evidence)", per_call(evaluate, items, readers))
    report(
        "notes.classify (with evidence)", per_call(lambda i: flags.classify(i.note), items, readers)
    )
    report(
        "notes.classify (label only)",
        per_call(lambda i: flags.classify(i.note, evidence=False), items, readers),
    )
    if "--seeded" in argv:
        count = int(argv[argv.index("--seeded") + 1])
        from seed.personas import generate

        seeded = list(generate(count=count, seed=7))
        report(f"assess on {count} seeded invitations", per_call(assess, seeded, readers))


if __name__ == "__main__":
    main(sys.argv[1:])
