"""Moving around the inbox: cursor keys, splits and counts, the detail pane, layout."""

from __future__ import annotations

import asyncio
import time

from conftest import Inv, make_db, open_app, press, screen_text, settle

from tui.ui.inbox.detail_pane import DetailPane
from tui.ui.inbox.inbox_list import InboxList


def names(app) -> list[str]:
    return [row.name for row in app.screen.query_one(InboxList).loaded_rows()]


def current(app) -> str | None:
    row = app.screen.query_one(InboxList).row
    return row.name if row else None


async def test_opens_on_pending_with_counts_and_first_selected(db):
    app = open_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "Pending 5" in text and "Asked 1" in text and "Replied 1" in text
        assert "Accepted 1" in text and "Ignored 1" in text and "All 9" in text
        assert "Sent" not in text.splitlines()[0]  # no outgoing invitations: no split
        assert names(app) == ["Ada Lovelace", "Brook Stone", "Cyrus Vale", "Dana Reyes", "Eli Moss"]
        assert current(app) == "Ada Lovelace"
        assert app.screen.query_one(DetailPane).invitation_id is not None
        assert "1 of 5" in text
        assert "Ada Lovelace" in app.screen.query_one(DetailPane).plain_text()


async def test_cursor_keys_move_and_the_detail_follows(db):
    app = open_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "j")
        assert current(app) == "Brook Stone"
        await press(pilot, "down", "down")
        assert current(app) == "Dana Reyes"
        await press(pilot, "k")
        assert current(app) == "Cyrus Vale"
        await press(pilot, "up")
        assert current(app) == "Brook Stone"
        assert "Brook Stone" in app.screen.query_one(DetailPane).plain_text()
        await press(pilot, "G")
        assert current(app) == "Eli Moss"
        await press(pilot, "g")
        assert current(app) == "Ada Lovelace"
        await press(pilot, "end")
        assert current(app) == "Eli Moss"
        await press(pilot, "home")
        assert current(app) == "Ada Lovelace"
        await press(pilot, "k")  # already at the top: stays
        assert current(app) == "Ada Lovelace"
        assert "1 of 5" in screen_text(app)


async def test_page_keys_move_a_screenful(tmp_path):
    db = make_db(tmp_path, [Inv(f"Person {i:03}", i) for i in range(1, 101)])
    app = open_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        inbox = app.screen.query_one(InboxList)
        height = inbox.scrollable_content_region.height
        await press(pilot, "pagedown")
        assert inbox.cursor == height - 1
        await press(pilot, "pagedown")
        assert inbox.cursor == 2 * (height - 1)
        await press(pilot, "pageup")
        assert inbox.cursor == height - 1
        assert current(app) == f"Person {height:03}"


async def test_enter_focuses_the_detail_and_escape_returns(db):
    app = open_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "enter")
        assert isinstance(app.focused, DetailPane)
        await press(pilot, "escape")
        assert isinstance(app.focused, InboxList)


async def test_with_the_detail_focused_arrows_scroll_it_and_j_still_moves_the_list(db):
    app = open_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "enter")
        detail = app.screen.query_one(DetailPane)
        assert detail.max_scroll_y > 0
        await press(pilot, "down", "down")
        assert detail.scroll_y == 2 and current(app) == "Ada Lovelace"
        await press(pilot, "j")  # a priority key: the list moves, the detail keeps focus
        assert current(app) == "Brook Stone" and app.focused is detail


async def test_splits_switch_with_numbers_and_tab(db):
    app = open_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "2")
        assert names(app) == ["Farah Nadir"]
        await press(pilot, "3")
        assert names(app) == ["Gus Wilde"]
        await press(pilot, "4")
        assert names(app) == ["Hana Ito"]
        await press(pilot, "5")
        assert names(app) == ["Ivan Petrov"]
        await press(pilot, "6")
        assert len(names(app)) == 9
        await press(pilot, "tab")  # wraps from All back to Pending (no Sent split)
        assert app.screen.split == "pending"
        await press(pilot, "shift+tab")
        assert app.screen.split == "all"
        await press(pilot, "shift+tab")
        assert app.screen.split == "ignored"
        await press(pilot, "1")
        assert app.screen.split == "pending" and len(names(app)) == 5


async def test_sent_split_appears_only_with_outgoing_invitations(tmp_path):
    db = make_db(
        tmp_path,
        [Inv("Incoming Ann", 10), Inv("Outgoing Otto", 20, status="sent", direction="outgoing")],
    )
    app = open_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert "7 Sent 1" in screen_text(app)
        await press(pilot, "7")
        assert names(app) == ["Outgoing Otto"]
        await press(pilot, "a")  # read-only: nothing happens
        assert "nothing to decide" in screen_text(app)
        await press(pilot, "6")
        assert names(app) == ["Incoming Ann"]  # "All" leaves sent invitations out


async def test_flagged_only_toggles(db):
    app = open_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "f")
        assert names(app) == ["Brook Stone", "Cyrus Vale", "Dana Reyes"]
        assert "flagged only" in screen_text(app)
        await press(pilot, "f")
        assert len(names(app)) == 5


async def test_selection_survives_a_split_round_trip(db):
    app = open_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "j", "j")
        await press(pilot, "6")
        assert current(app) == "Cyrus Vale"  # the same invitation, now in All
        await press(pilot, "f", "f")
        assert current(app) == "Cyrus Vale"


async def test_empty_split_says_so(tmp_path):
    db = make_db(tmp_path, [Inv("Only One", 10, status="accepted")])
    app = open_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert "empty list" in screen_text(app)
        assert app.screen.query_one(DetailPane).invitation_id is None
        await press(pilot, "j", "a", "x", "space")  # nothing to act on: no error
        assert "empty list" in screen_text(app)


async def test_layout_is_side_by_side_when_wide_and_stacked_when_narrow(db):
    app = open_app(db)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        inbox = app.screen.query_one(InboxList)
        detail = app.screen.query_one(DetailPane)
        assert inbox.region.y == detail.region.y and detail.region.x > inbox.region.x
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert detail.region.y > inbox.region.y and detail.region.x == inbox.region.x
        text = screen_text(app)
        for word in ("Accept", "Ignore", "Ask", "Undo", "Help", "Quit", "Pending 5"):
            assert word in text


async def test_clicking_a_row_selects_it(db):
    app = open_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        inbox = app.screen.query_one(InboxList)
        await pilot.click(InboxList, offset=(10, 2))
        await settle(pilot)
        assert current(app) == "Cyrus Vale"
        assert inbox.has_focus


async def test_training_mode_hides_flags_until_decided(db):
    class Training:
        """A stand-in training session: reveals an invitation once it is decided."""

        def reveal(self, invitation) -> bool:
            return invitation.status != "pending"

    app = open_app(db, training=Training())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "j")
        detail = app.screen.query_one(DetailPane)
        assert current(app) == "Brook Stone" and not detail.revealed
        line = app.screen.query_one(InboxList).render_line(1).text
        assert "▲" not in line  # the list's flag column is hidden too
        await press(pilot, "6", "x")  # decide it in the All split; the next pending follows
        assert current(app) == "Cyrus Vale" and not detail.revealed
        await press(pilot, "k")
        assert current(app) == "Brook Stone"
        assert app.screen.query_one(DetailPane).revealed


async def test_a_held_key_updates_the_detail_when_the_burst_ends(db):
    app = open_app(db, settle_delay=1.0)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        detail = app.screen.query_one(DetailPane)
        await pilot.press("j", "j", "j")  # well within the settle delay of each other
        assert app.screen.settling
        assert current(app) == "Dana Reyes"
        assert detail.invitation_id != app.screen.query_one(InboxList).row.id
        await settle(pilot)
        assert not app.screen.settling
        assert detail.invitation_id == app.screen.query_one(InboxList).row.id
        assert "4 of 5" in screen_text(app)


async def test_the_first_rows_show_their_detail_and_position_at_once(db):
    """The settle delay is for bursts of moves; the list arriving is not one."""
    app = open_app(db, settle_delay=60.0)
    async with app.run_test(size=(100, 30)):
        detail = app.screen.query_one(DetailPane)
        deadline = time.monotonic() + 10
        while not (detail.invitation_id is not None and "1 of 5" in screen_text(app)):
            assert time.monotonic() < deadline, "the first screen waited for the settle delay"
            await asyncio.sleep(0.02)
        assert current(app) == "Ada Lovelace"
        assert detail.invitation_id == app.screen.query_one(InboxList).row.id
        assert not app.screen.settling
