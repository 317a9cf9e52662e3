"""``invite-triage export``: decisions to a spreadsheet-safe CSV file, or to a pipe."""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import click

from tui.cli import fail
from tui.domain.safe_text import visible

OUT_HELP = (
    "Where to write: a file, a directory (a new decisions-<timestamp>.csv inside it), or - "
    "for standard output. Default: standard output when piped or redirected; in a terminal, "
    "a new file in exports/ beside the database (data/exports/ by default)."
)


@click.command()
@click.option("--out", "-o", "out", metavar="FILE|DIR|-", default=None, help=OUT_HELP)
@click.option(
    "--status",
    "statuses",
    multiple=True,
    metavar="STATUS",
    help="Only invitations now in this status (repeatable): pending, asked, replied, "
    "accepted, ignored, sent, or all (every status but sent). Default: all.",
)
@click.option(
    "--since",
    metavar="DATE",
    help="Only decisions taken on or after DATE (YYYY-MM-DD, or an ISO 8601 time; UTC "
    "unless it has a zone). Undecided invitations count by when they were sent.",
)
@click.option(
    "--all-history",
    is_flag=True,
    help="One row per entry of the decision log, oldest first, undos included, instead of "
    "one row per invitation with its current decision.",
)
@click.option("--bom", is_flag=True, help="Start with a UTF-8 byte order mark (for Excel).")
@click.option(
    "--results",
    is_flag=True,
    help="Export training results instead: one row per trainee, session and invitation.",
)
@click.option("--trainee", metavar="NAME", help="With --results: only this trainee.")
@click.pass_context
def command(ctx, out, statuses, since, all_history, bom, results, trainee) -> None:
    """Export invitations and their decisions as CSV.

    One row per invitation, by id, with the decision it stands on (undecided ones
    have empty decision columns). Cells that a spreadsheet would run as a formula start
    with a ' and a file is replaced only once it is complete.
    """
    from tui.export import ExportError, check_statuses, export_decisions, parse_since
    from tui.store import Store

    if trainee is not None and not results:
        raise click.UsageError("--trainee goes with --results")
    if results and (statuses or since or all_history):
        raise click.UsageError("--status, --since and --all-history apply to decisions only")

    try:
        wanted = check_statuses(statuses)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--status") from None
    try:
        since_value = parse_since(since)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--since") from None
    db_path = ctx.obj["db"]
    with Store.open(db_path, readonly=True) as store, _exit_cleanly_on_sigterm():
        try:
            with _target(out, db_path, prefix="results" if results else "decisions") as target:
                if results:
                    from tui.simulate.results import export_results

                    count = export_results(store, target, trainee=trainee, bom=bom)
                else:
                    count = export_decisions(
                        store,
                        target,
                        statuses=wanted,
                        since=since_value,
                        all_history=all_history,
                        bom=bom,
                    )
        except ExportError as exc:
            fail(str(exc))
        except BrokenPipeError:
            _quiet_broken_pipe()
        except OSError as exc:
            if exc.errno != errno.EPIPE:
                raise
            _quiet_broken_pipe()
    if target != "-":
        what = "results" if results else "log entries" if all_history else "invitations"
        click.echo(f"Exported {count} {what} to {visible(str(target))}")


@contextlib.contextmanager
def _target(out: str | None, db_path: str, *, prefix: str) -> Iterator[str | Path]:
    """Resolve ``--out``: ``-``, a file, or a fresh file in a directory (see ``OUT_HELP``).

    A default ``exports/`` folder made for an export that then fails is removed again.
    """
    from tui.export import default_export

    if out is None and _stdout_is_terminal():
        with default_export(db_path, prefix=prefix) as path:
            yield path
        return
    yield _named_target(out, db_path, prefix=prefix)


def _named_target(out: str | None, db_path: str, *, prefix: str) -> str | Path:
    from tui.export import export_path_in

    if out is None or out == "-":
        return "-"
    if not out.strip():
        raise click.BadParameter("give a file name, a directory or -", param_hint="--out")
    path = Path(out).expanduser()
    if path.is_dir():
        return export_path_in(path, prefix=prefix)
    if _same_file(path, Path(db_path)):
        raise click.BadParameter(
            f"{visible(out)} is the database (or one of its files); choose another file",
            param_hint="--out",
        )
    return path


def _same_file(path: Path, db_path: Path) -> bool:
    target = path.resolve()
    database = db_path.resolve()
    companions = {database, *(Path(f"{database}{s}") for s in ("-wal", "-shm", "-journal"))}
    return target in companions


def _stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


@contextlib.contextmanager
def _exit_cleanly_on_sigterm():
    """``kill`` (SIGTERM) unwinds like Ctrl-C, so the half-written temporary file is removed.

    Python's default for SIGTERM is to die on the spot; only SIGKILL can still leave a
    hidden ``.<name>.*.part`` file behind (never a half export under the real name).
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, frame):
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _quiet_broken_pipe() -> None:
    """``export | head``: the reader left; stop quietly like other Unix tools."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    with contextlib.suppress(AttributeError, ValueError, OSError):
        os.dup2(devnull, sys.stdout.fileno())
    sys.exit(1)
