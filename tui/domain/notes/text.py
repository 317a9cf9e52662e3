"""Normalising a note for matching while remembering where every word came from.

The note reader (its exact rules and its n-grams) reads a tidy form of the note: lower
case, accents folded, apostrophes dropped (``I'd`` -> ``id``), punctuation and emoji gone,
one space between words, common chat shorthand expanded (``u`` -> ``you``) and small typos
in the words the rules rely on corrected (``netwrok`` -> ``network``). Each word of that
form keeps the character range it came from in the original text, so a match can be
reported as a span of the note the user actually sees.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from itertools import accumulate

# A word: letters/digits (any script) with inner apostrophes, or a symbol the rules use.
_TOKEN = re.compile(r"\w+(?:['’‘`´]\w+)*|[%$€£¥]")
_APOSTROPHES = re.compile("['’‘`´]")

# Chat shorthand, mapped to the word the rules are written with.
SHORTHAND = {
    "u": "you",
    "ur": "your",
    "yr": "your",
    "abt": "about",
    "pls": "please",
    "plz": "please",
    "thx": "thanks",
    "ty": "thanks",
    "bc": "because",
    "coz": "because",
    "cuz": "because",
    "msg": "message",
    "info": "information",
    "ppl": "people",
    "lik": "like",
    "liek": "like",
    "wud": "would",
    "wld": "would",
    "netwrk": "network",
    "conect": "connect",
    "linkdin": "linkedin",
    "linkedn": "linkedin",
}

# Words the rules depend on. A token one edit away from one of these (a letter missing,
# added, changed, or two letters swapped) is read as that word. Only words of six letters
# or more take part, so short everyday words are never "corrected" into something else.
VOCABULARY = (
    # the stock wordings
    "professional", "network", "networks", "networking", "linkedin", "connect", "connected",
    "connecting", "connection", "connections", "invitation", "request", "accept", "inviting",
    # growing a network
    "expand", "expanding", "growing", "building", "broaden", "broadening", "widen",
    "widening", "extend", "extending", "strengthen", "fellow", "colleagues",
    "professionals", "industry", "community", "exchange", "insights",
    # appreciation
    "article", "articles", "presentation", "keynote", "webinar", "podcast", "episode",
    "newsletter", "research", "lecture", "thoughts", "enjoyed", "enjoying", "appreciated",
    "appreciate", "inspiring", "inspired", "insightful", "fascinating", "brilliant",
    "finished", "listened", "watched", "attended", "resonated", "really", "congrats",
    "congratulations", "thanks", "helpful", "useful",
    # profile views
    "profile", "viewed", "visited", "checked", "looking", "stopped", "noticed", "visit",
    # referrals
    "suggested", "recommended", "recommendation", "referred", "referral", "mentioned",
    "introduced", "pointed", "mutual", "common", "colleague", "manager", "professor",
    # recruiting
    "recruiter", "recruiters", "recruiting", "recruitment", "recruited", "headhunter",
    "talent", "acquisition", "position", "positions", "opportunity", "opportunities",
    "vacancy", "opening", "candidate", "candidates", "hiring", "challenge", "interested",
    "client", "clients", "contract", "remote", "portfolio", "background", "experience",
    # selling
    "services", "service", "solution", "solutions", "platform", "product", "products",
    "software", "agency", "company", "companies", "business", "businesses", "discount",
    "exclusive", "consultation", "consulting", "outsourcing", "wholesale", "investment",
    "guaranteed", "returns", "income", "passive", "revenue", "leads", "generate",
    "generation", "qualified", "proposal", "marketing", "followers", "pipeline", "demo",
    "trial", "automate", "automates", "launched", "offering", "provide", "provides",
    "provider", "competitive", "schedule", "minutes", "information",
)  # fmt: skip

_WORDS = frozenset(w for w in VOCABULARY if len(w) >= 6)

# Real words one edit away from a vocabulary word, left as they are: English ones, and the
# words of the stock note in the other languages the platform ships.
KEEP = frozenset(
    [
        "booking",
        "cooking",
        "matched",
        "managed",
        "remove",
        "extent",
        "hiking",
        "firing",
        "wiring",
        "airing",
        "rowing",
        "expend",
        "contact",
        "content",
        "commons",
        "stepped",
        "shopped",
        "locking",
        "talents",
        "patient",
        "netwerk",
        "netzwerk",
        "professionele",
        "profesional",
        "professionnel",
        "professionale",
        "gostaria",
        "gustaria",
        "reseau",
    ]
)


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


_LONGEST_WORD = max(len(w) for w in _WORDS)

# deletion variant -> vocabulary words it comes from (a SymSpell-style index)
_DELETED: dict[str, set[str]] = {}
for _word in _WORDS:
    for _variant in _deletions(_word):
        _DELETED.setdefault(_variant, set()).add(_word)


class _Canonical(dict):
    """token -> canonical word, computed on first use (a dict hit is the cheapest lookup)."""

    def __missing__(self, token: str) -> str:
        if len(self) > 200_000:  # bounded: odd words from a long import must not pile up
            self.clear()
        value = self[token] = canonical(token)
        return value


_CANONICAL = _Canonical()


def canonical(token: str) -> str:
    """The word the rules know for one lower-case, apostrophe-free token."""
    if not token.isascii():
        folded = unicodedata.normalize("NFKD", token)
        token = "".join(c for c in folded if not unicodedata.combining(c))
    if token in SHORTHAND:
        return SHORTHAND[token]
    if len(token) < 5 or token in _WORDS or token in KEEP or not token.isalpha():
        return token
    if len(token) > _LONGEST_WORD + 1:
        # Too long to be one typo away from a known word; the deletion search below is
        # quadratic in the token's length, so a 50 kB "word" would stall an import.
        return token
    candidates: set[str] = set(_DELETED.get(token, ()))  # a letter was left out
    for variant in _deletions(token):
        if variant in _WORDS:  # a letter too many
            candidates.add(variant)
        candidates.update(_DELETED.get(variant, ()))  # a letter changed, or two swapped
    # "thank" is not a typo of "thanks": a word that only lacks an ending is a real word.
    candidates.discard(token + "s")
    best = min(candidates, key=lambda w: (edit_distance(token, w), w), default=None)
    return best if best is not None and edit_distance(token, best) == 1 else token


def edit_distance(a: str, b: str) -> int:
    """Edits (insert, delete, change, swap two neighbours) that turn ``a`` into ``b``."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


class Normalised:
    """The tidy form of a text, and the map from its words back to the original."""

    __slots__ = ("_origin", "_starts", "source", "text", "tokens", "words")

    def __init__(self, source: str, words: list[str], tokens: list[str]):
        self.source = source
        self.words = words
        self.tokens = tokens  # each word as the source has it
        self.text = " ".join(words)
        self._starts: list[int] | None = None
        self._origin: list[int] | None = None

    @property
    def starts(self) -> list[int]:
        """Where each word starts in ``text``."""
        if self._starts is None:
            self._starts = list(accumulate((len(w) + 1 for w in self.words), initial=0))[:-1]
        return self._starts

    def word_span(self, first: int, last: int) -> tuple[int, int]:
        """The original characters of words ``first`` to ``last`` (indices into ``words``)."""
        origin = self._origin
        if origin is None:  # found only when a span is asked for: most callers never do
            origin = self._origin = _token_starts(self.source, self.tokens)
        return origin[first], origin[last] + len(self.tokens[last])

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a match ``[start, end)`` in ``text`` to the original characters it covers."""
        first = bisect_right(self.starts, start) - 1
        last = bisect_right(self.starts, max(start, end - 1)) - 1
        return self.word_span(max(first, 0), max(last, 0))


def _token_starts(source: str, tokens: list[str]) -> list[int]:
    """Where each token starts in ``source``. Tokens are found left to right and nothing
    between two of them could begin one (a token begins with a letter, a digit or a
    currency sign), so the next occurrence of each, searched from the end of the one before,
    is where it was found."""
    starts = []
    at = 0
    find = source.find
    for token in tokens:
        at = find(token, at)
        starts.append(at)
        at += len(token)
    return starts


def normalise(text: str) -> Normalised:
    """Tidy ``text`` for matching; see the module docstring for what changes.

    The words are found once, then lowered and stripped of apostrophes as one string (fast),
    which keeps one tidy word per word of the original: the basis of the span mapping.
    """
    tokens = _TOKEN.findall(text)
    if not tokens:
        return Normalised(text, [], [])
    lowered = _APOSTROPHES.sub("", " ".join(tokens).lower())
    return Normalised(text, [_CANONICAL[word] for word in lowered.split(" ")], tokens)


def merge_spans(spans) -> tuple[tuple[int, int], ...]:
    """Sort spans and join the ones that overlap or touch."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((s, e) for s, e in merged)


__all__ = ["Normalised", "canonical", "merge_spans", "normalise"]
