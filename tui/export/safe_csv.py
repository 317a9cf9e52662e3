"""CSV that is safe to open in a spreadsheet, written so a failure never leaves half a file.

Why each rule:

* A cell starting with ``=``, ``+``, ``-``, ``@``, tab, CR or LF can be run as a formula by
  Excel, LibreOffice or Google Sheets (``=HYPERLINK(...)`` in a sender's name is enough),
  so such a cell gets a leading ``'`` as OWASP advises. Every cell goes through the same
  rule, numbers included, so no column can be forgotten.
* RFC 4180 quoting (``csv`` with ``QUOTE_MINIMAL`` and CRLF line ends): commas, quotes and
  embedded newlines survive a round trip through ``csv.reader``.
* The rows go to a hidden temporary file in the target's directory that is flushed to disk
  and then renamed over the target, so a full disk, an exception or Ctrl-C mid-way leaves
  any existing file exactly as it was and no partial file behind.
* ``-`` writes to standard output; when that is a terminal, control and bidi characters are
  shown as escapes so a hostile name cannot drive the terminal. Piped output is exact.

The simulator's per-trainee results export reuses :func:`write_safe_csv`.
"""

from __future__ import annotations

import contextlib
import csv
import os
import secrets
import stat
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO

from tui.domain.safe_text import visible

STDOUT = "-"
BOM = "\ufeff"
# First characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection).
DANGEROUS_FIRST = frozenset("=+-@\t\r\n")
_WRITE_BUFFER = 1 << 20


class ExportError(Exception):
    """A file could not be written; the message is one line a user can act on."""


def neutralise(value: object) -> str:
    """The cell text for ``value``: ``None`` is empty, formula-like text gets a ``'``."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    return "'" + text if text[:1] in DANGEROUS_FIRST else text


def write_safe_csv(
    target: str | os.PathLike | IO[str],
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    bom: bool = False,
) -> int:
    """Write ``header`` and ``rows`` as spreadsheet-safe CSV; returns the number of rows.

    ``target`` is a path (written atomically: replaced only once complete), ``"-"`` for
    standard output, or an open text stream (written as is; the caller owns it). ``rows``
    is consumed lazily, so a million rows never sit in memory. ``bom`` starts the output
    with a UTF-8 byte order mark, which Excel needs to read UTF-8.

    Raises :class:`ExportError` when the file cannot be written; the target is untouched.
    """
    if hasattr(target, "write"):
        return _write_rows(target, header, rows, bom=bom)
    if os.fspath(target) == STDOUT:
        return _write_stdout(header, rows, bom=bom)
    return _write_atomically(Path(target), header, rows, bom=bom)


def _write_rows(
    handle, header: Sequence[str], rows: Iterable[Sequence[object]], *, bom: bool, shown=None
) -> int:
    try:
        return _write_all(handle, header, rows, bom=bom, shown=shown)
    finally:
        # Stopping early (a full disk, a closed pipe) finishes a generator of rows now,
        # while the database it reads from is still open, not whenever it is collected.
        close = getattr(rows, "close", None)
        if close is not None:
            close()


def _write_all(handle, header, rows, *, bom: bool, shown) -> int:
    writer = csv.writer(handle, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    if bom:
        handle.write(BOM)
    writer.writerow([neutralise(name) for name in header])
    count = 0
    writerow = writer.writerow
    if shown is not None:
        for row in rows:
            writerow([shown(neutralise(value)) for value in row])
            count += 1
        return count
    danger = DANGEROUS_FIRST
    for row in rows:
        # The same rule as neutralise(), inlined: the common cells (plain text, None, ids)
        # skip a function call, which halves the cost of a million-row export.
        writerow(
            [
                value
                if (value.__class__ is str and value[:1] not in danger)
                or value is None
                or (value.__class__ is int and value >= 0)
                else neutralise(value)
                for value in row
            ]
        )
        count += 1
    return count


class _Utf8Stdout:
    """A text sink over ``sys.stdout.buffer``: UTF-8 whatever the locale, CRLF kept as is."""

    def __init__(self, raw) -> None:
        self._raw = raw

    def write(self, text: str) -> int:
        return self._raw.write(text.encode("utf-8"))


def _write_stdout(header, rows, *, bom: bool) -> int:
    out = sys.stdout
    shown = visible if _isatty(out) else None
    raw = getattr(out, "buffer", None)
    if raw is None:
        return _write_rows(out, header, rows, bom=bom, shown=shown)
    out.flush()
    count = _write_rows(_Utf8Stdout(raw), header, rows, bom=bom, shown=shown)
    raw.flush()
    return count


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _write_atomically(path: Path, header, rows, *, bom: bool) -> int:
    directory = path.parent
    if path.is_dir():
        raise ExportError(f"{visible(str(path))} is a directory; give a file name")
    if not directory.is_dir():
        raise ExportError(
            f"cannot write {visible(str(path))}: no directory {visible(str(directory))}"
        )
    fd, temp = _create_temp(path)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="", buffering=_WRITE_BUFFER) as handle:
            count = _write_rows(handle, header, rows, bom=bom)
            handle.flush()
            os.fsync(handle.fileno())
        _keep_mode_of(path, temp)
        os.replace(temp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(exc, OSError):
            reason = exc.strerror or str(exc)
            raise ExportError(f"cannot write {visible(str(path))}: {reason}") from None
        raise
    _sync_directory(directory)
    return count


def _create_temp(path: Path) -> tuple[int, str]:
    """A new hidden file beside ``path``; ``os.open`` applies the umask like a normal file."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        temp = str(path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.part"))
        try:
            return os.open(temp, flags, 0o666), temp
        except FileExistsError:
            continue
        except OSError as exc:
            where = visible(str(path.parent))
            raise ExportError(f"cannot write to {where}: {exc.strerror or exc}") from None
    raise ExportError(f"cannot create a temporary file in {visible(str(path.parent))}")


def _keep_mode_of(path: Path, temp: str) -> None:
    """Replacing an export keeps its permissions, as overwriting it in place would."""
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return
    os.chmod(temp, mode)


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX); harmless where directories cannot be opened."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
