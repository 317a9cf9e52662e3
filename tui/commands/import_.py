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


def _count(number: int, word: str, words: str | None = None) -> str:
    if number == 1:
        return f"1 {word}"
    return f"{number} {words or word + 's'}"


def conversations(messages, threads, me) -> str:
    """What messages.csv added, what it skipped, and whom it took for you."""
    from tui.domain.safe_text import visible

    said = [
        f"{_count(threads.asks, 'ask')} and {_count(threads.replies, 'reply', 'replies')} recorded "
        f"from {_count(threads.matched, 'conversation')} with senders of open invitations"
    ]
    skipped = [
        (threads.present, "message imported before", "messages imported before"),
        (
            threads.no_invitation,
            "conversation with no open invitation",
            "conversations with no open invitation",
        ),
        (threads.group, "group chat", None),
        (threads.not_yours, "conversation without you", "conversations without you"),
        (messages.drafts, "draft", None),
        (messages.no_sender + messages.spam, "system, sponsored or spam message", None),
    ]
    left = [_count(n, one, many) for n, one, many in skipped if n]
    if left:
        said.append("skipped " + ", ".join(left))
    shown = visible(me.url, keep_newlines=False)
    shown = shown if len(shown) <= 100 else shown[:97] + "..."
    said.append(f"you are {shown} (from {me.source})")
    return "; ".join(said)


def summary(source, outcome) -> str:
    """The one line a user reads after an import."""
    from tui.importers.detect import JSONL, MESSAGES_CSV

    tally = outcome.tally
    if source.kind == MESSAGES_CSV:
        told = conversations(source.messages, outcome.threads, outcome.me)
        return f"Imported {source.label}: {told}."
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
    if outcome.threads is not None:
        parts.append("messages.csv: " + conversations(source.messages, outcome.threads, outcome.me))
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
    folder, a single Invitations.csv, or messages.csv (told apart by content, not by name).

    messages.csv (in the full export, or alone) records your questions to pending senders
    as asks and their answers as replies. The file is checked whole first: one bad line
    rejects it with FILE:LINE and the reason, and nothing is stored. Importing the same data
    again adds nothing twice.
    """
    from tui.cli import fail, folder_for_new_database
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
            messages = source.messages
            talks = (
                ""
                if messages is None
                else f"; {_count(len(messages.conversations), 'conversation')} in messages.csv"
            )
            click.echo(
                f"{source.label} is valid: {tally.total} invitations"
                f"{_directions(tally.invitations, verbs=False)}{repeated}{talks}; "
                "nothing imported."
            )
            return
        folder_for_new_database(ctx)
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
