"""Importing a path into the store: check everything first, then add it in short chunks.

The file is read twice. The first pass only validates (no database is opened, so a bad
file cannot even create an empty inbox, and a bad line adds nothing); the second feeds the
store's ``add_invitations``, which writes in short transactions so a window open on the
same inbox keeps working, then what Connections.csv says about earlier invitations (also in
short transactions), then, in one transaction, the asks and replies that ``messages.csv``
holds (:mod:`tui.importers.threads`). Should the writing fail part way (a full disk, a
kill), whole chunks are kept, and importing the same data again adds the rest, nothing twice.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from tui.domain.models import Assessment, NewInvitation
from tui.importers import detect as sniff
from tui.importers.connections import Connections, read_connections
from tui.importers.errors import ImportFileError, label
from tui.importers.identity import url_key
from tui.importers.jsonl import read_jsonl
from tui.importers.linkedin_export import (
    open_csv,
    open_folder,
    open_messages_csv,
    open_zip,
    read_invitations,
)
from tui.importers.messages import Messages, read_messages
from tui.importers.record import Record
from tui.importers.threads import (
    FROM_EARLIER,
    Ask,
    Candidate,
    Me,
    ThreadTally,
    me_from_conversations,
    me_from_invitations,
    me_from_profile,
    plan_threads,
    read_profile_name,
)
from tui.store.known import update_known

OWN_PROFILE = "own_profile_url"  # meta key: your profile URL, from an earlier export
IMPORT_SESSION = "import"  # the session of asks read from messages.csv


@dataclass(frozen=True, slots=True)
class Plan:
    """A readable source: what it is, the connections it brought, and its records."""

    label: str
    kind: str
    records: Callable[[], Iterator[Record]]
    connections: Connections | None = None
    messages: Messages | None = None
    me: Me | None = None  # who you are, when Invitations.csv or Profile.csv say
    me_guessed: Me | None = None  # ...or the one person in every conversation


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
    threads: ThreadTally | None = None  # what messages.csv added
    me: Me | None = None

    @property
    def present(self) -> int:
        return self.tally.total - sum(self.added.values())


def plan(path: str | os.PathLike) -> Plan:
    """Open ``path`` by what it holds; Connections.csv and messages.csv (if any) are parsed
    here, whole."""
    kind = sniff.detect(path)
    if kind == sniff.JSONL:
        return Plan(label(path), kind, lambda: read_jsonl(path))
    opener = {
        sniff.ZIP: open_zip,
        sniff.FOLDER: open_folder,
        sniff.INVITATIONS_CSV: open_csv,
        sniff.MESSAGES_CSV: open_messages_csv,
    }
    files = opener[kind](path)
    connections = None
    if files.connections is not None:
        connections = read_connections(files.connections.data, files.connections.where)
    invitations = files.invitations

    def records() -> Iterator[Record]:
        if invitations is None:
            return iter(())
        return read_invitations(invitations.data, invitations.where, connections)

    messages = me = guessed = None
    if files.messages is not None:
        messages = read_messages(files.messages.data, files.messages.where)
        me = _me_from_files(files, messages)
        guessed = None if me is not None else me_from_conversations(messages)
    return Plan(files.label, kind, records, connections, messages, me, guessed)


def _me_from_files(files, messages: Messages) -> Me | None:
    if files.invitations is not None:
        me = me_from_invitations(files.invitations.data, files.invitations.where)
        if me is not None:
            return me
    if files.profile is not None:
        name = read_profile_name(files.profile.data, files.profile.where)
        return me_from_profile(name, messages)
    return None


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
    """Add the source's new invitations in chunks, refresh ``known``, then record the asks
    and replies of its messages.csv (one transaction: there are at most a few per sender).

    ``on_chunk(added so far)`` follows each chunk of invitations committed."""
    tally = Tally()
    added: Counter = Counter()
    learned: dict[str, bool] = {}
    work: dict[str, tuple[str | None, str | None]] = {}

    def counting_assess(item: NewInvitation) -> Assessment:
        # The store assesses exactly the invitations it inserts (not those already there).
        added[item.direction] += 1
        return assess(item)

    def items() -> Iterator[NewInvitation]:
        for item in unique(source.records(), tally):
            if item.person.known is not None and item.source == "export":
                learned[item.external_key] = item.person.known
                work[item.external_key] = (item.person.company, item.person.position)
            yield item

    store.add_invitations(items(), assess=counting_assess, on_chunk=on_chunk)
    updated = update_known(store, learned, assess, work) if learned else 0
    threads, me = (None, None)
    if source.messages is not None:
        with store.transaction():
            threads, me = _record_threads(store, source, assess)
    return Outcome(tally=tally, added=added, known_updated=updated, threads=threads, me=me)


def _record_threads(store, source: Plan, assess) -> tuple[ThreadTally, Me]:
    """Inside a transaction: the asks and replies messages.csv adds."""
    me = source.me
    if me is None:
        remembered = store.get_meta(OWN_PROFILE)
        if remembered is not None:
            me = Me(url_key(remembered) or remembered, remembered, FROM_EARLIER)
    me = me or source.me_guessed
    if me is None:
        raise ImportFileError(
            source.messages.where,
            "cannot tell which participant is you; import the whole export once "
            "(zip or folder with Invitations.csv)",
        )
    if me.source != FROM_EARLIER:
        store.set_meta(OWN_PROFILE, me.url)
    candidates = [Candidate(*row) for row in store.reply_candidates()]
    keys = [line.key for lines in source.messages.conversations.values() for line in lines]
    threads = plan_threads(source.messages, me, candidates, store.known_message_keys(keys))
    for action in threads.actions:
        if isinstance(action, Ask):
            store.record_ask(
                action.invitation_id,
                action.body,
                at=action.at,
                session=IMPORT_SESSION,
                external_key=action.key,
            )
    replies = [a for a in threads.actions if not isinstance(a, Ask)]
    store.add_replies(((r.invitation_id, r.body, r.at, r.key) for r in replies), assess)
    return threads, me
