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
from datetime import UTC, datetime

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
    now = datetime.now(UTC)
    with Store.open(ctx.obj["db"], readonly=True) as store:
        if invitation_id is not None:
            invitations = iter([store.get(invitation_id)])
        else:
            invitations = store.iter_invitations(Filter(status=status))
        try:
            for count, invitation in enumerate(invitations):
                flags, recommendation = evaluate(invitation, policy, now=now)
                click.echo(write(invitation, flags, recommendation, first=count == 0, now=now))
        except BrokenPipeError:
            _quiet_broken_pipe()
        except OSError as exc:
            if exc.errno != errno.EPIPE:
                raise
            _quiet_broken_pipe()


def as_record(invitation, flags, recommendation, *, now: datetime | None = None) -> dict:
    """The ``--json`` object for one invitation (strings exactly as stored).

    Your own sent invitation is not judged: ``recommendation`` is null, the flags are
    empty, and ``age_days`` says how long it has been waiting.
    """

    def entry(flag) -> dict:
        return {
            "code": flag.code,
            "severity": flag.severity,
            "field": flag.field,
            "span": list(flag.spans[0]) if flag.spans else None,
            "explanation": flag.explanation,
        }

    record = {
        "id": invitation.id,
        "name": invitation.person.name,
        "status": invitation.status,
        "profile_url": invitation.person.profile_url,
        "flags": [entry(f) for f in flags if f.kind == "red"],
        "signals": [{**entry(f), "detail": list(f.detail)} for f in flags if f.kind != "red"],
        "recommendation": None
        if recommendation is None
        else {"action": recommendation.action, "reasons": list(recommendation.reasons)},
    }
    if recommendation is None:
        record["age_days"] = age_days(invitation.sent_at, now)
    return record


def age_days(sent_at: str, now: datetime | None) -> int | None:
    """Whole days since an invitation was sent (a time without a zone taken as local)."""
    try:
        sent = datetime.fromisoformat(sent_at)
    except ValueError:
        return None
    if sent.tzinfo is None:
        sent = sent.astimezone()  # the export's times are the user's local time
    return max(((now or datetime.now(UTC)) - sent).days, 0)


def _json_line(invitation, flags, recommendation, *, first: bool, now=None) -> str:
    return json.dumps(as_record(invitation, flags, recommendation, now=now), ensure_ascii=True)


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


def _text_block(invitation, flags, recommendation, *, first: bool, now=None) -> str:
    person = invitation.person
    lines = [] if first else [""]
    lines.append(f"#{invitation.id}  {_safe(person.name, 120)}  ({invitation.status})")
    headline = " at ".join(
        _safe(part, 120) for part in (person.headline or person.position, person.company) if part
    )
    if headline:
        lines.append(f"  {headline}")
    if person.profile_url:
        lines.append(f"  profile: {_safe(person.profile_url, 200)}")
    lines.append(f"  note: {_safe(invitation.note) or '(none)'}")
    if recommendation is None:
        days = age_days(invitation.sent_at, now)
        waiting = "" if days is None else f", waiting {days} day{'' if days == 1 else 's'}"
        lines.append(f"  your invitation, sent {_safe(invitation.sent_at, 40)}{waiting}")
        return "\n".join(lines)
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
