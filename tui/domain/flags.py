"""Red flags and positive signals for one invitation, each with its evidence.

Pure functions of the invitation: the note, the sender's profile and, once there is one,
the sender's reply to a request for more information. Every flag names the field its
evidence is in and, for text, the exact characters, so the app can paint them and the CLI
can print the same explanation.

Unknown is not a red flag. A profile field that is ``None`` (the platform's data export
has no photo and no sections) raises nothing; only a field the sender left empty does.
``known=None`` (nothing says whether the user knows the sender, as with a lone
``Invitations.csv``) raises none of the flags that only count against a stranger: the
stock note or none, a note without a reason, no mutual connections. A sales pitch is
still one, from anybody. The recommendation says in words that it does not know.

Flags that do not depend on the data are built once (a ``Flag`` is frozen, so sharing one
is safe): filling the stored flag column of a million seeded rows stays quick.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import lru_cache

from tui.domain.models import Flag
from tui.domain.notes import FAMILY_LABELS, classify
from tui.domain.vocabulary import RED_FLAGS, SECTIONS, SEVERITY_RANK, UNPROFESSIONAL_PHOTOS


def _red(code: str, explanation: str, field: str, detail=()) -> Flag:
    return Flag(code, "red", RED_FLAGS[code], explanation, field, (), tuple(detail))


def _signal(code: str, explanation: str, field: str, detail=()) -> Flag:
    return Flag(code, "signal", "info", explanation, field, (), tuple(detail))


KNOWN_CONTACT = _signal("known_contact", "You already know this sender.", "known")
SALES_PITCH = _red(
    "sales_pitch", "The note tries to sell something in the very first message.", "note"
)
RECRUITER_NOTE = _signal(
    "recruiter_note",
    "The note offers a job or asks about a move: a clear purpose, though not one of the "
    "usual reasons to connect.",
    "note",
)
# A claimed shared past is the reason fakes borrow most easily, so its explanation says so.
_CAVEAT = {"met_before": " A claim is not proof: check that you remember them."}
STATED_REASON = {
    family: _signal(
        "stated_reason",
        f"The note gives a reason to connect: the sender {label}.{_CAVEAT.get(family, '')}",
        "note",
        (family,),
    )
    for family, label in FAMILY_LABELS.items()
}
# The platform's own text ("stock") and a request anyone could send ("generic") are both
# notes without a reason; the explanation says which, because only the first is literally
# the platform's wording.
STOCK_NOTE = _red(
    "generic_note",
    "The note is the platform's ready-made wording, which says nothing about why a stranger "
    "wants to connect.",
    "note",
    ("stock",),
)
GENERIC_NOTE = _red(
    "generic_note",
    "The note asks to connect in words that could go to anyone, and says nothing about why "
    "a stranger wants to connect.",
    "note",
    ("generic",),
)
NO_NOTE = _red(
    "generic_note",
    "There is no note, so nothing says why a stranger wants to connect.",
    "note",
    ("none",),
)
NO_STATED_REASON = _red(
    "no_stated_reason", "The note does not give a reason to connect that we recognise.", "note"
)
NO_PHOTO = _red(
    "no_photo",
    "The profile has no photo; with a stranger the profile is all there is to go on.",
    "photo",
    ("none",),
)
UNPROFESSIONAL_PHOTO = {
    kind: _red(
        "unprofessional_photo",
        f"The profile photo is {words}, not a professional headshot.",
        "photo",
        (kind,),
    )
    for kind, words in UNPROFESSIONAL_PHOTOS.items()
}
NO_MUTUAL = _red(
    "no_mutual_connections", "You share no connections with this stranger.", "mutual_connections"
)
REPLY_REASON = {
    family: _signal(
        "reply_reason",
        f"Their reply gives a reason to connect: the sender {label}.",
        "reply",
        (family,),
    )
    for family, label in FAMILY_LABELS.items()
}
REPLY_RECRUITER = _signal(
    "reply_reason",
    "Their reply says they are recruiting: a clear purpose for connecting.",
    "reply",
    ("recruiter",),
)
REPLY_PITCH = _red(
    "reply_pitch", "Asked why they want to connect, the sender replies with a sales pitch.", "reply"
)
REPLY_NO_REASON = _red(
    "reply_no_reason", "Asked why they want to connect, the sender still gives no reason.", "reply"
)


def evaluate(invitation, policy=None, *, evidence: bool = True) -> list[Flag]:
    """Every red flag and signal for an ``Invitation`` (or anything with ``.person`` and
    ``.note``; ``.reply``, ``.sent_at`` are used when present), most severe first.

    ``policy`` supplies the thresholds and severities (default: the built-in policy).
    ``evidence=False`` skips working out the character spans: the fast path for filling
    the stored flag column of a million rows.
    """
    if policy is None:
        from tui.domain.policy import default_policy

        policy = default_policy()
    person = invitation.person
    known = person.known
    found = [KNOWN_CONTACT] if known is True else []
    _note_flag(found, invitation.note, known, evidence)
    photo = person.photo
    if photo == "none":
        found.append(NO_PHOTO)
    elif photo in UNPROFESSIONAL_PHOTO:
        found.append(UNPROFESSIONAL_PHOTO[photo])
    sparse = _sparse_profile(person, policy)
    if sparse is not None:
        found.append(sparse)
    if known is False and person.mutual_connections == 0:
        found.append(NO_MUTUAL)
    new = _new_profile(person.profile_created, getattr(invitation, "sent_at", None), policy)
    if new is not None:
        found.append(new)
    reply = getattr(invitation, "reply", None)
    if reply is not None:
        _reply_flag(found, reply, evidence)
    severity = getattr(policy, "severity_changes", None)
    if severity is None:  # a policy-like object without the precomputed changes
        severity = policy.severity
    if severity:
        found = [_weighed(flag, severity.get(flag.code)) for flag in found]
        found = [flag for flag in found if flag.severity != "off"]
    found.sort(key=_rank)
    return found


def _weighed(flag: Flag, wanted: str | None) -> Flag:
    return flag if wanted is None or wanted == flag.severity else replace(flag, severity=wanted)


def _rank(flag: Flag) -> tuple[bool, int]:
    return flag.kind != "red", SEVERITY_RANK.get(flag.severity, 9)


def _verdict(text: str | None, evidence: bool) -> tuple[str, str | None, tuple]:
    note = classify(text, evidence=evidence)
    if note.kind == "stock" and not note.ready_made:
        return "generic", None, note.spans
    return note.kind, note.family, note.spans


def _pointing(flag: Flag, spans: tuple) -> Flag:
    """The shared flag, pointing at these characters of its field."""
    return replace(flag, spans=spans) if spans else flag


def _note_flag(found: list, note: str | None, known: bool | None, evidence: bool) -> None:
    kind, family, spans = _verdict(note, evidence)
    if kind == "pitch":
        found.append(_pointing(SALES_PITCH, spans))
    elif kind == "recruiter":
        found.append(_pointing(RECRUITER_NOTE, spans))
    elif kind == "reason":
        found.append(_pointing(STATED_REASON[family], spans))
    elif known is not False:
        # The stock note, or none, is fine from someone you know; when nothing says whether
        # you do, it is not held against the sender.
        return
    elif kind == "stock":
        found.append(_pointing(STOCK_NOTE, spans))
    elif kind == "generic":
        found.append(_pointing(GENERIC_NOTE, spans))
    elif kind == "none":
        found.append(NO_NOTE)
    else:
        found.append(NO_STATED_REASON)


def _reply_flag(found: list, reply: str, evidence: bool) -> None:
    kind, family, spans = _verdict(reply, evidence)
    if kind == "reason":
        found.append(_pointing(REPLY_REASON[family], spans))
    elif kind == "recruiter":
        found.append(_pointing(REPLY_RECRUITER, spans))
    elif kind == "pitch":
        found.append(_pointing(REPLY_PITCH, spans))
    else:
        found.append(REPLY_NO_REASON)


def section_state(person) -> dict[str, bool | None]:
    """Each profile section: True when filled in, False when left empty, None when unknown."""
    return {name: _filled(getattr(person, name)) for name in SECTIONS}


def _filled(value) -> bool | None:
    if value is None:
        return None
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, int):
        return value > 0
    return len(value) > 0


def _sparse_profile(person, policy) -> Flag | None:
    # Counted in one pass without the dict of section_state: this runs for every seeded row.
    known = filled = 0
    empty = []
    for name in SECTIONS:
        state = _filled(getattr(person, name))
        if state is not None:
            known += 1
            if state:
                filled += 1
            else:
                empty.append(name)
    if known < policy.min_known_sections:
        return None  # too little is known to call the profile sparse
    if filled / known >= policy.completeness:
        return None
    return _sparse_flag(tuple(empty), known, filled)


@lru_cache(maxsize=512)
def _sparse_flag(empty: tuple[str, ...], known: int, filled: int) -> Flag:
    """The flag for one combination of empty sections (a few dozen occur): built once each."""
    of = f"{known}" if known == len(SECTIONS) else f"the {known} known"
    count = f"Only {filled} of {of}" if filled else f"None of {'the ' * (of[0] != 't')}{of}"
    verb = "is" if filled == 1 else "are"
    return _red(
        "sparse_profile",
        f"{count} profile sections {verb} filled in, so the profile says little about who this is.",
        "profile",
        empty,
    )


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except (TypeError, ValueError):
        return None


def _new_profile(created: str | None, sent_at: str | None, policy) -> Flag | None:
    start = _day(created)
    if start is None:
        return None
    sent = _day(sent_at)
    if sent is None:
        return None
    days = (sent - start).days
    if days >= policy.new_profile_days:
        return None
    when = "after" if days < 0 else "the same day as" if days == 0 else f"{days} days before"
    return _red(
        "new_profile",
        f"The profile was created {when} the invitation was sent.",
        "profile_created",
        (created or "", f"{days} days"),
    )
