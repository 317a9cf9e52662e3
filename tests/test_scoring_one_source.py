"""One scoring table: ``simulate`` and a training session agree on every outcome.

Each strategy plays every built-in scenario twice: headless (what ``simulate`` prints) and
through a :class:`TrainingSession` making the same decisions at the same simulated moments
(what a trainee's verdicts and the report show). Every saved number must match, and
together the runs must cover every intent with every settled outcome, so no cell of the
table escapes the comparison.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from tui.cli import main
from tui.domain.models import INTENTS
from tui.domain.policy import load_policy
from tui.simulate import scenarios
from tui.simulate.clock import DrivenClock
from tui.simulate.play import play
from tui.simulate.reference import WAIT
from tui.simulate.scoring import SETTLED_OUTCOMES, score
from tui.simulate.strategies import FollowPolicy, resolve
from tui.simulate.training import TrainingSession
from tui.store import Store


class AskFirst:
    """Asks everyone, then follows the policy: extra steps wherever the cues were clear."""

    name = "ask-first"

    def __init__(self) -> None:
        self.follow = FollowPolicy("default", load_policy(None))

    def decide(self, invitation, stage: str) -> str:
        return "ask" if stage == "first" else self.follow.decide(invitation, stage)


class AskThenContrary:
    """Asks everyone, then does the opposite of the policy: connects with the harmful."""

    name = "ask-then-contrary"

    def __init__(self) -> None:
        self.follow = FollowPolicy("default", load_policy(None))

    def decide(self, invitation, stage: str) -> str:
        if stage == "first":
            return "ask"
        return "ignore" if self.follow.decide(invitation, stage) == "accept" else "accept"


STRATEGIES = {
    "default": lambda: resolve("default"),
    "strict": lambda: resolve("strict"),
    "accept-all": lambda: resolve("accept-all"),
    "ignore-all": lambda: resolve("ignore-all"),
    "ask-first": AskFirst,
    "ask-then-contrary": AskThenContrary,
}
FIELDS = (
    "outcome",
    "points",
    "max_points",
    "mistake",
    "verdict",
    "cue",
    "caught_by",
    "policy_points",
)


def trained(scenario: str, strategy) -> dict:
    """The same decisions through a training session; its saved results by slot."""
    clock = DrivenClock()
    inbox = Store.in_memory(clock=clock.iso)
    session = TrainingSession.start(inbox, trainee="Robin", scenario=scenario, clock=clock)
    ids = session.invitation_ids
    for invitation_id in ids:
        session.decide(invitation_id, strategy.decide(inbox.get(invitation_id), "first"))

    def answer(events) -> None:
        for invitation_id in events.replies:
            invitation = inbox.get(invitation_id)
            if invitation.status == "replied":
                session.decide(invitation_id, strategy.decide(invitation, "reply"))

    session.simulator.run_until(clock.now() + WAIT, on_events=answer)
    for invitation_id in ids:
        invitation = inbox.get(invitation_id)
        if invitation.status == "asked":
            session.decide(invitation_id, strategy.decide(invitation, "silence"))
    return {row.slot: row for row in session.finish().rows}


def _fields(row) -> tuple:
    return tuple(getattr(row, name) for name in FIELDS)


@pytest.mark.parametrize("scenario", scenarios.BUILT_IN)
def test_simulate_and_training_score_every_decision_alike(scenario):
    covered = set()
    for make in STRATEGIES.values():
        headless = {row.slot: row for row in play(scenario, make()).rows}
        in_training = trained(scenario, make())
        assert headless.keys() == in_training.keys()
        for slot, row in headless.items():
            assert _fields(row) == _fields(in_training[slot]), (scenario, make().name, slot)
            # ...and both are the table's own number for that outcome.
            assert row.points == score(row.intent, row.outcome, advised=row.recommended).points
            covered.add((row.intent, row.outcome))
    if scenario == "mixed-inbox":  # the broadest: every intent meets every outcome
        assert covered == {(i, o) for i in INTENTS for o in SETTLED_OUTCOMES}


def test_simulate_prints_the_points_a_verdict_shows():
    out = CliRunner().invoke(
        main, ["simulate", "--scenario", "the-post", "--strategy", "accept-all"]
    )
    assert "−10 of 10  Jason Miller (fake, accept)" in out.output
    assert "-20" not in out.output
    clock = DrivenClock()
    inbox = Store.in_memory(clock=clock.iso)
    session = TrainingSession.start(inbox, trainee="Robin", scenario="the-post", clock=clock)
    verdict = session.decide(session.built.ids["jason"], "accept")
    assert (verdict.points, verdict.max_points) == (-10, 10)
