"""Pools of names, companies and places, made with Faker once per run.

Stock Faker builds about 1,400 rich personas a second; a million invitations would take
twelve minutes. So Faker runs only here, a few thousand calls per locale, and the seeder
then combines pool entries with its own ``random.Random`` at the cost of a few index
lookups per person. Pools come from a fixed seed, so they are the same in every run of the
same Faker version whatever the process or hash seed, and are built once per process: a
simulator drawing one arrival at a time with a fresh seed pays only for that one person.
"""

from __future__ import annotations

import functools
import random
import re
import unicodedata
from dataclasses import dataclass

from seed.profile_words import SCHOOLS as SCHOOL_NAMES

FIRST_NAMES = 200
LAST_NAMES = 250
COMPANIES = 160
CITIES = 100
AGENCIES = 30
SCHOOLS = 40

# A mix like an international inbox; --locale replaces it with equal weights.
DEFAULT_LOCALES = (
    ("en_US", 40),
    ("en_GB", 14),
    ("en_IN", 10),
    ("de_DE", 8),
    ("fr_FR", 7),
    ("es_ES", 6),
    ("nl_NL", 5),
    ("pt_BR", 5),
    ("it_IT", 5),
)

_PROVIDERS = ["faker.providers.person", "faker.providers.company", "faker.providers.address"]

# Where the family name comes first, and what separates it from the given name.
FAMILY_NAME_FIRST = {"ja_JP": "", "zh_CN": "", "zh_TW": "", "ko_KR": " ", "hu_HU": " "}

_AGENCY_FORMS = (
    "{last} Talent Partners",
    "{city} Recruitment",
    "{last} & {last2} Search",
    "{last} Executive Search",
    "{city} Tech Talent",
)


@dataclass(frozen=True, slots=True)
class LocalePool:
    """Everything the seeder takes from Faker for one locale."""

    locale: str
    firsts: tuple[str, ...]
    first_slugs: tuple[str, ...]
    lasts: tuple[str, ...]
    last_slugs: tuple[str, ...]
    companies: tuple[str, ...]
    agencies: tuple[str, ...]
    cities: tuple[str, ...]  # the bare city, for notes ("new to Leeds")
    locations: tuple[str, ...]  # what a profile shows ("Leeds, United Kingdom")
    schools: tuple[str, ...]
    family_first: str | None  # the separator when the family name comes first, else None

    def full_name(self, first: str, last: str) -> str:
        if self.family_first is None:
            return f"{first} {last}"
        return f"{last}{self.family_first}{first}"


def slug(text: str) -> str:
    """ASCII, lower case, dashes: the shape of a profile address."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _unique(draw, size: int, tries: int) -> tuple[str, ...]:
    """Up to ``size`` distinct values from ``draw`` in first-seen order (deterministic)."""
    seen: dict[str, None] = {}
    for _ in range(tries):
        value = draw()
        if value:
            seen.setdefault(value, None)
            if len(seen) == size:
                break
    return tuple(seen)


def _stable_order(fake) -> None:
    """Sort the providers' list-valued word lists, on this instance only.

    A few Faker word lists are built from a set (Italian cities, for one), so their order,
    and with it every seeded draw, changes with the hash seed of the process. A uniform
    choice from a sorted list draws the same values with the same odds in every process.
    Tuples and weighted dictionaries keep their order: they come from literals.
    """
    for provider in fake.get_providers():
        for name in dir(provider):
            if name.startswith("_"):
                continue
            value = getattr(provider, name, None)
            if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
                setattr(provider, name, sorted(value))


def _build(locale: str, seed: int) -> LocalePool:
    from faker import Faker

    # Only the providers the pools use: loading all of them costs more than the pools.
    fake = Faker(locale, providers=_PROVIDERS)
    _stable_order(fake)
    fake.seed_instance(seed)
    firsts = _unique(fake.first_name, FIRST_NAMES, FIRST_NAMES * 2)
    lasts = _unique(fake.last_name, LAST_NAMES, LAST_NAMES * 2)
    companies = _unique(fake.company, COMPANIES, COMPANIES * 2)
    cities = _unique(fake.city, CITIES, CITIES * 2)
    try:
        country = fake.current_country()
    except (AttributeError, ValueError, KeyError):
        country = ""
    rng = random.Random(seed)
    agencies = tuple(
        rng.choice(_AGENCY_FORMS).format(
            last=rng.choice(lasts), last2=rng.choice(lasts), city=rng.choice(cities)
        )
        for _ in range(AGENCIES)
    )
    schools = _unique(
        lambda: rng.choice(SCHOOL_NAMES).format(city=rng.choice(cities), last=rng.choice(lasts)),
        SCHOOLS,
        SCHOOLS * 2,
    )
    return LocalePool(
        locale=locale,
        firsts=firsts,
        first_slugs=tuple(slug(name) or "member" for name in firsts),
        lasts=lasts,
        last_slugs=tuple(slug(name) or "profile" for name in lasts),
        companies=companies,
        agencies=agencies,
        cities=cities,
        locations=tuple(f"{city}, {country}" if country else city for city in cities),
        schools=schools,
        family_first=FAMILY_NAME_FIRST.get(locale),
    )


@functools.cache
def _pool(locale: str) -> LocalePool:
    return _build(locale, random.Random(f"invite-triage pools {locale}").getrandbits(63))


@functools.lru_cache(maxsize=16)
def build_pools(locales: tuple[str, ...] = ()) -> tuple[tuple[LocalePool, ...], tuple]:
    """The pools for ``locales`` (default: a mix) and their cumulative weights for ``bisect``."""
    weighted = tuple((locale, 1) for locale in locales) if locales else DEFAULT_LOCALES
    pools = tuple(_pool(locale) for locale, _ in weighted)
    cumulative, total = [], 0
    for _, weight in weighted:
        total += weight
        cumulative.append(total / sum(w for _, w in weighted))
    cumulative[-1] = 1.0
    return pools, tuple(cumulative)
