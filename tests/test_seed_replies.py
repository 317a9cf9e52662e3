"""Simulated answers to an "ask": who answers, what they say, and how long they take."""

from __future__ import annotations

import statistics
from random import Random

import pytest

from seed.industries import INDUSTRIES, SALES_OFFERS, SENIORITY
from seed.personas import generate
from seed.replies import MAX_DELAY, MIN_DELAY, REPLY_BEHAVIOUR, draw_reply
from tui.domain.models import INTENTS

DRAWS = 300


def draws(intent: str, seed: int = 1, person=None) -> list[tuple[str | None, float]]:
    rng = Random(seed)
    return [draw_reply(intent, rng, person) for _ in range(DRAWS)]


def test_every_intent_is_covered():
    assert set(REPLY_BEHAVIOUR) == set(INTENTS)


def test_fakes_stay_silent():
    assert draws("fake") == [(None, 0.0)] * DRAWS


@pytest.mark.parametrize("intent", ["known", "networker", "recruiter", "salesperson"])
def test_real_people_mostly_answer_within_bounds(intent):
    got = draws(intent)
    answered = [(text, delay) for text, delay in got if text is not None]
    assert len(answered) >= 0.7 * DRAWS
    assert len(answered) < DRAWS or intent == "known"  # nobody is perfectly reliable
    for text, delay in answered:
        assert text.strip() and text[0].isupper()
        assert "{" not in text and "}" not in text
        assert MIN_DELAY <= delay <= MAX_DELAY
    assert len({text for text, _ in answered}) > 20


def test_networkers_state_reasons_from_every_family():
    texts = [text.lower() for text, _ in draws("networker") if text]
    families = {
        "network": ("network", "circle"),
        "appreciation": ("read your", "your book", "your article", "your talk", "your post"),
        "profile_view": ("profile",),
        "referral": ("suggested", "recommended", "told me"),
        "met_before": ("we met", "worked together", "we spoke"),
    }
    for family, words in families.items():
        assert any(any(w in t for w in words) for t in texts), family


def test_recruiters_name_a_role():
    roles = {
        f"{level}{role}"
        for industry in INDUSTRIES
        for role in industry.roles
        for level in SENIORITY
    }
    texts = [text for text, _ in draws("recruiter") if text]
    assert all(any(role in text for role in roles) for text in texts)


def test_salespeople_pitch():
    words = {part for offer in SALES_OFFERS for part in offer}
    texts = [text for text, _ in draws("salesperson") if text]
    pitching = [t for t in texts if any(w in t for w in words) or "call" in t or "demo" in t]
    assert len(pitching) >= 0.6 * len(texts)


def test_sellers_answer_fastest_and_networkers_slowest():
    def median_delay(intent):
        return statistics.median(d for t, d in draws(intent) if t)

    assert median_delay("salesperson") < median_delay("recruiter") < median_delay("networker")


def test_same_generator_state_gives_the_same_replies():
    person = next(iter(generate(1, 4))).person
    for intent in INTENTS:
        assert draws(intent, 9, person) == draws(intent, 9, person)
    assert draws("networker", 9) != draws("networker", 10)


def test_reply_mentions_the_senders_own_details():
    person = next(item.person for item in generate(50, 2) if item.person.company)
    texts = [text for text, _ in draws("recruiter", 3, person) if text]
    assert any(person.company in text for text in texts)


def test_unknown_intent_is_refused():
    with pytest.raises(ValueError, match="unknown intent"):
        draw_reply("alien", Random(1))
