"""The clock of a screen's frames, as a loop handle instead of Textual's ``Timer`` task.

Textual paints a screen's changes from a repeating timer that it pauses after each frame
and resumes when something changes (``Screen._update_timer``). That timer is a task that,
after every frame it paints, still sleeps until its next beat and wakes once more only to
find itself paused. On this machine a wake-up from idle costs about 0.2 ms of CPU, so
every key that changes the screen paid for one more. This clock keeps the same contract
(``resume`` asks for a frame, ``pause`` calls it off, frames at most ``period`` apart)
with one loop ``call_at`` handle per frame and nothing left after it.
"""

from __future__ import annotations

import asyncio
from contextlib import AbstractContextManager
from typing import Protocol


class FramedScreen(Protocol):
    app: object

    def _on_timer_update(self) -> None: ...

    def _context(self) -> AbstractContextManager[None]: ...


class FrameTimer:
    """Calls ``screen._on_timer_update()`` once after :meth:`resume`, no sooner than
    ``period`` seconds after the previous call. Use it on the UI thread."""

    def __init__(self, screen: FramedScreen, period: float) -> None:
        self._screen = screen
        self._period = period
        self._handle: asyncio.TimerHandle | None = None
        self._last: float | None = None
        self._stopped = False

    @property
    def due(self) -> bool:
        """A frame is asked for and has not been painted yet."""
        return self._handle is not None

    def resume(self) -> None:
        if self._handle is None and not self._stopped:
            loop = asyncio.get_running_loop()
            if self._last is None:
                # The first frame a period from now, as Textual's timer starts: what the
                # screen's first moments bring (its rows) comes in one frame, not two.
                self._last = loop.time()
            when = max(loop.time(), self._last + self._period)
            self._handle = loop.call_at(when, self._tick)

    def pause(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None

    def stop(self) -> None:
        """For good: as a stopped Textual timer, it paints nothing after this."""
        self._stopped = True
        self.pause()

    def _tick(self) -> None:
        self._handle = None
        self._last = asyncio.get_running_loop().time()
        app = self._screen.app
        if app._exit:  # type: ignore[attr-defined]
            return  # as Textual's timer: the app is closing
        try:
            # In the screen's context, as Textual's timer task (the messages a frame
            # posts, such as a resize, come from the screen).
            with self._screen._context():
                self._screen._on_timer_update()
        except Exception as error:  # as Textual's timer: the app shows it and exits
            app._handle_exception(error)  # type: ignore[attr-defined]


def ask_frame(screen) -> None:
    """Ask ``screen`` for a frame for the widgets just added to its dirty set.

    Textual's way is ``screen.check_idle()``: a ``Prompt`` message wakes the screen's
    message loop, and its idle handler resumes the frame timer when the screen is shown
    and no batch update is open. This resumes it at once, on the same conditions, and
    leaves the rest to Textual's way: another screen's timer, a batch, a hidden screen,
    and a screen with messages waiting (its idle check comes after them, and so does
    the frame, with whatever they change in it).
    """
    timer = screen._update_timer
    if (
        isinstance(timer, FrameTimer)
        and screen.is_current
        and not screen.app._batch_count
        and screen._message_queue.empty()
    ):
        timer.resume()
    else:
        screen.check_idle()
