"""The platform's own data export: the zip, its unpacked folder, or one ``Invitations.csv``.

``Invitations.csv`` gives, per invitation, the two names, when it was sent, the optional
message, the direction and (in newer exports) both profile URLs; nothing else. So every
profile field the export lacks (photo, headline, sections, counts) is ``None``, *unknown*,
which the red-flag rules never treat as a red flag.

``known``: with ``Connections.csv`` at hand, a sender found there is known (``True``) and
anyone else is a stranger as far as the data shows (``False``). With a lone
``Invitations.csv`` nothing can be checked, so ``known`` stays unknown (``None``).
"""

from __future__ import annotations

import os
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from tui.domain.files import InputFileError, read_small_file
from tui.domain.models import NewInvitation, Person
from tui.importers import csvtext
from tui.importers.connections import Connections
from tui.importers.dates import parse_export_time
from tui.importers.errors import ImportFileError, label, shown
from tui.importers.identity import digest, name_key, text_key, url_key
from tui.importers.record import Record

SOURCE = "export"
INVITATIONS = "Invitations.csv"
CONNECTIONS = "Connections.csv"
MESSAGES = "messages.csv"  # guide_messages.csv and the like share its header: never read
PROFILE = "Profile.csv"
HEADER = ("From", "To", "Sent At", "Message", "Direction", "inviterProfileUrl", "inviteeProfileUrl")
# Older exports lack the two URL columns; they are used when present.
REQUIRED = ("From", "To", "Sent At", "Message", "Direction")
MAX_MEMBER = 256 * 1024 * 1024  # refuse to read or inflate anything bigger
INFLATE_STEP = 1024 * 1024  # bytes inflated per read, counted against MAX_MEMBER


@dataclass(frozen=True, slots=True)
class Member:
    """One file of the export: its bytes and a name for error messages."""

    data: bytes
    where: str


@dataclass(frozen=True, slots=True)
class ExportFiles:
    """The files that matter, each None when the export lacks it."""

    label: str
    invitations: Member | None
    connections: Member | None = None
    messages: Member | None = None
    profile: Member | None = None


WANTED = {"invitations": INVITATIONS, "connections": CONNECTIONS, "messages": MESSAGES,
          "profile": PROFILE}  # fmt: skip
NOTHING_USEFUL = f"no {INVITATIONS} or {MESSAGES} inside (is this the platform's data export?)"


# ---------------------------------------------------------------------------- opening


def _read_file(path: Path) -> bytes:
    try:
        return read_small_file(path, what="CSV file", limit=MAX_MEMBER)
    except InputFileError as exc:
        raise ImportFileError(label(path), exc.reason) from None


def open_csv(path: str | os.PathLike) -> ExportFiles:
    where = label(path)
    return ExportFiles(where, Member(_read_file(Path(path)), where))


def open_messages_csv(path: str | os.PathLike) -> ExportFiles:
    where = label(path)
    return ExportFiles(where, None, messages=Member(_read_file(Path(path)), where))


def _pick(candidates: list[str], wanted: str, where: str) -> str | None:
    """The one candidate named ``wanted`` (any case), shallowest first; two at once is ambiguous."""
    named = [c for c in candidates if PurePosixPath(c).name.casefold() == wanted.casefold()]
    named = [c for c in named if not c.startswith("__MACOSX/")]
    if not named:
        return None
    depth = min(c.count("/") for c in named)
    top = [c for c in named if c.count("/") == depth]
    if len(top) > 1:
        raise ImportFileError(where, f"holds {len(top)} files named {wanted}; import one of them")
    return top[0]


def _choose(names: list[str], where: str) -> dict[str, str]:
    """Which member is which: the files beside Invitations.csv (or messages.csv)."""
    anchor = _pick(names, INVITATIONS, where) or _pick(names, MESSAGES, where)
    if anchor is None:
        raise ImportFileError(where, NOTHING_USEFUL)
    folder = anchor.rpartition("/")[0]
    beside = [n for n in names if n.rpartition("/")[0] == folder]
    chosen = {}
    for role, name in WANTED.items():
        picked = _pick(beside, name, where)
        if picked is not None:
            chosen[role] = picked
    return chosen


def open_folder(path: str | os.PathLike) -> ExportFiles:
    """The unpacked export: the files at its top, or one folder down."""
    root = Path(path)
    where = label(root)
    found: list[str] = []
    for depth_glob in ("*", "*/*"):
        found += [p.relative_to(root).as_posix() for p in root.glob(depth_glob) if p.is_file()]
    try:
        chosen = _choose(found, where)
    except ImportFileError as exc:
        if exc.reason != NOTHING_USEFUL:
            raise
        raise ImportFileError(
            where, f"no {INVITATIONS} or {MESSAGES} in this folder (is it the unpacked data "
            "export?)"
        ) from None  # fmt: skip
    members = {
        role: Member(_read_file(root / name), label(root / name)) for role, name in chosen.items()
    }
    return ExportFiles(where, members.pop("invitations", None), **members)


def _read_member(archive: zipfile.ZipFile, name: str, where: str) -> bytes:
    """The member's bytes, inflated up to :data:`MAX_MEMBER` and no further.

    The size a zip declares is checked first, but it is only a claim: the bytes actually
    inflated are counted, and reading stops as soon as they pass the cap.
    """
    info = archive.getinfo(name)
    too_large = f"more than {MAX_MEMBER:,} bytes uncompressed, too large to import"
    if info.file_size > MAX_MEMBER:
        raise ImportFileError(where, too_large)
    try:
        chunks, total = [], 0
        with archive.open(info) as member:
            while chunk := member.read(INFLATE_STEP):
                total += len(chunk)
                if total > MAX_MEMBER:
                    raise ImportFileError(where, too_large)
                chunks.append(chunk)
        return b"".join(chunks)
    # zlib.error: damaged compressed data; RuntimeError: an encrypted member;
    # NotImplementedError: an unknown compression method.
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        OSError,
        RuntimeError,
        NotImplementedError,
    ) as exc:
        raise ImportFileError(where, f"cannot be read from the zip ({exc})") from None


def open_zip(path: str | os.PathLike) -> ExportFiles:
    where = label(path)
    try:
        with zipfile.ZipFile(path) as archive:
            names = [i.filename for i in archive.infolist() if not i.is_dir()]
            members = {}
            for role, name in _choose(names, where).items():
                inside = f"{where}/{label(name)}"
                members[role] = Member(_read_member(archive, name, inside), inside)
            return ExportFiles(where, members.pop("invitations", None), **members)
    except zipfile.BadZipFile as exc:
        raise ImportFileError(where, f"not a readable zip file ({exc})") from None


# ---------------------------------------------------------------------------- parsing


def _invitation(
    row: list[str], col: dict[str, int], where: str, line: int, connections: Connections | None
) -> Record:
    def cell(name: str) -> str | None:
        position = col.get(name.casefold())
        return None if position is None else row[position]

    direction = cell("Direction").strip().upper()
    if direction not in ("INCOMING", "OUTGOING"):
        raise ImportFileError(
            where,
            f"column 'Direction': expected INCOMING or OUTGOING, got {shown(cell('Direction'))}",
            line,
        )
    incoming = direction == "INCOMING"
    name_column = "From" if incoming else "To"
    name = cell(name_column)
    if not name.strip():
        raise ImportFileError(where, f"column '{name_column}': the name is empty", line)
    try:
        sent_at = parse_export_time(cell("Sent At"))
    except ValueError as exc:
        raise ImportFileError(
            where, f"column 'Sent At': {exc}, got {shown(cell('Sent At'))}", line
        ) from None
    url = cell("inviterProfileUrl" if incoming else "inviteeProfileUrl") or None
    message = cell("Message") or None
    contact = None if connections is None else connections.find(name, url)
    known = None if connections is None else contact is not None
    profile = url_key(url)
    key = digest(
        SOURCE,
        direction,
        profile,
        None if profile else name_key(name),
        sent_at,
        text_key(message),
    )
    item = NewInvitation(
        person=Person(
            name=name,
            profile_url=url,
            known=known,
            company=contact.company if contact else None,
            position=contact.position if contact else None,
        ),
        note=message,
        sent_at=sent_at,
        status="pending" if incoming else "sent",
        direction="incoming" if incoming else "outgoing",
        source=SOURCE,
        external_key=key,
    )
    content = digest("content", direction, name, url, sent_at, message)
    return Record(item=item, where=where, line=line, content=content)


def read_invitations(
    data: bytes, where: str, connections: Connections | None = None
) -> Iterator[Record]:
    """Each row's invitation in file order; the first problem raises ImportFileError."""
    records = csvtext.rows(csvtext.decode(data, where), where)
    _, width, col = csvtext.header(records, where, REQUIRED, ",".join(HEADER))
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
        yield _invitation(row, col, where, line, connections)
