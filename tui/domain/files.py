"""Reading the user's own files (policies, config, scenarios, imports) without surprises.

- **Bounded.** A policy or config file is read only if it is a regular file under a size
  cap: a FIFO would block for ever, ``/dev/zero`` never ends, a directory is no file.
  The type is checked on the opened descriptor (``fstat``), so the answer is about the
  file actually read, and the read itself stops at the cap.
- **Never a database this process has open.** Closing any descriptor of a file drops all
  of the process's POSIX locks on it, SQLite's included (see :mod:`tui.store.connection`),
  so a path that names an open database (``--policy data/inbox.db``) is refused before it
  is opened. The store registers every file it opens here.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from tui.domain.safe_text import visible

_open_databases: set[tuple[int, int]] = set()


class InputFileError(Exception):
    """A file that cannot be read as asked; the message is one line naming the file.

    ``reason`` is the same without the file's name, for callers that name it themselves.
    """

    def __init__(self, message: str, reason: str | None = None):
        super().__init__(message)
        self.reason = reason or message


def shown_path(path: object, limit: int = 120) -> str:
    """A path for a message: control characters escaped; a long one cut at the front."""
    text = visible(str(path), keep_newlines=False)
    return text if len(text) <= limit else "..." + text[-(limit - 3) :]


def remember_database(path: str | os.PathLike) -> None:
    """Note that this process has an SQLite connection to ``path`` (and its companions)."""
    try:
        info = os.stat(path)
    except OSError:
        return
    _open_databases.add((info.st_dev, info.st_ino))


def database_files(path: str | os.PathLike) -> list[Path]:
    """The database file and the companions SQLite keeps beside it."""
    return [Path(f"{path}{suffix}") for suffix in ("", "-wal", "-shm", "-journal")]


def names_database(path: str | os.PathLike, db_path: str | os.PathLike) -> bool:
    """True when ``path`` is the database at ``db_path`` or one of its companions (by
    device and inode, so another spelling of the same file counts too; nothing opened)."""
    try:
        info = os.stat(path)
    except OSError:
        return False
    for known in database_files(db_path):
        try:
            other = os.stat(known)
        except OSError:
            continue
        if (other.st_dev, other.st_ino) == (info.st_dev, info.st_ino):
            return True
    return False


def is_open_database(path: str | os.PathLike) -> bool:
    """True when ``path`` is (a companion of) a database this process has opened."""
    for known in _candidates(Path(path)):
        try:
            info = os.stat(known)
        except OSError:
            continue
        if (info.st_dev, info.st_ino) in _open_databases:
            return True
    return False


def _candidates(path: Path) -> list[Path]:
    name = path.name
    for suffix in ("-wal", "-shm", "-journal"):
        if name.endswith(suffix):
            return [path, path.with_name(name[: -len(suffix)])]
    return [path]


def refuse_open_database(path: str | os.PathLike, what: str) -> None:
    if is_open_database(path):
        reason = f"is the inbox database (or one of its files), not {what}"
        raise InputFileError(f"{shown_path(path)} {reason}", reason)


def open_regular(path: str | os.PathLike, *, what: str) -> BinaryIO:
    """Open a regular file for reading; a directory, FIFO or device gets a one-line refusal.

    ``FileNotFoundError`` passes through for the caller to word.
    """
    refuse_open_database(path, f"a {what}")
    shown = shown_path(path)
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise
    except IsADirectoryError:
        raise _refusal(shown, f"is a directory, not a {what}") from None
    except OSError as exc:
        raise _refusal(shown, f"cannot be read: {exc.strerror}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise _refusal(shown, f"is a directory, not a {what}")
        if not stat.S_ISREG(info.st_mode):
            raise _refusal(
                shown, f"is not a regular file (a pipe or a device); a {what} must be one"
            )
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def read_small_file(path: str | os.PathLike, *, what: str, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; one-line refusals otherwise.

    ``what`` names the file for messages ("policy file", "config file").
    """
    shown = shown_path(path)
    too_large = f"is too large for a {what} (over {_size(limit)})"
    with open_regular(path, what=what) as handle:
        if os.fstat(handle.fileno()).st_size > limit:
            raise _refusal(shown, too_large)
        try:
            data = handle.read(limit + 1)
        except OSError as exc:
            raise _refusal(shown, f"cannot be read: {exc.strerror}") from None
    if len(data) > limit:  # it grew while being read
        raise _refusal(shown, too_large)
    return data


def _refusal(shown: str, reason: str) -> InputFileError:
    return InputFileError(f"{shown} {reason}", reason)


def _size(limit: int) -> str:
    if limit >= 1024 * 1024:
        return f"{limit // (1024 * 1024)} MB"
    return f"{limit // 1024} kB"
