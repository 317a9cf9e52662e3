"""The sessions running now: at most ``limit``, each with a directory of its own.

A seat is taken when a browser's WebSocket arrives and given back when its session has
ended; giving it back removes the session's directory (its copy of the exercise or of the
demo inbox, and anything the app wrote beside it). Everything lives under one ``root``
that the server removes when it stops.
"""

from __future__ import annotations

import itertools
import shutil
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Seat:
    number: int
    directory: Path

    @property
    def pid_file(self) -> Path:
        """Where the session's command writes its process id (see :mod:`tui.serve.plan`)."""
        return self.directory / "pid"


class Classroom:
    def __init__(self, root: Path, limit: int) -> None:
        if limit < 1:
            raise ValueError("a classroom needs at least one seat")
        self.root = root
        self.limit = limit
        self._seats: dict[int, Seat] = {}
        self._numbers = itertools.count(1)

    @property
    def active(self) -> int:
        return len(self._seats)

    @property
    def full(self) -> bool:
        return self.active >= self.limit

    def seats(self) -> list[Seat]:
        return list(self._seats.values())

    def take(self) -> Seat | None:
        """A new seat with an empty private directory, or ``None`` when the room is full."""
        if self.full:
            return None
        number = next(self._numbers)
        directory = self.root / f"session-{number}"
        directory.mkdir(mode=0o700)
        seat = Seat(number, directory)
        self._seats[number] = seat
        return seat

    def leave(self, seat: Seat) -> None:
        self._seats.pop(seat.number, None)
        shutil.rmtree(seat.directory, ignore_errors=True)
