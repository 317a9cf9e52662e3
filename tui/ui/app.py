"""The Textual app: the store gateway, the keymap and theme, signals, and the inbox screen.

The command (:mod:`tui.commands.open_app`) checks everything that can be wrong before the
first frame (the database, the policy, the config) and only then builds this app.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar

from textual import events, work
from textual.app import App
from textual.binding import BindingType
from textual.screen import Screen

from tui.domain.policy import Policy
from tui.store import Store
from tui.ui.bindings import APP_BINDINGS
from tui.ui.config import Config
from tui.ui.gateway import Gateway
from tui.ui.hangup import StdinHangup
from tui.ui.idle_gc import IdleCollector
from tui.ui.palette import InboxCommands
from tui.ui.render.timefmt import system_now
from tui.ui.services import AGE_TICK, SETTLE_DELAY, Services

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
        age_tick: float = AGE_TICK,
        tune_gc: bool = False,
    ) -> None:
        """``training``: a training session object; flags stay hidden until a decision.

        ``now`` is the clock the list's "when" column is computed against (tests pin it);
        ``settle_delay``: see :data:`~tui.ui.services.SETTLE_DELAY` (tests use 0: every
        move settles at once). ``tune_gc``: see :meth:`first_screen_shown`; for a process
        that runs one app (the command line turns it on; tests that start many apps in
        one process must not). ``store`` defaults to opening ``db_path``; a StoreError
        here means the app never starts.
        """
        super().__init__()
        self.db_path = Path(db_path)
        # Training judges silence when the trainee decides on it: no waiting on its clock.
        waits = now if training is None else None
        self.gateway = Gateway(store or Store.open(self.db_path), self.db_path, policy, now=waits)
        self.services = Services(
            gateway=self.gateway,
            now=now,
            session=session or f"app-{uuid.uuid4().hex[:12]}",
            settle_delay=settle_delay,
            age_tick=age_tick,
            on_first_screen=self.first_screen_shown,
        )
        self.config = config or Config()
        self.training = training
        self.tune_gc = tune_gc
        self._collector: IdleCollector | None = None
        self._signals: list[int] = []
        self._verified = False
        self.fatal_message: str | None = None
        if self.config.keymap:
            self.set_keymap(self.config.keymap)
        if self.config.theme:
            self.theme = self.config.theme

    @property
    def session(self) -> str:
        return self.services.session

    def get_default_screen(self) -> Screen:
        # Imported here: the command line loads this module before the terminal is set up,
        # and the screen's widgets are most of what the app imports.
        from tui.ui.inbox.screen import InboxScreen

        return InboxScreen(self.services, training=self.training)

    def on_mount(self) -> None:
        self._install_signal_handlers()
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
        # Any thread (a worker, the writer) may meet the damage; the UI thread ends the app
        # (call_later posts a message: safe from any thread).
        self.call_later(self.stop_damaged, text)

    def stop_damaged(self, text: str) -> None:
        """The file is damaged: end the app with exit code 1; ``run_app`` prints ``text``."""
        self.fatal_message = text
        self.exit(return_code=1)

    def _hung_up(self) -> None:
        # The terminal is gone (end of input with no SIGHUP): end as SIGHUP would.
        self.call_later(self.exit)

    @work(thread=True, exclusive=True, group="verify", exit_on_error=False)
    def verify_file(self) -> None:
        """Worker: check a large database whole, once its first screen is up (a small one
        was checked when opened). Damage ends the app through ``gateway.on_damaged``."""
        with contextlib.suppress(Exception):
            self.gateway.verify()

    def first_screen_shown(self) -> None:
        """Called once the inbox's first full screen is painted: a large file is checked
        for damage, and from now on garbage is collected between keys rather than during
        them (see :mod:`tui.ui.idle_gc`; its set-up is a full collection, some 90 ms,
        which the first screen need not wait for)."""
        if not self._verified:
            self._verified = True
            self.verify_file()
        if self.tune_gc and self._collector is None:
            self._collector = IdleCollector(self)
            self._collector.start()

    def on_key(self, event: events.Key) -> None:
        # Every key reaches the app (bubbling, before its binding runs).
        if self._collector is not None:
            self._collector.poke()

    # ------------------------------------------------------------------ signals

    def _install_signal_handlers(self) -> None:
        """SIGTERM (and SIGHUP, a closed terminal) end the app as ``q`` would."""
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
            if sig is None:
                continue
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(sig, self.exit)
                self._signals.append(sig)

    def _remove_signal_handlers(self) -> None:
        with contextlib.suppress(RuntimeError):
            loop = asyncio.get_running_loop()
            for sig in self._signals:
                with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                    loop.remove_signal_handler(sig)

    # ------------------------------------------------------------------ actions

    def action_next_theme(self) -> None:
        names = [name for name in THEME_CYCLE if name in self.available_themes]
        index = names.index(self.theme) if self.theme in names else -1
        self.theme = names[(index + 1) % len(names)]
        self.notify(f"Theme: {self.theme}", timeout=2)
