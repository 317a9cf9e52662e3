"""Archetypes of senders and the generator that turns them into invitations.

Each archetype pairs a hidden intent with the visible cues that usually come with it:
strangers with a real reason mostly write one and show a headshot; hollow profiles mostly
send the stock note or nothing, have no photo and leave the sections empty. "Mostly" is the
point: every cue is drawn from a distribution, so some genuine people look weak, some
pitches look polished and some fakes wear a stolen headshot. Training on the inbox is only
worth it because the cues predict the intent imperfectly, as they do in life.

Everything is drawn from ``random.Random`` streams seeded with a string (so negative seeds
differ and the hash seed never matters), over a fixed date window: invitation ``i`` comes
from the stream of chunk ``i // CHUNK``, seeded by the seed and the chunk's number. Any
stretch of an inbox can therefore be drawn on its own (worker processes draw chunks side
by side) and still match the whole. Faker runs once per process, to fill the pools of
:mod:`seed.pools` and the kits of :mod:`seed.kits`; after that each invitation costs a few
dozen draws. The same seed and version give the same inbox.
"""

from __future__ import annotations

import difflib
from bisect import bisect
from collections.abc import Iterator
from datetime import date, timedelta
from random import Random
from typing import NamedTuple

from seed.archetypes import (
    ARCHETYPES,
    CUMULATIVE,
    FAKE_REASON_WEIGHTS,
    REASON_WEIGHTS,
    Archetype,
)
from seed.industries import RECRUITER_ROLES, SALES_ROLES, SENIORITY
from seed.kits import about_text, build_kits
from seed.pools import LocalePool, build_pools
from seed.profile_words import VAGUE_POSITIONS
from seed.providers import NoteProvider, ProfileProvider, Sender, tidy_stops
from tui.domain.models import Education, NewInvitation, Person

# Invitations drawn from one random stream. Part of what a seed means: changing it changes
# every inbox, so it is fixed, whatever the number of workers drawing the chunks.
CHUNK = 1000

# The fixed window invitations are sent in: no "now", so the inbox never depends on the day.
WINDOW_START = date(2026, 1, 1)
WINDOW_DAYS = (date(2026, 11, 1) - WINDOW_START).days
_DAYS = tuple((WINDOW_START + timedelta(days=d)).isoformat() for d in range(WINDOW_DAYS))
_MONTHS = tuple(
    (WINDOW_START + timedelta(days=d)).year * 12 + (WINDOW_START + timedelta(days=d)).month - 1
    for d in range(WINDOW_DAYS)
)
# Earlier jobs of people whose career is not in one of the industries.
_EARLIER_ROLES = {
    "recruiter": (*RECRUITER_ROLES, "HR Generalist", "Sales Associate"),
    "sales": (*SALES_ROLES, "Marketing Assistant", "Retail Manager"),
    "vague": VAGUE_POSITIONS,
}


class Seeded(NamedTuple):
    """One generated invitation with the labels the seeder drew it from (for tests, reports)."""

    invitation: NewInvitation
    archetype: str
    note_kind: str  # reason, stock, none, personal, hollow, pitch, crude_pitch, recruiter
    family: str | None  # the reason family when note_kind is "reason"
    completeness: float


def check_locales(locales) -> tuple[str, ...]:
    """Validate Faker locales, accepting ``en-gb`` for ``en_GB``; raises a one-line ValueError.

    Returns the canonical names, without repeats, in the order given.
    """
    from faker.config import AVAILABLE_LOCALES

    canonical = {name.lower(): name for name in AVAILABLE_LOCALES}
    checked: list[str] = []
    for locale in locales or ():
        name = canonical.get(str(locale).strip().replace("-", "_").lower())
        if name is None:
            wanted = str(locale).strip().replace("-", "_")
            close = difflib.get_close_matches(wanted, AVAILABLE_LOCALES, n=3)
            hint = f"did you mean {', '.join(close)}?" if close else "for example en_US or de_DE"
            raise ValueError(f"unknown locale {str(locale)[:40]!r} ({hint})")
        if name not in checked:
            checked.append(name)
    return tuple(checked)


def generate(count: int, seed: int, locales=None, *, start: int = 0) -> Iterator[NewInvitation]:
    """``count`` invitations for ``seed``; the same arguments always give the same items.

    ``start`` skips that many: ``generate(n, s, start=k)`` is ``generate(k + n, s)[k:]``,
    drawn without drawing the first ``k`` when ``k`` is a multiple of ``CHUNK``.
    """
    for drawn in _draw(count, seed, locales, start):
        yield drawn[0]


def generate_labeled(count: int, seed: int, locales=None) -> Iterator[Seeded]:
    """Like :func:`generate`, with the archetype and note labels each item was drawn from."""
    for drawn in _draw(count, seed, locales, 0):
        yield Seeded(*drawn)


def _draw(count: int, seed: int, locales, start: int) -> Iterator[tuple]:
    if count < 0:
        raise ValueError(f"count must be zero or more, not {count}")
    if start < 0:
        raise ValueError(f"start must be zero or more, not {start}")
    pools, locale_weights = build_pools(check_locales(locales))
    maker = _Maker(seed, pools, locale_weights)
    chunk, skip = divmod(start, CHUNK)
    left = count
    while left > 0:
        maker.start_chunk(chunk)
        for _ in range(skip):
            maker.one()
        size = min(CHUNK - skip, left)
        for _ in range(size):
            yield maker.one()
        left -= size
        chunk, skip = chunk + 1, 0


# ISO dates for every day a profile can have been created on: _CREATED[_MAX_AGE + d] is
# d days after the window opens (d may be negative).
_MAX_AGE = 16 * 366
_CREATED = tuple(
    (WINDOW_START + timedelta(days=d)).isoformat() for d in range(-_MAX_AGE, WINDOW_DAYS)
)


class _Maker:
    """Draws one invitation at a time from a seeded ``random.Random``.

    Written as one long method on purpose: it runs a million times for a large inbox, and
    every function call and temporary object it avoids shows in the seeding rate.
    """

    def __init__(self, seed: int, pools: tuple[LocalePool, ...], locale_weights: tuple):
        from faker import Generator

        self.seed = seed
        self.rng = Random()
        generator = Generator()
        generator.random = self.rng
        self.notes = NoteProvider(generator)
        self.profiles = ProfileProvider(generator)
        self.pools = pools
        self.locale_weights = locale_weights
        self.kits = build_kits()

    def start_chunk(self, chunk: int) -> None:
        """Reseed the stream (shared with the providers) for invitations of ``chunk``."""
        self.rng.seed(f"invite-triage seed {self.seed} chunk {chunk}")

    def one(self) -> tuple:
        rng = self.rng
        random = rng.random
        archetype = ARCHETYPES[bisect(CUMULATIVE, random())]
        day = int(random() * WINDOW_DAYS)
        second = int(random() * 86400)
        sent_at = (
            f"{_DAYS[day]}T{second // 3600:02d}:{second // 60 % 60:02d}:{second % 60:02d}+00:00"
        )
        c = archetype.draw_completeness(random())

        # Who they are: a locale's names and places, and a kit of texts for their job.
        pool = self.pools[bisect(self.locale_weights, random())]
        style = archetype.style
        kits = self.kits[style]
        kit = kits[int(random() * len(kits))]
        industry = kit.industry
        if style == "job":
            roles = industry.roles
            position = SENIORITY[int(random() * len(SENIORITY))] + roles[int(random() * len(roles))]
            companies = pool.companies
        elif style == "recruiter":
            position = RECRUITER_ROLES[int(random() * len(RECRUITER_ROLES))]
            companies = pool.agencies if random() < 0.5 else pool.companies
        elif style == "sales":
            position = SALES_ROLES[int(random() * len(SALES_ROLES))]
            companies = pool.companies
        else:
            position = VAGUE_POSITIONS[int(random() * len(VAGUE_POSITIONS))]
            companies = pool.companies
        company = companies[int(random() * len(companies))]
        firsts, lasts = pool.firsts, pool.lasts
        first = int(random() * len(firsts))
        last = int(random() * len(lasts))
        city = int(random() * len(pool.cities))
        first_name = firsts[first]
        sender = Sender(
            name=pool.full_name(first_name, lasts[last]),
            first=first_name,
            industry=industry,
            position=position,
            company=company,
            city=pool.cities[city],
            referrer=pool.full_name(
                firsts[int(random() * len(firsts))], lasts[int(random() * len(lasts))]
            ),
            offer=kit.offer,
            known=kit.values,
        )
        note_kind, family, note = self._note(archetype, sender)
        sender.slots = None  # it points back at the sender: free the pair without the GC

        # Each section is filled with a probability that grows with completeness, so two
        # people with the same completeness still differ in which sections they filled.
        vague = style == "vague"
        jobs = int(c * 5 + random() * 1.5)
        experience = ()
        if jobs:
            experience = self.profiles.career(
                sender, jobs, _MONTHS[day], pool.companies, vague, _EARLIER_ROLES.get(style)
            )
        elif vague and random() < 0.7:
            # A hollow profile with no experience usually shows no current job either.
            sender.position = sender.company = ""
        fill = {
            "position": sender.position,
            "company": sender.company,
            "city": sender.city,
            "first": first_name,
            "name": sender.name,
        }
        headline = kit.headline.format_map(fill) if random() < 0.3 + c else ""
        about = ""
        if random() < c * 0.95:
            about = about_text(kit, 1 + int(c * 4 + random())).format_map(fill)
            if ".." in about:
                about = tidy_stops(about)
        education = ()
        if random() < 0.1 + c * 0.9:
            schools, degrees = pool.schools, kit.degrees
            degree = degrees[int(random() * len(degrees))] if random() < 0.5 + c / 2 else None
            education = (Education(schools[int(random() * len(schools))], degree),)
            if random() < c * 0.4:
                second_school = schools[int(random() * len(schools))]
                education += (Education(second_school, degrees[int(random() * len(degrees))]),)
        skills = kit.skills[: int(c * 14 * random())] if random() < c else ()
        low, high = archetype.connections
        connections = int(low + (high - low) * (c * 0.6 + random() * 0.4) ** 2)
        low, high = archetype.mutual
        mutual = int(low + (high - low) * random() ** 2)
        low, high = archetype.account_age_days
        age = int(low + (high - low) * random() ** 2)
        photo = archetype.photo_kinds[bisect(archetype.photo_cumulative, random())]
        name = sender.name
        if archetype.odd_names and random() < archetype.odd_names:
            name = _odd_name(name, random())
        if vague and random() < 0.5:
            handle = f"user{rng.getrandbits(30)}"
        else:
            handle = f"{pool.first_slugs[first]}-{pool.last_slugs[last]}"
        person = Person(
            name=name,
            headline=headline,
            company=sender.company,
            position=sender.position,
            location=pool.locations[city] if random() < 0.4 + c else "",
            photo=photo,
            about=about,
            experience=experience,
            education=education,
            skills=skills,
            recommendations=int(c * c * 9 * random()),
            connections=connections,
            mutual_connections=mutual,
            known=archetype.intent == "known",
            profile_created=_CREATED[_MAX_AGE + day - age],
            profile_url=f"https://www.linkedin.com/in/{handle}-{rng.getrandbits(32):08x}",
            intent=archetype.intent,
        )
        # Difficulty is left to tui.simulate.difficulty, which rates what the flags show.
        invitation = NewInvitation(person, note, sent_at)
        return invitation, archetype.name, note_kind, family, c

    def _note(self, archetype: Archetype, sender: Sender) -> tuple[str, str | None, str | None]:
        random = self.rng.random
        kind = archetype.note_kinds[bisect(archetype.note_cumulative, random())]
        notes = self.notes
        family = None
        if kind == "none":
            return kind, None, None
        if kind == "stock":
            text = notes.stock_note(sender)
        elif kind == "reason":
            weights = FAKE_REASON_WEIGHTS if archetype.intent == "fake" else REASON_WEIGHTS
            family = weights[0][bisect(weights[1], random())]
            text = notes.reason_note(family, sender)
        elif kind == "personal":
            text = notes.personal_note(sender)
        elif kind == "hollow":
            text = notes.hollow_note(sender)
        elif kind == "pitch":
            text = notes.sales_pitch(True, sender)
        elif kind == "crude_pitch":
            text = notes.sales_pitch(False, sender)
        else:
            text = notes.recruiter_note(sender)
        return kind, family, text


def _odd_name(name: str, roll: float) -> str:
    """Names the way hollow and spammy profiles write them."""
    if roll < 0.3:
        return name.lower()
    if roll < 0.5:
        return name.split(" ", 1)[0]
    if roll < 0.7:
        return f"{name} 🚀"
    if roll < 0.85:
        return f"{name} | Growth"
    return name.upper()
