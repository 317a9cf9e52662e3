"""Asking another process whether this one still holds SQLite's lock on a database file.

A connection in WAL mode keeps a POSIX read lock on the database file's "shared" byte
range for as long as it is open (SQLite's SHARED lock). POSIX locks belong to a process,
so only another process can see them: the probe tries, without waiting, to take a write
lock on that range, which fails exactly while some other process holds a read lock there.
The probe opens the file itself, which is harmless: it holds no SQLite connection to it,
and it closes the file (dropping any lock it took) before it answers.

One probe process answers every question of a test module (a fresh interpreter per
question cost about 40 ms each, and the lock tests ask about fifty).
"""

from __future__ import annotations

import json
import subprocess
import sys

# SQLite's unix VFS: PENDING_BYTE = 0x40000000, SHARED_FIRST = PENDING_BYTE + 2, 510 bytes.
SHARED_FIRST = 0x40000002
SHARED_SIZE = 510

_PROBE = f"""
import fcntl, json, os, sqlite3, sys
for line in sys.stdin:
    question, path, sql = json.loads(line)
    if question == "lock":
        fd = os.open(path, os.O_RDWR)
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, {SHARED_SIZE}, {SHARED_FIRST})
        except OSError:
            answer = "held"
        else:
            answer = "free"
        finally:
            os.close(fd)  # drops the lock if the probe took it
    else:
        conn = sqlite3.connect(path)
        try:
            answer = str(conn.execute(sql).fetchone()[0])
        finally:
            conn.close()
    print(json.dumps(answer), flush=True)
"""


class Elsewhere:
    """Another process that answers questions about database files, one at a time."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", _PROBE],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def _ask(self, question: str, path, sql: str = "") -> str:
        self.process.stdin.write(json.dumps([question, str(path), sql]) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        assert line, f"the probe process ended (exit code {self.process.wait(60)})"
        return json.loads(line)

    def lock_held(self, path) -> bool:
        """True while some process other than the probe holds SQLite's shared lock."""
        return self._ask("lock", path) == "held"

    def count(self, path, sql: str) -> str:
        """The first value of ``sql`` read through a fresh SQLite connection, closed after."""
        return self._ask("count", path, sql)

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(60)
        self.process.stdout.close()
