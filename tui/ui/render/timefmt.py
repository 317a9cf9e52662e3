"""Compact "when" labels for the inbox list, relative to an injectable clock.

The app takes its idea of *now* as a callable so tests and snapshots can pin it: a list
that says "3d" today must say "3d" in every snapshot run.
"""

from __future__ import annotations

from datetime import UTC, datetime

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def system_now() -> datetime:
    return datetime.now(UTC)


def parse_time(text: str) -> datetime | None:
    """An ISO 8601 time (UTC when it has no zone); None when it cannot be read."""
    try:
        moment = datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def compact_age(sent_at: str, now: datetime) -> str:
    """At most six cells: ``now``, ``12m``, ``5h``, ``3d``, ``Mar 4``, ``2024``.

    A time more than a minute in the future (another machine's clock, or a simulated one)
    shows its day rather than a negative age.
    """
    moment = parse_time(sent_at)
    if moment is None:
        return "?"
    seconds = (now - moment).total_seconds()
    if seconds < -60:  # clocks disagree, or a simulated future: say the day
        return f"{MONTHS[moment.month - 1]} {moment.day}"
    if seconds < 60:
        return "now"
    if seconds < 3600:
        return f"{int(seconds // 60)}m"
    if seconds < 86400:
        return f"{int(seconds // 3600)}h"
    if seconds < 7 * 86400:
        return f"{int(seconds // 86400)}d"
    if seconds < 300 * 86400 or moment.year == now.year:
        return f"{MONTHS[moment.month - 1]} {moment.day}"
    return f"{moment.year}"


def age_words(sent_at: str, now: datetime) -> str | None:
    """How long ago, in words: ``today``, ``yesterday``, ``5 days ago``, ``7 weeks ago``;
    None when the time cannot be read or lies ahead of ``now``."""
    moment = parse_time(sent_at)
    if moment is None:
        return None
    days = (now - moment).days
    if days < 0:
        return None
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 28:
        return f"{days} days ago"
    if days < 365:
        return f"{days // 7} weeks ago"
    years = days // 365
    return f"{years} year{'s' * (years != 1)} ago"
