"""Shared test helpers: small inboxes on disk, a pinned clock, and app drivers.

``make_db(tmp_path, [Inv(...), ...])`` writes a fresh database with exactly the given
invitations (flag codes included), so a test states its data in a few lines.
``open_app(db)`` builds the app on it with the clock pinned to :data:`FIXED_NOW` and
animations off; ``settle(pilot)`` waits until every worker has reported back.
"""

from __future__ import annotations

import asyncio
import io
import os
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tui.domain.models import Assessment, NewInvitation, Person
from tui.store import Filter, Store

FIXED_NOW = datetime(2026, 2, 1, 12, 0, tzinfo=UTC)

# Temporary directories (tmp_path) go to RAM when the machine has room there. Every test
# database is opened with synchronous=FULL, so each file made costs several fsyncs: about
# 20-30 ms a file on this VM's disk against 7-8 ms in /dev/shm, for nothing a test checks
# (a SIGKILLed process leaves its writes in the page cache either way). A small /dev/shm
# (Docker gives 64 MB) is left alone; --basetemp or PYTEST_DEBUG_TEMPROOT still decide.
SHM = Path("/dev/shm")
SHM_ROOM = 2 * 1024**3


def pytest_configure(config) -> None:
    if config.option.basetemp or os.environ.get("PYTEST_DEBUG_TEMPROOT"):
        return
    try:
        stats = os.statvfs(SHM)
    except OSError:
        return
    if stats.f_bavail * stats.f_frsize >= SHM_ROOM and os.access(SHM, os.W_OK | os.X_OK):
        os.environ["PYTEST_DEBUG_TEMPROOT"] = str(SHM)


def ago(minutes: float) -> str:
    """An ISO time ``minutes`` before :data:`FIXED_NOW`."""
    return (FIXED_NOW - timedelta(minutes=minutes)).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Inv:
    """One invitation for :func:`make_db`, with defaults for everything but the name."""

    name: str
    minutes: float = 60
    note: str | None = None
    status: str = "pending"
    flags: tuple[str, ...] = ()
    recommended: str | None = None
    headline: str | None = "Engineer at Acme"
    company: str | None = "Acme"
    direction: str = "incoming"
    photo: str | None = "headshot"
    person: dict = field(default_factory=dict)

    def new(self, key: str) -> NewInvitation:
        return NewInvitation(
            person=Person(
                name=self.name,
                headline=self.headline,
                company=self.company,
                photo=self.photo,
                **self.person,
            ),
            note=self.note,
            sent_at=ago(self.minutes),
            status=self.status,
            direction=self.direction,  # type: ignore[arg-type]
            source="test",
            external_key=key,
        )


# A small inbox that has a bit of everything; newest first in the list.
STANDARD = [
    Inv("Ada Lovelace", 5, note="Loved your talk on engines", flags=(), recommended="accept"),
    Inv("Brook Stone", 30, flags=("generic_note", "no_photo"), recommended="ask"),
    Inv("Cyrus Vale", 90, note="Buy my leads", flags=("sales_pitch",), recommended="ignore"),
    Inv("Dana Reyes", 60 * 5, flags=("generic_note",), recommended="ask"),
    Inv("Eli Moss", 60 * 30, flags=(), recommended="accept"),
    Inv("Farah Nadir", 60 * 24 * 3, status="asked", flags=("generic_note",)),
    Inv("Gus Wilde", 60 * 24 * 4, status="replied"),
    Inv("Hana Ito", 60 * 24 * 10, status="accepted"),
    Inv("Ivan Petrov", 60 * 24 * 40, status="ignored", flags=("sales_pitch", "no_photo")),
]


def make_db(
    tmp_path: Path,
    invitations: list[Inv] | None = None,
    name: str = "inbox.db",
    *,
    real_flags: bool = False,
) -> Path:
    """A fresh database file holding ``invitations`` (default :data:`STANDARD`).

    The stored flag column comes from each ``Inv.flags``, or with ``real_flags`` from the
    flags engine (``tui.domain.assessment.assess``), as the seeder and importers store it.
    """
    path = tmp_path / name
    items = list(STANDARD if invitations is None else invitations)
    by_key = {f"k{index}": item for index, item in enumerate(items)}

    def assess(new: NewInvitation) -> Assessment:
        if real_flags:
            from tui.domain.assessment import assess as engine

            return engine(new)
        spec = by_key[new.external_key]
        return Assessment(flag_codes=spec.flags, recommended=spec.recommended)

    with Store.open(path, create=True) as store:
        store.add_invitations((spec.new(key) for key, spec in by_key.items()), assess=assess)
    return path


def open_app(db_path: Path, **kwargs):
    """The app on ``db_path`` with a pinned clock, a fixed session name, no animations and
    no debounce of the detail pane (each key press settles at once)."""
    from tui.ui.app import InviteTriageApp

    kwargs.setdefault("now", lambda: FIXED_NOW)
    kwargs.setdefault("session", "test-session")
    kwargs.setdefault("settle_delay", 0.0)  # the burst debounce has its own test
    app = InviteTriageApp(db_path, **kwargs)
    app.animation_level = "none"
    return app


def busy(app) -> bool:
    """A worker running, a decision being written, or the detail waiting to settle."""
    screen = app.screen
    return (
        any(worker.is_running for worker in app.workers)
        or getattr(screen, "settling", False)
        or getattr(screen, "deciding", False)
    )


async def settle(pilot, timeout: float = 10.0) -> None:
    """Wait until no worker has run, and no decision been written, for a few loop turns,
    then until every message those brought is handled and the screen painted.

    Polls in 5 ms steps rather than Pilot's 20 ms idle waits: the app tests press many
    keys and this keeps the module quick.
    """
    app = pilot.app
    deadline = time.monotonic() + timeout
    quiet = 0
    while quiet < 4 and time.monotonic() < deadline:
        await asyncio.sleep(0.005)
        quiet = 0 if busy(app) else quiet + 1
        if quiet == 4:
            await pilot.pause()  # the messages the results posted, then a frame
            quiet = 0 if busy(app) else quiet


async def idle(pilot) -> None:
    """Let the prefetch timer fire and its worker finish (and report back)."""
    app = pilot.app
    deadline = time.monotonic() + 5
    while app.screen.prefetch_pending or any(w.is_running for w in app.workers):
        assert time.monotonic() < deadline, "the prefetch never finished"
        await asyncio.sleep(0.005)
    await settle(pilot)


async def press(pilot, *keys: str) -> None:
    """Press keys one at a time, letting each one's work finish before the next."""
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


def screen_strips(app) -> list:
    """The screen as the terminal gets it: one strip per row, after the line filters.

    Textual has no public way to read the composed screen back (screenshots are SVG), so
    this asks the screen's compositor, as Textual's own tests do.
    """
    return app.screen._compositor.render_strips()[: app.size.height]  # noqa: SLF001


def notifications(app) -> list[str]:
    """The messages of the notifications shown so far (Textual keeps them privately)."""
    return [n.message for n in app._notifications]  # noqa: SLF001


def screen_text(app) -> str:
    """The whole screen as plain text, one line per row (colour and style dropped)."""
    out = io.StringIO()
    for strip in screen_strips(app):
        out.write("".join(segment.text for segment in strip).rstrip() + "\n")
    return out.getvalue()


def db_statuses(db_path: Path) -> dict[str, str]:
    """Name -> status, read through a second connection (what is really on disk)."""
    with Store.open(db_path) as store:
        found = {}
        for view in (Filter(status=None), Filter(status="sent")):
            found.update({inv.person.name: inv.status for inv in store.iter_invitations(view)})
        return found


@pytest.fixture
def db(tmp_path) -> Path:
    return make_db(tmp_path)


# Modules whose Pilot tests wait for the app in 5 ms steps (see quick_pilot). Snapshot
# modules keep Textual's own timing: what they compare is taken once the app looks idle.
QUICK_PILOT_MODULES = (
    "test_app_",
    "test_composer_",
    "test_detail_pane",
    "test_detail_integration",
    "test_serve_name_screen",
)


@pytest.fixture(autouse=True)
def quick_pilot(request, monkeypatch):
    """Pilot waits 20 ms twice per key press for the app to go idle; 5 ms steps are plenty
    for these tests' small apps and cut their running time (they wait out most of it)."""
    if not request.module.__name__.startswith(QUICK_PILOT_MODULES):
        return
    import textual._wait as wait  # Pilot's idle wait has no public setting

    monkeypatch.setattr(wait, "SLEEP_GRANULARITY", 0.005)
    monkeypatch.setattr(wait, "SLEEP_IDLE", 0.005 / 20)
