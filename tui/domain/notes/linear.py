"""The trained linear reader at run time: plain Python over a small data file.

``model.json`` (written by :mod:`tui.domain.notes.train`) holds, for every word and character
n-gram the trainer kept, one weight per class already multiplied by the n-gram's idf, and
its idf squared. A note's features are the distinct n-grams it contains, each worth
``idf / sqrt(sum of idf² over the note)`` (tf-idf over presence, scaled to unit length, as
the trainer saw them), so a class's score is ``sum(weight·idf) / sqrt(sum(idf²)) + bias``.

Why the weights are packed into one integer per n-gram: a class score is a sum over a few
hundred n-grams, and summing ten numbers per n-gram in a Python loop would take most of the
time budget. The file stores each n-gram's weights as 16-bit integers (``weight_scale``
per unit) and its idf² after them; on first use they are packed into fixed
``FIELD_BITS``-wide fields of one Python integer, so
``sum(map(table.get, grams))`` adds every class's score and the norm at once, in C; the
fields are read back out once per note. A negative weight borrows from the field above it,
which the offset added before reading undoes (the sums stay far inside a field's range).

The file is read the first time a note needs the model, not at import, so starting the app
costs nothing until a note is read.
"""

from __future__ import annotations

import base64
import json
import math
import struct
import zlib
from functools import cache
from importlib import resources

FIELD_BITS = 64
_HALF = 1 << (FIELD_BITS - 1)
MODEL_FILE = "model.json"


class LinearModel:
    """Class scores for a note's n-grams, and how much each n-gram pushed a class."""

    def __init__(self, data: dict):
        self.classes: tuple[str, ...] = tuple(data["classes"])
        self.corpus_sha256: str = data["corpus_sha256"]
        self.weight_scale: float = data["weight_scale"]
        self.norm_scale: float = data["norm_scale"]
        self.bias = tuple(b / data["weight_scale"] for b in data["bias"])
        grams = zlib.decompress(base64.b64decode(data["grams"])).decode("utf-8").split("\n")
        blob = base64.b64decode(data["weights"])
        width = data["record_bytes"]
        if len(blob) != width * len(grams):
            raise ValueError("the model's weights do not match its n-grams")
        split = data["word_grams"]
        fields = len(self.classes) + 1
        if width != 2 * fields:
            raise ValueError("the model's records do not match its classes")
        record = struct.Struct(f"<{fields}h")
        words = dict(zip(grams[:split], range(split), strict=True))
        chars = dict(zip(grams[split:], range(split, len(grams)), strict=True))
        self.words = _Weights(words, blob, record, data["weight_scale"])
        self.chars = _Weights(chars, blob, record, data["weight_scale"])
        self._offset = sum(_HALF << (FIELD_BITS * k) for k in range(fields))
        self._unpack = struct.Struct(f"<{fields}Q").unpack
        self._bytes = fields * FIELD_BITS // 8
        self._leads: dict[int, tuple[_Leads, _Leads]] = {}

    def _fields(self, total: int) -> list[int]:
        raw = self._unpack((total + self._offset).to_bytes(self._bytes, "little"))
        return [value - _HALF for value in raw]

    def scores(self, word_grams, char_grams) -> list[float]:
        """One score per class (higher wins) for the distinct n-grams of one note (two sets:
        a note's features are which n-grams it has, not how often)."""
        total = sum(map(self.words.__getitem__, word_grams))
        total += sum(map(self.chars.__getitem__, char_grams))
        *weights, norm = self._fields(total)
        if norm <= 0:
            return list(self.bias)
        length = math.sqrt(norm / self.norm_scale) * self.weight_scale
        return [w / length + b for w, b in zip(weights, self.bias, strict=True)]

    def best(self, word_grams, char_grams) -> str:
        scores = self.scores(word_grams, char_grams)
        return self.classes[max(range(len(scores)), key=scores.__getitem__)]

    def leads(self, label: str) -> tuple[dict, dict]:
        """How far each n-gram pushes ``label`` above the other classes: its weight for
        ``label`` minus its mean weight for the others, in weight units (the note's length
        scales every push alike, so it is left out), as ``(word n-gram -> push, character
        n-gram -> push)``; 0.0 for an n-gram that does not push it up, or that the model does
        not know. Filled on first use.
        """
        k = self.classes.index(label)
        found = self._leads.get(k)
        if found is None:
            found = self._leads[k] = (_Leads(self.words, k), _Leads(self.chars, k))
        return found

    @property
    def size(self) -> int:
        return len(self.words.index) + len(self.chars.index)


class _Weights(dict):
    """n-gram -> its packed weights (0 for an n-gram the model does not know).

    Filled on first use from the model's bytes: unpacking all of them up front would make
    the first note wait for tens of thousands of integers it mostly never needs. A plain
    dict lookup is the cheapest cache hit there is.
    """

    def __init__(self, index: dict[str, int], blob: bytes, record: struct.Struct, scale: float):
        super().__init__()
        self.index = index
        self._blob = blob
        self.record = record
        self.scale = scale

    def fields(self, gram: str) -> tuple[int, ...] | None:
        """The n-gram's stored integers (a weight per class, then idf²), or None."""
        row = self.index.get(gram)
        return None if row is None else self.record.unpack_from(self._blob, row * self.record.size)

    def __missing__(self, gram: str) -> int:
        if len(self) > 200_000:  # bounded: odd n-grams from a long import must not pile up
            self.clear()
        fields = self.fields(gram)
        value = 0
        if fields is not None:
            for k, field in enumerate(fields):
                value += field << (FIELD_BITS * k)
        self[gram] = value
        return value


@cache
def shipped() -> LinearModel:
    """The model shipped with the app (read once, on first use)."""
    text = resources.files(__package__).joinpath(MODEL_FILE).read_text("utf-8")
    return LinearModel(json.loads(text))


class _Leads(dict):
    """n-gram -> how far it pushes one class above the others (filled on first use)."""

    def __init__(self, weights: _Weights, k: int):
        super().__init__()
        self._weights = weights
        self._k = k
        self._classes = weights.record.size // 2 - 1
        self._scale = weights.scale * (self._classes - 1)

    def __missing__(self, gram: str) -> float:
        if len(self) > 200_000:
            self.clear()
        fields = self._weights.fields(gram)
        value = 0.0
        if fields is not None:
            *weights, _ = fields
            push = (self._classes * weights[self._k] - sum(weights)) / self._scale
            value = push if push > 0 else 0.0
        self[gram] = value
        return value


__all__ = ["FIELD_BITS", "MODEL_FILE", "LinearModel", "shipped"]
