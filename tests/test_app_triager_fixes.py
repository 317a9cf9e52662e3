"""What a triager tripped over in the inbox (issue 15), one Pilot test each.

Each test is written from the screen and the disk, as a user would check it, and failed on
the inbox as it was before the rebuild.
"""

from __future__ import annotations

import asyncio
import itertools
from datetime import timedelta

import pytest
from conftest import (
    FIXED_NOW,
    STANDARD,
    Inv,
    db_statuses,
    make_db,
    open_app,
    press,
    screen_strips,
    screen_text,
    settle,
)
from test_app_snapshots import SNAPSHOT_INBOX

from tui.domain.assessment import evaluate
from tui.domain.vocabulary import flag_title
from tui.store import Filter, Store

DIVIDER = "▔"


def list_and_detail(app) -> tuple[list[str], list[str]]:
    """The list's lines and the detail's lines of a stacked (narrow) screen."""
    lines = screen_text(app).splitlines()
    divider = next(i for i, line in enumerate(lines) if line.startswith(DIVIDER * 10))
    return lines[1:divider], lines[divider + 1 : -2]


def status_line(app) -> str:
    return screen_text(app).splitlines()[-2]


# 1 ---------------------------------------------------------------------------------------


async def test_after_an_empty_split_a_decision_acts_on_the_highlighted_visible_row(tmp_path):
    db = make_db(tmp_path, [Inv(f"Person {i:02}", i + 1) for i in range(30)])
    app = open_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, *["j"] * 16, "2", "1")  # "Asked" is empty
        rows, detail = list_and_detail(app)
        highlighted = [row for row in rows if row.startswith("▶")]
        assert len(highlighted) == 1, rows  # the cursor row is on screen
        name = highlighted[0][9:18]
        assert detail[0].strip().startswith(name)  # and it is what the detail shows
        position = int(status_line(app).split()[0])
        assert name == f"Person {position - 1:02}"  # and where the status says it is
        await press(pilot, "a")
        accepted = [who for who, status in db_statuses(db).items() if status == "accepted"]
        assert accepted == [name]


async def test_a_decision_key_with_the_highlighted_row_scrolled_away_decides_nothing(tmp_path):
    db = make_db(tmp_path, [Inv(f"Person {i:02}", i + 1) for i in range(60)])
    app = open_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.query_one("InboxList").scroll_to(y=40, animate=False)  # the wheel
        await settle(pilot)
        assert not any(row.startswith("▶") for row in list_and_detail(app)[0])
        await press(pilot, "a")
        assert "accepted" not in db_statuses(db).values()
        rows, _ = list_and_detail(app)
        assert rows[0].startswith("▶") and "Person 00" in rows[0]  # brought back into view
        await press(pilot, "a")
        assert db_statuses(db)["Person 00"] == "accepted"


# 2 ---------------------------------------------------------------------------------------


async def test_at_80x24_the_recommendation_flags_and_highlighted_phrase_need_no_scrolling(
    tmp_path,
):
    db = make_db(tmp_path, SNAPSHOT_INBOX, real_flags=True)
    with Store.open(db) as store:
        dana = next(i for i in store.iter_invitations(Filter()) if i.person.name.startswith("Dana"))
    flags, recommendation = evaluate(dana)
    pitch = next(flag for flag in flags if flag.code == "sales_pitch")
    start, end = pitch.spans[0]
    phrase = dana.note[start:end]
    app = open_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "j")
        _, detail = list_and_detail(app)
        shown = "\n".join(detail)
        assert "Dana Whitfield" in detail[0]
        assert recommendation.action.upper() in shown  # "IGNORE", on its badge
        for flag in flags:
            assert flag_title(flag.code) in shown, flag.code
        assert phrase in shown.replace("\n", " ")
        # ... and painted as evidence: the red-flag highlight, not plain text.
        row = next(strip for strip in screen_strips(app) if phrase in strip.text)
        x = row.text.index(phrase)
        cells = range(x, x + len(phrase))
        assert {cell_style(row, column).bgcolor.triplet.hex for column in cells} == {"#b71c1c"}


def cell_style(strip, x: int):
    """The style of the cell at column ``x`` of a strip."""
    column = 0
    for segment in strip:
        if column + len(segment.text) > x:
            return segment.style
        column += len(segment.text)
    raise AssertionError(f"no cell at {x}")


# 3 ---------------------------------------------------------------------------------------


async def test_help_explains_every_mark_of_the_list_and_shows_binding_ids(db):
    app = open_app(db)
    async with app.run_test(size=(100, 120)) as pilot:
        await settle(pilot)
        await press(pilot, "question_mark")
        lines = [line.strip(" █▌▐") for line in screen_text(app).splitlines()]
        for mark in ("▲", "△", "4▲", "•", "?", "↩", "✔", "✘", "↗", "*", "▶", "✚"):
            explained = [line for line in lines if line.startswith(mark + "  ")]
            assert explained and len(explained[0].split()) >= 2, mark
        text = "\n".join(lines)
        for binding_id in ("accept", "cursor_down", "flagged_only", "mark_all", "split_pending"):
            assert binding_id in text, binding_id


# 4 ---------------------------------------------------------------------------------------


def luminance(color) -> float:
    def channel(value: int) -> float:
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = color.triplet
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a, b) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def prominence(strip, text: str) -> float:
    """How far the cell showing ``text`` stands out from the row around it: the stronger of
    its glyph's and its background's contrast with the row's background."""
    segments = list(strip)
    row_background = segments[-1].style.bgcolor
    cell = next(segment for segment in segments if segment.text.strip() == text)
    return max(
        contrast(cell.style.color, row_background),
        contrast(cell.style.bgcolor or row_background, row_background),
    )


@pytest.mark.parametrize("no_color", [False, True], ids=["colour", "NO_COLOR"])
async def test_a_high_flag_stands_out_more_than_a_medium_one(tmp_path, monkeypatch, no_color):
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    people = [
        Inv("Top Row", 1),  # the cursor sits here, away from the rows compared
        Inv("High Pitch", 2, flags=("sales_pitch",)),
        Inv("Medium Photo", 3, flags=("no_photo",)),
    ]
    app = open_app(make_db(tmp_path, people))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        strips = screen_strips(app)
        high, medium = strips[2], strips[3]
        assert "High Pitch" in high.text and "Medium Photo" in medium.text
        assert prominence(high, "▲") > prominence(medium, "▲")


# 5 ---------------------------------------------------------------------------------------


async def test_a_bulk_confirmation_starts_on_no_and_names_the_first_senders(db):
    app = open_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "asterisk", "a")
        assert app.focused is not None and app.focused.id == "confirm-no"
        text = screen_text(app)
        assert "Accept 5 marked invitations?" in text
        assert "Ada Lovelace, Brook Stone, Cyrus Vale and 2 more" in text
        await press(pilot, "enter")  # a stray Enter
        assert set(db_statuses(db).values()) == {s.status for s in STANDARD}
        assert db_statuses(db)["Ada Lovelace"] == "pending"


# 6 ---------------------------------------------------------------------------------------


async def test_status_messages_replace_each_other_name_people_and_go_with_the_next_key(db):
    app = open_app(db)
    async with app.run_test(size=(250, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "a")
        assert "accepted Ada Lovelace" in status_line(app)
        await press(pilot, "z")
        status = status_line(app)
        assert "undone: Ada Lovelace" in status and "accepted Ada" not in status
        await press(pilot, "j")
        assert "undone" not in status_line(app)
        await press(pilot, "asterisk", "x", "y")
        status = status_line(app)
        assert "ignored 5 invitations · z undoes" in status and "marked" not in status
        await press(pilot, "e")
        assert "exported" in status_line(app) and "exports" in status_line(app)
        await asyncio.sleep(0.3)
        await settle(pilot)
        assert "exported" in status_line(app)  # it stays until the user moves on
        await press(pilot, "6")
        assert "exported" not in status_line(app)


# 7 ---------------------------------------------------------------------------------------


PEOPLE = [
    Inv("Ann Archer", 1, headline="Designer", company="Umbrella"),
    Inv("Bob Baker", 2, headline="Baker at Crumbs", company="Crumbs"),
    Inv("Cat Cooper", 3, note="I enjoyed your umbrella article", headline="Writer"),
    Inv("Dan Drake", 4, headline="Engineer", company="Acme"),
    Inv("Eve Umbra", 5, headline="Analyst", company="Initech"),
]


async def test_find_says_which_match_of_how_many_and_highlights_it(tmp_path):
    app = open_app(make_db(tmp_path, PEOPLE))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "j", "slash", *"umbr", "enter")
        assert "(match 2 of 3)" in status_line(app)  # Cat Cooper, by her note
        await press(pilot, "n")
        assert "(match 3 of 3)" in status_line(app)
        eve = next(strip for strip in screen_strips(app) if "Eve Umbra" in strip.text)
        found = [segment for segment in eve if segment.text == "Umbr"]
        rest = [segment for segment in eve if segment.text.startswith("Eve")]
        assert found and found[0].style.reverse and not rest[0].style.reverse
        await press(pilot, "k")  # off the matches: how many there are
        assert "(3 matches)" in status_line(app)


# 8 ---------------------------------------------------------------------------------------


async def test_at_60x18_the_composer_buttons_and_help_and_quit_stay_on_screen(db):
    app = open_app(db)
    async with app.run_test(size=(60, 18)) as pilot:
        await settle(pilot)
        keys = screen_text(app).splitlines()[-1]
        assert "? Help" in keys and "q Quit" in keys
        await press(pilot, "r")
        text = screen_text(app)
        assert "Record ask & copy (ctrl+s)" in text and "Cancel (esc)" in text
        for button in ("#composer-send", "#composer-cancel"):
            region = app.screen.query_one(button).region
            assert region.bottom <= 18 and region.right <= 60, button


# 9 ---------------------------------------------------------------------------------------


async def test_wrapped_bullets_hang_under_their_text_and_a_mark_stands_apart(db):
    app = open_app(db)
    async with app.run_test(size=(60, 40)) as pilot:
        await settle(pilot)
        _, detail = list_and_detail(app)
        wrapped = [
            (line, following)
            for line, following in itertools.pairwise(detail)
            if line.lstrip().startswith("• ")
            and following.strip()
            and not following.lstrip().startswith(("• ", "Recommended", "Note"))
        ]
        assert wrapped, detail  # a bullet long enough to wrap at 60 columns
        for line, following in wrapped:
            bullet = line.index("•")
            assert following[: bullet + 2].strip() == "" and following[bullet + 2] != " "
        await press(pilot, "space")
        rows, _ = list_and_detail(app)
        assert rows[0].startswith(" * •")  # marked, then its status, apart


# 10 --------------------------------------------------------------------------------------


async def test_ages_in_the_list_move_on_while_the_app_stays_open(tmp_path):
    clock = {"now": FIXED_NOW}
    app = open_app(make_db(tmp_path), now=lambda: clock["now"], age_tick=0.05)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        rows, _ = list_and_detail(app)
        assert rows[0].rstrip().endswith("5m")  # Ada, sent five minutes ago
        clock["now"] = FIXED_NOW + timedelta(hours=3)
        await asyncio.sleep(0.2)
        await settle(pilot)
        rows, _ = list_and_detail(app)
        assert rows[0].rstrip().endswith("3h")
