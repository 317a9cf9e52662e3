"""The detail of the neighbouring invitations is prepared while the user reads, then shown
without a store call; a prepared detail that no longer matches is never shown."""

from __future__ import annotations

import pytest
from conftest import db_statuses, idle, open_app, press, settle

from tui.ui.gateway import Gateway
from tui.ui.inbox import detail_loader
from tui.ui.inbox.detail_pane import DetailPane
from tui.ui.inbox.inbox_list import InboxList


@pytest.fixture
def loads(monkeypatch) -> list[int]:
    """Every invitation the app loads from the store, in order; prefetch soon (once the
    first layout pass has sized the pane: a detail prepared for another width is
    rebuilt, not shown)."""
    monkeypatch.setattr(detail_loader, "PREFETCH_DELAY", 0.05)
    return calls_to(monkeypatch, Gateway, "load")


def calls_to(monkeypatch, owner: type, method: str) -> list:
    """The argument of every call to ``owner.method`` from now on, in order."""
    seen: list = []
    original = getattr(owner, method)

    def recorded(self, argument):
        seen.append(argument)
        return original(self, argument)

    monkeypatch.setattr(owner, method, recorded)
    return seen


def shown_name(app) -> str:
    detail = app.screen.query_one(DetailPane).detail
    return detail.invitation.person.name if detail.invitation else ""


async def opened_with_the_next_prepared(pilot, loads):
    """Settle on the first row until the second is prepared: (list, first, second)."""
    await settle(pilot)
    await idle(pilot)
    inbox = pilot.app.screen.query_one(InboxList)
    first, second = inbox.row_at(0), inbox.row_at(1)
    assert loads == [first.id, second.id]  # the one on show, then the next
    return inbox, first, second


async def test_the_next_invitation_is_prepared_and_shown_without_a_load(db, loads):
    app = open_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        _, first, second = await opened_with_the_next_prepared(pilot, loads)
        await press(pilot, "j")
        assert shown_name(app) == second.name
        assert loads.count(second.id) == 1  # shown from what was prepared
        await idle(pilot)
        await press(pilot, "k")  # the row above was kept as well
        assert shown_name(app) == first.name
        assert loads.count(first.id) == 1


async def test_a_decision_shows_the_prepared_next_one_and_lands_on_disk(db, loads):
    app = open_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        inbox, first, second = await opened_with_the_next_prepared(pilot, loads)
        await press(pilot, "a")
        assert inbox.row.id == second.id and shown_name(app) == second.name
        assert loads.count(second.id) == 1
        assert db_statuses(db)[first.name] == "accepted"
        # The decided invitation's prepared detail says "pending": never shown again.
        await press(pilot, "6", "g")  # the All split, where the accepted one is listed
        for _ in range(10):
            if inbox.row.id == first.id:
                break
            await press(pilot, "j")
        assert inbox.row.id == first.id
        header = app.screen.query_one(DetailPane).part("header").plain
        assert "· accepted" in header and "· pending" not in header


async def test_nothing_is_prepared_ahead_in_training(db, loads):
    app = open_app(db, training=type("Reveal", (), {"reveal": lambda self, inv: False})())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await idle(pilot)
        assert len(loads) == 1


async def test_an_undone_ask_is_withdrawn_from_the_detail(db, loads):
    app = open_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await idle(pilot)
        inbox = app.screen.query_one(InboxList)
        first = inbox.row
        await press(pilot, "j")
        await idle(pilot)  # the first one is prepared again as the row above
        await press(pilot, "k", "r", "ctrl+s")  # ask the first one
        assert db_statuses(db)[first.name] == "asked"
        await press(pilot, "z")  # back to pending, and the question is withdrawn
        assert inbox.row.id == first.id and db_statuses(db)[first.name] == "pending"
        assert "You asked" not in app.screen.query_one(DetailPane).plain_text()
