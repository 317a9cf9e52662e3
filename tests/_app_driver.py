"""Run the app under Pilot in a process of its own, driven by JSON lines on stdin.

    python tests/_app_driver.py DB SESSION

Each request is one JSON object on a line; each answer is one JSON object on a line:

- ``{"press": ["a", "j"]}``: press the keys one at a time, each let settle; answers
  ``{"screen": "..."}``, the whole screen as text once the last key has settled.
- ``{"type": ["a"]}``: press the keys without waiting for anything; answers at once.
- ``{"wait": ["text", ...], "timeout": 20}``: let the app run until one of the texts is
  on the screen; answers ``{"ok": true|false, "screen": "..."}``.
- ``{"screen": true}``: answers ``{"screen": "..."}`` at once.

The first line it writes is ``{"ready": true, "screen": "..."}`` once the first rows show.
Used by the multi-process tests, which SIGKILL this process to see what survives.
"""

from __future__ import annotations

import asyncio
import json
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from conftest import open_app, screen_text, settle


def say(obj) -> None:
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


async def main(db: str, session: str) -> None:
    loop = asyncio.get_running_loop()
    requests: asyncio.Queue = asyncio.Queue()

    def read() -> None:
        for line in sys.stdin:
            loop.call_soon_threadsafe(requests.put_nowait, line)
        loop.call_soon_threadsafe(requests.put_nowait, None)

    threading.Thread(target=read, daemon=True).start()
    app = open_app(Path(db), session=session)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        say({"ready": True, "screen": screen_text(app)})
        while (line := await requests.get()) is not None:
            request = json.loads(line)
            if "press" in request:
                for key in request["press"]:
                    await pilot.press(key)
                    await settle(pilot)
                say({"screen": screen_text(app)})
            elif "type" in request:
                await pilot.press(*request["type"])
                say({"screen": screen_text(app)})
            elif "wait" in request:
                deadline = time.monotonic() + float(request.get("timeout", 20))
                wanted = request["wait"]
                while time.monotonic() < deadline:
                    text = screen_text(app)
                    if any(w in text for w in wanted):
                        break
                    await asyncio.sleep(0.02)
                say({"ok": any(w in text for w in wanted), "screen": text})
            else:
                say({"screen": screen_text(app)})


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2]))
