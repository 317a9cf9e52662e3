"""Hand-written scenario senders: a compact description expanded into a full invitation.

Scenarios are written by hand (not drawn at random) so that every trainee meets the same
people, the lesson each invitation teaches is deliberate, and no library upgrade can change
an exercise. A :class:`Role` says who the sender is, what they show, and how they answer an
"ask"; :func:`invitation` turns it into the :class:`~tui.domain.models.NewInvitation` the store
keeps.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from tui.domain.models import Education, Experience, NewInvitation, Person
from tui.simulate.clock import EPOCH, iso

# The platform's own default invitation text: what "the stock note" means.
STOCK = "I'd like to add you to my professional network on LinkedIn."

# Where senders with a profile live, when their role does not say (picked by slot).
CITIES = (
    "Leeds, UK",
    "Dublin, Ireland",
    "Rotterdam, Netherlands",
    "Toronto, Canada",
    "Lyon, France",
    "Melbourne, Australia",
    "Glasgow, UK",
    "Austin, United States",
)

HOUR = 3600.0
DAY = 24 * HOUR

# What a sender of each intent says when asked, unless their role says otherwise.
USUAL_REPLY = {
    "known": "It's me! We've met before; I'm just tidying up my contacts here.",
    "networker": (
        "Thanks for asking! I'm expanding my network with people in my field, and your "
        "posts keep being useful to me."
    ),
    "recruiter": (
        "Thanks for asking. I recruit in your field and like to be connected with people "
        "I might have roles for later."
    ),
    "salesperson": (
        "Glad you asked! We help professionals like you win more clients. Could I show you "
        "how in a quick 15-minute call?"
    ),
    "fake": None,
}


@dataclass(frozen=True, slots=True)
class Role:
    """One scenario sender.

    ``profile`` is how much their profile holds: ``empty`` (nothing), ``thin`` (just the
    current job) or ``full`` (about, jobs, school, skills, recommendations). ``reply`` is
    what they answer an ask with (``None``: they never answer) after ``reply_after``
    seconds. ``sent_ago`` is how long before the exercise starts they sent the invitation.
    """

    slot: str
    intent: str
    name: str
    headline: str
    note: str | None
    photo: str = "headshot"
    profile: str = "full"
    reply: str | None = None
    reply_after: float = 2 * HOUR
    silent: bool = False
    sent_ago: float = DAY
    mutual: int = 0
    connections: int | None = None
    known: bool = False
    location: str = ""
    created: str = "2016-04-11"
    about: str | None = None
    previous: tuple[str, str] = ("Analyst", "Harbourline Group")
    school: tuple[str, str] = ("University of Westmere", "BSc")
    skills: tuple[str, ...] = ("Planning", "Stakeholder management", "Reporting", "Excel")


def _job(headline: str) -> tuple[str, str]:
    """Split a headline like ``Data analyst at Lumen`` into (position, company)."""
    position, sep, company = headline.partition(" at ")
    position = position.split("|")[0].strip()
    return (position, company.split("|")[0].strip()) if sep else (position, "")


def person(role: Role) -> Person:
    position, company = _job(role.headline)
    if role.profile == "empty":
        about, experience, education, skills, recommendations = "", (), (), (), 0
        default_connections = 3
    elif role.profile == "thin":
        about, education, skills, recommendations = "", (), (), 0
        experience = (Experience(position or "Self-employed", company, "2024-09", None),)
        default_connections = 48
    elif role.profile == "full":
        about = role.about or (
            f"{position} at {company}. I care about doing the work well and sharing what I learn."
            if company
            else f"{position}. I care about doing the work well and sharing what I learn."
        )
        experience = (
            Experience(position, company, "2021-02", None),
            Experience(role.previous[0], role.previous[1], "2016-09", "2021-01"),
        )
        education = (Education(*role.school),)
        skills, recommendations = role.skills, 3
        default_connections = 420
    else:
        raise ValueError(f"unknown profile level {role.profile!r}")
    return Person(
        name=role.name,
        headline=role.headline,
        company=company,
        position=position,
        location=role.location
        or ("" if role.profile == "empty" else CITIES[sum(map(ord, role.slot)) % len(CITIES)]),
        photo=role.photo,
        about=about,
        experience=experience,
        education=education,
        skills=skills,
        recommendations=recommendations,
        connections=role.connections if role.connections is not None else default_connections,
        mutual_connections=role.mutual,
        known=role.known,
        profile_created=role.created,
        profile_url=None,
        intent=role.intent,
    )


def invitation(scenario: str, role: Role, *, difficulty: int | None = None) -> NewInvitation:
    return NewInvitation(
        person=person(role),
        note=role.note,
        sent_at=iso(EPOCH - timedelta(seconds=role.sent_ago)),
        source="scenario",
        external_key=slot_key(scenario, role.slot),
        difficulty=difficulty,
    )


def reply_plan(role: Role) -> tuple[str | None, float]:
    """What the sender answers an ask with, and after how long (``None``: silence)."""
    if role.silent or role.intent == "fake":
        return None, role.reply_after
    return role.reply or USUAL_REPLY.get(role.intent), role.reply_after


def slot_key(scenario: str, slot: str) -> str:
    return f"scenario:{scenario}:{slot}"
