"""What a settled training decision teaches: scored on what the trainee could know.

Points come from the one table in :mod:`tui.simulate.scoring`. This module says *why* they
fell short, by comparing the trainee with the reference policy played on the same sender
(:func:`tui.simulate.reference.play_one`, which sees only what the trainee saw, plus the
answer an ask would have brought):

=============  ==============================================================================
kind           when
=============  ==============================================================================
correct        full points
extra-step     the only loss is asking when what was visible already made the answer clear
               (the policy would not have asked, and its answer was the best one)
cue-missed     the policy, reading the same invitation, would have done better: a cue was
               there to see (:attr:`Judgement.cue`, with the other cues pointing the same way
               in :attr:`Judgement.also`). That includes settling an ask against what it
               showed (accepting after a pitch or silence) when the first look misled the
               policy too: from where the trainee stood, the answer was clear
misled         the policy would have done no better: the visible cues pointed the wrong way
               (:attr:`Judgement.cue` misled); :attr:`Judgement.caught_by` lists what could
               have caught it: a weaker cue the policy outweighs, and ``ask`` when asking would
               have shown it. Empty means nothing visible could have, and asking did not either
=============  ==============================================================================

A :class:`Cue` is a flag (or signal) with its evidence, so a screen can highlight exactly
the words, or a moment with no evidence to point at: ``no_reply`` (they never answered),
``reply_due`` (a reply was on its way when the trainee gave up waiting) and ``ask`` (what
asking would have shown).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tui.domain.models import Decision, Flag, Invitation
from tui.domain.vocabulary import FLAG_PHRASES, flag_title
from tui.simulate.reference import Advice, PolicyPlay, advise, play_one, view_at
from tui.simulate.scoring import AFTER_ASK, GENUINE, HARMFUL, MAX_POINTS, POINTS, ask_needed, score

KINDS = ("correct", "extra-step", "cue-missed", "misled")
KIND_TITLES = {
    "correct": "Correct",
    "extra-step": "An extra step",
    "cue-missed": "A clear cue missed",
    "misled": "Misled by a cue",
}
# Cues that are moments, not flags: titles and phrases (flags take theirs from the vocabulary).
MOMENT_TITLES = {
    "no_reply": "No reply",
    "reply_due": "A reply on its way",
    "ask": "Asking first",
}
MOMENT_PHRASES = {
    "no_reply": "their silence",
    "reply_due": "a reply that was on its way",
    "ask": "asking first",
}
ACTION_WORDS = {
    "accept": "accept",
    "ignore": "ignore",
    "ask_accept": "ask, then accept",
    "ask_ignore": "ask, then ignore",
}


def cue_phrase(code: str) -> str:
    """A cue code inside a sentence, for views that have only the stored code."""
    return FLAG_PHRASES.get(code) or MOMENT_PHRASES.get(code) or flag_title(code).lower()


def cue_title(code: str) -> str:
    return MOMENT_TITLES.get(code) or flag_title(code)


@dataclass(frozen=True, slots=True)
class Cue:
    """Something the trainee could see, and where: a flag's evidence, or a moment.

    ``field`` and ``spans`` are a flag's (``spans`` are ``[start, end)`` code points in
    the field's text: ``note`` or ``reply``), so the UI paints exactly those words.
    """

    code: str  # a flag or signal code, or one of MOMENT_TITLES
    kind: str  # "red", "signal", or "moment"
    title: str
    explanation: str
    field: str | None = None
    spans: tuple[tuple[int, int], ...] = ()

    @property
    def phrase(self) -> str:
        """The cue inside a sentence: "a stock or missing note", "their silence"."""
        return cue_phrase(self.code)

    @classmethod
    def of(cls, flag: Flag) -> Cue:
        return cls(
            flag.code, flag.kind, flag_title(flag.code), flag.explanation, flag.field, flag.spans
        )

    @classmethod
    def moment(cls, code: str, explanation: str) -> Cue:
        return cls(code, "moment", MOMENT_TITLES[code], explanation)


@dataclass(frozen=True, slots=True)
class Judgement:
    """The verdict on one settled invitation, for the trainee and for the trainer."""

    kind: str  # one of KINDS
    intent: str
    outcome: str  # the trainee's: accept, ignore, ask_accept or ask_ignore
    points: int
    max_points: int
    policy_outcome: str  # what following the policy would have come to
    policy_points: int
    cue: Cue | None  # the cue that was there to see, or (misled) the one that misled
    also: tuple[Cue, ...]  # cue-missed: the other cues pointing the same way
    caught_by: tuple[Cue, ...]  # misled: what could have caught it (may end with "ask")
    headline: str  # one line: "Misled by a stated reason."
    explanation: str  # what it cost, and what would have caught it

    @property
    def points_lost(self) -> int:
        return self.max_points - self.points

    @property
    def title(self) -> str:
        return KIND_TITLES[self.kind]


def judge(
    invitation: Invitation,
    decisions: Sequence[Decision],
    policy,
    reply: tuple[str | None, float] | None,
) -> Judgement | None:
    """Judge a settled invitation from its live decisions (undone ones left out).

    ``invitation`` is as it stands now (its messages include any reply); ``reply`` is how
    the sender answers an ask (see ``Replies.preview``). None when there is nothing to
    judge: an unknown intent (real data) or an invitation not settled yet.
    """
    intent = invitation.person.intent
    if intent not in POINTS or not decisions or decisions[-1].action not in ("accept", "ignore"):
        return None
    asked = any(d.action == "ask" for d in decisions)
    final = decisions[-1]
    outcome = f"ask_{final.action}" if asked else final.action
    first = advise(view_at(invitation, "first"), policy, "first")
    stage = _final_stage(invitation, final) if asked else "first"
    at_final = first if stage == "first" else advise(_seen(invitation, final, stage), policy, stage)
    played = play_one(invitation, policy, reply)
    advised = first.action
    mine = score(intent, outcome, advised=advised)
    best = score(intent, played.outcome, advised=advised)
    facts = _Facts(
        intent, outcome, final.action, first, at_final, played, mine.points, best.points, advised
    )
    if mine.points >= MAX_POINTS:
        return _correct(facts)
    only_the_ask = outcome in AFTER_ASK and POINTS[intent][AFTER_ASK[outcome]] >= MAX_POINTS
    if only_the_ask and not ask_needed(intent, advised):
        return _extra_step(facts, mine.explanation)
    if mine.points < best.points:
        return _cue_missed(facts, mine.explanation, reply)
    if asked and final.action != at_final.action:
        # The ask showed what the first look hid (a pitch in the reply, silence), and the
        # trainee settled against it: the cue was there to see at the end, not misleading.
        there = score(intent, f"ask_{at_final.action}", advised=advised).points
        if there > mine.points:
            return _missed_at_the_end(facts, mine.explanation, there)
    return _misled(facts, mine.explanation, asked, invitation, policy, reply)


# ---------------------------------------------------------------------- the four kinds


@dataclass(frozen=True, slots=True)
class _Facts:
    intent: str
    outcome: str
    action: str  # the trainee's final action
    first: Advice
    at_final: Advice  # the policy's advice at the stage the trainee settled it
    played: PolicyPlay
    points: int
    policy_points: int
    advised: str

    def judgement(self, kind, cue, headline, explanation, also=(), caught_by=()) -> Judgement:
        return Judgement(
            kind=kind,
            intent=self.intent,
            outcome=self.outcome,
            points=self.points,
            max_points=MAX_POINTS,
            policy_outcome=self.played.outcome,
            policy_points=self.policy_points,
            cue=cue,
            also=tuple(also),
            caught_by=tuple(caught_by),
            headline=headline,
            explanation=explanation,
        )


def _correct(f: _Facts) -> Judgement:
    matched = f.action == f.at_final.action
    cue = _cue(f.at_final) if matched else None
    if matched and cue is None:
        cue = Cue.moment("no_reply", "They never answered your question.")
    headline = "Correct: the best choice for this sender."
    if matched:
        explanation = f"{_capital(cue.phrase)} pointed the right way."
    else:
        explanation = (
            f"Nothing visible showed it, though: the policy would {ACTION_WORDS[f.played.outcome]}."
        )
    return f.judgement("correct", cue, headline, explanation)


def _extra_step(f: _Facts, cost: str | None) -> Judgement:
    cue = _cue(f.first)
    what = cue.phrase if cue else "what the invitation showed"
    headline = f"An extra step: {what} already made the answer clear."
    explanation = _sentence(cost) + f" The policy would {ACTION_WORDS[f.advised]} outright."
    return f.judgement("extra-step", cue, headline, explanation)


def _cue_missed(f: _Facts, cost: str | None, reply) -> Judgement:
    if f.at_final.stage != "first" and f.action == f.at_final.action:
        # The last step matched the policy: the cost came from an earlier one.
        if (
            f.at_final.stage == "silence"
            and f.played.after is not None
            and f.played.after.stage == "reply"
        ):
            hours = (reply[1] if reply else 0.0) / 3600
            cue = Cue.moment(
                "reply_due",
                f"They answered {_duration(hours)} after an ask; silence counts only after a wait.",
            )
            advice = f.at_final
        else:
            cue, advice = _cue(f.first), f.first
    else:
        advice = f.at_final if f.action != f.at_final.action else f.first
        cue = _cue(advice)
    if cue is None:
        cue = _silence()
    also = _pointing(advice, f.intent, exclude=cue.code)
    headline = f"A clear cue missed: {cue.phrase}."
    explanation = (
        _sentence(cost)
        + f" {cue.explanation}"
        + (
            f" The policy would {ACTION_WORDS[f.played.outcome]}"
            f"{_would_show(f.played)}, for {f.policy_points} of {MAX_POINTS}."
        )
    )
    return f.judgement("cue-missed", cue, headline, explanation, also=also)


def _missed_at_the_end(f: _Facts, cost: str | None, there: int) -> Judgement:
    """Asked, then settled against what the answer (or the silence) showed, where the
    policy from the first look would have gone wrong too: the cue missed is the last one."""
    cue = _cue(f.at_final) or _silence()
    also = _pointing(f.at_final, f.intent, exclude=cue.code)
    reading = "Reading their reply" if f.at_final.stage == "reply" else "On their silence"
    headline = f"A clear cue missed: {cue.phrase}."
    explanation = (
        _sentence(cost)
        + f" {cue.explanation}"
        + f" {reading}, the policy would {ACTION_WORDS[f.at_final.action]},"
        + f" for {there} of {MAX_POINTS}."
    )
    return f.judgement("cue-missed", cue, headline, explanation, also=also)


def _silence() -> Cue:
    return Cue.moment(
        "no_reply", "They never answered your question: silence is the policy's cue to ignore."
    )


def _misled(f: _Facts, cost, asked: bool, invitation, policy, reply) -> Judgement:
    cue = _cue(f.at_final)
    if cue is None:
        cue = Cue.moment("no_reply", "They never answered your question.")
    caught = list(_pointing(f.at_final, f.intent, exclude=cue.code))
    asking = play_one(invitation, policy, reply, ask=True)
    if not asked and _ask_tells(asking, f.intent):
        caught.append(Cue.moment("ask", f"Asked why they want to connect, {_shown(asking)}."))
    headline = f"Misled by {cue.phrase}."
    parts = [_sentence(cost)]
    weak = [c for c in caught if c.code != "ask"]
    if weak:
        parts.append(
            "What could have caught it: "
            + ", ".join(c.phrase for c in weak)
            + ", weak as "
            + ("it is" if len(weak) == 1 else "they are")
            + " beside "
            + cue.phrase
            + "."
        )
    if any(c.code == "ask" for c in caught):
        parts.append(f"Asking is the defence: asked why, {_shown(asking)}.")
    elif not weak:
        if asked:
            parts.append(
                f"Nothing visible could have told, and you asked, which is the defence: "
                f"{_shown(asking)}."
            )
        else:
            parts.append(
                f"Nothing visible could have told, and asking would not have either: "
                f"{_shown(asking)}."
            )
    return f.judgement("misled", cue, headline, " ".join(parts), caught_by=caught)


# ---------------------------------------------------------------------- helpers


def _final_stage(invitation: Invitation, final: Decision) -> str:
    """Whether the trainee settled on the reply or on the silence."""
    replied = any(m.direction == "in" and m.at <= final.decided_at for m in invitation.messages)
    return "reply" if replied else "silence"


def _seen(invitation: Invitation, final: Decision, stage: str) -> Invitation:
    """The invitation as the trainee saw it when settling it at ``stage``."""
    if stage == "reply":
        from dataclasses import replace

        shown = tuple(m for m in invitation.messages if m.at <= final.decided_at)
        return view_at(replace(invitation, messages=shown), "reply")
    return view_at(invitation, "silence")


def _cue(advice: Advice) -> Cue | None:
    return Cue.of(advice.deciding) if advice.deciding is not None else None


def _pointing(advice: Advice, intent: str, *, exclude: str) -> tuple[Cue, ...]:
    """The other cues that pointed to the truth: red flags for a harmful sender, signals
    for a genuine one (the most telling first, as the rules sort them)."""
    wanted = "red" if intent in HARMFUL else "signal" if intent in GENUINE else None
    return tuple(
        Cue.of(flag) for flag in advice.flags if flag.kind == wanted and flag.code != exclude
    )


def _ask_tells(asking: PolicyPlay, intent: str) -> bool:
    """Whether asking would have shown the truth: silence or a pitch from a harmful sender,
    a reason (or a hello) from a genuine one."""
    after = asking.after
    if after is None:
        return False
    code = after.deciding.code if after.deciding is not None else None
    if intent in HARMFUL:
        return after.stage == "silence" or code in ("reply_pitch", "reply_no_reason")
    return code in ("reply_reason", "known_contact")


def _shown(played) -> str:
    """What an ask brought, as the end of a sentence about the sender."""
    after = played.after
    if after is None or after.stage == "silence":
        return "they never answer"
    code = after.deciding.code if after.deciding is not None else ""
    return {
        "reply_pitch": "they answer with a sales pitch",
        "reply_reason": "they give a reason",
        "reply_no_reason": "their answer gives no reason",
        "known_contact": "they say who they are",
    }.get(code, "they answer")


def _would_show(played) -> str:
    if played.after is None:
        return ""
    return f" ({_shown(played)})"


def _duration(hours: float) -> str:
    if hours < 1:
        return f"{max(1, round(hours * 60))} minutes"
    if hours < 48:
        return f"{round(hours)} hour{'' if round(hours) == 1 else 's'}"
    return f"{round(hours / 24)} days"


def _sentence(text: str | None) -> str:
    return f"{_capital(text)}." if text else ""


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
