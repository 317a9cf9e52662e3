"""Sample invitations and flags for the detail pane and dialog tests (no flags engine needed)."""

from __future__ import annotations

from tui.domain.models import (
    Education,
    Experience,
    Flag,
    Invitation,
    Message,
    Person,
    Recommendation,
)

PITCH_NOTE = "Hi Sam! Quick one: our agency can triple your leads, book a free audit today."
PITCH = (PITCH_NOTE.index("our agency"), PITCH_NOTE.index(", book"))
REPLY = "Fair question! I'm expanding my network in data engineering."
REASON = (REPLY.index("expanding"), REPLY.index(" in data"))


def pitch_invitation(**person_fields) -> Invitation:
    """A stranger with a selfie, a thin profile and a sales pitch, who then replied."""
    person = Person(
        **{
            "name": "Dana Whitfield",
            "headline": "Growth partner | Leads on autopilot",
            "company": "LeadRocket",
            "position": "Founder",
            "location": "Leeds, UK",
            "photo": "selfie",
            "about": "",
            "experience": (Experience("Founder", "LeadRocket", "2025-09", None),),
            "education": (),
            "skills": None,
            "recommendations": 0,
            "connections": 31,
            "mutual_connections": 0,
            "known": False,
            "profile_created": "2025-12-20",
            **person_fields,
        }
    )
    return Invitation(
        id=42,
        person=person,
        note=PITCH_NOTE,
        sent_at="2026-01-29T14:37:00",
        status="replied",
        messages=(
            Message("out", "Hi Dana, what prompted you to connect?", "2026-01-30T09:00:00"),
            Message("in", REPLY, "2026-01-30T11:15:00"),
        ),
    )


PITCH_FLAGS = [
    Flag(
        "sales_pitch",
        "red",
        "high",
        "The first message sells a service instead of saying why you should connect.",
        "note",
        (PITCH,),
    ),
    Flag("unprofessional_photo", "red", "medium", "The profile photo is a selfie.", "photo"),
    Flag(
        "sparse_profile",
        "red",
        "medium",
        "There is too little on the profile to learn who this is.",
        "profile",
        (),
        ("about", "education", "recommendations"),
    ),
    Flag(
        "no_mutual_connections",
        "red",
        "low",
        "You share no connections.",
        "mutual_connections",
    ),
    Flag(
        "stated_reason",
        "signal",
        "info",
        "The reply gives a reason to connect.",
        "reply",
        (REASON,),
        ("grow_network",),
    ),
]
PITCH_RECOMMENDATION = Recommendation(
    "ignore", ("A stranger whose first message is a sales pitch.",)
)


def known_invitation() -> Invitation:
    """Someone the user knows, with a full profile and a plain stock note."""
    person = Person(
        name="Priya Raman",
        headline="Data engineer at Northwind",
        company="Northwind",
        position="Data engineer",
        location="Bristol",
        photo="headshot",
        about="I build pipelines and teach SQL on weekends.",
        experience=(
            Experience("Data engineer", "Northwind", "2021-03", None),
            Experience("Analyst", "Contoso", "2018-06", "2021-02"),
        ),
        education=(Education("University of Bath", "BSc Mathematics"),),
        skills=("SQL", "Python", "Airflow"),
        recommendations=4,
        connections=640,
        mutual_connections=23,
        known=True,
        profile_created="2014-05-02",
    )
    return Invitation(
        id=43,
        person=person,
        note="I'd like to join your professional network.",
        sent_at="2026-02-02T08:05:00",
        status="pending",
    )


KNOWN_FLAGS = [
    Flag("known_contact", "signal", "info", "You know this person.", "known"),
]
KNOWN_RECOMMENDATION = Recommendation("accept", ("You know this person.",))

SAMPLE_BINDINGS = [
    ("j", "Next invitation", "cursor_down"),
    ("↓", "Next invitation", "cursor_down"),
    ("k", "Previous invitation", "cursor_up"),
    ("↑", "Previous invitation", "cursor_up"),
    ("g", "First invitation", "cursor_first"),
    ("G", "Last invitation", "cursor_last"),
    ("enter", "Read the detail", "focus_detail"),
    ("a", "Accept", "accept"),
    ("x", "Ignore", "ignore"),
    ("r", "Ask why they want to connect", "ask"),
    ("z", "Undo the last decision", "undo"),
    ("u", "Undo the last decision", "undo"),
    ("space", "Mark or unmark", "toggle_mark"),
    ("*", "Mark everything listed", "mark_all"),
    ("/", "Search", "search"),
    ("\\", "Limit the list to matches", "limit"),
    ("f", "Flagged only", "toggle_flagged"),
    ("tab", "Next split", "next_split"),
    ("?", "This help", "help"),
    ("ctrl+p", "Command palette", "command_palette"),
    ("q", "Quit", "quit"),
]
