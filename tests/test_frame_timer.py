"""``FrameTimer``: the inbox screen's frames, asked for by ``resume``, at most one per
period, and nothing left to wake the loop once a frame is painted."""

from __future__ import annotations

import asyncio
from contextlib import contextmanager
from types import SimpleNamespace

from tui.ui.frame_timer import FrameTimer, ask_frame


class FakeScreen:
    def __init__(self, fail: bool = False):
        self.frames: list[float] = []
        self.errors: list[Exception] = []
        self.fail = fail
        self.inside = False
        self.painted_inside: list[bool] = []
        self.app = SimpleNamespace(_exit=False, _handle_exception=self.errors.append)

    def _on_timer_update(self) -> None:
        self.frames.append(asyncio.get_running_loop().time())
        self.painted_inside.append(self.inside)
        if self.fail:
            raise RuntimeError("paint failed")

    @contextmanager
    def _context(self):
        self.inside = True
        try:
            yield
        finally:
            self.inside = False


async def test_resume_paints_one_frame_however_often_it_is_asked():
    screen = FakeScreen()
    timer = FrameTimer(screen, 0.01)
    timer.resume()
    timer.resume()
    assert timer.due
    await asyncio.sleep(0.05)
    assert len(screen.frames) == 1
    assert not timer.due  # nothing is left to wake the loop after the frame
    assert screen.painted_inside == [True]  # in the screen's context, as Textual's timer


async def test_pause_calls_the_frame_off():
    screen = FakeScreen()
    timer = FrameTimer(screen, 0.01)
    timer.resume()
    timer.pause()
    await asyncio.sleep(0.03)
    assert screen.frames == []
    timer.resume()  # and a later change still gets its frame
    await asyncio.sleep(0.03)
    assert len(screen.frames) == 1


async def test_frames_are_at_least_a_period_apart():
    screen = FakeScreen()
    timer = FrameTimer(screen, 0.05)
    for _ in range(3):
        timer.resume()
        while timer.due:
            await asyncio.sleep(0.005)
    first, second, third = screen.frames
    assert second - first >= 0.05 - 1e-3
    assert third - second >= 0.05 - 1e-3


async def test_a_failing_frame_goes_to_the_app_as_textuals_timer_sends_it():
    screen = FakeScreen(fail=True)
    timer = FrameTimer(screen, 0.01)
    timer.resume()
    await asyncio.sleep(0.03)
    assert [str(error) for error in screen.errors] == ["paint failed"]


async def test_no_frame_is_painted_while_the_app_exits():
    screen = FakeScreen()
    timer = FrameTimer(screen, 0.01)
    timer.resume()
    screen.app._exit = True
    await asyncio.sleep(0.03)
    assert screen.frames == []


async def test_a_stopped_timer_paints_nothing_even_when_resumed():
    screen = FakeScreen()
    timer = FrameTimer(screen, 0.01)
    timer.resume()
    timer.stop()
    timer.resume()  # as Textual's screen may, while it is being taken down
    await asyncio.sleep(0.03)
    assert screen.frames == [] and not timer.due


class AskedScreen(FakeScreen):
    def __init__(self, *, current: bool = True, batch: int = 0, waiting: int = 0):
        super().__init__()
        self._update_timer = FrameTimer(self, 0.01)
        self.is_current = current
        self.app._batch_count = batch
        self._message_queue = asyncio.Queue()
        for _ in range(waiting):
            self._message_queue.put_nowait("a message")
        self.prompts = 0

    def check_idle(self) -> None:
        self.prompts += 1


async def test_asking_a_shown_screen_for_a_frame_needs_no_prompt():
    screen = AskedScreen()
    ask_frame(screen)
    assert screen._update_timer.due and screen.prompts == 0
    await asyncio.sleep(0.03)
    assert len(screen.frames) == 1


async def test_a_hidden_or_busy_screen_or_an_open_batch_is_left_to_textuals_idle_check():
    for screen in (AskedScreen(current=False), AskedScreen(batch=1), AskedScreen(waiting=1)):
        ask_frame(screen)
        assert not screen._update_timer.due and screen.prompts == 1
