"""``invite-triage`` with no command: open the app, seeding a demo inbox when there is none.

A missing (or empty) inbox is seeded only after the user says yes to a question naming
the file, so the path is on the screen before the app takes it over, and a mistyped
``--db`` does not quietly become a new demo inbox.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from tui.cli import fail, folder_for_new_database
from tui.domain.safe_text import visible

DEMO_COUNT = 200
DEMO_SEED = 42


def _inbox_is_empty(db_path: Path) -> bool:
    """True for a database that holds no invitation at all (e.g. made by ``train``)."""
    from tui.store import Store

    with Store.open(db_path) as store:
        return not store.has_invitations()


def _scopes() -> list:
    # Imported only when a keymap is there to check: it imports every dialog.
    from tui.ui.keymap import rebindable_scopes

    return rebindable_scopes()


def run_app(
    db_path: str | os.PathLike,
    policy_path: str | os.PathLike | None = None,
    *,
    config_path: str | os.PathLike | None = None,
) -> None:
    """Check the policy and config, open the store, run the app; exit non-zero on errors."""
    from tui.commands.launch import load_config, load_policy

    config = load_config(_scopes, config_path)
    policy = load_policy(policy_path)
    from tui.ui.app import InviteTriageApp

    app = InviteTriageApp(db_path, policy=policy, config=config, tune_gc=True)
    app.run()
    if app.fatal_message:
        fail(app.fatal_message)
    if app.return_code:
        raise SystemExit(app.return_code)


def has_terminal() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def seed_first(ctx: click.Context, db_path: Path) -> bool:
    """Ask, then seed the demo inbox; False when the user says no."""
    from tui.commands.seed import seed_database

    folder_for_new_database(ctx, create=False)
    where = visible(str(db_path.absolute()), keep_newlines=False)
    missing = "No inbox" if not db_path.exists() else "No invitations"
    question = f"{missing} at {where}. Seed a demo inbox of {DEMO_COUNT} fake invitations there?"
    try:
        wanted = click.confirm(question, default=True, err=True)
    except click.Abort:
        wanted = False
    if not wanted:
        click.echo(
            "Nothing created. Open another inbox with --db, or bring your own: "
            "invite-triage import EXPORT.zip",
            err=True,
        )
        return False
    folder_for_new_database(ctx)
    added = seed_database(db_path, count=DEMO_COUNT, seed=DEMO_SEED)
    click.echo(f"Seeded a demo inbox of {added} invitations into {where}.", err=True)
    return True


@click.command(name="open")
@click.pass_context
def command(ctx) -> None:
    """Open the triage app on the inbox."""
    from tui.serve.web_driver import served

    # Under `invite-triage serve` there is no terminal: Textual's web driver talks to the
    # browser through pipes. That is the one case the app runs without a tty.
    if served():
        from tui.serve.watchdog import end_with_parent

        end_with_parent()
    elif not has_terminal():
        fail("the app needs a terminal; for scripts use explain, export or simulate")
    db_path = Path(ctx.obj["db"])
    if (not db_path.exists() or _inbox_is_empty(db_path)) and not seed_first(ctx, db_path):
        return
    run_app(db_path, policy_path=ctx.obj.get("policy"))
