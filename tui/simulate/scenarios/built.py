"""What building a scenario into a store gives back."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Built:
    """A scenario now in a store: its name and invitation ids by slot (in cast order)."""

    name: str
    ids: dict[str, int]
