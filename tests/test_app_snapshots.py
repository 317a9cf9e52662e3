"""Snapshots of the whole app at 80x24 and 160x48: inbox, a flagged invitation, help, composer.

The data is fixed and the clock pinned (``conftest.FIXED_NOW``), so the "when" column and
every flag are the same on every run. Regenerate with
``pytest tests/test_app_snapshots.py --snapshot-update`` and look at the SVGs in
``tests/__snapshots__/test_app_snapshots/`` (or the HTML report) before committing them.
"""

from __future__ import annotations

import pytest
from conftest import Inv, ago, make_db, open_app, press, settle
from textual.widgets import TextArea

from tui.domain.models import Education, Experience
from tui.store import Store

FULL_PROFILE = {
    "about": "I build onboarding flows for B2B products and write about it.",
    "experience": (Experience("Product Designer", "Northwind", "2021-03", None),),
    "education": (Education("University of Leeds", "BSc Psychology"),),
    "skills": ("UX research", "Onboarding"),
    "recommendations": 4,
    "connections": 812,
    "mutual_connections": 12,
    "known": False,
    "profile_created": "2016-05-02",
    "location": "Leeds, UK",
    "position": "Product Designer",
}
THIN_PROFILE = {
    "about": "",
    "experience": (Experience("Founder", "LeadRocket", "2025-09", None),),
    "education": (),
    "skills": (),
    "recommendations": 0,
    "connections": 31,
    "mutual_connections": 0,
    "known": False,
    "profile_created": "2025-12-20",
}
SNAPSHOT_INBOX = [
    Inv(
        "Priya Raman",
        20,
        note="Hi! I read your article on onboarding checklists and would love to connect.",
        headline="Product Designer at Northwind",
        company="Northwind",
        person=FULL_PROFILE,
    ),
    Inv(
        "Dana Whitfield",
        45,
        note="Quick one: our agency can triple your leads. Book a free audit today!",
        headline="Growth partner | Leads on autopilot",
        company="LeadRocket",
        photo="selfie",
        person=THIN_PROFILE,
    ),
    Inv(
        "Marco Bellini",
        60 * 3,
        note="I'd like to add you to my professional network.",
        headline="Sales",
        company=None,
        photo="none",
        person={**THIN_PROFILE, "experience": ()},
    ),
    Inv("[bold red]x[/] \x1b[31mHostile", 60 * 26, headline="[link=http://x]click[/link]"),
    Inv(
        "Lena Fischer",
        60 * 24 * 2,
        note="Your talk at the design meetup was great; Sam suggested I say hello.",
        headline="Design Lead at Contoso",
        company="Contoso",
        person=FULL_PROFILE,
    ),
    Inv("Tom Okafor", 60 * 24 * 6, headline="Recruiter", status="asked"),
    Inv("Ana Souza", 60 * 24 * 30, headline="Engineer", status="accepted"),
]


@pytest.fixture
def snap_db(tmp_path):
    return make_db(tmp_path, SNAPSHOT_INBOX, real_flags=True)


def steps(*keys: str):
    """A ``run_before`` that settles the app, then presses ``keys`` one by one."""

    async def run(pilot) -> None:
        await settle(pilot)
        await press(pilot, "home", *keys)

    return run


SIZES = pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])


@SIZES
def test_inbox(snap_compare, snap_db, size):
    assert snap_compare(open_app(snap_db), terminal_size=size, run_before=steps())


@SIZES
def test_flagged_invitation_with_highlights(snap_compare, snap_db, size):
    # Dana: a selfie, a thin profile and a sales pitch (the pitch painted in the note): the
    # recommendation, every flag and the painted words show without scrolling, even at 80x24.
    assert snap_compare(open_app(snap_db), terminal_size=size, run_before=steps("j"))


@SIZES
def test_help_screen(snap_compare, snap_db, size):
    assert snap_compare(open_app(snap_db), terminal_size=size, run_before=steps("question_mark"))


@SIZES
def test_composer(snap_compare, snap_db, size):
    assert snap_compare(open_app(snap_db), terminal_size=size, run_before=steps("j", "j", "r"))


def test_marked_rows(snap_compare, snap_db):
    keys = ("space", "j", "space")  # Priya and Marco marked, the cursor on the hostile row
    assert snap_compare(open_app(snap_db), terminal_size=(80, 24), run_before=steps(*keys))


def test_no_color(snap_compare, snap_db, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(open_app(snap_db), terminal_size=(80, 24), run_before=steps("space"))


# The ask loop and the platform: an ask two days old with no reply yet, a profile address
# with markup and an escape in it, and an invitation the user sent.
LOOP_INBOX = [
    Inv(
        "Noor Haddad",
        60 * 24 * 3,
        note="I'd like to add you to my professional network.",
        headline="Talent Partner at Globex",
        company="Globex",
        person={"profile_url": "https://www.linkedin.com/in/noor-[bold]h[/]\x1b[31m"},
    ),
    Inv(
        "Theo Brandt",
        60 * 24 * 30,
        note="Hi Theo, we met at the QA meetup last week. Buy my leads!",
        headline="QA Lead at Initech",
        company="Initech",
        status="sent",
        direction="outgoing",
        photo="none",
        person={"profile_url": "https://www.linkedin.com/in/theo-brandt"},
    ),
]
QUESTION = "Hi Noor, thanks for the invitation! What prompted you to reach out?"


@pytest.fixture
def loop_db(tmp_path):
    path = make_db(tmp_path, LOOP_INBOX, real_flags=True)
    with Store.open(path) as store:
        noor = next(i for i in store.iter_invitations() if i.person.name == "Noor Haddad")
        store.record_ask(noor.id, QUESTION, at=ago(60 * 24 * 2), session="s", external_key="q1")
    return path


SMALL_SIZES = pytest.mark.parametrize("size", [(80, 24), (60, 18)], ids=["80x24", "60x18"])


@SMALL_SIZES
def test_waiting_for_a_reply(snap_compare, loop_db, size):
    # The Asked split: WAIT since the ask, until the policy's reply_wait_days; the profile
    # address shown escaped, with the keys that open and copy it.
    assert snap_compare(open_app(loop_db), terminal_size=size, run_before=steps("2"))


@SMALL_SIZES
def test_reply_box(snap_compare, loop_db, size):
    async def run(pilot) -> None:
        await steps("2", "R")(pilot)
        editor = pilot.app.screen.query_one(TextArea)
        editor.cursor_blink = False  # a blink under load would paint the cursor off
        editor.load_text("We met at [b]PyCon[/b] \x1b[31mlast year.")
        await settle(pilot)

    assert snap_compare(open_app(loop_db), terminal_size=size, run_before=run)


def test_sent_split_is_not_judged(snap_compare, loop_db):
    assert snap_compare(open_app(loop_db), terminal_size=(80, 24), run_before=steps("7"))
