"""Import speed of the full export with messages.csv: asks and replies matched by URL.

Plain script, not collected by pytest:
    .venv/bin/python tests/bench/messages_import_bench.py [INVITATIONS] [CONVERSATIONS]

Builds a folder with Invitations.csv (INVITATIONS incoming) and messages.csv (CONVERSATIONS
two-person conversations of 4 messages; a third of them with inviters: your ask and their
two-message answer), then prints the median of three runs of: the check pass, the import
into a fresh database, and a re-import where everything is present.
"""

from __future__ import annotations

import csv
import statistics
import sys
import tempfile
import time
from pathlib import Path

from tui.domain.assessment import assess
from tui.importers import check, plan, run_import
from tui.store import Store

ME = "https://www.linkedin.com/in/me"


def build(folder: Path, invitations: int, conversations: int) -> None:
    with (folder / "Invitations.csv").open("w", newline="", encoding="utf-8") as out:
        rows = csv.writer(out)
        rows.writerow(
            [
                "From",
                "To",
                "Sent At",
                "Message",
                "Direction",
                "inviterProfileUrl",
                "inviteeProfileUrl",
            ]
        )
        for i in range(invitations):
            rows.writerow(
                [
                    f"Person {i}",
                    "Me",
                    f"{1 + i % 12}/{1 + i % 28}/25, 9:{i % 60:02d} AM",
                    "",
                    "INCOMING",
                    f"https://www.linkedin.com/in/p-{i}",
                    ME,
                ]
            )
    with (folder / "messages.csv").open("w", newline="", encoding="utf-8") as out:
        rows = csv.writer(out)
        rows.writerow(
            [
                "CONVERSATION ID",
                "CONVERSATION TITLE",
                "FROM",
                "SENDER PROFILE URL",
                "TO",
                "RECIPIENT PROFILE URLS",
                "DATE",
                "SUBJECT",
                "CONTENT",
                "FOLDER",
            ]
        )
        for c in range(conversations):
            other = f"https://www.linkedin.com/in/{'p' if c % 3 == 0 else 'x'}-{c % invitations}"
            talk = [
                (ME, other, "What made you want to connect?"),
                (other, ME, "Hi there, thanks for asking!"),
                (other, ME, "I'm expanding my network in data engineering."),
                (ME, other, "Lovely, accepted."),
            ]
            for n, (sender, to, text) in enumerate(talk):
                rows.writerow(
                    [
                        f"conv-{c}",
                        "",
                        "",
                        sender,
                        "",
                        to,
                        f"2026-01-{1 + c % 28:02d} 1{n}:00:00 UTC",
                        "",
                        text,
                        "INBOX",
                    ]
                )


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    invitations = int(sys.argv[1]) if len(sys.argv) > 1 else 5_000
    conversations = int(sys.argv[2]) if len(sys.argv) > 2 else 30_000
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        export = root / "export"
        export.mkdir()
        build(export, invitations, conversations)
        checks, imports, again = [], [], []
        for run in range(3):
            checks.append(timed(lambda: check(plan(export))))
            db = root / f"inbox-{run}.db"
            with Store.open(db, create=True) as store:
                imports.append(timed(lambda store=store: run_import(store, plan(export), assess)))
                outcome = run_import(store, plan(export), assess)
                again.append(timed(lambda store=store: run_import(store, plan(export), assess)))
        threads = outcome.threads
        print(
            f"{invitations:,} invitations, {conversations:,} conversations "
            f"({conversations * 4:,} messages); last re-import recorded "
            f"{threads.asks} asks, {threads.replies} replies"
        )
        for label, values in (("check", checks), ("import", imports), ("re-import", again)):
            print(
                f"{label:>10}: median {statistics.median(values):.2f} s  "
                f"(runs: {', '.join(f'{v:.2f}' for v in values)})"
            )


if __name__ == "__main__":
    main()
