"""``messages.csv`` from the platform's full export: every conversation, one row a message.

Header ``CONVERSATION ID, CONVERSATION TITLE, FROM, SENDER PROFILE URL, TO, RECIPIENT
PROFILE URLS, DATE, SUBJECT, CONTENT, FOLDER``; newer exports add columns (``ATTACHMENTS``,
``IS MESSAGE DRAFT``, ...), which are fine. ``DATE`` is ``2023-06-11 15:33:58 UTC``;
recipients are ``;``-separated URLs. Names and text sometimes arrive double-encoded
(``Ã©`` for ``é``) and are repaired with ftfy (its encoding fix only: control and bidi
characters are kept as sent, the app escapes them when it shows them).

The whole file is read and checked here; which conversations matter is decided later
(:mod:`tui.importers.threads`). Rows that can never be part of a conversation with a
person are set aside: drafts (never sent), messages without a sender's profile (system
and sponsored messages), the spam folder, and empty messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

import ftfy

from tui.importers import csvtext
from tui.importers.errors import ImportFileError, shown
from tui.importers.identity import digest, text_key, url_key

FILE_NAME = "messages.csv"
REQUIRED = (
    "CONVERSATION ID",
    "FROM",
    "SENDER PROFILE URL",
    "RECIPIENT PROFILE URLS",
    "DATE",
    "CONTENT",
)
DRAFT_COLUMN = "IS MESSAGE DRAFT"
SKIPPED_FOLDERS = {"SPAM"}
_TRUE = {"yes", "true", "1", "y"}
_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)\s*UTC")
_REPAIR = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=False,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)


def repair(text: str) -> str:
    """Undo double encoding (``JosÃ©`` -> ``José``) and nothing else."""
    # Mojibake is never pure ASCII; most messages are, and skip ftfy's work.
    return text if text.isascii() else ftfy.fix_text(text, _REPAIR)


def parse_message_time(text: str) -> str:
    """``2023-06-11 15:33:58 UTC`` -> ``2023-06-11T15:33:58+00:00`` (an ISO time too)."""
    value = text.strip()
    match = _DATE.fullmatch(value)
    try:
        if match is not None:
            moment = datetime.fromisoformat(f"{match[1]}T{match[2]}").replace(tzinfo=UTC)
        else:
            moment = datetime.fromisoformat(value)
            if moment.tzinfo is None:
                raise ValueError
    except ValueError:
        raise ValueError("not a time like 2026-11-24 09:12:40 UTC") from None
    return moment.astimezone(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class Line:
    """One message that was sent by a person."""

    conversation: str
    sender: str  # url_key of the sender's profile
    sender_url: str  # as written
    sender_name: str
    recipients: tuple[str, ...]  # url_keys
    at: str  # ISO 8601, UTC
    content: str
    line: int
    key: str  # identifies the message across imports


@dataclass(slots=True)
class Messages:
    """Everything a ``messages.csv`` holds that could matter, by conversation."""

    where: str
    conversations: dict[str, list[Line]] = field(default_factory=dict)
    rows: int = 0
    drafts: int = 0
    no_sender: int = 0  # system and sponsored messages
    spam: int = 0
    empty: int = 0

    def add(self, message: Line) -> None:
        self.conversations.setdefault(message.conversation, []).append(message)


def looks_like_messages(first_line: str) -> bool:
    """True when a file's first line is a messages.csv header (or a file sharing it)."""
    cells = {cell.strip().strip('"').casefold() for cell in first_line.split(",")}
    return {"conversation id", "sender profile url"} <= cells


def read_messages(data: bytes, where: str) -> Messages:
    """Parse and check the whole file; the first problem raises ImportFileError."""
    records = csvtext.rows(csvtext.decode(data, where), where)
    _, width, col = csvtext.header(records, where, REQUIRED, f"{', '.join(REQUIRED)}, ...")
    found = Messages(where)
    url_keys: dict[str, str | None] = {}  # the same few profiles recur on every line

    def profile(url: str) -> str | None:
        key = url_keys.get(url, url_keys)
        if key is url_keys:
            key = url_keys[url] = url_key(url)
        return key

    for line, row in records:
        if csvtext.is_blank(row):
            continue
        if len(row) != width:
            raise ImportFileError(
                where,
                f"expected {width} fields as in the header, found {len(row)} "
                "(a stray comma or quote?)",
                line,
            )
        found.rows += 1

        def cell(name: str, row=row) -> str:
            position = col.get(name.casefold())
            return "" if position is None else row[position]

        if cell(DRAFT_COLUMN).strip().casefold() in _TRUE:
            found.drafts += 1  # never sent, and may lack a date
            continue
        try:
            at = parse_message_time(cell("DATE"))
        except ValueError as exc:
            raise ImportFileError(
                where, f"column 'DATE': {exc}, got {shown(cell('DATE'))}", line
            ) from None
        conversation = cell("CONVERSATION ID").strip()
        if not conversation:
            raise ImportFileError(where, "column 'CONVERSATION ID' is empty", line)
        sender = profile(cell("SENDER PROFILE URL"))
        if sender is None:
            found.no_sender += 1
            continue
        if cell("FOLDER").strip().upper() in SKIPPED_FOLDERS:
            found.spam += 1
            continue
        content = repair(cell("CONTENT"))
        if not content.strip():
            found.empty += 1
            continue
        recipients = tuple(
            key
            for key in (profile(part) for part in cell("RECIPIENT PROFILE URLS").split(";"))
            if key is not None
        )
        key = digest("message", conversation, at, sender, text_key(content))
        found.add(
            Line(
                conversation=conversation,
                sender=sender,
                sender_url=cell("SENDER PROFILE URL").strip(),
                sender_name=repair(cell("FROM")),
                recipients=recipients,
                at=at,
                content=content,
                line=line,
                key=key,
            )
        )
    return found
