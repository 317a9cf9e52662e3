"""The labelled notes the reader is trained on (and the blind sets it is measured on).

A batch file holds one note per line as ``LABELS | NOTE`` (see ``tests/data/notes/LABELS.md``):
LABELS is one label or several separated by commas, the best reading first, and every one
of them counts as right; ``\\n`` in a note is a line break; lines starting with ``#`` are
comments. The training batches live in ``tests/data/notes/train/``, one file per writer.
A batch whose name ends in ``_replies`` holds replies to "may I ask why you'd like to
connect?" rather than invitation notes (same labels; ``stock`` is a reply that still gives
no reason).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
NOTES_DIR = ROOT / "tests" / "data" / "notes"
TRAIN_DIR = NOTES_DIR / "train"

# Every label a note may carry, in the order reports list them.
LABELS = (
    "stock",
    "none",
    "pitch",
    "recruiter",
    "reason:grow_network",
    "reason:appreciation",
    "reason:profile_view",
    "reason:referral",
    "reason:met_before",
    "other",
)


class CorpusError(ValueError):
    """A batch file that breaks the format; the message names the file and the line."""


@dataclass(frozen=True, slots=True)
class Example:
    """One labelled note: the accepted labels (best first), the note, and its batch."""

    labels: tuple[str, ...]
    note: str
    batch: str

    @property
    def best(self) -> str:
        return self.labels[0]

    @property
    def is_reply(self) -> bool:
        return is_reply_batch(self.batch)


def is_reply_batch(batch: str) -> bool:
    """Whether a batch (a file's stem) holds replies to an ask rather than notes."""
    return batch.endswith("_replies")


def load(path: Path) -> list[Example]:
    """The labelled notes of one batch file (the batch is the file's stem)."""
    examples = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        tags, bar, note = line.partition("|")
        labels = tuple(tag.strip() for tag in tags.split(","))
        unknown = [tag for tag in labels if tag not in LABELS]
        if not bar or unknown:
            raise CorpusError(f"{path.name}:{number}: expected LABELS | NOTE with known labels")
        examples.append(Example(labels, note.strip().replace("\\n", "\n"), path.stem))
    return examples


def batch_files(directory: Path = TRAIN_DIR) -> list[Path]:
    return sorted(directory.glob("*.txt"))


def load_all(directory: Path = TRAIN_DIR) -> list[Example]:
    """Every batch in ``directory``, in file-name order."""
    return [example for path in batch_files(directory) for example in load(path)]


def corpus_hash(directory: Path = TRAIN_DIR) -> str:
    """SHA-256 over the batch files' names and bytes: what a trained model was built from."""
    digest = hashlib.sha256()
    for path in batch_files(directory):
        digest.update(path.name.encode() + b"\0")
        digest.update(path.read_bytes().replace(b"\r\n", b"\n") + b"\0")
    return digest.hexdigest()


__all__ = [
    "LABELS",
    "NOTES_DIR",
    "TRAIN_DIR",
    "CorpusError",
    "Example",
    "batch_files",
    "corpus_hash",
    "is_reply_batch",
    "load",
    "load_all",
]
