"""Who decides in a headless simulation: a policy, or a baseline that ignores the cues.

A strategy is asked three times at most per invitation: when it first sees it, when the
sender's reply arrives (only after an ask), and when the waiting time ends without a reply.
The policy strategies follow the recommendation of the red-flag rules; an "ask" again at
the second or third stage cannot help (one does not ask twice), so it becomes "ignore",
which is also what the default policy says about silence.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from tui.domain.models import Invitation

STAGES = ("first", "reply", "silence")
BUILT_IN = ("default", "strict", "accept-all", "ignore-all")


class StrategyError(ValueError):
    """A strategy name or file that cannot be used; the message is one line."""


class Strategy(Protocol):
    name: str

    def decide(self, invitation: Invitation, stage: str) -> str: ...


@dataclass
class Always:
    """A baseline: the same action whatever the invitation shows."""

    name: str
    action: str

    def decide(self, invitation: Invitation, stage: str) -> str:
        return self.action


@dataclass
class FollowPolicy:
    """Does what the policy recommends for the invitation as it stands."""

    name: str
    policy: object

    def decide(self, invitation: Invitation, stage: str) -> str:
        from tui.domain.assessment import evaluate

        _flags, recommendation = evaluate(invitation, self.policy)
        if stage != "first" and recommendation.action == "ask":
            return "ignore"
        return recommendation.action


@dataclass
class Noisy:
    """A simulated trainee of some skill: the policy, applied to the cues they noticed.

    Each flag or signal the invitation shows is noticed with probability ``sees``; the
    policy then decides on the noticed ones, as a trainee who knows the rules but reads
    in a hurry would. With probability ``slips`` they press a random key instead. Draws
    are seeded by ``seed``, the invitation and the stage, so a run is reproducible and
    does not depend on the order invitations are decided in.
    """

    name: str
    policy: object
    sees: float
    slips: float
    seed: int = 0

    def decide(self, invitation: Invitation, stage: str) -> str:
        import random

        from tui.domain import flags as flag_rules
        from tui.domain.recommend import recommended_action

        rng = random.Random(f"trainee:{self.seed}:{invitation.id}:{stage}")
        offered = ("accept", "ignore", "ask") if stage == "first" else ("accept", "ignore")
        if rng.random() < self.slips:
            return rng.choice(offered)
        found = flag_rules.evaluate(invitation, self.policy, evidence=False)
        noticed = [flag for flag in found if rng.random() < self.sees]
        action = recommended_action(noticed, self.policy, status=invitation.status)
        return "ignore" if stage != "first" and action == "ask" else action


def strict_policy():
    """The default policy with "stranger without a reason" switched from ask to ignore."""
    from tui.domain.policy import strict_policy as built_in

    return built_in()


def resolve(name: str, *, policy_path: str | None = None) -> Strategy:
    """A strategy by name (``default``, ``strict``, ``accept-all``, ``ignore-all``) or path.

    ``default`` follows the policy in force (``policy_path`` when given, else built-in).
    A path to a TOML policy file follows that policy.
    """
    from tui.domain.policy import PolicyError, load_policy

    if name == "accept-all":
        return Always(name, "accept")
    if name == "ignore-all":
        return Always(name, "ignore")
    try:
        if name == "default":
            return FollowPolicy(name, load_policy(policy_path))
        if name == "strict":
            return FollowPolicy(name, strict_policy())
        if name.endswith(".toml") or "/" in name or "\\" in name:
            path = Path(name)
            if not path.is_file():
                raise StrategyError(f"no policy file at {path}")
            return FollowPolicy(path.name, load_policy(path))
    except PolicyError as exc:
        raise StrategyError(str(exc)) from None
    raise StrategyError(
        f"unknown strategy {name!r} (choose from {', '.join(BUILT_IN)}, or a policy .toml file)"
    )
