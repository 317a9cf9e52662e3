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
from operator import truediv
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

    ``model`` is anything with ``best(word_grams, char_grams)`` (each a set of distinct
    n-grams): the shipped model, or one trained without some batch when cross-validating.
    """
    return _read(text, model)[:3]


def _read(text: str, model) -> tuple:
    """:func:`decide`'s answer, then the tidy words and their n-grams when the model read
    them (``None`` otherwise), which the evidence is worked out from."""
    norm = normalise(text)
    if not norm.words:
        return "none", norm, None, None
    stock = platform.find(norm.text)
    if stock is not None:
        outside = len(norm.text[: stock[0]].split()) + len(norm.text[stock[1] :].split())
        if outside <= platform.SPARE_WORDS:
            return "stock", norm, stock, None
    words = tidy_words(norm)
    wgrams, cgrams = word_grams(words), char_grams(words)
    wset, cset = set(wgrams), set(cgrams)
    label = model.best(wset, cset)
    if stock is not None and label in ("stock", "other"):
        return "stock", norm, stock, None
    repeats = len(wset) != len(wgrams), len(cset) != len(cgrams)
    return label, norm, None, (words, wgrams, cgrams, repeats)


@lru_cache(maxsize=8192)
def _classify(text: str) -> NoteClass:
    model = shipped()
    label, norm, stock, read = _read(text, model)
    if label == "none":
        return NONE
    if label == "other":
        return OTHER
    kind, family = _split(label)
    if stock is not None:
        return NoteClass("stock", None, (norm.original_span(*stock),), ready_made=True)
    return NoteClass(kind, family, _evidence(model.leads(label), norm, *read))  # type: ignore[arg-type]


def _evidence(
    leads, norm: Normalised, words, wgrams, cgrams, repeats
) -> tuple[tuple[int, int], ...]:
    """Spans of the words whose n-grams pushed the winning class furthest above the others.

    ``leads`` is the model's push of each n-gram towards that class, 0 for one that pushes
    it down (see :meth:`~tui.domain.notes.linear.LinearModel.leads`); ``repeats`` says
    whether any word n-gram, and any character n-gram, occurs more than once. Each n-gram's
    push is shared among its occurrences and among the words it touches (a character 4-gram
    may span two words or three, a word pair always spans two, ``<`` and ``>`` count as the
    first and the last word); the words with the most push, up to ``EVIDENCE_WORDS`` and
    each with at least ``EVIDENCE_SHARE`` of the strongest word's, are the evidence.

    This runs for every note the detail pane shows, so it is one pass over each kind of
    n-gram with the lookups done by ``map``; occurrences are counted only when an n-gram
    repeats.
    """
    count = len(words)
    score = [0.0] * count
    push = list(map(leads[0].__getitem__, wgrams))
    if repeats[0]:
        seen = Counter(wgrams)
        push = list(map(truediv, push, map(seen.__getitem__, wgrams)))
    for i, share in enumerate(push[:count]):  # the words themselves
        if share:
            score[i] += share
    # neighbouring pairs: "< w0", then "w(i-1) wi", then "wlast >" (the ends are one word)
    if push[count]:
        score[0] += push[count]
    for i, share in enumerate(push[count + 1 : 2 * count], 1):
        if share:
            share /= 2
            score[i - 1] += share
            score[i] += share
    if push[2 * count]:
        score[count - 1] += push[2 * count]
    push = map(leads[1].__getitem__, cgrams)
    if repeats[1]:
        seen = Counter(cgrams)
        push = map(truediv, push, map(seen.__getitem__, cgrams))
    # the word each character of " " + text + " " belongs to (a space: the word before):
    # the 4-gram at i touches the words owner[i] to owner[i + 3]
    owner = [0]
    for i, word in enumerate(words):
        owner += [i] * (len(word) + 1)
    for share, first, last in zip(push, owner[:-3], owner[3:], strict=True):
        if share:
            if first == last:
                score[first] += share
            elif last == first + 1:
                share /= 2
                score[first] += share
                score[last] += share
            else:
                share /= last - first + 1
                for j in range(first, last + 1):
                    score[j] += share
    ranked = sorted(range(count), key=score.__getitem__, reverse=True)[:EVIDENCE_WORDS]
    top = score[ranked[0]]
    if top <= 0:
        return ()
    floor = top * EVIDENCE_SHARE
    return merge_spans(_word_spans(norm, sorted(i for i in ranked if score[i] >= floor)))


def _word_spans(norm: Normalised, indices: list[int]):
    """Original spans of runs of neighbouring words (a run becomes one span)."""
    runs: list[list[int]] = []
    for i in indices:
        if runs and i == runs[-1][1] + 1:
            runs[-1][1] = i
        else:
            runs.append([i, i])
    for first, last in runs:
        yield norm.word_span(first, last)


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
