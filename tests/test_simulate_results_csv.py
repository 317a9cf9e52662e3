"""The per-trainee results CSV: one row per invitation and session, spreadsheet-safe."""

from __future__ import annotations

import csv
import io

from tui.simulate.results import RESULTS_HEADER, export_results
from tui.store import Store
from tui.store.training import ResultRow


def row(slot, name, points, outcome="ignore", intent="fake"):
    return ResultRow(
        slot,
        name,
        intent,
        2,
        outcome,
        "ask",
        False,
        points,
        10,
        None,
        ("no_photo", "sparse_profile"),
    )


def test_rows_per_trainee_with_formulas_neutralised(tmp_path):
    with Store.open(tmp_path / "r.db", create=True) as store:
        store.start_session("s1", trainee="Robin", scenario="the-post")
        store.save_results("s1", [row("a", '=HYPERLINK("http://x")', 10), row("b", "Bo", -10)])
        store.finish_session("s1", score=0, max_score=20)
        store.start_session("s2", trainee="Sam", scenario="first-day")
        store.save_results("s2", [row("c", "Cy", 10)])

        out = io.StringIO()
        assert export_results(store, out, trainee="Robin") == 2
        lines = list(csv.reader(io.StringIO(out.getvalue())))
        assert tuple(lines[0]) == RESULTS_HEADER
        first = dict(zip(RESULTS_HEADER, lines[1], strict=True))
        assert first["trainee"] == "Robin" and first["session"] == "s1"
        assert first["name"] == '\'=HYPERLINK("http://x")'
        assert first["flags"] == "no_photo;sparse_profile" and first["matched_policy"] == "no"
        # Negative points are text to a spreadsheet ('-10); points_lost always sums.
        assert lines[2][RESULTS_HEADER.index("points")] == "'-10"
        assert lines[2][RESULTS_HEADER.index("points_lost")] == "20"

        target = tmp_path / "results.csv"
        assert export_results(store, target) == 3
        assert "Sam" in target.read_text(encoding="utf-8")


def test_saving_a_slot_again_replaces_it(tmp_path):
    with Store.open(tmp_path / "r.db", create=True) as store:
        store.start_session("s1", trainee="Robin", scenario="the-post")
        store.save_results("s1", [row("a", "A", 0, "undecided")])
        store.save_results("s1", [row("a", "A", 10)])
        (only,) = store.results("s1")
        assert (only.outcome, only.points) == ("ignore", 10)


def test_a_spreadsheet_gets_verdicts_attempts_and_nothing_undecided(tmp_path):
    import json

    from click.testing import CliRunner

    from tui.cli import main
    from tui.simulate.clock import DrivenClock
    from tui.simulate.training import TrainingSession

    db = tmp_path / "results.db"
    with Store.open(db, create=True) as results:
        for attempt in (1, 2):
            clock = DrivenClock()
            inbox = Store.in_memory(clock=clock.iso)
            session = TrainingSession.start(
                inbox, trainee="Robin", scenario="the-post", results=results, clock=clock
            )
            session.decide(session.built.ids["jason"], "accept")  # a clear cue missed
            if attempt == 2:
                session.decide(session.built.ids["dale"], "ignore")
            session.finish()
    out = io.StringIO()
    assert export_results(Store.open(db), out) == 8
    rows = [
        dict(zip(RESULTS_HEADER, line, strict=True))
        for line in csv.reader(io.StringIO(out.getvalue()))
    ][1:]
    jason = [r for r in rows if r["slot"] == "jason"]
    assert [(r["attempt"], r["latest"]) for r in jason] == [("1", "no"), ("2", "yes")]
    assert {(r["verdict"], r["cue"], r["policy_points"]) for r in jason} == {
        ("cue-missed", "generic_note", "10")
    }
    untouched = [r for r in rows if r["outcome"] == "undecided"]
    assert len(untouched) == 5
    for r in untouched:  # counted, not unmasked
        assert (r["intent"], r["difficulty"], r["flags"], r["recommended"]) == ("", "", "", "")
        assert (r["points"], r["max_points"], r["verdict"]) == ("0", "10", "")
    # The report's JSON says the same, class by class.
    report = json.loads(CliRunner().invoke(main, ["--db", str(db), "report", "--json"]).output)
    (the_post,) = report["classes"]
    (robin,) = the_post["trainees"]
    assert (robin["sessions"], robin["score"], robin["untouched"]) == (2, 0, 2)
    assert the_post["cues_missed"] == [
        {"cue": "generic_note", "invitations": 1, "trainees": ["Robin"]}
    ]
