"""Deciding from the keyboard: each decision is on disk before the screen shows it done."""

from __future__ import annotations

import sqlite3

from conftest import (
    Inv,
    db_statuses,
    make_db,
    notifications,
    open_app,
    press,
    screen_text,
    settle,
)

from tui.store import Store, StoreError
from tui.ui.dialogs.composer import ComposerScreen
from tui.ui.dialogs.confirm import ConfirmScreen
from tui.ui.inbox.detail_pane import DetailPane
from tui.ui.inbox.inbox_list import InboxList


def current(app) -> str | None:
    row = app.screen.query_one(InboxList).row
    return row.name if row else None


def names(app) -> list[str]:
    return [row.name for row in app.screen.query_one(InboxList).loaded_rows()]


async def test_accept_and_ignore_land_in_the_database_and_select_the_next(db):
    app = open_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "a")
        assert db_statuses(db)["Ada Lovelace"] == "accepted"
        assert current(app) == "Brook Stone"
        await press(pilot, "x")
        assert db_statuses(db)["Brook Stone"] == "ignored"
        assert current(app) == "Cyrus Vale"
        text = screen_text(app)
        assert "Pending 3" in text and "Accepted 2" in text and "Ignored 2" in text
        assert "ignored Brook Stone" in text
    with Store.open(db) as store:
        log = [(d.action, d.session) for d in store.decisions()]
    assert log == [("accept", "test-session"), ("ignore", "test-session")]


async def test_keys_typed_faster_than_the_disk_apply_in_order(db):
    app = open_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("a", "x", "a")  # no waiting between them
        await settle(pilot)
        statuses = db_statuses(db)
        assert statuses["Ada Lovelace"] == "accepted"
        assert statuses["Brook Stone"] == "ignored"
        assert statuses["Cyrus Vale"] == "accepted"
        assert current(app) == "Dana Reyes"


async def test_in_the_all_split_the_next_pending_invitation_is_selected(tmp_path):
    db = make_db(
        tmp_path,
        [Inv("First", 1), Inv("Done", 2, status="accepted"), Inv("Third", 3)],
    )
    app = open_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "6", "g", "x")
        assert names(app) == ["First", "Done", "Third"]  # rows stay; statuses change
        assert current(app) == "Third"
        assert db_statuses(db)["First"] == "ignored"


async def test_ask_opens_the_composer_and_sending_records_ask_and_message(db):
    app = open_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "j", "r")
        assert isinstance(app.screen, ComposerScreen)
        assert app.screen.invitation.person.name == "Brook Stone"
        app.screen.query_one("TextArea").load_text("Hello, what made you reach out?")
        await press(pilot, "ctrl+s")
        assert not isinstance(app.screen, ComposerScreen)
        assert db_statuses(db)["Brook Stone"] == "asked"
        with Store.open(db) as store:
            asked = next(i for i in store.iter_invitations() if i.person.name == "Brook Stone")
        assert [(m.direction, m.body) for m in asked.messages] == [
            ("out", "Hello, what made you reach out?")
        ]
        assert "Asked 2" in screen_text(app)


async def test_cancelling_the_composer_sends_and_changes_nothing(db):
    app = open_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "r")
        assert isinstance(app.screen, ComposerScreen)
        await press(pilot, "escape")
        assert db_statuses(db)["Ada Lovelace"] == "pending"
        assert current(app) == "Ada Lovelace"
        await press(pilot, "a")  # the queue is free again
        assert db_statuses(db)["Ada Lovelace"] == "accepted"


async def test_undo_steps_back_and_reselects_each_invitation(db):
    app = open_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "a", "x", "a")
        assert current(app) == "Dana Reyes"
        await press(pilot, "z")
        assert db_statuses(db)["Cyrus Vale"] == "pending"
        assert current(app) == "Cyrus Vale"
        await press(pilot, "u")
        assert db_statuses(db)["Brook Stone"] == "pending"
        assert current(app) == "Brook Stone"
        await press(pilot, "z")
        assert current(app) == "Ada Lovelace"
        assert "Pending 5" in screen_text(app)
        await press(pilot, "z")
        assert "nothing left to undo" in screen_text(app)
        assert set(db_statuses(db).values()) >= {"pending"}
        assert db_statuses(db)["Hana Ito"] == "accepted"  # older decisions are not ours


async def test_undo_from_another_split_returns_to_the_invitation(db):
    app = open_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "j", "j", "x", "4")  # ignore Cyrus, then look at Accepted
        assert app.screen.split == "accepted"
        await press(pilot, "z")
        assert app.screen.split == "pending"
        assert current(app) == "Cyrus Vale"


async def test_marked_invitations_are_decided_together_after_one_confirmation(db):
    app = open_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "space", "j", "space")  # marks Ada and Cyrus (space moves down)
        assert "2 marked" in screen_text(app)
        await press(pilot, "a")
        assert isinstance(app.screen, ConfirmScreen)
        assert app.screen.question == "Accept 2 marked invitations?"
        await press(pilot, "y")
        statuses = db_statuses(db)
        assert statuses["Ada Lovelace"] == "accepted" and statuses["Cyrus Vale"] == "accepted"
        assert statuses["Brook Stone"] == "pending"
        assert names(app) == ["Brook Stone", "Dana Reyes", "Eli Moss"]
        assert "marked" not in screen_text(app).splitlines()[-2]
        with Store.open(db) as store:
            batches = {d.batch for d in store.decisions()}
        assert len(batches) == 1
        await press(pilot, "z")  # one undo reverts the whole batch
        statuses = db_statuses(db)
        assert statuses["Ada Lovelace"] == "pending" and statuses["Cyrus Vale"] == "pending"


async def test_answering_no_to_the_confirmation_changes_nothing(db):
    app = open_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "space", "x")
        assert isinstance(app.screen, ConfirmScreen)
        await press(pilot, "n")
        assert db_statuses(db)["Ada Lovelace"] == "pending"
        assert "1 marked" in screen_text(app)


async def test_mark_all_covers_the_whole_split_without_listing_it(tmp_path):
    db = make_db(tmp_path, [Inv(f"Person {i:03}", i) for i in range(1, 451)])
    app = open_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "asterisk")
        inbox = app.screen.query_one(InboxList)
        assert inbox.marks.is_all and not inbox.marks.ids  # a filter, not 450 ids
        assert "450 marked" in screen_text(app)
        await press(pilot, "j", "space")  # unmark one
        assert "449 marked" in screen_text(app)
        await press(pilot, "x")
        assert app.screen.question == "Ignore 449 marked invitations?"
        await press(pilot, "y")
        statuses = db_statuses(db)
        assert list(statuses.values()).count("ignored") == 449
        assert statuses["Person 002"] == "pending"
        assert names(app) == ["Person 002"]
        await press(pilot, "asterisk", "asterisk")  # twice: marks, then clears
        assert "marked" not in screen_text(app)


async def test_marked_ask_sends_one_message_to_every_marked(db):
    app = open_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "space", "space", "r")
        assert app.screen.question == "Ask 2 marked invitations?"
        await press(pilot, "y")
        assert isinstance(app.screen, ComposerScreen)
        app.screen.query_one("TextArea").load_text("Why connect?")
        await press(pilot, "ctrl+s")
        statuses = db_statuses(db)
        assert statuses["Ada Lovelace"] == "asked" and statuses["Brook Stone"] == "asked"


async def test_a_failed_write_shows_an_error_and_leaves_the_app_usable(db, monkeypatch):
    def refuse(self, *args, **kwargs):
        raise StoreError("cannot write to the database: disk I/O error")

    app = open_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        monkeypatch.setattr(Store, "record_decisions", refuse)
        await press(pilot, "a", "x")
        messages = notifications(app)
        assert any("Not saved: cannot write to the database" in m for m in messages)
        assert current(app) == "Ada Lovelace"  # nothing moved on
        assert "Pending 5" in screen_text(app)
        assert db_statuses(db)["Ada Lovelace"] == "pending"
        monkeypatch.undo()
        await press(pilot, "j", "a")  # still usable, and writing works again
        assert db_statuses(db)["Brook Stone"] == "accepted"


async def test_a_locked_database_is_reported_not_hung_on(db):
    app = open_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.gateway.call(lambda store: store.conn.execute("PRAGMA busy_timeout = 50"))
        other = sqlite3.connect(db, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another writer holds the lock
        try:
            await press(pilot, "a")
            messages = " ".join(notifications(app))
            assert "Not saved" in messages and "locked" in messages
        finally:
            other.execute("ROLLBACK")
            other.close()
        await press(pilot, "a")
        assert db_statuses(db)["Ada Lovelace"] == "accepted"


async def test_a_disk_error_inside_the_transaction_is_reported(db, monkeypatch):
    original = Store.record_decisions

    def full_disk(self, ids, action, **kwargs):
        with self.transaction() as conn:
            conn.execute("UPDATE invitations SET status = 'accepted' WHERE id = ?", (ids[0],))
            raise sqlite3.OperationalError("database or disk is full")
        return original(self, ids, action, **kwargs)

    app = open_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        monkeypatch.setattr(Store, "record_decisions", full_disk)
        await press(pilot, "a")
        assert any("disk is full" in message for message in notifications(app))
        assert db_statuses(db)["Ada Lovelace"] == "pending"  # rolled back


async def test_asking_again_shows_the_new_message_at_once(db):
    app = open_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "2")  # the Asked split: asking again keeps the status
        name = app.screen.query_one(InboxList).row.name
        await press(pilot, "r")
        app.screen.query_one("TextArea").load_text("Any news on why you reached out?")
        await press(pilot, "ctrl+s")
        assert db_statuses(db)[name] == "asked"
        assert app.screen.query_one(InboxList).row.name == name
        assert "Any news on why you reached out?" in app.screen.query_one(DetailPane).plain_text()
