"""Placeholder until the red-flag engine lands (issue 3): no flags, no recommendation."""

from tui.models import Assessment


def assess(item) -> Assessment:
    return Assessment()
