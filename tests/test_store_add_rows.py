"""``Store.add_rows``: rows prepared elsewhere (the seeder's workers) store as invitations do."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from tui.domain.models import Assessment, Education, Experience, NewInvitation, Person
from tui.store import Store, rows

PERSON = Person(
    name="Ada Quill",
    headline="Data engineer at Lumen",
    company="Lumen",
    photo="selfie",
    experience=(Experience("Data engineer", "Lumen", "2021-03", None),),
    education=(Education("University of Leeds", None),),
    skills=("SQL", "Python"),
    mutual_connections=0,
    known=False,
)


def item(name: str, key: str | None = None, note: str | None = "Hi") -> NewInvitation:
    return NewInvitation(
        person=Person(name=name) if name != PERSON.name else PERSON,
        note=note,
        sent_at="2026-02-03T04:05:06+00:00",
        source="import",
        external_key=key,
    )


def prepared(invitation: NewInvitation, assessment: Assessment | None = None) -> tuple:
    values = rows.invitation_values(invitation, assessment or Assessment())
    return rows.person_values(invitation.person), values


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "inbox.db", create=True) as opened:
        yield opened


def dump(store: Store) -> list:
    conn = sqlite3.connect(store.conn.execute("PRAGMA database_list").fetchone()[2])
    try:
        return [
            conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
            for table in ("people", "invitations")
        ]
    finally:
        conn.close()


def test_prepared_rows_store_exactly_what_add_invitations_stores(tmp_path, store):
    items = [item(PERSON.name, note="I enjoyed your talk on pipelines"), item("Bo", note=None)]
    assessment = Assessment(flag_codes=("unprofessional_photo", "no_mutual_connections"))
    with Store.open(tmp_path / "other.db", create=True) as other:
        assert other.add_invitations(items, assess=lambda _: assessment) == 2
        expected = dump(other)
    assert store.add_rows(prepared(i, assessment) for i in items) == 2
    assert dump(store) == expected
    stored = store.get(1)
    assert stored.person == replace(PERSON, id=stored.person.id)
    assert store.page()[0].flag_codes == assessment.flag_codes


def test_prepared_rows_keep_external_keys_idempotent(store):
    assert store.add_rows([prepared(item("A", "k1")), prepared(item("B", "k2"))]) == 2
    again = [prepared(item("A again", "k1")), prepared(item("C", "k3")), prepared(item("C", "k3"))]
    assert store.add_rows(again) == 1
    assert store.add_rows([prepared(item("No key")), prepared(item("No key"))]) == 2
    assert sorted(row.name for row in store.page()) == ["A", "B", "C", "No key", "No key"]


def test_a_failure_half_way_adds_nothing(store):
    store.add_rows([prepared(item("Kept"))])

    def broken():
        yield prepared(item("Lost"))
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        store.add_rows(broken())
    assert [row.name for row in store.page()] == ["Kept"]
