"""CPU cost of showing one invitation in the detail pane, headless via ``run_test``.

Prints the median and p95 process time (ms) of ``DetailPane.show`` plus the repaint that
follows, alternating between a flagged stranger and a known contact, for a normal note and
a 10 kB note, at 80x24 and 160x48. For scale, the same figure for updating a one-line
``Static`` (about the least a key press can cost). Run: ``python tests/bench/detail_bench.py``.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Static

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _ui_samples import (
    KNOWN_FLAGS,
    KNOWN_RECOMMENDATION,
    PITCH_FLAGS,
    PITCH_RECOMMENDATION,
    known_invitation,
    pitch_invitation,
)

from tui.ui.inbox.detail_pane import DetailPane

ROUNDS = 200


class PaneApp(App):
    def compose(self) -> ComposeResult:
        yield DetailPane()


class BaselineApp(App):
    def compose(self) -> ComposeResult:
        yield Static("0", id="line")


def summary(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    return f"median {statistics.median(ordered):6.2f} ms   p95 {p95:6.2f} ms"


async def pane_run(size: tuple[int, int], big_note: bool) -> list[float]:
    app = PaneApp()
    note = ("a long note " * 900)[:10_000] if big_note else None
    cases = [
        (pitch_invitation(), PITCH_FLAGS, PITCH_RECOMMENDATION),
        (known_invitation(), KNOWN_FLAGS, KNOWN_RECOMMENDATION),
    ]
    samples = []
    async with app.run_test(size=size) as pilot:
        pane = app.query_one(DetailPane)
        await pilot.pause()
        for index in range(ROUNDS):
            invitation, flags, recommendation = cases[index % 2]
            invitation = replace(invitation, id=index)
            if note:
                invitation = replace(invitation, note=note)
            start = time.process_time()
            pane.show(invitation, flags, recommendation)
            await pilot.pause()
            samples.append((time.process_time() - start) * 1000)
    return samples


async def baseline_run(size: tuple[int, int]) -> list[float]:
    app = BaselineApp()
    samples = []
    async with app.run_test(size=size) as pilot:
        line = app.query_one("#line", Static)
        await pilot.pause()
        for index in range(ROUNDS):
            start = time.process_time()
            line.update(str(index))
            await pilot.pause()
            samples.append((time.process_time() - start) * 1000)
    return samples


async def main() -> None:
    for size in ((80, 24), (160, 48)):
        label = f"{size[0]}x{size[1]}"
        print(f"{label} one-line Static update : {summary(await baseline_run(size))}")
        print(f"{label} detail, normal note    : {summary(await pane_run(size, False))}")
        print(f"{label} detail, 10 kB note     : {summary(await pane_run(size, True))}")


if __name__ == "__main__":
    asyncio.run(main())
