"""Running the app in a real pseudo-terminal, as a user starts it."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

ROOT = Path(__file__).parent.parent


class Terminal:
    """``python -m tui ARGS`` on a pseudo-terminal of 80x24 that this object holds."""

    def __init__(self, args: list[str], *, size: tuple[int, int] = (80, 24)) -> None:
        self.controller, terminal = pty.openpty()
        cols, rows = size
        fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        # No new session: the pseudo-terminal is not the app's controlling terminal, so
        # closing it sends no SIGHUP (the app must notice the end of input by itself).
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tui", *args],
            stdin=terminal,
            stdout=terminal,
            stderr=terminal,
            env={**os.environ, "TERM": "xterm-256color"},
            cwd=ROOT,
        )
        os.close(terminal)
        self.output = b""
        self.closed = False

    def read_until(self, predicate, timeout: float) -> bool:
        """Collect output until ``predicate(output)`` holds, the app ends, or time is up."""
        deadline = time.monotonic() + timeout
        while not predicate(self.output):
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            ready, _, _ = select.select([self.controller], [], [], min(left, 0.2))
            if not ready:
                continue
            try:
                chunk = os.read(self.controller, 65536)
            except OSError:  # the app has gone and its end of the terminal with it
                return predicate(self.output)
            if not chunk:
                return predicate(self.output)
            self.output += chunk
        return True

    def close(self) -> None:
        """Hang up: close the terminal's other end (no signal is sent)."""
        if not self.closed:
            self.closed = True
            os.close(self.controller)

    def wait(self, timeout: float) -> int | None:
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            return None

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.close()

    @property
    def text(self) -> str:
        return self.output.decode("utf-8", "replace").replace("\r\n", "\n")


def run_in_a_terminal(args: list[str], timeout: float = 60) -> tuple[int | None, str]:
    """Run the app in a pseudo-terminal until it ends; its exit code and what it printed
    (exit code None if it was still running after ``timeout`` and had to be killed)."""
    terminal = Terminal(args)
    deadline = time.monotonic() + timeout
    try:
        # Until the terminal reports the app's end (or time is up), then its exit code.
        terminal.read_until(lambda _: False, timeout)
        code = terminal.wait(max(1.0, deadline - time.monotonic()))
    finally:
        terminal.kill()
    return code, terminal.text
