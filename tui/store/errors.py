"""The exceptions the store raises for anything a user must be told about."""

from __future__ import annotations

import os
import sqlite3


class StoreError(Exception):
    """A refusal or failure with a one-line message fit to show a user as is."""


class DamagedDatabase(StoreError):
    """The file is damaged: nothing more can be read from it or written to it safely."""


class ChangedElsewhere(StoreError):
    """Another window or process decided first; nothing was changed here."""


FULL_BELOW = 256 * 1024  # bytes free under which a disk counts as full

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


def disk_is_full(directory: str | os.PathLike) -> bool:
    """True when the file system holding ``directory`` has (next to) no space left."""
    try:
        stats = os.statvfs(directory)
    except (OSError, AttributeError):
        return False
    return stats.f_bavail * stats.f_frsize < FULL_BELOW


def sqlite_problem(exc: BaseException, directory: str | os.PathLike | None = None) -> str:
    """One line for an ``sqlite3.Error``: what it means, then SQLite's own words.

    SQLite reports a full disk as "disk I/O error" when it fails while growing its shared
    memory or journal rather than the file: given the ``directory`` of the database, a
    disk with no space left is named as such.
    """
    said = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    code = primary_code(exc)
    full_disk_codes = ("SQLITE_IOERR", "SQLITE_FULL", "SQLITE_CANTOPEN")
    if code in full_disk_codes and directory is not None and disk_is_full(directory):
        code = "SQLITE_FULL"
    meaning = _PROBLEMS.get(code)
    if meaning is None or meaning.split(" (")[0] in said:
        return said
    return f"{meaning} ({said})"


def is_damage(exc: BaseException) -> bool:
    """True for an error that means the file itself is damaged."""
    return isinstance(exc, sqlite3.DatabaseError) and primary_code(exc) in (
        "SQLITE_CORRUPT",
        "SQLITE_NOTADB",
    )
