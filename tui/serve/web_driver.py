"""Whether this process runs under ``invite-triage serve`` (Textual's web driver).

textual-serve starts each session with ``TEXTUAL_DRIVER`` naming Textual's web driver and
pipes (not a terminal) on stdin and stdout: the app talks to the browser through them.
"""

from __future__ import annotations

import os

WEB_DRIVER = "textual.drivers.web_driver:WebDriver"


def served() -> bool:
    return os.environ.get("TEXTUAL_DRIVER") == WEB_DRIVER
