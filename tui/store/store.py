"""The store: the only place that speaks SQL. Everything else calls these methods."""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from typing import TypeVar

from tui.domain.models import Assessment, InboxRow, Invitation, NewInvitation
from tui.store import rows
from tui.store.chunking import ChunkSizer
from tui.store.connection import connect
from tui.store.decisions import DecisionLog
from tui.store.errors import DamagedDatabase, StoreError, is_damage, sqlite_problem
from tui.store.export_queries import ExportQueries
from tui.store.list_query import (
    Cursor,
    Filter,
    count_rows,
    keyset_clause,
    list_rows,
    view_clauses,
)
from tui.store.messages import MessageLog
from tui.store.training import TrainingTables

T = TypeVar("T")
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
# Rows per write transaction when a fixed size is asked for (a seed into a file it has just
# created, which must come out byte-identical for the same seed: chunk boundaries shape the
# file). About 60 ms on a fresh file here; into an existing inbox the size adapts instead.
INSERT_CHUNK = 1000


def _chunks(items: Iterable[T], sizer: ChunkSizer | int) -> Iterator[list[T]]:
    """``items`` in lists of ``sizer`` rows (or of its current size), drawn lazily."""
    iterator = iter(items)
    while chunk := list(
        itertools.islice(iterator, sizer if isinstance(sizer, int) else sizer.size)
    ):
        yield chunk


def _write_error(what: str, exc: sqlite3.Error, conn: sqlite3.Connection) -> StoreError:
    if is_damage(exc):
        return DamagedDatabase(f"the database is damaged ({exc})")
    return StoreError(f"{what}: {sqlite_problem(exc, _directory_of(conn))}")


def _directory_of(conn: sqlite3.Connection) -> str | None:
    """The folder of the connection's main file (where a full disk would matter)."""
    try:
        file = conn.execute("PRAGMA database_list").fetchone()[2]
    except sqlite3.Error:
        return None
    return (os.path.dirname(file) or ".") if file else None


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store(DecisionLog, MessageLog, ExportQueries, TrainingTables):
    """A typed API over one SQLite file. Not thread-safe: use it from one thread at a time."""

    def __init__(self, conn: sqlite3.Connection, *, clock: Callable[[], str] = utc_now):
        self.conn = conn
        self.conn.row_factory = sqlite3.Row
        self.clock = clock
        self._depth = 0  # nesting of transaction()

    @classmethod
    def open(
        cls,
        path: str | os.PathLike,
        *,
        create: bool = False,
        readonly: bool = False,
        verify: bool = True,
        clock: Callable[[], str] = utc_now,
    ) -> Store:
        """See :func:`tui.store.connection.connect` for ``create``, ``readonly``, ``verify``."""
        return cls(connect(path, create=create, readonly=readonly, verify=verify), clock=clock)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One ``BEGIN IMMEDIATE`` transaction: the write lock is taken up front.

        A transaction opened inside another one joins it: the outer one commits or rolls
        back the whole.
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
        except sqlite3.Error as exc:
            raise _write_error("cannot write to the database", exc, self.conn) from None
        self._depth = 1
        try:
            yield self.conn
        except sqlite3.Error as exc:
            self._rollback()
            if isinstance(exc, sqlite3.IntegrityError):
                raise
            # Read-only file, disk full, I/O error, lock timeout: tell the user, keep going.
            raise _write_error("cannot write to the database", exc, self.conn) from None
        except BaseException:
            self._rollback()
            raise
        finally:
            self._depth = 0
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            raise _write_error("cannot save to the database", exc, self.conn) from None

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
        chunk_rows: int | None = None,
        on_chunk: Callable[[int], None] | None = None,
    ) -> int:
        """Insert invitations (and their senders); returns how many were new.

        Written in chunks, one short transaction each (about 100 ms of lock, or
        ``chunk_rows`` rows if given), so a window or a command sharing the file waits at
        most one chunk for the write lock. A failure
        part way keeps the chunks already written (whole) and nothing of the rest; adding
        the same items again adds only what is missing. Invitations whose
        ``external_key`` is already stored are skipped (before ``assess``, which runs
        outside the transaction). ``on_chunk(added so far)`` follows each commit.
        """
        person_values, invitation_values = rows.person_values, rows.invitation_values
        seen: set[str] = set()
        added = 0
        sizer = chunk_rows or ChunkSizer(first=INSERT_CHUNK)
        for chunk in _chunks(items, sizer):
            stored = self._stored_keys([item.external_key for item in chunk])
            prepared = [
                (
                    person_values(item.person),
                    invitation_values(item, assess(item) if assess else _UNASSESSED),
                )
                for item in chunk
                if item.external_key is None
                or (item.external_key not in stored and item.external_key not in seen)
            ]
            added += self._write_chunk(prepared, seen, sizer)
            if on_chunk is not None:
                on_chunk(added)
        return added

    def add_rows(
        self,
        prepared: Iterable[tuple[tuple, tuple]],
        *,
        chunk_rows: int | None = None,
        on_chunk: Callable[[int], None] | None = None,
    ) -> int:
        """Like :meth:`add_invitations`, for invitations already turned into column values:
        ``(rows.person_values(person), rows.invitation_values(item, assessment))`` pairs.

        The seeder's worker processes prepare rows this way, so the process that writes
        only writes (plain tuples also cross between processes far cheaper than dataclasses).
        With ``chunk_rows`` the chunks are a fixed number of rows, so the same rows give
        the same file.
        """
        seen: set[str] = set()
        added = 0
        sizer = chunk_rows or ChunkSizer(first=INSERT_CHUNK)
        for chunk in _chunks(prepared, sizer):
            added += self._write_chunk(chunk, seen, sizer)
            if on_chunk is not None:
                on_chunk(added)
        return added

    def _stored_keys(self, keys: list[str | None]) -> set[str]:
        wanted = [key for key in keys if key is not None]
        if not wanted:
            return set()
        found = self.conn.execute(
            "SELECT external_key FROM invitations "
            "WHERE external_key IN (SELECT value FROM json_each(?))",
            (json.dumps(wanted),),
        )
        return {row[0] for row in found}

    def _write_chunk(
        self, prepared: list[tuple[tuple, tuple]], seen: set[str], sizer: ChunkSizer | int
    ) -> int:
        """One transaction: the rows whose key is neither stored nor in ``seen``."""
        if not prepared:
            return 0
        key = rows.EXTERNAL_KEY
        began = time.perf_counter()
        with self.transaction() as conn:
            is_new = self._new_keys(conn, seen)
            added = self._insert(conn, [row for row in prepared if is_new(row[1][key])])
        if not isinstance(sizer, int):
            sizer.took(len(prepared), time.perf_counter() - began)
        return added

    @staticmethod
    def _new_keys(conn: sqlite3.Connection, seen: set[str]) -> Callable[[str | None], bool]:
        """A test for external keys: true for None, and for a key neither stored nor seen."""
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
    def _insert(conn: sqlite3.Connection, prepared: list[tuple[tuple, tuple]]) -> int:
        """Insert prepared rows, numbering the people from max + 1."""
        first = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM people").fetchone()[0]
        conn.executemany(
            _PEOPLE_INSERT, [(number, *row[0]) for number, row in enumerate(prepared, first)]
        )
        conn.executemany(
            _INVITATIONS_INSERT, [(number, *row[1]) for number, row in enumerate(prepared, first)]
        )
        return len(prepared)

    # ------------------------------------------------------------------ reading the inbox

    def has_invitations(self) -> bool:
        """Whether the inbox holds any invitation at all (without counting them)."""
        return self.conn.execute("SELECT 1 FROM invitations LIMIT 1").fetchone() is not None

    def counts(self) -> dict[str, int]:
        """How many invitations each status holds, plus ``all`` (every status but sent)."""
        result = dict.fromkeys(("pending", "asked", "replied", "accepted", "ignored", "sent"), 0)
        for status, count in self.conn.execute("SELECT status, n FROM status_counts"):
            result[status] = count
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

    def seen_page(
        self, view: Filter, *, after: Cursor | None = None, limit: int = 5000
    ) -> list[tuple[int, str, str]]:
        """``(id, status, sent_at)`` for one page of a list, newest first, by keyset: what a
        bulk decision reads (far lighter than :meth:`page`'s rows)."""
        clauses, params = view_clauses(view)
        keyset = keyset_clause(after=after)
        if keyset is not None:
            clauses.append(keyset[0])
            params.extend(keyset[1])
        join = " JOIN people p ON p.id = i.person_id" if view.search else ""
        sql = (
            f"SELECT i.id, i.status, i.sent_at FROM invitations i{join} "
            f"WHERE {' AND '.join(clauses)} ORDER BY i.sent_at DESC, i.id DESC LIMIT ?"
        )
        return [tuple(row) for row in self.conn.execute(sql, [*params, limit])]

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

    def statuses_of(self, invitation_ids: Iterable[int]) -> dict[int, str]:
        """The current status of each of these invitations (those that exist)."""
        found = self.conn.execute(
            "SELECT id, status FROM invitations WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(invitation_ids)),),
        )
        return {row[0]: row[1] for row in found}

    def data_version(self) -> int:
        """A number that changes whenever another connection (any process) commits to the
        file: cheap enough to poll to notice outside changes."""
        return self.conn.execute("PRAGMA data_version").fetchone()[0]

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
