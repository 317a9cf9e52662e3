"""What each served session runs, and in which directory.

The command line is fixed when the server starts, from its own options; the only part
that changes between sessions is the session's directory, which the server names. No part
of a request (URL, query string, WebSocket message) ever reaches it, and every part is
shell-quoted (textual-serve runs it through ``/bin/sh``).

The session runs ``python -I -m tui``: isolated mode ignores ``PYTHON*`` variables, so no
``PYTHONINSPECT`` or ``PYTHONSTARTUP`` inherited from the trainer's shell can turn the end
of a session into a Python prompt on the browser's keyboard. The shell writes its process
id into the directory and then ``exec``s Python, so the server can end a session that does
not stop when asked, and the session is the server's direct child (see
:mod:`tui.serve.watchdog`).
"""

from __future__ import annotations

import shlex
import sys
from dataclasses import dataclass, field
from pathlib import Path

from tui.serve.classroom import Seat
from tui.store.copy import copy_database

INBOX_FILE = "inbox.db"


@dataclass(frozen=True)
class Plan:
    """Training on ``scenario`` (results in ``results``), or with ``demo`` a copy of that inbox."""

    results: Path
    scenario: str | None = None
    demo: Path | None = None
    policy: str | None = None
    python: str = field(default=sys.executable)

    @property
    def kind(self) -> str:
        return "demo inbox" if self.demo is not None else "training"

    def prepare(self, seat: Seat) -> None:
        """Put the session's own copy of the demo inbox in its directory (training builds its
        exercise itself, in the session process)."""
        if self.demo is not None:
            copy_database(self.demo, seat.directory / INBOX_FILE)

    def arguments(self, seat: Seat) -> list[str]:
        policy = ["--policy", self.policy] if self.policy else []
        python = [self.python, "-I", "-m", "tui"]
        if self.demo is not None:
            return [*python, "--db", str(seat.directory / INBOX_FILE), *policy, "open"]
        scenario = ["--scenario", self.scenario] if self.scenario else []
        return [
            *python,
            "--db",
            str(self.results),
            *policy,
            "served-training",
            "--workdir",
            str(seat.directory),
            *scenario,
        ]

    def command(self, seat: Seat) -> str:
        directory = shlex.quote(str(seat.directory))
        pid_file = shlex.quote(str(seat.pid_file))
        return f"cd {directory} && echo $$ > {pid_file} && exec {shlex.join(self.arguments(seat))}"
