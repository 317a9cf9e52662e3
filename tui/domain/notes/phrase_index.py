"""Trying only the phrases that could start at each word, so a note classifies in microseconds.

Scanning every note with every phrase costs a regular-expression attempt per phrase per
character. Instead each phrase is filed under the literal letters it starts with (``we help``
under ``we``, ``discounts?`` under ``discount``, ``recruit(?:er|ing)`` under ``recruit``),
and at each word of a note only the phrases filed under a prefix of that word are tried,
anchored there. A phrase must therefore start with plain letters, a group of plain
alternatives (``(?:we|i) help``), optional leading words (``(?:please )?accept``), ``\\d`` or
a character class; lookbehinds and ``^`` may come first. :func:`phrase_keys` refuses
anything else at import time, so a badly written phrase fails loudly, not silently slow.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

_LEADING_LOOKBEHIND = re.compile(r"\(\?<[!=](?:\\.|[^()\\])*\)")
_LITERAL = re.compile(r"[a-z0-9]+")
_QUANTIFIER = "?*+{"
_DIGITS = "0123456789"


def split_top(pattern: str, sep: str = "|") -> list[str]:
    """Split a pattern on ``sep`` outside groups and character classes."""
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == sep and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def _group_end(pattern: str) -> int:
    """Index just past the group that opens ``pattern`` (which starts with ``(``)."""
    depth, i = 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        depth += c == "("
        depth -= c == ")"
        i += 1
        if depth == 0:
            return i
    raise ValueError(f"unbalanced group in phrase: {pattern!r}")


def _ends_word(follow: str) -> bool:
    """Whether the pattern text after a literal can only continue with a new word."""
    return follow == "" or follow[0] in " $" or follow.startswith((r"\b", "(?!"))


def phrase_keys(branch: str, follow: str = "") -> set[tuple[str, bool]]:
    """How any match of ``branch`` must start: ``(letters, whole_word)`` pairs.

    ``whole_word`` is true when the letters are a complete word (``we`` in ``we help``) and
    false for a stem (``recruit`` in ``recruit(?:er|ing)``, ``discount`` in ``discounts?``).
    ``follow`` is the pattern text after an enclosing group, for alternatives inside one.
    """
    rest = branch
    while True:
        stripped = _LEADING_LOOKBEHIND.match(rest)
        if stripped:
            rest = rest[stripped.end() :]
        elif rest.startswith("^") or rest.startswith(r"\b"):
            rest = rest[1 if rest.startswith("^") else 2 :]
        else:
            break
    if rest.startswith("(?:"):
        end = _group_end(rest)
        after = rest[end:]
        if after[:1] in ("*", "{", "+"):
            raise ValueError(f"a phrase must not start with a repeated group: {branch!r}")
        keys: set[tuple[str, bool]] = set()
        inner_follow = after[1:] if after[:1] == "?" else after
        for alternative in split_top(rest[3 : end - 1]):
            keys |= phrase_keys(alternative, inner_follow or follow)
        if after[:1] == "?":  # optional leading words: the next part may start the match
            keys |= phrase_keys(after[1:].lstrip(), follow)
        return keys
    if rest.startswith(r"\d"):
        return {(digit, False) for digit in _DIGITS}
    if rest.startswith("["):
        end = rest.index("]")
        return {(c, False) for c in rest[1:end].replace(r"\d", _DIGITS)}
    literal = _LITERAL.match(rest)
    if not literal:
        raise ValueError(f"a phrase must start with plain words: {branch!r}")
    key, after = literal.group(), rest[literal.end() :]
    if after[:1] in tuple(_QUANTIFIER):
        return {(key[:-1], False)} if len(key) > 1 else set()  # "discounts?": "s" is optional
    return {(key, _ends_word(after or follow))}


class PhraseIndex:
    """Phrase lists, one per label, filed by the word (or stem) their phrases start with.

    The labels' order is their precedence. For each word of a note one regular expression
    holds every phrase that may start there, one named group per label in precedence
    order, so a single anchored match tells the best label starting at that word.
    """

    def __init__(self, rules: dict[str, Iterable[str]]):
        self.order = tuple(rules)
        self._filed: dict[tuple[str, bool], dict[str, list[str]]] = defaultdict(
            lambda: defaultdict(list)
        )
        for label, phrases in rules.items():
            if not label.isidentifier():
                raise ValueError(f"a label must be a name: {label!r}")
            for phrase in phrases:
                for branch in split_top(phrase):
                    if re.compile(branch).groups:
                        raise ValueError(f"use (?:...) groups in phrases: {branch!r}")
                    keys = phrase_keys(branch)
                    if not keys:
                        raise ValueError(f"a phrase must start with plain words: {branch!r}")
                    for key in keys:
                        self._filed[key][label].append(branch)
        self._longest = max((len(k) for k, whole in self._filed if not whole), default=0)
        self._rules: dict[tuple, re.Pattern[str]] = {}
        self._cache = _Candidates(self._rule_for)

    def _rule_for(self, word: str) -> re.Pattern[str] | None:
        """The one regex of every phrase that may start at ``word``, or None."""
        keys = [(word, True)] if (word, True) in self._filed else []
        keys += [
            (word[:size], False)
            for size in range(1, min(len(word), self._longest) + 1)
            if (word[:size], False) in self._filed
        ]
        if not keys:
            return None
        signature = tuple(keys)
        if signature not in self._rules:
            branches: dict[str, list[str]] = {label: [] for label in self.order}
            for key in keys:
                for label, found in self._filed[key].items():
                    branches[label].extend(found)
            groups = "|".join(
                f"(?P<{label}>{'|'.join(found)})" for label, found in branches.items() if found
            )
            self._rules[signature] = re.compile(f"(?:{groups})(?!\\w)")
        return self._rules[signature]

    def rule(self, word: str) -> re.Pattern[str] | None:
        return self._cache[word]

    def best(self, text: str, words: list[str]) -> str | None:
        """The highest-precedence label of any phrase matching at a word start of ``text``
        (``text`` is ``words`` joined by single spaces)."""
        cache, rank, best, start = self._cache, self.order.index, None, 0
        for word in words:
            rule = cache[word]
            if rule is not None:
                match = rule.match(text, start)
                if match and (best is None or rank(match.lastgroup) < rank(best)):
                    best = match.lastgroup
                    if best == self.order[0]:
                        break  # nothing outranks the first label
            start += len(word) + 1
        return best

    def spans(self, text: str, starts: list[int], words: list[str], label: str):
        """``(start, end)`` of every match of ``label``'s phrases, when ``label`` is the best.

        A word where a higher label matches would have made that label the best, so at
        every word the first matching group is ``label`` wherever ``label`` matches.
        """
        cache = self._cache
        for start, word in zip(starts, words, strict=True):
            rule = cache[word]
            if rule is not None:
                match = rule.match(text, start)
                if match and match.lastgroup == label:
                    yield start, match.end()


class _Candidates(dict):
    """A dict cache filled on first use (a plain dict lookup is the cheapest cache hit)."""

    def __init__(self, compute):
        super().__init__()
        self._compute = compute

    def __missing__(self, word: str):
        if len(self) > 200_000:  # bounded: a long import of odd words must not grow it forever
            self.clear()
        value = self[word] = self._compute(word)
        return value
