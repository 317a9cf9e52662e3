"""Helpers for the ``serve`` tests: a real server on a free port, and a WebSocket terminal.

:func:`running_server` starts ``invite-triage serve`` as a process of its own (as a
trainer would) with ``TMPDIR`` inside the test's directory, so the test can see the
sessions' directories appear and go. :class:`Terminal` speaks textual-serve's WebSocket
protocol as the page's JavaScript does: JSON text messages in (``["stdin", keys]``,
``["resize", {...}]``), the app's terminal output out as binary messages.

Every wait polls with a generous deadline: the machine is shared and a session takes a
second or several to start.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import aiohttp

START_SECONDS = 90.0  # the server, or a session, coming up on a loaded machine
WAIT_SECONDS = 60.0

# Cursor moves, colours, modes: what stands between the words on a Textual screen.
ANSI = re.compile(r"\x1b\[[0-9;?<>=$]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]")


def plain(data: str) -> str:
    return ANSI.sub("", data)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def poll(check: Callable[[], object], *, timeout: float = WAIT_SECONDS, what: str = "") -> object:
    """``check()``'s first truthy value, polled until ``timeout`` (then AssertionError)."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or check}")
        time.sleep(0.1)


@dataclass
class Server:
    process: subprocess.Popen
    port: int
    tmp: Path  # the server's TMPDIR
    log: Path
    db: Path  # the results database

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/ws"

    def root(self) -> Path:
        (root,) = self.tmp.glob("invite-triage-serve-*")
        return root

    def session_dirs(self) -> list[Path]:
        return sorted(self.root().glob("session-*"))

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def get(self, path: str = "") -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.url + path, timeout=10) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=WAIT_SECONDS)


def _up(server: Server) -> bool:
    if server.process.poll() is not None:
        return True
    with contextlib.suppress(OSError):
        return server.get()[0] in (200, 503)
    return False


@contextlib.contextmanager
def running_server(tmp_path: Path, *args: str, db: Path | None = None) -> Iterator[Server]:
    """``invite-triage --db DB serve --port FREE ARGS`` until the block ends."""
    tmp = tmp_path / "tmp"
    tmp.mkdir(exist_ok=True)
    db = db or tmp_path / "results.db"
    env = {**os.environ, "TMPDIR": str(tmp)}
    env.pop("TEXTUAL_DRIVER", None)
    for attempt in range(3):  # another process may take the free port before the server does
        port = free_port()
        log = tmp_path / f"server-{attempt}.log"
        with log.open("wb") as out:
            process = subprocess.Popen(
                [sys.executable, "-m", "tui", "--db", str(db), "serve", "--port", str(port), *args],
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                env=env,
            )
        server = Server(process, port, tmp, log, db)
        poll(lambda server=server: _up(server), timeout=START_SECONDS, what="the server")
        if process.poll() is None:
            break
        if "address already in use" not in server.output():
            raise AssertionError(f"serve exited at once:\n{server.output()}")
    try:
        yield server
    finally:
        if server.process.poll() is None:
            server.process.send_signal(signal.SIGTERM)
            try:
                server.process.wait(timeout=WAIT_SECONDS)
            except subprocess.TimeoutExpired:
                server.process.kill()


def pid_alive(pid: int) -> bool:
    """Running (a zombie waiting for its parent to reap it counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


class Terminal:
    """One browser tab's WebSocket, without the browser."""

    def __init__(self, websocket: aiohttp.ClientWebSocketResponse) -> None:
        self.websocket = websocket
        self.raw = ""  # what the app sent since the last text waited for
        self.closed = False

    @property
    def text(self) -> str:
        """:attr:`raw` without escape sequences (stripped whole: one may span two messages)."""
        return plain(self.raw)

    async def wait_for(self, text: str, *, timeout: float = START_SECONDS) -> None:
        """Read until ``text`` has arrived since the last wait (AssertionError if not)."""
        deadline = time.monotonic() + timeout
        while text not in self.text:
            left = deadline - time.monotonic()
            if left <= 0 or self.closed:
                raise AssertionError(f"no {text!r} on screen; last seen: {self.text[-800:]!r}")
            try:
                message = await self.websocket.receive(timeout=left)
            except TimeoutError:
                continue
            self._take(message)
        self.raw = ""

    async def wait_closed(self, *, timeout: float = WAIT_SECONDS) -> None:
        deadline = time.monotonic() + timeout
        while not self.closed:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError("the server did not close the session's WebSocket")
            with contextlib.suppress(TimeoutError):
                self._take(await self.websocket.receive(timeout=left))

    def _take(self, message: aiohttp.WSMessage) -> None:
        if message.type == aiohttp.WSMsgType.BINARY:
            self.raw += message.data.decode("utf-8", "replace")
        elif message.type in (
            aiohttp.WSMsgType.CLOSE,
            aiohttp.WSMsgType.CLOSING,
            aiohttp.WSMsgType.CLOSED,
            aiohttp.WSMsgType.ERROR,
        ):
            self.closed = True

    async def send(self, envelope: list) -> None:
        await self.websocket.send_str(json.dumps(envelope))

    async def type(self, keys: str) -> None:
        await self.send(["stdin", keys])


@contextlib.asynccontextmanager
async def terminal(server: Server, width: int = 100, height: int = 30):
    async with (
        aiohttp.ClientSession() as http,
        http.ws_connect(f"{server.ws_url}?width={width}&height={height}") as websocket,
    ):
        yield Terminal(websocket)


async def wait_until(check: Callable[[], object], *, timeout: float = WAIT_SECONDS, what=""):
    """:func:`poll` for async tests (the event loop keeps running while it waits)."""
    deadline = time.monotonic() + timeout
    while not (value := check()):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or check}")
        await asyncio.sleep(0.1)
    return value
