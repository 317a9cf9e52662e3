"""The virtual list on an inbox bigger than its window: paging, jumps, far scrolls."""

from __future__ import annotations

import pytest
from conftest import Inv, make_db, open_app, press, screen_text, settle

from tui.ui.inbox.inbox_list import InboxList
from tui.ui.inbox.row_window import PAGE, WINDOW_CAP

COUNT = 1500  # more than the window holds, several pages


@pytest.fixture
def big_db(tmp_path):
    return make_db(tmp_path, [Inv(f"Person {i:04}", i) for i in range(COUNT)])


def expected(index: int) -> str:
    return f"Person {index:04}"  # newest first: row i was sent i minutes ago


def current(app) -> str | None:
    row = app.screen.query_one(InboxList).row
    return row.name if row else None


async def test_only_a_window_of_rows_is_loaded(big_db):
    app = open_app(big_db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        inbox = app.screen.query_one(InboxList)
        assert inbox.total == COUNT and inbox.total_known
        assert len(inbox.loaded_rows()) <= PAGE * 2
        assert f"1 of {COUNT:,}" in screen_text(app)


async def test_paging_down_walks_the_keyset_pages_in_order(big_db):
    app = open_app(big_db)
    async with app.run_test(size=(100, 60)) as pilot:
        await settle(pilot)
        inbox = app.screen.query_one(InboxList)
        for _ in range(25):  # well past the first pages (about 22 rows a page here)
            await press(pilot, "pagedown")
        assert current(app) == expected(inbox.cursor)
        assert inbox.cursor > 2 * PAGE
        assert len(inbox.loaded_rows()) <= WINDOW_CAP
        rows = inbox.loaded_rows()
        assert [row.name for row in rows] == [
            expected(inbox.window.lo + i) for i in range(len(rows))
        ]
        for _ in range(25):
            await press(pilot, "pageup")
        assert inbox.cursor == 0 and current(app) == expected(0)


async def test_last_and_first_jump_without_walking(big_db):
    app = open_app(big_db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        inbox = app.screen.query_one(InboxList)
        await press(pilot, "G")
        assert inbox.cursor == COUNT - 1 and current(app) == expected(COUNT - 1)
        assert f"{COUNT:,} of {COUNT:,}" in screen_text(app)
        await press(pilot, "k", "k")
        assert current(app) == expected(COUNT - 3)
        await press(pilot, "g")
        assert current(app) == expected(0)


async def test_a_far_scroll_fetches_the_rows_there(big_db):
    app = open_app(big_db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        inbox = app.screen.query_one(InboxList)
        inbox.scroll_to(y=900, animate=False, immediate=True)  # as a scrollbar drag would
        await settle(pilot)
        top = inbox.scroll_offset.y
        assert top == 900
        assert expected(top) in inbox.render_line(0).text
        await pilot.click(InboxList, offset=(10, 1))
        await settle(pilot)
        assert current(app) == expected(top + 1)
        await press(pilot, "j")
        assert current(app) == expected(top + 2)


async def test_deciding_deep_in_the_list_keeps_positions_right(big_db):
    app = open_app(big_db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        inbox = app.screen.query_one(InboxList)
        for _ in range(20):
            await press(pilot, "pagedown")
        at = inbox.cursor
        name = current(app)
        await press(pilot, "x", "x")
        assert inbox.total == COUNT - 2 and inbox.cursor == at
        assert current(app) == expected(at + 2)
        await press(pilot, "z")
        assert current(app) == expected(at + 1) and inbox.cursor == at  # 0360 is still out
        await press(pilot, "z")
        assert current(app) == name and inbox.cursor == at
