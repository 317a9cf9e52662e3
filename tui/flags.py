"""Red flags and positive signals for one invitation, each with its evidence.

Pure functions of the invitation: the note, the sender's profile and, once there is one,
the sender's reply to a request for more information. Every flag names the field its
evidence is in and, for text, the exact characters, so the app can paint them and the CLI
can print the same explanation.

Unknown is not a red flag. A profile field that is ``None`` (the platform's data export
has no photo and no sections) raises nothing; only a field the sender left empty does.
``known=None`` (nothing says whether the user knows the sender) is treated as "not known
to be a contact": the note flags apply, because the note itself is known, but no
``known_contact`` signal is given. The stranger-only flags say "nothing shows you know
them" rather than "a stranger" in that case.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

from tui.flag_codes import RED_FLAGS, SECTIONS, SEVERITY_RANK, UNPROFESSIONAL_PHOTOS
from tui.models import Flag
from tui.notes import FAMILY_LABELS, NoteClass, classify, kind_of


def evaluate(invitation, policy=None, *, evidence: bool = True) -> list[Flag]:
    """Every red flag and signal for an ``Invitation`` (or anything with ``.person`` and
    ``.note``; ``.reply``, ``.sent_at`` are used when present), most severe first.

    ``policy`` supplies the thresholds and severities (default: the built-in policy).
    ``evidence=False`` skips working out the character spans: the fast path for filling
    the stored flag column of a million rows.
    """
    policy = _policy(policy)
    severity = policy.severity
    found = []
    for flag in _all(invitation, policy, evidence=evidence):
        wanted = severity.get(flag.code)
        if wanted == "off":
            continue
        if wanted is not None and wanted != flag.severity:
            flag = replace(flag, severity=wanted)
        found.append(flag)
    found.sort(key=_rank)
    return found


def _rank(flag: Flag) -> tuple[bool, int]:
    return flag.kind != "red", SEVERITY_RANK.get(flag.severity, 9)


def _policy(policy):
    if policy is None:
        from tui.policy import default_policy

        return default_policy()
    return policy


def _red(code: str, explanation: str, field: str, spans=(), detail=()) -> Flag:
    return Flag(code, "red", RED_FLAGS[code], explanation, field, tuple(spans), tuple(detail))


def _signal(code: str, explanation: str, field: str, spans=(), detail=()) -> Flag:
    return Flag(code, "signal", "info", explanation, field, tuple(spans), tuple(detail))


def _all(invitation, policy, *, evidence: bool) -> Iterator[Flag]:
    person = invitation.person
    known = person.known
    if known is True:
        yield _signal("known_contact", "You already know this sender.", "known")
    yield from _note_flags(invitation.note, known, evidence=evidence)
    yield from _photo_flags(person.photo)
    yield from _profile_flags(person, policy)
    if known is not True and person.mutual_connections == 0:
        who = "this stranger" if known is False else "this sender"
        yield _red(
            "no_mutual_connections",
            f"You share no connections with {who}.",
            "mutual_connections",
        )
    yield from _age_flags(person.profile_created, getattr(invitation, "sent_at", None), policy)
    reply = getattr(invitation, "reply", None)
    if reply is not None:
        yield from _reply_flags(reply, evidence=evidence)


def _classified(text: str | None, evidence: bool) -> NoteClass:
    if evidence:
        return classify(text)
    kind, family = kind_of(text)
    return NoteClass(kind, family)


def _note_flags(note: str | None, known: bool | None, *, evidence: bool) -> Iterator[Flag]:
    verdict = _classified(note, evidence)
    kind, spans = verdict.kind, verdict.spans
    stranger = "a stranger" if known is False else "someone nothing shows you know"
    if kind == "pitch":
        yield _red(
            "sales_pitch", "The note tries to sell something in the very first message.",
            "note", spans,
        )  # fmt: skip
    elif kind == "recruiter":
        yield _signal(
            "recruiter_note",
            "The note offers a job or asks about a move: a clear purpose, though not one "
            "of the usual reasons to connect.",
            "note",
            spans,
        )
    elif kind == "reason":
        label = FAMILY_LABELS[verdict.family]
        yield _signal(
            "stated_reason", f"The note gives a reason to connect: the sender {label}.",
            "note", spans, (verdict.family,),
        )  # fmt: skip
    elif known is True:
        return
    elif kind == "stock":
        yield _red(
            "generic_note",
            f"The note is the platform's ready-made wording, which says nothing about why "
            f"{stranger} wants to connect.",
            "note",
            spans,
            ("stock",),
        )
    elif kind == "none":
        yield _red(
            "generic_note",
            f"There is no note, so nothing says why {stranger} wants to connect.",
            "note",
            (),
            ("none",),
        )
    else:
        yield _red(
            "no_stated_reason",
            "The note does not give a reason to connect that we recognise.",
            "note",
        )


def _photo_flags(photo: str | None) -> Iterator[Flag]:
    if photo == "none":
        yield _red(
            "no_photo",
            "The profile has no photo; with a stranger the profile is all there is to go on.",
            "photo",
            detail=("none",),
        )
    elif photo in UNPROFESSIONAL_PHOTOS:
        yield _red(
            "unprofessional_photo",
            f"The profile photo is {UNPROFESSIONAL_PHOTOS[photo]}, not a professional headshot.",
            "photo",
            detail=(photo,),
        )


def section_state(person) -> dict[str, bool | None]:
    """Each profile section: True when filled in, False when left empty, None when unknown."""
    state: dict[str, bool | None] = {}
    for name in SECTIONS:
        value = getattr(person, name)
        if value is None:
            state[name] = None
        elif isinstance(value, str):
            state[name] = bool(value.strip())
        elif isinstance(value, int):
            state[name] = value > 0
        else:
            state[name] = len(value) > 0
    return state


def _profile_flags(person, policy) -> Iterator[Flag]:
    state = section_state(person)
    known = [name for name in SECTIONS if state[name] is not None]
    if len(known) < policy.min_known_sections:
        return  # too little is known to call the profile sparse
    filled = [name for name in known if state[name]]
    if len(filled) / len(known) >= policy.completeness:
        return
    empty = [name for name in known if not state[name]]
    of = f"{len(known)}" if len(known) == len(SECTIONS) else f"the {len(known)} known"
    count = f"Only {len(filled)} of {of}" if filled else f"None of {'the ' * (of[0] != 't')}{of}"
    yield _red(
        "sparse_profile",
        f"{count} profile sections {'is' if len(filled) == 1 else 'are'} filled in, so the "
        f"profile says little about who this is.",
        "profile",
        detail=empty,
    )


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except (TypeError, ValueError):
        return None


def _age_flags(created: str | None, sent_at: str | None, policy) -> Iterator[Flag]:
    start, sent = _day(created), _day(sent_at)
    if start is None or sent is None:
        return
    days = (sent - start).days
    if days >= policy.new_profile_days:
        return
    when = "the same day as" if days == 0 else f"{days} days before"
    if days < 0:
        when = "after"
    yield _red(
        "new_profile",
        f"The profile was created {when} the invitation was sent.",
        "profile_created",
        detail=(created or "", f"{days} days"),
    )


def _reply_flags(reply: str, *, evidence: bool) -> Iterator[Flag]:
    verdict = _classified(reply, evidence)
    if verdict.kind == "reason":
        label = FAMILY_LABELS[verdict.family]
        yield _signal(
            "reply_reason",
            f"Their reply gives a reason to connect: the sender {label}.",
            "reply",
            verdict.spans,
            (verdict.family,),
        )
    elif verdict.kind == "recruiter":
        yield _signal(
            "reply_reason",
            "Their reply says they are recruiting: a clear purpose for connecting.",
            "reply",
            verdict.spans,
            ("recruiter",),
        )
    elif verdict.kind == "pitch":
        yield _red(
            "reply_pitch",
            "Asked why they want to connect, the sender replies with a sales pitch.",
            "reply",
            verdict.spans,
        )
    else:
        yield _red(
            "reply_no_reason",
            "Asked why they want to connect, the sender still gives no reason.",
            "reply",
            verdict.spans,
        )
