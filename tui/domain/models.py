"""Plain domain objects shared by the store, the rules, the importers and the UI.

``None`` in a profile field always means *unknown* (for example an invitation imported from
the platform's export, which carries no photo or sections). An empty string, an empty tuple
or zero means the sender left it empty. The rules depend on that difference.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

PHOTO_KINDS = ("headshot", "none", "selfie", "group", "logo", "illustration")
STATUSES = ("pending", "asked", "replied", "accepted", "ignored", "sent")
ACTIONS = ("accept", "ignore", "ask")
# What a recommendation may say: a decision, or "wait" while an ask still has time.
RECOMMENDATIONS = (*ACTIONS, "wait")
INTENTS = ("known", "networker", "recruiter", "salesperson", "fake")

Status = Literal["pending", "asked", "replied", "accepted", "ignored", "sent"]
Action = Literal["accept", "ignore", "ask"]


@dataclass(frozen=True, slots=True)
class Experience:
    title: str
    company: str
    start: str | None = None  # ISO date (YYYY-MM or YYYY-MM-DD)
    end: str | None = None  # None while the job is current


@dataclass(frozen=True, slots=True)
class Education:
    school: str
    degree: str | None = None


@dataclass(frozen=True, slots=True)
class Person:
    """A sender's public profile, plus the hidden intent the simulator plays."""

    name: str
    headline: str | None = None
    company: str | None = None
    position: str | None = None
    location: str | None = None
    photo: str | None = None  # one of PHOTO_KINDS, or None when unknown
    about: str | None = None
    experience: tuple[Experience, ...] | None = None
    education: tuple[Education, ...] | None = None
    skills: tuple[str, ...] | None = None
    recommendations: int | None = None
    connections: int | None = None
    mutual_connections: int | None = None
    known: bool | None = None
    profile_created: str | None = None  # ISO date
    profile_url: str | None = None
    intent: str | None = None  # one of INTENTS; hidden from the trainee
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Message:
    direction: Literal["out", "in"]
    body: str
    at: str  # ISO 8601


@dataclass(frozen=True, slots=True)
class NewInvitation:
    """What a seeder or importer hands the store; the store assigns ids."""

    person: Person
    note: str | None
    sent_at: str  # ISO 8601
    status: str = "pending"
    direction: Literal["incoming", "outgoing"] = "incoming"
    source: str = "seed"  # seed, jsonl, export, scenario
    external_key: str | None = None  # makes re-imports idempotent
    difficulty: int | None = None  # 1 (easy) .. 5 (hard), for training


@dataclass(frozen=True, slots=True)
class Invitation:
    id: int
    person: Person
    note: str | None
    sent_at: str
    status: str
    direction: str = "incoming"
    source: str = "seed"
    difficulty: int | None = None
    messages: tuple[Message, ...] = ()
    asked_at: str | None = None  # when the ask it stands on was made (ISO 8601), if any

    @property
    def reply(self) -> str | None:
        """What the sender answered to your latest question: their messages since it, one
        per line (a reply often comes in a few short messages), or None before any."""
        answer: list[str] = []
        for message in reversed(self.messages):
            if message.direction == "out":
                break
            answer.append(message.body)
        return "\n".join(reversed(answer)) if answer else None


@dataclass(frozen=True, slots=True)
class InboxRow:
    """One line of the inbox list: only what the list shows, cheap to page."""

    id: int
    name: str
    headline: str | None
    company: str | None
    sent_at: str
    status: str
    flag_codes: tuple[str, ...]
    recommended: str | None


@dataclass(frozen=True, slots=True)
class Decision:
    id: int
    invitation_id: int
    action: str  # accept, ignore, ask, or undo
    decided_at: str
    previous_status: str
    new_status: str
    session: str | None = None
    note: str | None = None
    flag_codes: tuple[str, ...] = ()
    recommended: str | None = None
    undoes: int | None = None
    batch: int | None = None


@dataclass(frozen=True, slots=True)
class Assessment:
    """What the store keeps alongside an invitation so the list can sort and filter on it."""

    flag_codes: tuple[str, ...] = ()
    recommended: str | None = None


@dataclass(frozen=True, slots=True)
class Flag:
    """A red flag (``kind="red"``) or a positive signal (``kind="signal"``) with its evidence.

    ``field`` names where the evidence is (``note``, ``reply``, ``photo``, ``profile``,
    ``mutual_connections``, ``profile_created``, ``known``); ``spans`` are character ranges
    ``[start, end)`` inside that field's text, so a UI can paint exactly those words.
    ``detail`` carries extra evidence: the empty sections of a sparse profile, or the
    reason family of a stated reason.
    """

    code: str
    kind: Literal["red", "signal"]
    severity: str  # red flags: "high", "medium", "low"; signals: "info"
    explanation: str
    field: str | None = None
    spans: tuple[tuple[int, int], ...] = ()
    detail: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Recommendation:
    action: str  # one of ACTIONS
    reasons: tuple[str, ...] = ()
