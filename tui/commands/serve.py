"""``invite-triage serve``: the training app (or the demo inbox) in browsers, for a classroom.

Each browser tab gets its own app process and its own copy of the exercise (or, with
``--inbox``, of the demo inbox) in a private temporary directory, removed when the tab
closes. Training sessions start by asking the trainee's name; their results all land in
``--db``, where ``invite-triage report`` shows the whole class.

Safe by default: it listens on 127.0.0.1 only. Any other address gets a one-line warning,
because there is no authentication: put it behind a reverse proxy that has some.
"""

from __future__ import annotations

import ipaddress
import shutil
import tempfile
from pathlib import Path

import click

from tui.cli import fail, folder_for_new_database

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DEFAULT_MAX_SESSIONS = 30


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _policy(policy: str | None) -> str | None:
    """Check the policy now (one line if bad) and pin a file to its absolute path."""
    from tui.domain.policy import PolicyError, load_policy

    if policy is None:
        return None
    try:
        load_policy(policy)
    except PolicyError as exc:
        fail(str(exc))
    path = Path(policy)
    return str(path.resolve()) if path.exists() else policy


def _scenario(scenario: str | None) -> tuple[str, str]:
    from tui.commands.train import check_scenario

    name, title = check_scenario(scenario)
    path = Path(name)
    if name.endswith(".toml") and path.exists():
        name = str(path.resolve())
    return name, title or name


@click.command()
@click.option(
    "--host",
    default=DEFAULT_HOST,
    show_default=True,
    help="Address to listen on. Anything but loopback is open to the network, unauthenticated.",
)
@click.option("--port", type=click.IntRange(1, 65535), default=DEFAULT_PORT, show_default=True)
@click.option(
    "--scenario",
    default=None,
    metavar="NAME|FILE.toml",
    help="The exercise every trainee gets (see `simulate --list`). [default: mixed-inbox]",
)
@click.option(
    "--inbox",
    "demo",
    is_flag=True,
    help="Serve a copy of the demo inbox to each tab instead of a training exercise.",
)
@click.option(
    "--max-sessions",
    type=click.IntRange(1, 1000),
    default=DEFAULT_MAX_SESSIONS,
    show_default=True,
    help="Browser tabs served at once; more get a 'session full' page.",
)
@click.pass_context
def command(ctx, host: str, port: int, scenario: str | None, demo: bool, max_sessions: int):
    """Serve training (or the demo inbox) to web browsers, one session per tab."""
    from tui.serve.classroom import Classroom
    from tui.serve.plan import Plan
    from tui.serve.server import ClassroomServer
    from tui.store import Store

    if demo and scenario is not None:
        raise click.UsageError("--scenario is for training; --inbox serves the demo inbox")
    policy = _policy(ctx.obj.get("policy"))
    results = Path(ctx.obj["db"]).resolve()
    if demo:
        title = "invite-triage: demo inbox"
    else:
        scenario, scenario_title = _scenario(scenario)
        title = f"invite-triage training: {scenario_title}"
        # Create (or upgrade) the results database once, here, rather than in thirty
        # sessions at once; a file that is not ours stops the server before it starts.
        folder_for_new_database(ctx)
        Store.open(results, create=True).close()
    if not is_loopback(host):
        click.echo(
            f"invite-triage: warning: serving on {host} with no authentication: anyone who "
            "can reach this port can use it; put it behind a reverse proxy that has "
            "authentication (see README, 'Serving a classroom')",
            err=True,
        )
    root = Path(tempfile.mkdtemp(prefix="invite-triage-serve-"))
    try:
        demo_inbox = None
        if demo:
            from tui.commands.open_app import DEMO_COUNT, DEMO_SEED
            from tui.commands.seed import seed_database

            demo_inbox = root / "demo.db"
            seed_database(demo_inbox, count=DEMO_COUNT, seed=DEMO_SEED)
        plan = Plan(results=results, scenario=scenario, demo=demo_inbox, policy=policy)
        server = ClassroomServer(
            plan, Classroom(root, max_sessions), host=host, port=port, title=title
        )
        server.serve()
    finally:
        shutil.rmtree(root, ignore_errors=True)
