"""``invite-triage simulate`` and ``report``: shapes, the policy-beats-baselines check, errors."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tui.cli import main


def run(*args, db=None):
    prefix = ["--db", str(db)] if db else []
    return CliRunner().invoke(main, [*prefix, *args], catch_exceptions=False)


def simulate_json(*args, db=None):
    result = run("simulate", "--json", *args, db=db)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_json_shape(tmp_path):
    got = simulate_json(db=tmp_path / "inbox.db")
    assert {"strategy", "scenario", "score", "max_score", "by_intent", "confusion"} <= set(got)
    assert got["strategy"] == "default" and got["scenario"] == "mixed-inbox"
    assert set(got["by_intent"]) == {"known", "networker", "recruiter", "salesperson", "fake"}
    assert sum(v["count"] for v in got["by_intent"].values()) == got["invitations"] == 30
    assert sum(v["score"] for v in got["by_intent"].values()) == got["score"]
    # A headless run never creates or touches the user's database.
    assert not (tmp_path / "inbox.db").exists()


def test_default_policy_beats_both_baselines_clearly_but_is_not_perfect():
    scores = {
        name: simulate_json("--strategy", name)["score"]
        for name in ("default", "strict", "accept-all", "ignore-all")
    }
    max_score = simulate_json("--strategy", "accept-all")["max_score"]
    margin = max_score // 10
    assert scores["default"] >= scores["ignore-all"] + margin
    assert scores["default"] >= scores["accept-all"] + margin
    assert scores["default"] < max_score
    assert scores["accept-all"] < scores["ignore-all"] < scores["strict"] < scores["default"]


def test_the_same_seed_gives_the_same_run():
    first = simulate_json("--scenario", "generated", "--count", "30", "--seed", "4")
    again = simulate_json("--scenario", "generated", "--count", "30", "--seed", "4")
    other = simulate_json("--scenario", "generated", "--count", "30", "--seed", "5")
    assert first == again
    assert first != other


def test_accept_all_is_punished_for_fakes_and_pitches():
    got = simulate_json("--strategy", "accept-all")
    assert got["by_intent"]["fake"]["mistakes"]["harmful"] == 5
    assert got["confusion"]["accept"]["fake"] == 5
    assert got["mistakes"][0]["mistake"] == "harmful"


def test_compare_prints_every_strategy():
    got = simulate_json("--compare", "--scenario", "the-post")
    assert [r["strategy"] for r in got["runs"]] == ["default", "strict", "accept-all", "ignore-all"]
    text = run("simulate", "--compare", "--scenario", "the-post").output
    assert "decision \\ intent" in text and "accept-all" in text


def test_text_output_names_the_costliest_mistake_first():
    out = run("simulate").output
    assert "Score     " in out
    mistakes = out.split("Mistakes (costliest first):")[1].strip().splitlines()
    # each line starts "−5 of 10": what it lost is the second number less the first
    lost = [int(m.split()[2]) - int(m.split()[0].replace("−", "-")) for m in mistakes]
    assert len(lost) >= 2 and lost[0] > lost[-1]
    assert lost == sorted(lost, reverse=True)
    assert ", accept)" in mistakes[0]  # letting a fake or a seller in costs the most


def test_a_policy_file_can_be_the_strategy(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text('[actions]\nstranger_without_reason = "ignore"\n', encoding="utf-8")
    mine = simulate_json("--strategy", str(path))
    assert mine["strategy"] == "mine.toml"
    assert mine["score"] == simulate_json("--strategy", "strict")["score"]


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--strategy", "yolo"], "unknown strategy 'yolo'"),
        (["--scenario", "nope"], "unknown scenario 'nope'"),
        (["--strategy", "missing.toml"], "no policy file"),
        (["--scenario", "generated", "--count", "0"], "--count"),
    ],
)
def test_bad_arguments_are_one_clean_line(args, needle):
    result = CliRunner().invoke(main, ["simulate", *args])
    assert result.exit_code == 2
    assert needle in result.output
    assert "Traceback" not in result.output


def test_save_then_report(tmp_path):
    db = tmp_path / "results.db"
    result = run("simulate", "--compare", "--scenario", "the-post", "--save", db=db)
    assert result.exit_code == 0
    report = run("report", db=db)
    assert report.exit_code == 0
    assert "simulate:default" in report.output and "simulate:ignore-all" in report.output
    assert "37 / 40" in report.output  # default asks all four: only Mia's silence costs

    data = json.loads(run("report", "--trainee", "simulate:default", "--json", db=db).output)
    (session,) = data["sessions"]
    assert session["score"] == 37 and session["scenario"] == "the-post"
    assert {r["slot"] for r in session["results"]} == {"priya", "jason", "dale", "mia"}

    detail = run("report", "--session", session["session"], db=db).output
    assert "Mia Okafor" in detail and "turned away a recruiter" in detail


def test_report_sets_the_class_side_by_side(tmp_path):
    db = tmp_path / "results.db"
    run("simulate", "--compare", "--scenario", "the-post", "--save", db=db)
    run("simulate", "--scenario", "first-day", "--save", db=db)
    out = run("report", "--scenario", "the-post", db=db).output
    lines = out.splitlines()
    assert lines[0] == "Class  the-post: 4 trainees, latest session each"
    table = lines[2:6]
    # Best first; the default policy loses only Mia, who never answers: misled, not missed.
    assert [line.split()[0] for line in table] == [
        "simulate:default",
        "simulate:ignore-all",
        "simulate:strict",
        "simulate:accept-all",
    ]
    assert table[0].split()[1:4] == ["1", "37/40", "92.5%"]
    accept_all = table[3].split()
    assert accept_all[5:] == ["4/4", "2", "0", "0", "2", "0"]  # harmful 2, cue missed 2
    assert "Cues most often missed: a stock or missing note 4" in out
    assert "first-day" not in out
    assert "Class  first-day" in run("report", db=db).output


def test_report_on_a_missing_database_is_one_line(tmp_path):
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "none.db"), "report"])
    assert result.exit_code == 1
    assert "no database at" in result.output


def test_report_with_nothing_recorded(tmp_path):
    db = tmp_path / "inbox.db"
    run("seed", "--count", "3", db=db)
    assert "No training results" in run("report", db=db).output
    assert run("report", "--session", "x", db=db).exit_code == 2


def test_report_shows_hostile_codes_from_a_results_file_inert(tmp_path):
    from tui.store import Store
    from tui.store.training import ResultRow

    db = tmp_path / "results.db"
    with Store.open(db, create=True) as store:
        store.start_session("s1", trainee="Robin", scenario="the-post")
        bad = "\x1b[31m[bold]x"
        row = ResultRow(
            "a",
            "A",
            "fake",
            1,
            "accept",
            "ask",
            False,
            -10,
            10,
            "harmful",
            (),
            verdict="cue-missed",
            cue=bad,
            caught_by=(bad,),
        )
        store.save_results("s1", [row])
    for args in (["report"], ["report", "--session", "s1"]):
        out = run(*args, db=db).output
        assert "\x1b" not in out and "\\x1b[31m" in out
