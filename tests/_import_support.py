"""Shared helpers for the import tests: run the CLI, snapshot a database, build exports."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

from click.testing import CliRunner

from tui.cli import main
from tui.domain.models import STATUSES, NewInvitation, Person
from tui.store import Filter, Store

FIXTURES = Path(__file__).parent / "data" / "import"
EXPORT = FIXTURES / "export"
ZIP_NAME = "Basic_LinkedInDataExport_11-28-2026.zip"  # as the platform names it
CASES = FIXTURES / "cases.jsonl"
# A hand-made full export in the platform's format, before and after replies came in.
LOOP = Path(__file__).parent / "data" / "loop"
LOOP_FIRST, LOOP_SECOND = LOOP / "export-1", LOOP / "export-2"


def run_import(db: Path, *args: str):
    """``invite-triage --db DB import ARGS`` in-process; stdout and stderr kept apart."""
    return CliRunner().invoke(main, ["--db", str(db), "import", *map(str, args)])


def existing_inbox(tmp_path: Path) -> Path:
    """A database that already holds one invitation, to prove a failed import keeps it."""
    db = tmp_path / "inbox.db"
    with Store.open(db, create=True) as store:
        store.add_invitations(
            [NewInvitation(Person(name="Already Here"), None, "2025-06-01T10:00:00")]
        )
    return db


def dump(db: Path) -> str | None:
    """Every row of the database as SQL text (None when no file exists)."""
    if not db.exists():
        return None
    conn = sqlite3.connect(db)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


def write_zip(target: Path, files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return target


def export_files() -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in EXPORT.iterdir()}


def all_invitations(db: Path):
    """Every stored invitation, sent ones included, by name."""
    with Store.open(db, readonly=True) as store:
        return {
            inv.person.name: inv
            for status in STATUSES
            for inv in store.iter_invitations(Filter(status=status))
        }
