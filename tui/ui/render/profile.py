"""Render a sender's card as Rich ``Text``: header, photo badge, numbers, profile sections.

Every value comes from the database and goes through ``tui.domain.safe_text.visible`` into a
``Text`` (never markup). Three states are kept apart everywhere, as the models define them:
a value, *empty* (the sender left it blank: shown as ``— empty —``) and *unknown* (``None``,
e.g. imported from the platform's export, which has no photo or sections).

With ``judge=False`` (training mode) the card shows the raw facts without any verdict:
neutral badges, no flag markers.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from rich.style import Style
from rich.text import Text

from tui.domain.models import Flag, Invitation, Person
from tui.domain.safe_text import visible
from tui.ui.render import styles

NAME_LIMIT = 80
LINE_LIMIT = 300
ABOUT_LIMIT = 2000

# kind -> (symbol, words, badge style). Each kind differs in words and colour; the judged
# kinds also differ in symbol (✔ good, ✘ missing, ⚠ unprofessional, ? unknown).
PHOTO_BADGES: dict[str | None, tuple[str, str, Style]] = {
    "headshot": ("✔", "headshot", styles.badge("#2e7d32")),
    "none": ("✘", "no photo", styles.badge("#c62828")),
    "selfie": ("⚠", "selfie", styles.badge("#f9a825", "#000000")),
    "group": ("⚠", "group photo", styles.badge("#ef6c00", "#000000")),
    "logo": ("⚠", "logo, not a face", styles.badge("#6a1b9a")),
    "illustration": ("⚠", "illustration", styles.badge("#ad1457")),
    None: ("?", "photo unknown", styles.badge("#546e7a")),
}

SECTIONS = ("about", "experience", "education", "skills", "recommendations")


def clip(value: str, limit: int, *, one_line: bool = True) -> str:
    """``value`` escaped for the terminal and cut to ``limit`` characters with an ellipsis."""
    shown = visible(value, keep_newlines=not one_line)
    if len(shown) <= limit:
        return shown
    return f"{shown[:limit]}… ({len(value):,} characters)"


def when(value: str) -> str:
    """An ISO 8601 timestamp as ``YYYY-MM-DD HH:MM``; anything else shown as stored."""
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return clip(value or "", 40)
    shown = moment.strftime("%Y-%m-%d" if len(value) <= 10 else "%Y-%m-%d %H:%M")
    return shown if moment.utcoffset() in (None, timedelta(0)) else f"{shown} {moment:%z}"


def photo_badge(kind: str | None, *, judge: bool = True) -> Text:
    """A badge for the photo kind: distinct words, symbol and colour per kind."""
    if kind in PHOTO_BADGES:
        symbol, words, style = PHOTO_BADGES[kind]
    else:
        symbol, words, style = "?", f"photo: {clip(kind, 40)}", styles.NEUTRAL_BADGE
    if not judge:
        shown = "unknown" if kind is None else words if kind in PHOTO_BADGES else clip(kind, 40)
        return styles.styled(f" photo: {shown} ", styles.NEUTRAL_BADGE)
    return styles.styled(f" {symbol} {words} ", style)


def known_badge(known: bool | None, *, judge: bool = True) -> Text:
    """Whether the user knows the sender: the deciding fact in the default policy."""
    if known is None:
        return styles.styled(" ? known: unknown ", styles.NEUTRAL_BADGE)
    if known:
        style = styles.badge("#1565c0") if judge else styles.NEUTRAL_BADGE
        return styles.styled(" ★ known contact ", style)
    return styles.styled(" ◇ stranger ", styles.NEUTRAL_BADGE)


def header(invitation: Invitation, flags: Iterable[Flag] = (), *, judge: bool = True) -> Text:
    """Three lines: name with badges; headline; role, location, when it was sent, status."""
    person = invitation.person
    sparse = _sparse_sections(flags) if judge else set()
    text = Text()
    text.append(clip(person.name, NAME_LIMIT) or "(no name)", styles.NAME)
    text.append("  ")
    text.append_text(photo_badge(person.photo, judge=judge))
    text.append(" ")
    text.append_text(known_badge(person.known, judge=judge))
    text.append("\n")
    if person.headline is None:
        text.append("headline unknown", styles.UNKNOWN)
    elif not person.headline.strip():
        if "headline" in sparse:
            text.append("— no headline — ⚑", styles.EMPTY_FLAGGED)
        else:
            text.append("— no headline —", styles.EMPTY)
    else:
        text.append(clip(person.headline, LINE_LIMIT))
    text.append("\n")
    role = " at ".join(clip(part, LINE_LIMIT) for part in (person.position, person.company) if part)
    where = [part for part in (role, clip(person.location or "", LINE_LIMIT)) if part]
    where.append(f"Sent {when(invitation.sent_at)} · {clip(invitation.status, 20)}")
    if invitation.source == "export":
        where.append("imported from the platform's export")
    text.append(" · ".join(where), styles.MUTED)
    return text


def _sparse_sections(flags: Iterable[Flag]) -> set[str]:
    """The sections a sparse-profile flag lists as empty."""
    return {name for flag in flags if flag.code == "sparse_profile" for name in flag.detail}


def _flagged_fields(flags: Iterable[Flag]) -> dict[str, Flag]:
    return {flag.field: flag for flag in flags if flag.kind == "red" and flag.field}


def _marker(flag: Flag | None) -> Text:
    if flag is None:
        return Text()
    return styles.styled(" ⚑ red flag", styles.RED_TEXT)


def _unknown(invitation: Invitation) -> Text:
    if invitation.source == "export":
        return styles.styled("unknown (not in the platform's export)", styles.UNKNOWN)
    return styles.styled("unknown", styles.UNKNOWN)


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        try:
            return date.fromisoformat(value[:7] + "-01")
        except ValueError:
            return None


def _months(start: str | None, end: str | None, sent_at: str) -> str:
    """'3 yr 2 mo' between two ISO dates; a current job runs to when the invitation came."""
    first, last = _parse_date(start), _parse_date(end) or _parse_date(sent_at)
    if first is None or last is None or last < first:
        return ""
    months = (last.year - first.year) * 12 + last.month - first.month
    years, months = divmod(months, 12)
    parts = [f"{years} yr"] * bool(years) + [f"{months} mo"] * bool(months or not years)
    return " (" + " ".join(parts) + ")"


def _number_line(label: str, value: int | None, invitation: Invitation, flag: Flag | None) -> Text:
    line = styles.styled(f"{label}: ", styles.LABEL)
    line.append_text(_unknown(invitation) if value is None else Text(f"{value:,}"))
    line.append_text(_marker(flag))
    return line


def _created_line(person: Person, invitation: Invitation, flag: Flag | None) -> Text:
    line = styles.styled("About this profile: ", styles.LABEL)
    if person.profile_created is None:
        line.append_text(_unknown(invitation))
        return line
    line.append(f"created {clip(person.profile_created, 40)}")
    created, sent = _parse_date(person.profile_created), _parse_date(invitation.sent_at)
    if created and sent and sent >= created:
        days = (sent - created).days
        line.append(f", {days:,} day{'s' * (days != 1)} before the invitation", styles.MUTED)
    line.append_text(_marker(flag))
    return line


def _section_body(name: str, person: Person, invitation: Invitation) -> list[Text] | None:
    """The lines of one section, ``[]`` when empty, ``None`` when unknown."""
    value = getattr(person, name)
    if value is None:
        return None
    if name == "about":
        return [Text(clip(value, ABOUT_LIMIT, one_line=False))] if value.strip() else []
    if name == "recommendations":
        return [Text(f"{value:,} received")] if value else []
    if name == "skills":
        shown = [clip(skill, 80) for skill in value if skill.strip()]
        return [Text(", ".join(shown))] if shown else []
    if name == "experience":
        lines = []
        for job in value:
            line = styles.styled(f"• {clip(job.title, 120)}", styles.LABEL)
            line.append(f" · {clip(job.company, 120)}")
            since = clip(job.start, 20) if job.start else "?"
            until = clip(job.end, 20) if job.end else "present"
            line.append(f"  {since} – {until}", styles.MUTED)
            line.append(_months(job.start, job.end, invitation.sent_at), styles.MUTED)
            lines.append(line)
        return lines
    lines = []
    for school in value:
        line = styles.styled(f"• {clip(school.school, 120)}", styles.LABEL)
        if school.degree:
            line.append(f" — {clip(school.degree, 120)}")
        lines.append(line)
    return lines


def profile_details(
    invitation: Invitation, flags: Iterable[Flag] = (), *, judge: bool = True
) -> Text:
    """Numbers, 'About this profile', and each section: its content, empty, or unknown."""
    flags = list(flags) if judge else []
    person = invitation.person
    flagged = _flagged_fields(flags)
    sparse = _sparse_sections(flags)
    lines = [
        _number_line(
            "Mutual connections",
            person.mutual_connections,
            invitation,
            flagged.get("mutual_connections"),
        ),
        _number_line("Connections", person.connections, invitation, None),
        _created_line(person, invitation, flagged.get("profile_created")),
    ]
    for name in SECTIONS:
        lines.append(Text())
        heading = styles.styled(name.capitalize(), styles.HEADING)
        body = _section_body(name, person, invitation)
        if body is None:
            heading.append("  ")
            heading.append_text(_unknown(invitation))
            lines.append(heading)
            continue
        if not body:
            heading.append("  ")
            if name in sparse:
                heading.append("— empty — ⚑", styles.EMPTY_FLAGGED)
            else:
                heading.append("— empty —", styles.EMPTY)
            lines.append(heading)
            continue
        lines.append(heading)
        lines.extend(body)
    return Text("\n").join(lines)
