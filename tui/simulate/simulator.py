"""The simulator's one entry point for a UI or a headless run: ``tick()``.

The UI-agnostic contract: record decisions through the store as usual, and call
:meth:`Simulator.tick` now and then (a timer in the app, in the same worker that does the
other database work, since a Store is used from one thread at a time). Each tick times the
new asks, delivers the replies that are due, adds live arrivals, and returns what changed
so the screen can refresh counts and notify. Headless runs use :meth:`run_until` on a
:class:`~tui.simulate.clock.DrivenClock`, jumping straight from one event to the next.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from tui.simulate.arrivals import Arrivals
from tui.simulate.clock import DrivenClock
from tui.simulate.replies import Assess, Draw, Replies


@dataclass(frozen=True, slots=True)
class SimEvents:
    """What one tick changed: ids that got a reply, ids that newly arrived."""

    replies: tuple[int, ...] = ()
    arrivals: tuple[int, ...] = ()
    asks_timed: tuple[int, ...] = field(default=(), compare=False)

    def __bool__(self) -> bool:
        return bool(self.replies or self.arrivals)

    def __add__(self, other: SimEvents) -> SimEvents:
        return SimEvents(
            self.replies + other.replies,
            self.arrivals + other.arrivals,
            self.asks_timed + other.asks_timed,
        )


class Simulator:
    """Replies (always) and live arrivals (when ``arrivals_per_hour`` is given) for a store.

    ``seed`` makes drawn replies and arrivals reproducible; ``assess`` re-evaluates an
    invitation once its reply is in (default: the built-in policy via ``tui.domain.assessment``),
    so the stored flags and recommendation follow the conversation.
    """

    def __init__(
        self,
        store,
        clock: DrivenClock,
        *,
        seed: int = 0,
        arrivals_per_hour: float | None = None,
        assess: Assess | None = None,
        draw: Draw | None = None,
        generate: Callable | None = None,
    ):
        self.store = store
        self.clock = clock
        self.replies = Replies(store, seed=seed, draw=draw, assess=assess)
        self.arrivals = None
        if arrivals_per_hour:
            from tui.simulate.difficulty import rate_item

            self.arrivals = Arrivals(
                store,
                per_hour=arrivals_per_hour,
                seed=seed,
                start=clock.now(),
                generate=generate,
                assess=assess or self.replies.assess,
                rate=rate_item,
            )

    def tick(self) -> SimEvents:
        """Bring the inbox up to the clock's now."""
        now = self.clock.now()
        timed = self.replies.schedule_new_asks()
        replies = self.replies.deliver_due(now)
        # An ask timed this very tick may already be due (a zero delay).
        if timed:
            replies += self.replies.deliver_due(now)
        arrivals = self.arrivals.due(now) if self.arrivals else []
        return SimEvents(tuple(replies), tuple(arrivals), tuple(timed))

    def next_event_at(self) -> datetime | None:
        """When something will next happen (None: nothing is scheduled).

        Times any asks made since the last tick first, so their replies count.
        """
        self.replies.schedule_new_asks()
        moments = [self.replies.next_due()]
        if self.arrivals is not None:
            moments.append(self.arrivals.next_at)
        moments = [m for m in moments if m is not None]
        return min(moments) if moments else None

    def run_until(
        self, moment: datetime, on_events: Callable[[SimEvents], None] | None = None
    ) -> SimEvents:
        """Drive the clock to ``moment`` event by event (for tests and headless runs).

        ``on_events`` is called after each tick that changed something, before the clock
        moves on, so a strategy can answer a reply at the moment it arrives.
        """
        total = self.tick()
        if total and on_events:
            on_events(total)
        while True:
            upcoming = self.next_event_at()
            if upcoming is None or upcoming > moment:
                break
            self.clock.advance_to(upcoming)
            events = self.tick()
            if events and on_events:
                on_events(events)
            total += events
        self.clock.advance_to(moment)
        events = self.tick()
        if events and on_events:
            on_events(events)
        return total + events
