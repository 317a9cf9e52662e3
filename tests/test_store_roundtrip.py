"""The store keeps what it is given, pages by keyset, and logs decisions append-only."""

from __future__ import annotations

import pytest

from tui.domain.models import Assessment, Education, Experience, NewInvitation, Person
from tui.store import Cursor, Filter, Store, StoreError

FULL_PERSON = Person(
    name="Ada Quill",
    headline="Data engineer at Lumen",
    company="Lumen",
    position="Data engineer",
    location="Leeds, UK",
    photo="headshot",
    about="I build pipelines.",
    experience=(
        Experience("Data engineer", "Lumen", "2021-03", None),
        Experience("Analyst", "Corvid", "2018-01", "2021-02"),
    ),
    education=(Education("University of Leeds", "BSc Mathematics"),),
    skills=("SQL", "Python"),
    recommendations=3,
    connections=412,
    mutual_connections=7,
    known=False,
    profile_created="2015-06-01",
    profile_url="https://www.example.com/in/ada-quill",
    intent="networker",
)


def invitation(name: str, day: int, **person_fields) -> NewInvitation:
    return NewInvitation(
        person=Person(name=name, **person_fields),
        note=None,
        sent_at=f"2026-03-{day:02d}T09:00:00",
    )


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "inbox.db", create=True, clock=lambda: "2026-11-01T10:00:00") as s:
        yield s


def test_every_profile_field_round_trips(store):
    store.add_invitations(
        [NewInvitation(person=FULL_PERSON, note="Hello [bold]x[/]", sent_at="2026-02-01T08:30:00")]
    )
    (row,) = store.page(Filter(status="pending"))
    got = store.get(row.id)
    assert got.person == FULL_PERSON.__class__(**{**_fields(FULL_PERSON), "id": got.person.id})
    assert got.note == "Hello [bold]x[/]"
    assert got.status == "pending"


def _fields(person: Person) -> dict:
    return {name: getattr(person, name) for name in person.__slots__}


def test_unknown_and_empty_stay_different(store):
    store.add_invitations(
        [
            invitation("Unknown Una", 1),
            invitation("Empty Emil", 2, about="", experience=(), skills=(), photo="none"),
        ]
    )
    una, emil = (store.get(r.id) for r in store.page(Filter(status=None))[::-1])
    assert (una.person.about, una.person.experience, una.person.photo) == (None, None, None)
    assert (emil.person.about, emil.person.experience, emil.person.photo) == ("", (), "none")


def test_keyset_pages_cover_the_inbox_once_in_order(store):
    store.add_invitations(invitation(f"P{i}", 1 + i % 28) for i in range(250))
    seen, after = [], None
    while page := store.page(Filter(), after=after, limit=40):
        seen.extend(page)
        after = Cursor.of(page[-1])
    assert len(seen) == 250 == len({r.id for r in seen})
    keys = [(r.sent_at, r.id) for r in seen]
    assert keys == sorted(keys, reverse=True)
    # Paging back up from the middle returns the rows just above, in list order.
    above = store.page(Filter(), before=Cursor.of(seen[100]), limit=5)
    assert [r.id for r in above] == [r.id for r in seen[95:100]]
    assert [r.id for r in store.page(Filter(), from_end=True, limit=3)] == [r.id for r in seen[-3:]]
    assert store.position(Filter(), Cursor.of(seen[100])) == 100


def test_filters_by_status_flags_and_search(store):
    store.add_invitations(
        [invitation("Rosa Flag", 1, company="Acme"), invitation("Tom Clean", 2)],
        assess=lambda item: Assessment(("no_photo",) if "Rosa" in item.person.name else ()),
    )
    assert [r.name for r in store.page(Filter(flagged_only=True))] == ["Rosa Flag"]
    assert [r.name for r in store.page(Filter(search="acme"))] == ["Rosa Flag"]
    # LIKE wildcards typed by a user are matched literally.
    assert store.page(Filter(search="%")) == []
    assert store.count(Filter(search="o")) == 2
    assert store.page(Filter(flagged_only=True))[0].flag_codes == ("no_photo",)


def test_decision_updates_status_counts_and_log(store):
    store.add_invitations(invitation(f"P{i}", i + 1) for i in range(3))
    first, second, _third = store.page(Filter())
    store.record_decision(first.id, "accept", session="s1")
    store.record_decision(second.id, "ask", session="s1", message="Why connect?")
    counts = store.counts()
    assert (counts["pending"], counts["accepted"], counts["asked"], counts["all"]) == (1, 1, 1, 3)
    asked = store.get(second.id)
    assert asked.status == "asked"
    assert [(m.direction, m.body) for m in asked.messages] == [("out", "Why connect?")]
    store.record_reply(second.id, "I'd like to grow my network.", at="2026-11-01T11:00:00")
    replied = store.get(second.id)
    assert replied.status == "replied"
    assert replied.reply == "I'd like to grow my network."
    assert [d.action for d in store.decisions()] == ["accept", "ask"]


def test_undo_steps_back_through_the_session_and_logs_it(store):
    store.add_invitations(invitation(f"P{i}", i + 1) for i in range(4))
    rows = store.page(Filter())
    store.record_decision(rows[0].id, "accept", session="mine")
    store.record_decisions([rows[1].id, rows[2].id], "ignore", session="mine")
    store.record_decision(rows[3].id, "accept", session="someone-else")
    undone = store.undo_last(session="mine")
    assert sorted(d.invitation_id for d in undone) == sorted([rows[1].id, rows[2].id])
    assert store.counts()["ignored"] == 0
    assert [d.invitation_id for d in store.undo_last(session="mine")] == [rows[0].id]
    assert store.undo_last(session="mine") == []
    assert store.get(rows[3].id).status == "accepted"
    log = store.decisions()
    assert [d.action for d in log].count("undo") == 3
    assert all(d.undoes is not None for d in log if d.action == "undo")


def test_sent_invitations_cannot_be_decided(store):
    store.add_invitations(
        [
            NewInvitation(
                person=Person(name="Out Going"),
                note=None,
                sent_at="2026-01-01T00:00:00",
                status="sent",
                direction="outgoing",
            )
        ]
    )
    (row,) = store.page(Filter(status="sent"))
    with pytest.raises(StoreError, match="cannot be decided"):
        store.record_decision(row.id, "accept")
    assert store.counts()["all"] == 0


def test_unknown_action_and_missing_invitation_are_refused(store):
    with pytest.raises(StoreError, match="unknown action"):
        store.record_decision(1, "maybe")
    with pytest.raises(StoreError, match="no invitation with id 99"):
        store.get(99)


def test_failed_batch_leaves_inbox_unchanged(store):
    store.add_invitations([invitation("Kept", 1)])

    def broken():
        yield invitation("New one", 2)
        raise RuntimeError("generator failed")

    with pytest.raises(RuntimeError):
        store.add_invitations(broken())
    assert [r.name for r in store.page(Filter())] == ["Kept"]


def test_external_keys_make_adding_idempotent(store):
    item = NewInvitation(
        person=Person(name="Imported"), note=None, sent_at="2026-01-01T00:00:00", external_key="k1"
    )
    twin = NewInvitation(
        person=Person(name="Twin"), note=None, sent_at="2026-01-02T00:00:00", external_key="k2"
    )
    assert store.add_invitations([item, twin, twin]) == 2
    assert store.add_invitations([item, item]) == 0
    assert store.counts()["all"] == 2
