"""From ``messages.csv`` to asks and replies: who you are, and which conversations count.

A conversation counts when it is between you and the sender of an invitation that is
pending, asked or replied, matched by normalised profile URL (:func:`url_key`). Then:

- your first message after the invitation is an **ask** (when the invitation is still
  pending; one you already asked in the app keeps its ask);
- their messages after your ask, up to your next message, are the **reply**.

Group chats (several recipients, or more than two people), conversations you are not in
(other files of the export share the header) and conversations with no such invitation
add nothing. A message imported before is never added again, even when the ask it belongs
to was undone since: what you withdrew stays withdrawn.

Who you are, in this order: your profile URL as the export's ``Invitations.csv`` gives it
(the invitee of incoming invitations, the inviter of outgoing ones); the one remembered
from an earlier import of the export; the sender in ``messages.csv`` whose name is the one
in ``Profile.csv``; the one person in every two-person conversation of ``messages.csv``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from tui.importers import csvtext
from tui.importers.identity import name_key, url_key
from tui.importers.messages import Line, Messages

FROM_INVITATIONS = "Invitations.csv"
FROM_EARLIER = "an earlier import"
FROM_PROFILE = "Profile.csv"
FROM_MESSAGES = "messages.csv"


@dataclass(frozen=True, slots=True)
class Me:
    key: str  # url_key of your profile
    url: str  # as the export wrote it
    source: str  # which of the FROM_* told us


@dataclass(frozen=True, slots=True)
class Candidate:
    """An invitation a conversation could belong to (see ``Store.reply_candidates``)."""

    id: int
    profile_url: str
    sent_at: str
    status: str
    asked_at: str | None


@dataclass(frozen=True, slots=True)
class Ask:
    invitation_id: int
    body: str
    at: str
    key: str


@dataclass(frozen=True, slots=True)
class Reply:
    invitation_id: int
    body: str
    at: str
    key: str


@dataclass(slots=True)
class ThreadTally:
    matched: int = 0  # conversations with the sender of an open invitation
    group: int = 0
    not_yours: int = 0
    no_invitation: int = 0
    present: int = 0  # messages imported before
    asks: int = 0
    replies: int = 0
    actions: list = field(default_factory=list)  # Ask and Reply, in the order to store them


# ---------------------------------------------------------------------------- who you are


def me_from_invitations(data: bytes, where: str) -> Me | None:
    """Your URL from ``Invitations.csv`` (already checked by its reader): the most common
    invitee of incoming and inviter of outgoing invitations."""
    records = csvtext.rows(csvtext.decode(data, where), where)
    col: dict[str, int] | None = None
    seen: Counter = Counter()
    written: dict[str, str] = {}
    for _, row in records:
        if csvtext.is_blank(row):
            continue
        if col is None:
            col = csvtext.column_index(row)
            continue
        direction = row[col["direction"]].strip().upper() if "direction" in col else ""
        column = {"INCOMING": "inviteeprofileurl", "OUTGOING": "inviterprofileurl"}.get(direction)
        if column is None or column not in col:
            continue
        key = url_key(row[col[column]])
        if key is not None:
            seen[key] += 1
            written.setdefault(key, row[col[column]].strip())
    if not seen:
        return None
    key = seen.most_common(1)[0][0]
    return Me(key, written[key], FROM_INVITATIONS)


def read_profile_name(data: bytes, where: str) -> str | None:
    """``First Name`` and ``Last Name`` from ``Profile.csv``, or None."""
    records = csvtext.rows(csvtext.decode(data, where), where)
    col: dict[str, int] | None = None
    for _, row in records:
        if csvtext.is_blank(row):
            continue
        if col is None:
            col = csvtext.column_index(row)
            if "first name" not in col or "last name" not in col:
                return None
            continue
        if len(row) <= max(col["first name"], col["last name"]):
            return None
        return f"{row[col['first name']]} {row[col['last name']]}".strip() or None
    return None


def me_from_profile(name: str | None, messages: Messages) -> Me | None:
    """The one sender in ``messages.csv`` named as in ``Profile.csv``."""
    wanted = name_key(name)
    if wanted is None:
        return None
    found = {
        line.sender: line.sender_url
        for lines in messages.conversations.values()
        for line in lines
        if name_key(line.sender_name) == wanted
    }
    if len(found) != 1:
        return None
    ((key, url),) = found.items()
    return Me(key, url, FROM_PROFILE)


def me_from_conversations(messages: Messages) -> Me | None:
    """The one person in every two-person conversation (needs two with different people)."""
    common: set[str] | None = None
    pairs = 0
    written: dict[str, str] = {}
    for lines in messages.conversations.values():
        written.update((line.sender, line.sender_url) for line in lines)
        people = _people(lines)
        if len(people) != 2:
            continue
        pairs += 1
        common = set(people) if common is None else common & people
    if pairs < 2 or common is None or len(common) != 1:
        return None
    key = common.pop()
    return Me(key, written.get(key, key), FROM_MESSAGES)


# ---------------------------------------------------------------------------- matching


def _people(lines: Iterable[Line]) -> set[str]:
    found: set[str] = set()
    for line in lines:
        found.add(line.sender)
        found.update(line.recipients)
    return found


def _moment(text: str) -> datetime:
    """An aware time; an invitation's naive time is the user's local time (as exported)."""
    value = datetime.fromisoformat(text)
    return value if value.tzinfo is not None else value.astimezone()


def plan_threads(
    messages: Messages, me: Me, candidates: Iterable[Candidate], known_keys: set[str]
) -> ThreadTally:
    """The asks and replies ``messages`` adds to these invitations, and what it skipped."""
    by_sender: dict[str, list[Candidate]] = {}
    for candidate in candidates:
        key = url_key(candidate.profile_url)
        if key is not None:
            by_sender.setdefault(key, []).append(candidate)
    tally = ThreadTally()
    for lines in messages.conversations.values():
        people = _people(lines)
        if any(len(line.recipients) > 1 for line in lines) or len(people) > 2:
            tally.group += 1
            continue
        if me.key not in people or len(people) != 2:
            tally.not_yours += 1
            continue
        (other,) = people - {me.key}
        choices = by_sender.get(other)
        if not choices:
            tally.no_invitation += 1
            continue
        tally.matched += 1
        target = max(choices, key=lambda c: (_moment(c.sent_at), c.id))
        _thread(tally, target, _after(lines, target.sent_at), me.key, known_keys)
    return tally


def _after(lines: list[Line], sent_at: str) -> list[Line]:
    """The conversation's messages from the invitation on, oldest first, each once."""
    since = _moment(sent_at)
    seen: set[str] = set()
    ordered = []
    for line in sorted(lines, key=lambda item: (item.at, item.line)):
        if line.key not in seen and _moment(line.at) >= since:
            seen.add(line.key)
            ordered.append(line)
    return ordered


def _thread(tally: ThreadTally, target: Candidate, lines: list[Line], me: str, known) -> None:
    mine = [index for index, line in enumerate(lines) if line.sender == me]
    if target.status == "pending":
        if not mine:
            return
        ask = lines[mine[0]]
        if ask.key in known:
            tally.present += 1  # imported before and since undone: stays withdrawn
            return
        tally.actions.append(Ask(target.id, ask.content, ask.at, ask.key))
        tally.asks += 1
        start = mine[0] + 1
    elif mine:
        start = mine[0] + 1
    elif target.asked_at is not None:
        asked = _moment(target.asked_at)
        start = next((i for i, line in enumerate(lines) if _moment(line.at) > asked), len(lines))
    else:
        return
    for line in lines[start:]:
        if line.sender == me:
            break  # you spoke again: what follows is a conversation, not the answer
        if line.key in known:
            tally.present += 1
            continue
        tally.actions.append(Reply(target.id, line.content, line.at, line.key))
        tally.replies += 1
