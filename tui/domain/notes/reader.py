"""What an invitation note says: the stock wording, a stated reason, a pitch, a job offer.

Classification reads the wording only (never how a note was generated), because users
import notes nobody here wrote. Two readers share the work:

1. exact rules where exactness is right: a note with no words at all is ``none``; a note
   that is the platform's ready-made text (in any language it ships, see
   :mod:`tui.domain.notes.platform`), give or take a greeting and a name, is ``stock`` with
   ``ready_made`` set;
2. a linear model trained on thousands of labelled notes in many voices
   (:mod:`tui.domain.notes.linear`, built by :mod:`tui.domain.notes.train`) reads
   everything else, over word and character n-grams, so unseen wordings, typos and other
   languages still land where a careful reader would put them. When a note holds the
   ready-made text and more, the model reads it all: "I'd like to add you to my network;
   we met at the AWS summit" states a shared past.

The verdict carries evidence: the character spans (indices into the note exactly as
given) of the words whose n-grams pushed the winning class furthest above the others, so
the detail pane highlights the deciding words and ``explain --json`` can print them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from tui.domain.notes import platform
from tui.domain.notes.features import char_grams, tidy_words, word_grams
from tui.domain.notes.linear import shipped
from tui.domain.notes.text import Normalised, merge_spans, normalise
from tui.domain.vocabulary import FAMILY_LABELS, FAMILY_NAMES

Kind = Literal["stock", "reason", "pitch", "recruiter", "other", "none"]
KINDS = ("stock", "reason", "pitch", "recruiter", "other", "none")

# At most how many words the evidence highlights, and how close to the strongest word's push
# another word's must come: enough to show the deciding words, few enough to read at a glance.
EVIDENCE_WORDS = 6
EVIDENCE_SHARE = 0.35


@dataclass(frozen=True, slots=True)
class NoteClass:
    """The verdict on one note.

    ``spans`` are ``[start, end)`` ranges in the original text of the words that decided
    the kind (empty for ``none`` and ``other``); ``family`` is set only for ``reason``;
    ``ready_made`` is true only for ``stock`` when the note is the platform's own text
    (not just a request that gives no reason).
    """

    kind: Kind
    family: str | None = None
    spans: tuple[tuple[int, int], ...] = ()
    ready_made: bool = False


NONE = NoteClass("none")
OTHER = NoteClass("other")


def classify(text: str | None, *, evidence: bool = True) -> NoteClass:
    """Classify a note (``None`` or blank means there is no note), with evidence spans.

    ``evidence=False`` leaves the spans out (the fast path for filling the stored flags).
    """
    if text is None:
        return NONE
    if evidence:
        return _classify(text)
    label, _, stock = _decide(text)
    if label in ("none", "other"):
        return NONE if label == "none" else OTHER
    kind, family = _split(label)
    return NoteClass(kind, family, ready_made=stock is not None)  # type: ignore[arg-type]


def kind_of(text: str | None) -> tuple[str, str | None]:
    """Just ``(kind, family)``: what :func:`classify` says, without working out spans."""
    if text is None:
        return "none", None
    return _split(_decide(text)[0])


def _split(label: str) -> tuple[str, str | None]:
    if label.startswith("reason:"):
        return "reason", label[7:]
    return label, None


@lru_cache(maxsize=8192)
def _decide(text: str) -> tuple[str, Normalised, tuple[int, int] | None]:
    return decide(text, shipped())


def decide(text: str, model) -> tuple[str, Normalised, tuple[int, int] | None]:
    """The label, the tidy note, and where the ready-made wording is (when it decided).

    ``model`` is anything with ``best(word_grams, char_grams)``: the shipped model, or one
    trained without some batch when cross-validating.
    """
    norm = normalise(text)
    if not norm.words:
        return "none", norm, None
    stock = platform.find(norm.text)
    if stock is not None:
        outside = len(norm.text[: stock[0]].split()) + len(norm.text[stock[1] :].split())
        if outside <= platform.SPARE_WORDS:
            return "stock", norm, stock
    words = tidy_words(norm)
    label = model.best(word_grams(words), char_grams(words))
    if stock is not None and label in ("stock", "other"):
        return "stock", norm, stock
    return label, norm, None


@lru_cache(maxsize=8192)
def _classify(text: str) -> NoteClass:
    label, norm, stock = _decide(text)
    if label == "none":
        return NONE
    if label == "other":
        return OTHER
    kind, family = _split(label)
    if stock is not None:
        return NoteClass("stock", None, (norm.original_span(*stock),), ready_made=True)
    return NoteClass(kind, family, _evidence(label, norm))  # type: ignore[arg-type]


def _evidence(label: str, norm: Normalised) -> tuple[tuple[int, int], ...]:
    """Spans of the words whose n-grams pushed ``label`` furthest above the other classes.

    Each n-gram's push is shared among its occurrences and the words each touches (a
    character 4-gram may span two words, a word pair always does); the words with the most
    push, up to ``EVIDENCE_WORDS`` and each with at least ``EVIDENCE_SHARE`` of the strongest
    word's, are the evidence.
    """
    words = tidy_words(norm)
    count = len(words)
    wgrams, cgrams = word_grams(words), char_grams(words)
    wpush, cpush = shipped().pushes(label, wgrams, cgrams)
    score = [0.0] * count
    if wpush:
        seen = Counter(wgrams)
        for i, gram in enumerate(wgrams):
            push = wpush.get(gram)
            if push:
                first, last = _word_gram_words(i, count)
                _share(score, first, last, push / seen[gram])
    if cpush:
        seen = Counter(cgrams)
        # the word each character of " " + text + " " belongs to (a space: the word before)
        owner = [0]
        for i, word in enumerate(words):
            owner += [i] * (len(word) + 1)
        for i, gram in enumerate(cgrams):
            push = cpush.get(gram)
            if push:
                first, last = owner[i], owner[i + 3]
                if first == last:
                    score[first] += push / seen[gram]
                else:
                    _share(score, first, last, push / seen[gram])
    ranked = sorted(range(count), key=lambda i: (-score[i], i))[:EVIDENCE_WORDS]
    if not ranked or score[ranked[0]] <= 0:
        return ()
    floor = score[ranked[0]] * EVIDENCE_SHARE
    return merge_spans(_word_spans(norm, sorted(i for i in ranked if score[i] >= floor)))


def _word_gram_words(i: int, count: int) -> tuple[int, int]:
    """The words the ``i``-th entry of :func:`word_grams` covers: a word, or a pair whose
    ends (``<``, ``>``) count as the first or the last word."""
    if i < count:
        return i, i
    pair = i - count
    return max(pair - 1, 0), min(pair, count - 1)


def _share(score: list[float], first: int, last: int, push: float) -> None:
    share = push / (last - first + 1)
    for i in range(first, last + 1):
        score[i] += share


def _word_spans(norm: Normalised, indices: list[int]):
    """Original spans of runs of neighbouring words (a run becomes one span)."""
    runs: list[list[int]] = []
    for i in indices:
        if runs and i == runs[-1][1] + 1:
            runs[-1][1] = i
        else:
            runs.append([i, i])
    starts, words = norm.starts, norm.words
    for first, last in runs:
        yield norm.original_span(starts[first], starts[last] + len(words[last]))


def label(note: NoteClass) -> str:
    """``kind`` or ``reason:family``: the form the labelled data uses."""
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
