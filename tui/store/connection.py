"""Opening a database file safely: never create by accident, never overwrite, explain refusals.

Two rules keep a file that several processes share intact:

- **Only SQLite touches the file.** On POSIX, closing *any* descriptor of a file drops
  *all* of the process's locks on it, SQLite's included; another process may then take
  itself for the last user and delete the WAL this one is still writing to. So nothing
  here opens the database (or its ``-wal``/``-shm``) with ``open()``: the file's kind,
  health and owner are read through an SQLite connection, and only ``os.stat``-like calls
  (which open nothing) look at it from outside.
- **Refuse before you write.** Every check runs on a connection that has written nothing
  yet (no switch to WAL, no migration); only a file that passes is configured. A refused
  file is closed untouched: byte-identical, with no ``-wal``/``-shm`` left beside it.

Every refusal is a :class:`StoreError` whose message is one line a user can act on.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from urllib.parse import quote

from tui.domain.files import remember_database
from tui.store.errors import DamagedDatabase, StoreError, is_damage, sqlite_problem
from tui.store.schema import SCHEMA_VERSION, migrate

BUSY_TIMEOUT_MS = 5000
# Files up to this many pages (32 MB with 4 kB pages, some 30,000 invitations) are checked
# whole (PRAGMA quick_check) when opened: a few tens of milliseconds at most. A larger file
# is checked by the app in the background once its first screen is up (see
# ``Gateway.verify``); commands meet any damage when they read it.
VERIFY_PAGES = 8192


def _directory(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def _check_path(path: Path, *, create: bool) -> bool:
    """Return True when the file exists and holds data; refuse what we must not touch.

    Only ``stat``-like calls here: they open nothing, so they drop no lock.
    """
    if path.is_dir():
        raise StoreError(f"{path} is a directory, not a database file")
    if not path.exists():
        if not create:
            raise StoreError(
                f"no database at {path} (create one with: invite-triage --db {path} seed)"
            )
        parent = _directory(path)
        if not parent.is_dir():
            # Never make folders: a mistyped path must not leave a tree of them behind.
            raise StoreError(f"cannot create {path}: there is no folder {parent}")
        if not os.access(parent, os.W_OK):
            raise StoreError(f"cannot create {path}: {parent} is not writable")
        return False
    if not path.is_file():
        raise StoreError(f"{path} is not a regular file; refusing to touch it")
    if path.stat().st_size == 0:
        if create:
            return False
        raise StoreError(f"{path} is an empty file, not an invite-triage database")
    return True


def _uri(path: Path, mode: str, *, immutable: bool = False) -> str:
    return f"file:{quote(str(path.resolve()))}?mode={mode}" + ("&immutable=1" if immutable else "")


def connect(
    path: str | os.PathLike,
    *,
    create: bool = False,
    readonly: bool = False,
    verify: bool = True,
) -> sqlite3.Connection:
    """Open (and migrate) the database at ``path``; returns a ready ``sqlite3.Connection``.

    ``create`` allows a missing file to be created; ``readonly`` opens for reading only,
    which lets read-only commands (explain, export) work on a write-protected file.
    ``verify`` checks a small file whole for damage (see :data:`VERIFY_PAGES`); a second
    connection of a process that already checked the file passes False.
    """
    path = Path(path)
    existed = _check_path(path, create=create and not readonly)
    writable = True
    if existed:
        writable = os.access(path, os.W_OK) and os.access(_directory(path), os.W_OK)
        if not readonly and not os.access(path, os.W_OK):
            raise StoreError(f"{path} is read-only; invite-triage needs to write decisions to it")
        if not readonly and not writable:
            raise StoreError(f"{path.parent} is read-only; SQLite needs it for its journal")
    if readonly and not writable:
        # A read-only SQLite connection cannot remove the -wal and -shm it may have to
        # create, so it is used only where SQLite cannot write anyway. With no -wal there
        # no writer is active (nobody can write this file) and the main file is complete:
        # reading it as immutable is then safe and creates nothing.
        uri = _uri(path, "ro", immutable=not Path(f"{path}-wal").exists())
    else:
        # Read-only commands on a writable file use a read-write connection that refuses
        # to write (query_only): when it closes, SQLite tidies its -wal and -shm away.
        uri = _uri(path, "rwc" if create and not readonly else "rw")
    try:
        conn = sqlite3.connect(
            uri,
            uri=True,
            isolation_level=None,  # we issue BEGIN IMMEDIATE ourselves
            check_same_thread=False,  # the UI hands the store to one worker thread at a time
            timeout=BUSY_TIMEOUT_MS / 1000,
        )
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open {path}: {sqlite_problem(exc, _directory(path))}") from None
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if readonly:
            conn.execute("PRAGMA query_only = 1")
        version = _inspect(conn, path, verify=verify and existed)
        if version < SCHEMA_VERSION and readonly:
            raise StoreError(f"{path} needs an upgrade; open it once without read-only access")
        # Only a file that passed every check is written to (the switch to WAL included).
        _configure(conn, readonly=readonly)
        if version < SCHEMA_VERSION:
            migrate(conn, version)
    except StoreError:
        conn.close()
        raise
    except sqlite3.Error as exc:
        conn.close()
        if is_damage(exc):
            raise DamagedDatabase(f"{path} is damaged ({exc}); refusing to use it") from None
        raise StoreError(f"cannot open {path}: {sqlite_problem(exc, _directory(path))}") from None
    except BaseException:
        conn.close()
        raise
    # From here on this process must never open the file by any other means.
    remember_database(path)
    return conn


def _inspect(conn: sqlite3.Connection, path: Path, *, verify: bool) -> int:
    """Read (never write) what the file is; return its schema version or refuse it."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{path} uses schema {version}, newer than this invite-triage knows "
                f"({SCHEMA_VERSION}); upgrade invite-triage to open it"
            )
        if version == 0 and _has_foreign_tables(conn):
            raise StoreError(
                f"{path} is an SQLite database of another program; refusing to touch it"
            )
        if verify:
            check_pages(conn, path, limit=VERIFY_PAGES)
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorname", "") == "SQLITE_NOTADB":
            raise DamagedDatabase(
                f"{path} is not an SQLite database (or its first page is damaged); "
                "refusing to touch it"
            ) from None
        raise
    return version


def check_pages(conn: sqlite3.Connection, path: Path, *, limit: int | None = None) -> bool:
    """Run ``PRAGMA quick_check`` (if the file has at most ``limit`` pages); refuse damage.

    Returns whether the check ran. Reads only; on a large file it takes a while (about two
    seconds per GB here), so callers decide when that is worth it.
    """
    if limit is not None and conn.execute("PRAGMA page_count").fetchone()[0] > limit:
        return False
    problem = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
    if problem != "ok":
        raise DamagedDatabase(f"{path} is damaged ({_first_line(problem)}); refusing to use it")
    return True


def _first_line(text: str, limit: int = 100) -> str:
    """The first line that says something (SQLite starts with "*** in database main ***")."""
    lines = [line for line in str(text).splitlines() if line and not line.startswith("***")]
    line = lines[0] if lines else str(text).strip()
    return line if len(line) <= limit else line[: limit - 3] + "..."


def _configure(conn: sqlite3.Connection, *, readonly: bool) -> None:
    conn.execute("PRAGMA foreign_keys = ON")
    if not readonly:
        conn.execute("PRAGMA journal_mode = WAL")
    # FULL: a decision the UI shows as done has reached the disk.
    conn.execute("PRAGMA synchronous = FULL")


def _has_foreign_tables(conn: sqlite3.Connection) -> bool:
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    return bool(names - {"sqlite_sequence", "sqlite_stat1"})
