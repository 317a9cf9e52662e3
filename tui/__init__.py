"""invite-triage: triage connection invitations from the keyboard.

Kept empty of imports on purpose: importing ``tui.store`` must not load Textual.
"""

__version__ = "0.1.0"
