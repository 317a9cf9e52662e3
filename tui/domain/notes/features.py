"""The n-grams the learned reader looks at, the same at training and at run time.

A note is first tidied by :func:`tui.domain.notes.text.normalise` (lower case, accents
folded, apostrophes dropped, chat shorthand expanded, typos in the words that matter fixed),
then digits become ``0`` so "15 minutes" and "20 minutes" are one feature. Two kinds of
n-gram are read from that tidy text:

- word n-grams: every word and every pair of neighbouring words, with ``<`` and ``>`` for the
  start and the end of the note (so "starts with hi" is a feature);
- character 4-grams over the words joined by single spaces (with a space
  at each end), so an unseen inflection or a typo the tidier missed still shares most of its
  features with the word it is close to.

Each n-gram knows where it came from (a range of the tidy text), which is how the reader maps
the deciding n-grams back to the characters of the note as the user sees it.
"""

from __future__ import annotations

import re
from itertools import pairwise

from tui.domain.notes.text import Normalised

_DIGIT = re.compile(r"\d")
START, END = "<", ">"


def tidy_words(norm: Normalised) -> list[str]:
    """The note's tidy words with every digit written ``0``."""
    text = norm.text
    if _DIGIT.search(text):
        return _DIGIT.sub("0", text).split(" ")
    return norm.words


def word_grams(words: list[str]) -> list[str]:
    """Words and neighbouring pairs (``"a b"``), with ``<``/``>`` marking the ends."""
    padded = [START, *words, END]
    return words + [f"{a} {b}" for a, b in pairwise(padded)]


def char_grams(words: list[str]) -> list[str]:
    """Every 4-character slice of ``" " + words joined by spaces + " "``."""
    padded = f" {' '.join(words)} "
    return [padded[i : i + 4] for i in range(len(padded) - 3)]


def all_grams(norm: Normalised) -> tuple[list[str], list[str]]:
    """``(word n-grams, character n-grams)`` of a tidy note."""
    words = tidy_words(norm)
    return word_grams(words), char_grams(words)


__all__ = [
    "all_grams",
    "char_grams",
    "tidy_words",
    "word_grams",
]
