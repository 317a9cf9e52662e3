"""Train the note reader on the labelled corpus and write ``model.json`` (``train`` extra).

    python -m tui.domain.notes.train            # rebuild tui/domain/notes/model.json
    python -m tui.domain.notes.train --check    # rebuild in memory, compare with the files

Cross-validated figures: ``tests/bench/note_accuracy.py``.

What it does, in order:

1. reads every batch of ``tests/data/notes/train/`` (notes with no words are left out: they
   are ``none`` by rule, not by learning), and takes each note's first label as its class;
2. turns each note into its word and character n-grams (:mod:`tui.domain.notes.features`),
   keeps the n-grams seen in at least ``MIN_DF`` notes, and weighs presence by tf-idf scaled
   to unit length;
3. fits a linear support-vector classifier, one class against the rest (``C``);
4. chooses one offset per class, added to its score, by leave-one-batch-out: each batch is
   read by a model trained on the others (a voice it has not seen), and the offsets that
   make those out-of-batch readings cost least are kept. The costs come from what a wrong
   reading does to the user (see ``COST``): reading a pitch as a reason makes the policy
   accept a salesperson, the worst mistake; reading a reason as a pitch turns a genuine
   person away; a wrong label that leads to the same action costs one point;
5. writes the weights (times idf, as 16-bit integers), the n-grams, the offsets and the corpus hash;
   and a second model trained without one batch (``SPLIT_BATCH``), for the suite's test of
   reading an unseen voice.

Everything is deterministic: the same corpus and the same scikit-learn give a byte-identical
file, and the file records the corpus hash it was built from (a test checks it).
"""

from __future__ import annotations

import argparse
import base64
import json
import sys
import time
import zlib
from pathlib import Path

from tui.domain.notes import corpus
from tui.domain.notes.features import all_grams
from tui.domain.notes.linear import MODEL_FILE
from tui.domain.notes.text import normalise
from tui.domain.vocabulary import FAMILY_NAMES

MODEL_PATH = Path(__file__).with_name(MODEL_FILE)
# A second model, trained without one batch, so the suite can measure reading an unseen
# voice without scikit-learn (see tests/test_notes_accuracy.py).
SPLIT_BATCH = "train_nonnative"
SPLIT_MODEL_PATH = corpus.NOTES_DIR / "split_model.json"
FORMAT = 1
C = 1.0
MIN_DF = 2
# 16-bit weights: the largest weight×idf is about 8.4, so 2^11 per unit leaves room, and a
# step of 1/2048 is far below what decides a note. The largest idf² (an n-gram in MIN_DF
# notes) is 1 + ln((notes + 1) / 3), squared: about 65 for 3,500 notes, so 2^8 per unit
# keeps it in 16 bits up to about 70,000 notes.
WEIGHT_SCALE = 1 << 11
NORM_SCALE = 1 << 8
OFFSET_STEPS = tuple(round(-0.6 + 0.05 * i, 2) for i in range(25))  # -0.60 .. +0.60
OFFSET_ROUNDS = 3

# What the default policy does with each reading of a note.
ACTION = {
    "pitch": "ignore",
    "recruiter": "accept",
    "stock": "ask",
    "other": "ask",
    **{f"reason:{f}": "accept" for f in FAMILY_NAMES},
}
# ... and with each reading of a reply to its "ask" (policy [reply]): a reply that still gives
# no reason is ignored like a pitch, so mixing those up costs no more than any wrong label,
# while a reply read as a reason when it gives none accepts the sender.
REPLY_ACTION = {**ACTION, "stock": "ignore", "other": "ignore"}
# What a wrong reading costs, in wrong readings. Every wrong label costs 1; the three that
# turn the policy's ask or ignore into accept, or its accept into ignore, cost more, roughly
# in proportion to what they cost a user in the simulator's points (tui/simulate/scoring.py):
# a pitch read as a reason accepts a salesperson (-5 instead of 10: 15 points); a reason read
# as a pitch turns a genuine person away (3 instead of 10: 7 points); a note with no reason
# read as one accepts whoever sent it, often a fake (-10 instead of 9 after an unanswered
# ask). Weighing them 3, 2 and 2 keeps accuracy the main aim while the boundaries lean the
# safe way when the readings are close. A reply is costed by what the policy does with
# replies (REPLY_ACTION), a note by what it does with notes.
COST = {("ignore", "accept"): 3, ("accept", "ignore"): 2, ("ask", "accept"): 2}


def _analyse(note: str) -> list[str] | None:
    """The n-grams of a note as the trainer names them (``w``/``c`` + tab + n-gram)."""
    norm = normalise(note)
    if not norm.words:
        return None
    words, chars = all_grams(norm)
    return [f"w\t{g}" for g in words] + [f"c\t{g}" for g in chars]


def _identity(doc):
    return doc


def examples() -> tuple[list[list[str]], list[str], list[set[str]], list[str]]:
    """Features, first labels, accepted labels and batches of every note with words."""
    docs, labels, accepted, batches = [], [], [], []
    for example in corpus.load_all():
        grams = _analyse(example.note)
        if grams is None:
            continue
        docs.append(grams)
        labels.append(example.best)
        accepted.append(set(example.labels))
        batches.append(example.batch)
    return docs, labels, accepted, batches


def _fit(docs, labels):
    from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer
    from sklearn.svm import LinearSVC

    vectorizer = CountVectorizer(analyzer=_identity, binary=True, min_df=MIN_DF)
    counts = vectorizer.fit_transform(docs)
    tfidf = TfidfTransformer().fit(counts)
    svm = LinearSVC(C=C, random_state=0, max_iter=20_000).fit(tfidf.transform(counts), labels)
    return vectorizer, tfidf, svm


def _decisions(fitted, docs):
    vectorizer, tfidf, svm = fitted
    return svm.decision_function(tfidf.transform(vectorizer.transform(docs)))


def out_of_batch(docs, labels, batches):
    """Each note's class scores from a model trained without its batch, and the classes."""
    import numpy as np

    scores, classes = None, None
    for batch in sorted(set(batches)):
        train = [i for i, b in enumerate(batches) if b != batch]
        test = [i for i, b in enumerate(batches) if b == batch]
        fitted = _fit([docs[i] for i in train], [labels[i] for i in train])
        if classes is None:
            classes = list(fitted[2].classes_)
            scores = np.zeros((len(docs), len(classes)))
        elif list(fitted[2].classes_) != classes:
            raise SystemExit(f"batch {batch}: every class must appear in the other batches")
        scores[test] = _decisions(fitted, [docs[i] for i in test])
    return scores, classes


def wrong_cost(best: str, got: str, accepted: set[str], reply: bool) -> int:
    """What reading a note (or a reply) whose labels are ``accepted`` as ``got`` costs."""
    if got in accepted:
        return 0
    action = REPLY_ACTION if reply else ACTION
    return COST.get((action[best], action[got]), 1)


def choose_offsets(scores, classes, labels, accepted, replies) -> list[float]:
    """Per-class offsets that make the out-of-batch readings cost least (ties: smallest)."""
    import numpy as np

    offsets = np.zeros(len(classes))
    # costs[i, k]: what reading note i as class k costs
    costs = np.array(
        [
            [wrong_cost(best, got, ok, reply) for got in classes]
            for best, ok, reply in zip(labels, accepted, replies, strict=True)
        ]
    )
    rows = np.arange(len(labels))

    def total(k: int, step: float) -> int:
        trial = offsets.copy()
        trial[k] = step
        picked = (scores + trial).argmax(axis=1)
        return int(costs[rows, picked].sum())

    for _ in range(OFFSET_ROUNDS):
        before = offsets.copy()
        for k in range(len(classes)):
            offsets[k] = min(OFFSET_STEPS, key=lambda step: (total(k, step), abs(step), step))
        if (offsets == before).all():
            break
    return [float(o) for o in offsets]


def export(fitted, offsets: list[float], notes: int) -> dict:
    """The model file's content for a fitted model and its offsets."""
    import numpy as np
    import sklearn

    vectorizer, tfidf, svm = fitted
    classes = list(svm.classes_)
    idf = tfidf.idf_
    weights = np.rint(svm.coef_ * idf * WEIGHT_SCALE).astype(np.int64)
    norms = np.rint(idf * idf * NORM_SCALE).astype(np.int64)
    if not (np.abs(weights) < 2**15).all() or not (norms < 2**15).all():
        raise SystemExit("a weight does not fit in 16 bits: lower WEIGHT_SCALE or NORM_SCALE")
    grams = vectorizer.get_feature_names_out()
    order = sorted(range(len(grams)), key=lambda j: (grams[j][0] != "w", grams[j]))
    table = np.vstack([weights, norms]).T.astype("<i2")
    bias = [round((b + o) * WEIGHT_SCALE) for b, o in zip(svm.intercept_, offsets, strict=True)]
    return {
        "format": FORMAT,
        "about": "Note reader weights; rebuild with python -m tui.domain.notes.train",
        "corpus_sha256": corpus.corpus_hash(),
        "notes": notes,
        "trained_with": f"scikit-learn {sklearn.__version__}",
        "settings": {"C": C, "min_df": MIN_DF, "model": "LinearSVC one-vs-rest, tf-idf"},
        "classes": classes,
        "offsets": [round(o, 4) for o in offsets],
        "bias": bias,
        "weight_scale": WEIGHT_SCALE,
        "norm_scale": NORM_SCALE,
        "record_bytes": 2 * (len(classes) + 1),
        "word_grams": sum(1 for j in order if grams[j][0] == "w"),
        "grams": _blob("\n".join(grams[j][2:] for j in order).encode("utf-8")),
        "weights": base64.b64encode(table[order].tobytes()).decode("ascii"),
    }


def serialise(data: dict) -> bytes:
    return (json.dumps(data, indent=1, ensure_ascii=False) + "\n").encode("utf-8")


def _blob(raw: bytes) -> str:
    return base64.b64encode(zlib.compress(raw, 9)).decode("ascii")


class Training:
    """The corpus as features, and the out-of-batch scores every later step uses."""

    def __init__(self):
        self.docs, self.labels, self.accepted, self.batches = examples()
        self.scores, self.classes = out_of_batch(self.docs, self.labels, self.batches)

    def rows(self, keep) -> list[int]:
        return [i for i, batch in enumerate(self.batches) if keep(batch)]

    def offsets(self, without: str | None = None) -> list[float]:
        """Offsets chosen on the out-of-batch scores (leaving batch ``without`` out too)."""
        rows = self.rows(lambda batch: batch != without)
        return choose_offsets(
            self.scores[rows],
            self.classes,
            [self.labels[i] for i in rows],
            [self.accepted[i] for i in rows],
            [corpus.is_reply_batch(self.batches[i]) for i in rows],
        )

    def model_without(self, batch: str | None) -> dict:
        """The model file's content trained on every batch but ``batch`` (None: all)."""
        rows = self.rows(lambda b: b != batch)
        fitted = _fit([self.docs[i] for i in rows], [self.labels[i] for i in rows])
        if list(fitted[2].classes_) != self.classes:
            raise SystemExit(f"without {batch}, a class has no examples left")
        return export(fitted, self.offsets(without=batch), len(rows))


def leave_one_batch_out(training: Training | None = None) -> list[tuple[corpus.Example, str]]:
    """``(example, label read)`` for every labelled note, each read by the full reader (rules
    and a model trained without its batch, with offsets chosen without it too)."""
    from tui.domain.notes.linear import LinearModel
    from tui.domain.notes.reader import decide

    training = training or Training()
    by_batch: dict[str, list[corpus.Example]] = {}
    for example in corpus.load_all():
        by_batch.setdefault(example.batch, []).append(example)
    readings = []
    for batch, examples_of_batch in sorted(by_batch.items()):
        model = LinearModel(training.model_without(batch))
        readings += [(example, decide(example.note, model)[0]) for example in examples_of_batch]
    return readings


def build() -> dict[Path, bytes]:
    """Train on the corpus: the shipped model and the suite's split model, by path."""
    started = time.monotonic()
    training = Training()
    files = {
        MODEL_PATH: serialise(training.model_without(None)),
        SPLIT_MODEL_PATH: serialise(training.model_without(SPLIT_BATCH)),
    }
    sizes = ", ".join(f"{path.name} {len(data) / 1e6:.2f} MB" for path, data in files.items())
    print(
        f"{len(training.docs)} notes, {sizes}, {time.monotonic() - started:.0f} s",
        file=sys.stderr,
    )
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tui.domain.notes.train")
    parser.add_argument("--check", action="store_true", help="compare with the files in place")
    args = parser.parse_args(argv)
    try:
        import sklearn  # noqa: F401
    except ImportError:
        print("training needs scikit-learn: pip install -e '.[train]'", file=sys.stderr)
        return 2
    built = build()
    if args.check:
        differ = [p for p, data in built.items() if not p.exists() or p.read_bytes() != data]
        for path in differ:
            print(f"{path} differs from what its corpus builds")
        if not differ:
            print("the models match their corpus")
        return 1 if differ else 0
    for path, data in built.items():
        path.write_bytes(data)
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
