"""The phrase index: where a phrase may start, and refusing phrases it cannot file."""

from __future__ import annotations

import pytest

from tui.domain.notes.patterns import RULES
from tui.domain.notes.phrase_index import PhraseIndex, phrase_keys, split_top


@pytest.mark.parametrize(
    ("phrase", "keys"),
    [
        ("we help", {("we", True)}),
        ("(?:we|i am) help", {("we", True), ("i", True)}),
        ("discounts?", {("discount", False)}),
        ("recruit(?:er|ing)?", {("recruit", False)}),
        ("(?:please )?accept my", {("please", True), ("accept", True)}),
        (r"(?<!\bi )thought you", {("thought", True)}),
        (r"\bseo\b", {("seo", True)}),
        ("^(?:lets )?connect$", {("lets", True), ("connect", True)}),
        (r"\d+ minutes", {(d, False) for d in "0123456789"}),
    ],
)
def test_phrase_keys(phrase, keys):
    assert phrase_keys(phrase) == keys


@pytest.mark.parametrize("phrase", [r"(?:\w+ ){0,2}network", r"\w+ network", "(?:a|b)* c"])
def test_refuses_phrases_that_do_not_start_with_plain_words(phrase):
    with pytest.raises(ValueError, match="phrase"):
        PhraseIndex({"x": (phrase,)})


def test_refuses_capturing_groups():
    with pytest.raises(ValueError, match="groups"):
        PhraseIndex({"x": ("we (help|sell)",)})


def test_split_top_ignores_nested_bars():
    assert split_top("a (?:b|c)|[|]d|e") == ["a (?:b|c)", "[|]d", "e"]


def test_best_label_follows_precedence():
    index = PhraseIndex({"high": ("buy now",), "low": ("hello",)})
    text = "hello there buy now"
    words = text.split(" ")
    starts = [0, 6, 12, 16]
    assert index.best(text, words) == "high"
    assert list(index.spans(text, starts, words, "low")) == [(0, 5)]


def test_every_shipped_phrase_is_filed():
    PhraseIndex(RULES)  # raises if any phrase breaks the convention
