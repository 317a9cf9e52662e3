"""The reference policy's view of an invitation at each stage, and how it would play it.

A trainee (or a strategy) judges an invitation up to three times: when it arrives
(``first``), when the sender's reply comes in (``reply``, only after an ask), and when the
wait for a reply ends without one (``silence``). The reference policy is the yardstick at
each stage: what it advises is what "matched the policy" means, the flag its advice rests
on is the cue a verdict names, and :func:`play_one` is what following it would have earned,
so a verdict can tell a cue the trainee missed from one that would have misled anybody.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta

from tui.domain.models import Assessment, Flag, Invitation, Message

ASK_MESSAGE = (
    "Thanks for the invitation! I like to know a little about the people I connect with. "
    "What made you want to connect?"
)
WAIT = timedelta(days=3)  # how long an ask waits for an answer before silence counts
STAGES = ("first", "reply", "silence")


def stage_of(invitation: Invitation) -> str:
    """The stage an undecided invitation is at, from its status."""
    if invitation.status == "replied":
        return "reply"
    if invitation.status == "asked":
        return "silence"
    return "first"


def view_at(invitation: Invitation, stage: str) -> Invitation:
    """The invitation as it looked at ``stage``: before any ask, after the reply, or unanswered."""
    if stage == "first":
        return replace(invitation, status="pending", messages=())
    if stage == "silence":
        sent = tuple(m for m in invitation.messages if m.direction == "out")
        return replace(invitation, status="asked", messages=sent)
    if stage == "reply":
        return replace(invitation, status="replied")
    raise ValueError(f"unknown stage {stage!r}")


@dataclass(frozen=True, slots=True)
class Advice:
    """What the policy says at one stage, and the cue its advice rests on."""

    stage: str
    action: str  # accept, ignore, or ask (only at the first stage)
    flags: tuple[Flag, ...]  # every flag and signal the invitation shows then, with evidence
    deciding: Flag | None  # the flag that picked the policy's row (None: no reply came)


def advise(view: Invitation, policy, stage: str) -> Advice:
    """The policy's advice on ``view`` (an invitation as :func:`view_at` shows it).

    After an ask, "ask again" is not on offer: the advice then is to ignore.
    """
    from tui.domain.assessment import evaluate
    from tui.domain.recommend import deciding_code

    flags, recommendation = evaluate(view, policy)
    action = recommendation.action
    if stage != "first" and action == "ask":
        action = "ignore"
    code = deciding_code(flags, view.status)
    deciding = next((f for f in flags if f.code == code), None)
    return Advice(stage, action, tuple(flags), deciding)


def reference_assessment(invitation: Invitation, policy, stage: str = "first") -> Assessment:
    """What the reference policy says about the invitation as it stands (stored per decision)."""
    from tui.domain.assessment import evaluate

    flags, recommendation = evaluate(invitation, policy)
    action = recommendation.action
    if stage != "first" and action == "ask":
        action = "ignore"
    return Assessment(
        flag_codes=tuple(f.code for f in flags if f.kind == "red"), recommended=action
    )


@dataclass(frozen=True, slots=True)
class PolicyPlay:
    """How the policy would play one invitation: its outcome and its advice on the way."""

    outcome: str  # accept, ignore, ask_accept or ask_ignore
    first: Advice
    after: Advice | None  # the reply or silence stage, when it asked


def play_one(
    invitation: Invitation,
    policy,
    reply: tuple[str | None, float] | None,
    *,
    ask: bool = False,
    wait: timedelta = WAIT,
) -> PolicyPlay:
    """Follow the policy on ``invitation`` from the start, given how the sender would answer.

    ``reply`` is ``(body or None for silence, delay in seconds)``; a reply slower than
    ``wait`` counts as silence, as in a headless run. ``ask=True`` asks first whatever
    the policy advises: what asking would have shown.
    """
    first_view = view_at(invitation, "first")
    first = advise(first_view, policy, "first")
    if first.action != "ask" and not ask:
        return PolicyPlay(first.action, first, None)
    body, delay = reply if reply is not None else (None, 0.0)
    asked = Message("out", ASK_MESSAGE, invitation.sent_at)
    if body is not None and delay <= wait.total_seconds():
        view = replace(
            first_view,
            status="replied",
            messages=(asked, Message("in", body, invitation.sent_at)),
        )
        after = advise(view, policy, "reply")
    else:
        after = advise(replace(first_view, status="asked", messages=(asked,)), policy, "silence")
    return PolicyPlay(f"ask_{after.action}", first, after)
