"""How long ``tui.domain.assessment.assess`` takes per invitation (it runs once per seeded row).

Run: ``.venv/bin/python tests/bench/assess_speed.py [--batch NAME] [--seeded N]``. Prints
the median and best microseconds per call over several rounds, for the labelled training
notes (``tests/data/notes/train/``) on varied senders (every call a cache miss: each note is
made unique), next to a baseline (one ``re.findall(r"\\w+")`` over the same notes) so
numbers from a busy machine can be read. ``notes.classify`` is one note read with its
evidence spans; ``assess`` reads it without them. ``--batch train_legacy`` times only the
old hand-labelled sets (three copies each), the notes the rule-based reader's figures were
measured on. With ``--seeded N`` it also times N invitations from the seeder. It also prints
how long reading the note model takes the first time a note needs it (in a fresh process).
"""

from __future__ import annotations

import re
import statistics
import subprocess
import sys
import time
from dataclasses import replace

from tui.domain.assessment import assess, evaluate
from tui.domain.models import Education, Experience, NewInvitation, Person
from tui.domain.notes import reader as notes
from tui.domain.notes.corpus import load_all

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


def per_call(function, items) -> list[float]:
    timings = []
    for _ in range(ROUNDS):
        # The note reader's caches, emptied so that every round reads afresh.
        notes._decide.cache_clear()  # noqa: SLF001
        notes._classify.cache_clear()  # noqa: SLF001
        start = time.process_time()
        for item in items:
            function(item)
        timings.append((time.process_time() - start) / len(items) * 1e6)
    return timings


def report(label: str, timings: list[float]) -> None:
    print(f"{label:<34} median {statistics.median(timings):6.1f} µs   best {min(timings):6.1f} µs")


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
    words = re.compile(r"\w+")
    print(f"{len(items)} invitations, {ROUNDS} rounds, caches cleared each round")
    report("baseline: re.findall(\\w+) on note", per_call(lambda i: words.findall(i.note), items))
    report("assess (stored flags, default)", per_call(assess, items))
    report("evaluate (flags with evidence)", per_call(evaluate, items))
    report("notes.classify", per_call(lambda i: notes.classify(i.note), items))
    if "--seeded" in argv:
        count = int(argv[argv.index("--seeded") + 1])
        from seed.personas import generate

        seeded = list(generate(count=count, seed=7))
        report(f"assess on {count} seeded invitations", per_call(assess, seeded))


if __name__ == "__main__":
    main(sys.argv[1:])
