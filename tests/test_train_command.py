"""``invite-triage train``: argument errors as one line, the exercise kept apart from the
real inbox, results where ``report`` finds them.

The full runs replace ``TrainingApp.run`` with a headless run whose auto-pilot presses the
keys, so the command is exercised end to end without a terminal.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from conftest import Inv, make_db, settle

from tui.cli import main
from tui.commands.training_session import exercise_path, slug
from tui.store import Filter, Store
from tui.ui.training.app import TrainingApp


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def keys(monkeypatch):
    """Replace the terminal with a headless run that presses ``keys`` (a list to fill)."""
    pressed: list[str] = []
    original = TrainingApp.run

    def headless_run(self, **kwargs):
        async def auto_pilot(pilot):
            await settle(pilot)
            for key in pressed:
                await pilot.press(key)
                await settle(pilot)

        return original(self, headless=True, size=(100, 30), auto_pilot=auto_pilot)

    monkeypatch.setattr(TrainingApp, "run", headless_run)
    monkeypatch.setattr("tui.commands.train.has_terminal", lambda: True)
    return pressed


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--scenario", "no-such-thing"], "unknown scenario 'no-such-thing'"),
        (["--scenario", "missing.toml"], "no scenario file at missing.toml"),
        (["--trainee", "   "], "a trainee needs a name"),
        (["--trainee", "x" * 201], "at most 200 characters"),
        (["--rate", "3"], "--rate only applies with --live"),
        (["--speed", "0"], "--speed"),
        (["--live", "--rate", "-1"], "--rate"),
    ],
)
def test_bad_arguments_are_one_line_and_exit_2(tmp_path, args, message):
    db = tmp_path / "inbox.db"
    result = run("--db", str(db), "train", *args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output
    assert not db.exists() and not (tmp_path / "training").exists()


def test_a_session_is_scored_saved_and_reported_without_touching_the_inbox(tmp_path, keys):
    db = make_db(tmp_path, [Inv("Real Person", 5)])
    keys += ["x", "enter"] * 4 + ["q", "q"]  # ignore all four, finish, quit from the report
    result = run("--db", str(db), "train", "--scenario", "the-post", "--trainee", "Robin")
    assert result.exit_code == 0, result.output
    assert "for Robin: 30 / 40 (75%), decided 4 of 4" in result.output
    assert f"invite-triage --db {db} report --trainee Robin" in result.output

    with Store.open(db) as store:  # the real inbox: still one invitation, undecided
        assert [i.person.name for i in store.iter_invitations(Filter(status=None))] == [
            "Real Person"
        ]
        assert store.decisions() == []
        (session,) = store.sessions("Robin")
        assert session.scenario == "the-post" and session.finished_at
    exercise = exercise_path(db, "Robin", "the-post")
    assert exercise == tmp_path / "training" / "Robin-the-post.db"
    with Store.open(exercise) as store:
        assert store.counts()["ignored"] == 4

    report = run("--db", str(db), "report", "--trainee", "Robin")
    assert "Robin  (1 session(s))" in report.output and "30 / 40" in report.output


def test_each_session_starts_on_a_fresh_exercise(tmp_path, keys):
    db = tmp_path / "inbox.db"
    keys += ["x", "enter", "ctrl+q"]
    for _ in range(2):
        result = run("--db", str(db), "train", "--scenario", "the-post", "--trainee", "Robin")
        assert result.exit_code == 0, result.output
        assert "decided 1 of 4" in result.output  # not 2: the old decisions are gone
    with Store.open(db) as store:
        assert len(store.sessions("Robin")) == 2
        assert all(s.finished_at is None for s in store.sessions("Robin"))  # quit, not finished


def test_hostile_trainee_names_make_safe_file_names_and_escaped_output(tmp_path, keys):
    hostile = "../Eve\x1b[31m[bold]=1+1"
    db = tmp_path / "inbox.db"
    keys += ["ctrl+q"]
    result = run("--db", str(db), "train", "--scenario", "the-post", "--trainee", hostile)
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output
    assert "Eve\\x1b[31m[bold]=1+1" in result.output
    made = list((tmp_path / "training").glob("*.db"))
    assert [p.name for p in made] == [f"{slug(hostile)}-the-post.db"]


def test_without_a_terminal_it_says_so_instead_of_starting(tmp_path):
    db = tmp_path / "inbox.db"
    result = run("--db", str(db), "train", "--scenario", "the-post")
    assert result.exit_code == 1
    assert "train needs an interactive terminal" in result.output
    assert not db.exists()


def test_slug_never_leaves_the_folder_or_comes_out_empty():
    assert slug("../../etc/passwd") == "etc-passwd"
    assert slug("...") == "x"
    assert slug("Ann Lee") == "Ann-Lee"
    assert len(slug("a" * 500)) == 40
