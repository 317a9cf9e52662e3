"""``invite-triage import PATH``: add invitations from JSON Lines or the data export."""

from __future__ import annotations

import click

from tui.store import Store


def _directions(counts, verbs: bool) -> str:
    parts = []
    for direction, status in (("incoming", "pending"), ("outgoing", "sent")):
        if counts[direction]:
            parts.append(f"{counts[direction]} {direction}" + (f" as {status}" if verbs else ""))
    return f" ({', '.join(parts)})" if parts else ""


def summary(source, outcome) -> str:
    """The one line a user reads after an import."""
    from tui.importers.detect import JSONL

    tally = outcome.tally
    added = sum(outcome.added.values())
    parts = [f"added {added}{_directions(outcome.added, verbs=True)}"]
    parts.append(f"skipped {outcome.present} already present")
    if tally.duplicates:
        parts.append(f"ignored {tally.duplicates} repeated in the file")
    if source.connections is not None:
        parts.append(
            f"{tally.known} of {tally.invitations['incoming']} senders are among your "
            f"{source.connections.count} connections"
        )
    elif source.kind != JSONL:
        parts.append("no Connections.csv, so whether you know each sender is left unknown")
    if outcome.known_updated:
        parts.append(f"filled in 'known' on {outcome.known_updated} invitations imported before")
    return f"Imported {source.label}: {'; '.join(parts)}."


@click.command("import")
@click.argument("path", type=click.Path(exists=True, file_okay=True, dir_okay=True, readable=True))
@click.option(
    "--check",
    "check_only",
    is_flag=True,
    help="Only validate PATH and say what it holds; import nothing.",
)
@click.pass_context
def command(ctx, path: str, check_only: bool) -> None:
    """Import invitations from PATH: a JSON Lines file, the data export zip, its unpacked
    folder, or a single Invitations.csv (told apart by content, not by name).

    The file is checked whole first: one bad line rejects it with FILE:LINE and the reason,
    and nothing is stored. Importing the same data again adds nothing twice.
    """
    from tui.cli import fail
    from tui.domain.assessment import assess
    from tui.domain.files import names_database, shown_path
    from tui.importers import ImportFileError, check, plan, run_import
    from tui.store import StoreError

    if names_database(path, ctx.obj["db"]):
        fail(f"{shown_path(path)} is the inbox database itself (or one of its files)")
    try:
        source = plan(path)
        tally = check(source)
        if check_only:
            repeated = f"; {tally.duplicates} repeated" if tally.duplicates else ""
            click.echo(
                f"{source.label} is valid: {tally.total} invitations"
                f"{_directions(tally.invitations, verbs=False)}{repeated}; nothing imported."
            )
            return
        written = [0]

        def committed(total: int) -> None:
            written[0] = total

        with Store.open(ctx.obj["db"], create=True) as store:
            try:
                outcome = run_import(store, source, assess, on_chunk=committed)
            except StoreError as exc:
                if not written[0]:
                    raise
                fail(
                    f"{exc}; {written[0]:,} invitations were added before it stopped "
                    "(import the same file again to add the rest: nothing is added twice)"
                )
    except ImportFileError as exc:
        fail(str(exc))
    click.echo(summary(source, outcome))
