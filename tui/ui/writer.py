"""One long-lived thread that runs a screen's writes (decisions, undo) in order.

A Textual thread worker per decision costs an asyncio task and two or three state-change
messages on the UI thread, about half a millisecond of a decision's few milliseconds.
Writes never overlap anyway (the screen queues decision keys until the last write has
returned), so one thread that takes them from a queue does the same job without that
overhead. Like a worker it keeps the disk off the UI thread; a job posts its result back
itself (see :mod:`tui.ui.deliver`).

The thread is a daemon, so it can never keep the process alive. A write that is running
when the app closes still finishes: the gateway closes the store only once the call
holding its lock has returned.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import Any

Job = tuple[Callable[..., Any], tuple[Any, ...]]


class Writer:
    """Runs ``submit``-ted calls one after another on a thread of its own."""

    def __init__(self, name: str = "invite-triage-writer") -> None:
        self._name = name
        self._jobs: queue.SimpleQueue[Job | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._closed = False

    def submit(self, fn: Callable[..., Any], *args: Any) -> None:
        """Queue ``fn(*args)``. ``fn`` must catch its own errors and report them."""
        if self._closed:
            raise RuntimeError("the writer is closed")
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
            self._thread.start()
        self._jobs.put((fn, args))

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        """Let the queued jobs finish, then end the thread (returns at once)."""
        if not self._closed:
            self._closed = True
            self._jobs.put(None)

    def join(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self) -> None:
        while (job := self._jobs.get()) is not None:
            fn, args = job
            try:
                fn(*args)
            except Exception:  # a job reports its own errors; keep serving the next ones
                continue
