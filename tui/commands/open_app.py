"""``invite-triage`` with no command: open the app, seeding a demo inbox when there is none."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from tui.cli import fail

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
    if app.return_code:
        raise SystemExit(app.return_code)


@click.command(name="open")
@click.pass_context
def command(ctx) -> None:
    """Open the triage app on the inbox."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        fail("the app needs a terminal; for scripts use explain, export or simulate")
    db_path = Path(ctx.obj["db"])
    if not db_path.exists() or _inbox_is_empty(db_path):
        from tui.commands.seed import seed_database

        added = seed_database(db_path, count=DEMO_COUNT, seed=DEMO_SEED)
        click.echo(f"No invitations in {db_path}; seeded a demo inbox of {added}.", err=True)
    run_app(db_path, policy_path=ctx.obj.get("policy"))
