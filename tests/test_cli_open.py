"""The plain ``invite-triage`` command: needs a terminal, and never creates files without one."""

from __future__ import annotations

import os
import subprocess
import sys

from tui.commands.open_app import _inbox_is_empty
from tui.domain.models import NewInvitation, Person
from tui.store import Store


def test_without_a_terminal_it_says_so_and_creates_nothing(tmp_path):
    db = tmp_path / "inbox.db"
    result = subprocess.run(
        [sys.executable, "-m", "tui", "--db", str(db)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env={**os.environ},
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "invite-triage: error: the app needs a terminal; for scripts use explain, export or "
        "simulate"
    )
    assert not db.exists()


def test_an_inbox_without_invitations_counts_as_empty(tmp_path):
    db = tmp_path / "inbox.db"
    Store.open(db, create=True).close()
    assert _inbox_is_empty(db)
    with Store.open(db) as store:
        store.add_invitations(
            [NewInvitation(person=Person(name="A"), note=None, sent_at="2026-01-01T00:00:00")]
        )
    assert not _inbox_is_empty(db)
