"""Reading CSV files from the export: strict decoding, strict quoting, honest line numbers.

The export's files are small, so each is decoded whole; problems are reported with the
physical line where the offending record starts, which is what a user sees in an editor.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from tui.importers.errors import ImportFileError

BOM = "\ufeff"
# A message may be long; the csv module's default cap (128 kB) would reject it with a
# confusing error, so allow up to 16 MB per field.
FIELD_LIMIT = 16 * 1024 * 1024


def decode(data: bytes, where: str) -> str:
    """UTF-8 text (a leading BOM dropped); binary junk is refused with its line number."""
    if not data.strip():
        raise ImportFileError(where, "empty file")
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        raise ImportFileError(where, "binary data (a NUL byte), not a CSV text file", line)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        byte = data[exc.start]
        raise ImportFileError(
            where, f"not UTF-8 text (byte 0x{byte:02x}); save the file as UTF-8", line
        ) from None
    return text.removeprefix(BOM)


def rows(text: str, where: str) -> Iterator[tuple[int, list[str]]]:
    """Each record with the line it starts on; quoting errors become an ImportFileError."""
    if csv.field_size_limit() < FIELD_LIMIT:
        csv.field_size_limit(FIELD_LIMIT)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise ImportFileError(where, f"bad CSV quoting ({exc})", start) from None
        yield start, row
        start = reader.line_num + 1


def is_blank(row: list[str]) -> bool:
    return not any(cell.strip() for cell in row)


def column_index(header: list[str]) -> dict[str, int]:
    """Header names (trimmed, case-folded) to their positions."""
    index: dict[str, int] = {}
    for position, name in enumerate(header):
        index.setdefault(name.strip().removeprefix(BOM).casefold(), position)
    return index


def header(records, where: str, required, expected: str) -> tuple[int, int, dict[str, int]]:
    """The first non-blank row as the header: its line, its width and its column index.

    A header lacking a ``required`` column is refused, naming them and ``expected``.
    """
    for line, row in records:
        if is_blank(row):
            continue
        index = column_index(row)
        missing = [c for c in required if c.casefold() not in index]
        if missing:
            raise ImportFileError(
                where,
                f"header lacks column(s) {', '.join(map(repr, missing))} (expected {expected})",
                line,
            )
        return line, len(row), index
    raise ImportFileError(where, "empty file")
