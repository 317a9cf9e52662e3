"""The terminal going away ends the app, with or without a SIGHUP to say so."""

from __future__ import annotations

from _terminal import Terminal
from conftest import make_db


def test_end_of_input_without_a_sighup_ends_the_app_cleanly(tmp_path):
    db = make_db(tmp_path)
    terminal = Terminal(["--db", str(db)])
    try:
        assert terminal.read_until(lambda out: b" of 5" in out, 60), terminal.text
        # The pseudo-terminal is not the app's controlling terminal: closing it sends no
        # SIGHUP, reading it just ends. The app used to spin at 80% CPU from then on.
        terminal.close()
        assert terminal.wait(60) == 0
    finally:
        terminal.kill()
