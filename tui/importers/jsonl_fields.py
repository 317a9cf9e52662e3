"""Strict checks for each JSON Lines field: the right JSON type, a sane value, or a reason.

``null`` and a missing field both mean *unknown* (``None``); an empty string, list or zero
is kept as given, because "left empty" and "unknown" lead the red-flag rules to different
conclusions. ``true`` is not a number and ``3.0`` is not a whole number here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tui.domain.models import INTENTS, PHOTO_KINDS, Education, Experience
from tui.domain.safe_text import visible
from tui.importers.dates import (
    parse_iso_date,
    parse_iso_datetime,
    parse_partial_date,
)
from tui.importers.errors import shown

MAX_COUNT = 1_000_000_000


class FieldError(ValueError):
    """A field's value is wrong; ``field`` may be a path such as ``experience[2].start``."""

    def __init__(self, field: str, reason: str):
        self.field = field
        self.reason = reason
        if len(field) > 40:  # an unknown key straight from the file
            field = field[:37] + "..."
        super().__init__(f"field '{visible(field, keep_newlines=False)}': {reason}")


def json_type(value: Any) -> str:
    """How a user would name a JSON value's type."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"the number {shown(value)}"
    if isinstance(value, str):
        return f"the string {shown(value)}"
    if isinstance(value, list):
        return "a list"
    return "an object"


def text(value: Any, field: str) -> str:
    if not isinstance(value, str):
        raise FieldError(field, f"expected a string or null, got {json_type(value)}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        bad = value[exc.start]
        raise FieldError(
            field, f"holds an unpaired surrogate \\u{ord(bad):04x}, which is not text"
        ) from None
    return value


def non_empty(what: str) -> Callable[[Any, str], str]:
    def check(value: Any, field: str) -> str:
        if value is None:
            raise FieldError(field, f"must not be null ({what})")
        value = text(value, field)
        if not value.strip():
            raise FieldError(field, f"must not be empty ({what})")
        return value

    return check


def count(value: Any, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise FieldError(field, f"expected a whole number or null, got {json_type(value)}")
    if not 0 <= value <= MAX_COUNT:
        raise FieldError(field, f"must be between 0 and {MAX_COUNT}, got {value}")
    return value


def flag(value: Any, field: str) -> bool:
    if not isinstance(value, bool):
        raise FieldError(field, f"expected true, false or null, got {json_type(value)}")
    return value


def one_of(choices: tuple[str, ...]) -> Callable[[Any, str], str]:
    def check(value: Any, field: str) -> str:
        if not isinstance(value, str) or value not in choices:
            raise FieldError(
                field, f"expected one of {', '.join(choices)} or null, got {json_type(value)}"
            )
        return value

    return check


def _parsed(parser: Callable[[str], str]) -> Callable[[Any, str], str]:
    def check(value: Any, field: str) -> str:
        value = text(value, field)
        try:
            return parser(value)
        except ValueError as exc:
            raise FieldError(field, f"{exc}, got {shown(value)}") from None

    return check


def _list(value: Any, field: str) -> list:
    if not isinstance(value, list):
        raise FieldError(field, f"expected a list or null, got {json_type(value)}")
    return value


def _object(value: Any, field: str, allowed: dict[str, bool]) -> dict:
    """Check an object's keys: ``allowed`` maps each key to whether it is required."""
    if not isinstance(value, dict):
        raise FieldError(field, f"expected an object, got {json_type(value)}")
    for key in value:
        if key not in allowed:
            raise FieldError(f"{field}.{key}", f"unknown field (expected {', '.join(allowed)})")
    for key, required in allowed.items():
        if required and key not in value:
            raise FieldError(f"{field}.{key}", "is required")
    return value


def skills(value: Any, field: str) -> tuple[str, ...]:
    return tuple(text(item, f"{field}[{i}]") for i, item in enumerate(_list(value, field), 1))


def experience(value: Any, field: str) -> tuple[Experience, ...]:
    jobs = []
    for i, item in enumerate(_list(value, field), 1):
        where = f"{field}[{i}]"
        item = _object(item, where, {"title": True, "company": True, "start": False, "end": False})
        start, end = item.get("start"), item.get("end")
        jobs.append(
            Experience(
                title=text(item["title"], f"{where}.title"),
                company=text(item["company"], f"{where}.company"),
                start=None if start is None else partial_date(start, f"{where}.start"),
                end=None if end is None else partial_date(end, f"{where}.end"),
            )
        )
    return tuple(jobs)


def education(value: Any, field: str) -> tuple[Education, ...]:
    schools = []
    for i, item in enumerate(_list(value, field), 1):
        where = f"{field}[{i}]"
        item = _object(item, where, {"school": True, "degree": False})
        degree = item.get("degree")
        schools.append(
            Education(
                school=text(item["school"], f"{where}.school"),
                degree=None if degree is None else text(degree, f"{where}.degree"),
            )
        )
    return tuple(schools)


partial_date = _parsed(parse_partial_date)
sent_at = _parsed(parse_iso_datetime)

# Every field a line may carry -> its check. ``name`` and ``sent_at`` are required.
FIELDS: dict[str, Callable[[Any, str], Any]] = {
    "name": non_empty("the sender's name"),
    "headline": text,
    "company": text,
    "position": text,
    "location": text,
    "photo": one_of(PHOTO_KINDS),
    "about": text,
    "experience": experience,
    "education": education,
    "skills": skills,
    "recommendations": count,
    "connections": count,
    "mutual_connections": count,
    "known": flag,
    "profile_created": _parsed(parse_iso_date),
    "profile_url": text,
    "intent": one_of(INTENTS),
    "note": text,
    "sent_at": sent_at,
    "key": non_empty("your own identifier for this invitation"),
}
REQUIRED = ("name", "sent_at")
