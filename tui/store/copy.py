"""Copying a whole database, through SQLite.

A file copy of a live database can catch it half written, and opening and closing the file
outside SQLite drops the process's locks on it; SQLite's online backup copies a consistent
snapshot page by page instead.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from tui.store.store import Store


def copy_database(source: str | os.PathLike, target: str | os.PathLike) -> None:
    """Copy ``source`` (an invite-triage database) into a new file ``target``."""
    target = Path(target)
    if target.exists():
        raise FileExistsError(f"{target} already exists")
    with Store.open(source, readonly=True) as original:
        copy = sqlite3.connect(target)
        try:
            original.conn.backup(copy)
        finally:
            copy.close()
