"""Messages belong to their ask: undo withdraws the question (and any answer), a reply by
hand is classified, and an older file's messages are linked when it is migrated."""

from __future__ import annotations

import sqlite3

import pytest

from tui.domain.assessment import assess
from tui.domain.models import NewInvitation, Person
from tui.store import Store, StoreError
from tui.store.schema import MIGRATIONS, migrate

STOCK = "I'd like to add you to my professional network on LinkedIn."


class Clock:
    def __init__(self):
        self.minute = 0

    def __call__(self) -> str:
        self.minute += 1
        return f"2026-03-10T10:{self.minute:02d}:00+00:00"


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "inbox.db", create=True, clock=Clock()) as s:
        s.add_invitations(
            [
                NewInvitation(Person(name="Ana", known=False), STOCK, "2026-03-01T09:00:00"),
                NewInvitation(Person(name="Ben", known=False), STOCK, "2026-03-02T09:00:00"),
            ],
            assess=assess,
        )
        yield s


def thread(store, invitation_id):
    return [(m.direction, m.body) for m in store.get(invitation_id).messages]


def test_undoing_an_ask_withdraws_its_question(store):
    store.record_decision(1, "ask", session="s", message="Why connect?")
    assert thread(store, 1) == [("out", "Why connect?")]
    assert store.get(1).asked_at == "2026-03-10T10:01:00+00:00"
    store.undo_last(session="s")
    again = store.get(1)
    assert again.status == "pending" and again.messages == () and again.asked_at is None
    store.record_decision(1, "ask", session="s", message="What brings you here?")
    assert thread(store, 1) == [("out", "What brings you here?")]


def test_undoing_an_ask_withdraws_the_answer_to_it_too(store):
    store.record_decision(1, "ask", session="s", message="Why connect?")
    store.record_reply(1, "Growing my network in data.")
    store.undo_last(session="s")
    undone = store.get(1)
    assert undone.status == "pending" and undone.messages == () and undone.reply is None


def test_undoing_a_later_decision_keeps_the_ask_and_its_answer(store):
    store.record_decision(1, "ask", session="s", message="Why connect?")
    store.record_reply(1, "Growing my network in data.")
    store.record_decision(1, "accept", session="s")
    store.undo_last(session="s")
    back = store.get(1)
    assert back.status == "replied" and back.reply == "Growing my network in data."


def test_a_reply_by_hand_is_classified_and_the_recommendation_follows(store):
    store.record_decision(1, "ask", session="s", message="Why connect?")
    after = store.record_reply(1, "Sales pitch: book a free demo of our CRM!", assess=assess)
    assert after.status == "replied" and after.reply.startswith("Sales pitch")
    stored = store.conn.execute("SELECT flag_codes, recommended FROM invitations WHERE id = 1")
    codes, recommended = stored.fetchone()
    assert "reply_pitch" in codes.split(";") and recommended == "ignore"
    kind = store.record_reply(1, "Sorry, I meant: I want to grow my network.", assess=assess)
    assert kind.reply.count("\n") == 1  # both messages since the question make the answer
    assert kind.messages[-1].at == "2026-03-10T10:03:00+00:00"


@pytest.mark.parametrize("status", ["pending", "accepted"])
def test_a_reply_needs_an_ask(store, status):
    if status == "accepted":
        store.record_decision(1, "accept")
    with pytest.raises(StoreError, match=f"invitation 1 is {status}: a reply answers an ask"):
        store.record_reply(1, "hello")
    assert store.get(1).messages == ()


def test_a_reply_needs_text_and_an_invitation(store):
    store.record_decision(1, "ask", message="Why?")
    with pytest.raises(StoreError, match="a reply needs some text"):
        store.record_reply(1, "  \n")
    with pytest.raises(StoreError, match="no invitation with id 99"):
        store.record_reply(99, "hi")
    assert thread(store, 1) == [("out", "Why?")]


def test_nested_transactions_commit_or_roll_back_with_the_outermost(store):
    with pytest.raises(RuntimeError), store.transaction():
        store.record_decision(1, "ask", session="s", message="Why?")
        assert store.get(1).status == "asked"  # seen inside the transaction
        raise RuntimeError("half way")
    assert store.get(1).status == "pending" and store.decisions() == []
    with store.transaction():
        store.record_decision(1, "ignore")
        store.record_decision(2, "accept")
    assert [store.get(i).status for i in (1, 2)] == ["ignored", "accepted"]


def test_sent_invitations_are_stored_without_flags_or_recommendation(store):
    mine = NewInvitation(
        Person(name="Cy", known=False), None, "2026-03-03T09:00:00", status="sent",
        direction="outgoing",
    )  # fmt: skip
    store.add_invitations([mine], assess=assess)
    stored = store.conn.execute(
        "SELECT flag_codes, flag_count, recommended FROM invitations WHERE id = 3"
    ).fetchone()
    assert tuple(stored) == ("", 0, None)


def test_migrating_links_old_messages_to_their_asks_and_unjudges_sent_ones(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, 0, target=4)
    conn.executescript(
        """
        INSERT INTO people (id, name) VALUES (1, 'Ana'), (2, 'Cy');
        INSERT INTO invitations (id, person_id, sent_at, status, direction, flag_codes,
            flag_count, recommended)
        VALUES (1, 1, '2026-03-01T09:00:00', 'pending', 'incoming', 'generic_note', 1, 'ask'),
               (2, 2, '2026-03-01T09:00:00', 'sent', 'outgoing', 'generic_note', 1, 'ask');
        INSERT INTO decisions (id, invitation_id, action, decided_at, previous_status,
            new_status, batch) VALUES
            (1, 1, 'ask', '2026-03-02T10:00:00+00:00', 'pending', 'asked', 1),
            (2, 1, 'undo', '2026-03-02T10:05:00+00:00', 'asked', 'pending', 2),
            (3, 1, 'ask', '2026-03-03T10:00:00+00:00', 'pending', 'asked', 3);
        UPDATE decisions SET undoes = 1 WHERE id = 2;
        UPDATE invitations SET status = 'asked' WHERE id = 1;
        INSERT INTO messages (invitation_id, direction, body, at) VALUES
            (1, 'out', 'First question', '2026-03-02T10:00:00+00:00'),
            (1, 'out', 'Second question', '2026-03-03T10:00:00+00:00'),
            (1, 'in', 'Growing my network.', '2026-03-04T10:00:00+00:00');
        """
    )
    conn.close()
    with Store.open(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        ana = store.get(1)
        assert [m.body for m in ana.messages] == ["Second question", "Growing my network."]
        assert ana.asked_at == "2026-03-03T10:00:00+00:00"
        sent = store.conn.execute(
            "SELECT flag_codes, flag_count, recommended FROM invitations WHERE id = 2"
        ).fetchone()
        assert tuple(sent) == ("", 0, None)


def test_an_import_key_is_remembered_even_after_its_ask_is_undone(store):
    store.record_ask(1, "Why?", at="2026-03-05T08:00:00+00:00", session="import", external_key="k1")
    assert store.get(1).asked_at == "2026-03-05T08:00:00+00:00"
    assert store.decisions(1)[0].decided_at == "2026-03-05T08:00:00+00:00"
    store.undo_last(session="import")
    assert store.known_message_keys(["k1", "k2"]) == {"k1"}
    assert thread(store, 1) == []
