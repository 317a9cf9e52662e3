"""``Later``: a delayed call that a key press can still call off after its delay passed,
while the call waits its turn behind the message being handled."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

from tui.ui.later import Later


async def test_a_later_runs_its_callback_on_the_node_after_the_delay():
    queued = []
    ran = []
    Later(SimpleNamespace(call_next=queued.append), 0.01, lambda: ran.append("ran"))
    assert queued == []
    await asyncio.sleep(0.05)
    assert len(queued) == 1 and ran == []  # handed to the node's loop, not run in between
    queued[0]()
    assert ran == ["ran"]


async def test_a_later_called_off_while_its_call_waits_its_turn_does_not_run():
    queued = []
    ran = []
    later = Later(SimpleNamespace(call_next=queued.append), 0, lambda: ran.append("ran"))
    await asyncio.sleep(0.02)
    later.cancel()  # the key handled before the call's turn came
    for call in queued:
        call()
    assert ran == []


async def test_a_later_called_off_in_time_is_never_handed_over():
    queued = []
    later = Later(SimpleNamespace(call_next=queued.append), 0.01, lambda: None)
    later.cancel()
    await asyncio.sleep(0.05)
    assert queued == []
