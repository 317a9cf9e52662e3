"""Flags plus recommendation in one call, and the compact form the store keeps per row.

``assess`` runs for every invitation a seeder or importer adds (a million rows must stay
quick), so it skips the evidence spans and uses the built-in default policy, loaded once.
``evaluate`` is the full version the app and ``explain`` show: every flag with its
evidence, and the recommendation with its reasons.

Your own outgoing invitations are not judged: no flags, no recommendation.

``now`` is the present moment, for an invitation you asked about: until the policy's
``reply_wait_days`` have passed since the ask the recommendation is ``wait``. Without it
(the simulator, which decides on silence at its own deadline) silence counts at once.
"""

from __future__ import annotations

from datetime import datetime

from tui.domain import flags as flag_rules
from tui.domain.models import Assessment, Flag, Recommendation
from tui.domain.policy import Policy, default_policy, recommend, recommended_action

NOT_JUDGED = Assessment()


def is_outgoing(item) -> bool:
    """An invitation the user sent: theirs to wait on, not to judge."""
    return getattr(item, "direction", "incoming") == "outgoing"


def evaluate(
    invitation, policy: Policy | None = None, *, now: str | datetime | None = None
) -> tuple[list[Flag], Recommendation | None]:
    """Every flag (with evidence) and the recommendation under ``policy`` (default if None).

    An outgoing invitation gives no flags and ``None`` for the recommendation.
    """
    if is_outgoing(invitation):
        return [], None
    policy = policy or default_policy()
    found = flag_rules.evaluate(invitation, policy)
    return found, recommend(found, policy, **_context(invitation, now))


def assess(item, policy: Policy | None = None, *, now: str | datetime | None = None) -> Assessment:
    """The stored summary: red-flag codes (signals left out) and the recommended action."""
    if is_outgoing(item):
        return NOT_JUDGED
    policy = policy or default_policy()
    found = flag_rules.evaluate(item, policy, evidence=False)
    action = recommended_action(found, policy, **_context(item, now))
    return Assessment(
        flag_codes=tuple(f.code for f in found if f.kind == "red"), recommended=action
    )


def _context(item, now) -> dict:
    return {
        "status": getattr(item, "status", None),
        "known": item.person.known,
        "asked_at": getattr(item, "asked_at", None),
        "now": now,
    }


__all__ = ["NOT_JUDGED", "assess", "evaluate", "is_outgoing"]
