"""Import the platform's own export, decide, export to CSV, and read every text back intact."""

from __future__ import annotations

import csv
from pathlib import Path

from click.testing import CliRunner

from tui.cli import main
from tui.store import Filter, Store

INVITATIONS = Path(__file__).parent / "data" / "import" / "export" / "Invitations.csv"


def source_rows():
    with INVITATIONS.open(encoding="utf-8-sig", newline="") as handle:
        return [row for row in csv.DictReader(handle) if row["Direction"] == "INCOMING"]


def test_import_decide_export_read_back(tmp_path):
    db = tmp_path / "inbox.db"
    runner = CliRunner()
    imported = runner.invoke(main, ["--db", str(db), "import", str(INVITATIONS)])
    assert imported.exit_code == 0, imported.output
    with Store.open(db) as store:
        ids = [row.id for row in store.page(Filter(status="pending"), limit=100)]
        store.record_decision(ids[0], "accept", session="round-trip")
        store.record_decision(ids[1], "ask", session="round-trip")
    out = tmp_path / "decisions.csv"
    exported = runner.invoke(main, ["--db", str(db), "export", "--out", str(out), "--bom"])
    assert exported.exit_code == 0, exported.output

    with out.open(encoding="utf-8-sig", newline="") as handle:
        back = list(csv.DictReader(handle))
    expected = {(r["From"], r["Message"]) for r in source_rows()}
    assert len(back) == len(expected)

    def restored(cell: str) -> str:
        # The one change the export makes: a formula-like cell carries a leading quote.
        return cell[1:] if cell[:1] == "'" and cell[1:2] and cell[1:2] in "=+-@\t\r\n" else cell

    assert {(restored(r["name"]), restored(r["note"])) for r in back} == expected
    assert any(r["note"].startswith("'=HYPERLINK(") for r in back)
    decided = {r["decision"] for r in back if r["session"] == "round-trip"}
    assert decided == {"accept", "ask"}
