"""What an invitation note says: the stock wording, a stated reason, a pitch, a job offer.

Classification reads the wording only (never how a note was generated), because users
import notes nobody here wrote. It is rule-based so anyone can see why a note landed where
it did: the phrases per kind live in :mod:`tui.domain.notes.patterns`, and the result carries the
character spans of the phrases that decided it, as indices into the note exactly as given.

Order of precedence, and why:

1. no words at all -> ``none`` (empty, blank, or only emoji and punctuation);
2. a clear sales pitch -> ``pitch``, even when the note also praises or states a reason,
   because selling in the first message is what the user wants to catch;
3. a job on offer -> ``recruiter`` (a stated purpose, but not one of the four families:
   the policy decides what to do with it);
4. a stated reason -> ``reason`` with its family (referral, profile_view, appreciation,
   grow_network, most specific first);
5. only a request for a call -> ``pitch`` (nothing else explains why they want a meeting);
6. the platform's stock wording or a bare "let's connect" -> ``stock``;
7. anything else -> ``other`` (a note with words but no reason we recognise).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from tui.domain.notes.patterns import RULES
from tui.domain.notes.phrase_index import PhraseIndex
from tui.domain.notes.text import merge_spans, normalise
from tui.domain.vocabulary import FAMILY_LABELS, FAMILY_NAMES

Kind = Literal["stock", "reason", "pitch", "recruiter", "other", "none"]
KINDS = ("stock", "reason", "pitch", "recruiter", "other", "none")

_INDEX = PhraseIndex(RULES)
_KIND_OF_LABEL = {"pitch_call": "pitch", **{f: "reason" for f in FAMILY_NAMES}}


@dataclass(frozen=True, slots=True)
class NoteClass:
    """The verdict on one note.

    ``spans`` are ``[start, end)`` ranges in the original text of the phrases that decided
    the kind (empty for ``none`` and ``other``); ``family`` is set only for ``reason``.
    """

    kind: Kind
    family: str | None = None
    spans: tuple[tuple[int, int], ...] = ()


NONE = NoteClass("none")
OTHER = NoteClass("other")


def classify(text: str | None) -> NoteClass:
    """Classify a note (``None`` or blank means there is no note), with evidence spans."""
    if text is None:
        return NONE
    return _classify(text)


def kind_of(text: str | None) -> tuple[str, str | None]:
    """Just ``(kind, family)``: what :func:`classify` says, without working out spans."""
    if text is None:
        return "none", None
    label, _ = _decide(text)
    return _kind(label), label if label in FAMILY_LABELS else None


def _kind(label: str | None) -> str:
    if label is None:
        return "other"
    return _KIND_OF_LABEL.get(label, label)


@lru_cache(maxsize=8192)
def _classify(text: str) -> NoteClass:
    label, norm = _decide(text)
    if label in ("none", None):
        return NONE if label == "none" else OTHER
    spans = merge_spans(
        norm.original_span(start, end)
        for start, end in _INDEX.spans(norm.text, norm.starts, norm.words, label)
    )
    return NoteClass(_kind(label), label if label in FAMILY_LABELS else None, spans)


@lru_cache(maxsize=8192)
def _decide(text: str):
    """The winning rule label (``"none"`` for no words, ``None`` for nothing recognised)."""
    norm = normalise(text)
    if not norm.words:
        return "none", norm
    return _INDEX.best(norm.text, norm.words), norm


def label(note: NoteClass) -> str:
    """``kind`` or ``reason:family``: the form the labelled test data uses."""
    return f"reason:{note.family}" if note.kind == "reason" else note.kind


__all__ = [
    "FAMILY_LABELS",
    "FAMILY_NAMES",
    "KINDS",
    "NoteClass",
    "classify",
    "kind_of",
    "label",
]
