"""Conversions between SQLite rows and the domain dataclasses."""

from __future__ import annotations

import json
import sqlite3

from tui.domain.models import (
    Assessment,
    Decision,
    Education,
    Experience,
    InboxRow,
    Invitation,
    Message,
    NewInvitation,
    Person,
)

PERSON_COLUMNS = (
    "name, headline, company, position, location, photo, about, experience, education, "
    "skills, recommendations, connections, mutual_connections, known, profile_created, "
    "profile_url, intent"
)

# The invitation columns a new row fills, after ``person_id``; see invitation_values.
INVITATION_COLUMNS = (
    "note, sent_at, status, direction, source, external_key, difficulty, flag_codes, "
    "flag_count, recommended"
)
EXTERNAL_KEY = 5  # where external_key sits in invitation_values


def _json_encoder():
    """``json.dumps(value, ensure_ascii=False, separators=(",", ":"))``, made once.

    ``json.dumps`` with options builds a new encoder on every call and ``JSONEncoder.encode``
    still builds its C encoder on every call: for a person's three small sections that was
    most of the cost of converting a seeded person. Built once it takes a third of the time.
    """
    options = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:  # a Python built without the C accelerator
        return options.encode
    # No circular-reference check (markers=None): the values are lists of plain values.
    encode = make(
        None, options.default, json.encoder.encode_basestring, None, ":", ",", False, False, True
    )
    return lambda value: "".join(encode(value, 0))


_encode = _json_encoder()


def _json_or_none(value) -> str | None:
    return None if value is None else _encode(value)


def person_values(person: Person) -> tuple:
    """The person's columns in ``PERSON_COLUMNS`` order."""
    experience = (
        None
        if person.experience is None
        else [[e.title, e.company, e.start, e.end] for e in person.experience]
    )
    education = (
        None if person.education is None else [[e.school, e.degree] for e in person.education]
    )
    skills = None if person.skills is None else list(person.skills)
    return (
        person.name,
        person.headline,
        person.company,
        person.position,
        person.location,
        person.photo,
        person.about,
        _json_or_none(experience),
        _json_or_none(education),
        _json_or_none(skills),
        person.recommendations,
        person.connections,
        person.mutual_connections,
        None if person.known is None else int(person.known),
        person.profile_created,
        person.profile_url,
        person.intent,
    )


def invitation_values(item: NewInvitation, assessment: Assessment) -> tuple:
    """A new invitation's columns in ``INVITATION_COLUMNS`` order (``person_id`` left out)."""
    codes = assessment.flag_codes
    return (
        item.note,
        item.sent_at,
        item.status,
        item.direction,
        item.source,
        item.external_key,
        item.difficulty,
        ";".join(codes),
        len(codes),
        assessment.recommended,
    )


def person_from_row(row: sqlite3.Row) -> Person:
    experience = row["experience"]
    education = row["education"]
    skills = row["skills"]
    known = row["known"]
    return Person(
        id=row["person_id"],
        name=row["name"],
        headline=row["headline"],
        company=row["company"],
        position=row["position"],
        location=row["location"],
        photo=row["photo"],
        about=row["about"],
        experience=None
        if experience is None
        else tuple(Experience(*item) for item in json.loads(experience)),
        education=None
        if education is None
        else tuple(Education(*item) for item in json.loads(education)),
        skills=None if skills is None else tuple(json.loads(skills)),
        recommendations=row["recommendations"],
        connections=row["connections"],
        mutual_connections=row["mutual_connections"],
        known=None if known is None else bool(known),
        profile_created=row["profile_created"],
        profile_url=row["profile_url"],
        intent=row["intent"],
    )


def split_codes(text: str | None) -> tuple[str, ...]:
    return tuple(code for code in (text or "").split(";") if code)


def invitation_from_row(
    row: sqlite3.Row, messages: list[sqlite3.Row], asked_at: str | None = None
) -> Invitation:
    return Invitation(
        id=row["id"],
        person=person_from_row(row),
        note=row["note"],
        sent_at=row["sent_at"],
        status=row["status"],
        direction=row["direction"],
        source=row["source"],
        difficulty=row["difficulty"],
        messages=tuple(Message(m["direction"], m["body"], m["at"]) for m in messages),
        asked_at=asked_at,
    )


def inbox_row(row: sqlite3.Row) -> InboxRow:
    return InboxRow(
        id=row["id"],
        name=row["name"],
        headline=row["headline"],
        company=row["company"],
        sent_at=row["sent_at"],
        status=row["status"],
        flag_codes=split_codes(row["flag_codes"]),
        recommended=row["recommended"],
    )


def decision_from_row(row: sqlite3.Row) -> Decision:
    return Decision(
        id=row["id"],
        invitation_id=row["invitation_id"],
        action=row["action"],
        decided_at=row["decided_at"],
        previous_status=row["previous_status"],
        new_status=row["new_status"],
        session=row["session"],
        note=row["note"],
        flag_codes=split_codes(row["flag_codes"]),
        recommended=row["recommended"],
        undoes=row["undoes"],
        batch=row["batch"],
    )


def write_assessment(conn: sqlite3.Connection, invitation_id: int, assessment: Assessment) -> None:
    """Inside a caller's transaction: store an invitation's flags and recommendation."""
    conn.execute(
        "UPDATE invitations SET flag_codes = ?, flag_count = ?, recommended = ? WHERE id = ?",
        (
            ";".join(assessment.flag_codes),
            len(assessment.flag_codes),
            assessment.recommended,
            invitation_id,
        ),
    )
