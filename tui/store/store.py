"""The store: the only place that speaks SQL. Everything else calls these methods."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from tui.domain.models import Assessment, InboxRow, Invitation, NewInvitation
from tui.store import rows
from tui.store.connection import connect
from tui.store.decisions import DecisionLog
from tui.store.errors import DamagedDatabase, StoreError, is_damage, sqlite_problem
from tui.store.export_queries import ExportQueries
from tui.store.training import TrainingTables

_INBOX_SELECT = (
    "SELECT i.id, i.sent_at, i.status, i.flag_codes, i.recommended, "
    "p.name, p.headline, p.company FROM invitations i JOIN people p ON p.id = i.person_id"
)
_FULL_SELECT = (
    f"SELECT i.*, {', '.join('p.' + c.strip() for c in rows.PERSON_COLUMNS.split(','))} "
    "FROM invitations i JOIN people p ON p.id = i.person_id"
)


_PEOPLE_INSERT = f"INSERT INTO people (id, {rows.PERSON_COLUMNS}) VALUES ({', '.join('?' * 18)})"
_INVITATIONS_INSERT = (
    f"INSERT INTO invitations (person_id, {rows.INVITATION_COLUMNS}) VALUES ({', '.join('?' * 11)})"
)
_UNASSESSED = Assessment()


def search_clause(text: str) -> tuple[str, list[str]]:
    """SQL matching ``text`` literally (``%`` and ``_`` too) in name, company, headline, note."""
    pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    fields = ("p.name", "p.company", "p.headline", "i.note")
    clause = "(" + " OR ".join(f"{f} LIKE ? ESCAPE '\\'" for f in fields) + ")"
    return clause, [pattern] * len(fields)


def _write_error(what: str, exc: sqlite3.Error) -> StoreError:
    if is_damage(exc):
        return DamagedDatabase(f"the database is damaged ({exc})")
    return StoreError(f"{what}: {sqlite_problem(exc)}")


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class Cursor:
    """A position in the inbox order (newest first): the keyset for the next page."""

    sent_at: str
    id: int

    @classmethod
    def of(cls, row: InboxRow) -> Cursor:
        return cls(row.sent_at, row.id)


@dataclass(frozen=True, slots=True)
class Filter:
    """Which invitations a list shows. ``status=None`` means every status but "sent"."""

    status: str | None = "pending"
    flagged_only: bool = False
    search: str | None = None


class Store(DecisionLog, ExportQueries, TrainingTables):
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
            raise _write_error("cannot write to the database", exc) from None
        self._depth = 1
        try:
            yield self.conn
        except sqlite3.Error as exc:
            self._rollback()
            if isinstance(exc, sqlite3.IntegrityError):
                raise
            # Read-only file, disk full, I/O error, lock timeout: tell the user, keep going.
            raise _write_error("cannot write to the database", exc) from None
        except BaseException:
            self._rollback()
            raise
        finally:
            self._depth = 0
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            raise _write_error("cannot save to the database", exc) from None

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

    def set_assessment(self, invitation_id: int, assessment: Assessment) -> None:
        """Refresh the stored flags and recommendation (after a reply, or a policy change)."""
        with self.transaction() as conn:
            self._write_assessment(conn, invitation_id, assessment)

    @staticmethod
    def _write_assessment(conn, invitation_id: int, assessment: Assessment) -> None:
        conn.execute(
            "UPDATE invitations SET flag_codes = ?, flag_count = ?, recommended = ? WHERE id = ?",
            (
                ";".join(assessment.flag_codes),
                len(assessment.flag_codes),
                assessment.recommended,
                invitation_id,
            ),
        )

    # ------------------------------------------------------------------ reading the inbox

    def counts(self) -> dict[str, int]:
        """How many invitations each status holds, plus ``all`` (every status but sent)."""
        result = dict.fromkeys(("pending", "asked", "replied", "accepted", "ignored", "sent"), 0)
        for row in self.conn.execute("SELECT status, count(*) FROM invitations GROUP BY status"):
            result[row[0]] = row[1]
        result["all"] = sum(v for k, v in result.items() if k != "sent")
        return result

    def _where(self, view: Filter) -> tuple[list[str], list]:
        clauses, params = [], []
        if view.status is None:
            clauses.append("i.status != 'sent'")
        else:
            clauses.append("i.status = ?")
            params.append(view.status)
        if view.flagged_only:
            clauses.append("i.flag_count > 0")
        if view.search:
            clause, values = search_clause(view.search)
            clauses.append(clause)
            params.extend(values)
        return clauses, params

    def page(
        self,
        view: Filter = Filter(),
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
        clauses, params = self._where(view)
        descending = True
        if after is not None:
            clauses.append("(i.sent_at, i.id) < (?, ?)")
            params.extend([after.sent_at, after.id])
        elif before is not None:
            clauses.append("(i.sent_at, i.id) > (?, ?)")
            params.extend([before.sent_at, before.id])
            descending = False
        elif from_end:
            descending = False
        order = "DESC" if descending else "ASC"
        sql = (
            f"{_INBOX_SELECT} WHERE {' AND '.join(clauses)} "
            f"ORDER BY i.sent_at {order}, i.id {order} LIMIT ?"
        )
        found = [rows.inbox_row(r) for r in self.conn.execute(sql, [*params, limit])]
        return found if descending else found[::-1]

    def count(self, view: Filter, *, before: Cursor | None = None) -> int:
        """How many invitations a filtered list holds (above ``before``, if given)."""
        clauses, params = self._where(view)
        if before is not None:
            clauses.append("(i.sent_at, i.id) > (?, ?)")
            params.extend([before.sent_at, before.id])
        # The people table is needed only to search names, companies and headlines.
        join = " JOIN people p ON p.id = i.person_id" if view.search else ""
        sql = f"SELECT count(*) FROM invitations i{join} WHERE {' AND '.join(clauses)}"
        return self.conn.execute(sql, params).fetchone()[0]

    def position(self, view: Filter, cursor: Cursor) -> int:
        """How many rows of the list come before ``cursor`` (for a scrollbar)."""
        return self.count(view, before=cursor)

    def get(self, invitation_id: int) -> Invitation:
        row = self.conn.execute(f"{_FULL_SELECT} WHERE i.id = ?", (invitation_id,)).fetchone()
        if row is None:
            raise StoreError(f"no invitation with id {invitation_id}")
        messages = self.conn.execute(
            "SELECT direction, body, at FROM messages WHERE invitation_id = ? ORDER BY id",
            (invitation_id,),
        ).fetchall()
        return rows.invitation_from_row(row, messages)

    def iter_invitations(self, view: Filter = Filter(status=None)) -> Iterator[Invitation]:
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
