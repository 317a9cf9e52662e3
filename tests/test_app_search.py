"""Find (jump to matches), limit (show only matches), and Esc clearing them."""

from __future__ import annotations

from conftest import Inv, make_db, open_app, press, screen_text, settle
from textual.widgets import Input

from tui.ui.inbox.inbox_list import InboxList
from tui.ui.inbox.search_bar import SearchBar

PEOPLE = [
    Inv("Ann Archer", 1, headline="Designer", company="Umbrella"),
    Inv("Bob Baker", 2, headline="Baker at Crumbs", company="Crumbs"),
    Inv("Cat Cooper", 3, note="I enjoyed your umbrella article", headline="Writer"),
    Inv("Dan Drake", 4, headline="Engineer", company="Acme"),
    Inv("Eve Umbra", 5, headline="Analyst", company="Initech"),
]


def current(app) -> str | None:
    row = app.screen.query_one(InboxList).row
    return row.name if row else None


def names(app) -> list[str]:
    return [row.name for row in app.screen.query_one(InboxList).loaded_rows()]


async def type_text(pilot, text: str) -> None:
    for char in text:
        await pilot.press(char if char != " " else "space")


async def test_find_jumps_to_matches_by_name_company_headline_and_note(tmp_path):
    app = open_app(make_db(tmp_path, PEOPLE))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "j", "slash")
        assert app.screen.query(SearchBar)  # the prompt is open
        await type_text(pilot, "umbr")
        await press(pilot, "enter")
        assert current(app) == "Cat Cooper"  # note text, searching down from Bob
        assert len(names(app)) == 5  # find never hides rows
        assert "find: umbr" in screen_text(app)
        await press(pilot, "n")
        assert current(app) == "Eve Umbra"  # name
        await press(pilot, "n")
        assert current(app) == "Ann Archer"  # company; wrapped around
        assert "wrapped" in screen_text(app)
        await press(pilot, "N")
        assert current(app) == "Eve Umbra"  # backwards, wrapping the other way
        await press(pilot, "escape")
        assert "find:" not in screen_text(app)


async def test_find_reports_no_match(tmp_path):
    app = open_app(make_db(tmp_path, PEOPLE))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "slash")
        await type_text(pilot, "zebra")
        await press(pilot, "enter")
        assert "no match for 'zebra'" in screen_text(app)
        assert current(app) == "Ann Archer"


async def test_limit_shows_only_matches_and_escape_restores(tmp_path):
    app = open_app(make_db(tmp_path, PEOPLE))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "backslash")
        await type_text(pilot, "umbr")
        await press(pilot, "enter")
        assert names(app) == ["Ann Archer", "Cat Cooper", "Eve Umbra"]
        assert "limit: umbr" in screen_text(app) and "1 of 3" in screen_text(app)
        await press(pilot, "j", "escape")
        assert len(names(app)) == 5
        assert current(app) == "Cat Cooper"  # the selection stays put
        assert "limit:" not in screen_text(app)


async def test_limit_combines_with_flagged_only_and_splits(tmp_path):
    people = [
        Inv("Flagged Umbra", 1, flags=("generic_note",)),
        Inv("Plain Umbra", 2),
        Inv("Asked Umbra", 3, status="asked", flags=("generic_note",)),
    ]
    app = open_app(make_db(tmp_path, people))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "backslash")
        await type_text(pilot, "umbra")
        await press(pilot, "enter", "f")
        assert names(app) == ["Flagged Umbra"]
        await press(pilot, "6")
        assert names(app) == ["Flagged Umbra", "Asked Umbra"]


async def test_escape_in_the_prompt_cancels_without_changes(tmp_path):
    app = open_app(make_db(tmp_path, PEOPLE))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "backslash")
        await type_text(pilot, "bob")
        await press(pilot, "escape")
        assert not app.screen.query(SearchBar)  # and gone
        assert len(names(app)) == 5
        assert app.focused is app.screen.query_one(InboxList)
        await press(pilot, "j")  # keys reach the list again
        assert current(app) == "Bob Baker"


async def test_decision_and_move_letters_typed_in_the_prompt_are_text(tmp_path):
    app = open_app(make_db(tmp_path, PEOPLE))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "slash")
        await type_text(pilot, "jkgGaxrzu ")
        await settle(pilot)
        assert app.screen.query_one(SearchBar).query_one(Input).value == "jkgGaxrzu "
        assert current(app) == "Ann Archer" and len(names(app)) == 5  # nothing decided


async def test_search_text_is_literal_not_a_pattern(tmp_path):
    people = [Inv("100% real_deal", 1), Inv("1000 realXdeal", 2)]
    app = open_app(make_db(tmp_path, people))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "backslash")
        await type_text(pilot, "0% real_")
        await press(pilot, "enter")
        assert names(app) == ["100% real_deal"]


async def test_escape_clears_marks_and_flagged_only_in_turn(tmp_path):
    app = open_app(make_db(tmp_path, PEOPLE))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "space")
        assert "1 marked" in screen_text(app)
        await press(pilot, "escape")
        assert "marked" not in screen_text(app)
