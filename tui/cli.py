"""The ``invite-triage`` command line: a click group whose commands load on demand.

Commands live one per module in ``tui.commands`` and are imported only when run, so
``invite-triage seed`` never loads Textual and ``--help`` stays quick.
"""

from __future__ import annotations

import difflib
import importlib
import sqlite3
import sys

import click

from tui import __version__
from tui.domain.safe_text import visible
from tui.store.errors import StoreError

DEFAULT_DB = "data/inbox.db"

# command name -> module in tui.commands defining ``command``
COMMANDS = {
    "open": "open_app",
    "seed": "seed",
    "explain": "explain",
    "import": "import_",
    "export": "export",
    "train": "train",
    "simulate": "simulate",
    "report": "report",
    "serve": "serve",
    # Hidden: what `serve` runs for each browser tab.
    "served-training": "served_training",
}


def folder_for_new_database(ctx: click.Context, *, create: bool = True) -> None:
    """Before a command creates a missing database: the default ``data/`` folder is made
    (unless ``create`` is False: only check); any other missing folder is a mistyped
    ``--db`` and stops with one line."""
    from pathlib import Path

    root = ctx.find_root()
    folder = Path(root.obj["db"]).parent
    if folder.is_dir():
        return
    if root.get_parameter_source("db_path") != click.core.ParameterSource.DEFAULT:
        fail(f"there is no folder {folder} for the database (create it first, or check --db)")
    if not create:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        fail(f"cannot create {folder}: {exc.strerror or exc}")


def fail(message: str, code: int = 1) -> None:
    """Print one clean error line and exit non-zero (never a traceback)."""
    click.echo(f"invite-triage: error: {message}", err=True)
    sys.exit(code)


class LazyGroup(click.Group):
    def list_commands(self, ctx):
        return [name for name in COMMANDS if self.load_command(name) is not None]

    def get_command(self, ctx, name):
        return self.load_command(name)

    @staticmethod
    def load_command(name):
        module_name = COMMANDS.get(name)
        if module_name is None:
            return None
        try:
            module = importlib.import_module(f"tui.commands.{module_name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"tui.commands.{module_name}":
                return None
            raise
        return module.command

    def resolve_command(self, ctx, args):
        name = args[0] if args else None
        if name is not None and not name.startswith("-") and self.load_command(name) is None:
            close = difflib.get_close_matches(name, list(COMMANDS), n=1, cutoff=0.6)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            ctx.fail(f"no such command {visible(name, keep_newlines=False)!r}{hint}")
        return super().resolve_command(ctx, args)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except StoreError as exc:
            fail(str(exc))
        except sqlite3.DatabaseError as exc:
            fail(f"database error: {exc}")
        except OSError as exc:
            where = f" ({exc.filename})" if exc.filename else ""
            fail(f"{exc.strerror or exc}{where}")
        except KeyboardInterrupt:
            fail("interrupted", 130)


@click.group(cls=LazyGroup, invoke_without_command=True)
@click.version_option(__version__, prog_name="invite-triage")
@click.option(
    "--db",
    "db_path",
    envvar="INVITE_TRIAGE_DB",
    default=DEFAULT_DB,
    show_default=True,
    # A plain string: the store checks the path itself, so a directory or any other
    # unusable path gets the one-line error every other refusal gets.
    metavar="PATH",
    help="The inbox database (also read from INVITE_TRIAGE_DB).",
)
@click.option(
    "--policy",
    "policy_path",
    envvar="INVITE_TRIAGE_POLICY",
    default=None,
    metavar="FILE|NAME",
    help="A TOML policy file, or a built-in policy: default, strict.",
)
@click.pass_context
def main(ctx: click.Context, db_path: str, policy_path: str | None) -> None:
    """Triage connection invitations from the keyboard, and train people to do it well.

    With no command, opens the app on the inbox (seeding a demo inbox when none exists).
    """
    ctx.ensure_object(dict)
    ctx.obj["db"] = db_path
    ctx.obj["policy"] = policy_path
    if ctx.invoked_subcommand is None:
        ctx.invoke(LazyGroup.load_command("open"))
