"""From flags to one action: the default policy of DOMAIN.md as a short decision table.

The first matching row decides (its action comes from the policy), and the reasons say
which row it was, what the policy does for it, and which other red flags are still worth
a look. Rows, in order:

======================  ==========================  ===================================
situation               evidence                    policy setting
======================  ==========================  ===================================
someone you know        ``known_contact``           ``actions.known``
note is a sales pitch   ``sales_pitch``             ``actions.pitch``
reply is a sales pitch  ``reply_pitch``             ``reply.pitch``
note claims a shared    ``stated_reason``           ``actions.met_before_flagged``
past, profile flagged   (``met_before``) and a red  (then the reply decides, as after
                        flag on the profile         any ask); unset: as the row below
note claims a shared    ``stated_reason``           ``actions.met_before`` when the
past                    (``met_before``)            policy sets it, else as any reason
note states a reason    ``stated_reason``           ``actions.stranger_with_reason``
note offers a job       ``recruiter_note``          ``actions.recruiter``
reply states a reason   ``reply_reason``            ``reply.reason`` (a recruiter's reply:
                                                    ``actions.recruiter``)
reply still gives none  ``reply_no_reason``         ``reply.no_reason``
asked, still waiting    asked fewer than            ``thresholds.reply_wait_days``
                        ``reply_wait_days`` ago     (the action is ``wait``)
asked, no reply yet     status asked or replied     ``reply.no_reply``
no reason, unknown      ``known`` unknown           ``actions.stranger_without_reason``
                                                    (the reasons say what you know decides)
no reason at all        anything else               ``actions.stranger_without_reason``
======================  ==========================  ===================================

Waiting depends on time, so :func:`recommend` takes the moment of the ask and the present
moment as arguments (it stays a pure function); without both it cannot wait and silence
counts at once, which is what the simulator wants when it judges a decision on silence.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from tui.domain.models import Flag, Recommendation
from tui.domain.vocabulary import FAMILY_LABELS, FLAG_PHRASES

# Policy setting -> the situation it covers, in plain words.
RULE_TEXT = {
    "known": "someone you know",
    "pitch": "a stranger whose note is a sales pitch",
    "reply_pitch": "a reply that is a sales pitch",
    "stranger_with_reason": "a stranger who states a reason",
    "met_before": "a stranger who says you share a past",
    "met_before_flagged": "a stranger who says you share a past, with a red flag on the profile",
    "recruiter": "a recruiter with a job in mind",
    "reply_reason": "a reply that states a reason",
    "reply_no_reason": "a reply that still gives no reason",
    "no_reply": "no reply yet to your question",
    "stranger_without_reason": "a stranger who gives no reason",
}

ACTION_TEXT = {
    "accept": "accept",
    "ask": "ask why they want to connect",
    "ignore": "ignore",
    "wait": "wait for their reply",
}

WAIT = "wait"  # not a decision: the recommendation while an ask still has time to be answered


def moment(text: str | datetime | None) -> datetime | None:
    """An ISO 8601 time as an aware datetime (a time without a zone is taken as UTC)."""
    if text is None:
        return None
    try:
        value = text if isinstance(text, datetime) else datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _days(count: int) -> str:
    return f"{count} day{'' if count == 1 else 's'}"


def _asked(asked_at, now) -> tuple[datetime, datetime] | None:
    asked, present = moment(asked_at), moment(now)
    return None if asked is None or present is None else (asked, present)


def _when(asked: datetime, present: datetime) -> str:
    ago = max((present - asked).days, 0)
    return f"{'today' if ago == 0 else _days(ago) + ' ago'} ({asked.date().isoformat()})"


def _waiting(policy, asked_at, now) -> tuple[str, str] | None:
    """While an ask is younger than the policy's wait: (what we saw, what the policy says)."""
    times = _asked(asked_at, now)
    if times is None:
        return None
    asked, present = times
    wait = timedelta(days=policy.reply_wait_days)
    if present - asked >= wait:
        return None
    seen = f"You asked why they want to connect {_when(asked, present)}; no reply yet."
    rule = (
        f'Policy "{policy.name}": give them {_days(policy.reply_wait_days)} to reply, until '
        f"{(asked + wait).date().isoformat()}; then {RULE_TEXT['no_reply']} → "
        f"{ACTION_TEXT[policy.no_reply]}."
    )
    return seen, rule


def _situation(
    found: dict[str, Flag], status: str | None, known: bool | None = False
) -> tuple[str, str, str | None]:
    """The deciding row: (policy setting, what we saw, the flag code that decided it)."""
    if "known_contact" in found:
        return "known", "You know this sender.", "known_contact"
    if "sales_pitch" in found:
        return "pitch", "The note is a sales pitch.", "sales_pitch"
    if "reply_pitch" in found:
        return "reply_pitch", "Asked why, they replied with a sales pitch.", "reply_pitch"
    if "stated_reason" in found:
        detail = next(iter(found["stated_reason"].detail), "")
        family = FAMILY_LABELS.get(detail, "")
        said = (
            f"The note states a reason: the sender {family}."
            if family
            else "The note states a reason."
        )
        if detail != "met_before":
            return "stranger_with_reason", said, "stated_reason"
        # A claimed shared past is the reason a fake borrows most easily, and the one a
        # profile can contradict: a new or empty profile, no photo, nobody in common.
        if not any(flag.kind == "red" for flag in found.values()):
            return "met_before", said, "stated_reason"
        if status not in ("asked", "replied"):
            return "met_before_flagged", said, "stated_reason"
        # asked where you met: the reply decides, as after any ask (the rows below)
    if "recruiter_note" in found:
        return "recruiter", "The note is from a recruiter with a job in mind.", "recruiter_note"
    if "reply_reason" in found:
        detail = next(iter(found["reply_reason"].detail), "")
        if detail == "recruiter":
            return "recruiter", "Their reply says they are recruiting.", "reply_reason"
        family = FAMILY_LABELS.get(detail)
        said = (
            f"Their reply states a reason: the sender {family}."
            if family
            else "Their reply states a reason."
        )
        return "reply_reason", said, "reply_reason"
    if "reply_no_reason" in found:
        return "reply_no_reason", "Their reply still gives no reason.", "reply_no_reason"
    if status in ("asked", "replied"):
        return "no_reply", "You asked why they want to connect; no reply has come yet.", None
    if known is None:
        return (
            "stranger_without_reason",
            "Nothing in the note gives a reason, and nothing in your data says whether you "
            "know this sender.",
            None,
        )
    generic = found.get("generic_note")
    if generic is not None and "none" in generic.detail:
        return "stranger_without_reason", "There is no note.", "generic_note"
    if generic is not None and "stock" in generic.detail:
        return (
            "stranger_without_reason",
            "The note is the platform's ready-made wording.",
            "generic_note",
        )
    if generic is not None:
        return (
            "stranger_without_reason",
            "The note asks to connect without saying why.",
            "generic_note",
        )
    return "stranger_without_reason", "The note gives no reason we recognise.", "no_stated_reason"


def deciding_code(
    flags: Iterable[Flag], status: str | None = None, *, known: bool | None = False
) -> str | None:
    """The code of the flag that picks the policy's row (None: an ask with no reply yet).

    Whatever the policy's actions are, this is the cue its advice rests on: training
    verdicts name it as the cue that was there to see, or the one that misled.
    """
    found: dict[str, Flag] = {}
    for flag in flags:
        found.setdefault(flag.code, flag)
    return _situation(found, status, known)[2]


def _rule(rule: str, policy) -> str:
    """The policy setting that decides: a claimed shared past follows the reasons unless the
    policy gives it an action of its own, and one from a flagged profile follows that
    unless the policy gives it one too."""
    if rule == "met_before_flagged" and getattr(policy, "met_before_flagged", None) is None:
        rule = "met_before"
    if rule == "met_before" and getattr(policy, "met_before", None) is None:
        return "stranger_with_reason"
    return rule


def recommended_action(
    flags: Iterable[Flag],
    policy,
    status: str | None = None,
    *,
    known: bool | None = False,
    asked_at: str | datetime | None = None,
    now: str | datetime | None = None,
) -> str:
    """Just the action :func:`recommend` gives, without composing the reasons."""
    found: dict[str, Flag] = {}
    for flag in flags:
        found.setdefault(flag.code, flag)
    rule = _rule(_situation(found, status, known)[0], policy)
    if rule == "no_reply" and _waiting(policy, asked_at, now) is not None:
        return WAIT
    return getattr(policy, rule)


def recommend(
    flags: Iterable[Flag],
    policy,
    status: str | None = None,
    *,
    known: bool | None = False,
    asked_at: str | datetime | None = None,
    now: str | datetime | None = None,
) -> Recommendation:
    """What the policy recommends for an invitation with these flags.

    ``status`` matters only for an invitation you already asked about: ``asked`` (or
    ``replied``) with no reply flags means no answer has come yet. Then, given when you
    asked (``asked_at``) and the present moment (``now``), the answer is ``wait`` until
    the policy's ``reply_wait_days`` have passed, and ``reply.no_reply`` after that.
    ``known`` is the sender's ``known`` (``None``: nothing says whether you know them).
    """
    flags = list(flags)
    found: dict[str, Flag] = {}
    for flag in flags:
        found.setdefault(flag.code, flag)
    rule, seen, decided_by = _situation(found, status, known)
    rule = _rule(rule, policy)
    waiting = _waiting(policy, asked_at, now) if rule == "no_reply" else None
    if waiting is not None:
        action = WAIT
        reasons = list(waiting)
    else:
        times = _asked(asked_at, now) if rule == "no_reply" else None
        if times is not None:
            seen = f"You asked why they want to connect {_when(*times)}; no reply has come."
        action = getattr(policy, rule)
        reasons = [seen, f'Policy "{policy.name}": {RULE_TEXT[rule]} → {ACTION_TEXT[action]}.']
    if known is None and rule == "stranger_without_reason":
        reasons.append(f"If you know them: {RULE_TEXT['known']} → {ACTION_TEXT[policy.known]}.")
    if action == "ask" and rule == "met_before_flagged":
        reasons.append("Reply asking where you met, then decide on their answer.")
    elif action == "ask":
        reasons.append("Reply asking why they want to connect, then decide on their answer.")
    others = [
        FLAG_PHRASES.get(f.code, f.code.replace("_", " "))
        for f in flags
        if f.kind == "red" and f.code != decided_by
    ]
    if others:
        reasons.append("Also worth a look: " + ", ".join(dict.fromkeys(others)) + ".")
    return Recommendation(action, tuple(reasons))
