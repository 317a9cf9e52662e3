"""A call on a node's message loop after a delay, for delays set and called off on every
key press (the neighbours' prefetch, the chrome's own frame).

A Textual ``Timer`` is an asyncio task with an event: starting one and stopping it costs
a task's creation, two of its steps and its cancellation on the event loop, on every
decision. A loop ``call_later`` handle is an entry in the loop's heap, and cancelling it
sets a flag. The callback runs as a timer's does, through the node's ``call_next`` (so
inside its message loop, and not at all once the node is closed).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from textual.message_pump import MessagePump


class Later:
    """``callback()`` on ``node``'s message loop ``delay`` seconds from now, unless
    :meth:`cancel` is called first (even after the delay, while the call waits its turn
    behind the message being handled). Create it on the UI thread."""

    def __init__(self, node: MessagePump, delay: float, callback: Callable[[], Any]) -> None:
        self._callback = callback
        self.cancelled = False
        self._handle = asyncio.get_running_loop().call_later(delay, node.call_next, self._due)

    def cancel(self) -> None:
        self.cancelled = True
        self._handle.cancel()

    def _due(self) -> None:
        if not self.cancelled:
            self._callback()
