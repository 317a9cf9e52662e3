"""Make ``docs/serve.png``, the README's picture of ``invite-triage serve``, in a real browser.

    .venv/bin/python docs/serve_screenshot.py

Starts ``serve --scenario the-post`` on a free local port, opens it in headless Chromium
(Debian's ``chromium`` and ``chromium-driver``), types a trainee's name, ignores the first
invitation, closes the verdict and photographs the training inbox the trainee is back in.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from _browser import chromium
from _serve_support import running_server

OUT = Path(__file__).with_name("serve.png")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        with (
            running_server(folder, "--scenario", "the-post") as server,
            chromium(folder / "profile", width=1100, height=700) as browser,
        ):
            browser.open(server.url)
            browser.wait_for("Type your name")
            browser.focus_terminal()
            browser.type("Sam Okafor\n")
            browser.wait_for("Priya Raman")
            browser.type("x")
            browser.wait_for("policy:")
            browser.type("\n")
            browser.wait_for("TRAINING")
            time.sleep(1)  # the canvas draws the last frame after it arrives
            browser.screenshot(OUT)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
