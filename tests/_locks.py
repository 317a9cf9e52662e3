"""Asking another process whether this one still holds SQLite's lock on a database file.

A connection in WAL mode keeps a POSIX read lock on the database file's "shared" byte
range for as long as it is open (SQLite's SHARED lock). POSIX locks belong to a process,
so only another process can see them: the probe tries, without waiting, to take a write
lock on that range, which fails exactly while some other process holds a read lock there.
The probe opens the file itself, which is harmless: it holds no SQLite connection to it.
"""

from __future__ import annotations

import subprocess
import sys

# SQLite's unix VFS: PENDING_BYTE = 0x40000000, SHARED_FIRST = PENDING_BYTE + 2, 510 bytes.
SHARED_FIRST = 0x40000002
SHARED_SIZE = 510

_PROBE = f"""
import fcntl, os, sys
fd = os.open(sys.argv[1], os.O_RDWR)
try:
    fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, {SHARED_SIZE}, {SHARED_FIRST})
except OSError:
    print("held")
else:
    print("free")
"""


def lock_held_elsewhere(path) -> bool:
    """True while some process other than the probe holds SQLite's shared lock on ``path``."""
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout.strip() == "held"
