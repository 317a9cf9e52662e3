"""What a path holds, judged by its content (never its extension).

- a folder: an unpacked data export;
- a file starting with a zip signature: the export zip;
- text whose first non-blank character is ``{``: JSON Lines;
- text whose first line names two of ``Invitations.csv``'s columns: that file;
- text whose first line is ``messages.csv``'s header: that file (other files of the export
  share the header; their conversations are not with your inviters, so they add nothing).
Anything else is refused with a line saying what was expected.
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path

from tui.domain.files import InputFileError, open_regular
from tui.importers.errors import ImportFileError, label
from tui.importers.messages import looks_like_messages

JSONL, ZIP, FOLDER, INVITATIONS_CSV = "jsonl", "zip", "folder", "invitations-csv"
MESSAGES_CSV = "messages-csv"
SNIFF = 64 * 1024
EXPECTED = (
    "expected JSON Lines, the data export (zip or folder), its Invitations.csv or messages.csv"
)
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")


def _sniff_text(head: bytes, where: str) -> tuple[str, ImportFileError | None]:
    """The start of the file as text, and the complaint to make if it is not a known kind.

    Undecodable bytes are replaced here so a JSON Lines or CSV file with one bad byte is
    still recognised, and its reader then names the exact line.
    """
    if b"\x00" in head:
        line = head.count(b"\n", 0, head.index(b"\x00")) + 1
        raise ImportFileError(where, f"binary data, not text; {EXPECTED}", line)
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        decoder.decode(head, final=len(head) < SNIFF)
        problem = None
    except UnicodeDecodeError as exc:
        line = head.count(b"\n", 0, exc.start) + 1
        problem = ImportFileError(
            where, f"not UTF-8 text (byte 0x{head[exc.start]:02x}); {EXPECTED}", line
        )
    text = head.decode("utf-8", errors="replace")
    return text.removeprefix("\ufeff"), problem


def detect(path: str | os.PathLike) -> str:
    """One of JSONL, ZIP, FOLDER, INVITATIONS_CSV, MESSAGES_CSV; an ImportFileError for
    anything else."""
    path = Path(path)
    where = label(path)
    if path.is_dir():
        return FOLDER
    try:
        with open_regular(path, what="file to import") as handle:
            head = handle.read(SNIFF)
    except InputFileError as exc:
        raise ImportFileError(where, exc.reason) from None
    if head.startswith(_ZIP_MAGIC):
        return ZIP
    if not head.strip():
        raise ImportFileError(where, "empty file")
    text, problem = _sniff_text(head, where)
    text = text.lstrip()
    if not text:
        raise ImportFileError(where, "empty file")
    if text.startswith("{"):
        return JSONL
    if text.startswith("["):
        raise ImportFileError(
            where, "a JSON array; JSON Lines needs one {...} object per line, no brackets"
        )
    first = text.splitlines()[0]
    if looks_like_messages(first):
        return MESSAGES_CSV
    cells = {cell.strip().strip('"').casefold() for cell in first.split(",")}
    if len(cells & {"from", "to", "sent at", "message", "direction"}) >= 2:
        return INVITATIONS_CSV  # the parser names any missing column
    if {"first name", "last name"} <= cells or first.strip().casefold() == "notes:":
        raise ImportFileError(
            where,
            "this is Connections.csv; import the export zip or folder (it is read from there)",
        )
    raise problem or ImportFileError(where, f"cannot tell what this file is; {EXPECTED}")
