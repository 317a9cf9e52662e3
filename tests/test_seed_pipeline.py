"""Seeding in worker processes: the same inbox as in one process, and failures stay clean."""

from __future__ import annotations

import hashlib
import os
import sqlite3

import pytest
from click.testing import CliRunner

import seed.personas
import seed.pipeline
from seed.personas import CHUNK, generate
from seed.pipeline import prepared_rows
from tui.cli import main
from tui.commands.seed import seed_database
from tui.store import Store, StoreError

pytestmark = pytest.mark.skipif(
    not hasattr(os, "fork"), reason="worker processes are forked (Linux, macOS)"
)

# More than two chunks, with a partial last one: every worker gets work, order matters.
COUNT = 2 * CHUNK + 345


def file_hash(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_any_stretch_of_an_inbox_can_be_drawn_on_its_own():
    whole = list(generate(CHUNK + 200, 9))
    assert list(generate(150, 9, start=CHUNK)) == whole[CHUNK : CHUNK + 150]
    assert list(generate(300, 9, start=CHUNK - 100)) == whole[CHUNK - 100 : CHUNK + 200]
    with pytest.raises(ValueError, match="start"):
        next(generate(1, 9, start=-1))


def test_workers_draw_the_same_rows_as_one_process():
    alone = list(prepared_rows(COUNT, 5, workers=0))
    assert len(alone) == COUNT
    assert list(prepared_rows(COUNT, 5, workers=2)) == alone
    assert list(prepared_rows(COUNT, 5, workers=3)) == alone


def test_the_inbox_is_byte_identical_whatever_the_number_of_workers(tmp_path):
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    assert seed_database(one, count=COUNT, seed=11, workers=0) == COUNT
    assert seed_database(two, count=COUNT, seed=11, workers=2) == COUNT
    assert file_hash(one) == file_hash(two)
    with Store.open(two) as store:
        invitation = store.get(COUNT)
    # The last row is the last invitation the seeder draws, flags assessed as usual.
    last = next(generate(1, 11, start=COUNT - 1))
    assert (invitation.person.name, invitation.note) == (last.person.name, last.note)


def _failing_in_a_worker(fail_at: int, error: BaseException | None):
    """``generate`` that fails on invitation ``fail_at`` when run in a worker process.

    ``error=None`` kills the worker outright, as the out-of-memory killer would.
    """
    real, parent = seed.personas.generate, os.getpid()

    def generate(count, seed, locales=None, *, start=0):
        for number, item in enumerate(real(count, seed, locales, start=start), start=start):
            if number == fail_at and os.getpid() != parent:
                if error is None:
                    os._exit(1)
                raise error
            yield item

    return generate


def rows(path) -> list:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT * FROM invitations ORDER BY id").fetchall()
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (OSError(28, "No space left on device"), "No space left on device"),
        (None, "seeding stopped: a worker process died; the old inbox is unchanged"),
    ],
    ids=["raises", "dies"],
)
def test_a_failing_worker_leaves_the_old_inbox_untouched(tmp_path, monkeypatch, error, message):
    db = tmp_path / "inbox.db"
    assert CliRunner().invoke(main, ["--db", str(db), "seed", "-n", "30"]).exit_code == 0
    before_rows, before_hash = rows(db), file_hash(db)
    monkeypatch.setattr(seed.pipeline, "PARALLEL_FROM", 1000)
    monkeypatch.setattr(seed.pipeline, "default_workers", lambda: 2)
    monkeypatch.setattr(seed.personas, "generate", _failing_in_a_worker(CHUNK + 10, error))
    result = CliRunner().invoke(main, ["--db", str(db), "seed", "-n", str(COUNT), "--reset"])
    assert result.exit_code == 1
    assert [line for line in result.output.splitlines() if line] == [
        f"invite-triage: error: {message}"
    ]
    assert file_hash(db) == before_hash
    assert rows(db) == before_rows
    assert [p.name for p in tmp_path.iterdir()] == ["inbox.db"]  # no half-built file left


def test_a_failing_worker_keeps_whole_chunks_and_says_how_many(tmp_path, monkeypatch):
    # Seeding writes in short chunks (a window open on the inbox keeps working), so what
    # was written before a worker died stays, whole chunks of it, and the user is told.
    db = tmp_path / "inbox.db"
    seed_database(db, count=20, seed=1)
    before = rows(db)
    monkeypatch.setattr(seed.personas, "generate", _failing_in_a_worker(2 * CHUNK, None))
    with pytest.raises(StoreError, match="a worker process died; ") as failure:
        seed_database(db, count=COUNT, seed=2, workers=2)
    after = rows(db)
    added = len(after) - len(before)
    assert after[: len(before)] == before
    assert added <= 2 * CHUNK  # at most the rows before the failing one
    assert str(failure.value).endswith(
        "nothing was added" if not added else f"{added:,} invitations were added before it stopped"
    )
