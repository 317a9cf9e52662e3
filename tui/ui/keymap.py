"""The groups of bindings a user's ``[keymap]`` may rebind, for checking a config file.

Each group is active at once (the inbox with the app's keys, each dialog), so a key may
do one thing per group; ids are the names the help screen shows.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

from tui.ui.bindings import APP_BINDINGS, INBOX_BINDINGS
from tui.ui.dialogs.composer import ComposerScreen
from tui.ui.dialogs.confirm import ConfirmScreen
from tui.ui.dialogs.help import HelpScreen
from tui.ui.dialogs.reply_box import ReplyBoxScreen


def bindings_of(bindings: list[BindingType]) -> list[Binding]:
    return [binding for binding in bindings if isinstance(binding, Binding)]


def rebindable_scopes() -> list[list[Binding]]:
    """The inbox's keys with the app's, then each dialog's."""
    return [
        bindings_of([*INBOX_BINDINGS, *APP_BINDINGS]),
        bindings_of(ComposerScreen.BINDINGS),
        bindings_of(ConfirmScreen.BINDINGS),
        bindings_of(HelpScreen.BINDINGS),
        bindings_of(ReplyBoxScreen.BINDINGS),
    ]


def training_scopes() -> list[list[Binding]]:
    """As :func:`rebindable_scopes`, and the training screens' keys."""
    from tui.ui.training.inbox_screen import TrainingInboxScreen
    from tui.ui.training.report import TrainingReportScreen
    from tui.ui.training.verdict import VerdictScreen

    return [
        *rebindable_scopes(),
        bindings_of(TrainingInboxScreen.BINDINGS),
        bindings_of(VerdictScreen.BINDINGS),
        bindings_of(TrainingReportScreen.BINDINGS),
    ]
