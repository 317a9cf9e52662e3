"""Handing a worker thread's result back to the UI thread without blocking the worker.

``App.call_from_thread`` waits for the UI to run the callback, which can hang a worker
while the app shuts down. Posting a message never blocks: the node's own message loop runs
the callback on the UI thread, or drops it when the node is already gone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.message import Message


class Deliver(Message, bubble=False):
    """Run ``callback(*args)`` on the UI thread of the node it is posted to."""

    def __init__(self, callback: Callable[..., Any], args: tuple[Any, ...]):
        super().__init__()
        self.callback = callback
        self.args = args


class DeliverMixin:
    """Mixed into widgets and screens whose workers post results back with :meth:`deliver`."""

    def deliver(self, callback: Callable[..., Any], *args: Any) -> None:
        """Thread-safe: queue ``callback(*args)`` to run on this node's UI thread."""
        self.post_message(Deliver(callback, args))  # type: ignore[attr-defined]

    def on_deliver(self, message: Deliver) -> None:
        message.stop()
        message.callback(*message.args)
