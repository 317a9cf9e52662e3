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
  list refresh in place. A banner shows the simulated clock so the trainee can see time
  passing, and says what came in (not a toast: one sat over the detail being read); a
  replied row is marked ``↩``. The list's ages follow the simulated clock on every tick.
- ``q`` finishes the session (asking first when invitations are left) and shows the
  report; ctrl+q still quits at once, and the results are saved after every decision.
  Once finished, ``q`` shows the report again without asking (updated with anything
  decided since), as the status line promises after Esc.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widget import Widget

from tui.ui.dialogs.confirm import ConfirmScreen
from tui.ui.gateway import error_text
from tui.ui.inbox.decisions import Decisions, Outcome
from tui.ui.inbox.screen import InboxScreen
from tui.ui.training.banner_bar import BannerBar
from tui.ui.training.decisions import TrainingDecisions
from tui.ui.training.report import TrainingReportScreen
from tui.ui.training.verdict import VerdictScreen

OPEN_STATUSES = ("pending", "asked", "replied")


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
        # Once the report has been shown, q shows it again, and the footer says so.
        Binding("q", "report", "Report", tooltip="Show your report again", id="training.report"),
        # Same id as the inbox's, so a keymap still applies; off the footer (it is off).
        Binding("f", "toggle_flagged", "Flagged", show=False, id="flagged_only"),
    ]

    finished = False  # the report has been shown: q shows it again without asking
    _aged_at: str | None = None  # the simulated minute the list's ages were painted for

    @property
    def trainer(self):
        return self.app.trainer  # type: ignore[attr-defined]

    def top_bars(self) -> list[Widget]:
        app = self.app
        self.banner = BannerBar(
            trainee=app.trainee_label,  # type: ignore[attr-defined]
            exercise=app.exercise_label,  # type: ignore[attr-defined]
            now=self.services.now,
            speed=getattr(app.clock, "speed", None),  # type: ignore[attr-defined]
            id="banner",
        )
        return [self.banner, *super().top_bars()]

    def on_mount(self) -> None:
        interval = getattr(self.app, "tick_interval", None)
        if interval:
            self.set_interval(interval, self.tick, name="simulator")

    def make_decisions(self) -> Decisions:
        return TrainingDecisions(
            self,
            self.services.gateway,
            self.inbox,
            session=self.services.session,
            assessment_for=self.assessment_for,
            on_done=self.decided,
            on_failed=self.failed,
            on_refused=self.refused,
            on_idle=self._refresh_if_waiting,
            say=self.say,
            busy=self.status.busy,
            trainer=self.trainer,
        )

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
        app_level = ("training.finish", "training.report")
        return [(*e[:3], "App") if e[2] in app_level else e for e in entries]

    # ------------------------------------------------------------------ deciding

    def decided(self, outcome: Outcome) -> None:
        super().decided(outcome)
        if outcome.extra:
            verdict, invitation = outcome.extra
            self.app.push_screen(VerdictScreen(verdict, invitation), self._verdict_closed)

    def _verdict_closed(self, answer: str | None) -> None:
        if answer == "undo":
            self.action_undo()
        elif answer == "finish":
            self.action_finish()
        elif self.counts is not None and not any(self.counts.get(s) for s in OPEN_STATUSES):
            self.say("every invitation is settled: q shows your report")

    # ------------------------------------------------------------------ the simulator

    def tick(self) -> None:
        """Let the simulated clock's events in (timer; tests call it after moving the clock)."""
        self.banner.refresh()
        minute = f"{self.services.now():%Y%m%d%H%M}"
        if minute != self._aged_at:  # simulated time moved on: so do the list's ages
            self._aged_at = minute
            self.inbox.repaint_rows()
        self.run_worker(self._tick, group="tick", exclusive=True, thread=True)

    def _tick(self) -> None:
        try:
            events, names = self.services.gateway.call(_tick, self.trainer)
        except Exception as exc:
            self.call_later(self.failed, error_text(exc))
            return
        if events:
            self.call_later(self._ticked, events, names)

    def _ticked(self, events, names: dict[int, str]) -> None:
        self.refresh_inbox()
        replied = [names.get(invitation_id, "") for invitation_id in events.replies]
        if replied or events.arrivals:
            self.banner.announce(replied=replied, arrived=len(events.arrivals))

    # ------------------------------------------------------------------ finishing

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "finish":
            return not self.finished
        if action == "report":
            return self.finished
        return super().check_action(action, parameters)

    def action_report(self) -> None:
        self._finish_session()  # finishing again takes in anything settled since

    def action_finish(self) -> None:
        counts = self.counts or {}
        left = {status: counts.get(status, 0) for status in OPEN_STATUSES}
        if not any(left.values()):
            self._finish_session()
            return
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

    def _finish_session(self) -> None:
        self.run_worker(self._finish_now, group="finish", exclusive=True, thread=True)

    def _finish_now(self) -> None:
        trainer = self.trainer
        try:
            report = self.services.gateway.call(lambda _store: trainer.finish())
        except Exception as exc:
            self.call_later(self.failed, f"Could not finish: {error_text(exc)}")
            return
        self.call_later(self._show_report, report)

    def _show_report(self, report) -> None:
        self.finished = True
        self.refresh_bindings()
        title = getattr(self.app, "exercise_label", None)
        self.app.push_screen(TrainingReportScreen(report, title=title), self._report_closed)

    def _report_closed(self, answer: str | None) -> None:
        self.say("back to the exercise: q shows the report again")


def _tick(store, trainer):
    events = trainer.tick()
    names = {i: store.get(i).person.name for i in events.replies}
    return events, names
