"""Playing a whole scenario without a screen: the engine behind ``invite-triage simulate``.

The run happens in a private in-memory database on a driven clock, so it never touches a
user's inbox and takes a fraction of a second. The strategy decides every invitation at the
start; asks go out with a polite question; replies arrive on the simulated clock and the
strategy decides each one the moment it arrives; whoever has not answered when the waiting
time is over gets the strategy's "no reply" decision. Every decision is stored with the
reference policy's recommendation at that moment, which is what "matched the policy" means.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from tui.domain.models import Invitation
from tui.simulate import scenarios
from tui.simulate.clock import DrivenClock
from tui.simulate.reference import ASK_MESSAGE, WAIT, reference_assessment
from tui.simulate.results import Summary, result_for, summarize
from tui.simulate.simulator import SimEvents, Simulator
from tui.simulate.strategies import Strategy
from tui.store import Store
from tui.store.training import ResultRow


@dataclass
class Run:
    scenario: str
    strategy: str
    seed: int
    rows: list[ResultRow]
    summary: Summary

    def as_dict(self) -> dict:
        return {
            "strategy": self.strategy,
            "scenario": self.scenario,
            "seed": self.seed,
            **self.summary.as_dict(),
        }


def play(
    scenario: str,
    strategy: Strategy,
    *,
    seed: int = 1,
    count: int = 40,
    policy=None,
    wait: timedelta = WAIT,
    store: Store | None = None,
    clock: DrivenClock | None = None,
    mix: dict[int, float] | None = None,
) -> Run:
    """Play ``scenario`` with ``strategy``; ``policy`` is the reference (default built-in).

    ``mix`` asks a generated scenario for shares of difficulty levels (see ``generated``).
    """
    from tui.domain.policy import load_policy

    reference = policy if policy is not None else load_policy(None)
    clock = clock or DrivenClock()
    store = store or Store.in_memory(clock=clock.iso)
    built = scenarios.build_scenario(scenario, store, seed=seed, count=count, mix=mix)
    simulator = Simulator(store, clock, seed=seed)
    session = f"simulate:{strategy.name}"

    def decide(invitation: Invitation, stage: str) -> None:
        action = strategy.decide(invitation, stage)
        message = ASK_MESSAGE if action == "ask" else None
        store.record_decision(
            invitation.id,
            action,
            session=session,
            assessment=reference_assessment(invitation, reference, stage),
            message=message,
        )

    for invitation_id in built.ids.values():
        decide(store.get(invitation_id), "first")
    deadline = clock.now() + wait

    def answer(events: SimEvents) -> None:
        for invitation_id in events.replies:
            invitation = store.get(invitation_id)
            if invitation.status == "replied":
                decide(invitation, "reply")

    simulator.run_until(deadline, on_events=answer)
    for invitation_id in built.ids.values():
        invitation = store.get(invitation_id)
        if invitation.status == "asked":
            decide(invitation, "silence")
    rows = [
        result_for(store, invitation_id, slot, policy=reference, replies=simulator.replies)
        for slot, invitation_id in built.ids.items()
    ]
    return Run(built.name, strategy.name, seed, rows, summarize(rows))
