"""The app when the file or the disk lets it down: it says so, and leaves nothing behind."""

from __future__ import annotations

import asyncio
import time

from conftest import notifications, open_app, press, settle

from tui.store import Store, connection
from tui.ui import gateway as gateway_module


def wreck_last_pages(path, pages: int = 2) -> None:
    """Overwrite the file's last pages: the header and the first pages stay intact."""
    data = bytearray(path.read_bytes())
    data[-4096 * pages :] = b"\x13" * (4096 * pages)
    path.write_bytes(bytes(data))


async def test_damage_found_after_the_first_screen_ends_the_app_with_one_line(db, monkeypatch):
    # A large file is checked whole only once the app shows its first screen; this one is
    # "large" for the test's sake, so the open does not catch the damage first.
    monkeypatch.setattr(connection, "VERIFY_PAGES", 1)
    monkeypatch.setattr(gateway_module, "VERIFY_PAGES", 1)
    with Store.open(db) as store:  # fold the WAL into the file
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    wreck_last_pages(db)
    app = open_app(db, store=Store.open(db, verify=False))
    async with app.run_test(size=(100, 30)) as pilot:
        deadline = time.monotonic() + 20
        while app.is_running and time.monotonic() < deadline:
            await asyncio.sleep(0.02)
        await pilot.pause()
    assert app.return_code == 1
    assert app.fatal_message is not None and "is damaged" in app.fatal_message
    assert "\n" not in app.fatal_message


async def test_a_failed_export_leaves_no_empty_folder(db, monkeypatch):
    import tui.export

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(tui.export, "export_decisions", full_disk)
    app = open_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "e")
        # The error is a toast; Textual offers no public list of them (as test_app_keys).
        deadline = time.monotonic() + 20
        while not any("export failed" in message for message in notifications(app)):
            assert time.monotonic() < deadline, "no error shown"
            await asyncio.sleep(0.02)
        assert notifications(app) == ["export failed: No space left on device"]
    assert not (db.parent / "exports").exists()


async def test_the_damage_check_of_a_large_file_keeps_no_count_waiting(db, monkeypatch):
    """The whole-file check takes seconds on a large inbox: it starts once the first full
    screen is up, and the split counts and the list's length are read meanwhile."""
    import threading

    checking, release = threading.Event(), threading.Event()
    screen_then = []

    def slow_check(store, db_path):
        screen = app.screen
        screen_then.append((screen.counts is not None, screen.shown is not None))
        checking.set()
        release.wait(60)
        return True

    monkeypatch.setattr(gateway_module, "_verify_large", slow_check)
    app = open_app(db)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            deadline = time.monotonic() + 10
            while not (checking.is_set() and app.screen.counts is not None):
                assert time.monotonic() < deadline, "the counts waited for the check"
                await asyncio.sleep(0.02)
            await pilot.pause()
            assert app.screen.counts["pending"] == 5
            assert app.screen.inbox.total_known and app.screen.inbox.total == 5
            assert not release.is_set()  # the check is still running
            # ... and it began only once the first full screen was up.
            assert screen_then == [(True, True)]
    finally:
        release.set()
