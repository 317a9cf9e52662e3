"""The ask loop on a hand-made export in the platform's format (tests/data/loop/):
import, ask via messages.csv, reply, the recommendation moves from wait to the reply's
reason, decide, export with profile_url, and importing again changes nothing."""

from __future__ import annotations

import csv
import io
import shutil
from datetime import datetime, timedelta

from _import_support import LOOP_FIRST, LOOP_SECOND, all_invitations, dump, run_import, write_zip
from click.testing import CliRunner

from tui.cli import main
from tui.domain.assessment import assess, evaluate
from tui.store import Store

FIRST, SECOND = LOOP_FIRST, LOOP_SECOND
PRIYA_URL = "https://www.linkedin.com/in/priya-natarajan-4b1a?utm_source=share"
ASKED_AT = "2026-11-24T09:12:40+00:00"


def complete_zip(tmp_path, folder=SECOND):
    files = {f"{p.name}": p.read_bytes() for p in folder.iterdir()}
    return write_zip(tmp_path / "Complete_LinkedInDataExport_12-06-2026.zip", files)


def export_csv(db, *args) -> list[dict]:
    result = CliRunner().invoke(main, ["--db", str(db), "export", "-o", "-", *args])
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout, newline="")))


def at(text: str, days: float = 0) -> str:
    return (datetime.fromisoformat(text) + timedelta(days=days)).isoformat()


def test_the_whole_loop(tmp_path):
    db = tmp_path / "inbox.db"
    first = run_import(db, FIRST)
    assert first.exit_code == 0, first.output
    assert "1 ask and 0 replies recorded" in first.stdout
    assert "you are https://www.linkedin.com/in/sam-rivera (from Invitations.csv)" in first.stdout

    people = all_invitations(db)
    priya = people["Priya Natarajan"]
    assert priya.status == "asked" and priya.asked_at == ASKED_AT
    assert [m.direction for m in priya.messages] == ["out"]
    assert priya.messages[0].body.startswith("Thanks for the invitation, Priya!")
    with Store.open(db, readonly=True) as store:
        (ask,) = store.decisions(priya.id)
    assert (ask.action, ask.session, ask.decided_at) == ("ask", "import", ASKED_AT)
    # waiting, then silence counts
    assert evaluate(priya, now=at(ASKED_AT, 1))[1].action == "wait"
    assert evaluate(priya, now=at(ASKED_AT, 8))[1].action == "ignore"

    # the later, complete export as the platform zips it: Priya has answered
    archive = complete_zip(tmp_path)
    second = run_import(db, archive)
    assert second.exit_code == 0, second.output
    assert "2 asks and 3 replies recorded" in second.stdout
    people = all_invitations(db)
    priya = people["Priya Natarajan"]
    assert priya.status == "replied"
    assert priya.reply == (
        "Hi Sam, thanks for asking!\n"
        "I'm expanding my network in product design and your posts keep coming up."
    )  # what came after "Lovely, accepted!" is a conversation, not the answer
    flags, recommendation = evaluate(priya, now=at(ASKED_AT, 1))
    assert recommendation.action == "accept"
    assert "reply_reason" in {f.code for f in flags}
    assert recommendation.reasons[0].startswith("Their reply states a reason")
    jose = people["José García"]
    assert jose.reply == "Hola Sam — I read your article on profile photos and loved it."
    assert people["Marco Bellini"].status == "asked"  # asked, no answer yet

    # decide as the app does, then export with the profile URL
    with Store.open(db) as store:
        store.record_decision(priya.id, "accept", session="app-test")
    rows = {row["name"]: row for row in export_csv(db)}
    assert rows["Priya Natarajan"]["profile_url"] == PRIYA_URL
    assert rows["Priya Natarajan"]["status"] == "accepted"
    assert rows["Priya Natarajan"]["decision"] == "accept"
    assert rows["Priya Natarajan"]["reply"].endswith("your posts keep coming up.")
    history = [r for r in export_csv(db, "--all-history") if r["name"] == "Priya Natarajan"]
    assert [(r["decision"], r["status"]) for r in history] == [
        ("ask", "asked"),
        ("accept", "accepted"),
    ]

    # importing the same export (zip, folder, or the file alone) again changes nothing
    before = dump(db)
    for again in (archive, SECOND, SECOND / "messages.csv"):
        result = run_import(db, again)
        assert result.exit_code == 0, result.output
        assert "0 asks and 0 replies recorded" in result.stdout
    assert dump(db) == before


def test_what_adds_nothing(tmp_path):
    db = tmp_path / "inbox.db"
    assert run_import(db, SECOND).exit_code == 0
    people = all_invitations(db)
    # Jane's chat is older than her invitation; Dana's message is a draft; the group chat
    # with Priya and Marco is not a conversation with either; the sponsored one has no sender
    assert people["Jane Doe"].status == "pending" and people["Jane Doe"].messages == ()
    assert people["Dana Whitfield"].status == "pending" and people["Dana Whitfield"].messages == ()
    welcome = "Welcome both to the profile clinic!"
    assert all(m.body != welcome for p in people.values() for m in p.messages)
    result = run_import(db, SECOND)
    assert "1 conversation with no open invitation, 1 group chat, 1 draft" in result.stdout
    assert "1 system, sponsored or spam message" in result.stdout
    # the export's other files that share messages.csv's header are never read from a folder,
    # and alone they add nothing
    before = dump(db)
    alone = run_import(db, SECOND / "guide_messages.csv")
    assert alone.exit_code == 0, alone.output
    assert "0 asks and 0 replies" in alone.stdout and dump(db) == before


def test_your_own_sent_invitation_is_not_judged(tmp_path):
    db = tmp_path / "inbox.db"
    assert run_import(db, FIRST).exit_code == 0
    theo = all_invitations(db)["Theo Brandt"]
    assert theo.status == "sent" and evaluate(theo) == ([], None)
    with Store.open(db, readonly=True) as store:
        stored = store.conn.execute(
            "SELECT flag_codes, recommended FROM invitations WHERE id = ?", (theo.id,)
        ).fetchone()
    assert tuple(stored) == ("", None)


def test_a_connection_is_known_with_company_and_position(tmp_path):
    db = tmp_path / "inbox.db"
    assert run_import(db, FIRST / "Invitations.csv").exit_code == 0
    jane = all_invitations(db)["Jane Doe"]
    assert jane.person.known is None and jane.person.company is None
    assert [f.code for f in evaluate(jane)[0] if f.kind == "red"] == []
    assert run_import(db, FIRST).exit_code == 0  # the whole export fills it in
    jane = all_invitations(db)["Jane Doe"]
    assert jane.person.known is True
    assert (jane.person.company, jane.person.position) == ("Acme, Inc.", "Head of Talent")


def test_an_undone_imported_ask_stays_withdrawn_on_reimport(tmp_path):
    db = tmp_path / "inbox.db"
    assert run_import(db, FIRST).exit_code == 0
    with Store.open(db) as store:
        assert [d.invitation_id for d in store.undo_last(session="import")]
    assert all_invitations(db)["Priya Natarajan"].messages == ()
    before = dump(db)
    assert run_import(db, FIRST).exit_code == 0
    assert dump(db) == before
    # nor does her later answer come back without its question
    assert run_import(db, SECOND).exit_code == 0
    priya = all_invitations(db)["Priya Natarajan"]
    assert priya.status == "pending" and priya.messages == ()


def test_an_ask_made_in_the_app_gets_its_reply_from_the_export(tmp_path):
    db = tmp_path / "inbox.db"
    assert run_import(db, FIRST / "Invitations.csv").exit_code == 0
    priya = all_invitations(db)["Priya Natarajan"]
    with Store.open(db) as store:
        store.record_decision(priya.id, "ask", session="app", message="Why connect?")
    assert run_import(db, SECOND).exit_code == 0
    priya = all_invitations(db)["Priya Natarajan"]
    assert priya.status == "replied"
    assert [m.direction for m in priya.messages] == ["out", "in", "in"]  # one question
    with Store.open(db, readonly=True) as store:
        assert [d.action for d in store.decisions(priya.id)] == ["ask"]


def test_who_you_are_without_invitations_csv(tmp_path):
    # Profile.csv names you; messages.csv alone is enough once an export was imported
    only = tmp_path / "only-messages"
    only.mkdir()
    for name in ("messages.csv", "Profile.csv"):
        shutil.copy(SECOND / name, only / name)
    db = tmp_path / "inbox.db"
    assert run_import(db, FIRST / "Invitations.csv").exit_code == 0
    result = run_import(db, only)
    assert result.exit_code == 0, result.output
    assert "you are https://www.linkedin.com/in/sam-rivera (from Profile.csv)" in result.stdout
    assert all_invitations(db)["Priya Natarajan"].status == "replied"
    later = run_import(db, SECOND / "messages.csv")
    assert "(from an earlier import)" in later.stdout


def test_messages_csv_alone_with_no_clue_who_you_are_is_refused(tmp_path):
    db = tmp_path / "inbox.db"
    lone = tmp_path / "messages.csv"
    lone.write_text(
        "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,"
        "DATE,SUBJECT,CONTENT,FOLDER\n"
        "c1,,A,https://x.test/in/a,B,https://x.test/in/b,2026-11-24 09:12:40 UTC,,Hi,INBOX\n",
        encoding="utf-8",
    )
    result = run_import(db, lone)
    assert result.exit_code == 1
    assert result.stderr.strip().endswith(
        "messages.csv: cannot tell which participant is you; import the whole export once "
        "(zip or folder with Invitations.csv)"
    )


def test_the_assessment_of_a_reply_is_stored(tmp_path):
    db = tmp_path / "inbox.db"
    assert run_import(db, SECOND).exit_code == 0
    priya = all_invitations(db)["Priya Natarajan"]
    with Store.open(db, readonly=True) as store:
        codes, recommended = store.conn.execute(
            "SELECT flag_codes, recommended FROM invitations WHERE id = ?", (priya.id,)
        ).fetchone()
    assert recommended == assess(priya).recommended == "accept"
    assert codes == "generic_note"  # the reply's reason is a signal, not a flag
