"""What an inbox screen needs from the app that shows it, handed over as one object.

The screen never reaches into the app: the app builds these once (the store gateway, the
clock, the session name, the timings) and passes them down.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from tui.ui.gateway import Gateway

# Cursor moves closer together than this (seconds) are a burst, such as a held ``j``: the
# detail pane and the status line catch up when the burst ends instead of on every row.
SETTLE_DELAY = 0.15

# Seconds between repaints of the list's "when" column (a row sent "3h" ago moves on).
AGE_TICK = 30.0


def _nothing() -> None:
    return None


@dataclass(frozen=True)
class Services:
    gateway: Gateway
    now: Callable[[], datetime]  # the clock the list's ages are computed against
    session: str  # the decision log's name for this run (undo steps back within it)
    settle_delay: float = SETTLE_DELAY
    age_tick: float = AGE_TICK
    # The inbox shows its first full screen: rows, counts, and the detail (or no row).
    on_first_screen: Callable[[], None] = _nothing
