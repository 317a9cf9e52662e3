"""Who sends invitations, how often, and which visible cues each kind of sender tends to show.

The weights are tuned so a default inbox looks like a real one: mostly strangers, about one
in six people the user knows, a steady trickle of recruiters and sellers, and a fifth that
are hollow or fake. Tests derive their expected proportions from these numbers.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

_STEPS = 1024  # resolution of the completeness quantile table


def _cumulative(weights: tuple[float, ...]) -> tuple[float, ...]:
    total, out = 0.0, []
    for weight in weights:
        total += weight
        out.append(total)
    return (*tuple(value / total for value in out[:-1]), 1.0)


@dataclass(frozen=True)
class Archetype:
    """One kind of sender: the hidden intent plus distributions for every visible cue."""

    name: str
    intent: str
    weight: float
    notes: tuple[tuple[str, float], ...]  # note kind -> weight
    photos: tuple[tuple[str, float], ...]  # photo kind -> weight
    completeness: tuple[float, float]  # beta distribution (a, b) of profile completeness
    connections: tuple[int, int]
    mutual: tuple[int, int]
    account_age_days: tuple[int, int]  # how long before the invitation the profile was made
    style: str = "job"  # job, recruiter, sales, vague: how headline and about are written
    odd_names: float = 0.0  # chance of a lower-case, one-word or decorated name
    note_kinds: tuple[str, ...] = field(init=False)
    note_cumulative: tuple[float, ...] = field(init=False)
    photo_kinds: tuple[str, ...] = field(init=False)
    photo_cumulative: tuple[float, ...] = field(init=False)
    completeness_table: tuple[float, ...] = field(init=False, repr=False)

    def __post_init__(self):
        set_ = object.__setattr__
        set_(self, "note_kinds", tuple(kind for kind, _ in self.notes))
        set_(self, "note_cumulative", _cumulative(tuple(w for _, w in self.notes)))
        set_(self, "photo_kinds", tuple(kind for kind, _ in self.photos))
        set_(self, "photo_cumulative", _cumulative(tuple(w for _, w in self.photos)))
        # Sorted draws from the beta distribution: looking a uniform number up in it (with
        # interpolation) gives a continuous completeness five times faster than betavariate.
        a, b = self.completeness
        rng = random.Random(f"completeness {a} {b}")
        table = sorted(rng.betavariate(a, b) for _ in range(_STEPS + 1))
        set_(self, "completeness_table", tuple(table))

    def draw_completeness(self, uniform: float) -> float:
        """Map a uniform number in [0, 1) to this archetype's completeness distribution."""
        position = uniform * _STEPS
        index = int(position)
        table = self.completeness_table
        return table[index] + (table[index + 1] - table[index]) * (position - index)

    def share(self, kind: str) -> float:
        """The probability of note ``kind`` within this archetype."""
        total = sum(w for _, w in self.notes)
        return sum(w for k, w in self.notes if k == kind) / total


YEAR = 365
ARCHETYPES: tuple[Archetype, ...] = (
    Archetype(
        "acquaintance",
        "known",
        0.16,
        notes=(("stock", 0.45), ("none", 0.30), ("personal", 0.25)),
        photos=(
            ("headshot", 0.60),
            ("selfie", 0.15),
            ("group", 0.10),
            ("none", 0.07),
            ("illustration", 0.05),
            ("logo", 0.03),
        ),
        completeness=(5.0, 2.0),
        connections=(80, 1500),
        mutual=(3, 120),
        account_age_days=(YEAR, 15 * YEAR),
    ),
    Archetype(
        "stated_reason",
        "networker",
        0.22,
        notes=(("reason", 1.0),),
        photos=(
            ("headshot", 0.78),
            ("selfie", 0.07),
            ("none", 0.05),
            ("illustration", 0.04),
            ("group", 0.03),
            ("logo", 0.03),
        ),
        completeness=(4.0, 2.0),
        connections=(50, 3000),
        mutual=(0, 25),
        account_age_days=(180, 15 * YEAR),
    ),
    Archetype(
        "quiet_stranger",
        "networker",
        0.16,
        notes=(("stock", 0.60), ("none", 0.32), ("hollow", 0.08)),
        photos=(
            ("headshot", 0.50),
            ("none", 0.18),
            ("selfie", 0.17),
            ("group", 0.07),
            ("illustration", 0.05),
            ("logo", 0.03),
        ),
        completeness=(2.2, 2.2),
        connections=(10, 1200),
        mutual=(0, 10),
        account_age_days=(100, 12 * YEAR),
    ),
    Archetype(
        "recruiter",
        "recruiter",
        0.10,
        notes=(("recruiter", 0.65), ("stock", 0.28), ("none", 0.07)),
        photos=(("headshot", 0.85), ("selfie", 0.05), ("logo", 0.05), ("none", 0.05)),
        completeness=(4.0, 2.0),
        connections=(500, 15000),
        mutual=(0, 40),
        account_age_days=(YEAR, 12 * YEAR),
        style="recruiter",
    ),
    Archetype(
        "salesperson",
        "salesperson",
        0.14,
        notes=(("pitch", 0.45), ("crude_pitch", 0.20), ("stock", 0.25), ("none", 0.10)),
        photos=(
            ("headshot", 0.60),
            ("logo", 0.15),
            ("selfie", 0.12),
            ("none", 0.08),
            ("illustration", 0.05),
        ),
        completeness=(3.0, 2.5),
        connections=(200, 10000),
        mutual=(0, 15),
        account_age_days=(60, 10 * YEAR),
        style="sales",
        odd_names=0.15,
    ),
    Archetype(
        "hollow",
        "fake",
        0.15,
        notes=(("stock", 0.45), ("none", 0.30), ("hollow", 0.20), ("crude_pitch", 0.05)),
        photos=(
            ("none", 0.50),
            ("headshot", 0.15),
            ("illustration", 0.12),
            ("selfie", 0.10),
            ("group", 0.08),
            ("logo", 0.05),
        ),
        completeness=(1.0, 7.0),
        connections=(0, 80),
        mutual=(0, 2),
        account_age_days=(2, 400),
        style="vague",
        odd_names=0.25,
    ),
    Archetype(
        "impostor",
        "fake",
        0.07,
        notes=(("stock", 0.40), ("reason", 0.35), ("hollow", 0.15), ("none", 0.10)),
        photos=(("headshot", 0.80), ("illustration", 0.10), ("selfie", 0.05), ("none", 0.05)),
        completeness=(2.5, 3.0),
        connections=(20, 600),
        mutual=(0, 4),
        account_age_days=(5, 300),
    ),
)
CUMULATIVE = _cumulative(tuple(a.weight for a in ARCHETYPES))

# How often each reason family is chosen when a stranger states a reason.
REASON_FAMILY_WEIGHTS = (
    ("network", 0.30),
    ("appreciation", 0.20),
    ("profile_view", 0.15),
    ("referral", 0.15),
    ("met_before", 0.20),
)
# The reasons a fake states, and how often: ones that cost nothing to say and that nobody can
# check at a glance.
FAKE_REASONS = (("network", 0.6), ("met_before", 0.4))
FAKE_REASON_WEIGHTS = (
    tuple(f for f, _ in FAKE_REASONS),
    _cumulative(tuple(w for _, w in FAKE_REASONS)),
)
REASON_WEIGHTS = (
    tuple(f for f, _ in REASON_FAMILY_WEIGHTS),
    _cumulative(tuple(w for _, w in REASON_FAMILY_WEIGHTS)),
)


def intent_shares() -> dict[str, float]:
    """The expected share of each intent in a large inbox."""
    total = sum(a.weight for a in ARCHETYPES)
    shares: dict[str, float] = {}
    for archetype in ARCHETYPES:
        shares[archetype.intent] = shares.get(archetype.intent, 0.0) + archetype.weight / total
    return shares
