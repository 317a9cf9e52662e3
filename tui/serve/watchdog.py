"""A session process ends when the server that started it is gone.

The server stops its sessions when it shuts down, but if it is killed outright (SIGKILL,
an out-of-memory kill) nobody tells them. A session is the server's direct child (the
command ``exec``s Python), so a change of parent means the server has died: the session
then sends itself SIGTERM, which Textual's web driver turns into a normal exit.
"""

from __future__ import annotations

import os
import signal
import threading
import time

CHECK_SECONDS = 1.0


def end_with_parent(interval: float = CHECK_SECONDS) -> threading.Thread:
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(interval)
        os.kill(os.getpid(), signal.SIGTERM)

    thread = threading.Thread(target=watch, name="end-with-parent", daemon=True)
    thread.start()
    return thread
