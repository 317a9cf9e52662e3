"""What every reader yields: an invitation ready for the store, and where it came from."""

from __future__ import annotations

from dataclasses import dataclass

from tui.domain.models import NewInvitation


@dataclass(frozen=True, slots=True)
class Record:
    """One invitation read from a file.

    ``item.external_key`` says which invitation this is (a second record with the same key
    is the same invitation). ``content`` digests everything read, so a reader can tell a
    harmless repeated line from two different records claiming the same identity;
    ``conflict`` is the reason to give when that happens, or ``None`` when the key already
    covers everything that matters.
    """

    item: NewInvitation
    where: str
    line: int
    content: str
    conflict: str | None = None
