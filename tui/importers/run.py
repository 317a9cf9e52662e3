"""Importing a path into the store: check everything first, then add it in short chunks.

The file is read twice. The first pass only validates (no database is opened, so a bad
file cannot even create an empty inbox, and a bad line adds nothing); the second feeds the
store's ``add_invitations``, which writes in short transactions so a window open on the
same inbox keeps working. Should the writing itself fail part way (a full disk, a kill),
whole chunks are kept, and importing the same file again adds the rest, nothing twice.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from tui.domain.models import Assessment, NewInvitation
from tui.importers import detect as sniff
from tui.importers.connections import Connections
from tui.importers.errors import ImportFileError, label
from tui.importers.jsonl import read_jsonl
from tui.importers.linkedin_export import (
    open_csv,
    open_folder,
    open_zip,
    read_connections,
    read_invitations,
)
from tui.importers.record import Record
from tui.store.known import update_known


@dataclass(frozen=True, slots=True)
class Plan:
    """A readable source: what it is, the connections it brought, and its records."""

    label: str
    kind: str
    records: Callable[[], Iterator[Record]]
    connections: Connections | None = None


@dataclass(slots=True)
class Tally:
    """What a pass over the records found."""

    invitations: Counter = field(default_factory=Counter)  # distinct, by direction
    duplicates: int = 0  # repeated records inside the file, read once
    known: int = 0  # senders (incoming) found among the connections

    @property
    def total(self) -> int:
        return sum(self.invitations.values())


@dataclass(frozen=True, slots=True)
class Outcome:
    tally: Tally
    added: Counter  # by direction
    known_updated: int

    @property
    def present(self) -> int:
        return self.tally.total - sum(self.added.values())


def plan(path: str | os.PathLike) -> Plan:
    """Open ``path`` by what it holds; Connections.csv (if any) is parsed here, whole."""
    kind = sniff.detect(path)
    if kind == sniff.JSONL:
        return Plan(label(path), kind, lambda: read_jsonl(path))
    opener = {sniff.ZIP: open_zip, sniff.FOLDER: open_folder, sniff.INVITATIONS_CSV: open_csv}
    files = opener[kind](path)
    connections = None
    if files.connections is not None:
        connections = read_connections(files.connections, files.connections_where)
    return Plan(
        files.label,
        kind,
        lambda: read_invitations(files.invitations, files.invitations_where, connections),
        connections,
    )


def unique(records: Iterator[Record], tally: Tally) -> Iterator[NewInvitation]:
    """Each distinct invitation once; a key reused for different details is an error."""
    seen: dict[str, tuple[str, int]] = {}
    for record in records:
        key = record.item.external_key
        prior = seen.get(key)
        if prior is not None:
            content, line = prior
            if content != record.content and record.conflict:
                raise ImportFileError(
                    record.where,
                    f"{record.conflict} as line {line} but different details",
                    record.line,
                )
            tally.duplicates += 1
            continue
        seen[key] = (record.content, record.line)
        tally.invitations[record.item.direction] += 1
        if record.item.direction == "incoming" and record.item.person.known:
            tally.known += 1
        yield record.item


def check(source: Plan) -> Tally:
    """Validate every record without touching any database."""
    tally = Tally()
    for _ in unique(source.records(), tally):
        pass
    return tally


def run_import(
    store,
    source: Plan,
    assess: Callable[[NewInvitation], Assessment],
    *,
    on_chunk: Callable[[int], None] | None = None,
) -> Outcome:
    """Add the source's new invitations in chunks, then refresh ``known``.

    ``on_chunk(added so far)`` follows each chunk committed."""
    tally = Tally()
    added: Counter = Counter()
    learned: dict[str, bool] = {}

    def counting_assess(item: NewInvitation) -> Assessment:
        # The store assesses exactly the invitations it inserts (not those already there).
        added[item.direction] += 1
        return assess(item)

    def items() -> Iterator[NewInvitation]:
        for item in unique(source.records(), tally):
            if item.person.known is not None and item.source == "export":
                learned[item.external_key] = item.person.known
            yield item

    store.add_invitations(items(), assess=counting_assess, on_chunk=on_chunk)
    updated = update_known(store, learned, assess) if learned else 0
    return Outcome(tally=tally, added=added, known_updated=updated)
