"""``invite-triage`` with no command: open the app, seeding a demo inbox when none exists."""

from __future__ import annotations

from pathlib import Path

import click

DEMO_COUNT = 200
DEMO_SEED = 42


@click.command(name="open")
@click.pass_context
def command(ctx) -> None:
    """Open the triage app on the inbox."""
    db_path = Path(ctx.obj["db"])
    if not db_path.exists():
        from tui.commands.seed import seed_database

        added = seed_database(db_path, count=DEMO_COUNT, seed=DEMO_SEED)
        click.echo(f"No inbox at {db_path}; seeded a demo inbox of {added} invitations.", err=True)
    from tui.ui.app import run_app

    run_app(db_path, policy_path=ctx.obj.get("policy"))
