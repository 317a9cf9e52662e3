"""``invite-triage seed``: fill the inbox with realistic fake invitations."""

from __future__ import annotations

import contextlib
import os
import sys
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import click

from tui.store import Store, StoreError

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

    With ``reset`` the new inbox is built in a temporary file beside the old one and moved
    into place only when complete, so a failed reseed leaves the old database untouched.
    Large inboxes are drawn and assessed in worker processes (``workers``: see
    :func:`seed.pipeline.prepared_rows`); the rows are the same either way.
    """
    from seed.pipeline import prepared_rows

    target = Path(db_path)
    build_path = target.with_name(f".{target.name}.building-{os.getpid()}") if reset else target
    if reset:
        # Refuse to replace something that is not an inbox before doing any work.
        if target.exists():
            Store.open(target).close()
        _remove_sqlite_files(build_path)
    rows = prepared_rows(count, seed, locales or None, workers=workers)
    try:
        with Store.open(build_path, create=True) as store:
            if progress:
                with click.progressbar(rows, length=count, label="Seeding", file=sys.stderr) as bar:
                    added = store.add_rows(bar)
            else:
                added = store.add_rows(rows)
            store.set_meta("seed", f"{seed}")
            if reset:
                store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                store.conn.execute("PRAGMA journal_mode = DELETE")
    except BaseException as exc:
        rows.close()  # stop the workers before removing anything
        if reset:
            _remove_sqlite_files(build_path)
        if isinstance(exc, BrokenProcessPool):
            nothing = "the old inbox is unchanged" if reset else "nothing was added"
            raise StoreError(f"seeding stopped: a worker process died; {nothing}") from None
        raise
    if reset:
        _replace(build_path, target)
    return added


def _remove_sqlite_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{path}{suffix}").unlink()


def _replace(built: Path, target: Path) -> None:
    if target.exists():
        # Fold the old file's WAL into it first, so removing a stale -wal loses nothing
        # that could be mistaken for part of the new file.
        with Store.open(target) as old:
            old.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    os.replace(built, target)
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{target}{suffix}").unlink()


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
