"""Real processes on one database file, for the multi-process tests.

:class:`AppProcess` runs the app under Pilot in a subprocess (see ``_app_driver.py``) and
talks to it; :func:`cli` runs an ``invite-triage`` command in a subprocess; :func:`decide`
runs a second store writer in a subprocess. Every wait is a generous timeout around a
poll, never a sleep tuned to one machine.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
from pathlib import Path
from queue import Empty, Queue

HERE = Path(__file__).parent
TIMEOUT = 60.0  # seconds for anything a process is asked to do; it usually takes < 1 s
ACK = re.compile(r"\b(accepted|ignored) (.+?) · z undoes")


class AppProcess:
    """The app under Pilot in a process of its own; ``kill()`` sends SIGKILL."""

    def __init__(self, db: Path, session: str, log: Path) -> None:
        self._log = log.open("w")
        self.process = subprocess.Popen(
            [sys.executable, str(HERE / "_app_driver.py"), str(db), session],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log,
            text=True,
            cwd=HERE.parent,
        )
        self._answers: Queue = Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.screen = self._answer()["screen"]

    def _read(self) -> None:
        for line in self.process.stdout:
            self._answers.put(json.loads(line))
        self._answers.put(None)

    def _answer(self, timeout: float = TIMEOUT) -> dict:
        try:
            answer = self._answers.get(timeout=timeout)
        except Empty:
            raise AssertionError(f"the app process did not answer; see {self._log.name}") from None
        if answer is None:
            raise AssertionError(f"the app process ended; see {self._log.name}")
        return answer

    def _ask(self, request: dict) -> dict:
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        # A wait runs in the app process for its own timeout; its answer comes after that.
        answer = self._answer(TIMEOUT + float(request.get("timeout", 0)))
        self.screen = answer["screen"]
        return answer

    def press(self, *keys: str) -> str:
        return self._ask({"press": list(keys)})["screen"]

    def type(self, *keys: str) -> None:
        """Press keys without waiting for what they start."""
        self._ask({"type": list(keys)})

    def wait_for(self, *texts: str, timeout: float = TIMEOUT) -> str:
        """Let the app run until one of ``texts`` shows (it waits, not the test process)."""
        answer = self._ask({"wait": list(texts), "timeout": timeout})
        assert answer["ok"], f"the app never showed {texts!r}:\n{answer['screen']}"
        return answer["screen"]

    def kill(self) -> None:
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(TIMEOUT)
        self._log.close()


def acknowledged(screen: str) -> tuple[str, str]:
    """The decision the status line reports as done: ``(status, name)``."""
    found = ACK.search(screen)
    assert found, f"no decision acknowledged on screen:\n{screen}"
    return found.group(1), found.group(2)


def cli(db: Path, *args: str) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "-m", "tui", "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        cwd=HERE.parent,
    )
    assert result.returncode == 0, result.stderr
    return result


_DECIDE = """
import sys
from tui.store import Store
db, action, session, *ids = sys.argv[1:]
with Store.open(db) as store:
    for invitation_id in ids:
        store.record_decision(int(invitation_id), action, session=session)
"""


def decide(db: Path, action: str, session: str, ids: list[int]) -> None:
    """A second store writer in a process of its own: one decision per id."""
    subprocess.run(
        [sys.executable, "-c", _DECIDE, str(db), action, session, *map(str, ids)],
        check=True,
        timeout=TIMEOUT,
        cwd=HERE.parent,
    )
