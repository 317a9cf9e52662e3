"""The exceptions the store raises for anything a user must be told about."""

from __future__ import annotations

import sqlite3


class StoreError(Exception):
    """A refusal or failure with a one-line message fit to show a user as is."""


class DamagedDatabase(StoreError):
    """The file is damaged: nothing more can be read from it or written to it safely."""


class ChangedElsewhere(StoreError):
    """Another window or process decided first; nothing was changed here."""


# SQLite's primary result codes, as Python names them, in words a user can act on.
_PROBLEMS = {
    "SQLITE_FULL": "the disk is full",
    "SQLITE_CORRUPT": "the database file is damaged",
    "SQLITE_NOTADB": "the file is not a database, or is damaged",
    "SQLITE_READONLY": "the database is read-only",
    "SQLITE_BUSY": "the database is busy in another program (locked); try again",
    "SQLITE_LOCKED": "the database is busy (locked); try again",
    "SQLITE_CANTOPEN": "the database file cannot be opened",
    "SQLITE_PERM": "permission denied",
    "SQLITE_IOERR": "a disk input/output error",
}


def primary_code(exc: BaseException) -> str:
    """``SQLITE_FULL`` for ``SQLITE_IOERR_...`` too: the family an error belongs to."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    for primary in _PROBLEMS:
        if name == primary or name.startswith(primary + "_"):
            return primary
    return name


def sqlite_problem(exc: BaseException) -> str:
    """One line for an ``sqlite3.Error``: what it means, then SQLite's own words."""
    said = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    meaning = _PROBLEMS.get(primary_code(exc))
    if meaning is None or meaning.split(" (")[0] in said:
        return said
    return f"{meaning} ({said})"


def is_damage(exc: BaseException) -> bool:
    """True for an error that means the file itself is damaged."""
    return isinstance(exc, sqlite3.DatabaseError) and primary_code(exc) in (
        "SQLITE_CORRUPT",
        "SQLITE_NOTADB",
    )
