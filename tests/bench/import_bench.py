"""Import speed: a large JSON Lines file and a large data export, checked then imported.

Plain script, not collected by pytest:  .venv/bin/python tests/bench/import_bench.py [N]
Prints the median of three runs for each phase (validation pass, full import into a fresh
database, and a re-import where everything is already present).
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from tui.domain.assessment import assess
from tui.importers import check, plan, run_import
from tui.store import Store


def make_jsonl(path: Path, count: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            record = {
                "name": f"Person {i}",
                "headline": "Engineer at Example",
                "company": "Example",
                "photo": "headshot",
                "about": "Builds things. " * 10,
                "experience": [{"title": "Engineer", "company": "Example", "start": "2020-01"}],
                "education": [{"school": "Some University", "degree": "BSc"}],
                "skills": ["Python", "SQL"],
                "connections": i % 900,
                "known": i % 7 == 0,
                "note": "Hi, I'd like to connect." if i % 3 else None,
                "sent_at": f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}T{i % 24:02d}:{i % 60:02d}:00",
            }
            out.write(json.dumps(record) + "\n")


def make_export(folder: Path, count: int) -> None:
    folder.mkdir()
    rows = ["From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl"]
    for i in range(count):
        direction = "OUTGOING" if i % 10 == 0 else "INCOMING"
        when = (
            f'"{1 + i % 12}/{1 + i % 28}/25, {1 + i % 12}:{i % 60:02d} {"AM" if i % 2 else "PM"}"'
        )
        message = '"Hello,\nlet\'s connect"' if i % 5 == 0 else ""
        url = f"https://www.linkedin.com/in/person-{i}?utm_source=share"
        rows.append(f"Person {i},Me,{when},{message},{direction},{url},{url}")
    (folder / "Invitations.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    connections = [
        "Notes:",
        '"Some notes."',
        "",
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
    ]
    for i in range(0, count, 3):
        connections.append(f"Person,{i},https://www.linkedin.com/in/person-{i}/,,X,Y,08 Feb 2026")
    (folder / "Connections.csv").write_text("\n".join(connections) + "\n", encoding="utf-8")


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def bench(label: str, path: Path, workdir: Path) -> None:
    checks, imports, repeats = [], [], []
    for run in range(3):
        source = plan(path)
        checks.append(timed(lambda source=source: check(source)))
        db = workdir / f"{label}-{run}.db"
        with Store.open(db, create=True) as store:
            imports.append(
                timed(lambda store=store, source=source: run_import(store, source, assess))
            )
            repeats.append(
                timed(lambda store=store, source=source: run_import(store, source, assess))
            )
    check_s, import_s, again_s = map(statistics.median, (checks, imports, repeats))
    print(
        f"{label}: check {check_s:.2f} s, import {import_s:.2f} s, "
        f"re-import {again_s:.2f} s (median of 3)"
    )


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        make_jsonl(workdir / "big.jsonl", count)
        make_export(workdir / "export", count)
        bench(f"JSON Lines, {count} lines", workdir / "big.jsonl", workdir)
        bench(f"export folder, {count} rows", workdir / "export", workdir)


if __name__ == "__main__":
    main()
