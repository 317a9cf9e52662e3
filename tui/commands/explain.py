"""``invite-triage explain``: each invitation's red flags, signals and recommendation.

Text mode is for reading in a terminal: every piece of sender-written text goes through
``visible`` (control and bidi characters shown as escapes) and long notes are cut.
``--json`` is for scripts: one JSON object per line, every string exactly as stored
(``json.dumps`` escapes what needs escaping, and non-ASCII as ``\\u`` escapes).
Invitations are read one at a time, so a million-row inbox streams in constant memory.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import sys

import click

from tui.domain.models import STATUSES

NOTE_PREVIEW = 300  # characters of a note or reply shown in text mode


@click.command()
@click.option("--id", "invitation_id", type=click.IntRange(min=1), help="Only this invitation.")
@click.option(
    "--status",
    type=click.Choice(STATUSES),
    help="Only invitations with this status (default: every status but sent).",
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@click.option(
    "--policy",
    "policy_path",
    metavar="FILE|NAME",
    default=None,
    help="A TOML policy file, or a built-in policy (default, strict). "
    "Overrides the global --policy.",
)
@click.pass_context
def command(ctx, invitation_id, status, as_json, policy_path) -> None:
    """Explain the red flags and the recommendation for each invitation.

    Prints the sender, every red flag and positive signal with its explanation and
    evidence, and what the policy recommends (accept, ask, or ignore) and why.
    """
    from tui.cli import fail
    from tui.domain.assessment import evaluate
    from tui.domain.policy import PolicyError, load_policy
    from tui.store import Filter, Store

    if invitation_id is not None and status is not None:
        raise click.UsageError("give either --id or --status, not both")
    try:
        policy = load_policy(policy_path or (ctx.obj or {}).get("policy"))
    except PolicyError as exc:
        fail(str(exc))
    write = _json_line if as_json else _text_block
    with Store.open(ctx.obj["db"], readonly=True) as store:
        if invitation_id is not None:
            invitations = iter([store.get(invitation_id)])
        else:
            invitations = store.iter_invitations(Filter(status=status))
        try:
            for count, invitation in enumerate(invitations):
                flags, recommendation = evaluate(invitation, policy)
                click.echo(write(invitation, flags, recommendation, first=count == 0))
        except BrokenPipeError:
            _quiet_broken_pipe()
        except OSError as exc:
            if exc.errno != errno.EPIPE:
                raise
            _quiet_broken_pipe()


def as_record(invitation, flags, recommendation) -> dict:
    """The ``--json`` object for one invitation (strings exactly as stored)."""

    def entry(flag) -> dict:
        return {
            "code": flag.code,
            "severity": flag.severity,
            "field": flag.field,
            "span": list(flag.spans[0]) if flag.spans else None,
            "explanation": flag.explanation,
        }

    return {
        "id": invitation.id,
        "name": invitation.person.name,
        "status": invitation.status,
        "flags": [entry(f) for f in flags if f.kind == "red"],
        "signals": [{**entry(f), "detail": list(f.detail)} for f in flags if f.kind != "red"],
        "recommendation": {
            "action": recommendation.action,
            "reasons": list(recommendation.reasons),
        },
    }


def _json_line(invitation, flags, recommendation, *, first: bool) -> str:
    return json.dumps(as_record(invitation, flags, recommendation), ensure_ascii=True)


def _safe(text: str | None, limit: int = NOTE_PREVIEW) -> str:
    from tui.domain.safe_text import visible

    if text is None:
        return ""
    cut = text if len(text) <= limit else text[:limit]
    shown = visible(cut, keep_newlines=False)
    return shown if cut is text else f"{shown}… ({len(text):,} characters)"


def _evidence(flag, invitation) -> str:
    """Where a flag points: the quoted words for text evidence, the detail otherwise."""
    source = {"note": invitation.note, "reply": getattr(invitation, "reply", None)}
    text = source.get(flag.field)
    if text and flag.spans:
        quoted = "; ".join(f'"{_safe(text[s:e], 80)}"' for s, e in flag.spans[:3])
        return f"  [{flag.field}: {quoted}]"
    if flag.detail and flag.code == "sparse_profile":
        return f"  [empty: {', '.join(flag.detail)}]"
    return ""


def _text_block(invitation, flags, recommendation, *, first: bool) -> str:
    person = invitation.person
    lines = [] if first else [""]
    lines.append(f"#{invitation.id}  {_safe(person.name, 120)}  ({invitation.status})")
    headline = " at ".join(
        _safe(part, 120) for part in (person.headline or person.position, person.company) if part
    )
    if headline:
        lines.append(f"  {headline}")
    lines.append(f"  note: {_safe(invitation.note) or '(none)'}")
    reply = getattr(invitation, "reply", None)
    if reply is not None:
        lines.append(f"  reply: {_safe(reply)}")
    red = [f for f in flags if f.kind == "red"]
    good = [f for f in flags if f.kind != "red"]
    if not red:
        lines.append("  red flags: none")
    for flag in red:
        label = f"{flag.severity}"
        lines.append(f"  ! {label:<6} {flag.code}: {flag.explanation}{_evidence(flag, invitation)}")
    for flag in good:
        lines.append(f"  + signal {flag.code}: {flag.explanation}{_evidence(flag, invitation)}")
    lines.append(f"  recommendation: {recommendation.action.upper()}")
    lines.extend(f"    {reason}" for reason in recommendation.reasons)
    return "\n".join(lines)


def _quiet_broken_pipe() -> None:
    """``explain | head``: the reader left; stop quietly like other Unix tools."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    with contextlib.suppress(AttributeError, ValueError, OSError):
        os.dup2(devnull, sys.stdout.fileno())
    sys.exit(1)
