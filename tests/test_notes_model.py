"""The shipped model file: built from the corpus in the repository, read back exactly."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import subprocess
import sys

import pytest

from tui.domain.notes import corpus
from tui.domain.notes.linear import FIELD_BITS, LinearModel, shipped
from tui.domain.notes.train import MODEL_PATH, SPLIT_MODEL_PATH


def test_the_shipped_model_records_the_corpus_it_was_trained_on():
    # A changed batch needs a retrain: python -m tui.domain.notes.train
    for path in (MODEL_PATH, SPLIT_MODEL_PATH):
        data = json.loads(path.read_text("utf-8"))
        assert data["corpus_sha256"] == corpus.corpus_hash(), path.name


# The model is frozen: a blind set is being written against this exact file and measured
# once. A retrained model (or a changed reader) needs a fresh blind set, not this one.
FROZEN_SHA256 = "9afaaa7b2ef5013fc54ab266535ed6cad332d62ba65f3d36967fe9e72cf302d0"


def test_the_shipped_model_is_the_frozen_one():
    assert hashlib.sha256(MODEL_PATH.read_bytes()).hexdigest() == FROZEN_SHA256


def test_the_model_is_small_and_has_every_label_but_none():
    assert MODEL_PATH.stat().st_size <= 5_000_000
    assert set(shipped().classes) == set(corpus.LABELS) - {"none"}


def test_packed_weights_add_up_like_the_separate_numbers():
    model = shipped()
    grams = list(model.chars.index)[:500]
    total = sum(model.chars[gram] for gram in grams)
    separate = [sum(column) for column in zip(*(model.chars.fields(g) for g in grams), strict=True)]
    assert model._fields(total) == separate
    assert all(abs(value) < 1 << (FIELD_BITS - 1) for value in separate)


def test_an_unknown_ngram_weighs_nothing():
    assert shipped().chars["\x00zz\x00"] == 0
    assert shipped().words["no such words here"] == 0


@pytest.mark.skipif(importlib.util.find_spec("sklearn") is None, reason="needs the train extra")
def test_retraining_rebuilds_the_identical_files():
    done = subprocess.run(
        [sys.executable, "-m", "tui.domain.notes.train", "--check"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_model_whose_weights_do_not_fit_its_ngrams_is_refused():
    data = json.loads(MODEL_PATH.read_text("utf-8"))
    data["word_grams"] = 1
    data["record_bytes"] = 8
    with pytest.raises(ValueError, match="model"):
        LinearModel(data)
