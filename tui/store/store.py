"""The store: the only place that speaks SQL. Everything else calls these methods."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime

from tui.domain.models import Assessment, InboxRow, Invitation, NewInvitation
from tui.store import rows
from tui.store.connection import connect
from tui.store.decisions import DecisionLog
from tui.store.errors import StoreError
from tui.store.export_queries import ExportQueries
from tui.store.list_query import Cursor, Filter, count_rows, list_rows
from tui.store.messages import MessageLog
from tui.store.training import TrainingTables

_FULL_SELECT = (
    f"SELECT i.*, {', '.join('p.' + c.strip() for c in rows.PERSON_COLUMNS.split(','))} "
    "FROM invitations i JOIN people p ON p.id = i.person_id"
)


_PEOPLE_INSERT = f"INSERT INTO people (id, {rows.PERSON_COLUMNS}) VALUES ({', '.join('?' * 18)})"
_INVITATIONS_INSERT = (
    f"INSERT INTO invitations (person_id, {rows.INVITATION_COLUMNS}) VALUES ({', '.join('?' * 11)})"
)
_UNASSESSED = Assessment()
PENDING = Filter()
RECEIVED = Filter(status=None)  # every status but sent


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store(DecisionLog, MessageLog, ExportQueries, TrainingTables):
    """A typed API over one SQLite file. Not thread-safe: use it from one thread at a time."""

    def __init__(self, conn: sqlite3.Connection, *, clock: Callable[[], str] = utc_now):
        self.conn = conn
        self.conn.row_factory = sqlite3.Row
        self.clock = clock
        self._depth = 0  # transactions open on this store (nested ones join the outer)

    @classmethod
    def open(
        cls,
        path: str | os.PathLike,
        *,
        create: bool = False,
        readonly: bool = False,
        clock: Callable[[], str] = utc_now,
    ) -> Store:
        return cls(connect(path, create=create, readonly=readonly), clock=clock)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One ``BEGIN IMMEDIATE`` transaction: the write lock is taken up front.

        Inside another one it joins it: everything commits, or rolls back, with the
        outermost (an import adds invitations, asks and replies all or nothing).
        """
        if self._depth:
            self._depth += 1
            try:
                yield self.conn
            finally:
                self._depth -= 1
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreError(f"cannot write to the database: {exc}") from None
        self._depth = 1
        try:
            yield self.conn
        except sqlite3.Error as exc:
            self._rollback()
            if isinstance(exc, sqlite3.IntegrityError):
                raise
            # Read-only file, disk full, I/O error, lock timeout: tell the user, keep going.
            raise StoreError(f"cannot write to the database: {exc}") from None
        except BaseException:
            self._rollback()
            raise
        finally:
            self._depth = 0
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            raise StoreError(f"cannot save to the database: {exc}") from None

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("ROLLBACK")

    # ------------------------------------------------------------------ writing the inbox

    def add_invitations(
        self,
        items: Iterable[NewInvitation],
        *,
        assess: Callable[[NewInvitation], Assessment] | None = None,
        batch_size: int = 5000,
    ) -> int:
        """Insert invitations (and their senders); returns how many were new.

        Runs in one transaction, so a failure half way leaves the inbox as it was.
        Invitations whose ``external_key`` is already stored are skipped (before ``assess``).
        """
        person_values, invitation_values = rows.person_values, rows.invitation_values
        with self.transaction() as conn:
            is_new = self._new_keys(conn)
            prepared = (
                (
                    person_values(item.person),
                    invitation_values(item, assess(item) if assess else _UNASSESSED),
                )
                for item in items
                if is_new(item.external_key)
            )
            return self._insert(conn, prepared, batch_size)

    def add_rows(self, prepared: Iterable[tuple[tuple, tuple]], *, batch_size: int = 5000) -> int:
        """Like :meth:`add_invitations`, for invitations already turned into column values:
        ``(rows.person_values(person), rows.invitation_values(item, assessment))`` pairs.

        The seeder's worker processes prepare rows this way, so the process that writes
        only writes (plain tuples also cross between processes far cheaper than dataclasses).
        """
        key = rows.EXTERNAL_KEY
        with self.transaction() as conn:
            is_new = self._new_keys(conn)
            return self._insert(conn, (row for row in prepared if is_new(row[1][key])), batch_size)

    @staticmethod
    def _new_keys(conn: sqlite3.Connection) -> Callable[[str | None], bool]:
        """A test for external keys: true for None, and for a key neither stored nor seen."""
        seen: set[str] = set()
        sql = "SELECT 1 FROM invitations WHERE external_key = ?"

        def is_new(key: str | None) -> bool:
            if key is None:
                return True
            if key in seen or conn.execute(sql, (key,)).fetchone() is not None:
                return False
            seen.add(key)
            return True

        return is_new

    @staticmethod
    def _insert(conn: sqlite3.Connection, prepared: Iterable[tuple], size: int) -> int:
        """Insert prepared rows in batches of ``size``, numbering the people from max + 1."""
        first = next_id = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM people").fetchone()[0]
        people, invitations = [], []
        for person, invitation in prepared:
            people.append((next_id, *person))
            invitations.append((next_id, *invitation))
            next_id += 1
            if len(people) >= size:
                conn.executemany(_PEOPLE_INSERT, people)
                conn.executemany(_INVITATIONS_INSERT, invitations)
                people.clear()
                invitations.clear()
        if people:
            conn.executemany(_PEOPLE_INSERT, people)
            conn.executemany(_INVITATIONS_INSERT, invitations)
        return next_id - first

    # ------------------------------------------------------------------ reading the inbox

    def has_invitations(self) -> bool:
        """Whether the inbox holds any invitation at all (without counting them)."""
        return self.conn.execute("SELECT 1 FROM invitations LIMIT 1").fetchone() is not None

    def counts(self) -> dict[str, int]:
        """How many invitations each status holds, plus ``all`` (every status but sent)."""
        result = dict.fromkeys(("pending", "asked", "replied", "accepted", "ignored", "sent"), 0)
        for row in self.conn.execute("SELECT status, count(*) FROM invitations GROUP BY status"):
            result[row[0]] = row[1]
        result["all"] = sum(v for k, v in result.items() if k != "sent")
        return result

    def page(
        self,
        view: Filter = PENDING,
        *,
        after: Cursor | None = None,
        before: Cursor | None = None,
        limit: int = 100,
        from_end: bool = False,
    ) -> list[InboxRow]:
        """One page of the list, newest first, by keyset (never OFFSET).

        ``after`` gives the rows below a cursor, ``before`` the rows above it (returned in
        list order), ``from_end`` the last page.
        """
        return list_rows(
            self.conn, view, after=after, before=before, from_end=from_end, limit=limit
        )

    def count(self, view: Filter, *, before: Cursor | None = None) -> int:
        """How many invitations a filtered list holds (above ``before``, if given)."""
        return count_rows(self.conn, view, before=before)

    def position(self, view: Filter, cursor: Cursor) -> int:
        """How many rows of the list come before ``cursor`` (for a scrollbar)."""
        return self.count(view, before=cursor)

    def get(self, invitation_id: int) -> Invitation:
        row = self.conn.execute(f"{_FULL_SELECT} WHERE i.id = ?", (invitation_id,)).fetchone()
        if row is None:
            raise StoreError(f"no invitation with id {invitation_id}")
        return rows.invitation_from_row(
            row, self.visible_messages(invitation_id), self.asked_at(invitation_id)
        )

    def iter_invitations(self, view: Filter = RECEIVED) -> Iterator[Invitation]:
        """Every invitation of a list in inbox order, with sender and messages."""
        after = None
        while True:
            batch = self.page(view, after=after, limit=500)
            for row in batch:
                yield self.get(row.id)
            if len(batch) < 500:
                return
            after = Cursor.of(batch[-1])

    # ------------------------------------------------------------------ metadata

    def get_meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else row[0]

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )
