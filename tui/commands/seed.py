"""``invite-triage seed``: fill the inbox with realistic fake invitations."""

from __future__ import annotations

import contextlib
import glob
import os
import sqlite3
import sys
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import click

from tui.store import Store, StoreError
from tui.store.errors import sqlite_problem
from tui.store.store import INSERT_CHUNK

PROGRESS_FROM = 5000  # below this a bar only flickers


def seed_database(
    db_path: str | os.PathLike,
    *,
    count: int,
    seed: int,
    locales: tuple[str, ...] = (),
    reset: bool = False,
    progress: bool = False,
    workers: int | None = None,
) -> int:
    """Add ``count`` invitations to ``db_path`` (creating it); returns how many were added.

    Rows are written in short chunks (see ``Store.add_rows``), so a window open on the
    same inbox keeps working meanwhile. With ``reset`` the new inbox is built in a file of
    its own beside the old one and copied over it through SQLite in one transaction (see
    :func:`_replace`), so a failed reseed leaves the old inbox untouched. Large inboxes are
    drawn and assessed in worker processes (``workers``: see
    :func:`seed.pipeline.prepared_rows`); the rows are the same either way.
    """
    from seed.pipeline import prepared_rows

    target = Path(db_path)
    remove_stale_builds(target)
    if not reset:
        # A file made here gets fixed-size chunks (the same seed, the same bytes); rows
        # added to an inbox that exists (maybe open in a window) go in chunks of ~100 ms.
        fresh = not target.exists() or target.stat().st_size == 0
        rows = prepared_rows(count, seed, locales or None, workers=workers)
        written = [0]
        try:
            with Store.open(target, create=True) as store:
                added = _add(store, rows, count, progress, written, fixed=fresh)
                store.set_meta("seed", f"{seed}")
        except BaseException as exc:
            rows.close()  # stop the workers
            if not written[0] or isinstance(exc, KeyboardInterrupt):
                _explain_broken_pool(exc, "nothing was added")
                raise
            kept = f"{written[0]:,} invitations were added before it stopped"
            if isinstance(exc, BrokenProcessPool):
                raise StoreError(f"seeding stopped: a worker process died; {kept}") from None
            if isinstance(exc, StoreError | OSError | sqlite3.Error):
                raise StoreError(f"{_said(exc)}; {kept}") from None
            raise
        return added
    # Refuse to replace something that is not an inbox before doing any work.
    if target.exists():
        Store.open(target).close()
    build_path = target.with_name(f"{BUILD_PREFIX.format(name=target.name)}{os.getpid()}")
    _remove_build(build_path)
    rows = prepared_rows(count, seed, locales or None, workers=workers)
    try:
        with Store.open(build_path, create=True) as built:
            added = _add(built, rows, count, progress, [0], fixed=True)
            built.set_meta("seed", f"{seed}")
            _replace(built, target)
    except BaseException as exc:
        rows.close()  # stop the workers before removing anything
        _explain_broken_pool(exc, "the old inbox is unchanged")
        raise
    finally:
        _remove_build(build_path)
    return added


BUILD_PREFIX = ".{name}.building-"


def _add(store: Store, rows, count: int, progress: bool, written: list[int], *, fixed: bool):
    """Add the rows in chunks; ``written[0]`` follows what is on disk."""

    def committed(total: int) -> None:
        written[0] = total

    size = INSERT_CHUNK if fixed else None
    if not progress:
        return store.add_rows(rows, on_chunk=committed, chunk_rows=size)
    with click.progressbar(rows, length=count, label="Seeding", file=sys.stderr) as bar:
        return store.add_rows(bar, on_chunk=committed, chunk_rows=size)


def _said(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    if isinstance(exc, sqlite3.Error):
        return sqlite_problem(exc)
    return str(exc)


def _explain_broken_pool(exc: BaseException, what_stays: str) -> None:
    if isinstance(exc, BrokenProcessPool):
        raise StoreError(f"seeding stopped: a worker process died; {what_stays}") from None


def _replace(built: Store, target: Path) -> None:
    """Copy the built inbox over ``target`` with SQLite's backup, in one transaction.

    The file is never replaced behind SQLite's back (a window that has it open would go on
    writing to the old, unlinked file and its decisions would be lost): the copy goes
    through the target's own locks, so every window sees the new inbox at once, whole.
    """
    with Store.open(target, create=True, verify=False) as destination:
        try:
            built.conn.backup(destination.conn)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot replace {target}: {sqlite_problem(exc)}") from None


def remove_stale_builds(target: Path) -> None:
    """Remove the half-built inboxes of ``seed --reset`` runs that were killed.

    Each build file carries its process id; a build whose process is gone is nobody's.
    """
    directory = target.parent if str(target.parent) else Path(".")
    prefix = BUILD_PREFIX.format(name=target.name)
    try:
        candidates = list(directory.glob(f"{glob.escape(prefix)}*"))
    except OSError:
        return
    for path in candidates:
        pid = path.name[len(prefix) :]
        if pid.isdigit() and not _alive(int(pid)):
            _remove_build(path)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def _remove_build(path: Path) -> None:
    """A build file is private to its seed run (no other process opens it)."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{path}{suffix}").unlink()


@click.command()
@click.option(
    "--count",
    "-n",
    type=click.IntRange(min=0),
    default=200,
    show_default=True,
    help="How many invitations to add.",
)
@click.option(
    "--seed",
    "seed_value",
    type=int,
    default=42,
    show_default=True,
    help="Random seed; the same seed and version give the same inbox.",
)
@click.option(
    "--locale",
    "locales",
    multiple=True,
    metavar="LOCALE",
    help="Faker locale for names and places (repeatable), e.g. en_GB, de_DE.",
)
@click.option(
    "--reset", is_flag=True, help="Replace the inbox (only once the new one is fully built)."
)
@click.pass_context
def command(ctx, count: int, seed_value: int, locales: tuple[str, ...], reset: bool) -> None:
    """Create the database if missing and add fake invitations to it."""
    from seed.personas import check_locales

    db_path = ctx.obj["db"]
    try:
        check_locales(locales)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--locale") from None
    from tui.cli import folder_for_new_database

    folder_for_new_database(ctx)
    show_progress = count >= PROGRESS_FROM and sys.stderr.isatty()
    added = seed_database(
        db_path, count=count, seed=seed_value, locales=locales, reset=reset, progress=show_progress
    )
    verb = "Replaced the inbox with" if reset else "Added"
    click.echo(f"{verb} {added} invitations in {db_path} (seed {seed_value}).")


__all__ = ["StoreError", "command", "seed_database"]
