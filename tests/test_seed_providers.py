"""The Faker providers work the ordinary Faker way, seeded and fitting the sender's job."""

from __future__ import annotations

import itertools

import pytest
from faker import Faker

from seed.industries import INDUSTRIES
from seed.phrases import REASON_FAMILIES
from seed.providers import NoteProvider, ProfileProvider, Sender


@pytest.fixture
def fake():
    faker = Faker("en_GB")
    faker.add_provider(NoteProvider)
    faker.add_provider(ProfileProvider)
    faker.seed_instance(21)
    return faker


def texts(faker: Faker) -> list:
    return [
        *(faker.reason_note(family) for family in REASON_FAMILIES),
        faker.stock_note(),
        faker.sales_pitch(True),
        faker.sales_pitch(False),
        faker.recruiter_note(),
        faker.personal_note(),
        faker.hollow_note(),
        faker.headline(),
        faker.about(),
        faker.skill_list(),
        faker.career(),
        faker.education_entry(),
    ]


def test_providers_are_usable_from_plain_faker(fake):
    produced = texts(fake)
    for value in produced:
        assert value
        assert "{" not in str(value)


def test_seeding_the_faker_repeats_the_output(fake):
    first = texts(fake)
    fake.seed_instance(21)
    assert texts(fake) == first


def sender(industry_name: str) -> Sender:
    industry = next(i for i in INDUSTRIES if i.name == industry_name)
    return Sender(
        name="Ines Duarte",
        first="Ines",
        industry=industry,
        position="Senior Data Scientist",
        company="Quarry Labs",
        city="Porto",
        referrer="Tom Reyes",
    )


def test_headline_and_career_fit_the_job(fake):
    for _ in range(30):
        person = sender("Data & Analytics")
        headline = fake.headline(person)
        assert "Senior Data Scientist" in headline
        jobs = fake.career(person, jobs=3, until=2026 * 12 + 5)
        assert jobs[0].title == "Senior Data Scientist" and jobs[0].company == "Quarry Labs"
        assert jobs[0].end is None
        industry = person.industry
        assert all(job.title in industry.roles for job in jobs[1:])
        # Newest first, no overlaps.
        for newer, older in itertools.pairwise(jobs):
            assert older.end <= newer.start
        skills = fake.skill_list(person, 5)
        assert len(skills) == len(set(skills)) <= 5


def test_referral_notes_name_the_referrer(fake):
    notes = [fake.reason_note("referral", sender("Software"), casual=0) for _ in range(40)]
    assert all("Tom" in note for note in notes)


def test_unknown_family_is_refused(fake):
    with pytest.raises(ValueError, match="unknown reason family"):
        fake.reason_note("gossip")
