"""The rule-based note reader from before issue 17 (commit ``481e6a8``), for side-by-side benches.

``load()`` copies that commit's ``tui/domain/notes`` out of git into a temporary package
(``old_notes``) and imports it; ``use_old_reader()`` makes the flags, and so ``assess``,
``evaluate`` and the simulator, read notes with it instead of the shipped reader. Only the
reader changes: the flags, the policy and the simulator are this checkout's, so a score
difference is the reader's doing.

The old reader had no ``evidence`` switch (its flags called ``kind_of`` when they needed no
spans, as the adapter does) and no ``ready_made`` (every stock note it found was the stock
note).
"""

from __future__ import annotations

import importlib
import subprocess
import sys
import tempfile
from functools import cache
from pathlib import Path

OLD_COMMIT = "481e6a8"
FILES = ("__init__", "patterns", "phrase_index", "reader", "text")
ROOT = Path(__file__).resolve().parents[2]


@cache
def load():
    """The old reader as a module (``old_notes.reader``)."""
    folder = Path(tempfile.mkdtemp(prefix="old-reader-")) / "old_notes"
    folder.mkdir()
    for name in FILES:
        source = subprocess.run(
            ["git", "show", f"{OLD_COMMIT}:tui/domain/notes/{name}.py"],
            cwd=ROOT, capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        (folder / f"{name}.py").write_text(source.replace("tui.domain.notes", "old_notes"))
    sys.path.insert(0, str(folder.parent))
    reader = importlib.import_module("old_notes.reader")
    reader.NoteClass.ready_made = True  # a class attribute: every old stock verdict
    return reader


def classify(text: str | None, *, evidence: bool = True):
    """The old reader's verdict, called as the shipped reader is."""
    reader = load()
    if evidence:
        return reader.classify(text)
    kind, family = reader.kind_of(text)
    return reader.NoteClass(kind, family)


def use_old_reader() -> None:
    """From now on the flags (and everything built on them) read notes the old way."""
    from tui.domain import flags

    load()
    flags.classify = classify


def clear_caches() -> None:
    reader = load()
    reader._decide.cache_clear()  # noqa: SLF001
    reader._classify.cache_clear()  # noqa: SLF001
