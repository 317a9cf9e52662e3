"""The app's one door to the store, shared by every worker thread.

``sqlite3`` connections and our :class:`~tui.store.Store` are not safe to use from two
threads at once, and Textual thread workers and the decision writer's thread may overlap
(a page load while a decision is being written). Every store call therefore goes through
:meth:`Gateway.call`, which holds one lock for its duration. The UI thread never calls
it: only those threads do, so a key press never waits on the disk or on another thread.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from tui.domain.models import Assessment, Flag, Invitation, Recommendation
from tui.store import Store, StoreError
from tui.store.connection import VERIFY_PAGES, check_pages
from tui.store.errors import DamagedDatabase, is_damage, sqlite_problem

T = TypeVar("T")

# What a failed write can raise once it gets past the store's own wrapping: the store turns
# BEGIN/COMMIT failures into StoreError, but a statement inside the transaction (disk full
# on an INSERT) surfaces as sqlite3.Error, and the file system can raise OSError.
WRITE_ERRORS = (StoreError, sqlite3.Error, OSError)


def error_text(exc: BaseException) -> str:
    """One line a user can read, whatever layer the failure came from."""
    if isinstance(exc, StoreError):
        return str(exc)
    if isinstance(exc, sqlite3.Error):
        return f"database error: {sqlite_problem(exc)}"
    if isinstance(exc, OSError):
        return f"{exc.strerror or exc}" + (f" ({exc.filename})" if exc.filename else "")
    return str(exc) or type(exc).__name__


class Gateway:
    """Owns the open store, the policy, and the lock that serialises access to them."""

    def __init__(
        self,
        store: Store,
        db_path: str | Path | None,
        policy: Any = None,
        *,
        now: Callable[[], datetime] | None = None,
    ):
        """``now``: the clock an ask's wait is measured against (None: silence counts at
        once, as in training, which judges it when the trainee decides)."""
        self._store = store
        self.now = now
        self._lock = threading.Lock()
        self.db_path = Path(db_path) if db_path is not None else None
        self.policy = policy
        self._closed = False
        self._reader: Store | None = None
        self._reader_lock = threading.Lock()
        self._reader_failed = self.db_path is None
        self._checker: Store | None = None  # the connection a damage check runs on
        # Told once, from whichever thread meets it, that the file is damaged: the app
        # then ends with one line rather than go on reading and writing a broken file.
        self.on_damaged: Callable[[str], None] | None = None
        self._damage_told = False

    def call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run ``fn(store, *args, **kwargs)`` while holding the store lock."""
        with self._lock:
            if self._closed:
                raise StoreError("the database is closed")
            try:
                return fn(self._store, *args, **kwargs)
            except Exception as exc:
                self._check_damage(exc)
                raise

    def _check_damage(self, exc: BaseException) -> None:
        if not (isinstance(exc, DamagedDatabase) or is_damage(exc)):
            return
        where = self.db_path if self.db_path is not None else "the database"
        text = str(exc) if isinstance(exc, DamagedDatabase) else f"{where} is damaged ({exc})"
        if not self._damage_told and self.on_damaged is not None:
            self._damage_told = True
            self.on_damaged(f"{text}; the app stopped so as not to make it worse")

    def verify(self) -> bool:
        """Check a large file whole for damage (a small one was checked when opened): a
        few seconds per GB, on a read-only connection of its own, so no other call (the
        split counts, a search) waits for it. Returns whether a check ran; damage is told
        through ``on_damaged``. :meth:`close` interrupts a check under way."""
        if self.db_path is None:
            return False
        with self._reader_lock:
            if self._closed:
                return False
            try:
                checker = self._checker = Store.open(self.db_path, readonly=True, verify=False)
            except Exception as exc:
                self._check_damage(exc)
                raise
        try:
            return _verify_large(checker, self.db_path)
        except Exception as exc:
            self._check_damage(exc)
            raise
        finally:
            with self._reader_lock:
                self._checker = None
            checker.close()

    def slow_read(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Like :meth:`call`, for slow read-only queries (counting or searching a million rows).

        They run on a second, read-only connection with a lock of its own, so a count
        never makes a page, a detail or a decision wait. SQLite's WAL lets that reader see
        every committed decision. Without a file to open (an in-memory store), or if the
        second connection cannot be opened, they share the main connection.
        """
        if not self._reader_failed:
            with self._reader_lock:
                if self._closed:
                    raise StoreError("the database is closed")
                if self._reader is None:
                    try:
                        self._reader = Store.open(self.db_path, readonly=True, verify=False)
                    except StoreError:
                        self._reader_failed = True
                if self._reader is not None:
                    try:
                        return fn(self._reader, *args, **kwargs)
                    except Exception as exc:
                        self._check_damage(exc)
                        raise
        return self.call(fn, *args, **kwargs)

    def close(self) -> None:
        """Close the stores once any running call has finished."""
        with self._lock, self._reader_lock:
            if not self._closed:
                self._closed = True
                if self._checker is not None:
                    self._checker.conn.interrupt()  # its thread closes it
                # Reader first: the last connection to close folds the WAL back into the
                # file and removes it, which only the writable one is allowed to do.
                if self._reader is not None:
                    self._reader.close()
                self._store.close()

    def evaluate(self, invitation: Invitation) -> tuple[list[Flag], Recommendation | None]:
        """Flags and the recommendation for one invitation under the app's policy, as of
        now (an ask younger than the policy's wait is recommended ``wait``). ``None`` for
        your own outgoing invitations, which are not judged.

        Pure computation on an already loaded invitation: no lock needed.
        """
        # Imported on first use, by the worker that loads the first detail: the flags
        # engine compiles its note patterns on import, which the list need not wait for.
        from tui.domain.assessment import evaluate

        now = self.now() if self.now is not None else None
        flags, recommendation = evaluate(invitation, self.policy, now=now)
        return list(flags), recommendation

    def record_reply(self, invitation_id: int, body: str) -> Invitation:
        """The sender's answer to an ask, typed or pasted by the user: stored in one
        transaction, classified under the app's policy, the invitation moved to replied and
        its stored flags and recommendation refreshed. Returns the invitation as it now is.

        Blocks on the disk: call it from the writer thread, never the UI thread. A reply to
        an invitation that is not asked (or replied), or an empty one, raises StoreError.
        """

        from tui.domain.assessment import assess

        def reassess(invitation: Invitation) -> Assessment:
            return assess(invitation, self.policy, now=self.now() if self.now else None)

        return self.call(Store.record_reply, invitation_id, body, assess=reassess)

    def load(self, invitation_id: int) -> tuple[Invitation, list[Flag], Recommendation | None]:
        """One invitation with its messages, its flags and its recommendation."""
        invitation = self.call(Store.get, invitation_id)
        flags, recommendation = self.evaluate(invitation)
        return invitation, flags, recommendation


def _verify_large(store: Store, db_path: Path | None) -> bool:
    if store.conn.execute("PRAGMA page_count").fetchone()[0] <= VERIFY_PAGES:
        return False
    return check_pages(store.conn, db_path or Path("the database"))


def assessment_of(flags: list[Flag], recommendation: Recommendation | None) -> Assessment:
    """The stored form of what the user was shown when deciding."""
    return Assessment(
        flag_codes=tuple(flag.code for flag in flags if flag.kind == "red"),
        recommended=recommendation.action if recommendation else None,
    )
