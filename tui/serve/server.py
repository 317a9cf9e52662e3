"""textual-serve's server, made fit for a room of trainees.

What it changes from textual-serve's :class:`~textual_serve.server.Server`, and why:

- **A cap.** A WebSocket takes a seat in the :class:`~tui.serve.classroom.Classroom` or,
  when all are taken, gets a one-line notice in its terminal and is closed; the page
  itself answers 503 with a clear "full" page while the room is full.
- **A directory per session**, prepared before the process starts (the ``--inbox`` copy)
  and removed once it has ended.
- **A session ends with its tab.** When the WebSocket closes (tab closed, or no answer to
  the 15-second heartbeat) the process is asked to quit, then sent SIGTERM, then SIGKILL.
  When the process ends on its own (the trainee quit, or it failed to start) the tab is
  told and the WebSocket closed, so no tab is left on a dead, blank terminal.
- **Nothing from the request reaches the process** but keys and a terminal size, and the
  size is clamped: ``?width=100000&height=100000`` would otherwise make the app allocate a
  screen of ten billion cells. The command line is fixed (see :mod:`tui.serve.plan`).
- **The page** is our own template: no fonts from a CDN, URLs relative to the page (so a
  reverse proxy can mount it under any path), and headers that keep it out of frames and
  let it fetch nothing but its own origin (textual.js would otherwise fetch any URL given
  as ``?ping=``).
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import json
import logging
import os
import signal
from pathlib import Path
from typing import Any

import aiohttp_jinja2
from aiohttp import WSCloseCode, WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from tui.serve.classroom import Classroom, Seat
from tui.serve.plan import Plan

log = logging.getLogger("invite-triage.serve")

TEMPLATES = Path(__file__).with_name("templates")

# Terminal sizes (columns, rows) a browser may ask for: a phone's narrowest to a wall display.
MIN_SIZE = (20, 8)
MAX_SIZE = (500, 200)
FONT_SIZES = (6, 48)
HEARTBEAT_SECONDS = 15.0
# A key press is a few bytes and a paste a few kB; a megabyte is generous.
MAX_MESSAGE_BYTES = 1 << 20
# Asked to quit, a session saves nothing more (every decision is already committed), so a
# few seconds are plenty; a session still starting up may need a little longer.
QUIT_GRACE_SECONDS = 10.0
TERM_GRACE_SECONDS = 5.0
FULL_RETRY_SECONDS = 20

FULL_NOTICE = (
    "\r\n  The session is full: every place is taken. Reload this page in a minute, or ask"
    " your trainer.\r\n"
)
FAILED_NOTICE = "\r\n  The session ended unexpectedly. Reload the page to start again.\r\n"
ENDED = {
    "training": "Session ended. Your results are saved for your trainer.",
    "demo inbox": "Session ended. Your copy of the demo inbox is gone; reload for a new one.",
}

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self' 'unsafe-inline'; "
        "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; "
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
    ),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


def clamp(value: Any, low: int, high: int, default: int) -> int:
    """``value`` as a whole number within ``[low, high]``; ``default`` when it is not one."""
    try:
        number = int(value)
    except (TypeError, ValueError, OverflowError):
        return default
    return max(low, min(high, number))


def terminal_size(width: Any, height: Any) -> tuple[int, int]:
    return (
        clamp(width, MIN_SIZE[0], MAX_SIZE[0], 80),
        clamp(height, MIN_SIZE[1], MAX_SIZE[1], 24),
    )


class SessionService(AppService):
    """One session's process; its tab is closed when the process ends, for any reason."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.exited = False  # the app said goodbye (rather than died or never started)

    async def on_meta(self, data: bytes) -> None:
        with contextlib.suppress(ValueError, AttributeError):
            if json.loads(data).get("type") == "exit":
                self.exited = True
        await super().on_meta(data)

    async def run(self) -> None:
        await super().run()
        if not self.exited:
            with contextlib.suppress(ConnectionError, RuntimeError):
                await self.remote_write_bytes(FAILED_NOTICE.encode())
        await self.remote_close()


class ClassroomServer(Server):
    """Serves ``plan`` to at most ``classroom.limit`` browser tabs at once."""

    def __init__(
        self, plan: Plan, classroom: Classroom, *, host: str, port: int, title: str
    ) -> None:
        super().__init__(
            command=f"invite-triage ({plan.kind})",
            host=host,
            port=port,
            title=title,
            templates_path=TEMPLATES,
        )
        self.plan = plan
        self.classroom = classroom
        self.sockets: dict[int, web.WebSocketResponse] = {}

    async def on_startup(self, app: web.Application) -> None:
        """Say where the room is (textual-serve prints its logo here)."""
        app.on_cleanup.append(self.collect_ended_sessions)
        self.console.print(
            f"Serving {self.title} on {self.public_url} "
            f"(up to {self.classroom.limit} sessions). Ctrl+C stops.",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )

    @staticmethod
    async def collect_ended_sessions(app: web.Application) -> None:
        """Free what ended sessions left while the loop still runs.

        An ended session's subprocess transport and its protocol refer to each other, so
        only the cycle collector frees them, and a transport freed after the loop has
        closed prints "Event loop is closed" with a traceback on the way out.
        """
        gc.collect()

    async def on_shutdown(self, app: web.Application) -> None:
        """Close every tab: each session's handler then stops its process and its directory."""
        for websocket in list(self.sockets.values()):
            await websocket.close(code=WSCloseCode.GOING_AWAY, message=b"server stopping")

    # ------------------------------------------------------------------ the page

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        if self.classroom.full:
            response = aiohttp_jinja2.render_template(
                "full.html",
                request,
                {
                    "title": self.title,
                    "limit": self.classroom.limit,
                    "retry_after": FULL_RETRY_SECONDS,
                },
                status=503,
            )
            response.headers["Retry-After"] = str(FULL_RETRY_SECONDS)
        else:
            font_size = clamp(request.query.get("fontsize"), *FONT_SIZES, default=16)
            response = aiohttp_jinja2.render_template(
                "index.html",
                request,
                {"title": self.title, "font_size": font_size, "ended": ENDED[self.plan.kind]},
            )
        response.headers.update(SECURITY_HEADERS)
        return response

    # ------------------------------------------------------------------ a session

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        websocket = web.WebSocketResponse(
            heartbeat=HEARTBEAT_SECONDS, max_msg_size=MAX_MESSAGE_BYTES
        )
        await websocket.prepare(request)
        seat = self.classroom.take()
        if seat is None:
            log.warning("refused a session: all %d places are taken", self.classroom.limit)
            with contextlib.suppress(ConnectionError, RuntimeError):
                await websocket.send_bytes(FULL_NOTICE.encode())
            await websocket.close(code=WSCloseCode.TRY_AGAIN_LATER, message=b"full")
            return websocket
        self.sockets[seat.number] = websocket
        service: SessionService | None = None
        try:
            await asyncio.to_thread(self.plan.prepare, seat)
            service = SessionService(
                self.plan.command(seat),
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=websocket.close,
                download_manager=self.download_manager,
                debug=self.debug,
            )
            width, height = terminal_size(request.query.get("width"), request.query.get("height"))
            log.info("session %d started (%d in use)", seat.number, self.classroom.active)
            await service.start(width, height)
            await self.relay(websocket, service)
        except Exception:
            log.exception("session %d failed", seat.number)
        finally:
            if service is not None:
                await self.end(service, seat)
            self.sockets.pop(seat.number, None)
            self.classroom.leave(seat)
            log.info("session %d ended (%d in use)", seat.number, self.classroom.active)
        return websocket

    async def relay(self, websocket: web.WebSocketResponse, service: SessionService) -> None:
        """The browser's messages to the process, until the tab goes away.

        The same protocol as textual-serve's own loop, but a malformed message is dropped
        rather than ending the session, and resizes are clamped.
        """
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                envelope = json.loads(message.data)
            except ValueError:
                continue
            if not isinstance(envelope, list) or not envelope:
                continue
            kind = envelope[0]
            data = envelope[1] if len(envelope) > 1 else None
            if kind == "stdin" and isinstance(data, str):
                await service.send_bytes(data.encode("utf-8", "replace"))
            elif kind == "resize" and isinstance(data, dict):
                size = terminal_size(data.get("width"), data.get("height"))
                await service.set_terminal_size(*size)
            elif kind == "ping" and isinstance(data, str):
                await websocket.send_json(["pong", data[:64]])
            elif kind == "blur":
                await service.blur()
            elif kind == "focus":
                await service.focus()

    async def end(self, service: SessionService, seat: Seat) -> None:
        """Ask the process to quit; if it does not, SIGTERM it, then SIGKILL it."""
        stopping = asyncio.ensure_future(service.stop())
        steps = ((None, QUIT_GRACE_SECONDS), (signal.SIGTERM, TERM_GRACE_SECONDS))
        for sig, grace in (*steps, (signal.SIGKILL, TERM_GRACE_SECONDS)):
            if sig is not None:
                log.warning("session %d did not quit: sending %s", seat.number, sig.name)
                send_signal(seat, sig)
            done, _ = await asyncio.wait({stopping}, timeout=grace)
            if done:
                with contextlib.suppress(Exception):
                    stopping.result()
                return
        log.error("session %d: its process could not be stopped", seat.number)


def send_signal(seat: Seat, sig: signal.Signals) -> None:
    try:
        pid = int(seat.pid_file.read_text().strip())
    except (OSError, ValueError):
        return
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.kill(pid, sig)
