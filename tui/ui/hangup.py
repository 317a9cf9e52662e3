"""Noticing that the terminal went away when no SIGHUP says so (no Textual in here).

A terminal that closes normally sends SIGHUP, which the app already handles. But the
terminal end of stdin can also just go away with no signal (a pseudo-terminal whose other
side closed, when it is not the app's controlling terminal, or a pipe whose writer
exited): reading it then returns end of input at once, for ever, and the input loop spins.
``poll`` reports that state as POLLHUP without reading anything, so this thread can tell
the app to end, as SIGHUP would, while leaving every byte of real input to the app.
"""

from __future__ import annotations

import select
import threading
from collections.abc import Callable

GONE = select.POLLHUP | select.POLLERR | select.POLLNVAL
WAKE_SECONDS = 0.5  # how often the thread looks whether it should stop


class StdinHangup:
    """Calls ``on_hangup()`` once (from its own thread) when ``fd`` reports a hang-up."""

    def __init__(self, fd: int, on_hangup: Callable[[], None]) -> None:
        self._fd = fd
        self._on_hangup = on_hangup
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="invite-triage-hangup", daemon=True)

    def start(self) -> StdinHangup:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopped.set()

    def _run(self) -> None:
        poller = select.poll()
        poller.register(self._fd, 0)  # no events asked for: only hang-up and errors report
        while not self._stopped.is_set():
            try:
                events = poller.poll(WAKE_SECONDS * 1000)
            except InterruptedError:
                continue
            if any(mask & GONE for _, mask in events):
                if not self._stopped.is_set():
                    self._on_hangup()
                return
