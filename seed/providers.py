"""Faker providers for invitation notes and the profile sections the red flags look at.

Both providers work the ordinary Faker way (``fake.add_provider(NoteProvider)`` then
``fake.reason_note()``), drawing everything from ``self.generator.random``. The seeder
instead gives them a bare generator whose ``random`` is its own seeded ``random.Random`` and
a :class:`Sender` built from pre-generated pools, which is what makes a million invitations
affordable: no Faker call happens per invitation.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from faker.providers import BaseProvider

from seed import phrases as p
from seed import profile_words as w
from seed.industries import INDUSTRIES, SALES_OFFERS, SENIORITY, Industry
from tui.domain.models import Education, Experience


@dataclass(slots=True)
class Sender:
    """What a note or a profile section may mention about the person who writes it."""

    name: str
    first: str
    industry: Industry
    position: str
    company: str
    city: str
    referrer: str  # someone the sender might say sent them
    offer: tuple[str, str, str] | None = None  # what a seller sells: (offer, outcome, pain)
    # Template values already chosen (say, the topic their profile is about), so the
    # texts about one sender agree with each other.
    known: dict | None = None
    # Every template value drawn so far, created on first use.
    slots: dict | None = None


class _Slots(dict):
    """Template values filled on first use, so a template pays only for the slots it has."""

    def __init__(self, provider: _Base, sender: Sender, known=()):
        super().__init__(known)
        self.provider = provider
        self.sender = sender

    def __missing__(self, key: str) -> str:
        value = self.provider._slot(key, self.sender, self)
        self[key] = value
        return value


class _Base(BaseProvider):
    def _pick(self, seq):
        return seq[int(self.generator.random.random() * len(seq))]

    def _chance(self, probability: float) -> bool:
        return self.generator.random.random() < probability

    def _fill(self, template: str, sender: Sender) -> str:
        if "{" not in template:
            return template
        slots = sender.slots
        if slots is None:
            slots = sender.slots = _Slots(self, sender, sender.known or ())
        return template.format_map(slots)

    def _default_sender(self) -> Sender:
        """A sender for plain Faker use, where nobody built one from the seeder's pools."""
        gen = self.generator
        industry = self._pick(INDUSTRIES)
        first = gen.first_name()
        return Sender(
            name=f"{first} {gen.last_name()}",
            first=first,
            industry=industry,
            position=self._pick(industry.roles),
            company=gen.company(),
            city=gen.city(),
            referrer=gen.name(),
        )

    def _slot(self, key: str, sender: Sender, slots: _Slots) -> str:
        industry = sender.industry
        if key == "industry":
            return industry.name
        if key == "topic":
            return self._pick(industry.topics)
        if key == "topic2":
            topic = self._pick(industry.topics)
            return topic if topic != slots["topic"] else self._pick(industry.topics)
        if key in ("skill", "skill2", "skill3"):
            skill = self._pick(industry.skills)
            if skill in (slots.get("skill"), slots.get("skill2")):
                skill = self._pick(industry.skills)
            return skill
        if key == "years":
            return str(2 + int(self.generator.random.random() * 20))
        if key == "last":
            return sender.name.rsplit(" ", 1)[-1]
        if key == "study":
            return self._pick(industry.studies)
        if key in ("position", "company", "city", "first", "referrer"):
            return getattr(sender, key)
        if key == "referrer_first":
            return sender.referrer.split(" ", 1)[0]
        if key == "work":
            return self._pick(p.WORKS)
        if key == "event":
            return self._fill(self._pick(p.EVENTS), sender)
        if key == "role":
            return self._pick(SENIORITY) + self._pick(industry.roles)
        if key == "a_role":
            role = slots["role"]
            return f"an {role}" if role[:1] in "AEIOUaeiou" else f"a {role}"
        if key == "role_plural":
            role = self._pick(industry.roles)
            return "Heads" + role[4:] if role.startswith("Head ") else role + "s"
        if key == "audience":
            return self._pick(industry.audiences)
        if key in ("offer", "outcome", "pain"):
            offer = sender.offer or slots.get("_offer") or self._pick(SALES_OFFERS)
            slots["_offer"] = offer
            return offer[("offer", "outcome", "pain").index(key)]
        if key == "n":
            return str(self._pick((20, 40, 50, 120, 200, 500, 1000, 3000)))
        if key == "pct":
            return str(self._pick((15, 20, 25, 30, 35, 40, 60)))
        if key == "days":
            return str(self._pick((14, 30, 45, 60, 90)))
        raise KeyError(key)


class NoteProvider(_Base):
    """Invitation notes: the five reason families, stock notes, pitches, recruiters."""

    reason_families = p.REASON_FAMILIES

    def reason_note(
        self, family: str | None = None, sender: Sender | None = None, casual: float = 0.2
    ) -> str:
        """A note stating why the sender wants to connect, in one of ``reason_families``."""
        sender = sender or self._default_sender()
        family = family or self._pick(p.REASON_FAMILIES)
        if family not in _REASON_PARTS:
            raise ValueError(f"unknown reason family {family!r}")
        cores, extras = _REASON_PARTS[family]
        parts = [self._fill(self._pick(p.GREETINGS), sender)]
        parts.append(self._fill(self._pick(cores), sender))
        if self._chance(0.3):
            parts.append(self._fill(self._pick(extras), sender))
        return self._finish(parts, sender, casual)

    def stock_note(self, sender: Sender | None = None) -> str:
        """The platform's default invitation text, sometimes signed or typographically quoted."""
        text = self._pick(p.STOCK_NOTES)
        roll = self.generator.random.random()
        if roll < 0.2:
            text = text.replace("'", "\u2019")
        elif roll < 0.4:
            name = sender.name if sender else self.generator.name()
            text = f"{text}\n\n- {name}"
        return text

    def personal_note(self, sender: Sender | None = None, casual: float = 0.35) -> str:
        """A friendly hello from someone the user already knows."""
        sender = sender or self._default_sender()
        parts = [self._fill(self._pick(p.GREETINGS), sender)]
        parts.append(self._fill(self._pick(p.PERSONAL_CORES), sender))
        return self._finish(parts, sender, casual, sign=False)

    def hollow_note(self, sender: Sender | None = None) -> str:
        """A note that says hello but gives no reason at all."""
        sender = sender or self._default_sender()
        return self._fill(self._pick(p.HOLLOW_NOTES), sender)

    def sales_pitch(
        self,
        polished: bool | None = None,
        sender: Sender | None = None,
        casual: float = 0.1,
        greeting: bool = True,
    ) -> str:
        """A pitch for a product or service: polished B2B prose, or crude spam."""
        sender = sender or self._default_sender()
        if polished is None:
            polished = self._chance(0.6)
        if not polished:
            text = self._fill(self._pick(p.CRUDE_PITCHES), sender)
            if self._chance(0.4):
                text = f"{text} {self._pick(p.EMOJI)}{self._pick(p.EMOJI)}"
            return text
        parts = [self._fill(self._pick(p.GREETINGS), sender) if greeting else ""]
        if self._chance(0.25):
            parts.append(self._fill(self._pick(p.PITCH_OPENERS), sender))
        parts.append(self._fill(self._pick(p.POLISHED_PITCHES), sender))
        return self._finish(parts, sender, casual)

    def recruiter_note(self, sender: Sender | None = None, casual: float = 0.1) -> str:
        """A recruiter's note that names the role they are filling."""
        sender = sender or self._default_sender()
        core = self._fill(self._pick(p.RECRUITER_NOTES), sender)
        if core.startswith(("Hi", "Hello", "URGENT")):
            return self._finish([core], sender, casual)
        return self._finish([self._fill(self._pick(p.GREETINGS), sender), core], sender, casual)

    def _finish(self, parts: list[str], sender: Sender, casual: float, sign: bool = True) -> str:
        """Join the pieces, add a closing and a signature, and sometimes write it casually.

        A closing like "Best," is always followed by the sender's first name; ``sign`` adds
        the name now and then after other closings too.
        """
        rng = self.generator.random
        closing = self._pick(p.CLOSINGS)
        greeting, body = parts[0], " ".join(parts[1:])
        text = f"{greeting}\n\n{body}" if greeting and rng.random() < 0.5 else f"{greeting} {body}"
        text = text.strip()
        if ".." in text:
            text = tidy_stops(text)
        if closing:
            end = f"{closing}\n{sender.first}" if closing.endswith(",") else closing
            text = f"{text}\n\n{end}" if rng.random() < 0.6 else f"{text} {end}"
        elif sign and rng.random() < 0.3:
            text = f"{text}\n{sender.first}"
        if rng.random() < casual:
            text = self.roughen(text)
        return text

    def roughen(self, text: str) -> str:
        """Write a note the way people type on a phone: a typo, lower case, an emoji."""
        rng = self.generator.random
        roll = rng.random()
        if roll < 0.3:
            text = _typo(text, rng)
        elif roll < 0.5:
            text = text.lower()
        elif roll < 0.65:
            text = text.rstrip(".!") if not text.endswith("?") else text
            text = text.replace(". ", " ").replace("!", "")
        elif roll < 0.85:
            text = f"{text} {self._pick(p.EMOJI)}"
        else:
            text = _typo(text.replace("I'm", "im").replace("you", "u", 1), rng)
        return text


def _typo(text: str, rng) -> str:
    """Swap, double or drop one letter inside a longer word."""
    words = text.split(" ")
    candidates = [i for i, w in enumerate(words) if len(w) > 4 and w.isalpha()]
    if not candidates:
        return text
    i = candidates[int(rng.random() * len(candidates))]
    word = words[i]
    at = 1 + int(rng.random() * (len(word) - 3))
    kind = rng.random()
    if kind < 0.4:
        word = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    elif kind < 0.7:
        word = word[:at] + word[at] + word[at:]
    else:
        word = word[:at] + word[at + 1 :]
    words[i] = word
    return " ".join(words)


_DOUBLE_STOP = re.compile(r"(?<!\.)\.\.(?!\.)")


def tidy_stops(text: str) -> str:
    """Fix the ".." left when a name ending in a full stop ("Acme s.r.l.") ends a sentence."""
    return _DOUBLE_STOP.sub(".", text)


_REASON_PARTS = {
    "network": (p.NETWORK_CORES, p.NETWORK_EXTRAS),
    "appreciation": (p.APPRECIATION_CORES, p.APPRECIATION_EXTRAS),
    "profile_view": (p.PROFILE_VIEW_CORES, p.PROFILE_VIEW_EXTRAS),
    "referral": (p.REFERRAL_CORES, p.REFERRAL_EXTRAS),
    "met_before": (p.MET_BEFORE_CORES, p.MET_BEFORE_EXTRAS),
}


HEADLINE_STYLES = {
    "job": w.HEADLINES,
    "recruiter": w.RECRUITER_HEADLINES,
    "sales": w.SALES_HEADLINES,
}
ABOUT_STYLES = {"recruiter": w.RECRUITER_ABOUTS, "sales": w.SALES_ABOUTS}


class ProfileProvider(_Base):
    """Profile sections that fit the sender's job: headline, about, skills, career, school."""

    def headline(self, sender: Sender | None = None, style: str = "job") -> str:
        """A headline for ``style`` job, recruiter or sales; ``vague`` says nothing useful."""
        if style == "vague":
            return self._pick(w.VAGUE_HEADLINES)
        sender = sender or self._default_sender()
        return self._fill(self._pick(HEADLINE_STYLES[style]), sender)

    def about(self, sender: Sender | None = None, sentences: int = 3, style: str = "job") -> str:
        """An about text of roughly ``sentences`` sentences; hollow profiles get a slogan."""
        return " ".join(self.about_sentences(sender, sentences, style))

    def about_sentences(
        self, sender: Sender | None = None, sentences: int = 3, style: str = "job"
    ) -> list[str]:
        """The sentences of an about text: an opener, distinct middles, then a closer."""
        if style == "vague":
            return [self._pick(w.HOLLOW_ABOUTS)]
        sender = sender or self._default_sender()
        if style in ABOUT_STYLES:
            return [self._fill(self._pick(ABOUT_STYLES[style]), sender)]
        parts = [self._pick(w.ABOUT_OPENERS)]
        middles = min(max(0, sentences - 2), len(w.ABOUT_MIDDLES))
        if middles:
            parts.extend(_sample(w.ABOUT_MIDDLES, middles, self.generator.random.random))
        if sentences > 1:
            parts.append(self._pick(w.ABOUT_CLOSERS))
        return [self._fill(part, sender) for part in parts]

    def skill_list(self, sender: Sender | None = None, count: int = 6) -> tuple[str, ...]:
        """Up to ``count`` distinct skills, mostly from the sender's industry."""
        industry = sender.industry if sender else self._pick(INDUSTRIES)
        random = self.generator.random.random
        own = _sample(industry.skills, min(max(count, 0), len(industry.skills)), random)
        if own and random() < 0.3:
            own[-1] = self._pick(w.GENERIC_SKILLS)
        for _ in range(count - len(own)):
            own.append(self._pick(w.GENERIC_SKILLS))
        return tuple(dict.fromkeys(own))

    def education_entry(self, sender: Sender | None = None, degree: bool = True) -> Education:
        """A school (named after a city or a family) and, usually, a degree."""
        sender = sender or self._default_sender()
        school = self._fill(self._pick(w.SCHOOLS), sender)
        return Education(school, self._fill(self._pick(w.DEGREES), sender) if degree else None)

    def career(
        self,
        sender: Sender | None = None,
        jobs: int = 3,
        until: int = 2026 * 12,
        companies: tuple[str, ...] = (),
        short: bool = False,
        roles: tuple[str, ...] = (),
    ) -> tuple[Experience, ...]:
        """``jobs`` experience entries, newest first, ending in the month index ``until``.

        The newest entry is the sender's current position (no end date); earlier entries
        hold plainer titles at other companies, with gaps between some of them. ``short``
        makes every stint last a few months, as throwaway profiles often do; ``roles`` are
        the earlier titles to choose from (default: the sender's industry).
        """
        sender = sender or self._default_sender()
        random = self.generator.random.random
        roles = roles or sender.industry.roles
        entries = []
        end = None
        month = until
        for index in range(jobs):
            start = month - (1 + int(random() * 5) if short else 4 + int(random() * 50))
            if index == 0:
                title, company = sender.position, sender.company
            else:
                title = roles[int(random() * len(roles))]
                company = (
                    companies[int(random() * len(companies))]
                    if companies
                    else self.generator.company()
                )
            entries.append(Experience(title, company, _month(start), end))
            month = start - int(random() * 6) if random() < 0.3 else start
            end = _month(month)
        return tuple(entries)


def _sample(seq, k: int, random) -> list:
    """``k`` distinct items of ``seq`` in random order (a partial Fisher-Yates shuffle).

    ``random.sample`` does the same with type checks that cost more than the shuffle here.
    """
    items = list(seq)
    n = len(items)
    for i in range(k):
        j = i + int(random() * (n - i))
        items[i], items[j] = items[j], items[i]
    return items[:k]


@functools.cache
def _month(index: int) -> str:
    """Month index (year * 12 + month - 1) as ``YYYY-MM``."""
    return f"{index // 12}-{index % 12 + 1:02d}"
