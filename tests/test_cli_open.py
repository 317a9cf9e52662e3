"""The plain ``invite-triage`` command: needs a terminal, and never creates files without one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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


def open_in(tmp_path, monkeypatch, answer: str, *db_args: str):
    """The plain command as on a terminal (the app itself replaced by a recorder)."""
    from click.testing import CliRunner

    import tui.commands.open_app as open_app
    from tui.cli import main

    opened = []
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(open_app, "has_terminal", lambda: True)
    monkeypatch.setattr(open_app, "run_app", lambda path, **_: opened.append(path))
    result = CliRunner().invoke(main, [*db_args], input=answer)
    return result, opened


def test_the_first_run_names_the_file_and_seeds_only_when_asked_to(tmp_path, monkeypatch):
    result, opened = open_in(tmp_path, monkeypatch, "\n")
    assert result.exit_code == 0, result.output
    where = str(tmp_path / "data" / "inbox.db")
    assert f"No inbox at {where}. Seed a demo inbox of 200 fake invitations there?" in (
        result.stderr
    )
    assert f"Seeded a demo inbox of 200 invitations into {where}." in result.stderr
    assert opened == [Path("data/inbox.db")]  # the app opens after both lines
    with Store.open(tmp_path / "data" / "inbox.db") as store:
        assert store.counts()["all"] == 200


def test_saying_no_creates_nothing(tmp_path, monkeypatch):
    result, opened = open_in(tmp_path, monkeypatch, "n\n")
    assert result.exit_code == 0 and opened == []
    assert "Nothing created" in result.stderr
    assert not (tmp_path / "data").exists()


def test_a_mistyped_db_folder_is_not_created(tmp_path, monkeypatch):
    result, opened = open_in(tmp_path, monkeypatch, "\n", "--db", "dta/inbx.db")
    assert result.exit_code == 1 and opened == []
    assert "Seed a demo inbox" not in result.stderr  # refused before asking
    assert result.stderr.strip() == (
        "invite-triage: error: there is no folder dta for the database (create it first, or "
        "check --db)"
    )
    assert not (tmp_path / "dta").exists()


def test_a_mistyped_command_gets_a_suggestion():
    from click.testing import CliRunner

    from tui.cli import main

    result = CliRunner().invoke(main, ["expalin"])
    assert result.exit_code == 2
    assert "no such command 'expalin' (did you mean 'explain'?)" in result.stderr
    assert "did you mean" not in CliRunner().invoke(main, ["frobnicate"]).stderr


def test_a_config_without_a_keymap_does_not_load_the_dialogs(tmp_path):
    """Gathering every rebindable key imports every dialog: only a keymap needs that."""
    plain = tmp_path / "plain.toml"
    plain.write_text('theme = "nord"\n')
    keyed = tmp_path / "keyed.toml"
    keyed.write_text('[keymap]\naccept = "y"\n')
    script = (
        "import sys\n"
        "from tui.commands.launch import load_config\n"
        "from tui.commands.open_app import _scopes\n"
        "config = load_config(_scopes, sys.argv[1])\n"
        "print(config.theme, config.keymap, 'tui.ui.dialogs.composer' in sys.modules)\n"
    )
    run = [sys.executable, "-c", script]
    plain_out = subprocess.run([*run, str(plain)], capture_output=True, text=True, timeout=60)
    keyed_out = subprocess.run([*run, str(keyed)], capture_output=True, text=True, timeout=60)
    assert plain_out.stdout.split() == ["nord", "{}", "False"]
    assert keyed_out.stdout.split()[-1] == "True"  # the keymap was checked against them
