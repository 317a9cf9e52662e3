"""Opening a database file safely: never create by accident, never overwrite, explain refusals.

Every refusal is a :class:`StoreError` whose message is one line a user can act on.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from urllib.parse import quote

from tui.store.errors import StoreError
from tui.store.schema import SCHEMA_VERSION, migrate

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def _check_file(path: Path, *, create: bool) -> bool:
    """Return True when the file exists and holds data; refuse what we must not touch."""
    if path.is_dir():
        raise StoreError(f"{path} is a directory, not a database file")
    if not path.exists():
        if not create:
            raise StoreError(
                f"no database at {path} (create one with: invite-triage --db {path} seed)"
            )
        parent = path.parent if str(path.parent) else Path(".")
        if not parent.is_dir():
            # Never make folders: a mistyped path must not leave a tree of them behind.
            raise StoreError(f"cannot create {path}: there is no folder {parent}")
        if not os.access(parent, os.W_OK):
            raise StoreError(f"cannot create {path}: {parent} is not writable")
        return False
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {exc.strerror}") from None
    if not header:
        if create:
            return False
        raise StoreError(f"{path} is an empty file, not an invite-triage database")
    if header != SQLITE_MAGIC:
        raise StoreError(f"{path} is not an SQLite database; refusing to touch it")
    return True


def _uri(path: Path, mode: str) -> str:
    return f"file:{quote(str(path.resolve()))}?mode={mode}"


def connect(path: str | os.PathLike, *, create: bool = False, readonly: bool = False):
    """Open (and migrate) the database at ``path``; returns a ready ``sqlite3.Connection``.

    ``create`` allows a missing file to be created; ``readonly`` opens for reading only,
    which lets read-only commands (explain, export) work on a write-protected file.
    """
    path = Path(path)
    existed = _check_file(path, create=create and not readonly)
    if existed and not readonly:
        if not os.access(path, os.W_OK):
            raise StoreError(f"{path} is read-only; invite-triage needs to write decisions to it")
        if not os.access(path.parent if str(path.parent) else Path("."), os.W_OK):
            raise StoreError(f"{path.parent} is read-only; SQLite needs it for its journal")
    mode = "ro" if readonly else ("rwc" if create else "rw")
    uri = _uri(path, mode)
    if readonly and existed and _cannot_share_wal(path):
        # A WAL file can only be read with its -shm index beside it, which SQLite cannot
        # create in a read-only directory. With no -wal there, no writer is active and
        # the main file is complete, so reading it as immutable is safe.
        uri += "&immutable=1"
    try:
        conn = sqlite3.connect(
            uri,
            uri=True,
            isolation_level=None,  # we issue BEGIN IMMEDIATE ourselves
            check_same_thread=False,  # the UI hands the store to one worker thread at a time
            timeout=BUSY_TIMEOUT_MS / 1000,
        )
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open {path}: {exc}") from None
    try:
        _configure(conn, readonly=readonly)
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
        if version < SCHEMA_VERSION:
            if readonly:
                raise StoreError(f"{path} needs an upgrade; open it once without read-only access")
            migrate(conn, version)
    except StoreError:
        conn.close()
        raise
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(f"{path} is damaged or not a database ({exc})") from None
    return conn


def _cannot_share_wal(path: Path) -> bool:
    directory = path.parent if str(path.parent) else Path(".")
    return not os.access(directory, os.W_OK) and not Path(f"{path}-wal").exists()


def _configure(conn: sqlite3.Connection, *, readonly: bool) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if not readonly:
        conn.execute("PRAGMA journal_mode = WAL")
    # FULL: a decision the UI shows as done has reached the disk.
    conn.execute("PRAGMA synchronous = FULL")
    # Touch the schema so a corrupt header fails here rather than on the first query.
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()


def _has_foreign_tables(conn: sqlite3.Connection) -> bool:
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    return bool(names - {"sqlite_sequence", "sqlite_stat1"})
