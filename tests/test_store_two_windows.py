"""Two windows on one inbox, at the store's level: two connections to one file.

Each window decides with the status it saw; undo never reverts a decision that someone
else has since decided over; a bulk decision written in chunks still undoes as one.
"""

from __future__ import annotations

import pytest
from conftest import Inv, make_db

from tui.store import Store
from tui.store.errors import ChangedElsewhere


@pytest.fixture
def windows(tmp_path):
    db = make_db(tmp_path, [Inv(f"Person {n}", minutes=n) for n in range(1, 7)])
    mine, theirs = Store.open(db), Store.open(db)
    yield mine, theirs
    mine.close()
    theirs.close()


def statuses(store: Store) -> dict[int, str]:
    return dict(store.conn.execute("SELECT id, status FROM invitations").fetchall())


def test_a_decision_on_what_was_seen_is_refused_if_decided_elsewhere_meanwhile(windows):
    mine, theirs = windows
    theirs.record_decision(1, "accept", session="theirs", expect="pending")
    with pytest.raises(ChangedElsewhere, match="Person 1 was just decided in another window"):
        mine.record_decision(1, "ignore", session="mine", expect="pending")
    assert statuses(mine)[1] == "accepted"
    assert [d.session for d in mine.decisions()] == ["theirs"]


def test_a_bulk_decision_skips_what_was_decided_elsewhere_meanwhile(windows):
    mine, theirs = windows
    theirs.record_decision(2, "ignore", session="theirs")
    made = mine.record_decisions(
        [1, 2, 3],
        "accept",
        session="mine",
        expect=dict.fromkeys([1, 2, 3], "pending"),
        changed="skip",
    )
    assert [d.invitation_id for d in made] == [1, 3]
    now = statuses(mine)
    assert (now[1], now[2], now[3], now[4]) == ("accepted", "ignored", "accepted", "pending")


def test_undo_never_reverts_someone_elses_later_decision(windows):
    mine, theirs = windows
    mine.record_decision(1, "accept", session="mine")
    theirs.record_decision(1, "ignore", session="theirs")
    log = len(mine.decisions())
    with pytest.raises(ChangedElsewhere, match="Person 1 was decided again elsewhere"):
        mine.undo_last(session="mine")
    assert statuses(mine)[1] == "ignored"
    assert len(mine.decisions()) == log  # nothing written
    # Once they undo theirs, mine stands alone again and can be undone.
    assert [d.invitation_id for d in theirs.undo_last(session="theirs")] == [1]
    assert [d.invitation_id for d in mine.undo_last(session="mine")] == [1]
    assert statuses(mine)[1] == "pending"


def test_undo_steps_back_through_my_own_decisions_on_one_invitation(windows):
    mine, _ = windows
    mine.record_decision(1, "accept", session="mine")
    mine.record_decision(1, "ignore", session="mine")
    mine.undo_last(session="mine")
    assert statuses(mine)[1] == "accepted"
    mine.undo_last(session="mine")  # the later one is undone: it no longer stands in the way
    assert statuses(mine)[1] == "pending"


def test_a_batch_written_in_chunks_undoes_as_one_in_chunks(windows):
    mine, theirs = windows
    first = mine.record_decisions([1, 2], "accept", session="mine")
    batch = first[0].batch
    theirs.record_decision(6, "ignore", session="theirs")  # lands between the chunks
    mine.record_decisions([3, 4, 5], "accept", session="mine", batch=batch)
    assert mine.undo_target(session="mine") == batch
    assert mine.undo_check(batch) == 5
    reverted = []
    while chunk := mine.undo_batch(batch, limit=2):
        reverted += chunk
    assert sorted(d.invitation_id for d in reverted) == [1, 2, 3, 4, 5]
    assert statuses(mine) == {1: "pending", 2: "pending", 3: "pending", 4: "pending",
                              5: "pending", 6: "ignored"}  # fmt: skip
    assert mine.undo_target(session="mine") is None


def test_a_chunked_undo_leaves_what_was_decided_over_meanwhile(windows):
    mine, theirs = windows
    batch = mine.record_decisions([1, 2, 3], "accept", session="mine")[0].batch
    assert mine.undo_check(batch) == 3
    theirs.record_decision(2, "ignore", session="theirs")  # after the check, before the chunks
    reverted = []
    while chunk := mine.undo_batch(batch, limit=1):
        reverted += chunk
    assert sorted(d.invitation_id for d in reverted) == [1, 3]
    assert statuses(mine)[2] == "ignored"
    with pytest.raises(ChangedElsewhere, match="Person 2"):
        mine.undo_check(batch)
