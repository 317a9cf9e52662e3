"""Profile kits: a headline, an about text, skills and degrees written together, once per run.

Writing these texts per person costs more than everything else the seeder does. A kit
writes them once, from one set of template values (so the headline and the about text
talk about the same topic), leaving the person's own details open as ``{position}``,
``{company}``, ``{city}``, ``{first}`` and ``{name}``. Each person then takes a kit and
fills those few slots with one ``format_map``; the notes they send start from the kit's
values too, so a note mentions the topic the profile is about.

About 1,300 kits, combined with pooled names, companies, titles, completeness and notes,
give far more variety than any inbox shows. Like the pools they come from a fixed seed and
are built once per process.
"""

from __future__ import annotations

import functools
from random import Random
from typing import NamedTuple

from seed import profile_words as w
from seed.industries import INDUSTRIES, SALES_OFFERS, Industry
from seed.providers import ProfileProvider, Sender

JOB_KITS_PER_INDUSTRY = 60
RECRUITER_KITS_PER_INDUSTRY = 10
SALES_KITS_PER_OFFER = 20
VAGUE_KITS = 80
ABOUT_SENTENCES = 5

PERSON_SLOTS = ("position", "company", "city", "first", "name")


class Kit(NamedTuple):
    industry: Industry
    values: dict  # template values the kit's texts used (topic, skill...), for the notes
    headline: str  # a template: the PERSON_SLOTS are still open
    about: tuple[str, ...]  # sentences, opener first and closer last; slots still open
    skills: tuple[str, ...]  # a profile shows a prefix of these
    degrees: tuple[str, ...]
    offer: tuple[str, str, str] | None  # what a seller sells


def about_text(kit: Kit, sentences: int) -> str:
    """The kit's about text cut to ``sentences`` sentences, keeping the closer last."""
    parts = kit.about
    if sentences <= 1 or len(parts) == 1:
        return parts[0]
    if sentences >= len(parts):
        return " ".join(parts)
    return " ".join(parts[: sentences - 1] + parts[-1:])


def _open_sender(industry: Industry, offer=None) -> Sender:
    """A sender whose own details are the template slots themselves, so they stay open."""
    return Sender(
        name="{name}",
        first="{first}",
        industry=industry,
        position="{position}",
        company="{company}",
        city="{city}",
        referrer="{name}",
        offer=offer,
    )


def _kit(profiles: ProfileProvider, industry: Industry, style: str, offer=None) -> Kit:
    sender = _open_sender(industry, offer)
    headline = profiles.headline(sender, style)
    about = tuple(profiles.about_sentences(sender, ABOUT_SENTENCES, style))
    skills = profiles.skill_list(sender, 12)
    degrees = tuple(profiles._fill(profiles._pick(w.DEGREES), sender) for _ in range(3))
    values = {
        key: value
        for key, value in (sender.slots or {}).items()
        # A value holding an open slot (an event "in {city}") is left for the note to draw.
        if key not in PERSON_SLOTS and not key.startswith("_") and "{" not in value
    }
    return Kit(industry, values, headline, about, skills, degrees, offer)


@functools.cache
def build_kits() -> dict[str, tuple[Kit, ...]]:
    """Kits for each writing style (job, recruiter, sales, vague)."""
    from faker import Generator

    generator = Generator()
    generator.random = Random("invite-triage kits")
    profiles = ProfileProvider(generator)
    pick = profiles._pick
    return {
        "job": tuple(
            _kit(profiles, industry, "job")
            for industry in INDUSTRIES
            for _ in range(JOB_KITS_PER_INDUSTRY)
        ),
        "recruiter": tuple(
            _kit(profiles, industry, "recruiter")
            for industry in INDUSTRIES
            for _ in range(RECRUITER_KITS_PER_INDUSTRY)
        ),
        "sales": tuple(
            _kit(profiles, pick(INDUSTRIES), "sales", offer)
            for offer in SALES_OFFERS
            for _ in range(SALES_KITS_PER_OFFER)
        ),
        "vague": tuple(_kit(profiles, pick(INDUSTRIES), "vague") for _ in range(VAGUE_KITS)),
    }
