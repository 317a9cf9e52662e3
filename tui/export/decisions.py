"""The decisions export: one CSV row per invitation (or per log entry), safe and atomic.

Column meanings (the header names are the first line of every file):

``invitation_id, name, headline, company, profile_url, sent_at, note, status`` describe
the invitation as it is now (in the whole history, ``status`` is the one each entry left
it in); ``profile_url`` is where to carry the decision out on the platform. ``decided_at,
decision, recommended, agreed_with_recommendation, flags, reply, session`` describe the
decision. ``recommended`` and ``flags`` are what was
recorded with the decision, so ``agreed_with_recommendation`` judges the decision against
what the person deciding was shown; an undecided invitation shows its current assessment.
``reply`` is the sender's answer to your latest question (their messages since it, one
per line). Times are ISO 8601 as stored (UTC for decisions).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO

from tui.domain.models import STATUSES
from tui.export.safe_csv import ExportError, write_safe_csv
from tui.store.export_queries import EXPORT_FIELDS

HEADER = (
    "invitation_id",
    "name",
    "headline",
    "company",
    "profile_url",
    "sent_at",
    "note",
    "status",
    "decided_at",
    "decision",
    "recommended",
    "agreed_with_recommendation",
    "flags",
    "reply",
    "session",
)
ALL = "all"  # every status but "sent" (outgoing invitations), like the inbox's "all" split
STATUS_CHOICES = (*STATUSES, ALL)
EXPORTS_DIR = "exports"


def check_statuses(values: Iterable[str] | None) -> tuple[str, ...] | None:
    """Validate a status filter; ``None`` (or nothing) means every status but "sent".

    ``all`` stands for every status but "sent"; add ``sent`` to include outgoing ones.
    """
    wanted = {value.strip().lower() for value in values or ()}
    if not wanted:
        return None
    unknown = sorted(wanted - set(STATUS_CHOICES))
    if unknown:
        raise ValueError(
            f"unknown status {unknown[0]!r} (expected one of {', '.join(STATUS_CHOICES)})"
        )
    if ALL in wanted:
        wanted = (wanted - {ALL}) | {s for s in STATUSES if s != "sent"}
    return tuple(s for s in STATUSES if s in wanted)


def parse_since(value: str | date | datetime | None) -> str | None:
    """Turn ``YYYY-MM-DD`` or an ISO 8601 time into the stored UTC form used for comparing.

    A time without a zone is taken as UTC, like every time in the export; a date means
    from the start of that day.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        return value.isoformat()
    else:
        text = value.strip()
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            raise ValueError(
                f"{text!r} is not a date (YYYY-MM-DD) or an ISO 8601 time "
                "(YYYY-MM-DDTHH:MM[:SS][+HH:MM])"
            ) from None
        if len(text) <= 10 and moment == datetime(moment.year, moment.month, moment.day):
            return moment.date().isoformat()
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.isoformat(timespec="microseconds" if moment.microsecond else "seconds")


def export_path_in(
    directory: str | os.PathLike, now: datetime | None = None, *, prefix: str = "decisions"
) -> Path:
    """A new ``<prefix>-YYYYMMDD-HHMMSS.csv`` in ``directory`` (local time), never an
    existing file: a second export in the same second gets ``-2``, ``-3``..."""
    moment = (now or datetime.now()).astimezone()
    stem = f"{prefix}-{moment:%Y%m%d-%H%M%S}"
    folder = Path(directory)
    candidate = folder / f"{stem}.csv"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{number}.csv"
        number += 1
    return candidate


def default_export_path(
    db_path: str | os.PathLike, now: datetime | None = None, *, prefix: str = "decisions"
) -> Path:
    """Where the app's ``e`` key and a bare ``invite-triage export`` in a terminal write:
    ``exports/decisions-<timestamp>.csv`` beside the database (``data/exports/`` for the
    default ``data/inbox.db``). Creates the ``exports`` directory when missing."""
    directory = Path(db_path).parent / EXPORTS_DIR
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"cannot create {directory}: {exc.strerror or exc}") from None
    return export_path_in(directory, now, prefix=prefix)


@contextlib.contextmanager
def default_export(
    db_path: str | os.PathLike, now: datetime | None = None, *, prefix: str = "decisions"
) -> Iterator[Path]:
    """:func:`default_export_path` for one export: if that export fails, an ``exports``
    folder made for it is removed again, so a failed export leaves nothing behind."""
    directory = Path(db_path).parent / EXPORTS_DIR
    made = not directory.exists()
    path = default_export_path(db_path, now, prefix=prefix)
    try:
        yield path
    except BaseException:
        if made:
            with contextlib.suppress(OSError):
                directory.rmdir()  # only ever removes an empty folder
        raise


def decision_rows(
    store,
    *,
    statuses: Iterable[str] | None = None,
    since: str | date | datetime | None = None,
    all_history: bool = False,
) -> Iterator[tuple]:
    """The export's rows, in :data:`HEADER` order, streamed from the store."""
    raw = store.export_rows(
        statuses=check_statuses(statuses), since=parse_since(since), all_history=all_history
    )
    for row in raw:
        # Store rows are the HEADER columns without "agreed", which sits after "recommended".
        action, recommended = row[_ACTION], row[_RECOMMENDED]
        if action is None or action == "undo" or not recommended:
            agreed = ""
        else:
            agreed = "yes" if action == recommended else "no"
        yield (*row[: _RECOMMENDED + 1], agreed, *row[_RECOMMENDED + 1 :])


_ACTION = EXPORT_FIELDS.index("action")
_RECOMMENDED = EXPORT_FIELDS.index("recommended")


def export_decisions(
    store,
    out: str | os.PathLike | IO[str],
    *,
    statuses: Iterable[str] | None = None,
    since: str | date | datetime | None = None,
    all_history: bool = False,
    bom: bool = False,
) -> int:
    """Write the decisions CSV to ``out`` (a path, ``"-"`` for stdout, or a text stream).

    One row per invitation, by id, with the decision it currently stands on (undecided
    ones included, with empty decision columns), or with ``all_history`` one row per entry
    of the decision log, oldest first, undo entries included (``decision`` is ``undo``).
    ``statuses`` filters on the invitation's current status (``None``: all but "sent");
    ``since`` keeps decisions taken at or after it (undecided invitations: sent at or
    after it).
    Returns the number of rows written. Raises ``ValueError`` for a bad filter and
    :class:`ExportError` when the file cannot be written (an existing file is untouched).
    """
    rows = decision_rows(store, statuses=statuses, since=since, all_history=all_history)
    return write_safe_csv(out, HEADER, rows, bom=bom)
