"""Flags plus recommendation in one call, and the compact form the store keeps per row.

``assess`` runs for every invitation a seeder or importer adds (a million rows must stay
quick), so it skips the evidence spans and uses the built-in default policy, loaded once.
``evaluate`` is the full version the app and ``explain`` show: every flag with its
evidence, and the recommendation with its reasons.
"""

from __future__ import annotations

from tui.domain import flags as flag_rules
from tui.domain.models import Assessment, Flag, Recommendation
from tui.domain.policy import Policy, default_policy, recommend, recommended_action


def evaluate(invitation, policy: Policy | None = None) -> tuple[list[Flag], Recommendation]:
    """Every flag (with evidence) and the recommendation under ``policy`` (default if None)."""
    policy = policy or default_policy()
    found = flag_rules.evaluate(invitation, policy)
    return found, recommend(found, policy, status=getattr(invitation, "status", None))


def assess(item, policy: Policy | None = None) -> Assessment:
    """The stored summary: red-flag codes (signals left out) and the recommended action."""
    policy = policy or default_policy()
    found = flag_rules.evaluate(item, policy, evidence=False)
    action = recommended_action(found, policy, status=getattr(item, "status", None))
    return Assessment(
        flag_codes=tuple(f.code for f in found if f.kind == "red"), recommended=action
    )


__all__ = ["assess", "evaluate"]
