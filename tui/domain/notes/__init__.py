"""The note reader: what an invitation note says, with the words that show it."""

from tui.domain.notes.reader import (
    FAMILY_LABELS,
    FAMILY_NAMES,
    KINDS,
    NoteClass,
    classify,
    kind_of,
    label,
)

__all__ = ["FAMILY_LABELS", "FAMILY_NAMES", "KINDS", "NoteClass", "classify", "kind_of", "label"]
