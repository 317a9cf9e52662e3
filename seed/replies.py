"""How each kind of sender answers when the user asks why they want to connect.

The simulator calls :func:`draw_reply` after an "ask": a genuine networker states a reason
(in any of the five families), a recruiter names the role, a salesperson pitches, someone
the user knows says hello, and a hollow or fake profile stays silent. Real people are not
perfectly reliable, so a few genuine senders never answer either. How long an answer takes
is drawn from a log-normal distribution per intent: sellers answer within minutes, busy
professionals within hours.

Every draw comes from the ``random.Random`` the caller passes, so a scenario replays the
same replies after the same delays.
"""

from __future__ import annotations

import math
from random import Random

from seed.industries import INDUSTRIES, SALES_OFFERS
from seed.providers import NoteProvider, Sender
from tui.domain.models import INTENTS, Person

# intent -> (chance of replying at all, median delay in seconds, log-normal sigma)
REPLY_BEHAVIOUR: dict[str, tuple[float, float, float]] = {
    "known": (0.95, 40 * 60, 1.0),
    "networker": (0.85, 3 * 3600, 1.1),
    "recruiter": (0.90, 45 * 60, 0.9),
    "salesperson": (0.85, 8 * 60, 1.0),
    "fake": (0.0, 0.0, 0.0),
}
MIN_DELAY = 30.0
MAX_DELAY = 3 * 24 * 3600.0

# Replies quote the families' own wording where it helps, but open as an answer to a question.
NETWORKER_REPLIES = {
    "network": (
        "Thanks for asking! I'm expanding my network in {industry} and your profile came up. "
        "Nothing more to it than that.",
        "Fair question. I'm new to {city} and trying to meet people in {industry}.",
        "Hi! Just growing my network; I connect with people whose work I find interesting, "
        "and {topic} is close to what I do.",
        "Sorry, I should have added a note. I'm building my network around {topic} and "
        "thought you'd be good to know.",
        "I'm looking to widen my professional circle in {industry}, that's all. No sales "
        "pitch, promise!",
    ),
    "appreciation": (
        "Sorry for the blank invite! I read your {work} on {topic} and wanted to follow your work.",
        "Of course: your {work} about {topic} really helped me, and I wanted to say thanks.",
        "I enjoyed your {work} on {topic} and hoped to stay in touch. Should have said so!",
    ),
    "profile_view": (
        "I saw you'd looked at my profile and wondered if I could help with anything.",
        "You showed up in my profile views, so I reached out in case you were looking for "
        "someone in {industry}.",
    ),
    "met_before": (
        "We met at {event}! I should have said so in the invite.",
        "Sorry, it's {first}: we worked together at {company} a while back.",
        "We spoke on a call about {topic} last month; I wanted to stay in touch.",
    ),
    "referral": (
        "Oh sorry, {referrer} suggested I connect with you. I'm looking into {topic}.",
        "{referrer} told me you're the person to ask about {topic}; hope that's alright!",
        "Good question! {referrer} recommended you when I asked about {topic}.",
    ),
}
# "Expanding my network" is the answer people give most, so it is drawn twice as often.
REPLY_FAMILIES = ("network", "network", "appreciation", "profile_view", "referral", "met_before")
RECRUITER_REPLIES = (
    "Thanks for getting back to me! I'm hiring for {a_role} at {company} and wanted to see "
    "if you'd be open to it.",
    "Of course. I'm recruiting {a_role} for a client in {industry}; your background looks "
    "like a good fit. Happy to share the details.",
    "Hi! I have {a_role} opening in {city}, hybrid, and thought of you. Interested?",
    "Sure: we're growing the team and need {a_role}. Could we have a quick call?",
)
SALES_OPENERS = (
    "Thanks for replying!",
    "Great to hear from you!",
    "Appreciate you asking.",
    "",
)
KNOWN_REPLIES = (
    "Ha, it's me, {first}! We met at {event}.",
    "It's {first} from {company}; we worked together on {topic}!",
    "Haha, you don't recognise me? {first}, from the {city} days!",
    "Hey! We spoke at {event}, just wanted to stay connected.",
)


def _sender(person: Person | None, rng: Random) -> Sender:
    """A sender to fill reply slots from: the real person's profile where it has one."""
    industry = INDUSTRIES[int(rng.random() * len(INDUSTRIES))]
    first = (person.name.split(" ", 1)[0] if person and person.name else "") or "Alex"
    return Sender(
        name=person.name if person and person.name else first,
        first=first,
        industry=industry,
        position=(person.position if person else None) or industry.roles[0],
        company=(person.company if person else None) or "my company",
        city=((person.location or "").split(",")[0] if person else "") or "town",
        referrer="a mutual colleague",
        offer=SALES_OFFERS[int(rng.random() * len(SALES_OFFERS))],
    )


def _delay(intent: str, rng: Random) -> float:
    _, median, sigma = REPLY_BEHAVIOUR[intent]
    seconds = median * math.exp(sigma * rng.gauss(0.0, 1.0))
    return round(min(MAX_DELAY, max(MIN_DELAY, seconds)), 1)


def draw_reply(
    intent: str, rng: Random, person: Person | None = None, referrer: str | None = None
) -> tuple[str | None, float]:
    """The reply to an "ask" and the seconds it takes to arrive; ``(None, 0.0)`` for silence.

    ``person`` (the sender's profile) lets the reply mention their own company and town;
    ``referrer`` names whoever a referral reply says sent them.
    """
    if intent not in REPLY_BEHAVIOUR:
        raise ValueError(f"unknown intent {intent!r} (one of {', '.join(INTENTS)})")
    chance, _, _ = REPLY_BEHAVIOUR[intent]
    if rng.random() >= chance:
        return None, 0.0
    generator = _Generator(rng)
    notes = NoteProvider(generator)
    sender = _sender(person, rng)
    if referrer:
        sender.referrer = referrer
    pick = notes._pick
    if intent == "networker":
        family = pick(REPLY_FAMILIES)
        text = notes._fill(pick(NETWORKER_REPLIES[family]), sender)
    elif intent == "recruiter":
        text = notes._fill(pick(RECRUITER_REPLIES), sender)
    elif intent == "salesperson":
        opener = pick(SALES_OPENERS)
        pitch = notes.sales_pitch(rng.random() < 0.7, sender, casual=0.0, greeting=False)
        text = f"{opener} {pitch}".strip()
    else:
        text = notes._fill(pick(KNOWN_REPLIES), sender)
    return text[:1].upper() + text[1:], _delay(intent, rng)


class _Generator:
    """The one thing a provider needs from a Faker generator: its ``random``."""

    def __init__(self, rng: Random):
        self.random = rng
