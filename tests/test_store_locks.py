"""The process keeps SQLite's lock on its database whatever else opens the file.

On POSIX, closing any descriptor of a file drops all of the process's locks on it. So if
anything in the app opened the database (or its -wal/-shm) by other means than SQLite and
closed it, the app's SHARED lock would be gone: another process closing its connection
would then think itself the last user and delete the WAL the app is still writing to. Here
a connection holds the file (as the app's does) while every way the code base has of
opening a second connection runs in the same process; another process then checks that
the lock is still held and that what the first connection writes is still visible.
"""

from __future__ import annotations

import json

import pytest
from _locks import Elsewhere
from click.testing import CliRunner
from conftest import make_db, open_app, press, settle

from tui.cli import main
from tui.commands.open_app import _inbox_is_empty
from tui.commands.seed import seed_database
from tui.domain.files import InputFileError, read_small_file
from tui.domain.policy import PolicyError, load_policy
from tui.export import default_export, export_decisions
from tui.store import Store
from tui.ui.config import ConfigError, load_config
from tui.ui.gateway import Gateway


def cli(db, *args):
    result = CliRunner().invoke(main, ["--db", str(db), *map(str, args)])
    return result


def cases_file(tmp_path):
    path = tmp_path / "cases.jsonl"
    path.write_text(json.dumps({"name": "New Person", "sent_at": "2026-01-02T03:04:05"}) + "\n")
    return path


def refused(call, *errors):
    with pytest.raises(errors):
        call()


WAYS = {
    "Store.open": lambda db, tmp: Store.open(db).close(),
    "Store.open readonly": lambda db, tmp: Store.open(db, readonly=True).close(),
    "Store.open create": lambda db, tmp: Store.open(db, create=True).close(),
    "gateway's reader": lambda db, tmp: _gateway_reader(db),
    "export worker": lambda db, tmp: _export(db, tmp),
    "open command's check": lambda db, tmp: _inbox_is_empty(db),
    "seed": lambda db, tmp: seed_database(db, count=3, seed=1),
    "seed --reset": lambda db, tmp: seed_database(db, count=3, seed=2, reset=True),
    "cli seed": lambda db, tmp: cli(db, "seed", "-n", "2"),
    "cli import": lambda db, tmp: cli(db, "import", cases_file(tmp)),
    "cli import of the database": lambda db, tmp: cli(db, "import", db),
    "cli explain": lambda db, tmp: cli(db, "explain"),
    "cli export": lambda db, tmp: cli(db, "export", "-o", tmp / "out.csv"),
    "cli report": lambda db, tmp: cli(db, "report"),
    "policy named as the database": lambda db, tmp: refused(lambda: load_policy(db), PolicyError),
    "config named as the wal": lambda db, tmp: refused(
        lambda: load_config(f"{db}-wal"), ConfigError
    ),
    "small file read of the shm": lambda db, tmp: refused(
        lambda: read_small_file(f"{db}-shm", what="file", limit=10**9), InputFileError
    ),
}


def _gateway_reader(db):
    gateway = Gateway(Store.open(db), db)
    gateway.slow_read(Store.counts)
    gateway.close()


def _export(db, tmp):
    with default_export(db) as out, Store.open(db, readonly=True, verify=False) as store:
        export_decisions(store, out)


@pytest.fixture(scope="module")
def elsewhere():
    """Another process, asked about the file (it keeps no connection between questions)."""
    probe = Elsewhere()
    yield probe
    probe.close()


@pytest.mark.parametrize("way", list(WAYS))
def test_the_lock_survives_every_second_connection(tmp_path, way, elsewhere):
    db = make_db(tmp_path)
    first = Store.open(db)  # the app's connection
    try:
        first.counts()
        assert elsewhere.lock_held(db)
        WAYS[way](db, tmp_path)
        assert elsewhere.lock_held(db), f"{way} dropped the process's lock"
        # What the first connection writes now is still seen by other processes, through a
        # WAL nobody deleted.
        first.record_decision(2, "ask", session="first")
        seen = elsewhere.count(db, "SELECT count(*) FROM decisions WHERE session = 'first'")
        assert seen == "1"
        assert (tmp_path / "inbox.db-wal").exists()
    finally:
        first.close()


async def test_the_app_keeps_its_lock_through_its_own_second_connections(tmp_path, elsewhere):
    db = make_db(tmp_path)
    app = open_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)  # the counts have been read on the app's second connection
        await press(pilot, "6", "e")  # another split, an export: more second connections
        assert elsewhere.lock_held(db)
        await press(pilot, "a")
        assert elsewhere.count(db, "SELECT count(*) FROM decisions") == "1"
