"""The Textual app: opens the store, loads the policy and the keymap, shows the inbox.

``run_app`` is what ``invite-triage`` (the ``open`` command) calls. Everything that can be
wrong before the first frame (the database, the policy file, the config file) is checked
first and reported as one line, so the app never starts in a half-working state.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import os
import signal
import sys
import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar

from textual import work
from textual.app import App
from textual.binding import BindingType

from tui.domain.policy import Policy
from tui.store import Store
from tui.ui.bindings import APP_BINDINGS, INBOX_BINDINGS
from tui.ui.config import Config, ConfigError, load_config
from tui.ui.gateway import Gateway
from tui.ui.hangup import StdinHangup
from tui.ui.palette import InboxCommands
from tui.ui.timefmt import system_now

# Cursor moves closer together than this (seconds) are a burst, such as a held ``j``: the
# detail pane and the status line catch up when the burst ends instead of on every row.
SETTLE_DELAY = 0.15

# Allocations between young collections once the app runs (Python's default is 700).
GC_YOUNG_THRESHOLD = 2000

# Themes the ``t`` key cycles through (each is built into Textual).
THEME_CYCLE = (
    "textual-dark",
    "textual-light",
    "nord",
    "gruvbox",
    "tokyo-night",
    "solarized-light",
    "dracula",
    "catppuccin-latte",
)


class InviteTriageApp(App[None]):
    """Triage invitations from the keyboard. See :mod:`tui.ui.bindings` for the keys."""

    TITLE = "invite-triage"
    CSS_PATH = "app.tcss"
    BINDINGS: ClassVar[list[BindingType]] = APP_BINDINGS
    COMMANDS = App.COMMANDS | {InboxCommands}
    ENABLE_COMMAND_PALETTE = True

    def __init__(
        self,
        db_path: str | os.PathLike,
        *,
        policy: Policy | None = None,
        store: Store | None = None,
        config: Config | None = None,
        training: Any = None,
        now: Callable[[], datetime] = system_now,
        session: str | None = None,
        settle_delay: float = SETTLE_DELAY,
        tune_gc: bool = False,
    ) -> None:
        """``training``: a training session object; flags stay hidden until a decision.

        ``now`` is the clock the list's "when" column is computed against (tests pin it);
        ``settle_delay`` see :data:`SETTLE_DELAY` (tests use 0: every move settles at once).
        ``tune_gc``: see :meth:`first_page_shown`; for a process that runs one app (the
        command line turns it on; tests that start many apps in one process must not).
        ``store`` defaults to opening ``db_path``; a StoreError here means the app never
        starts.
        """
        super().__init__()
        self.db_path = Path(db_path)
        # Training judges silence when the trainee decides on it: no waiting on its clock.
        waits = now if training is None else None
        self.gateway = Gateway(store or Store.open(self.db_path), self.db_path, policy, now=waits)
        self.config = config or Config()
        self.training = training
        self.now = now
        self.session = session or f"app-{uuid.uuid4().hex[:12]}"
        self.settle_delay = settle_delay
        self.tune_gc = tune_gc
        self._gc_tuned = False
        self._verified = False
        self.fatal_message: str | None = None
        if self.config.keymap:
            self.set_keymap(self.config.keymap)
        if self.config.theme:
            self.theme = self.config.theme

    def get_default_screen(self):
        from tui.ui.screens.inbox import InboxScreen

        return InboxScreen(training=self.training)

    def on_mount(self) -> None:
        self._install_signal_handlers()
        self._loop = asyncio.get_running_loop()
        self.gateway.on_damaged = self._damaged_from_thread
        self._hangup = None
        if not self.is_headless:
            with contextlib.suppress(OSError, ValueError, AttributeError):
                self._hangup = StdinHangup(sys.stdin.fileno(), self._hung_up).start()

    def on_unmount(self) -> None:
        self._remove_signal_handlers()
        if self._hangup is not None:
            self._hangup.stop()
        self.gateway.close()

    # ------------------------------------------------------------------ ending badly

    def _damaged_from_thread(self, text: str) -> None:
        # Any thread (a worker, the writer) may meet the damage; the UI thread ends the app.
        self._loop.call_soon_threadsafe(self.stop_damaged, text)

    def stop_damaged(self, text: str) -> None:
        """The file is damaged: end the app with exit code 1; ``run_app`` prints ``text``."""
        self.fatal_message = text
        self.exit(return_code=1)

    def _hung_up(self) -> None:
        # The terminal is gone (end of input with no SIGHUP): end as SIGHUP would.
        self._loop.call_soon_threadsafe(self._terminate, signal.SIGHUP)

    @work(thread=True, exclusive=True, group="verify", exit_on_error=False)
    def verify_file(self) -> None:
        """Worker: check a large database whole, once its first screen is up (a small one
        was checked when opened). Damage ends the app through ``gateway.on_damaged``."""
        with contextlib.suppress(Exception):
            self.gateway.verify()

    def first_page_shown(self) -> None:
        """Called once the inbox shows its first rows: tune the garbage collector.

        Textual's strips keep caches that often refer back to the strip, so every repaint
        leaves cyclic garbage that only a full collection frees, and a full collection
        walks every object alive (Textual, our modules, the screen: some 80,000). After
        the first paint those long-lived objects are frozen out of the collector's sight
        and young collections run less often, which turns 75-130 ms pauses every few
        decisions into rare, shorter ones.
        """
        if not self._verified:
            self._verified = True
            self.verify_file()
        if self.tune_gc and not self._gc_tuned:
            self._gc_tuned = True
            self.call_after_refresh(self._tune_gc)

    @staticmethod
    def _tune_gc() -> None:
        gc.collect()
        gc.freeze()
        gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])

    # ------------------------------------------------------------------ signals

    def _install_signal_handlers(self) -> None:
        """SIGTERM (and SIGHUP, a closed terminal) end the app as ``q`` would."""
        loop = asyncio.get_running_loop()
        self._signals: list[int] = []
        for sig in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
            if sig is None:
                continue
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(sig, self._terminate, sig)
                self._signals.append(sig)

    def _remove_signal_handlers(self) -> None:
        with contextlib.suppress(RuntimeError):
            loop = asyncio.get_running_loop()
            for sig in getattr(self, "_signals", []):
                with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                    loop.remove_signal_handler(sig)

    def _terminate(self, sig: int) -> None:
        self.exit()

    # ------------------------------------------------------------------ actions

    def action_next_theme(self) -> None:
        names = [name for name in THEME_CYCLE if name in self.available_themes]
        index = names.index(self.theme) if self.theme in names else -1
        self.theme = names[(index + 1) % len(names)]
        self.notify(f"Theme: {self.theme}", timeout=2)


def rebindable_scopes() -> list[list]:
    """The groups of bindings a keymap may rebind, for checking a config file."""
    from tui.ui.screens.composer import ComposerScreen
    from tui.ui.screens.confirm import ConfirmScreen
    from tui.ui.screens.help import HelpScreen

    return [
        [*INBOX_BINDINGS, *APP_BINDINGS],
        list(ComposerScreen.BINDINGS),
        list(ConfirmScreen.BINDINGS),
        list(HelpScreen.BINDINGS),
    ]


def run_app(
    db_path: str | os.PathLike,
    policy_path: str | os.PathLike | None = None,
    *,
    config_path: str | os.PathLike | None = None,
) -> None:
    """Check the policy and config, open the store, run the app; exit non-zero on errors."""
    from textual.theme import BUILTIN_THEMES

    from tui.cli import fail

    try:
        config = load_config(config_path, scopes=rebindable_scopes(), themes=BUILTIN_THEMES)
    except ConfigError as exc:
        fail(str(exc))
    policy = load_policy(policy_path)
    app = InviteTriageApp(db_path, policy=policy, config=config, tune_gc=True)
    app.run()
    if app.fatal_message:
        fail(app.fatal_message)
    if app.return_code:
        raise SystemExit(app.return_code)


def load_policy(policy_path: str | os.PathLike | None) -> Policy:
    """The user's policy (or the default); a bad policy file stops the app with one line."""
    from tui.cli import fail
    from tui.domain.policy import PolicyError
    from tui.domain.policy import load_policy as load

    try:
        return load(policy_path)
    except PolicyError as exc:
        fail(str(exc))
        raise  # unreachable: fail() exits
