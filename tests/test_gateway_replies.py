"""The store gateway's calls for the ask loop, as the app's writer thread makes them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tui.domain.assessment import assess
from tui.domain.models import NewInvitation, Person
from tui.domain.policy import load_policy
from tui.store import Store, StoreError
from tui.ui.gateway import Gateway

STOCK = "I'd like to add you to my professional network on LinkedIn."


@pytest.fixture
def gateway(tmp_path):
    path = tmp_path / "inbox.db"
    store = Store.open(path, create=True, clock=lambda: "2026-03-10T10:00:00+00:00")
    store.add_invitations(
        [NewInvitation(Person(name="Ana", known=False), STOCK, "2026-03-01T09:00:00")],
        assess=assess,
    )
    gate = Gateway(
        store, path, load_policy(None), now=lambda: datetime(2026, 3, 10, 11, tzinfo=UTC)
    )
    yield gate
    gate.close()


def test_an_ask_waits_then_a_pasted_reply_decides(gateway):
    gateway.call(Store.record_decisions, [1], "ask", session="s", message="Why connect?")
    _, _, recommendation = gateway.load(1)
    assert recommendation.action == "wait"  # asked an hour ago
    after = gateway.record_reply(1, "I'm expanding my network in fintech.")
    assert after.status == "replied"
    _, _, recommendation = gateway.load(1)
    assert recommendation.action == "accept"
    stored = gateway.call(lambda s: s.conn.execute("SELECT recommended FROM invitations"))
    assert stored.fetchone()[0] == "accept"


def test_a_reply_without_an_ask_is_refused(gateway):
    with pytest.raises(StoreError, match="a reply answers an ask"):
        gateway.record_reply(1, "Hello")


def test_without_a_clock_silence_counts_at_once(tmp_path):
    path = tmp_path / "inbox.db"
    with Store.open(path, create=True) as store:
        store.add_invitations(
            [NewInvitation(Person(name="Ana", known=False), STOCK, "2026-03-01T09:00:00")]
        )
        store.record_decision(1, "ask", message="Why?")
        gate = Gateway(store, path, load_policy(None))  # as in training
        assert gate.load(1)[2].action == "ignore"
