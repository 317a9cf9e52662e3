"""The inbox in training mode: the same keys, the verdict after each decision, a report.

What changes from the ordinary inbox, and why:

- Flags, the flag column and the recommendation stay hidden while an invitation still
  has something to decide (pending, asked, replied); the trainee judges the raw profile,
  note and reply. The "flagged only" filter would give the answer away, so it is off.
- Each decision goes through the training session (``TrainingSession.decide``), which
  records it and answers with a verdict; the :class:`VerdictScreen` shows it at once.
  One decision at a time: marking and bulk decisions are off, and a key pressed while a
  decision is being written is refused rather than queued (it would skip a verdict).
- A timer ticks the simulator in a thread worker (through the gateway, like every store
  call): replies to asks arrive and, with ``--live``, new invitations; the counts and the
  list refresh in place and a notification says what came in. A banner shows the
  simulated clock so the trainee can see time passing.
- ``q`` finishes the session (asking first when invitations are left) and shows the
  report; ctrl+q still quits at once, and the results are saved after every decision.
"""

from __future__ import annotations

from typing import ClassVar

from textual import work
from textual.binding import Binding, BindingType

from tui.store import Cursor, Store
from tui.ui import styles
from tui.ui.bars.base import Bar, PartStyle, Piece
from tui.ui.gateway import error_text
from tui.ui.screens.inbox import InboxScreen
from tui.ui.triage import plural

OPEN_STATUSES = ("pending", "asked", "replied")


class BannerLine(Bar):
    """One line: training mode, who, which exercise, the simulated time, how fast."""

    LINE = "chrome--banner"

    def __init__(self, app) -> None:
        super().__init__()
        self.app = app

    def state(self):
        app = self.app
        clock = app.clock
        when = f"{clock.now():%a %d %b %H:%M}"
        return (app.trainee_label, app.exercise_label, when, getattr(clock, "speed", None))

    def pieces(self, width: int, part: PartStyle) -> list[Piece]:
        trainee, exercise, when, speed = self.state()
        pieces: list[Piece] = [
            (" TRAINING ", styles.badge("#6a1b9a")),
            (" ", None),
            (trainee, styles.LABEL),
            (f" · {exercise} · ", None),
            (when, styles.LABEL),
        ]
        if speed:
            pieces.append((f" ×{speed:g}", styles.MUTED))
        return pieces


class TrainingInboxScreen(InboxScreen):
    """:class:`InboxScreen` driven by a training session (``app.trainer``)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "q",
            "finish",
            "Finish",
            show=True,
            tooltip="Finish the session and see your report (results are already saved)",
            id="training.finish",
        ),
        # Same id as the inbox's, so a keymap still applies; off the footer (it is off).
        Binding("f", "toggle_flagged", "Flagged", show=False, id="flagged_only"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {*InboxScreen.COMPONENT_CLASSES, "chrome--banner"}
    DEFAULT_CSS = """
    TrainingInboxScreen > .chrome--banner {
        background: $accent 30%;
    }
    """

    def chrome_bars(self) -> tuple[list, list]:
        top, bottom = super().chrome_bars()
        self.banner_line = BannerLine(self.app)
        return [self.banner_line, *top], bottom

    def on_mount(self) -> None:
        interval = getattr(self.app, "tick_interval", None)
        if interval:
            self.set_interval(interval, self.tick, name="simulator")

    @property
    def trainer(self):
        return self.app.trainer  # type: ignore[attr-defined]

    # ------------------------------------------------------------------ what training turns off

    def action_decide(self, action: str) -> None:
        if self.deciding:
            self.app.bell()
            self.say("one decision at a time: wait for the verdict")
            return
        super().action_decide(action)

    def action_mark(self) -> None:
        self.app.bell()
        self.say("training: decide one invitation at a time (no marking)")

    def action_mark_all(self) -> None:
        self.action_mark()

    def action_toggle_flagged(self) -> None:
        self.app.bell()
        self.say("training: flags stay hidden until you decide")

    def action_export(self) -> None:
        self.say("training results: invite-triage export --results")

    def help_entries(self) -> list[tuple[str, ...]]:
        entries = super().help_entries()
        return [(*e[:3], "App") if e[2] == "training.finish" else e for e in entries]

    # ------------------------------------------------------------------ deciding

    @work(thread=True, group="decide", exit_on_error=False)
    def _record(self, ids, marks, action, message, assessments, session: str, expect=None) -> None:
        """Worker: the session records the decision and returns its verdict."""
        gateway = self.triage_app.gateway
        try:
            if not ids or len(ids) != 1:
                raise ValueError("training decides one invitation at a time")
            found = gateway.call(_decide, self.trainer, ids[0], action, message)
        except Exception as exc:
            self.deliver(self._write_failed, error_text(exc))
            return
        self.deliver(self._decided, action, *found)

    def _decided(self, action: str, decision, verdict, invitation) -> None:
        self._recorded(action, [decision], False)
        from tui.ui.screens.verdict import VerdictScreen

        self.app.push_screen(VerdictScreen(verdict, invitation), self._verdict_closed)

    def _verdict_closed(self, answer: str | None) -> None:
        if answer == "undo":
            self.action_undo()
        elif answer == "finish":
            self.action_finish()
        elif self.counts is not None and not any(self.counts.get(s) for s in OPEN_STATUSES):
            self.say("every invitation is settled: q shows your report")

    @work(thread=True, group="decide", exit_on_error=False)
    def _undo(self, session: str) -> None:
        """Worker: undo through the session, so the saved results follow."""
        try:
            reverted, cursor = self.triage_app.gateway.call(_undo, self.trainer)
        except Exception as exc:
            self.deliver(self._write_failed, error_text(exc))
            return
        self.deliver(self._undone, reverted, cursor)

    # ------------------------------------------------------------------ the simulator

    def tick(self) -> None:
        """Let the simulated clock's events in (timer; tests call it after moving the clock)."""
        self.banner_line.changed()
        self._tick()

    @work(thread=True, exclusive=True, group="tick", exit_on_error=False)
    def _tick(self) -> None:
        try:
            events, names = self.triage_app.gateway.call(_tick, self.trainer)
        except Exception as exc:
            self.deliver(self.failed, error_text(exc))
            return
        if events:
            self.deliver(self._ticked, events, names)

    def _ticked(self, events, names: dict[int, str]) -> None:
        self.refresh_inbox()
        for invitation_id in events.replies:
            name = names.get(invitation_id)
            who = _short(name) if name else "A sender"
            self.notify(f"{who} replied to your question.", title="Reply", timeout=6, markup=False)
        if events.arrivals:
            count = len(events.arrivals)
            self.notify(f"{plural(count, 'new invitation')} arrived.", title="New", timeout=4)

    # ------------------------------------------------------------------ finishing

    def action_finish(self) -> None:
        counts = self.counts or {}
        left = {status: counts.get(status, 0) for status in OPEN_STATUSES}
        if not any(left.values()):
            self._finish_session()
            return
        from tui.ui.screens.confirm import ConfirmScreen

        parts = []
        if left["pending"] or left["replied"]:
            parts.append(f"{left['pending'] + left['replied']} still to decide (no points)")
        if left["asked"]:
            parts.append(f"{left['asked']} waiting on a reply (no points until settled)")
        question = f"Finish now? {'; '.join(parts)}."
        self.app.push_screen(ConfirmScreen(question), self._finish_confirmed)

    def _finish_confirmed(self, yes: bool | None) -> None:
        if yes:
            self._finish_session()
        else:
            self.say("carry on: q finishes when you are done")

    @work(thread=True, exclusive=True, group="finish", exit_on_error=False)
    def _finish_session(self) -> None:
        trainer = self.trainer
        try:
            report = self.triage_app.gateway.call(lambda _store: trainer.finish())
        except Exception as exc:
            self.deliver(self.failed, f"Could not finish: {error_text(exc)}")
            return
        self.deliver(self._show_report, report)

    def _show_report(self, report) -> None:
        from tui.ui.screens.training_report import TrainingReportScreen

        title = getattr(self.app, "exercise_label", None)
        self.app.push_screen(TrainingReportScreen(report, title=title), self._report_closed)

    def _report_closed(self, answer: str | None) -> None:
        self.say("back to the exercise: q shows the report again")


# ---------------------------------------------------------------------- run under the lock


def _decide(store: Store, trainer, invitation_id: int, action: str, message: str | None):
    verdict = trainer.decide(invitation_id, action, message=message)
    decision = store.decisions(invitation_id)[-1]
    return decision, verdict, store.get(invitation_id)


def _undo(store: Store, trainer):
    """Undo the session's last decision; the reverted decisions and where to put the cursor."""
    ids = trainer.undo()
    if not ids:
        return [], None
    reverted = []
    for invitation_id in dict.fromkeys(ids):
        log = store.decisions(invitation_id)
        by_id = {d.id: d for d in log}
        undo = next(d for d in reversed(log) if d.action == "undo")
        reverted.append(by_id[undo.undoes])
    invitation = store.get(reverted[-1].invitation_id)
    return reverted, Cursor(invitation.sent_at, invitation.id)


def _tick(store: Store, trainer):
    events = trainer.tick()
    names = {i: store.get(i).person.name for i in events.replies}
    return events, names


def _short(name: str, width: int = 40) -> str:
    from tui.ui.row_format import clean, fit

    text = clean(name)
    return fit(text, width).rstrip() if len(text) > width else text
