"""Dates and times as the export and JSON Lines files write them, parsed strictly.

Each parser returns the canonical ISO 8601 text the store keeps, or raises ``ValueError``
with a short reason; callers add the file, line and field.
"""

from __future__ import annotations

import re
from datetime import date, datetime

# The export writes "1/29/26, 2:37 PM" (M/D/YY, 12-hour clock). Seen variants: a four-digit
# year, seconds, no comma, lower-case or dotted "p.m.", a 24-hour clock, and the narrow
# no-break space (U+202F) that newer locale data puts before "PM" (``\s`` matches it).
_EXPORT_TIME = re.compile(
    r"(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{2}|\d{4}),?\s+"
    r"(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?"
    r"\s*(?:(?P<half>[AaPp])\.?[Mm]\.?)?"
)
_PARTIAL_DATE = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds" if not moment.microsecond else "auto")


def parse_export_time(text: str) -> str:
    """``1/29/26, 2:37 PM`` -> ``2026-01-29T14:37:00`` (naive: the export has no zone).

    Two-digit years are 20YY: the platform's invitations are all from this century.
    An ISO 8601 timestamp is accepted too, for exports rewritten by a spreadsheet.
    """
    value = text.strip()
    match = _EXPORT_TIME.fullmatch(value)
    if match is None:
        try:
            return _iso(datetime.fromisoformat(value))
        except ValueError:
            raise ValueError("not a date and time like 1/29/26, 2:37 PM") from None
    year = int(match["year"])
    if len(match["year"]) == 2:
        year += 2000
    hour = int(match["hour"])
    if match["half"]:
        if not 1 <= hour <= 12:
            raise ValueError(f"hour {hour} does not exist on a 12-hour clock")
        hour = hour % 12 + (12 if match["half"] in "Pp" else 0)
    try:
        moment = datetime(
            year,
            int(match["month"]),
            int(match["day"]),
            hour,
            int(match["minute"]),
            int(match["second"] or 0),
        )
    except ValueError as exc:
        raise ValueError(f"no such date or time ({exc})") from None
    return _iso(moment)


def parse_iso_datetime(text: str) -> str:
    """An ISO 8601 date-time (a time zone offset kept as given; a bare date means midnight)."""
    value = text.strip()
    if not value or not value[:4].isdigit():
        raise ValueError("not an ISO 8601 date-time like 2026-01-29T14:37:00")
    try:
        return _iso(datetime.fromisoformat(value))
    except ValueError:
        raise ValueError("not an ISO 8601 date-time like 2026-01-29T14:37:00") from None


def parse_iso_date(text: str) -> str:
    """A calendar date ``YYYY-MM-DD``."""
    try:
        if len(text) != 10:
            raise ValueError
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise ValueError("not a date like 2024-05-01") from None


def parse_partial_date(text: str) -> str:
    """A job's start or end: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, kept as written."""
    match = _PARTIAL_DATE.fullmatch(text)
    if match is None:
        raise ValueError("not a date like 2021, 2021-04 or 2021-04-15")
    try:
        date(int(match["year"]), int(match["month"] or 1), int(match["day"] or 1))
    except ValueError:
        raise ValueError("no such date") from None
    return text
