"""Simulated time: one clock the store, the replies and the arrivals all read.

Two kinds share one interface. A :class:`DrivenClock` moves only when told
(``advance``), so tests and headless runs are exact and instant. A :class:`ScaledClock`
follows the wall clock at ``speed`` simulated seconds per real second, so in training a
reply that "takes two hours" arrives within a minute; ``advance`` still jumps it forward
(a trainer skipping ahead).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

# A fixed start keeps scenario timestamps identical from run to run.
EPOCH = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
# Training speed: three simulated minutes per real second. The quickest reply a built-in
# scenario scripts (two hours) then takes 40 s, just longer than reading a long detail pane
# (120 words, the 90th percentile) and the ask's message at 238 words a minute: a reply
# never interrupts the trainee mid-profile. tests/bench/pace_bench.py works it out; at
# the old 3600 (an hour a second) it came after 2 s.
DEFAULT_SPEED = 180.0


def iso(moment: datetime) -> str:
    """The one text form every simulated time is stored in (sorts as it should)."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def parse(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class DrivenClock:
    """Stands still until ``advance`` or ``advance_to`` moves it."""

    def __init__(self, start: datetime = EPOCH):
        self._now = start

    def now(self) -> datetime:
        return self._now

    def iso(self) -> str:
        """Usable as a store clock: ``Store.open(path, clock=clock.iso)``."""
        return iso(self.now())

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a clock cannot go backwards")
        self._now += timedelta(seconds=seconds)

    def advance_to(self, moment: datetime) -> None:
        """Jump to ``moment``; a moment already past leaves the clock where it is."""
        self._now = max(self._now, moment)


class ScaledClock(DrivenClock):
    """Runs ``speed`` times faster than real time from ``start``.

    ``paused=True`` holds it at ``start`` until :meth:`run`: a served session builds its
    exercise before the trainee has typed a name, and the time that takes (at the default
    speed a minute is three simulated hours) must not age the inbox.
    """

    def __init__(
        self,
        speed: float,
        start: datetime = EPOCH,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        paused: bool = False,
    ):
        if speed <= 0:
            raise ValueError("speed must be positive")
        super().__init__(start)
        self.speed = speed
        self._monotonic = monotonic
        self._origin: float | None = None if paused else monotonic()

    def run(self) -> None:
        """Start a paused clock (a running one carries on)."""
        if self._origin is None:
            self._origin = self._monotonic()

    def now(self) -> datetime:
        if self._origin is None:
            return self._now
        elapsed = (self._monotonic() - self._origin) * self.speed
        return self._now + timedelta(seconds=elapsed)

    def advance_to(self, moment: datetime) -> None:
        self._now += max(timedelta(0), moment - self.now())
