"""What the commands that open the app check first: the policy and the config file.

A bad policy or config stops the command with one line before the terminal is taken over,
so the app never starts in a half-working state.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from tui.cli import fail
from tui.domain.policy import Policy


def load_policy(policy_path: str | os.PathLike | None) -> Policy:
    """The user's policy (or the default); a bad policy file stops with one line."""
    from tui.domain.policy import PolicyError
    from tui.domain.policy import load_policy as load

    try:
        return load(policy_path)
    except PolicyError as exc:
        fail(str(exc))
        raise  # unreachable: fail() exits


def load_config(scopes: Callable[[], list], path: str | os.PathLike | None = None):
    """The user's config (keymap, theme) checked against the bindings of ``scopes()``
    (called only when the file has a keymap); a bad file stops with one line."""
    from tui.ui.config import ConfigError
    from tui.ui.config import load_config as load

    try:
        return load(path, scopes=scopes)
    except ConfigError as exc:
        fail(str(exc))
        raise  # unreachable: fail() exits
