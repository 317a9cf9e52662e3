"""Every key of the inbox, in one table: id (for the keymap), key, label, and help text.

The footer shows the short label, the help screen and the command palette the longer
``tooltip``. Ids are the names a user writes in ``[keymap]``; never rename a shipped one.
"""

from __future__ import annotations

from textual.binding import Binding

from tui.ui.inbox.splits_bar import SPLITS


def _b(keys: str, action: str, label: str, help_text: str, id: str, show: bool = False):
    return Binding(keys, action, label, show=show, tooltip=help_text, id=id)


SPLIT_HELP = {
    "pending": "Show pending invitations (not decided yet)",
    "asked": "Show invitations you asked about, awaiting a reply",
    "replied": "Show invitations whose sender replied",
    "accepted": "Show accepted invitations",
    "ignored": "Show ignored invitations",
    "all": "Show every received invitation",
    "sent": "Show invitations you sent (when there are any)",
}

INBOX_BINDINGS: list[Binding] = [
    _b(
        "a",
        "decide('accept')",
        "Accept",
        "Accept the invitation (or every marked one)",
        "accept",
        show=True,
    ),
    _b(
        "x",
        "decide('ignore')",
        "Ignore",
        "Ignore the invitation (or every marked one)",
        "ignore",
        show=True,
    ),
    _b(
        "r",
        "decide('ask')",
        "Ask",
        "Ask the sender why: write a message, record it and copy it to send on the platform",
        "ask",
        show=True,
    ),
    _b(
        "z,u",
        "undo",
        "Undo",
        "Undo your last decision (again to step further back)",
        "undo",
        show=True,
    ),
    _b(
        "R",
        "record_reply",
        "Reply",
        "Record the sender's answer to your question: paste or type it",
        "reply",
    ),
    _b(
        "o",
        "open_profile",
        "Profile",
        "Open the sender's profile on the platform in your browser (right after an ask: "
        "the one you asked)",
        "open_profile",
    ),
    _b(
        "c",
        "copy",
        "Copy",
        "Copy your question (right after an ask), else the sender's profile address",
        "copy",
    ),
    _b("j,down", "cursor(1)", "Down", "Move to the next invitation", "cursor_down"),
    _b("k,up", "cursor(-1)", "Up", "Move to the previous invitation", "cursor_up"),
    _b("g,home", "first", "First", "Go to the first invitation", "first"),
    _b("G,end", "last", "Last", "Go to the last invitation", "last"),
    _b("pagedown", "page(1)", "Page down", "Move one screen down", "page_down"),
    _b("pageup", "page(-1)", "Page up", "Move one screen up", "page_up"),
    _b(
        "enter",
        "open_detail",
        "Open",
        "Focus the detail pane to scroll it (Esc returns)",
        "open_detail",
    ),
    _b("escape", "back", "Back", "Back to the list; clear find, limit or marks", "back"),
    _b("space", "mark", "Mark", "Mark or unmark the invitation for a bulk decision", "mark"),
    _b("asterisk", "mark_all", "Mark all", "Mark every invitation in this list", "mark_all"),
    _b("slash", "search('find')", "Find", "Find: jump to the next match", "find", True),
    _b("n", "find_next(1)", "Next match", "Jump to the next match of the find", "find_next"),
    _b(
        "N",
        "find_next(-1)",
        "Prev match",
        "Jump to the previous match of the find",
        "find_previous",
    ),
    _b("backslash", "search('limit')", "Limit", "Limit the list to matching invitations", "limit"),
    _b(
        "f",
        "toggle_flagged",
        "Flagged",
        "Show only invitations with red flags (toggle)",
        "flagged_only",
        True,
    ),
    _b("tab", "cycle_split(1)", "Next split", "Show the next split", "next_split"),
    _b("shift+tab", "cycle_split(-1)", "Prev split", "Show the previous split", "previous_split"),
    *(
        _b(str(number), f"show_split('{key}')", label, SPLIT_HELP[key], f"split_{key}")
        for number, (key, label, _) in enumerate(SPLITS, start=1)
    ),
    _b("e", "export", "Export", "Export this split's decisions to CSV", "export"),
    _b("t", "app.next_theme", "Theme", "Switch to the next colour theme", "theme"),
    _b("question_mark", "help", "Help", "List every key", "help", True),
    _b("q", "app.quit", "Quit", "Quit (decisions are already saved)", "quit", True),
]

APP_BINDINGS: list[Binding] = [
    Binding(
        "ctrl+q",
        "quit",
        "Quit",
        show=False,
        priority=True,
        id="quit_app",
        tooltip="Quit (decisions are already saved)",
    ),
    Binding("ctrl+c", "help_quit", show=False, system=True),
]
