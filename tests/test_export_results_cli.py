"""``export --results``: a per-trainee results CSV with the decisions export's safety rules."""

from __future__ import annotations

import csv
import io

from click.testing import CliRunner

from tui.cli import main


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_results_export_per_trainee(tmp_path):
    db = str(tmp_path / "results.db")
    for trainee in ("=HYPERLINK(1)", "Bo"):
        saved = run(
            "--db", db, "simulate", "--scenario", "the-post", "--save", "--trainee", trainee
        )
        assert saved.exit_code == 0, saved.output
    everyone = run("--db", db, "export", "--results", "--out", "-")
    assert everyone.exit_code == 0, everyone.output
    rows = list(csv.DictReader(io.StringIO(everyone.output)))
    assert {r["trainee"] for r in rows} == {"'=HYPERLINK(1)", "Bo"}
    assert len(rows) == 8  # the post's four invitations, for each trainee
    only_bo = run("--db", db, "export", "--results", "--trainee", "Bo", "--out", "-")
    assert {r["trainee"] for r in csv.DictReader(io.StringIO(only_bo.output))} == {"Bo"}


def test_results_options_do_not_mix_with_decision_filters(tmp_path):
    db = str(tmp_path / "results.db")
    run("--db", db, "simulate", "--scenario", "the-post", "--save", "--trainee", "Al")
    mixed = CliRunner().invoke(main, ["--db", db, "export", "--results", "--status", "pending"])
    assert mixed.exit_code == 2
    assert "decisions only" in mixed.output
    alone = CliRunner().invoke(main, ["--db", db, "export", "--trainee", "Al"])
    assert alone.exit_code == 2
