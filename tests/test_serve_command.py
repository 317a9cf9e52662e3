"""``invite-triage serve`` refuses what it cannot serve in one line, before it listens; warns
before it listens beyond this machine; and the per-tab commands refuse to run outside it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from _serve_support import free_port
from click.testing import CliRunner

from tui.cli import main


def run(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, list(args), env=env)


@pytest.mark.parametrize(
    ("args", "message", "code"),
    [
        (["serve", "--scenario", "no-such-thing"], "unknown scenario 'no-such-thing'", 2),
        (["serve", "--inbox", "--scenario", "the-post"], "--scenario is for training", 2),
        (["serve", "--max-sessions", "0"], "--max-sessions", 2),
        (["serve", "--port", "70000"], "--port", 2),
        (["--policy", "missing.toml", "serve"], "no policy file at missing.toml", 1),
    ],
)
def test_bad_options_are_one_line(tmp_path, args, message, code):
    result = run("--db", str(tmp_path / "results.db"), *args)
    assert result.exit_code == code
    assert message in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "results.db").exists()


def test_a_results_file_that_is_not_ours_is_refused_untouched(tmp_path):
    db = tmp_path / "results.db"
    db.write_bytes(b"name,score\nAda,10\n")
    result = run("--db", str(db), "serve")
    assert result.exit_code == 1
    assert result.output.strip() == (
        f"invite-triage: error: {db} is not an SQLite database "
        "(or its first page is damaged); refusing to touch it"
    )
    assert db.read_bytes() == b"name,score\nAda,10\n"


def test_listening_beyond_loopback_warns_first(tmp_path):
    # 192.0.2.1 is reserved for documentation: this machine cannot listen there, so the
    # server stops at once, after the warning, with the reason in one line.
    serve = ["serve", "--host", "192.0.2.1", "--port", str(free_port())]
    result = subprocess.run(
        [sys.executable, "-m", "tui", "--db", str(tmp_path / "r.db"), *serve],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "TMPDIR": str(tmp_path)},
    )
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith(
        "invite-triage: warning: serving on 192.0.2.1 with no authentication"
    )
    assert "reverse proxy" in lines[0]
    assert len(lines) == 2 and lines[1].startswith("invite-triage: error: ")
    assert "192.0.2.1" in lines[1]
    assert result.returncode == 1
    assert not list(tmp_path.glob("invite-triage-serve-*"))  # its work area went with it


def test_served_training_runs_only_under_serve(tmp_path):
    result = run("--db", str(tmp_path / "r.db"), "served-training", "--workdir", str(tmp_path))
    assert result.exit_code == 1
    assert "served-training runs inside `invite-triage serve`" in result.output
    assert "served-training" not in run("--help").output  # not a command for people


def test_open_without_a_terminal_or_the_web_driver_still_refuses(tmp_path):
    result = run("--db", str(tmp_path / "inbox.db"), "open", env={"TEXTUAL_DRIVER": "other"})
    assert result.exit_code == 1
    assert "the app needs a terminal" in result.output
    assert not (tmp_path / "inbox.db").exists()


def test_a_mistyped_results_folder_is_one_line_and_creates_nothing(tmp_path):
    db = tmp_path / "no-such-folder" / "results.db"
    result = run("--db", str(db), "serve")
    assert result.exit_code == 1
    assert "there is no folder" in result.output and "Traceback" not in result.output
    assert not db.parent.exists()
