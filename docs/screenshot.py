"""Make ``docs/inbox.svg``, the README's screenshot, from the real app on the demo inbox.

    .venv/bin/python docs/screenshot.py

Seeds the demo inbox (seed 42) into a temporary file, opens the app headless at 100x30,
moves to an invitation with a note that carries red flags, and saves an SVG.
"""

from __future__ import annotations

import asyncio
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from tui.commands.seed import seed_database
from tui.ui.app import InviteTriageApp

OUT = Path(__file__).with_name("inbox.svg")
MOVES = 3  # the demo's fourth pending invitation shows several flags and a highlighted note


async def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "inbox.db"
        seed_database(db, count=200, seed=42)
        app = InviteTriageApp(
            db, now=lambda: datetime(2026, 11, 2, 9, 0, tzinfo=UTC), settle_delay=0
        )
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            for _ in range(MOVES):
                await pilot.press("j")
            await pilot.pause(0.5)
            app.save_screenshot(filename=OUT.name, path=str(OUT.parent))
    print(f"wrote {OUT}")


if __name__ == "__main__":
    asyncio.run(main())
