"""Bringing invitations in: JSON Lines files and the platform's own data export.

Pure Python (no Textual). ``plan(path)`` works out what a path holds, ``check(plan)``
validates it without touching a database, and ``run_import(store, plan, assess)`` adds it
all or nothing. Every refusal is an :class:`ImportFileError` naming file, line and reason.
"""

from tui.importers.errors import ImportFileError
from tui.importers.run import Outcome, Plan, Tally, check, plan, run_import

__all__ = ["ImportFileError", "Outcome", "Plan", "Tally", "check", "plan", "run_import"]
