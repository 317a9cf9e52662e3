"""A trainee in a real browser: headless Chromium against ``invite-triage serve``.

Opens the page, waits for the terminal, types a name (with markup, a formula and an accent
in it) and two decisions as a trainee would, then checks the results database as the
trainer's ``report`` would read it; closing the browser ends the session's process and
removes its directory. Needs Debian's ``chromium`` and ``chromium-driver``; ``.ci/run``
installs them, so under CI a missing browser is a failure, not a skip.
"""

from __future__ import annotations

import os

import pytest
from _browser import available, chromium
from _serve_support import pid_alive, poll, running_server

from tui.store import Store

NAME = 'Zoë "[bold]=1+1" <b>'


def decided(db):
    with Store.open(db, readonly=True) as store:
        sessions = store.sessions(NAME)
        if len(sessions) != 1:
            return None
        rows = store.results(sessions[0].id)
    outcomes = sorted(r.outcome for r in rows if r.outcome != "undecided")
    return outcomes if len(outcomes) == 2 else None


def test_a_trainee_trains_in_the_browser(tmp_path):
    if not available():
        if os.environ.get("CI"):
            pytest.fail("chromium and chromium-driver are missing: .ci/run installs them")
        pytest.skip("needs Debian's chromium and chromium-driver")
    from selenium.webdriver.common.keys import Keys

    db = tmp_path / "results.db"
    with running_server(tmp_path, "--scenario", "the-post", db=db) as server:
        with chromium(tmp_path / "profile") as browser:
            browser.open(server.url)
            browser.wait_for("Type your name")
            (directory,) = server.session_dirs()
            pid = int((directory / "pid").read_text())
            browser.focus_terminal()
            browser.type(NAME + Keys.ENTER)
            browser.wait_for("Priya Raman")  # the exercise's inbox, rows and all
            browser.type("x")
            browser.wait_for("policy:")  # the verdict
            browser.type(Keys.ENTER)
            browser.wait_for("TRAINING")  # back in the inbox
            browser.type("a")
            browser.wait_for("policy:")
            assert poll(lambda: decided(db), what="two decisions in the results") == [
                "accept",
                "ignore",
            ]
            assert pid_alive(pid)
        # The browser is gone, and with it the tab: so are the process and its directory.
        poll(lambda: not pid_alive(pid), what="the session's process to end")
        poll(lambda: not directory.exists(), what="the session's directory to go")
        assert server.stop() == 0
    with Store.open(db, readonly=True) as store:
        (session,) = store.sessions()
    assert session.trainee == NAME and session.scenario == "the-post"
