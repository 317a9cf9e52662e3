"""Noticing what other windows and commands write to the inbox (no Textual in here).

SQLite's ``PRAGMA data_version`` on a connection changes whenever *another* connection
commits to the file, in this process or any other, and not for the connection's own
writes. So the app polls it on its own (writing) connection: a change means some other
window, ``seed`` or ``import`` wrote, and the screen should refresh its counts and rows.
The poll costs a few microseconds; it runs on a thread of its own so the UI never waits.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

POLL_SECONDS = 0.4  # a change shows within about this (plus one page load)


class OutsideChanges:
    """Calls ``on_change()`` (from its own thread) when ``read_version()`` moves."""

    def __init__(
        self,
        read_version: Callable[[], int],
        on_change: Callable[[], None],
        *,
        interval: float = POLL_SECONDS,
        name: str = "invite-triage-watch",
    ) -> None:
        self._read = read_version
        self._on_change = on_change
        self._interval = interval
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    def start(self) -> OutsideChanges:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopped.set()

    def _run(self) -> None:
        last = self._version()
        while not self._stopped.wait(self._interval):
            version = self._version()
            if version is None:
                continue
            if last is not None and version != last and not self._stopped.is_set():
                self._on_change()
            last = version

    def _version(self) -> int | None:
        try:
            return self._read()
        except Exception:  # closed, or the file went bad: the app hears of that elsewhere
            return None
