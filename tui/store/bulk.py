"""Big writes in short chunks: a bulk decision (or its undo) that shares the write lock.

Marking all of a million-invitation split and deciding used to hold SQLite's write lock
for about a minute, and every other window and command failed with "database is locked"
meanwhile. Here the work is cut into chunks, each one transaction that holds the lock for
about :data:`CHUNK_SECONDS`; between chunks other writers get their turn, progress is
reported and the caller may cancel.

What a crash or a cancel leaves: **whole chunks**. Each chunk commits on its own, so the
decisions written so far stay (all of them one batch, which one undo reverts) and the
rest of the invitations are untouched; nothing of a chunk is ever half written.

``call(fn, *args)`` runs ``fn(store, *args)``: the app passes its gateway's ``call`` (so
each chunk takes and releases the app's store lock too), a script passes
``lambda fn, *args: fn(store, *args)``.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from tui.domain.models import Assessment, Decision
from tui.store.chunking import ChunkSizer
from tui.store.store import Store

Call = Callable[..., Any]


@dataclass
class BulkOutcome:
    """What a chunked write did. ``decisions`` holds those of the first chunk only (a bulk
    decision over a million rows returns counts, not a million objects)."""

    total: int
    done: int = 0
    skipped: int = 0  # decided elsewhere meanwhile, left as they were
    cancelled: bool = False
    batch: int | None = None
    moves: Counter = field(default_factory=Counter)  # (from status, to status) -> count
    decisions: list[Decision] = field(default_factory=list)
    last: Decision | None = None  # the last one written (for an undo: the oldest reverted)
    chunk_seconds: list[float] = field(default_factory=list)  # how long each chunk took


Progress = Callable[[BulkOutcome], None]


def decide_in_chunks(
    call: Call,
    seen: Sequence[tuple[int, str]],
    action: str,
    *,
    session: str | None,
    message: str | None = None,
    assessments: Mapping[int, Assessment] | None = None,
    on_progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    sizer: ChunkSizer | None = None,
) -> BulkOutcome:
    """Decide the invitations ``seen`` as ``(id, status seen)`` pairs, in chunks.

    An invitation found in another status than the one seen was decided elsewhere
    meanwhile: it is skipped (counted in ``skipped``), never decided on top of that.
    Every chunk joins the first chunk's batch, so one undo reverts the whole decision.
    """
    sizer = sizer or ChunkSizer()
    outcome = BulkOutcome(total=len(seen))
    start = 0
    while start < len(seen):
        if cancelled():
            outcome.cancelled = True
            break
        chunk = seen[start : start + sizer.size]
        began = time.perf_counter()
        made = call(
            Store.record_decisions,
            [invitation_id for invitation_id, _ in chunk],
            action,
            session=session,
            message=message,
            assessments=assessments,
            expect=dict(chunk),
            changed="skip",
            batch=outcome.batch,
        )
        took = time.perf_counter() - began
        sizer.took(len(chunk), took)
        outcome.chunk_seconds.append(took)
        start += len(chunk)
        if made:
            outcome.batch = made[0].batch
            if not outcome.decisions:
                outcome.decisions = made
        outcome.done += len(made)
        outcome.last = made[-1] if made else outcome.last
        outcome.skipped += len(chunk) - len(made)
        outcome.moves.update((d.previous_status, d.new_status) for d in made)
        if on_progress is not None:
            on_progress(outcome)
    return outcome


def undo_in_chunks(
    call: Call,
    batch: int,
    *,
    on_progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    sizer: ChunkSizer | None = None,
) -> BulkOutcome:
    """Revert a batch chunk by chunk, newest first. The caller has checked it with
    ``Store.undo_check`` (which refuses when any of it was decided over since); a decision
    decided over while the chunks run is left as it is (counted in ``skipped``)."""
    sizer = sizer or ChunkSizer()
    total = call(Store.undo_check, batch)
    outcome = BulkOutcome(total=total, batch=batch)
    while True:
        if cancelled():
            outcome.cancelled = True
            break
        began = time.perf_counter()
        below = outcome.last.id if outcome.last is not None else None
        reverted = call(Store.undo_batch, batch, limit=sizer.size, below=below)
        took = time.perf_counter() - began
        if not reverted:
            break
        sizer.took(len(reverted), took)
        outcome.chunk_seconds.append(took)
        if not outcome.decisions:
            outcome.decisions = reverted
        outcome.done += len(reverted)
        outcome.last = reverted[-1]
        outcome.moves.update((d.new_status, d.previous_status) for d in reverted)
        if on_progress is not None:
            on_progress(outcome)
    outcome.skipped = max(0, outcome.total - outcome.done) if not outcome.cancelled else 0
    return outcome
